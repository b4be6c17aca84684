"""`mkdocs serve`, the authors' loop: a save that changes pages of one language only rebuilds
that language (``mpsite.serve_scope`` says why that is correct), rebuilds reuse compiled
the search entries of unchanged pages, linked citations and rendered quizzes
(``mpsite.warm_rebuild``; compiled templates are reused in every build, see site_hook), and a save
that is still broken says why each time. Nothing here runs in ``mkdocs build``.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import DuplicateFilter

from i18n_build import default_lang, nested
from mpsite.serve_scope import Scope
from mpsite.warm_rebuild import forget, memoized_indexing

log = logging.getLogger("mkdocs.plugins.serve")

_scope = Scope()
_state: dict = {"serving": False}


def on_startup(command, dirty):
    _state["serving"] = command == "serve"
    if _state["serving"] and "forget_search" not in _state:
        from material.plugins.search.plugin import SearchIndex
        _state["forget_search"] = memoized_indexing(SearchIndex)


def _languages(config):
    return config.plugins["i18n"].config.languages


@event_priority(100)  # first: the error a hook raises in this build must reach the terminal
def on_config(config):
    # MkDocs drops a log message it printed once before, so a save that is still broken
    # would print "Aborted with a BuildError!" without saying why. Each rebuild starts afresh.
    if _state["serving"] and not nested(config):
        for flt in logging.getLogger("mkdocs.commands.build").filters:
            if isinstance(flt, DuplicateFilter):
                flt.msgs.clear()
    return config


def on_pre_build(config):  # before MkDocs cleans the site folder
    if not _state["serving"] or nested(config):
        return
    languages = [language.locale for language in _languages(config)]
    roots = [Path(config.docs_dir), Path(config.config_file_path), *map(Path, config.watch)]
    skipped = _scope.plan(roots, Path(config.docs_dir), languages, default_lang(config))
    if not _scope.pages_only:
        _state["forget_search"]()
        forget()
    _scope.set_aside(Path(config.site_dir), languages)
    if skipped:
        log.info("serve: only %s pages changed; %s kept from the last build",
                 default_lang(config), ", ".join(skipped))


@event_priority(-90)  # just before static-i18n builds the other languages (-100)
def on_post_build(config):
    if not _state["serving"] or nested(config):
        return
    _scope.put_back(Path(config.site_dir))
    for language in _languages(config):
        if language.locale in _scope.skipped:
            language.build = False  # this build only: the config is read anew for the next
