"""The decision-guide file format (``data/reporting-guide.yml``): pydantic models, the graph
rules, and messages an author can act on (file, line, node id, what is expected).

A guide is a start node and a list of nodes. A ``question`` has a yes and a no target; an
``action`` ends a path with steps, contacts and what not to do. Every node states its legal
basis in ``cite`` (one citation in running text, e.g. 《未成年人保护法》第十一条第二款) or says
``cite: none`` with a ``reason``. Both languages live in one file, like the quizzes.

Checked here, all mistakes of a file reported together: the fields and translations, unique ids,
targets that exist, no cycle (so every path from the start ends in an action), no node the
start cannot reach, citations of held articles (when a law library is given) and town settings
markers that exist (when the settings are given).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, Union

from pydantic import Field, PrivateAttr, ValidationError

from .. import citations, settings
from ..errors import AuthorError, AuthorErrors
from ..laws import Library
from ..quiz.model import (Id, LineDict, NonEmpty, Strict, Text,  # one bilingual format
                          display_path, line_for, read_yaml)

ID_EXPECTED = "lowercase letters, digits and single hyphens, e.g. in-danger"
CITE_EXPECTED = ("one citation of a held text in running text, e.g. 《未成年人保护法》第十一条第二款, "
                 "or cite: none with a reason")
NONE = "none"


class _Node(Strict):
    id: Id
    cite: NonEmpty
    reason: Text | None = None      # why no article applies, with cite: none

    @property
    def cites_none(self) -> bool:
        return self.cite == NONE


class Question(_Node):
    kind: Literal["question"]
    text: Text
    help: Text | None = None        # what counts as "yes", in a sentence or two
    yes: Id
    no: Id

    def targets(self) -> list[tuple[str, str]]:
        return [("yes", self.yes), ("no", self.no)]


class Action(_Node):
    kind: Literal["action"]
    title: Text
    steps: Annotated[list[Text], Field(min_length=1)]
    contacts: list[Text] = []       # each with a {{ contacts.* }} marker
    dont: list[Text] = []           # what not to do
    see: list[Text] = []            # links to pages, e.g. [学校向谁报告](reporting.md#school-route)

    def targets(self) -> list[tuple[str, str]]:
        return []


Node = Annotated[Union[Question, Action], Field(discriminator="kind")]


class EveryAction(Strict):
    """Steps and don'ts that belong to every action: shown after each action's own on the
    site, once on the printed flowchart (which must fit one page)."""
    steps: list[Text] = []
    dont: list[Text] = []


class Guide(Strict):
    id: Id
    page: Annotated[str, Field(strict=True, pattern=r"^[a-z0-9/_-]+\.md$")]  # the page holding it, e.g. policy/reporting-guide.md
    title: Text
    intro: Text
    every_action: EveryAction = EveryAction()
    start: Id
    nodes: Annotated[list[Node], Field(min_length=1)]
    _source: str = PrivateAttr(default="")

    @property
    def source(self) -> str:
        return self._source

    def node(self, node_id: str) -> Question | Action:
        return self._by_id[node_id]

    @property
    def _by_id(self) -> dict[str, Question | Action]:
        return {n.id: n for n in self.nodes}

    def order(self) -> list[Question | Action]:
        """The nodes in reading order: depth first from the start, yes before no."""
        seen: list[str] = []

        def visit(node_id: str) -> None:
            if node_id in seen:
                return
            seen.append(node_id)
            for _answer, target in self.node(node_id).targets():
                visit(target)
        visit(self.start)
        return [self.node(i) for i in seen]

    def paths(self) -> list[list[str]]:
        """Every path from the start to an end, as node ids."""
        def walk(node_id: str) -> list[list[str]]:
            node = self.node(node_id)
            if not node.targets():
                return [[node_id]]
            return [[node_id] + rest for _a, t in node.targets() for rest in walk(t)]
        return walk(self.start)


# --- messages ---------------------------------------------------------------------------------

_FIELDS = {
    "guide": "id, page, title, intro, every_action, start, nodes",
    "every_action": "steps, dont",
    "question": "id, kind, text, help, yes, no, cite, reason",
    "action": "id, kind, title, steps, contacts, dont, see, cite, reason",
    "text": "zh, en",
}


def _node_label(data: Any, index: int) -> str:
    nodes = data.get("nodes") if isinstance(data, dict) else None
    node = nodes[index] if isinstance(nodes, list) and index < len(nodes) else None
    node_id = node.get("id") if isinstance(node, dict) else None
    return f"node {node_id}" if isinstance(node_id, str) else f"node #{index + 1}"


def _item(data: Any, loc: tuple) -> str:
    guide_id = data.get("id") if isinstance(data, dict) else None
    parts = [f"guide {guide_id if isinstance(guide_id, str) else '?'}"]
    if len(loc) >= 2 and loc[0] == "nodes" and isinstance(loc[1], int):
        parts.append(_node_label(data, loc[1]))
    return ", ".join(parts)


def _clean(loc: tuple) -> tuple:
    """The location without pydantic's union tag (``nodes, 0, question, yes`` -> ``nodes, 0, yes``)."""
    if len(loc) >= 3 and loc[0] == "nodes" and loc[2] in ("question", "action"):
        return loc[:2] + loc[3:]
    return loc


