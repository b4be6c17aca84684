"""The held law texts: parsed completely, consistent with articles.json, and their pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mpsite import laws

ROOT = Path(__file__).resolve().parent.parent
LAW_DIR = ROOT / "data" / "laws"
FULL_TEXTS = {"minor-protection-law": 132, "family-education-promotion-law": 55,
              "juvenile-delinquency-prevention-law": 68, "minors-online-protection-regulation": 60,
              "anti-domestic-violence-law": 38}
EXCERPT = ([*range(17, 24), *range(26, 40), 1041, 1042, 1067, 1068, 1084, 1085, 1086,
            1188, 1189, 1199, 1200, 1201])


@pytest.fixture(scope="module")
def library() -> laws.Library:
    return laws.load_dir(LAW_DIR)


@pytest.mark.parametrize("number, numeral", [
    (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (39, "三十九"), (100, "一百"),
    (101, "一百零一"), (110, "一百一十"), (130, "一百三十"), (132, "一百三十二"),
    (1000, "一千"), (1041, "一千零四十一"), (1100, "一千一百"), (1188, "一千一百八十八"),
    (1201, "一千二百零一")])
def test_chinese_numerals_both_ways(number, numeral):
    assert laws.cn_to_int(numeral) == number
    assert laws.int_to_cn(number) == numeral


def test_numerals_round_trip_up_to_1201():
    assert all(laws.cn_to_int(laws.int_to_cn(n)) == n for n in range(1, 1202))
    assert laws.cn_to_int("两") == 2
    with pytest.raises(ValueError):
        laws.cn_to_int("三十九条")


def test_parsed_articles_match_articles_json(library):
    assert laws.mismatches(library) == []
    for slug, numbers in library.expected.items():
        assert sorted(library[slug].articles) == numbers, slug


@pytest.mark.parametrize("slug, count", FULL_TEXTS.items())
def test_full_texts_are_numbered_without_gaps(library, slug, count):
    law = library[slug]
    assert sorted(law.articles) == list(range(1, count + 1))
    for number, article in law.articles.items():
        assert article.label == f"第{laws.int_to_cn(number)}条"
        assert article.paragraphs and all(p.text for p in article.paragraphs)


def test_every_article_line_of_the_files_was_parsed(library):
    """Nothing is lost: the count of lines 第X条 + space equals the parsed articles."""
    for slug, law in library.laws.items():
        text = (LAW_DIR / f"{slug}.md").read_text(encoding="utf-8")
        lines = re.findall(rf"^第{laws.CN_NUMERAL}条 ", text, re.M)
        assert len(lines) == len(law.articles), slug


def test_civil_code_excerpt_holds_what_the_readme_says(library):
    law = library["civil-code-guardianship-excerpt"]
    assert sorted(law.articles) == EXCERPT and law.is_excerpt


def test_game_notice_has_five_points_and_no_articles(library):
    law = library["online-game-anti-addiction-notice"]
    assert law.articles == {} and sorted(law.points) == [1, 2, 3, 4, 5]
    assert law.points[1].text.startswith("一、严格限制向未成年人提供网络游戏服务的时间")
    assert law.points[5].text.startswith("五、本通知所称未成年人是指未满18周岁的公民")


def test_paragraphs_and_items_are_split_as_in_the_law(library):
    mpl = library["minor-protection-law"]
    assert len(mpl.articles[39].paragraphs) == 3        # 学生欺凌: three paragraphs
    art4 = mpl.articles[4]
    assert len(art4.paragraphs) == 1 and len(art4.paragraphs[0].items) == 6
    assert art4.paragraphs[0].items[5] == "（六）保护与教育相结合。"
    fepl17 = library["family-education-promotion-law"].articles[17]
    assert len(fepl17.paragraphs) == 1 and len(fepl17.paragraphs[0].items) == 9


def test_chapter_ids_are_unique_and_stable(library):
    for slug, law in library.laws.items():
        ids = [b.id for b in law.blocks if b.kind == "heading"]
        assert len(ids) == len(set(ids)), slug
    mpl = [b for b in library["minor-protection-law"].blocks if b.kind == "heading"]
    assert [h.id for h in mpl] == [f"chapter-{n}" for n in range(1, 10)]
    reg = [b for b in library["minors-online-protection-regulation"].blocks if b.kind == "heading"]
    assert [h.id for h in reg] == [f"chapter-{n}" for n in range(1, 8)]     # unnumbered in source
    civ = [b.id for b in library["civil-code-guardianship-excerpt"].blocks if b.kind == "heading"]
    assert "part-1-chapter-2-section-2" in civ and "part-3-chapter-3" in civ


def test_front_matter_names_version_and_source(library):
    for slug, law in library.laws.items():
        assert law.meta.get("source") and law.meta.get("source_commit"), slug
        assert law.meta.get("effective"), slug


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_held_text_has_a_page_in_each_language(library, lang):
    for slug in library.laws:
        page = ROOT / "docs" / lang / "policy" / "laws" / f"{slug}.md"
        assert f"<!-- md:law {slug} -->" in page.read_text(encoding="utf-8"), page
    index = (ROOT / "docs" / lang / "policy" / "laws" / "index.md").read_text(encoding="utf-8")
    assert "<!-- md:law-index -->" in index


def test_law_pages_are_in_the_nav(library):
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "法律文本:" in nav and "法律文本: Law texts" in nav
    for slug in library.laws:
        assert f"policy/laws/{slug}.md" in nav


def test_english_introductions_give_the_dates_of_the_front_matter(library):
    """The en intros are hand-written: every date they give must be in the file's front matter."""
    for slug, law in library.laws.items():
        text = (ROOT / "docs" / "en" / "policy" / "laws" / f"{slug}.md").read_text(encoding="utf-8")
        front = yaml.safe_dump(law.meta, allow_unicode=True)
        dates = re.findall(r"\d{4}-\d{2}-\d{2}", text)
        assert dates, slug
        for date in dates:
            assert date in front, (slug, date)
