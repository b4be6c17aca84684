"""Finished HTML from the engines skips Markdown: adapts MkDocs events to ``mpsite.rawhtml``."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from mpsite import rawhtml


@event_priority(-100)  # after every engine has written its Markdown
def on_page_markdown(markdown, page, config, files):
    markdown, rawhtml.HELD[page.file.src_uri] = rawhtml.protect(markdown)
    return markdown


@event_priority(100)  # before any hook reads the HTML
def on_page_content(html, page, config, files):
    blocks = rawhtml.HELD.pop(page.file.src_uri, None)
    if not blocks:
        return html
    html, ids = rawhtml.restore(html, blocks)
    page.present_anchor_ids = (page.present_anchor_ids or set()) | ids  # for MkDocs' link check
    return html
