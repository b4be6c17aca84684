"""Handouts: pages with ``handout: true`` and every quiz become A4 PDFs; handbooks; download centre.

Adapts MkDocs events to ``mpsite.handouts.site`` (the package docstring explains the plan event by
event). static-i18n runs these events once per language, the English build nested in the Chinese
one's ``on_post_build``; ``config.site_dir`` is the root site in both.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from i18n_build import build_lang, default_lang, nested, page_lang, stops_build
from mpsite.handouts.site import Build, HandoutError

log = logging.getLogger("mkdocs.plugins.handouts")

_build = Build()


_stops_build = stops_build(HandoutError)


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _edition(config, lang: str):
    return _build.edition(lang, root=_root(config), site_url=config.site_url, site_name=config.site_name,
                          extra=config.extra, default_lang=default_lang(config))


def on_startup(command, dirty):
    _build.serving = command == "serve"


@_stops_build
def on_config(config):
    if not nested(config):
        _build.start()
    return config


@event_priority(-200)  # after i18n reduced the nav to one language
def on_nav(nav, config, files):
    _build.note_nav(page_lang(nav.pages[0]) if nav.pages else "zh", [p.file.src_uri for p in nav.pages])
    return nav


def on_files(files, config):
    # print.css and the print templates are for PDFs, not files of the site.
    for file in [f for f in files if f.src_uri.startswith("print/") and not f.is_documentation_page()]:
        files.remove(file)
    return files


@event_priority(90)  # before the quiz engine replaces its markers
def on_page_markdown(markdown, page, config, files):
    lang = page_lang(page)
    edition = _edition(config, lang) if _build.enabled else None
    return _build.page_markdown(edition, markdown, page.file.src_uri, lang)


@event_priority(-150)  # after every other hook, so the PDF shows the page as the site does
@_stops_build
def on_page_content(html, page, config, files):
    if _build.enabled and page.meta.get("handout"):
        _build.add_page(_edition(config, page_lang(page)), src_uri=page.file.src_uri, title=page.title,
                        meta=page.meta, html=html, markdown=page.file.content_string,
                        source=Path(page.file.abs_src_path), files=files, site_url=config.site_url,
                        directory_urls=config.use_directory_urls)
    return html


@_stops_build
def on_env(env, config, files):
    if _build.enabled:
        _build.produce(_edition(config, build_lang(config)), root=_root(config), extra=config.extra)
    return env


@event_priority(-100)  # after the search plugin indexed the page: the button is not content
def on_page_context(context, page, config, nav):
    page.content = _build.finish_page(page.content or "", url=page.url, src_uri=page.file.src_uri,
                                      lang=page_lang(page), handout=bool(page.meta.get("handout")))
    return context


@event_priority(-200)  # after i18n's nested English build (it runs at -100)
def on_post_build(config):
    _build.copy_into(Path(config.site_dir))
    if not nested(config):
        log.info(_build.summary())
