"""The quiz file format (see QUIZZES.md): pydantic models, a YAML loader that keeps line numbers,
and error messages an author can act on (file, line, quiz and question, what is expected).

Every mistake in a file is collected and raised together as ``AuthorErrors``; nothing here raises
a bare traceback for bad input.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..errors import AuthorError, AuthorErrors

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_EXPECTED = "lowercase letters, digits and single hyphens, e.g. bullying-teachers, q1, a"
# A citation exactly as written in running text: 《法名》第三十九条[第二款][第一项].
_NUM = "[一二三四五六七八九十百千零〇]+"
CITE_PATTERN = rf"^《[^《》\s]+》第{_NUM}条(第{_NUM}款)?(第{_NUM}项)?$"
CITE_EXPECTED = "the citation form 《未成年人保护法》第三十九条 (optionally 第二款), Chinese numerals"
AUDIENCES = ("teachers", "parents", "students", "staff")
TYPES = ("single", "multiple", "truefalse")

Id = Annotated[str, Field(strict=True, pattern=ID_PATTERN)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, strict=True)]


class Strict(BaseModel):
    """Data files are read strictly: an unknown field is a mistake, not ignored."""
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One text in both languages; Markdown and town settings markers allowed."""
    zh: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Option(Strict):
    id: Id
    zh: NonEmpty
    en: NonEmpty

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Question(Strict):
    id: Id
    type: Literal["single", "multiple", "truefalse"]
    prompt: Text
    options: list[Option] | None = None
    answer: Any  # checked against type and options below, for messages that name the option ids
    explanation: Text
    cite: Annotated[str, Field(strict=True, pattern=CITE_PATTERN)] | None = None

    @model_validator(mode="after")
    def _rules(self) -> Question:
        problems = _question_problems(self)
        if problems:
            raise PydanticCustomError("quiz_rules", "{count} rule(s) broken",
                                      {"count": len(problems), "problems": problems})
        return self

    @property
    def correct(self) -> list[str]:
        """The correct option ids; for truefalse, ``["true"]`` or ``["false"]``."""
        if self.type == "truefalse":
            return ["true" if self.answer else "false"]
        return [self.answer] if isinstance(self.answer, str) else list(self.answer)


class Quiz(Strict):
    id: Id
    audience: Literal["teachers", "parents", "students", "staff"]
    pass_mark: Annotated[int, Field(strict=True, ge=1, le=100)]
    title: Text
    description: Text
    questions: Annotated[list[Question], Field(min_length=1)]
    _source: str = PrivateAttr(default="")
    _path: Path | None = PrivateAttr(default=None)
    _id_line: int = PrivateAttr(default=1)

    @property
    def source(self) -> str:
        """The file the quiz was read from, for messages."""
        return self._source

    @property
    def path(self) -> Path:
        """The file the quiz was read from, absolute (its date goes on the paper sheets)."""
        return self._path or Path(self._source).resolve()


def _question_problems(q: Question) -> list[tuple[str, str, str]]:
    """(field, problem, expected) for each rule a structurally valid question breaks."""
    out: list[tuple[str, str, str]] = []
    if q.type == "truefalse":
        if q.options is not None:
            out.append(("options", "a truefalse question has options",
                        "no options on a truefalse question; answer: true or false"))
        if not isinstance(q.answer, bool):
            out.append(("answer", f"answer {q.answer!r} is not true or false",
                        "answer: true or answer: false"))
        return out
    if q.options is None:
        return [("type", f"a {q.type} question has no options", "options: with at least two entries")]
    ids = [o.id for o in q.options]
    if len(q.options) < 2:
        out.append(("options", f"only {len(q.options)} option", "at least two options"))
    listed = ", ".join(ids)
    if q.type == "single":
        if isinstance(q.answer, list):
            if len(q.answer) > 1:
                out.append(("answer", f"several answers {_show(q.answer)} on a single-choice question",
                            "one option id, or type: multiple"))
            else:
                out.append(("answer", f"answer {_show(q.answer)} is a list", f"one option id: {listed}"))
        elif not isinstance(q.answer, str):
            out.append(("answer", f"answer {q.answer!r} is not an option id", f"one of: {listed}"))
        elif q.answer not in ids:
            out.append(("answer", f"answer '{q.answer}' names no option", f"one of: {listed}"))
    else:
        if not isinstance(q.answer, list) or not q.answer or not all(isinstance(a, str) for a in q.answer):
            out.append(("answer", f"answer {q.answer!r} is not a list of option ids",
                        f"a list such as [{', '.join(ids[:2])}] from: {listed}"))
        else:
            for a in q.answer:
                if a not in ids:
                    out.append(("answer", f"answer '{a}' names no option", f"option ids from: {listed}"))
            if len(set(q.answer)) != len(q.answer):
                out.append(("answer", f"answer {_show(q.answer)} repeats an option", "each option id once"))
    return out


def _show(items: list) -> str:
    return "[" + ", ".join(str(i) for i in items) + "]"


