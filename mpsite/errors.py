"""One error type for an author's mistake: where it is, what is wrong, what is expected."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class AuthorError(Exception):
    """A mistake in a source file that must stop the build with a readable message."""

    where: str                 # file path, relative to the project
    problem: str               # what is wrong
    expected: str = ""         # what would be right
    line: int | None = None    # 1-based line, where known
    item: str = ""             # e.g. "quiz parenting-01, question q3"

    def __str__(self) -> str:
        place = self.where + (f":{self.line}" if self.line else "")
        parts = [place]
        if self.item:
            parts.append(self.item)
        parts.append(self.problem)
        text = ": ".join(parts)
        if self.expected:
            text += f" (expected: {self.expected})"
        return text


def report(errors: "AuthorError | AuthorErrors | list[AuthorError]") -> str:
    """The message a build stops with: one mistake a line."""
    if isinstance(errors, AuthorErrors):
        errors = errors.errors
    elif isinstance(errors, AuthorError):
        errors = [errors]
    return "\n  " + "\n  ".join(str(e) for e in errors)


class AuthorErrors(Exception):
    """Several author mistakes reported together, so one build shows them all."""

    def __init__(self, errors: list[AuthorError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
