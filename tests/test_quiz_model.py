"""The quiz file format: good files load; every author mistake is reported with the file, the line,
the quiz and question, what is wrong and what is expected (plain module tests, no MkDocs)."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mpsite.errors import AuthorErrors
from mpsite.quiz import load_dir, load_file

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"

GOOD = """\
id: demo-quiz
audience: parents
pass_mark: 80
title: {zh: 演示, en: Demo}
description: {zh: 说明, en: About}
questions:
  - id: q1
    type: single
    prompt: {zh: 题干, en: Prompt}
    options:
      - {id: a, zh: 甲, en: A}
      - {id: b, zh: 乙, en: B}
    answer: b
    explanation: {zh: 解析, en: Why}
    cite: 《未成年人保护法》第三十九条
  - id: q2
    type: multiple
    prompt: {zh: 题干, en: Prompt}
    options:
      - {id: a, zh: 甲, en: A}
      - {id: b, zh: 乙, en: B}
      - {id: c, zh: 丙, en: C}
    answer: [a, c]
    explanation: {zh: 解析, en: Why}
  - id: q3
    type: truefalse
    prompt: {zh: 题干, en: Prompt}
    answer: false
    explanation: {zh: 解析, en: Why}
"""


def write(tmp_path: Path, text: str, name: str = "demo.yml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(path: Path) -> list:
    with pytest.raises(AuthorErrors) as info:
        load_file(path)
    return info.value.errors


def one_error(tmp_path: Path, old: str, new: str):
    """GOOD with one edit: exactly one error, returned for inspection."""
    assert old in GOOD, old
    errs = errors_of(write(tmp_path, GOOD.replace(old, new, 1)))
    assert len(errs) == 1, [str(e) for e in errs]
    return errs[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_good_file_loads_with_answers_and_source(tmp_path):
    quiz = load_file(write(tmp_path, GOOD))
    assert quiz.id == "demo-quiz" and quiz.pass_mark == 80
    assert [q.correct for q in quiz.questions] == [["b"], ["a", "c"], ["false"]]
    assert quiz.questions[0].cite == "《未成年人保护法》第三十九条"
    assert quiz.source.endswith("demo.yml")


def test_fixture_quizzes_load():
    quizzes = load_dir(FIXTURES)
    assert {q.id for q in quizzes} == {"fixture-every-type", "fixture-parents"}
    types = {q.type for quiz in quizzes for q in quiz.questions}
    assert types == {"single", "multiple", "truefalse"}


def test_empty_or_missing_folder_has_no_quizzes(tmp_path):
    assert load_dir(tmp_path) == []
    assert load_dir(tmp_path / "nope") == []


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = GOOD.replace("    answer: b\n", "    answer: [b\n", 1)
    errs = errors_of(write(tmp_path, text))
    assert len(errs) == 1
    assert "YAML syntax error" in errs[0].problem
    assert errs[0].line is not None and errs[0].line >= line_of(text, "answer: [b")
    assert "demo.yml" in str(errs[0])


def test_missing_field(tmp_path):
    err = one_error(tmp_path, "    explanation: {zh: 解析, en: Why}\n    cite", "    cite")
    assert err.problem == "missing field 'explanation'"
    assert err.item == "quiz demo-quiz, question q1"
    assert err.line == line_of(GOOD, "- id: q1")
    assert "prompt" in err.expected


def test_unknown_field_names_allowed_ones(tmp_path):
    err = one_error(tmp_path, "    answer: b\n", "    answer: b\n    hint: {zh: 提示, en: Hint}\n")
    assert err.problem == "unknown field 'hint'" and "explanation" in err.expected
    assert err.line == line_of(GOOD, "answer: b") + 1


def test_answer_naming_no_option(tmp_path):
    err = one_error(tmp_path, "    answer: b\n", "    answer: d\n")
    assert "answer 'd' names no option" in err.problem
    assert "a, b" in err.expected
    assert err.item == "quiz demo-quiz, question q1"
    assert err.line == line_of(GOOD, "answer: b")


def test_multiple_answer_naming_no_option(tmp_path):
    err = one_error(tmp_path, "answer: [a, c]", "answer: [a, z]")
    assert "'z' names no option" in err.problem and err.item.endswith("question q2")


def test_several_answers_on_single_choice(tmp_path):
    err = one_error(tmp_path, "    answer: b\n", "    answer: [a, b]\n")
    assert "several answers" in err.problem and "single-choice" in err.problem
    assert "type: multiple" in err.expected


def test_duplicate_question_and_option_ids(tmp_path):
    text = GOOD.replace("  - id: q2", "  - id: q1").replace("      - {id: b, zh: 乙, en: B}\n    answer: b",
                                                          "      - {id: a, zh: 乙, en: B}\n    answer: a")
    errs = errors_of(write(tmp_path, text))
    problems = [e.problem for e in errs]
    assert any("duplicate question id 'q1'" in p for p in problems), problems
    assert any("duplicate option id 'a'" in p for p in problems), problems


def test_duplicate_quiz_ids_across_files(tmp_path):
    write(tmp_path, GOOD, "one.yml")
    write(tmp_path, GOOD, "two.yml")
    with pytest.raises(AuthorErrors) as info:
        load_dir(tmp_path)
    [err] = info.value.errors
    assert "duplicate quiz id 'demo-quiz'" in err.problem
    assert "one.yml" in err.problem and err.where.endswith("two.yml") and err.line == 1


def test_missing_translation(tmp_path):
    err = one_error(tmp_path, "    prompt: {zh: 题干, en: Prompt}\n    answer: false",
                    "    prompt: {zh: 题干}\n    answer: false")
    assert err.problem == "missing translation 'en' of prompt"
    assert err.item == "quiz demo-quiz, question q3"


def test_missing_translation_of_an_option(tmp_path):
    err = one_error(tmp_path, "      - {id: c, zh: 丙, en: C}", "      - {id: c, zh: 丙}")
    assert err.problem == "missing translation 'en' of option"
    assert err.item == "quiz demo-quiz, question q2, option c"
    assert err.line == line_of(GOOD, "{id: c, zh: 丙, en: C}")


def test_unknown_type(tmp_path):
    err = one_error(tmp_path, "type: single", "type: singel")
    assert err.problem == "unknown type 'singel'"
    assert err.expected == "single | multiple | truefalse"


def test_fewer_than_two_options(tmp_path):
    err = one_error(tmp_path, "      - {id: b, zh: 乙, en: B}\n    answer: b", "    answer: a")
    assert "only 1 option" in err.problem and "at least two" in err.expected


def test_options_on_truefalse(tmp_path):
    err = one_error(tmp_path, "    answer: false", "    options:\n      - {id: a, zh: 甲, en: A}\n    answer: false")
    assert "truefalse question has options" in err.problem
    assert err.item == "quiz demo-quiz, question q3"


def test_truefalse_answer_must_be_boolean(tmp_path):
    err = one_error(tmp_path, "    answer: false", "    answer: a")
    assert "not true or false" in err.problem


def test_cite_not_in_citation_form(tmp_path):
    err = one_error(tmp_path, "《未成年人保护法》第三十九条", "未成年人保护法第39条")
    assert "is not a citation" in err.problem and "《未成年人保护法》第三十九条" in err.expected
    assert err.line == line_of(GOOD, "cite:")


def test_cite_with_paragraph_is_accepted(tmp_path):
    quiz = load_file(write(tmp_path, GOOD.replace("第三十九条", "第三十九条第二款")))
    assert quiz.questions[0].cite.endswith("第二款")


@pytest.mark.parametrize("bad", ["Demo_Quiz", "demo quiz", "démo", "-demo"])
def test_id_with_bad_characters(tmp_path, bad):
    err = one_error(tmp_path, "id: demo-quiz", f"id: '{bad}'")
    assert f"bad id '{bad}'" == err.problem and "lowercase" in err.expected and err.line == 1


def test_bad_option_id(tmp_path):
    err = one_error(tmp_path, "      - {id: c, zh: 丙, en: C}", "      - {id: C!, zh: 丙, en: C}")
    assert "bad id 'C!'" in err.problem and "question q2" in err.item


@pytest.mark.parametrize("mark", ["0", "101", "-5"])
def test_pass_mark_outside_range(tmp_path, mark):
    err = one_error(tmp_path, "pass_mark: 80", f"pass_mark: {mark}")
    assert err.problem == f"pass_mark {mark} is outside 1-100" and err.line == 3


def test_unknown_audience(tmp_path):
    err = one_error(tmp_path, "audience: parents", "audience: grandparents")
    assert "unknown audience 'grandparents'" in err.problem and "staff" in err.expected


def test_all_errors_of_a_file_together_without_traceback(tmp_path):
    text = GOOD.replace("pass_mark: 80", "pass_mark: 0").replace("type: single", "type: singel") \
               .replace("answer: [a, c]", "answer: [a, z]")
    errs = errors_of(write(tmp_path, text))
    assert len(errs) == 3
    assert [e.line for e in errs] == sorted(e.line for e in errs)
    message = str(AuthorErrors(errs))
    assert "Traceback" not in message and message.count("demo.yml:") == 3
