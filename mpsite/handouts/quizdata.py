"""The quizzes as the paper sheets need them: plain data in both languages.

Read with the quiz engine's checked loader (``mpsite.quiz.load_dir``) when it is there, so a
mistake in a quiz file gets the same message as on the site; otherwise (the engine not landed
yet) a minimal reader of the format in the team brief. Town settings markers (``{{ town.name }}``)
are filled in through ``fill(text, lang)``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

LANGS = ("zh", "en")


@dataclass
class Question:
    id: str
    type: str                       # single | multiple | truefalse
    prompt: dict[str, str]
    options: list[dict[str, str]]   # [{id, zh, en}]; empty for truefalse
    answer: object                  # option id, [ids] or bool
    explanation: dict[str, str]
    cite: str | None = None


@dataclass
class QuizData:
    id: str
    audience: str
    pass_mark: int
    title: dict[str, str]
    description: dict[str, str]
    source: Path
    questions: list[Question] = field(default_factory=list)


def _text(value, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang) or "")
    return "" if value is None else str(value)


def _both(value, fill) -> dict[str, str]:
    get = (lambda lang: value.get(lang)) if hasattr(value, "get") else (lambda lang: getattr(value, lang))
    return {lang: fill(str(get(lang) or ""), lang) for lang in LANGS}


def _from_raw(raw, source: Path, fill) -> QuizData:
    """From the engine's models or from plain YAML data (same field names)."""
    def attr(obj, name, default=None):
        return obj.get(name, default) if isinstance(obj, dict) else getattr(obj, name, default)

    questions = []
    for q in attr(raw, "questions") or []:
        options = [{"id": str(attr(o, "id")), **_both(o, fill)} for o in attr(q, "options") or []]
        explanation = attr(q, "explanation")
        questions.append(Question(
            id=str(attr(q, "id")), type=str(attr(q, "type", "single")),
            prompt=_both(attr(q, "prompt"), fill), options=options, answer=attr(q, "answer"),
            explanation=_both(explanation, fill) if explanation else {}, cite=attr(q, "cite")))
    description = attr(raw, "description")
    return QuizData(id=str(attr(raw, "id")), audience=str(attr(raw, "audience", "")),
                    pass_mark=int(attr(raw, "pass_mark", 0)), title=_both(attr(raw, "title"), fill),
                    description=_both(description, fill) if description else {},
                    source=source, questions=questions)


def load(folder: Path, fill: Callable[[str, str], str] | None = None) -> list[QuizData]:
    """Every quiz in ``folder``; the engine's loader raises ``AuthorErrors`` on mistakes."""
    fill = fill or (lambda text, lang: text)
    try:
        from mpsite.quiz import load_dir
    except ImportError:
        load_dir = None
    if load_dir is not None:
        result = []
        for quiz in load_dir(folder):
            source = Path(quiz.source) if getattr(quiz, "source", "") else folder / f"{quiz.id}.yml"
            result.append(_from_raw(quiz, source if source.is_absolute() else Path.cwd() / source, fill))
        return result
    return [_from_raw(yaml.safe_load(path.read_text(encoding="utf-8")), path, fill)
            for path in sorted(folder.glob("*.yml"))]
