"""Town settings (``extra:`` in mkdocs.yml) put into page text through ``{{ key.path }}`` markers.

A value is either plain text or a ``{zh: ..., en: ...}`` mapping, chosen by the page's language.
A value the town has not checked yet is written ``{sample: "0000-0000000"}`` (or is all zeros):
every page and PDF shows it with a label saying so, and a strict build refuses to publish it.
Markers inside code (`` `...` `` spans and fenced blocks) are left as they are, so the README and
authors' guides can show the syntax.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .errors import AuthorError, AuthorErrors

# Shown after a sample value, in the page's language.
SAMPLE_LABEL = {"zh": "{value}（示例号码，请本镇核实后替换）",
                "en": "{value} (sample number: the town must check and replace it)"}
_PLACEHOLDER = re.compile(r"^[0\s-]+$")  # 0000-0000000 and the like: never a real number

MARKER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")
# Fenced code blocks and inline code spans, which are not rendered as markers.
_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`", re.M | re.S)


def lookup(settings: Mapping[str, Any], key: str, lang: str) -> str | None:
    """The text for a dotted key in ``lang``, or None when the key does not exist."""
    value: Any = settings
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    if is_sample(value):
        text = value["sample"] if isinstance(value, Mapping) else value
        return SAMPLE_LABEL.get(lang, SAMPLE_LABEL["en"]).format(value=text)
    if isinstance(value, Mapping):
        value = value.get(lang)
    if value is None or isinstance(value, (Mapping, list)):
        return None
    return str(value)


def is_sample(value: Any) -> bool:
    """A value marked ``{sample: ...}``, or a placeholder such as 0000-0000000."""
    if isinstance(value, Mapping):
        return "sample" in value
    return isinstance(value, str) and bool(_PLACEHOLDER.match(value)) and "0" in value


def samples(settings: Mapping[str, Any], prefix: str = "") -> list[str]:
    """Dotted keys of every value still a sample, e.g. ``contacts.town_office_phone``."""
    found = []
    for key, value in settings.items():
        path = f"{prefix}{key}"
        if is_sample(value):
            found.append(path)
        elif isinstance(value, Mapping):
            found += samples(value, path + ".")
    return found


def require_checked(settings: Mapping[str, Any], where: str = "mkdocs.yml") -> None:
    """Stop a build meant for publishing while any value is still a sample."""
    keys = samples(settings)
    if keys:
        raise AuthorErrors([AuthorError(
            where, f"extra.{key} is still a sample value",
            expected="the town's checked value in place of the sample") for key in keys])


def apply(markdown: str, settings: Mapping[str, Any], lang: str, where: str) -> str:
    """Replace every marker; an unknown key stops with the file and line."""
    errors: list[AuthorError] = []
    protected = [(m.start(), m.end()) for m in _CODE.finditer(markdown)]

    def in_code(pos: int) -> bool:
        return any(start <= pos < end for start, end in protected)

    def replace(match: re.Match[str]) -> str:
        if in_code(match.start()):
            return match.group(0)
        value = lookup(settings, match.group(1), lang)
        if value is None:
            errors.append(AuthorError(
                where, f"unknown setting marker {match.group(0)}",
                expected="a key under extra: in mkdocs.yml, e.g. {{ town.name }}",
                line=markdown.count("\n", 0, match.start()) + 1))
            return match.group(0)
        return value

    result = MARKER.sub(replace, markdown)
    if errors:
        raise AuthorErrors(errors)
    return result
