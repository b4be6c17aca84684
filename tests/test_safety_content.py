"""Content checks for the safety-education section (安全教育): four student lessons in both
languages, each with a one-page handout and a teachers' part, a teachers' checklist, the quizzes,
and the legal statements tied to the held texts.

They read the sources only (pages, quiz YAML, data/laws), so they run in a second and name the
page that is wrong; the build itself checks markers, heading parity and citations again.
"""
from __future__ import annotations

import re

import pytest

import content_source
from content_source import DOCS, FRONT_MATTER, LAWS, ROOT, front_matter, h2_ids, heading_ids, law_text, quiz
from mpsite.laws import CN_NUMERAL, cn_to_int

SECTION = "safety"

LESSONS = ["01-drug-prevention", "02-water-safety", "03-drills", "04-my-body"]
LESSON_PARTS = ["goals", "explanation", "what-to-do", "checklist", "for-teachers"]
TEACHERS = "05-for-teachers"
STUDENT_QUIZ_PAGE = "06-student-quiz"
PAGES = ["index", *LESSONS, *[f"{u}-handout" for u in LESSONS], TEACHERS, STUDENT_QUIZ_PAGE]

QUIZ_MARKER = re.compile(r"<!--\s*md:quiz\s+([\w-]+)\s*-->")

ZH_LAWS = {
    "未成年人保护法": "minor-protection-law",
    "预防未成年人犯罪法": "juvenile-delinquency-prevention-law",
    "家庭教育促进法": "family-education-promotion-law",
}
EN_LAWS = {
    "Minor Protection Law": "minor-protection-law",
    "Juvenile Delinquency Prevention Law": "juvenile-delinquency-prevention-law",
    "Family Education Promotion Law": "family-education-promotion-law",
}
ZH_CITE = re.compile(rf"《({'|'.join(ZH_LAWS)})》第({CN_NUMERAL})条")
EN_CITE = re.compile(rf"Article (\d+)(?:\(\d+\))*(?:, item \d+)? of the ({'|'.join(EN_LAWS)})")
# Texts the site does not hold: named, never cited by article.
NOT_HELD_ZH = ["禁毒法", "刑法", "校车安全管理条例", "未成年人学校保护规定"]


def page(lang: str, name: str) -> str:
    return content_source.page(lang, SECTION, name)


def section(text: str, hid: str) -> str:
    """The text of one h2 section, up to the next h2."""
    start = text.index(f"{{ #{hid} }}")
    nxt = re.search(r"^## ", text[start:], re.M)
    return text[start:start + nxt.start()] if nxt else text[start:]


def article(slug: str, n: str) -> str:
    return re.search(rf"^第{n}条 .*?(?=^第{CN_NUMERAL}条 |^## |\Z)", law_text(slug), re.M | re.S).group(0)


# --- structure -------------------------------------------------------------------------------

def test_same_pages_in_both_languages():
    zh = sorted(p.name for p in (DOCS / "zh" / SECTION).glob("*.md"))
    en = sorted(p.name for p in (DOCS / "en" / SECTION).glob("*.md"))
    assert zh == en == sorted(f"{name}.md" for name in PAGES)


@pytest.mark.parametrize("name", PAGES)
def test_same_heading_ids_in_both_languages(name):
    assert heading_ids(page("zh", name)) == heading_ids(page("en", name))


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lesson_has_summary_first_then_all_parts_in_order(lesson, lang):
    text = page(lang, lesson)
    body = FRONT_MATTER.sub("", text)
    title_and_summary = body.split("\n## ", 1)[0]
    assert '!!! abstract' in title_and_summary, f"{lang}/{lesson}: summary box before the first section"
    assert h2_ids(text) == LESSON_PARTS, f"{lang}/{lesson}: h2 ids {h2_ids(text)}"
    assert front_matter(text).get("audience") == "students"


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lesson_checklist_has_boxes_and_a_fictional_case(lesson, lang):
    text = page(lang, lesson)
    assert section(text, "checklist").count("- [ ] ") >= 4
    marker = '!!! example "案例（虚构）"' if lang == "zh" else '!!! example "Case (fictional)"'
    assert text.count(marker) == 1


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_lesson_has_a_one_page_student_handout_with_the_quiz(lesson, lang):
    text = page(lang, f"{lesson}-handout")
    meta = front_matter(text)
    assert meta.get("handout") is True and meta.get("audience") == "students"
    assert QUIZ_MARKER.findall(text) == ["safety-students"]
    body = FRONT_MATTER.sub("", text)
    # One A4 page: the same budget as the online-safety handouts (the PDF itself is checked
    # by the handout engine's tests).
    assert len(body) < (1500 if lang == "zh" else 2600), f"{lang}/{lesson} handout is long ({len(body)})"
    assert f"({lesson}-handout.md)" in page(lang, lesson), "the lesson links its handout"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_teachers_page_is_a_teachers_handout_with_the_teachers_quiz(lang):
    text = page(lang, TEACHERS)
    meta = front_matter(text)
    assert meta.get("handout") is True and meta.get("audience") == "teachers"
    assert QUIZ_MARKER.findall(text) == ["safety-teachers"]
    assert text.count("- [ ] ") >= 10


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_student_quiz_page_and_index(lang):
    assert QUIZ_MARKER.findall(page(lang, STUDENT_QUIZ_PAGE)) == ["safety-students"]
    index = page(lang, "index")
    for lesson in LESSONS:
        for target in (f"({lesson}.md)", f"({lesson}-handout.md)", f"({lesson}.md#for-teachers)"):
            assert target in index, f"{lang} index misses {target}"
    for target in (f"({TEACHERS}.md)", f"({STUDENT_QUIZ_PAGE}.md)"):
        assert target in index
    # The plan's two tasks that ask for this section, rendered from data/plan.yml.
    assert "<!-- md:plan task 6 -->" in index and "<!-- md:plan task 25 -->" in index


