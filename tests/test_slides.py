"""Lessons as slides, without a browser: which pages are presented, where slides begin (the one
split rule slides.js follows), and the trainer's outline minutes."""
from __future__ import annotations

import re

import markdown
import pytest

from mpsite import rawhtml, slides, slides_outline
from mpsite.errors import AuthorError
from mpsite.slides_markdown import SlideMarks

EXTENSIONS = ["toc", "attr_list", "tables", "md_in_html", "admonition"]


@pytest.mark.parametrize("rel, expected", [
    ("parenting/01-parenting-by-law.md", True),
    ("parenting/01-parenting-by-law-handout.md", False),     # the printable twin
    ("parenting/08-care-entrustment-form.md", False),        # a form
    ("parenting/index.md", False),
    ("parenting/trainers-guide.md", False),
    ("anti-bullying/05-handling.md", True),
    ("anti-bullying/templates/01-incident-record.md", False),
    ("network-safety/03-cyberbullying.md", True),
    ("network-safety/final-test.md", False),
    ("safety/01-drug-prevention.md", True),                   # a new lesson section, by its name
    ("policy/reporting.md", True),
    ("policy/protections/01-family.md", True),
    ("policy/some-new-guide.md", True),                       # a new practice guide, by its section
    ("policy/reporting-handout.md", False),
    ("policy/plan.md", False),
    ("policy/matrix.md", False),
    ("policy/laws/minor-protection-law.md", False),
    ("policy/units/villages.md", False),
    ("resources/hotlines.md", False),
    ("index.md", False),
])
def test_presentable_by_section(rel, expected):
    assert slides.presentable(rel, {}) is expected


def test_front_matter_overrides_the_section():
    assert slides.presentable("resources/hotlines.md", {"present": True}) is True
    assert slides.presentable("parenting/01-parenting-by-law.md", {"present": False}) is False


def _para(chars: int) -> str:
    return "<p>" + "字" * chars + "</p>"


def _page(*parts: str) -> str:
    return "\n".join(parts)


def test_title_and_summary_are_the_first_slide_and_each_h2_a_slide():
    html = _page('<h1 id="t">第 1 课</h1>', '<div class="read-aloud"></div>',
                 '<div class="admonition abstract"><p class="admonition-title">要点</p><ul><li>一</li><li>二</li></ul></div>',
                 '<h2 id="goals">目标</h2>', _para(60),
                 '<h2 id="quiz">自测</h2>', '<div class="mp-quiz" data-quiz="x"><p>题目很长</p></div>')
    deck = slides.split(html)
    assert [(s.kind, s.title, s.section) for s in deck] == [
        ("title", "第 1 课", ""), ("h2", "目标", "goals"), ("h2", "自测", "quiz")]
    assert [n.tag for n in deck[0].items] == ["h1", "div"]    # the read-aloud row is not on a slide
    assert deck[2].quiz and not deck[1].quiz


def test_a_long_section_is_cut_at_its_h3s_and_then_between_blocks():
    html = _page('<h1>T</h1>', '<h2 id="key">要点</h2>',
                 '<h3 id="a">甲</h3>', _para(200), '<h3 id="b">乙</h3>', _para(200), _para(300))
    deck = slides.split(html)
    assert [(s.kind, s.title) for s in deck[1:]] == [("h2", "要点"), ("h3", "乙"), ("more", "乙")]
    # The H2 has no lead-in: it shares the first H3's slide instead of standing alone.
    assert [n.tag for n in deck[1].items] == ["h2", "h3", "p"]
    assert all(s.weight <= slides.LIMIT for s in deck)


def _marked(source: str, present: bool = True) -> tuple[str, list]:
    """A page through Markdown as the build converts it: (its HTML, its slides), with the engines'
    finished HTML held aside (``rawhtml``) and put back after."""
    source, held = rawhtml.protect(source)
    marks = SlideMarks()
    marks.arm(held if present else None)
    html = markdown.markdown(source, extensions=[*EXTENSIONS, marks])
    return rawhtml.restore(html, held)[0], marks.take()


def _marks(html: str) -> list[tuple[str, str]]:
    """(tag, kind) of each marked element, in order."""
    return re.findall(r'<(\w+)[^>]*? data-slide="(\w+)"', html)


def test_a_list_longer_than_a_slide_is_cut_between_its_items():
    items = "".join(f"- {'字' * 90}\n" for _ in range(8))
    html, deck = _marked(f"# T\n\n## S {{#s}}\n\n{items}")
    assert len(deck) >= 3 and all(s.weight <= slides.LIMIT for s in deck)
    # The first part is marked on the heading, the cuts on the items where the next slide begins.
    assert _marks(html) == [("h1", "title"), ("h2", "h2")] + [("li", "more")] * (len(deck) - 2)


def test_a_heading_never_ends_a_slide():
    html = _page('<h1>T</h1>', '<h2 id="s">S</h2>', _para(100),
                 '<h3 id="x">X</h3>', _para(400))
    deck = slides.split(html)
    assert all(not (len(s.content) == 1 and s.content[0].tag in ("h2", "h3")) for s in deck)


