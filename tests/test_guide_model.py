"""The reporting decision guide as data (plain unit tests, no MkDocs): the real file is complete
and rests on held articles; every author mistake stops with the file, the line and the node id;
the HTML without JavaScript is the whole flowchart."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from mpsite import citations, laws, settings
from mpsite.errors import AuthorErrors
from mpsite.guide import Action, Question, load_file
from mpsite.guide.render import guide_html, ladder, numbers, views
from mpsite.quiz.render import TextRenderer

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "data" / "reporting-guide.yml"


@pytest.fixture(scope="module")
def library():
    return laws.load(ROOT / "data" / "laws")


@pytest.fixture(scope="module")
def town():
    # mkdocs.yml holds !ENV and !!python tags: read only its `extra:` block as plain YAML.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^extra:\n(?:(?:  .*)?\n)+", text, re.M).group(0)
    return yaml.safe_load(re.sub(r"!ENV \[[^\]]*\]", "false", block))["extra"]


@pytest.fixture(scope="module")
def guide(library, town):
    return load_file(GUIDE, library, town)


# --- the real guide ---------------------------------------------------------------------------

def test_every_path_from_the_start_ends_in_an_action(guide):
    paths = guide.paths()
    assert len(paths) >= 8
    for path in paths:
        assert path[0] == guide.start
        assert isinstance(guide.node(path[-1]), Action), " > ".join(path)
        assert all(isinstance(guide.node(n), Question) for n in path[:-1])
    # and every node lies on some path
    assert {n for p in paths for n in p} == {n.id for n in guide.nodes}


def test_every_node_cites_a_held_article_or_says_why_none_applies(guide, library):
    for node in guide.nodes:
        if node.cites_none:
            assert node.reason and node.reason.zh and node.reason.en, node.id
            continue
        found = [c for c in citations.find(node.cite) if c.slug]
        assert len(found) == 1 and found[0].refs, f"{node.id}: {node.cite}"
        links, problems = citations.resolve(found[0], library)
        assert links and not problems, f"{node.id}: {node.cite}: {problems}"


def test_every_citation_in_the_texts_names_a_held_article(library):
    """Texts cite in running text too (第九十二条第六项, Article 40(1) ...): each must resolve."""
    data = yaml.safe_load(GUIDE.read_text(encoding="utf-8"))
    checked = 0

    def walk(value, lang=None):
        nonlocal checked
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, key if key in ("zh", "en") else lang)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, lang)
        elif isinstance(value, str):
            found = citations.find(value)
            # Every article named is part of a citation the site links (and so checks).
            for m in re.finditer(r"Article \d+|第[一二三四五六七八九十百零]+条", value):
                assert any(c.start <= m.start() < c.end for c in found), f"not read as a citation: {value}"
            for cit in found:
                if cit.slug is None:
                    assert not cit.numbered, f"article number of a text not held: {cit.text}"
                    continue
                _links, problems = citations.resolve(cit, library, lang or "zh")
                assert not problems, f"{cit.text}: {problems}"
                checked += 1
    walk(data)
    assert checked >= 30


def test_the_duties_the_brief_names_are_there(guide):
    """Art. 11 (duty to report), 40 (sexual abuse), 39 (bullying), 112 (one interview), the
    don'ts (no repeated questioning, no confronting the suspect) and the town's school route."""
    text = GUIDE.read_text(encoding="utf-8")
    for cite in ("第十一条第二款", "第四十条第一款", "第三十九条第三款", "第一百一十二条", "第一百一十八条"):
        assert cite in text
    dont = " ".join(d.zh for d in guide.every_action.dont)
    assert "一遍遍" in dont and "对质" in dont
    school = guide.node("act-bullying-serious")
    assert any("reporting.md#school-route" in s.zh for s in school.see)
    assert "{{ town.county }}教育行政部门" in " ".join(s.zh for s in school.steps)
    # The 2020 opinion is not held: the guide names no article of it.
    assert "意见" not in text


def test_contacts_come_from_the_town_settings(guide, town):
    for node in guide.nodes:
        if isinstance(node, Action):
            for contact in node.contacts:
                for lang in ("zh", "en"):
                    assert settings.MARKER.search(contact.get(lang)), f"{node.id}: {contact.get(lang)}"
                    assert "{{" not in settings.apply(contact.get(lang), town, lang, "x")


# --- the HTML ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_the_block_is_the_whole_flowchart(guide, town, lang):
    text = TextRenderer(text_filter=lambda t: settings.apply(t, town, lang, "x"))
    html = guide_html(guide, lang, text)
    sections = re.findall(r'<section class="mp-guide__node[^"]*" id="([^"]+)"', html)
    assert sections == [f"guide-reporting-{n.id}" for n in guide.order()]
    assert "hidden" not in re.findall(r"<section[^>]*>", html)[0]
    targets = re.findall(r'<a class="mp-guide__answer[^"]*" href="#([^"]+)"', html)
    questions = [n for n in guide.nodes if isinstance(n, Question)]
    assert len(targets) == 2 * len(questions)
    assert set(targets) <= set(sections)
    assert "{{" not in html
    # Page links are turned into addresses; English states the basis the English way.
    assert 'href="reporting/#school-route"' in html
    if lang == "en":
        assert "Basis: Article 11(2) of the Minor Protection Law" in html


def test_names_and_print_layout_cover_every_node_once(guide):
    names = numbers(guide, "zh")
    assert names["in-danger"] == "问题 1" and names["act-emergency"] == "处置 A"
    nodes = views(guide, "en", TextRenderer(), lambda p: p, every_action=False)
    layout = ladder(guide, nodes)
    drawn = []

    def collect(branch):
        drawn.append(branch["node"]["id"])
        for sub in branch.get("branches", []):
            collect(sub["to"])
    for row in layout["rows"]:
        drawn.append(row["question"]["id"])
        collect(row["to"])
    collect(layout["end"])
    assert sorted(drawn) == sorted(n.id for n in guide.nodes)


def test_every_action_steps_follow_each_action_on_the_site_only(guide):
    site = views(guide, "zh", TextRenderer(), lambda p: p)
    paper = views(guide, "zh", TextRenderer(), lambda p: p, every_action=False)
    extra = len(guide.every_action.steps)
    assert extra
    for a, b in zip(site, paper):
        if a["kind"] == "action":
            assert len(a["steps"]) == len(b["steps"]) + extra


# --- author mistakes --------------------------------------------------------------------------

SMALL = """\
id: demo
page: policy/demo-guide.md
title: {zh: 演示, en: Demo}
intro: {zh: 说明, en: About}
start: q1
nodes:
  - id: q1
    kind: question
    text: {zh: 有危险吗？, en: In danger?}
    yes: act-call
    no: act-watch
    cite: 《未成年人保护法》第十一条第二款
  - id: act-call
    kind: action
    title: {zh: 报警, en: Call the police}
    steps:
      - {zh: "拨打 {{ contacts.police }}", en: "Call {{ contacts.police }}"}
    cite: 《未成年人保护法》第十一条第二款
  - id: act-watch
    kind: action
    title: {zh: 留意, en: Watch}
    steps:
      - {zh: 留意变化, en: Watch for changes}
    cite: none
    reason: {zh: 没有直接规定, en: No article says so}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "demo-guide.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path: Path, library=None, town=None) -> list:
    with pytest.raises(AuthorErrors) as info:
        load_file(path, library, town)
    return info.value.errors


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_the_small_guide_loads(tmp_path, library, town):
    guide = load_file(write(tmp_path, SMALL), library, town)
    assert [len(p) for p in guide.paths()] == [2, 2]
    assert guide.node("act-watch").cites_none


