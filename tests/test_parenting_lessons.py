"""Parent-school lessons (docs/*/parenting/NN-*.md): the structure a trainer relies on.

Every lesson has the same seven sections with the same ids in both languages, a trainer's
script whose minutes add up to one 45-minute session, a one-page handout for parents that
carries the quiz marker, and a quiz of at least eight questions. Read from the sources, no build.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mpsite import citations, laws
from mpsite.quiz.model import load_file

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGS = ("zh", "en")
SECTIONS = ["goals", "key-points", "trainer-script", "activity", "scenarios", "tonight-at-home", "quiz"]
LESSON_NAME = re.compile(r"^(\d\d)-([a-z0-9-]+)\.md$")
# The ten lessons of the course; 01-05 and 06-10 are written by two authors.
EXPECTED = ["01-parenting-by-law", "02-talking-with-your-child", "03-emotions-and-mental-health",
            "04-safety", "05-body-safety", "06-bullying", "07-phones-games-internet",
            "08-left-behind-children", "09-study-and-school-life", "10-adolescence"]


def _lessons() -> list[str]:
    found = []
    for path in sorted((DOCS / "zh" / "parenting").glob("[0-9][0-9]-*.md")):
        m = LESSON_NAME.match(path.name)
        if m and not path.stem.endswith(("-handout", "-form")):
            found.append(path.stem)
    return found


LESSONS = _lessons()


def _split(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        head, body = text[4:].split("\n---\n", 1)
        return yaml.safe_load(head) or {}, body
    return {}, text


def _without_code(body: str) -> str:
    return re.sub(r"^```.*?^```", "", body, flags=re.S | re.M)


def _h2_ids(body: str) -> list[str]:
    return re.findall(r"^## .*?\{\s*#([\w-]+)\s*\}\s*$", _without_code(body), flags=re.M)


def _section(body: str, section_id: str) -> str:
    """The Markdown between '## ... { #section_id }' and the next h2."""
    m = re.search(rf"^## .*?\{{\s*#{section_id}\s*\}}\s*$(.*?)(?=^## |\Z)", body, flags=re.S | re.M)
    assert m, f"no section #{section_id}"
    return m.group(1)


def _minutes(script: str) -> list[int]:
    """Durations from the first table of the trainer's script.

    The duration column is the one headed 时长/Length/Duration, else 分钟/Minutes; each cell's
    first number is the minutes (a range such as '5–17' counts as its span).
    """
    rows = [line for line in script.splitlines() if line.strip().startswith("|")]
    assert len(rows) >= 3, "the trainer's script has no table"
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    header, body = cells[0], [r for r in cells[2:] if any(r)]
    col = next((i for i, h in enumerate(header) if re.search(r"时长|length|duration", h, re.I)), None)
    if col is None:
        col = next((i for i, h in enumerate(header) if re.search(r"分钟|minutes?", h, re.I)), None)
    assert col is not None, f"no duration column in {header}"
    minutes = []
    for row in body:
        span = re.match(r"\s*(\d+)\s*[–—-]\s*(\d+)", row[col])
        number = re.search(r"\d+", row[col])
        assert number, f"no minutes in row {row}"
        minutes.append(int(span.group(2)) - int(span.group(1)) if span else int(number.group()))
    return minutes


def _quiz_ids(body: str) -> list[str]:
    return re.findall(r"<!--\s*md:quiz\s+([a-z0-9-]+)\s*-->", body)


def test_all_ten_lessons_exist():
    assert LESSONS == EXPECTED


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", LANGS)
def test_lesson_has_the_seven_sections_in_order(lesson, lang):
    _, body = _split(DOCS / lang / "parenting" / f"{lesson}.md")
    assert _h2_ids(body) == SECTIONS


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", LANGS)
def test_trainer_script_fills_exactly_45_minutes(lesson, lang):
    _, body = _split(DOCS / lang / "parenting" / f"{lesson}.md")
    minutes = _minutes(_section(body, "trainer-script"))
    assert sum(minutes) == 45, f"{minutes} add up to {sum(minutes)}"
    assert all(m > 0 for m in minutes)


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_are_marked_fictional_with_folded_notes(lesson, lang):
    _, body = _split(DOCS / lang / "parenting" / f"{lesson}.md")
    scenarios = _section(body, "scenarios")
    marked = re.findall(r'^!!! example ".*?(?:虚构|fictional).*?"', scenarios, flags=re.M | re.I)
    folded = re.findall(r'^\?\?\? note "', scenarios, flags=re.M)
    assert 2 <= len(marked) <= 3
    assert len(folded) == len(marked)


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_quiz_exists_with_at_least_eight_questions(lesson):
    quiz_id = f"parenting-{lesson}"
    for lang in LANGS:
        _, body = _split(DOCS / lang / "parenting" / f"{lesson}.md")
        assert _quiz_ids(_section(body, "quiz")) == [quiz_id]
    quiz = load_file(ROOT / "quizzes" / f"{quiz_id}.yml")  # raises on any format mistake
    assert quiz.id == quiz_id
    assert quiz.audience == "parents"
    assert len(quiz.questions) >= 8


@pytest.mark.parametrize("lesson", LESSONS)
@pytest.mark.parametrize("lang", LANGS)
def test_lesson_has_a_parents_handout_with_the_quiz(lesson, lang):
    meta, body = _split(DOCS / lang / "parenting" / f"{lesson}-handout.md")
    assert meta.get("handout") is True
    assert meta.get("audience") == "parents"
    assert _quiz_ids(body) == [f"parenting-{lesson}"]  # the PDF gets the QR code to the quiz
    assert "tonight-at-home" in _h2_ids(body)


OWN = [name for name in LESSONS if name[:2] >= "06"]
OWN_PAGES = ([f"{name}.md" for name in OWN] + [f"{name}-handout.md" for name in OWN]
             + ["08-care-entrustment-form.md", "index.md", "trainers-guide.md", "where-to-get-help.md"])


READ_ALOUD_PAGES = ([f"{name}.md" for name in LESSONS] + [f"{name}-handout.md" for name in LESSONS]
                    + ["index.md", "trainers-guide.md", "where-to-get-help.md"])


@pytest.mark.parametrize("page", READ_ALOUD_PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_page_asks_for_the_read_aloud_button(page, lang):
    _, body = _split(DOCS / lang / "parenting" / page)
    first_lines = body.strip().splitlines()[:4]
    assert '<div class="read-aloud"></div>' in first_lines


@pytest.mark.parametrize("page", OWN_PAGES)
def test_citations_name_articles_that_exist(page):
    """Every law citation on the page (and in its quiz) resolves against the held texts."""
    library = laws.load(ROOT / "data" / "laws")
    texts = [(lang, _split(DOCS / lang / "parenting" / page)[1]) for lang in LANGS]
    quiz = ROOT / "quizzes" / f"parenting-{page.removesuffix('.md')}.yml"
    if quiz.exists():
        texts += [("zh", "\n".join(q.cite or "" for q in load_file(quiz).questions))]
    problems = []
    for lang, text in texts:
        for cit in citations.find(text):
            _, errors = citations.resolve(cit, library, lang)
            problems += [f"{lang}: {cit.text}: {e}" for e in errors]
    assert not problems


def test_help_card_lists_every_channel():
    for lang in LANGS:
        meta, body = _split(DOCS / lang / "parenting" / "where-to-get-help.md")
        assert meta.get("handout") is True and meta.get("audience") == "parents"
        for key in ("police", "youth_hotline", "women_hotline", "procuratorate_hotline",
                    "government_hotline", "town_office", "town_office_phone", "police_station",
                    "police_station_phone", "checked"):
            assert f"{{{{ contacts.{key} }}}}" in body, f"{lang}: contacts.{key} missing"
        assert not re.search(r"\b1[0-9]{2,4}\b(?![^{]*}})", re.sub(r"\{\{.*?\}\}", "", body)), \
            "a hard-coded phone number: use the town settings"
