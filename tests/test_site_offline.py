"""The offline edition works from file://: navigation and Chinese search, without a server."""
from __future__ import annotations

import zipfile
from pathlib import Path


def test_offline_edition_searches_chinese_from_file_url(page, offline_dir: Path):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_dir / "index.html").as_uri())
    # Navigation: directory URLs are off, links point at files that exist.
    page.click("a.md-tabs__link >> nth=1")
    assert page.url.startswith("file://") and page.url.endswith(".html")
    page.fill("input.md-search__input", "督促监护令")
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert any("policy/guardianship-orders.html" in h for h in hrefs[:5]), hrefs[:5]
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests), \
        [u for u in requests if not u.startswith("file://")]


def test_offline_english_pages_search_english(page, offline_dir: Path):
    page.goto((offline_dir / "en" / "index.html").as_uri())
    page.fill("input.md-search__input", "grandparents")
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
    assert any("/en/parenting/08-left-behind-children.html" in h for h in hrefs[:5]), hrefs[:5]


def test_offline_zip_packs_the_edition(tmp_path):
    from mpsite.atomic_build import pack
    folder = tmp_path / "site-offline"
    (folder / "en").mkdir(parents=True)
    (folder / "index.html").write_text("zh")
    (folder / "en" / "index.html").write_text("en")
    with zipfile.ZipFile(pack(folder)) as zf:
        assert sorted(zf.namelist()) == ["en/index.html", "index.html"]
