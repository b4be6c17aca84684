"""Text that Markdown would turn into one plain paragraph, converted without Markdown.

Quiz texts and the plan's task texts are mostly plain sentences; running each through
Python-Markdown's inline patterns was a noticeable part of the build. A text qualifies when it
has no markup character, no line break, no list or heading start and no entity (``&...;``), so
escaping it is the whole conversion and the HTML is the same.
"""
from __future__ import annotations

import html
import re

_PLAIN = re.compile(r"(?![\d]+[.)]\s|[-+]\s)[^*_`\[\]<>#|!\\~^={}&:\n]*")


def paragraph(text: str) -> str | None:
    """``<p>text</p>`` for a plain text, None when it needs Markdown."""
    source = text.strip()
    if not _PLAIN.fullmatch(source):
        return None
    return f"<p>{html.escape(source, quote=False)}</p>"
