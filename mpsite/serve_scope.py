"""Which languages a rebuild under ``mkdocs serve`` has to make.

static-i18n rebuilds every language on every save. An author editing a Chinese page waits
for the English site too, though no English page can change: the English build reads only
``docs/en/`` and what both languages share (assets, quizzes, data, templates, hooks, config).
So while serving, a rebuild whose only changes since the last complete build are pages under
one language's folder builds that language alone, and the other languages' output of the last
build is kept. Anything else, or a first or failed build, builds everything.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

SHARED_IN_DOCS = "assets"   # docs/zh/assets serves both languages


def snapshot(roots: list[Path]) -> dict[str, int]:
    """mtime (ns) of every file under ``roots`` (files or folders), by path."""
    seen: dict[str, int] = {}
    for root in roots:
        if root.is_file():
            seen[str(root)] = root.stat().st_mtime_ns
            continue
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                try:
                    seen[path] = os.stat(path).st_mtime_ns
                except FileNotFoundError:  # removed while we looked: the next save rebuilds
                    pass
    return seen


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    """Paths added, removed or modified between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


def page_language(path: str, docs_dir: Path, languages: list[str]) -> str | None:
    """The language of a page file under ``docs/<lang>/``; None for anything shared."""
    try:
        lang, first, *_ = Path(path).relative_to(docs_dir).parts + ("",)
    except ValueError:
        return None  # quizzes, data, templates, hooks, config
    return lang if lang in languages and first not in ("", SHARED_IN_DOCS) else None


def languages_needed(paths: set[str], docs_dir: Path, languages: list[str]) -> list[str]:
    """The languages whose output ``paths`` can change: one language if every path is a page
    file of that language's folder (not its shared assets), otherwise all of them."""
    touched = {page_language(path, docs_dir, languages) for path in paths}
    if not touched or None in touched:
        return list(languages)
    return [lang for lang in languages if lang in touched]


class Scope:
    """The serve loop's memory between rebuilds (the hook module lives as long as the server)."""

    def __init__(self) -> None:
        self.last: dict[str, int] | None = None   # snapshot at the start of the last complete build
        self.pending: dict[str, int] | None = None
        self.skipped: list[str] = []
        self.pages_only = False                    # every change since the last build was a page

    def plan(self, roots: list[Path], docs_dir: Path, languages: list[str], default: str) -> list[str]:
        """Start a rebuild: the languages to leave as they are. The default language is never
        left out: static-i18n builds the others from inside its build."""
        self.pending = snapshot(roots)
        changes = set() if self.last is None else changed(self.last, self.pending)
        needed = languages_needed(changes, docs_dir, languages)
        self.pages_only = bool(changes) and all(
            page_language(path, docs_dir, languages) for path in changes)
        self.skipped = [lang for lang in languages if lang not in needed and lang != default]
        return self.skipped

    def set_aside(self, site: Path, languages: list[str]) -> None:
        """Before MkDocs cleans ``site``: move each skipped language's folder out of it."""
        for lang in languages:
            folder, kept = site / lang, _kept(site, lang)
            if lang not in self.skipped:
                shutil.rmtree(kept, ignore_errors=True)  # left by a failed rebuild; rebuilt now
            elif not kept.exists():  # else a failed rebuild set it aside already
                shutil.move(folder, kept)

    def put_back(self, site: Path) -> None:
        """After the languages that were built wrote theirs: the kept folders return, and later
        changes are measured from this rebuild's start."""
        for lang in self.skipped:
            shutil.rmtree(site / lang, ignore_errors=True)
            shutil.move(_kept(site, lang), site / lang)
        self.last, self.pending = self.pending, None


def _kept(site: Path, lang: str) -> Path:
    return site.with_name(f"{site.name}.{lang}.kept")