# --- YAML with line numbers -------------------------------------------------------------------

class LineDict(dict):
    """A mapping that remembers its own line and the line of each key (1-based)."""
    line: int = 1
    key_lines: dict


class LineList(list):
    """A sequence that remembers its own line and the line of each item (1-based)."""
    line: int = 1
    item_lines: list


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 5x faster, same marks
    """SafeLoader whose mappings and sequences carry the line numbers of their items."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    data = LineDict()
    data.line, data.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in data:
            loader.duplicate_keys.append((key, key_node.start_mark.line + 1))
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
    return data


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    data = LineList(loader.construct_object(n, deep=True) for n in node.value)
    data.line, data.item_lines = node.start_mark.line + 1, [n.start_mark.line + 1 for n in node.value]
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def _line_for(data: Any, loc: tuple) -> int:
    """The line of the deepest node on ``loc`` that exists (for a missing key: its parent)."""
    line = getattr(data, "line", 1)
    node = data
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line, node = node.key_lines.get(part, line), node[part]
        elif isinstance(node, LineList) and isinstance(part, int) and part < len(node):
            line, node = node.item_lines[part], node[part]
        else:
            break
    return line


# --- messages ---------------------------------------------------------------------------------

_FIELDS = {
    "quiz": "id, audience, pass_mark, title, description, questions",
    "question": "id, type, prompt, options, answer, explanation, cite",
    "option": "id, zh, en",
    "text": "zh, en",
}
_TEXT_FIELDS = ("title", "description", "prompt", "explanation")


def _item(data: Any, loc: tuple) -> str:
    """'quiz X, question Y, option Z' for the place an error points at."""
    quiz_id = data.get("id") if isinstance(data, dict) else None
    parts = [f"quiz {quiz_id if isinstance(quiz_id, str) else '?'}"]
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        qs = data.get("questions")
        q = qs[loc[1]] if isinstance(qs, list) and loc[1] < len(qs) else None
        qid = q.get("id") if isinstance(q, dict) else None
        parts.append(f"question {qid}" if isinstance(qid, str) else f"question #{loc[1] + 1}")
        if len(loc) >= 4 and loc[2] == "options" and isinstance(loc[3], int):
            opts = q.get("options") if isinstance(q, dict) else None
            o = opts[loc[3]] if isinstance(opts, list) and loc[3] < len(opts) else None
            oid = o.get("id") if isinstance(o, dict) else None
            parts.append(f"option {oid}" if isinstance(oid, str) else f"option #{loc[3] + 1}")
    return ", ".join(parts)


def _kind(loc: tuple) -> str:
    """Which model the last element of ``loc`` belongs to."""
    parent = loc[:-1]
    if not parent:
        return "quiz"
    if parent[-1] in _TEXT_FIELDS:
        return "text"
    if len(parent) == 2 and parent[0] == "questions":
        return "question"
    if len(parent) == 4 and parent[2] == "options":
        return "option"
    return "quiz"


def _describe(err: dict) -> tuple[str, str, tuple]:
    """(problem, expected, loc for the line) for one pydantic error."""
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))  # drop union tags
    field = str(loc[-1]) if loc else "file"
    kind, etype, given = _kind(loc) if loc else "quiz", err["type"], err.get("input")
    if etype == "missing":
        if kind == "text" or (kind == "option" and field in ("zh", "en")):
            owner = loc[-2] if kind == "text" else "option"
            return f"missing translation '{field}' of {owner}", "both zh: and en: texts", loc
        return f"missing field '{field}'", f"fields {_FIELDS[kind]}", loc
    if etype == "extra_forbidden":
        return f"unknown field '{field}'", f"only {_FIELDS[kind]}", loc
    if etype == "literal_error":
        allowed = {"type": " | ".join(TYPES), "audience": " | ".join(AUDIENCES)}.get(field, "")
        return f"unknown {field} '{given}'", allowed or err["msg"], loc
    if etype == "string_pattern_mismatch":
        if field == "cite":
            return f"cite '{given}' is not a citation", CITE_EXPECTED, loc
        return f"bad id '{given}'", ID_EXPECTED, loc
    if etype in ("greater_than_equal", "less_than_equal"):
        return f"pass_mark {given} is outside 1-100", "a whole percent from 1 to 100", loc
    if etype == "string_too_short":
        return f"{field} is empty", "some text", loc
    if etype == "too_short" and field == "questions":
        return "the quiz has no questions", "at least one question", loc
    if etype in ("model_type", "model_attributes_type", "dict_type"):
        if kind == "quiz" and field in _TEXT_FIELDS:
            return f"{field} is not a {{zh: ..., en: ...}} mapping", "{zh: 中文, en: English}", loc
        return f"{field} is not a mapping", "a mapping of fields", loc
    if etype == "list_type":
        return f"{field} is not a list", "a list of '- ' items", loc
    if etype in ("string_type", "int_type", "int_parsing", "int_from_float"):
        wanted = "a whole number" if etype.startswith("int") else "text (quote it if YAML reads it as a number or yes/no)"
        return f"{field} has the value {given!r}", wanted, loc
    return err["msg"], "", loc


def _errors_from_validation(exc: ValidationError, data: Any, where: str) -> list[AuthorError]:
    out = []
    for err in exc.errors():
        if err["type"] == "quiz_rules":
            for field, problem, expected in err["ctx"]["problems"]:
                loc = tuple(err["loc"]) + (field,)
                out.append(AuthorError(where, problem, expected=expected,
                                       line=_line_for(data, loc), item=_item(data, loc)))
            continue
        problem, expected, loc = _describe(err)
        out.append(AuthorError(where, problem, expected=expected,
                               line=_line_for(data, loc), item=_item(data, loc)))
    return out


def _duplicate_ids(data: Any, where: str) -> list[AuthorError]:
    """Duplicate question ids in the quiz and option ids in a question (whatever else is wrong)."""
    out = []

    def check(items: Any, loc: tuple, what: str) -> None:
        if not isinstance(items, list):
            return
        seen: dict[str, int] = {}
        for i, it in enumerate(items):
            ident = it.get("id") if isinstance(it, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                out.append(AuthorError(where, f"duplicate {what} id '{ident}' (first at line {seen[ident]})",
                                       expected=f"a unique {what} id", line=_line_for(data, loc + (i, "id")),
                                       item=_item(data, loc + (i,))))
            else:
                seen[ident] = _line_for(data, loc + (i, "id"))

    questions = data.get("questions")
    check(questions, ("questions",), "question")
    if isinstance(questions, list):
        for qi, q in enumerate(questions):
            if isinstance(q, dict):
                check(q.get("options"), ("questions", qi, "options"), "option")
    return out


def _display(path: Path) -> str:
    """The path as authors see it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path | str, where: str) -> tuple[Any, list[tuple[Any, int]]]:
    """A YAML file whose mappings and lists carry line numbers (``line_for``), and the keys
    that appear twice as (key, line); a syntax error raises AuthorErrors with its line.
    Other engines' files (exam papers) are read with it too."""
    loader = _LineLoader(Path(path).read_text(encoding="utf-8"))
    loader.duplicate_keys = []
    try:
        return loader.get_single_data(), loader.duplicate_keys
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = " ".join(filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)]))
        raise AuthorErrors([AuthorError(where, f"YAML syntax error: {problem or exc}",
                                        expected="valid YAML: check indentation, quotes and colons "
                                                 "(quote a text that contains ': ' or starts with a symbol)",
                                        line=mark.line + 1 if mark else None)]) from None
    finally:
        loader.dispose()


