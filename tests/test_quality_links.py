"""Every internal link, anchor and PDF link in the built site resolves, in both languages and in
the offline edition."""
from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

SKIP_SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "blob:")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag in ("a", "link") and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.links.append(a["href"])
        elif tag in ("script", "img", "source", "iframe") and a.get("src"):
            self.links.append(a["src"])


@functools.lru_cache(maxsize=None)
def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        base = site / unquote(parts.path).lstrip("/")
    else:
        base = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if base.is_dir():
        base = base / "index.html"
    return (base if base.exists() else None), unquote(parts.fragment)


def _broken(site: Path) -> list[str]:
    site = site.resolve()
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue  # its links are relative to wherever it is served
        for href in _parse(page).links:
            if href.startswith(SKIP_SCHEMES) or href.startswith("//"):
                continue
            target, fragment = _target(site, page, href)
            where = page.relative_to(site)
            if target is None:
                broken.append(f"{where}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                broken.append(f"{where}: {href} (no id {fragment!r})")
    return broken


def _pdf_links(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") for h in _parse(p).links if h.split("#")[0].endswith(".pdf"))


@pytest.mark.parametrize("edition", ["site_dir", "offline_dir"])
def test_all_internal_links_and_anchors_resolve(edition, request):
    site = request.getfixturevalue(edition)
    broken = _broken(site)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])
    # Both languages were checked.
    assert (site / "en").is_dir() and any((site / "en").rglob("*.html"))


def test_checker_finds_a_broken_link_and_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text('<h2 id="x">x</h2><a href="#x">ok</a><a href="#y">bad</a>'
                                           '<a href="../b/">missing</a><a href="../a/#x">ok</a>')
    _parse.cache_clear()
    broken = _broken(tmp_path)
    assert broken == ["a/index.html: #y (no id 'y')", "a/index.html: ../b/ (no such file)"]
