"""Site-wide hook: town settings markers, translation parity, unknown markers and accessible
names for task-list checkboxes.

Adapts MkDocs events to ``mpsite`` and nothing more. static-i18n runs every event once per
language; the zh build's ``on_post_build`` runs last, after the en build nested inside it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from i18n_build import build_lang, default_lang, fail, nested, page_lang
from mpsite import a11y, markers, settings, sitemaps, translations, warm_rebuild
from mpsite.errors import AuthorErrors

log = logging.getLogger("mkdocs.plugins.site")

_heading_ids: dict[str, dict[str, list[str]]] = {}


def _where(page) -> str:
    return f"docs/{page.file.src_uri}"


def _rel(page) -> str:
    """The page's path inside its language folder, the same for both languages."""
    return page.file.src_uri.split("/", 1)[1]


def on_config(config):
    # Templates compile once a process: the English build and serve's rebuilds reuse the code.
    config.theme.get_env = warm_rebuild.compiled_once(config.theme.get_env)
    errors = translations.missing_translations(Path(config.docs_dir))
    if errors:
        raise fail(errors)
    if config.extra.get("strict_contacts"):
        try:
            settings.require_checked(config.extra)
        except AuthorErrors as exc:
            raise fail(exc) from None
    return config


def on_pre_build(config):
    # Each language's ids are collected anew by its own build; a language that `mkdocs serve`
    # did not rebuild (hooks/serve_hook.py) keeps the ids of its last build.
    _heading_ids.pop(build_lang(config), None)


@event_priority(100)  # before the engines, so a setting can feed their text
def on_page_markdown(markdown, page, config, files):
    try:
        return settings.apply(markdown, config.extra, page_lang(page), _where(page))
    except AuthorErrors as exc:
        raise fail(exc) from None


@event_priority(-100)  # after every engine has replaced its markers
def on_page_content(html, page, config, files):
    leftover = markers.unknown(page.markdown or "", _where(page))
    if leftover:
        raise fail(leftover)
    _heading_ids.setdefault(page_lang(page), {})[_rel(page)] = translations.heading_ids(html)
    return a11y.label_task_checkboxes(html)


@event_priority(-200)  # after i18n built the nested en site
def on_post_build(config):
    if nested(config):
        return  # the outer zh build finishes the work
    errors = translations.heading_mismatches(_heading_ids)
    if errors:
        raise fail(errors)
    _language_sitemaps(config)


def _language_sitemaps(config):
    root = Path(config.site_dir) / "sitemap.xml"
    if not root.exists() or not config.site_url:
        return
    xml = root.read_text(encoding="utf-8")
    for language in config.plugins["i18n"].config.languages:
        folder = Path(config.site_dir) / language.locale
        if language.locale != default_lang(config) and folder.is_dir():
            (folder / "sitemap.xml").write_text(
                sitemaps.language_sitemap(xml, config.site_url + language.locale + "/"), encoding="utf-8")
