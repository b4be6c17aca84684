"""Block markers: ``<!-- md:NAME ARGS -->`` placed by authors, replaced by an engine's hook.

Each engine (quiz, handout, plan, ...) replaces its own markers; whatever is left after all of
them ran is a marker nobody knows, which stops the build naming the page and the line.
"""
from __future__ import annotations

import re

from .errors import AuthorError

BLOCK = re.compile(r"<!--\s*md:([\w-]+)\s*(.*?)\s*-->")


def find(markdown: str, name: str) -> list[tuple[re.Match[str], int]]:
    """Markers of one name with their 1-based line numbers."""
    return [(m, markdown.count("\n", 0, m.start()) + 1)
            for m in BLOCK.finditer(markdown) if m.group(1) == name]


def replace(markdown: str, name: str, render) -> str:
    """Replace each ``<!-- md:name args -->`` by ``render(args, line)``."""
    def sub(m: re.Match[str]) -> str:
        if m.group(1) != name:
            return m.group(0)
        return render(m.group(2), markdown.count("\n", 0, m.start()) + 1)
    return BLOCK.sub(sub, markdown)


def unknown(markdown: str, where: str) -> list[AuthorError]:
    """Markers that no engine replaced."""
    return [AuthorError(where, f"unknown marker <!-- md:{m.group(1)} -->",
                        expected="a marker an engine handles (see README: markers)",
                        line=markdown.count("\n", 0, m.start()) + 1)
            for m in BLOCK.finditer(markdown)]