def test_a_dangling_reference_names_file_line_and_node(tmp_path):
    text = SMALL.replace("no: act-watch", "no: act-nowhere")
    errors = errors_of(write(tmp_path, text))
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"{tmp_path / 'demo-guide.yml'}:{line_of(text, 'no: act-nowhere')}: ")
    assert "node q1" in message and "no: 'act-nowhere' names no node" in message


def test_a_cycle_names_file_line_and_node(tmp_path):
    text = SMALL.replace("""    yes: act-call
    no: act-watch
    cite: 《未成年人保护法》第十一条第二款
""", """    yes: q2
    no: act-watch
    cite: 《未成年人保护法》第十一条第二款
  - id: q2
    kind: question
    text: {zh: 再问, en: Again?}
    yes: act-call
    no: q1
    cite: 《未成年人保护法》第十一条第一款
""")
    errors = errors_of(write(tmp_path, text))
    assert len(errors) == 1
    message = str(errors[0])
    assert f":{line_of(text, 'no: q1')}: " in message
    assert "node q2" in message and "closes a cycle (q1 -> q2 -> q1)" in message


def test_a_missing_translation_names_file_line_and_node(tmp_path):
    text = SMALL.replace("title: {zh: 报警, en: Call the police}", "title: {zh: 报警}")
    errors = errors_of(write(tmp_path, text))
    assert len(errors) == 1
    assert f":{line_of(text, 'title: {zh: 报警}')}: " in str(errors[0])
    assert "node act-call" in str(errors[0]) and "missing translation 'en' of title" in str(errors[0])


