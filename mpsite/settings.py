"""Town settings (``extra:`` in mkdocs.yml) put into page text through ``{{ key.path }}`` markers.

A value is either plain text or a ``{zh: ..., en: ...}`` mapping, chosen by the page's language.
Markers inside code (`` `...` `` spans and fenced blocks) are left as they are, so the README and
authors' guides can show the syntax.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .errors import AuthorError, AuthorErrors

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
    if isinstance(value, Mapping):
        value = value.get(lang)
    if value is None or isinstance(value, (Mapping, list)):
        return None
    return str(value)


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
