"""Law citations and law pages: adapts MkDocs events to ``mpsite.citation_links``.

- ``<!-- md:law SLUG -->`` becomes the held text with its source note (``policy/laws/SLUG.md``),
  ``<!-- md:law-index -->`` the table of held texts.
- In the rendered HTML of every other page, citations such as 《未成年人保护法》第三十九条 or
  "Article 39 of the Minor Protection Law" are linked to ``policy/laws/SLUG/#article-39`` with the
  article text as tooltip. Citations of articles that do not exist are collected over both
  languages and stop the build at the end of the outer (zh) build, all of them at once.
- ``site/citations-report.json`` lists the links and the texts cited that we do not hold.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from i18n_build import nested, page_lang, stops_build
from mpsite.citation_links import LAW_DIR, CitationError, Citations

log = logging.getLogger("mkdocs.plugins.citations")

_citations = Citations()
_stops_build = stops_build(CitationError)


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _law_url(page, files):
    def url(slug: str) -> str:
        target = files.get_file_from_path(f"{page_lang(page)}/{LAW_DIR}/{slug}.md")
        if target is None:
            raise PluginError(f"docs/{page_lang(page)}/{LAW_DIR}/{slug}.md is missing: "
                              f"every held text needs its page (with <!-- md:law {slug} -->)")
        return target.url_relative_to(page.file)
    return url


@_stops_build
def on_pre_build(config):
    _citations.load(_root(config) / "data" / "laws", outer=not nested(config))


@_stops_build
def on_page_markdown(markdown, page, config, files):
    return _citations.render_laws(markdown, src_uri=page.file.src_uri, lang=page_lang(page),
                                  make_env=config.theme.get_env, law_url=_law_url(page, files))


@event_priority(-50)  # after the engines' own on_page_content, before site_hook's checks
def on_page_content(html, page, config, files):
    return _citations.link_page(html, src_uri=page.file.src_uri, content=page.file.content_string,
                                lang=page_lang(page), root=_root(config), law_url=_law_url(page, files))


@event_priority(-150)  # the outer zh build, after i18n (-100) built the other languages
@_stops_build
def on_post_build(config):
    if not nested(config):
        _citations.finish(Path(config.site_dir), log.info)
