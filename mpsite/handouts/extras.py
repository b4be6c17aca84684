"""Print documents that other engines make: exam papers, session forms, lesson outlines, the
reporting flowchart. Each provider is a plain function ``provide(edition, ctx)`` that calls
``edition.add_document(...)`` for the language ``ctx.lang`` (``edition.page_url(rel)`` and
``edition.qr(label, url)`` help); the handout hook calls every
provider listed here before the PDFs are rendered. Providers are named, not imported, so a
build that makes no PDFs pays nothing for them."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# "module:function", one line per engine.
PROVIDERS: list[str] = [
    "mpsite.papers:provide",          # exam papers A/B and their keys (quizzes/papers/)
    "mpsite.guide.printing:provide",  # the reporting guide as a one-page flowchart
    "mpsite.session_forms:provide",   # sign-in sheet and feedback form per parent-school lesson
    "mpsite.slides_outline:provide",  # trainers' outlines of the lessons, slide by slide
]


@dataclass(frozen=True)
class Context:
    root: Path                          # the project folder (quizzes/, data/ ...)
    lang: str                           # the language being built: zh | en
    extra: dict                         # mkdocs.yml `extra:` (town, contacts)
    fill: Callable[[str, str], str]     # fill(text, lang): town settings markers filled in


def add_all(edition, ctx: Context, providers: list[str] | None = None) -> None:
    for spec in PROVIDERS if providers is None else providers:
        module, _, function = spec.partition(":")
        getattr(importlib.import_module(module), function)(edition, ctx)
