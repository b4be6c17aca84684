"""Both languages: the same page tree, the same heading ids, translated navigation."""
from __future__ import annotations

import re
from pathlib import Path

from mpsite import translations

ROOT = Path(__file__).resolve().parent.parent


def test_every_page_exists_in_both_languages():
    assert not translations.missing_translations(ROOT / "docs"), \
        [str(e) for e in translations.missing_translations(ROOT / "docs")]


def test_built_pages_have_the_same_heading_ids(site_dir: Path):
    zh_pages = [p for p in site_dir.rglob("index.html") if not p.relative_to(site_dir).parts[0] == "en"]
    compared = 0
    for zh in zh_pages:
        en = site_dir / "en" / zh.relative_to(site_dir)
        assert en.exists(), f"{zh.relative_to(site_dir)} has no English page"
        zh_ids = translations.heading_ids(zh.read_text(encoding="utf-8"))
        en_ids = translations.heading_ids(en.read_text(encoding="utf-8"))
        assert zh_ids == en_ids, f"{zh.relative_to(site_dir)}: {zh_ids} != {en_ids}"
        compared += 1
    assert compared >= 10


def test_language_switcher_and_translated_navigation(site_dir: Path):
    zh = (site_dir / "resources/hotlines/index.html").read_text(encoding="utf-8")
    en = (site_dir / "en/resources/hotlines/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in zh and '<html lang="en"' in en
    # The switcher links each page to its twin in the other language.
    assert re.search(r'href="[^"]*en/resources/hotlines/"[^>]*hreflang="en"', zh)
    assert re.search(r'hreflang="zh"', en)
    for zh_title, en_title in [("政策解读", "Policy"), ("校园防欺凌", "Anti-bullying"),
                               ("家长课堂", "Parent school"), ("下载中心", "Downloads")]:
        assert zh_title in zh and en_title in en and zh_title not in en


def test_mismatched_heading_ids_are_named():
    errors = translations.heading_mismatches({
        "zh": {"a.md": ["overview", "steps"]},
        "en": {"a.md": ["overview", "next-steps"]},
    })
    assert len(errors) == 1
    text = str(errors[0])
    assert "docs/en/a.md" in text and "steps" in text and "next-steps" in text


def test_missing_translation_found_in_a_tree(tmp_path: Path):
    (tmp_path / "zh/a").mkdir(parents=True)
    (tmp_path / "en/a").mkdir(parents=True)
    (tmp_path / "zh/a/page.md").write_text("# 页")
    (tmp_path / "zh/a/both.md").write_text("# 页")
    (tmp_path / "en/a/both.md").write_text("# Page")
    (tmp_path / "en/extra.md").write_text("# Extra")
    errors = [str(e) for e in translations.missing_translations(tmp_path)]
    assert errors[0].startswith("docs/zh/a/page.md: page has no English translation")
    assert errors[1].startswith("docs/en/extra.md: page has no Chinese original")
    assert len(errors) == 2
