"""Both languages, always: the same page tree and the same heading ids in zh and en."""
from __future__ import annotations

import re
from pathlib import Path

from .errors import AuthorError

LANGS = ("zh", "en")
_HEADING_ID = re.compile(r"<h([1-6])[^>]*\bid=\"([^\"]+)\"")


def page_tree(docs_dir: Path, lang: str) -> set[str]:
    """Markdown pages of one language, as paths relative to its folder."""
    root = docs_dir / lang
    return {p.relative_to(root).as_posix() for p in root.rglob("*.md")}


def missing_translations(docs_dir: Path) -> list[AuthorError]:
    """A page that exists in one language only."""
    zh, en = page_tree(docs_dir, "zh"), page_tree(docs_dir, "en")
    errors = []
    for rel in sorted(zh - en):
        errors.append(AuthorError(f"docs/zh/{rel}", "page has no English translation",
                                  expected=f"docs/en/{rel} with the same headings and ids"))
    for rel in sorted(en - zh):
        errors.append(AuthorError(f"docs/en/{rel}", "page has no Chinese original",
                                  expected=f"docs/zh/{rel}"))
    return errors


def heading_ids(html: str) -> list[str]:
    """Ids of h2-h6 headings in document order (h1 is the title and needs none)."""
    return [hid for level, hid in _HEADING_ID.findall(html) if level != "1"]


def heading_mismatches(ids: dict[str, dict[str, list[str]]]) -> list[AuthorError]:
    """Pages whose zh and en headings differ in ids or order. ``ids[lang][page] = [...]``."""
    errors = []
    for page in sorted(set(ids.get("zh", {})) & set(ids.get("en", {}))):
        zh, en = ids["zh"][page], ids["en"][page]
        if zh != en:
            only_zh = [i for i in zh if i not in en]
            only_en = [i for i in en if i not in zh]
            detail = (f"zh only: {only_zh}; en only: {only_en}" if only_zh or only_en
                      else "same ids in a different order")
            errors.append(AuthorError(
                f"docs/en/{page}", f"heading ids differ from docs/zh/{page} ({detail})",
                expected="the same headings with explicit ids, e.g. '## 强制报告 { #mandatory-reporting }'"))
    return errors
