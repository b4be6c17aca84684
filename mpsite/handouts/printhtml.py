"""A rendered page's HTML made fit for paper, and the print documents built from templates.

Templates and ``print.css`` live in ``overrides/print/`` and are rendered with plain Jinja (no
MkDocs here). The stylesheet is inlined into each document, so the cache key (a hash of the
document) changes whenever the template or the CSS does.
"""
from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2

_HEADERLINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>.*?</a>', re.S)
_FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>\s*", re.S)
# Links that print no address: a citation names its article already; a link marked by the site
# (lists of duty sheets) has an address that is no use on paper.
_NO_URL = ('class="md-citation"', 'data-print-url="no"')
_LINK = re.compile(r'<a\b([^>]*?)\bhref="([^"]*)"([^>]*)>(.*?)</a>', re.S)
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")')
_DETAILS = re.compile(r"<details\b(?![^>]*\bopen\b)")
_QUIZ_BOX = re.compile(r'(<(?:div|section|form)\b[^>]*\bid="quiz-[\w-]+"[^>]*>)')
_TAGS = re.compile(r"<[^>]+>")


def template_env(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)),
                              autoescape=jinja2.select_autoescape(["html"]),
                              trim_blocks=True, lstrip_blocks=True)


def for_print(content: str, page_url: str, quiz_note: str,
              image_file: Callable[[str], Path | None]) -> str:
    """Turn a page's rendered HTML into print HTML.

    - the H1 goes (the title block shows it) and so do heading permalinks;
    - links to other places get their absolute URL printed after the text, once per URL; links
      to anchors within the page, law citations (which name their article) and links marked
      ``data-print-url="no"`` print no URL;
    - ``<details>`` are printed open; the interactive quiz is replaced by a pointer to its QR
      code (print CSS hides the quiz box);
    - images point to their source files, so they render before the site is written.
    """
    content = _FIRST_H1.sub("", content, count=1)
    content = _HEADERLINK.sub("", content)
    printed: set[str] = set()

    def link(m: re.Match[str]) -> str:
        before, href, after, text = m.groups()
        raw = htmllib.unescape(href)
        if not raw or raw.startswith(("#", "javascript:")):
            return m.group(0)
        if raw.startswith(("mailto:", "tel:")):
            return m.group(0)
        target = urljoin(page_url, raw)
        if target.split("#")[0] == page_url.split("#")[0]:
            return m.group(0)  # an anchor on this page written as a full link
        shown = _TAGS.sub("", text).strip()
        tag = f'<a{before}href="{htmllib.escape(target)}"{after}>{text}</a>'
        if (target in printed or htmllib.unescape(shown) in (target, raw)
                or any(mark in before + after for mark in _NO_URL)):
            return tag
        printed.add(target)
        return f'{tag}<span class="print-url"> ({htmllib.escape(target)})</span>'

    content = _LINK.sub(link, content)

    def image(m: re.Match[str]) -> str:
        src = htmllib.unescape(m.group(2))
        if src.startswith("data:") or urlsplit(src).scheme in ("http", "https", "file"):
            return m.group(0)
        path = urlsplit(urljoin(page_url, src)).path
        found = image_file(path)
        return m.group(1) + (found.as_uri() if found else m.group(2)) + m.group(3)

    content = _IMG_SRC.sub(image, content)
    content = _DETAILS.sub("<details open", content)
    content = _QUIZ_BOX.sub(
        lambda m: f'<p class="print-quiz-note">{htmllib.escape(quiz_note)}</p>' + m.group(1), content)
    return content


def local_images(document: str) -> list[Path]:
    """The image files a print document embeds (for the cache key)."""
    from urllib.parse import unquote
    return [Path(unquote(urlsplit(src).path)) for _, src, _ in _IMG_SRC.findall(document)
            if src.startswith("file:")]