def _describe(err: dict, data: Any) -> tuple[str, str, tuple]:
    """(problem, expected, loc) for one pydantic error."""
    raw = tuple(err["loc"])
    loc = _clean(raw)
    kind = raw[2] if len(raw) >= 3 and raw[0] == "nodes" and raw[2] in ("question", "action") else \
        "every_action" if len(loc) == 2 and loc[0] == "every_action" else "guide"
    field = str(loc[-1]) if loc else "file"
    parent_is_text = len(loc) >= 2 and (isinstance(loc[-2], int) or loc[-2] in (
        "title", "intro", "text", "help", "reason")) and field in ("zh", "en")
    etype, given = err["type"], err.get("input")
    if etype == "missing":
        if parent_is_text:
            owner = next((str(p) for p in reversed(loc[:-1]) if isinstance(p, str)), "text")
            return f"missing translation '{field}' of {owner}", "both zh: and en: texts", loc
        return f"missing field '{field}'", f"fields {_FIELDS[kind]}", loc
    if etype == "extra_forbidden":
        return f"unknown field '{field}'", f"only {_FIELDS['text' if parent_is_text else kind]}", loc
    if etype == "union_tag_invalid":
        return f"unknown kind '{err.get('ctx', {}).get('tag', given)}'", "kind: question | action", loc + ("kind",)
    if etype == "union_tag_not_found":
        return "node has no kind", "kind: question (with yes and no) or kind: action (with steps)", loc
    if etype == "string_pattern_mismatch":
        if field == "page":
            return f"bad page '{given}'", "the page's path inside the language folder, e.g. policy/reporting-guide.md", loc
        return f"bad id '{given}'", ID_EXPECTED, loc
    if etype == "string_too_short":
        return f"{field} is empty", "some text", loc
    if etype == "too_short":
        return f"{field} is empty", "at least one entry", loc
    if etype in ("model_type", "model_attributes_type", "dict_type"):
        return f"{field} is not a mapping", "{zh: 中文, en: English}", loc
    if etype == "list_type":
        return f"{field} is not a list", "a list of '- ' items", loc
    if etype == "string_type":
        return f"{field} has the value {given!r}", "text (quote it if YAML reads it as a number or yes/no)", loc
    return err["msg"], "", loc


# --- rules over the whole graph ---------------------------------------------------------------

