"""A sitemap for each language folder.

static-i18n writes one sitemap.xml at the root, with every page of both languages and their
hreflang alternates. Material's language selector reads ``<alternate>/sitemap.xml`` for each
``<link rel="alternate">`` of a page, so ``en/sitemap.xml`` must exist too (else a 404 on every
visit of the English home page); it holds the English entries.
"""
from __future__ import annotations

import re

_URL = re.compile(r"[ \t]*<url>.*?</url>\n?", re.S)
_LOC = re.compile(r"<loc>([^<]*)</loc>")


def language_sitemap(sitemap: str, base_url: str) -> str:
    """The root sitemap cut down to the entries whose address starts with ``base_url``."""
    entries = [m.group(0) for m in _URL.finditer(sitemap)
               if (loc := _LOC.search(m.group(0))) and loc.group(1).startswith(base_url)]
    head = sitemap[:_URL.search(sitemap).start()] if _URL.search(sitemap) else sitemap
    return head + "".join(entries) + "</urlset>\n"