def test_section_is_in_the_nav_and_translated():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in ["index", *LESSONS, TEACHERS, STUDENT_QUIZ_PAGE]:
        assert f"- {SECTION}/{name}.md" in config
    assert "  - 安全教育:" in config and "安全教育: Safety education" in config


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_home_page_links_the_section(lang):
    assert "(safety/index.md)" in (DOCS / lang / "index.md").read_text(encoding="utf-8")


# --- quizzes ---------------------------------------------------------------------------------

def test_student_quiz_covers_every_lesson_with_mixed_questions():
    data = quiz("safety-students")
    assert data["audience"] == "students"
    questions = data["questions"]
    assert 8 <= len(questions) <= 12
    assert len({q["type"] for q in questions}) == 3
    # Ids name their lesson: d (drugs), w (water), f (fire and drills), b (body).
    assert {q["id"][0] for q in questions} == set("dwfb")
    for q in questions:
        assert q["explanation"]["zh"].strip() and q["explanation"]["en"].strip(), q["id"]


def test_teachers_quiz_rests_on_the_law():
    data = quiz("safety-teachers")
    assert data["audience"] == "teachers"
    assert len(data["questions"]) >= 5
    assert sum(1 for q in data["questions"] if q.get("cite")) >= 5


# --- facts against the held texts ------------------------------------------------------------

def _zh_cites(text: str) -> set[tuple[str, int]]:
    return {(ZH_LAWS[name], cn_to_int(num)) for name, num in ZH_CITE.findall(text)}


def _en_cites(text: str) -> set[tuple[str, int]]:
    return {(EN_LAWS[name], int(num)) for num, name in EN_CITE.findall(text)}


def test_every_cited_article_exists_in_the_held_texts():
    held = content_source.held_articles()
    cited: set[tuple[str, int]] = set()
    for name in PAGES:
        cited |= _zh_cites(page("zh", name))
    for quiz_id in ("safety-students", "safety-teachers"):
        for q in quiz(quiz_id)["questions"]:
            if q.get("cite"):
                found = _zh_cites(q["cite"])
                assert found, f"{quiz_id} {q['id']}: cite {q['cite']!r}"
                cited |= found
    assert not sorted(c for c in cited if c[1] not in held[c[0]])
    # The section rests on these; each is opened below.
    for expected in [("minor-protection-law", n) for n in (11, 35, 36, 37, 40, 54, 59)] + \
                    [("juvenile-delinquency-prevention-law", n) for n in (28, 38, 39)]:
        assert expected in cited, expected


@pytest.mark.parametrize("name", PAGES)
def test_english_page_cites_the_same_articles(name):
    assert _zh_cites(page("zh", name)) == _en_cites(page("en", name))


def test_key_articles_say_what_the_section_says():
    mpl, jdpl = "minor-protection-law", "juvenile-delinquency-prevention-law"
    assert "定期进行必要的演练" in article(mpl, "三十七")
    assert "立即救护" in article(mpl, "三十七")
    assert "校车安全乘坐知识" in article(mpl, "三十六")
    assert "对未成年人进行安全教育" in article(mpl, "三十五")
    assert "适合其年龄的性教育" in article(mpl, "四十")
    assert "不得隐瞒" in article(mpl, "四十")
    assert "性侵害、性骚扰" in article(mpl, "五十四")
    assert "禁止向未成年人销售烟、酒" in article(mpl, "五十九")
    assert "溺水" in article(mpl, "十八")
    assert "立即向公安、民政、教育等有关部门报告" in article(mpl, "十一")
    assert "吸食、注射毒品，或者向他人提供毒品" in article(jdpl, "三十八")
    assert "吸烟、饮酒" in article(jdpl, "二十八")
    assert "引诱未成年人实施严重不良行为" in article(jdpl, "三十九")
    assert "预防犯罪教育纳入学校教学计划" in article(jdpl, "十七")
    assert "防溺水" in article("family-education-promotion-law", "十六")


@pytest.mark.parametrize("name", PAGES)
def test_quoted_legal_text_is_verbatim(name):
    """Every “…” of six or more characters on a line that cites an article is in a held text
    (or in the town's plan, which such lines quote too)."""
    sources = [*LAWS.glob("*.md"), ROOT / "data" / "plan.yml"]
    held = re.sub(r"\s+", "", "\n".join(p.read_text(encoding="utf-8") for p in sources))
    wrong = []
    for line in page("zh", name).splitlines():
        if ZH_CITE.search(line):
            wrong += [q for q in re.findall(r"“([^”]+)”", line)
                      if len(q) >= 6 and re.sub(r"\s+", "", q) not in held]
    assert not wrong, f"not verbatim in data/laws: {wrong}"


def test_texts_not_held_are_never_cited_by_article():
    for name in PAGES:
        for lang_text in (page("zh", name),):
            for law in NOT_HELD_ZH:
                assert not re.search(rf"《{law}》第", lang_text), f"{name}: {law} cited by article"


@pytest.mark.parametrize("lang,phrase", [("zh", "不是法律条文"), ("en", "not the text of a law")])
def test_safety_advice_is_not_passed_off_as_law(lang, phrase):
    """The six don'ts of water safety are common advice; the lesson and the index say so."""
    assert phrase in page(lang, "02-water-safety") and phrase in page(lang, "index")