def test_a_cite_of_an_article_we_do_not_hold_stops(tmp_path, library):
    text = SMALL.replace("cite: 《未成年人保护法》第十一条第二款\n  - id: act-call",
                         "cite: 《未成年人保护法》第二百条\n  - id: act-call")
    errors = errors_of(write(tmp_path, text), library)
    assert len(errors) == 1
    assert "node q1" in str(errors[0]) and "does not exist" in str(errors[0])
    assert f":{line_of(text, '第二百条')}: " in str(errors[0])


@pytest.mark.parametrize("old, new, problem", [
    ("    reason: {zh: 没有直接规定, en: No article says so}\n", "", "cite: none without a reason"),
    ("cite: none", "cite: 未成年人保护法第十一条是依据", "is not one citation of a held text"),
    ("cite: none", "cite: 《未成年人学校保护规定》第二十条", "is not one citation of a held text"),
    ("  - id: act-watch\n", "  - id: act-call\n", "duplicate node id 'act-call'"),
    ("kind: action\n    title: {zh: 留意", "kind: answer\n    title: {zh: 留意", "unknown kind 'answer'"),
    ("start: q1", "start: q9", "start 'q9' names no node"),
    ("    no: act-watch\n", "    no: act-call\n", "node 'act-watch' cannot be reached"),
    ("    yes: act-call\n", "    yes: q1\n", "points back to the node itself"),
    ('"拨打 {{ contacts.police }}"', '"拨打 {{ contacts.polce }}"', "unknown setting marker {{ contacts.polce }}"),
    ("    yes: act-call\n", "", "missing field 'yes'"),
])
def test_author_mistakes_stop_with_line_and_node(tmp_path, library, town, old, new, problem):
    text = SMALL.replace(old, new, 1)
    assert text != SMALL
    errors = errors_of(write(tmp_path, text), library, town)
    assert any(problem in str(e) for e in errors), [str(e) for e in errors]
    for e in errors:
        assert e.line and e.where.endswith("demo-guide.yml"), str(e)
        assert e.item.startswith("guide demo"), str(e)


def test_a_yaml_syntax_error_names_the_line(tmp_path):
    errors = errors_of(write(tmp_path, SMALL.replace("title: {zh: 留意, en: Watch}", "title: {zh: 留意, en: Watch")))
    assert "YAML syntax error" in str(errors[0]) and errors[0].line


def test_chinese_copy_passes_autocorrect_and_has_no_lookalikes():
    """As test_quality_copy does for pages and quizzes."""
    import autocorrect_py as autocorrect
    from test_quality_copy import LOOKALIKES

    text = GUIDE.read_text(encoding="utf-8")
    result = autocorrect.lint_for(text, GUIDE.name)
    assert not result.lines, [(line.line, line.old.strip()[:60], line.new.strip()[:60]) for line in result.lines]
    assert not LOOKALIKES.search(text)