def test_trainer_only_sections_are_marked_skip_and_left_out():
    html, deck = _marked("# T {#t}\n\n## G {#goals}\n\n短。\n\n## 讲稿 {#trainer-script}\n\n短。\n\n"
                         "## A {#activity}\n\n短。\n")
    assert [s.section for s in deck] == ["", "goals", "activity"]
    assert _marks(html) == [("h1", "title"), ("h2", "h2"), ("h2", "skip"), ("h2", "h2")]
    assert re.search(r'<h2 data-slide="skip" id="trainer-script">', html)


def test_marking_changes_nothing_but_the_attributes():
    source = ("# T\n\n一<br>二\n\n## S {#s}\n\n| x |\n|---|\n| y |\n\n"
              + rawhtml.block('<div class="plan"><p>甲</p></div>') + "<div class=\"read-aloud\"></div>\n")
    marked, deck = _marked(source)
    assert len(deck) == 2 and "data-slide" in marked
    assert re.sub(r' data-slide="\w+"', "", marked) == _marked(source, present=False)[0]


def test_engine_html_is_marked_in_place_and_a_quiz_is_a_slide_of_its_own():
    parts = "".join(f'<div class="task"><p>{"字" * 300}</p></div>' for _ in range(3))
    quiz = '<div class="mp-quiz" data-quiz="q"><form><p>题</p></form></div>'
    html, deck = _marked("# T\n\n## 任务 {#tasks}\n" + rawhtml.block(parts)
                         + "\n## 自测 {#quiz}\n" + rawhtml.block(quiz))
    # Three long blocks of one held text: the second and third begin slides of their own.
    assert _marks(html) == [("h1", "title"), ("h2", "h2"), ("div", "more"), ("div", "more"), ("h2", "h2")]
    assert html.count('<div class="task" data-slide="more">') == 2
    assert deck[-1].quiz and quiz in html     # the quiz block itself is left as it was


def _deck(n_sections=4, quiz=True):
    parts = ['<h1>T</h1>']
    for i in range(n_sections):
        parts += [f'<h2 id="s{i}">S{i}</h2>', _para(80 * (i + 1))]
    if quiz:
        parts += ['<h2 id="quiz">Q</h2>', '<div class="mp-quiz"></div>']
    return slides.split(_page(*parts))


def test_default_timing_fills_45_minutes_with_a_short_opening_and_five_for_the_quiz():
    timed = slides.timing(_deck(), None, "x.md")
    assert sum(t.minutes for t in timed) == 45
    assert timed[0].minutes == slides.TITLE_MINUTES and timed[-1].minutes == slides.QUIZ_MINUTES
    middle = [t.minutes for t in timed[1:-1]]
    assert middle == sorted(middle) and all(m >= 1 for m in middle)   # longer sections get more


def test_front_matter_timing_overrides_sections_and_total():
    spec = {"total": 40, "s0": 10, "s1": {"minutes": 4, "note": "先分组"}}
    timed = slides.timing(_deck(), spec, "x.md")
    by_section = {t.slide.section: t for t in timed}
    assert sum(t.minutes for t in timed) == 40
    assert by_section["s0"].minutes == 10 and by_section["s1"].minutes == 4
    assert by_section["s1"].note == "先分组"


@pytest.mark.parametrize("spec, message", [
    ({"nope": 3}, "no slide section has the id 'nope'"),
    ({"s0": "ten"}, "is not a number of minutes"),
    ({"total": 20, "s0": 30}, "add up to more than 20"),
    ({"total": 0}, "is not a session length"),
    ([1, 2], "must be a mapping"),
])
def test_timing_mistakes_stop_the_build_with_what_is_expected(spec, message):
    with pytest.raises(AuthorError) as exc:
        slides.timing(_deck(), spec, "docs/zh/parenting/01.md")
    assert message in str(exc.value) and "docs/zh/parenting/01.md" in str(exc.value)


def test_outline_rows_follow_the_slides_and_add_up():
    deck = slides.Deck("parenting/01.md", "第 1 课", {}, _deck(), "docs/zh/parenting/01.md")
    rows = slides_outline.rows(deck, "zh")
    assert [r["title"] for r in rows] == [s.title for s in deck.slides]
    assert rows[-1]["clock"].endswith("–45") and rows[0]["clock"].startswith("0–")
    assert "自测" in rows[-1]["do"] and "开场" in rows[0]["do"]


def test_outline_says_what_to_do_from_what_the_slide_holds():
    html = _page('<h1>T</h1>',
                 '<h2 id="a">A</h2>', '<div class="admonition example"><p>情景</p></div><details><summary>讨论提示</summary><p>x</p></details>',
                 '<h2 id="b">B</h2>', '<table><tr><td>1</td></tr></table>',
                 '<h2 id="c">C</h2>', '<ul><li><strong>第一条。</strong></li><li>二</li></ul>')
    deck = slides.split(html)
    said = [slides_outline.what_to_do(s, "en") for s in deck]
    assert "scenario" in said[1] and "table" in said[2] and "2 points" in said[3]
    assert slides_outline.key_points(deck[3]) == ["第一条"]


def test_one_point_is_not_counted_as_points():
    deck = slides.split(_page('<h1>T</h1>', '<h2 id="a">A</h2>', '<ul><li>只有一条</li></ul>'))
    assert slides_outline.what_to_do(deck[1], "en").startswith("Cover the point with")