line_for = _line_for
display_path = _display


def load_file(path: Path | str) -> Quiz:
    """Read and check one quiz file; raise AuthorErrors listing every mistake in it."""
    path = Path(path)
    where = _display(path)
    data, duplicate_keys = read_yaml(path, where)
    if not isinstance(data, dict):
        raise AuthorErrors([AuthorError(where, "the file is not a quiz mapping",
                                        expected="id:, audience:, pass_mark:, title:, description:, questions:",
                                        line=1)])
    errors = [AuthorError(where, f"the key '{key}' appears twice", expected="each key once",
                          line=line, item=_item(data, ())) for key, line in duplicate_keys]
    errors += _duplicate_ids(data, where)
    quiz = None
    try:
        quiz = Quiz.model_validate(data)
    except ValidationError as exc:
        errors += _errors_from_validation(exc, data, where)
    if errors:
        raise AuthorErrors(sorted(errors, key=lambda e: e.line or 0))
    quiz._source, quiz._path, quiz._id_line = where, path.resolve(), data.key_lines.get("id", 1)
    return quiz


def quiz_files(folder: Path | str) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


_loaded: dict[Path, tuple[tuple[int, int], Quiz]] = {}


def _load_cached(path: Path) -> Quiz:
    """load_file, skipped while the file is unchanged: each language build and every
    `mkdocs serve` rebuild load the folder again."""
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size)
    hit = _loaded.get(path)
    if hit and hit[0] == key:
        return hit[1]
    quiz = load_file(path)
    _loaded[path] = (key, quiz)
    return quiz


def load_dir(folder: Path | str) -> list[Quiz]:
    """Every quiz in a folder (none is fine); all mistakes of all files raised together."""
    quizzes: list[Quiz] = []
    errors: list[AuthorError] = []
    first: dict[str, Quiz] = {}
    for path in quiz_files(folder):
        try:
            quiz = _load_cached(path)
        except AuthorErrors as exc:
            errors += exc.errors
            continue
        if quiz.id in first:
            errors.append(AuthorError(quiz.source, f"duplicate quiz id '{quiz.id}', also in {first[quiz.id].source}",
                                      expected="a quiz id used by one file only", line=quiz._id_line, item=f"quiz {quiz.id}"))
            continue
        first[quiz.id] = quiz
        quizzes.append(quiz)
    if errors:
        raise AuthorErrors(errors)
    return quizzes

