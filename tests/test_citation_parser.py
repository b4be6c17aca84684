"""The citation parser, resolver and HTML linker (mpsite.citations), without a build."""
from __future__ import annotations

from pathlib import Path

import pytest

from mpsite import citations, laws

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def library() -> laws.Library:
    return laws.load_dir(ROOT / "data" / "laws")


def refs(text):
    """(slug, [(article, paragraph, item, point, linked text)]) of each citation in ``text``."""
    return [(c.slug, [(r.article, r.paragraph, r.item, r.point, text[r.start:r.end]) for r in c.refs])
            for c in citations.find(text)]


def test_short_and_full_chinese_names():
    assert refs("依据《未成年人保护法》第三十九条，学校应当") == [
        ("minor-protection-law", [(39, None, None, None, "《未成年人保护法》第三十九条")])]
    assert refs("《中华人民共和国未成年人保护法》第三十九条规定") == [
        ("minor-protection-law", [(39, None, None, None, "《中华人民共和国未成年人保护法》第三十九条")])]
    assert refs("根据未成年人保护法第三十九条") == [
        ("minor-protection-law", [(39, None, None, None, "未成年人保护法第三十九条")])]
    for name, slug in citations.ZH_NAMES.items():
        assert refs(f"《{name}》第二十条")[0][0] == slug


def test_paragraphs_items_and_large_numbers():
    assert refs("《家庭教育促进法》第十七条第二款") == [
        ("family-education-promotion-law", [(17, 2, None, None, "《家庭教育促进法》第十七条第二款")])]
    assert refs("《未成年人保护法》第四条第一款第六项")[0][1][0][:3] == (4, 1, 6)
    assert refs("《民法典》第一千二百零一条")[0][1][0][0] == 1201
    assert refs("《民法典》第一千一百八十八条")[0][1][0][0] == 1188


def test_chained_and_ranged_citations_link_each_article():
    assert refs("《未成年人保护法》第十一条、第二十条和第三十九条规定") == [("minor-protection-law", [
        (11, None, None, None, "《未成年人保护法》第十一条"), (20, None, None, None, "第二十条"),
        (39, None, None, None, "第三十九条")])]
    assert refs("《未成年人保护法》第三十九条至第四十一条") == [("minor-protection-law", [
        (39, None, None, None, "《未成年人保护法》第三十九条"), (41, None, None, None, "第四十一条")])]
    assert refs("《未成年人保护法》第七十七条第一款、第二款")[0][1][1][:2] == (77, 2)


def test_game_notice_by_name_number_and_point():
    whole = citations.find("按国新出发〔2021〕14号的要求")
    assert [(c.slug, c.kind, c.text) for c in whole] == [
        ("online-game-anti-addiction-notice", "whole", "国新出发〔2021〕14号")]
    named = citations.find("《关于进一步严格管理切实防止未成年人沉迷网络游戏的通知》（国新出发〔2021〕14号）")
    assert len(named) == 1 and named[0].kind == "whole"
    assert refs("国新出发〔2021〕14号第一项、第二项")[0][1][1][3] == 2
    assert refs("国新出发〔2021〕14号第二点")[0][1][0][3] == 2


@pytest.mark.parametrize("text, expected", [
    ("Article 39 of the Minor Protection Law says", [(39, None, None, None, "Article 39 of the Minor Protection Law")]),
    ("Article 17(2) of the Family Education Promotion Law", [(17, 2, None, None, "Article 17(2) of the Family Education Promotion Law")]),
    ("Minor Protection Law, Article 39", [(39, None, None, None, "Minor Protection Law, Article 39")]),
    ("Articles 11 and 20 of the Law on the Protection of Minors",
     [(11, None, None, None, "Articles 11"), (20, None, None, None, "20 of the Law on the Protection of Minors")]),
    ("paragraph 2 of Article 71 of the Minor Protection Law", [(71, 2, None, None, "paragraph 2 of Article 71 of the Minor Protection Law")]),
    ("Article 130 of the Minor Protection Law, item 3", [(130, None, 3, None, "Article 130 of the Minor Protection Law, item 3")]),
    ("Article 27 of the Civil Code", [(27, None, None, None, "Article 27 of the Civil Code")]),
    ("Anti-Domestic Violence Law, Art. 23", [(23, None, None, None, "Anti-Domestic Violence Law, Art. 23")]),
    ("Article 2 of the Law on the Prevention of Juvenile Delinquency", [(2, None, None, None, "Article 2 of the Law on the Prevention of Juvenile Delinquency")]),
    ("Article 2 of the Juvenile Delinquency Prevention Law", [(2, None, None, None, "Article 2 of the Juvenile Delinquency Prevention Law")]),
    ("Article 43 of the Regulation on the Protection of Minors Online", [(43, None, None, None, "Article 43 of the Regulation on the Protection of Minors Online")]),
    ("Article 43 of the Minors Online Protection Regulation", [(43, None, None, None, "Article 43 of the Minors Online Protection Regulation")]),
    ("point 1 of the 2021 online-game notice", [(None, None, None, 1, "point 1 of the 2021 online-game notice")]),
])
def test_english_forms(text, expected):
    assert refs(text)[0][1] == expected


@pytest.mark.parametrize("text", [
    "第三十九条规定，学校应当……",                     # no law named
    "《未成年人保护法》规定了六大保护",                 # law named, no article
    "《西游记》第三回",                                 # not a legal text
    "Article 39 says that schools",                     # English, no law named
    "本法第十条", "see the Minor Protection Law",
])
def test_text_without_a_citation_of_a_held_article(text):
    assert [c for c in citations.find(text) if c.slug and c.refs] == []


