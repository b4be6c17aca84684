"""QR codes for paper: scanned by a parent's phone to open the page or its quiz.

Drawing a code is slow in pure Python (segno scores eight masks): about 40 ms each, some 200 per
build. A code is a function of its address alone, so the print HTML first carries a placeholder
that names the address (``placeholder``); the cache key is taken over that HTML, and only a
document that is actually rendered gets its codes drawn (``fill``). A warm build draws none.
"""
from __future__ import annotations

import html
import re

# Part of the cache key: change it when the drawing below changes.
STYLE = "segno error=m scale=4 border=4 #000/#fff"
_PLACEHOLDER = re.compile(r"mp-qr:([^\"'\s<>]+)")


def svg_data_uri(url: str) -> str:
    """A black-on-white SVG QR code as a data URI (no file, no request). Error level M
    survives a smudged photocopy; the quiet zone (border 4) lets phones find it."""
    import segno  # here: builds without PDFs draw no QR code
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4,
                                                                dark="#000", light="#fff")


def placeholder(url: str) -> str:
    """Stands for the code of ``url`` in an ``<img src>`` until ``fill``."""
    return "mp-qr:" + url.replace(" ", "%20")


def fill(print_html: str) -> str:
    """The print HTML with every placeholder replaced by its drawn code."""
    return _PLACEHOLDER.sub(lambda m: svg_data_uri(html.unescape(m.group(1))), print_html)
