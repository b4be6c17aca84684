"""Accessibility repairs to rendered page HTML that Markdown extensions leave open."""
from __future__ import annotations

import html
import re

# pymdownx.tasklist renders the item text after the checkbox's <label>, so the checkbox has no
# accessible name (axe "label", critical). Name it by the item's own text, up to a nested block.
_TASK = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")((?:\s+\w+)*\s*/?>)'
    r'(<span class="task-list-indicator"></span></label>)(.*?)(?=</li>|<ul|<ol|<p|<div)', re.S)
_TAGS = re.compile(r"<[^>]+>")


def label_task_checkboxes(page_html: str) -> str:
    def name(m: re.Match[str]) -> str:
        text = " ".join(html.unescape(_TAGS.sub("", m.group(4))).split())
        if not text:
            return m.group(0)
        return f'{m.group(1)} aria-label="{html.escape(text[:200])}"{m.group(2)}{m.group(3)}{m.group(4)}'
    return _TASK.sub(name, page_html)