def test_texts_not_held_are_found_but_not_resolved(library):
    found = citations.find("《未成年人学校保护规定》第二十条和《刑法》，以及 Article 5 of the Copyright Law")
    assert [(c.slug, c.name, c.numbered) for c in found] == [
        (None, "未成年人学校保护规定", True), (None, "刑法", False), (None, "Copyright Law", True)]
    assert all(citations.resolve(c, library) == ([], []) for c in found)


def test_resolver_links_to_article_anchor_with_article_text(library):
    text = "《未成年人保护法》第三十九条第二款"
    links, problems = citations.resolve(citations.find(text)[0], library)
    assert problems == [] and [(l.slug, l.anchor) for l in links] == [("minor-protection-law", "article-39")]
    assert links[0].title.startswith("《未成年人保护法》第三十九条第二款：学校对学生欺凌行为应当立即制止")
    long = citations.resolve(citations.find("《未成年人保护法》第一百三十条")[0], library)[0][0]
    assert len(long.title) <= 160 and long.title.endswith("…")


@pytest.mark.parametrize("text, message", [
    ("《未成年人保护法》第一百三十三条", "does not exist; held: 第一条至第一百三十二条"),
    ("《未成年人保护法》第一百四十条", "(article 140) does not exist"),
    ("《民法典》第一千二百零二条", "is not in the held excerpt"),
    ("《民法典》第二十四条", "is not in the held excerpt"),
    ("《家庭教育促进法》第十七条第二款", "has no 第二款 (paragraph 2); it has 1 paragraph(s)"),
    ("《未成年人保护法》第四条第七项", "has no 第七项 (item 7); it has 6 item(s)"),
    ("国新出发〔2021〕14号第一条", "has no articles (条)"),
    ("国新出发〔2021〕14号第六项", "has no point 6"),
    ("Article 133 of the Minor Protection Law", "does not exist"),
    ("Article 130(3) of the Minor Protection Law", "'Article 130, item 3'"),
])
def test_resolver_explains_bad_citations(library, text, message):
    cit = citations.find(text)[0]
    links, problems = citations.resolve(cit, library)
    assert links == [] and len(problems) == 1 and message in problems[0], problems


def linkify(html, library, lang="zh"):
    return citations.linkify(html, library, lambda slug: f"../laws/{slug}/", lang)


def test_linkify_links_text_and_keeps_the_html(library):
    html = '<p class="x">见《未成年人保护法》第十一条、第二十条。<em>强调</em></p>'
    result = linkify(html, library)
    assert result.html.startswith('<p class="x">见<a class="md-citation" href="../laws/minor-protection-law/#article-11" title="')
    assert '>第二十条</a>。<em>强调</em></p>' in result.html
    assert len(result.links) == 2 and result.problems == []


def test_linkify_leaves_code_links_headings_and_attributes_alone(library):
    html = ('<pre><code>《未成年人保护法》第一百四十条</code></pre>'
            '<p><code>《未成年人保护法》第三十九条</code></p>'
            '<p><a href="x">《未成年人保护法》第三十九条</a></p>'
            '<h2 id="a">《未成年人保护法》第三十九条</h2>'
            '<p><img alt="《未成年人保护法》第三十九条" src="x.png"></p>'
            '<!-- 《未成年人保护法》第三十九条 -->')
    result = linkify(html, library)
    assert result.html == html and result.links == [] and result.problems == []


def test_linkify_still_checks_citations_it_does_not_link(library):
    html = '<h2 id="a">《未成年人保护法》第一百四十条</h2><p><a href="x">Article 140 of the Minor Protection Law</a></p>'
    result = linkify(html, library, "en")
    assert result.html == html
    assert [c for c, _ in result.problems] == ["《未成年人保护法》第一百四十条",
                                                "Article 140 of the Minor Protection Law"]


def test_english_tooltip_names_the_law_in_english(library):
    result = linkify("<p>Article 17(1) of the Civil Code</p>", library, "en")
    assert result.links[0].title.startswith("Civil Code, Art. 17(1): 十八周岁以上的自然人为成年人")
    assert 'href="../laws/civil-code-guardianship-excerpt/#article-17"' in result.html


def test_source_line_is_found(tmp_path):
    assert citations.line_of("第三十九条", "a\nb\n《未成年人保护法》第三十九条\n") == 3
    quiz = tmp_path / "q.yml"
    quiz.write_text("id: q\nexplanation: x\ncite: 《民法典》第二十四条\n", encoding="utf-8")
    assert citations.search_files("《民法典》第二十四条", [quiz]) == (str(quiz), 3)


def test_chinese_citation_in_english_for_english_pages():
    from mpsite.citations import find_en, find_zh, in_english
    cases = {
        "《未成年人保护法》第三十九条": "Article 39 of the Minor Protection Law",
        "《未成年人保护法》第三十九条第二款": "Article 39(2) of the Minor Protection Law",
        "《未成年人保护法》第十一条、第二十条": "Articles 11 and 20 of the Minor Protection Law",
        "国新出发〔2021〕14号第一点": "point 1 of the 2021 online-game notice",
    }
    for zh, en in cases.items():
        assert in_english(zh) == en
        # ... and the English form is itself a citation the hook links to the same article.
        assert [c.slug for c in find_en(en)] == [c.slug for c in find_zh(zh)]
    assert in_english("《未成年人学校保护规定》第三条") == "《未成年人学校保护规定》第三条"
