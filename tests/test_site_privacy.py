"""No page requests any host but its own: no web fonts, no CDN scripts, no analytics."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

# One page of each kind, in both languages. Pages other engines add are picked up by
# test_no_foreign_urls_in_any_page below, which scans every built file.
PAGES = ["/", "/resources/", "/resources/hotlines/", "/resources/glossary/",
         "/quizzes/", "/downloads/", "/policy/", "/anti-bullying/", "/parenting/", "/network-safety/",
         "/safety/"]


def _foreign_requests(page, url: str, origin: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(url, wait_until="networkidle")
    # Open search too: it loads the worker and the index.
    page.fill("input.md-search__input", "未成年人")
    page.wait_for_timeout(500)
    return [u for u in seen if urlparse(u).scheme in ("http", "https") and not u.startswith(origin)]


@pytest.mark.parametrize("lang", ["", "/en"])
def test_pages_request_only_their_own_host(page, server, lang):
    for path in PAGES:
        foreign = _foreign_requests(page, server + lang + path, server)
        assert not foreign, f"{lang}{path} requested {foreign}"


_EXTERNAL_LOAD = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio)\b[^>]*?\b(?:src|href)=["'](?:https?:)?//""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+url\(["']?(?:https?:)?//|url\(["']?https?://""", re.I)


def test_no_foreign_urls_in_any_page(site_dir: Path):
    """Every built HTML file and stylesheet loads resources from the site itself only."""
    offenders = []
    for path in site_dir.rglob("*"):
        if path.suffix == ".html":
            for m in _EXTERNAL_LOAD.finditer(path.read_text(encoding="utf-8")):
                if re.search(r"""rel=["'](?:canonical|alternate)""", m.group(0)):
                    continue  # a link to the page's own address, not a load
                offenders.append(f"{path.relative_to(site_dir)}: {m.group(0)[:100]}")
        elif path.suffix == ".css":
            if _CSS_IMPORT.search(path.read_text(encoding="utf-8", errors="replace")):
                offenders.append(str(path.relative_to(site_dir)))
    assert not offenders, "\n".join(offenders[:20])
