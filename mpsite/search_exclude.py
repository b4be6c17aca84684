"""Keep ``data-search-exclude`` blocks away from the search indexer altogether.

Material's search plugin (9.7) does not exclude such a block reliably: it tracks skipped
elements in a set of elements that compare by tag name, so the first nested ``</div>`` ends the
exclusion. Quiz answers and the Chinese text of English law pages went into the indexes (about
a quarter to a third of their size), and parsing them was most of the plugin's time in our build.
``stash`` cuts each block out before the plugin indexes the page, leaving a comment the indexer
ignores; ``restore`` puts the blocks back before the page template is rendered, without the
attribute, as Material leaves them.
"""
from __future__ import annotations

import re

_NAME = "data-search-exclude"
_START = re.compile(rf"<([a-zA-Z][\w-]*)\b[^>]*?\s{_NAME}(?=[\s=/>])[^>]*>")
_PLACEHOLDER = re.compile(r"<!--search-stash:(\d+)-->")
_ATTRIBUTE = re.compile(rf'\s{_NAME}(?:="[^"]*")?')


def _block_end(html: str, tag: str, pos: int) -> int | None:
    """The end of the element whose start tag ends at ``pos`` (same-name elements may nest)."""
    depth = 1
    for m in re.compile(rf"<(/?){tag}\b[^>]*>", re.I).finditer(html, pos):
        if m.group(0).endswith("/>"):
            continue
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return None


def _starts(html: str):
    """The start tags that carry the attribute. Found by the attribute's name first: a regex over
    every tag of the page took most of this module's time, and most pages have no such block."""
    i = html.find(_NAME)
    while i >= 0:
        m = _START.match(html, html.rfind("<", 0, i))
        if m and m.end() > i:
            yield m
            i = html.find(_NAME, m.end())
        else:
            i = html.find(_NAME, i + 1)


def stash(html: str) -> tuple[str, list[str]]:
    """(html with each excluded block replaced by a placeholder comment, the blocks)."""
    blocks: list[str] = []
    parts: list[str] = []
    pos = 0
    for m in _starts(html):
        if m.start() < pos:
            continue                      # inside a block already cut out
        end = _block_end(html, m.group(1), m.end())
        if end is None:
            break                         # never closed: leave the rest to the indexer as it is
        parts += [html[pos:m.start()], f"<!--search-stash:{len(blocks)}-->"]
        blocks.append(_ATTRIBUTE.sub("", m.group(0), count=1) + html[m.end():end])
        pos = end
    if not blocks:
        return html, blocks
    parts.append(html[pos:])
    return "".join(parts), blocks


def restore(html: str, blocks: list[str]) -> str:
    """Undo ``stash``."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
