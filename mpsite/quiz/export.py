"""Quizzes for learning platforms: Moodle XML and GIFT, one file per quiz and language.

Texts go out as HTML rendered from the quiz's Markdown. Moodle XML is built with ElementTree, so
every text is XML-escaped; GIFT escapes its own special characters with a backslash.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from . import strings
from .model import Question, Quiz
from .render import TextRenderer

FORMATS = {"xml": "Moodle XML", "gift": "GIFT"}
_GIFT_ESCAPES = str.maketrans({ch: "\\" + ch for ch in "\\~=#{}:"})


def export_name(quiz: Quiz, lang: str, fmt: str) -> str:
    """File name inside the language's ``quizzes/export/`` folder."""
    return f"{quiz.id}.{lang}.{fmt}"


def _fraction(percent: float) -> str:
    """Moodle's grade fractions (100, 50, 33.33333, ...): five decimals at most."""
    return f"{percent:.5f}".rstrip("0").rstrip(".")


def _fractions(q: Question) -> dict[str, str]:
    """Per option: correct ones share 100%; for several answers, wrong ones take it away again."""
    ids = [o.id for o in q.options or []]
    right = [i for i in ids if i in q.correct]
    wrong = [i for i in ids if i not in q.correct]
    if q.type == "single":
        return {i: "100" if i in right else "0" for i in ids}
    return {i: _fraction(100 / len(right)) if i in right else _fraction(-100 / len(wrong)) for i in ids}


def _feedback_html(q: Question, lang: str, text: TextRenderer) -> str:
    html = str(text.block(q.explanation.get(lang)))
    if q.cite:
        html += f"<p>{strings.labels(lang)['cite']}{q.cite}</p>"
    return html


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


def _text(parent: ET.Element, tag: str, html: str, fmt: str = "html") -> ET.Element:
    el = _sub(parent, tag, format=fmt)
    _sub(el, "text", html)
    return el


def moodle_xml(quiz: Quiz, lang: str, text: TextRenderer | None = None) -> str:
    """The quiz as a Moodle XML question file (one category named after the quiz id)."""
    text = text or TextRenderer()
    root = ET.Element("quiz")
    category = _sub(_sub(root, "question", type="category"), "category")
    _sub(category, "text", f"$course$/top/{quiz.id}")
    for q in quiz.questions:
        el = _sub(root, "question", type="truefalse" if q.type == "truefalse" else "multichoice")
        _sub(_sub(el, "name"), "text", f"{quiz.id}-{q.id}")
        _text(el, "questiontext", str(text.block(q.prompt.get(lang))))
        _text(el, "generalfeedback", _feedback_html(q, lang, text))
        _sub(el, "defaultgrade", "1")
        _sub(el, "hidden", "0")
        if q.type == "truefalse":
            _sub(el, "penalty", "1")
            for value in ("true", "false"):
                answer = _sub(el, "answer", fraction="100" if value in q.correct else "0",
                              format="moodle_auto_format")
                _sub(answer, "text", value)
                _sub(_sub(answer, "feedback", format="html"), "text", "")
            continue
        _sub(el, "penalty", "0.3333333")
        _sub(el, "single", "true" if q.type == "single" else "false")
        _sub(el, "shuffleanswers", "true")
        _sub(el, "answernumbering", "ABCD")
        fractions = _fractions(q)
        for option in q.options or []:
            answer = _sub(el, "answer", fraction=fractions[option.id], format="html")
            _sub(answer, "text", str(text.phrase(option.get(lang))))
            _sub(_sub(answer, "feedback", format="html"), "text", "")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def gift_escape(value: str) -> str:
    """GIFT text: a backslash before ~ = # { } : (and before a backslash); one line."""
    return " ".join(value.translate(_GIFT_ESCAPES).split())


def gift(quiz: Quiz, lang: str, text: TextRenderer | None = None) -> str:
    """The quiz in Moodle's GIFT format, HTML texts, one blank line between questions."""
    text = text or TextRenderer()
    title = " ".join(text.raw(quiz.title.get(lang)).split())
    blocks = [f"// {title} ({quiz.id}, {lang})", f"$CATEGORY: $course$/top/{quiz.id}"]
    for q in quiz.questions:
        head = f"::{gift_escape(quiz.id + '-' + q.id)}::[html]{gift_escape(str(text.block(q.prompt.get(lang))))}"
        feedback = "####" + gift_escape(_feedback_html(q, lang, text))
        if q.type == "truefalse":
            blocks.append(f"{head} {{{'TRUE' if q.correct == ['true'] else 'FALSE'}{feedback}}}")
            continue
        fractions = _fractions(q)
        lines = []
        for option in q.options or []:
            label = gift_escape(str(text.phrase(option.get(lang))))
            if q.type == "single":
                lines.append(("=" if option.id in q.correct else "~") + label)
            else:
                lines.append(f"~%{fractions[option.id]}%{label}")
        blocks.append(head + " {\n" + "\n".join(lines) + "\n" + feedback + "\n}")
    return "\n\n".join(blocks) + "\n"


def write_all(quizzes: list[Quiz], lang: str, folder: Path, text: TextRenderer | None = None) -> list[Path]:
    """Both formats of every quiz in one language into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for quiz in quizzes:
        for fmt, render in (("xml", moodle_xml), ("gift", gift)):
            path = folder / export_name(quiz, lang, fmt)
            path.write_text(render(quiz, lang, text), encoding="utf-8")
            written.append(path)
    return written
