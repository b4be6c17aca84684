"""Search: excluded blocks kept from the indexer, and one index per language.

Adapts MkDocs events to ``mpsite.search_exclude`` and ``mpsite.search_split``.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from i18n_build import nested
from mpsite import search_exclude, search_split

_stashed: dict[str, list[str]] = {}


@event_priority(-200)  # last: every other hook has read and changed the HTML
def on_page_content(html, page, config, files):
    html, blocks = search_exclude.stash(html)
    if blocks:
        _stashed[page.file.src_uri] = blocks
    return html


@event_priority(-100)  # after Material's search plugin (0) indexed the page
def on_page_context(context, page, config, nav):
    blocks = _stashed.pop(page.file.src_uri, None)
    if blocks:
        page.content = search_exclude.restore(page.content, blocks)
    return context


@event_priority(-200)  # after i18n merged the languages and offline wrote its script
def on_post_build(config):
    if not nested(config):  # the outer zh build, when both languages are in the index
        search_split.write(Path(config.site_dir))
