"""Stylesheets and scripts that only some pages need (a quiz, the decision guide, the slides),
linked on those pages alone: a parent who opens one lesson from a QR code downloads nothing else.
Addresses are relative to the page, so they work under /, /en/ and from file:// alike."""
from __future__ import annotations

import posixpath


def relative(path: str, page_url: str) -> str:
    """A site path (``assets/x.js``) as seen from a page's URL (``parenting/01/``, ``index.html``)."""
    base = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
    return posixpath.relpath(path, base or ".")


def link(output: str, page_url: str, css: str | None = None, js: str | None = None) -> str:
    """The page's HTML with the stylesheet at the end of <head> and the deferred script at the
    end of <body>."""
    if css:
        output = output.replace("</head>", f'<link rel="stylesheet" href="{relative(css, page_url)}">\n</head>', 1)
    if js:
        output = output.replace("</body>", f'<script src="{relative(js, page_url)}" defer></script>\n</body>', 1)
    return output
