"""Moodle XML and GIFT exports: parseable, graded correctly, special characters escaped."""
from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mpsite.quiz import load_dir
from mpsite.quiz.export import gift, gift_escape, moodle_xml, write_all

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"


@pytest.fixture(scope="module")
def quiz():
    return {q.id: q for q in load_dir(FIXTURES)}["fixture-every-type"]


def questions(xml: str) -> list[ET.Element]:
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "quiz"
    return [q for q in root.findall("question") if q.get("type") != "category"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_moodle_xml_parses_with_the_right_types_and_grades(quiz, lang):
    qs = questions(moodle_xml(quiz, lang))
    assert [q.get("type") for q in qs] == ["multichoice", "multichoice", "truefalse", "truefalse"]
    single, multiple, tf_false, tf_true = qs
    assert single.findtext("single") == "true" and multiple.findtext("single") == "false"
    # Single choice: exactly one answer worth 100%.
    assert sorted(float(a.get("fraction")) for a in single.findall("answer")) == [0, 0, 100]
    # Several answers: the correct ones add up to 100%, a wrong one takes marks away.
    fractions = [float(a.get("fraction")) for a in multiple.findall("answer")]
    assert abs(sum(f for f in fractions if f > 0) - 100) < 0.001
    assert sum(1 for f in fractions if f > 0) == 3 and min(fractions) < 0
    # True/false: the right value carries the mark.
    assert {a.findtext("text"): a.get("fraction") for a in tf_false.findall("answer")} == {"true": "0", "false": "100"}
    assert {a.findtext("text"): a.get("fraction") for a in tf_true.findall("answer")} == {"true": "100", "false": "0"}


def test_moodle_xml_keeps_html_and_special_characters(quiz):
    single = questions(moodle_xml(quiz, "zh"))[0]
    prompt = single.find("questiontext")
    assert prompt.get("format") == "html"
    assert prompt.findtext("text") == "<p>发现学生疑似受到侵害，教师应当怎么做？{先} = 2 # 注意: 这是一道单选题</p>"
    answers = [a.findtext("text") for a in single.findall("answer")]
    assert "立即向公安、民政、教育等部门报告 &lt;及时&gt;" in answers  # HTML text, escaped once more in XML
    feedback = single.find("generalfeedback").findtext("text")
    assert "<strong>立即</strong>" in feedback and "&amp;" in feedback
    assert "依据：《未成年人保护法》第十一条第二款" in feedback


def test_english_export_is_in_english(quiz):
    xml = moodle_xml(quiz, "en")
    assert "Legal basis: 《未成年人保护法》第十一条第二款" in xml and "发现学生" not in xml


def test_gift_escape():
    assert gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert gift_escape("two\nlines") == "two lines"


def unescaped(text: str, ch: str) -> list[int]:
    """Positions of ``ch`` not preceded by an odd number of backslashes."""
    out = []
    for m in re.finditer(re.escape(ch), text):
        slashes = len(text[:m.start()]) - len(text[:m.start()].rstrip("\\"))
        if slashes % 2 == 0:
            out.append(m.start())
    return out


def test_gift_structure_and_escaping(quiz):
    text = gift(quiz, "zh")
    blocks = text.strip().split("\n\n")
    assert blocks[1] == "$CATEGORY: $course$/top/fixture-every-type"
    body = blocks[2:]
    assert len(body) == 4
    q1 = body[0]
    assert q1.startswith("::fixture-every-type-q1::[html]<p>")
    assert "\\{先\\} \\= 2 \\# 注意\\: 这是一道单选题" in q1
    # Outside the answer braces, no special character is left unescaped.
    head = q1[len("::fixture-every-type-q1::"):q1.index(" {\n")]
    for ch in "{}=#~":
        assert not unescaped(head, ch), (ch, head)
    lines = q1.split("\n")
    assert lines[1:4] == ["~先自己调查清楚再说", "=立即向公安、民政、教育等部门报告 &lt;及时&gt;", "~不予理会"]
    assert lines[4].startswith("####<p>") and lines[-1] == "}"
    q2 = body[1].split("\n")
    assert q2[1:5] == ["~%33.33333%反复起侮辱性绰号", "~%-100%一次正常的体育比赛冲撞",
                       "~%33.33333%在网络群里散布谣言", "~%33.33333%强索财物 \\~ 威胁"]
    assert body[2].endswith("{FALSE####<p>应当尊重未成年人的隐私。</p><p>依据：《未成年人保护法》第六十三条</p>}")
    assert body[3].startswith("::fixture-every-type-q4::") and "{TRUE####" in body[3]


def test_write_all_writes_both_formats(tmp_path, quiz):
    written = write_all([quiz], "en", tmp_path / "export")
    assert sorted(p.name for p in written) == ["fixture-every-type.en.gift", "fixture-every-type.en.xml"]
    ET.parse(tmp_path / "export" / "fixture-every-type.en.xml")


# --- every export of the built site, read back by parsers nobody here wrote ---------------------

ROOT = Path(__file__).resolve().parent.parent


def _gift_parsed(files: list[Path]) -> dict[str, list | dict]:
    """gift-pegjs (npm: the GIFT grammar as a PEG parser) over the files, one Node process."""
    proc = subprocess.run(["node", str(ROOT / "tests/tools/parse_gift.js"), *map(str, files)],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def _xml_questions(path: Path) -> list[ET.Element]:
    return questions(path.read_text(encoding="utf-8"))


def test_every_gift_export_parses_and_agrees_with_the_quiz_and_its_moodle_xml(site_dir):
    quizzes = {q.id: q for q in load_dir(ROOT / "quizzes")}
    files = sorted(site_dir.glob("quizzes/export/*.gift")) + sorted(site_dir.glob("en/quizzes/export/*.gift"))
    assert len(files) == 2 * len(quizzes)
    problems = []
    for file, parsed in _gift_parsed(files).items():
        file = Path(file)
        quiz = quizzes[file.name.split(".")[0]]
        if isinstance(parsed, dict):
            problems.append(f"{file.name}: gift-pegjs rejects it: {parsed['error']}")
            continue
        gift_qs = [q for q in parsed if q["type"] != "Category"]
        xml_qs = _xml_questions(file.with_suffix(".xml"))
        if [q["title"] for q in gift_qs] != [f"{quiz.id}-{q.id}" for q in quiz.questions]:
            problems.append(f"{file.name}: questions {[q['title'] for q in gift_qs]}")
            continue
        for q, g, x in zip(quiz.questions, gift_qs, xml_qs):
            where = f"{file.name} {q.id}"
            if g["stem"]["text"] != x.findtext("questiontext/text"):
                problems.append(f"{where}: the question differs from the Moodle XML's")
            if g["globalFeedback"]["text"] != x.findtext("generalfeedback/text"):
                problems.append(f"{where}: the explanation differs from the Moodle XML's")
            if q.type == "truefalse":
                if g["type"] != "TF" or g["isTrue"] != (q.correct == ["true"]):
                    problems.append(f"{where}: true/false answer {g.get('isTrue')} for {q.correct}")
                continue
            right = [c["isCorrect"] or (c["weight"] or 0) > 0 for c in g["choices"]]
            if right != [o.id in q.correct for o in q.options]:
                problems.append(f"{where}: right answers {right} for {q.correct}")
            if [c["text"]["text"] for c in g["choices"]] != [a.findtext("text") for a in x.findall("answer")]:
                problems.append(f"{where}: the options differ from the Moodle XML's")
    assert not problems, "\n".join(problems[:30])