def _graph_errors(guide: Guide, data: Any, where: str) -> list[AuthorError]:
    errors: list[AuthorError] = []
    index = {}
    for i, node in enumerate(guide.nodes):
        if node.id in index:
            first = line_for(data, ("nodes", index[node.id], "id"))
            errors.append(AuthorError(where, f"duplicate node id '{node.id}' (first at line {first})",
                                      expected="a unique node id", line=line_for(data, ("nodes", i, "id")),
                                      item=_item(data, ("nodes", i))))
        else:
            index[node.id] = i
    known = ", ".join(index)
    if guide.start not in index:
        errors.append(AuthorError(where, f"start '{guide.start}' names no node", expected=f"one of: {known}",
                                  line=line_for(data, ("start",)), item=_item(data, ())))
    dangling = False
    for i, node in enumerate(guide.nodes):
        for answer, target in node.targets():
            if target not in index:
                dangling = True
                errors.append(AuthorError(where, f"{answer}: '{target}' names no node",
                                          expected=f"the id of a node in this file: {known}",
                                          line=line_for(data, ("nodes", i, answer)), item=_item(data, ("nodes", i))))
            elif target == node.id:
                errors.append(AuthorError(where, f"{answer}: '{target}' points back to the node itself",
                                          expected="a later node, so every path ends in an action",
                                          line=line_for(data, ("nodes", i, answer)), item=_item(data, ("nodes", i))))
    if errors or dangling:
        return errors
    # Cycles: depth first from every node; an edge to a node on the current path closes one.
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(node_id: str, path: list[str]) -> None:
        state[node_id] = 1
        i = index[node_id]
        for answer, target in guide.nodes[i].targets():
            if state.get(target) == 1:
                loop = " -> ".join(path[path.index(target):] + [node_id, target]) if target in path else \
                    f"{node_id} -> {target}"
                errors.append(AuthorError(where, f"{answer}: '{target}' closes a cycle ({loop})",
                                          expected="a guide without cycles: every path must end in an action",
                                          line=line_for(data, ("nodes", i, answer)), item=_item(data, ("nodes", i))))
            elif target not in state:
                visit(target, path + [node_id])
        state[node_id] = 2

    for node in guide.nodes:
        if node.id not in state:
            visit(node.id, [])
    if errors:
        return errors
    reachable = {n.id for n in guide.order()}
    for i, node in enumerate(guide.nodes):
        if node.id not in reachable:
            errors.append(AuthorError(where, f"node '{node.id}' cannot be reached from start '{guide.start}'",
                                      expected="a yes: or no: that leads to it, or remove it",
                                      line=line_for(data, ("nodes", i, "id")), item=_item(data, ("nodes", i))))
    return errors


def _cite_errors(guide: Guide, data: Any, where: str, library: Library | None) -> list[AuthorError]:
    errors = []
    for i, node in enumerate(guide.nodes):
        loc, item = ("nodes", i, "cite"), _item(data, ("nodes", i))
        if node.cites_none:
            if node.reason is None:
                errors.append(AuthorError(where, "cite: none without a reason",
                                          expected="reason: {zh: ..., en: ...} saying why no held article applies",
                                          line=line_for(data, loc), item=item))
            continue
        if node.reason is not None:
            errors.append(AuthorError(where, "a reason is given although the node cites an article",
                                      expected="reason: only with cite: none",
                                      line=line_for(data, ("nodes", i, "reason")), item=item))
        found = [c for c in citations.find(node.cite) if c.slug is not None and c.refs]
        if len(found) != 1 or found[0].text != node.cite.strip():
            errors.append(AuthorError(where, f"cite '{node.cite}' is not one citation of a held text",
                                      expected=CITE_EXPECTED, line=line_for(data, loc), item=item))
            continue
        if library is not None:
            _links, problems = citations.resolve(found[0], library)
            errors += [AuthorError(where, f"cite {node.cite}: {p}", expected="an article the held text has",
                                   line=line_for(data, loc), item=item) for p in problems]
    return errors


