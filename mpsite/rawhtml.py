"""Finished HTML in generated Markdown, kept away from Markdown.

The engines put finished HTML into the Markdown they generate: quiz blocks, the articles of the
law texts, the plan's task texts. Python-Markdown does not just pass such HTML through: MkDocs
and md_in_html each run ``html.parser`` over it, and superfences scans its every line. For a law
text that was two thirds of the page's Markdown time. An engine wraps its HTML with ``block``;
``protect`` swaps each block for a placeholder comment just before Markdown runs and ``restore``
swaps it back just after, with the ids the block holds (MkDocs checks links to them).

Markdown that never goes through ``protect`` (a test, a PDF built from Markdown) still renders
right: the wrapping comments are plain HTML comments around plain HTML.
"""
from __future__ import annotations

import re

_BLOCK = re.compile(r"<!--mp-raw-->(.*?)<!--/mp-raw-->", re.S)
PLACEHOLDER = re.compile(r"<!--mp-raw:(\d+)-->")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")

# A page's held blocks, from ``protect`` to ``restore`` (key: the page's source path). Others that
# work on the page in between (mpsite.slides_markdown) read and mark them here.
HELD: dict[str, list[str]] = {}


def block(html: str) -> str:
    """``html`` as a block of its own in Markdown, which Markdown will not parse."""
    return f"\n\n<!--mp-raw-->{html.strip()}<!--/mp-raw-->\n\n"


def protect(markdown: str) -> tuple[str, list[str]]:
    """(Markdown with each block replaced by a placeholder, the blocks)."""
    blocks: list[str] = []

    def hold(m: re.Match[str]) -> str:
        blocks.append(m.group(1))
        return f"<!--mp-raw:{len(blocks) - 1}-->"
    return _BLOCK.sub(hold, markdown), blocks


def restore(html: str, blocks: list[str]) -> tuple[str, set[str]]:
    """(the HTML with the blocks back in place, the element ids the blocks hold)."""
    if not blocks:
        return html, set()
    ids = {i for b in blocks for i in _ID.findall(b)}
    return PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html), ids
