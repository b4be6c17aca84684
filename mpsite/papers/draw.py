"""From a checked config and the question bank to the paper: which questions, and each version's
order of questions and options.

Deterministic for a seed: the bank is taken in a stable order (quizzes by id, questions as in
their file) and every choice comes from one ``random.Random(seed)``, so the same config gives the
same paper on any machine; another seed gives another draw and order.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from ..errors import AuthorError, AuthorErrors
from ..quiz.model import TYPES, Question, Quiz, line_for
from .config import PaperConfig, item

VERSIONS = ("A", "B")


@dataclass(frozen=True)
class Item:
    """One question as printed in one version."""
    quiz: Quiz
    question: Question
    options: tuple[str, ...]   # the option ids in printed order; () for truefalse
    points: int

    def letter(self, option_id: str) -> str:
        return chr(ord("A") + self.options.index(option_id))

    @property
    def key(self) -> list[str]:
        """The printed letters of the correct options; ``["true"]``/``["false"]`` for truefalse."""
        if self.question.type == "truefalse":
            return self.question.correct
        return sorted(self.letter(o) for o in self.question.correct)


@dataclass(frozen=True)
class Version:
    letter: str
    sections: tuple[tuple[str, tuple[Item, ...]], ...]   # (type, items), in TYPES order

    @property
    def items(self) -> list[Item]:
        return [it for _, items in self.sections for it in items]

    def layout(self) -> tuple:
        return tuple((it.quiz.id, it.question.id, it.options) for it in self.items)


@dataclass(frozen=True)
class Paper:
    name: str
    where: str                  # the config file, for messages
    config: PaperConfig
    quizzes: tuple[Quiz, ...]   # the bank drawn from
    versions: tuple[Version, ...]

    @property
    def total(self) -> int:
        return sum(it.points for it in self.versions[0].items)

    @property
    def pass_points(self) -> int:
        return -(-self.total * self.config.pass_mark // 100)  # rounded up

    @property
    def audience(self) -> str | None:
        if self.config.audience:
            return self.config.audience
        audiences = {q.audience for q in self.quizzes}
        return audiences.pop() if len(audiences) == 1 else None


def bank(config: PaperConfig, data: Any, where: str, name: str, quizzes: list[Quiz]) -> list[Quiz]:
    """The quizzes the paper draws from, sorted by id; unknown ids and topics stop with a message."""
    known = {q.id: q for q in quizzes}
    topics = sorted({q.id.split("-")[0] for q in quizzes})
    errors = []
    for i, quiz_id in enumerate(config.draw.quizzes):
        if quiz_id not in known:
            loc = ("draw", "quizzes", i)
            errors.append(AuthorError(where, f"unknown quiz id '{quiz_id}'",
                                      expected="the id of a quiz in quizzes/: " + ", ".join(sorted(known)),
                                      line=line_for(data, loc), item=item(name, loc)))
    for i, topic in enumerate(config.draw.topics):
        if topic not in topics:
            loc = ("draw", "topics", i)
            errors.append(AuthorError(where, f"unknown topic '{topic}'",
                                      expected="the first part of a quiz id: " + ", ".join(topics),
                                      line=line_for(data, loc), item=item(name, loc)))
    if errors:
        raise AuthorErrors(errors)
    d = config.draw
    filtered = [] if not (d.audiences or d.topics) else [
        q for q in quizzes
        if (not d.audiences or q.audience in d.audiences)
        and (not d.topics or q.id.split("-")[0] in d.topics)]
    chosen = {q.id: q for q in filtered} | {i: known[i] for i in d.quizzes}
    if not chosen:
        raise AuthorErrors([AuthorError(where, "no quiz matches the audiences and topics together",
                                        expected="filters that some quiz matches, or quizzes: [ids]",
                                        line=line_for(data, ("draw",)), item=item(name, ("draw",)))])
    return [chosen[i] for i in sorted(chosen)]


def build(config: PaperConfig, data: Any, where: str, name: str, quizzes: list[Quiz]) -> Paper:
    """The paper: the draw and its versions. Asking for more questions than the bank holds stops."""
    drawn_from = bank(config, data, where, name, quizzes)
    pools = {t: [(qz, q) for qz in drawn_from for q in qz.questions if q.type == t] for t in TYPES}
    errors = []
    for t in TYPES:
        wanted, held = getattr(config.questions, t), len(pools[t])
        if wanted > held:
            loc = ("questions", t)
            errors.append(AuthorError(
                where, f"asks for {wanted} {t} questions, the bank holds {held}",
                expected=f"at most {held} {t} questions from {', '.join(q.id for q in drawn_from)}, "
                         "or more quizzes under draw:",
                line=line_for(data, loc), item=item(name, loc)))
    if errors:
        raise AuthorErrors(errors)
    rng = random.Random(config.seed)
    chosen = {}
    for t in TYPES:
        picks = set(rng.sample(range(len(pools[t])), getattr(config.questions, t)))
        chosen[t] = [pools[t][i] for i in sorted(picks)]   # the set, in bank order
    versions: list[Version] = []
    for letter in VERSIONS:
        for _ in range(20):   # a version that repeats an earlier one is drawn again
            version = _shuffle(letter, chosen, config, rng)
            if all(version.layout() != v.layout() for v in versions):
                break
        versions.append(version)
    return Paper(name=name, where=where, config=config, quizzes=tuple(drawn_from), versions=tuple(versions))


def _shuffle(letter: str, chosen: dict, config: PaperConfig, rng: random.Random) -> Version:
    sections = []
    for t in TYPES:
        if not chosen[t]:
            continue
        points = getattr(config.points, t)
        order = rng.sample(chosen[t], len(chosen[t]))
        items = tuple(Item(quiz=qz, question=q, points=points,
                           options=tuple(rng.sample([o.id for o in q.options or []], len(q.options or []))))
                      for qz, q in order)
        sections.append((t, items))
    return Version(letter=letter, sections=tuple(sections))