def _texts(value: Any, loc: tuple):
    """(loc, text) of every string under ``value`` (the YAML data, not the model)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _texts(inner, loc + (key,))
    elif isinstance(value, list):
        for k, inner in enumerate(value):
            yield from _texts(inner, loc + (k,))


def _marker_errors(data: Any, where: str, town: Mapping[str, Any]) -> list[AuthorError]:
    errors = []
    for loc, text in _texts(data, ()):
        for match in settings.MARKER.finditer(text):
            if settings.lookup(town, match.group(1), "zh") is None:
                errors.append(AuthorError(where, f"unknown setting marker {match.group(0)}",
                                          expected="a key under extra: in mkdocs.yml, e.g. {{ contacts.police }}",
                                          line=line_for(data, loc), item=_item(data, loc)))
    return errors


def _answer_keys(data: Any) -> None:
    """YAML 1.1 reads the keys ``yes:`` and ``no:`` as true and false: give them their names back."""
    nodes = data.get("nodes")
    for node in nodes if isinstance(nodes, list) else []:
        if isinstance(node, LineDict):
            for flag, name in ((True, "yes"), (False, "no")):
                if flag in node and name not in node:
                    node[name] = node.pop(flag)
                    node.key_lines[name] = node.key_lines.pop(flag, node.line)


def load_file(path: Path | str, library: Library | None = None,
              town: Mapping[str, Any] | None = None) -> Guide:
    """Read and check one guide file; raise AuthorErrors listing every mistake in it.

    ``library``: the held law texts, to check that each cited article exists; ``town``: the
    ``extra:`` settings, to check that each ``{{ marker }}`` names one."""
    path = Path(path)
    where = display_path(path)
    data, duplicate_keys = read_yaml(path, where)
    if not isinstance(data, dict):
        raise AuthorErrors([AuthorError(where, "the file is not a guide mapping",
                                        expected="id:, page:, title:, intro:, start:, nodes:", line=1)])
    _answer_keys(data)
    errors = [AuthorError(where, f"the key '{key}' appears twice", expected="each key once",
                          line=line, item=_item(data, ())) for key, line in duplicate_keys]
    guide = None
    try:
        guide = Guide.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problem, expected, loc = _describe(err, data)
            errors.append(AuthorError(where, problem, expected=expected,
                                      line=line_for(data, loc), item=_item(data, loc)))
    if guide is not None:
        errors += _graph_errors(guide, data, where)
        errors += _cite_errors(guide, data, where, library)
    if town is not None:
        errors += _marker_errors(data, where, town)
    if errors:
        raise AuthorErrors(sorted(errors, key=lambda e: e.line or 0))
    guide._source = where
    return guide


def guide_files(root: Path) -> list[Path]:
    """The guides of a project: ``data/<id>-guide.yml``."""
    return sorted((Path(root) / "data").glob("*-guide.yml"))


def file_for(root: Path, guide_id: str) -> Path:
    """The file a marker ``<!-- md:guide ID -->`` reads."""
    return Path(root) / "data" / f"{guide_id}-guide.yml"


def load_all(root: Path, library: Library | None = None,
             town: Mapping[str, Any] | None = None) -> dict[str, Guide]:
    """Every guide of a project by id; all mistakes of all files raised together."""
    guides: dict[str, Guide] = {}
    errors: list[AuthorError] = []
    for path in guide_files(root):
        try:
            guide = load_file(path, library, town)
        except AuthorErrors as exc:
            errors += exc.errors
            continue
        if path.name != f"{guide.id}-guide.yml":
            errors.append(AuthorError(guide.source, f"guide id '{guide.id}' does not match the file name",
                                      expected=f"id: {path.name.removesuffix('-guide.yml')} "
                                               "(the marker <!-- md:guide ID --> reads data/ID-guide.yml)",
                                      line=1, item=f"guide {guide.id}"))
            continue
        guides[guide.id] = guide
    if errors:
        raise AuthorErrors(errors)
    return guides
