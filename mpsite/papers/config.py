"""An exam paper's config file (``quizzes/papers/<name>.yml``, see QUIZZES.md "Exam papers"):
which quizzes to draw from, how many questions of each type, the points, seed, title, time
allowed and pass mark. Checked like a quiz file: every mistake is reported together, with the
file, line, item and what is expected. Checks that need the question bank are in ``draw``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..errors import AuthorError, AuthorErrors
from ..quiz.model import AUDIENCES, ID_EXPECTED, ID_PATTERN, Id, Text, Strict, display_path, line_for, read_yaml

FOLDER = "quizzes/papers"
Count = Annotated[int, Field(strict=True, ge=0, le=200)]
Points = Annotated[int, Field(strict=True, ge=1, le=100)]


class Draw(Strict):
    """Where the questions come from: the quizzes listed, plus every quiz that matches all the
    filters given (an audience, a topic: the first part of a quiz id, e.g. parenting)."""
    quizzes: list[Id] = []
    audiences: list[Literal["teachers", "parents", "students", "staff"]] = []
    topics: list[Id] = []

    @model_validator(mode="after")
    def _something(self) -> Draw:
        if not (self.quizzes or self.audiences or self.topics):
            raise PydanticCustomError("paper_rule", "draw names no quiz, audience or topic",
                                      {"expected": "quizzes: [ids], audiences: [parents] or topics: [parenting]"})
        return self


class Counts(Strict):
    """Questions per type on the paper."""
    single: Count = 0
    multiple: Count = 0
    truefalse: Count = 0

    @model_validator(mode="after")
    def _some(self) -> Counts:
        if not (self.single or self.multiple or self.truefalse):
            raise PydanticCustomError("paper_rule", "the paper asks for no questions",
                                      {"expected": "a number of single, multiple or truefalse questions"})
        return self


class Scores(Strict):
    """Points per question of each type (a multiple-choice question scores only when all right)."""
    single: Points = 2
    multiple: Points = 4
    truefalse: Points = 2


class PaperConfig(Strict):
    title: Text
    audience: Literal["teachers", "parents", "students", "staff"] | None = None
    draw: Draw
    questions: Counts
    points: Scores = Scores()
    seed: Annotated[int, Field(strict=True)]
    minutes: Annotated[int, Field(strict=True, ge=1, le=600)]
    pass_mark: Annotated[int, Field(strict=True, ge=1, le=100)]  # percent of the total points


_FIELDS = {
    (): "title, audience, draw, questions, points, seed, minutes, pass_mark",
    ("draw",): "quizzes, audiences, topics",
    ("questions",): "single, multiple, truefalse",
    ("points",): "single, multiple, truefalse",
    ("title",): "zh, en",
}


def paper_files(root: Path) -> list[Path]:
    folder = root / FOLDER
    return sorted(p for p in folder.glob("*.yml") if p.is_file()) if folder.is_dir() else []


def item(name: str, loc: tuple = ()) -> str:
    """'paper parents-basic, questions.multiple' for the place an error points at."""
    return f"paper {name}" + (", " + ".".join(str(p) for p in loc) if loc else "")


def _describe(err: dict) -> tuple[str, str, tuple]:
    """(problem, expected, loc) for one pydantic error."""
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))  # drop union tags
    field, parent, given, etype = (str(loc[-1]) if loc else "file"), loc[:-1], err.get("input"), err["type"]
    if etype == "paper_rule":
        return err["msg"], err["ctx"]["expected"], loc
    if etype == "missing":
        if parent == ("title",):
            return f"missing translation '{field}' of title", "both zh: and en: texts", loc
        return f"missing field '{field}'", f"fields {_FIELDS.get(parent, '')}", loc
    if etype == "extra_forbidden":
        return f"unknown field '{field}'", f"only {_FIELDS.get(parent, '')}", loc
    if etype == "literal_error":
        return f"unknown audience '{given}'", " | ".join(AUDIENCES), loc
    if etype == "string_pattern_mismatch":
        return f"bad id '{given}'", ID_EXPECTED, loc
    if etype == "string_too_short":
        return f"{field} is empty", "some text", loc
    if etype in ("greater_than_equal", "less_than_equal"):
        bounds = {"minutes": "1-600", "pass_mark": "1-100 (percent of the points)"}.get(
            field, "0-200" if parent == ("questions",) else "1-100")
        return f"{field} {given} is out of range", f"a whole number {bounds}", loc
    if etype in ("int_type", "int_parsing", "int_from_float"):
        return f"{field} has the value {given!r}", "a whole number", loc
    if etype in ("model_type", "model_attributes_type", "dict_type"):
        wanted = "{zh: 中文, en: English}" if field == "title" else f"a mapping of {_FIELDS.get(loc, 'fields')}"
        return f"{field} is not a mapping", wanted, loc
    if etype == "list_type":
        return f"{field} is not a list", "a list such as [a, b]", loc
    if etype == "string_type":
        return f"{field} has the value {given!r}", "text (quote it)", loc
    return err["msg"], "", loc


def load_config(path: Path) -> tuple[PaperConfig, Any, str, str]:
    """(config, the YAML data with line marks, where, name); AuthorErrors on any mistake."""
    where = display_path(path)
    name = path.stem
    data, duplicates = read_yaml(path, where)
    if not isinstance(data, dict):
        raise AuthorErrors([AuthorError(where, "the file is not a paper mapping",
                                        expected=f"fields {_FIELDS[()]}", line=1)])
    errors = [AuthorError(where, f"the key '{key}' appears twice", expected="each key once",
                          line=line, item=item(name)) for key, line in duplicates]
    if not re.match(ID_PATTERN, name):
        errors.append(AuthorError(where, f"bad file name '{path.name}'",
                                  expected=f"a name of {ID_EXPECTED}, then .yml", item=item(name)))
    try:
        config = PaperConfig.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problem, expected, loc = _describe(err)
            errors.append(AuthorError(where, problem, expected=expected,
                                      line=line_for(data, loc), item=item(name, loc)))
        config = None
    if errors:
        raise AuthorErrors(sorted(errors, key=lambda e: e.line or 0))
    return config, data, where, name

