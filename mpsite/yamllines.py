"""YAML that remembers where each value was written, for author messages with line numbers.

Shared by the data formats that authors write by hand (quizzes, the reporting guide): mappings
and sequences carry the 1-based line of each key and item, ``line_for`` finds the line of a
pydantic error location, and ``load`` turns a YAML syntax error into an ``AuthorErrors``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import AuthorError, AuthorErrors


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


def line_for(data: Any, loc: tuple) -> int:
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


def display(path: Path) -> str:
    """The path as authors see it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load(path: Path, where: str) -> tuple[Any, list[tuple[Any, int]]]:
    """(the data with line marks, [(key, line) of each key written twice in a mapping]).

    A syntax error raises AuthorErrors with the line where YAML gave up."""
    loader = _LineLoader(path.read_text(encoding="utf-8"))
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
