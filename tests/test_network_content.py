"""Content checks for the online-safety course (网络安全课程): every unit complete in both
languages, quizzes big enough, a handout per unit, and the legal facts tied to the held texts.

These read the sources only (pages, quiz YAML, data/laws), so they run in a second and say
which unit is wrong; the build itself checks markers, heading parity and citations again.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import content_source
from content_source import (DOCS, FRONT_MATTER, LAWS, QUIZZES, ROOT, front_matter, h2_ids,
                            heading_ids, law_text, quiz)
from mpsite.laws import CN_NUMERAL, cn_to_int

SECTION = "network-safety"

UNITS = [
    "01-gaming-time",
    "02-personal-info",
    "03-cyberbullying",
    "04-online-fraud",
    "05-harmful-content-strangers",
    "06-live-streaming-spending",
    "07-rumours",
    "08-family-agreement",
]
UNIT_PARTS = ["goals", "explanation", "what-to-do", "note-for-adults", "quiz"]
# The notice's rule on game hours as the course states it (unit 1, its handout, unit 8's agreement).
GAME_HOURS = "周五、周六、周日和法定节假日每日20时至21时"

QUIZ_MARKER = re.compile(r"<!--\s*md:quiz\s+([\w-]+)\s*-->")

ZH_LAWS = {
    "未成年人保护法": "minor-protection-law",
    "未成年人网络保护条例": "minors-online-protection-regulation",
    "民法典": "civil-code-guardianship-excerpt",
    "家庭教育促进法": "family-education-promotion-law",
}
EN_LAWS = {
    "Minor Protection Law": "minor-protection-law",
    "Regulation on the Protection of Minors Online": "minors-online-protection-regulation",
    "Civil Code": "civil-code-guardianship-excerpt",
    "Family Education Promotion Law": "family-education-promotion-law",
}
ZH_CITE = re.compile(rf"《({'|'.join(ZH_LAWS)})》第({CN_NUMERAL})条")
EN_CITE = re.compile(rf"Article (\d+)(?:\(\d+\))* of the ({'|'.join(EN_LAWS)})")


def page(lang: str, name: str) -> str:
    return content_source.page(lang, SECTION, name)


def all_law_texts() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in LAWS.glob("*.md"))


def course_pages(lang: str) -> list[Path]:
    return sorted((DOCS / lang / SECTION).glob("*.md"))


# --- structure -------------------------------------------------------------------------------

def test_at_least_eight_units_numbered_in_order():
    names = sorted(p.stem for p in course_pages("zh")
                   if re.match(r"\d\d-", p.stem) and not p.stem.endswith("-handout"))
    assert names == UNITS
    assert len(UNITS) >= 8


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unit_has_all_parts_in_order(unit, lang):
    ids = h2_ids(page(lang, unit))
    assert ids == UNIT_PARTS, f"{lang}/{unit}: h2 ids {ids}"


@pytest.mark.parametrize("name", UNITS + [f"{u}-handout" for u in UNITS] + ["index", "final-test"])
def test_same_heading_ids_in_both_languages(name):
    assert heading_ids(page("zh", name)) == heading_ids(page("en", name))


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_unit_quiz_marker_sits_in_the_quiz_part(unit, lang):
    text = page(lang, unit)
    quiz_part = text[text.index("{ #quiz }"):]
    assert QUIZ_MARKER.findall(quiz_part) == [f"network-{unit}"]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_unit_has_a_one_page_handout_with_its_quiz(unit, lang):
    text = page(lang, f"{unit}-handout")
    meta = front_matter(text)
    expected = "parents" if unit == "08-family-agreement" else "students"
    assert meta.get("handout") is True
    assert meta.get("audience") == expected
    assert QUIZ_MARKER.findall(text) == [f"network-{unit}"]
    # One A4 page: a short page. The PDF page count is checked by the handout engine's tests.
    body = FRONT_MATTER.sub("", text)
    assert len(body) < (1500 if lang == "zh" else 2600), f"{lang}/{unit} handout is long"
    assert f"{unit}-handout.md" in page(lang, unit), "the unit page links its handout"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_index_lists_every_unit_handout_quiz_and_the_final_test(lang):
    text = page(lang, "index")
    for unit in UNITS:
        for target in (f"({unit}.md)", f"({unit}-handout.md)", f"({unit}.md#quiz)"):
            assert target in text, f"{lang} index misses {target}"
    assert "(final-test.md)" in text


def test_course_pages_are_in_the_nav():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in UNITS + ["index", "final-test"]:
        assert f"- {SECTION}/{name}.md" in config


# --- quizzes ---------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", UNITS)
def test_unit_quiz_is_for_students_with_eight_mixed_questions(unit):
    data = quiz(f"network-{unit}")
    assert data["id"] == f"network-{unit}"
    assert data["audience"] == "students"
    questions = data["questions"]
    assert len(questions) >= 8
    assert len({q["type"] for q in questions}) >= 2, "mixed question types"
    for q in questions:
        assert q["explanation"]["zh"].strip() and q["explanation"]["en"].strip(), q["id"]


def test_final_test_has_twenty_new_questions_from_every_unit():
    final = quiz("network-final")["questions"]
    assert len(final) >= 20
    units_drawn = {int(q["id"][1]) for q in final if re.fullmatch(r"u\d[a-z]", q["id"])}
    assert units_drawn == set(range(1, len(UNITS) + 1)), "question ids u1a … u8c name their unit"
    unit_prompts = {q["prompt"]["zh"] for u in UNITS for q in quiz(f"network-{u}")["questions"]}
    copies = [q["id"] for q in final if q["prompt"]["zh"] in unit_prompts]
    assert not copies, f"final test copies unit questions: {copies}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_final_test_page_holds_the_final_quiz(lang):
    assert QUIZ_MARKER.findall(page(lang, "final-test")) == ["network-final"]


# --- facts against the held texts ------------------------------------------------------------

def test_game_hours_on_unit_one_match_the_held_notice():
    notice = law_text("online-game-anti-addiction-notice")
    assert GAME_HOURS in notice
    assert GAME_HOURS in page("zh", "01-gaming-time"), "unit 1 quotes the rule verbatim"
    # Elsewhere the copy rules space digits from Chinese (每日 20 时至 21 时): same words.
    for name in ("01-gaming-time-handout", "08-family-agreement-handout"):
        assert GAME_HOURS in re.sub(r"\s+", "", page("zh", name)), name
    # The English page gives the same hours and days.
    en = page("en", "01-gaming-time")
    assert "20:00 to 21:00" in en and "Fridays, Saturdays, Sundays and statutory holidays" in en
    assert "unofficial translation" in en


def test_unit_one_quotes_point_one_of_the_notice_verbatim():
    quote = re.search(r"^> “(.+?)”$", page("zh", "01-gaming-time"), re.M).group(1)
    assert GAME_HOURS in quote
    assert quote in law_text("online-game-anti-addiction-notice")


def _cited_lines(text: str):
    """Lines that quote the law: block quotes and lines that cite an article or the notice."""
    for line in text.splitlines():
        if line.lstrip().startswith(">") or ZH_CITE.search(line) or "国新出发" in line:
            yield line


@pytest.mark.parametrize("name", UNITS + [f"{u}-handout" for u in UNITS])
def test_quoted_legal_text_is_verbatim(name):
    """Every “…” quote of four or more characters next to a citation is in a held text."""
    held = re.sub(r"\s+", "", all_law_texts())
    wrong = []
    for line in _cited_lines(page("zh", name)):
        for quoted in re.findall(r"(?<!简称)“([^”]+)”", line):  # 简称“…”: a short name, not a quote
            if len(quoted) >= 4 and re.sub(r"\s+", "", quoted) not in held:
                wrong.append(quoted)
    assert not wrong, f"not verbatim in data/laws: {wrong}"


def _zh_cites(text: str) -> set[tuple[str, int]]:
    return {(ZH_LAWS[name], cn_to_int(num)) for name, num in ZH_CITE.findall(text)}


def _en_cites(text: str) -> set[tuple[str, int]]:
    return {(EN_LAWS[name], int(num)) for num, name in EN_CITE.findall(text)}


def test_every_cited_article_exists_in_the_held_texts():
    held = content_source.held_articles()
    cited = set()
    for p in course_pages("zh"):
        cited |= _zh_cites(p.read_text(encoding="utf-8"))
    for f in QUIZZES.glob("network-*.yml"):
        for q in yaml.safe_load(f.read_text(encoding="utf-8"))["questions"]:
            if q.get("cite"):
                found = _zh_cites(q["cite"])
                assert found, f"{f.name} {q['id']}: cite {q['cite']!r}"
                cited |= found
    missing = sorted(c for c in cited if c[1] not in held[c[0]])
    assert not missing
    assert ("minors-online-protection-regulation", 43) in cited, "unit 1 cites the minor-mode article"


@pytest.mark.parametrize("name", UNITS + [f"{u}-handout" for u in UNITS])
def test_english_page_cites_the_same_articles(name):
    assert _zh_cites(page("zh", name)) == _en_cites(page("en", name))


def test_key_articles_say_what_the_course_says():
    """The articles the units rest on, opened and checked for the words the course relies on."""
    law = law_text("minor-protection-law")
    reg = law_text("minors-online-protection-regulation")

    def article(text: str, n: str) -> str:
        return re.search(rf"^第{n}条 .*?(?=^第{CN_NUMERAL}条 |^## |\Z)", text, re.M | re.S).group(0)

    assert "真实身份信息注册并登录网络游戏" in article(law, "七十五")
    assert "不得在每日二十二时至次日八时" in article(law, "七十五")
    assert "不满十四周岁" in article(law, "七十二")
    assert "未满十六周岁" in article(law, "七十六")
    assert "网络欺凌" in article(law, "七十七")
    assert "设置未成年人模式" in article(reg, "四十三")
    assert "单日累计消费数额" in article(reg, "四十四")
    assert "应援集资" in article(reg, "四十五")
    assert "游戏账号租售服务" in article(reg, "四十六")
    assert "网络欺凌" in article(reg, "二十六")


# --- copy rules ------------------------------------------------------------------------------

# Real products must not appear as examples of wrongdoing; the course describes patterns.
BRANDS = ["微信", "QQ", "抖音", "快手", "王者荣耀", "和平精英", "淘宝", "支付宝", "拼多多", "B站",
          "哔哩哔哩", "小红书", "微博", "腾讯", "网易", "WeChat", "TikTok", "Douyin", "Alipay",
          "Tencent", "Honor of Kings", "Bilibili", "Weibo"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_real_apps_or_companies_named(lang):
    for p in course_pages(lang):
        text = p.read_text(encoding="utf-8")
        named = [b for b in BRANDS if b in text]
        assert not named, f"{p.name}: {named}"


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cases_are_marked_fictional(unit, lang):
    marker = '!!! example "案例（虚构）"' if lang == "zh" else '!!! example "Case (fictional)"'
    assert page(lang, unit).count(marker) >= 1
