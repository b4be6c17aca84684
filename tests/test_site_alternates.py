"""hreflang alternates that search engines can use and that cost the reader no failed request:
real <link rel="alternate"> on the two home pages (Material reads <alternate>/sitemap.xml for
each), and on every page in the sitemaps, which exist for both language roots."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "https://training.example.org/"


def test_no_page_carries_a_link_without_rel(site_dir):
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "data-alternate" not in html, page
        for link in re.findall(r"<link\b[^>]*>", html):
            assert "rel=" in link, f"{page.relative_to(site_dir)}: {link}"


def _url(site_dir, page):
    folder = page.parent.relative_to(site_dir).as_posix()
    return SITE if folder == "." else SITE + folder + "/"


@pytest.mark.parametrize("home", ["index.html", "en/index.html"])
def test_home_pages_have_alternates_whose_sitemaps_exist(site_dir, home):
    html = (site_dir / home).read_text(encoding="utf-8")
    alternates = {lang: href for href, lang in
                  re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(\w+)">', html)}
    assert set(alternates) == {"zh", "en"}
    for href in alternates.values():
        folder = site_dir / href.lstrip("/") if href.startswith("/") else (site_dir / home).parent / href
        assert (folder / "sitemap.xml").exists(), f"{home}: Material would fetch {href}sitemap.xml and get a 404"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_language_sitemap_lists_its_pages_with_their_twins(site_dir, prefix):
    pages = [p for p in (site_dir / prefix).rglob("index.html")
             if prefix or p.relative_to(site_dir).parts[0] != "en"]
    urls = ET.parse(site_dir / prefix / "sitemap.xml").findall("s:url", NS)
    locs = {u.find("s:loc", NS).text for u in urls}
    missing = {_url(site_dir, p) for p in pages} - locs
    assert not missing, sorted(missing)[:5]
    for url in urls:
        langs = {link.get("hreflang") for link in url.findall("x:link", NS) if link.get("rel") == "alternate"}
        assert langs == {"zh", "en"}, url.find("s:loc", NS).text
