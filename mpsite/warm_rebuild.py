"""What a build can reuse from an earlier one in the same process: static-i18n's English build
from the Chinese one (compiled templates), and each rebuild of ``mkdocs serve`` from the one before.

Measured on a zh rebuild (cProfile of the serve loop): indexing pages for search, mostly jieba's
segmentation, took a third of the time and compiling the theme's templates a twelfth, both
redoing the same work on unchanged pages; linking citations and rendering quizzes a tenth (py-spy).
Each cache is keyed so that a change is never served stale.
"""
from __future__ import annotations

from collections.abc import Callable

import jinja2


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its source's checksum."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = TemplateCache()


def compiled_once(get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    """``theme.get_env`` whose environments (the theme's pages, our engines' partials) all compile
    into ``COMPILED``: each template once a process, not once a language and rebuild."""
    if getattr(get_env, "compiled_once", False):
        return get_env

    def get_env_compiled_once() -> jinja2.Environment:
        env = get_env()
        env.bytecode_cache = COMPILED
        return env
    get_env_compiled_once.compiled_once = True
    return get_env_compiled_once


_kept: list[dict] = []


def kept() -> dict:
    """A dict of an engine's results that ``mkdocs serve`` keeps from one rebuild to the next,
    emptied by ``forget`` whenever anything but a page changed (a quiz, a law text, a template, the
    settings). Its key must hold every input that comes from a page."""
    cache: dict = {}
    _kept.append(cache)
    return cache


def forget() -> None:
    for cache in _kept:
        cache.clear()


def memoized_indexing(index_cls) -> Callable[[], None]:
    """Material's ``SearchIndex.add_entry_from_context(page)`` remembering the entries of each
    page; returns the function that forgets them (call it whenever anything but a page changed:
    a new jieba dictionary segments differently). The key holds everything the entries are made
    from (address, title, content with its headings, the search and tags front matter), so only
    an unchanged page is skipped; the index only reads the cached entries."""
    index = getattr(index_cls.add_entry_from_context, "__wrapped__", index_cls.add_entry_from_context)
    entries: dict[tuple, list] = {}

    def cached(self, page):
        key = (page.url, page.title, page.content,
               repr(page.meta.get("search")), repr(page.meta.get("tags")))
        if key not in entries:
            start = len(self.entries)
            index(self, page)
            entries[key] = self.entries[start:]
        else:
            self.entries.extend(entries[key])
    cached.__wrapped__ = index
    index_cls.add_entry_from_context = cached
    return entries.clear
