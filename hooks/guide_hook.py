"""Decision guides: ``data/<id>-guide.yml`` -> ``<!-- md:guide ID -->`` blocks (the reporting
guide on policy/reporting-guide.md). Adapts MkDocs events to ``mpsite.guide`` and nothing more.

Every guide is read and checked in ``on_config`` (a broken guide stops every build, shown or
not): fields, translations, the graph, cited articles against data/laws and the settings markers.
Runs once per language (static-i18n).
"""
from __future__ import annotations

import posixpath
from pathlib import Path

from i18n_build import fail, page_lang
from mpsite import laws, markers, page_assets, rawhtml, settings
from mpsite.errors import AuthorError, AuthorErrors
from mpsite.guide import render
from mpsite.guide.model import guide_files, load_all
from mpsite.quiz.render import TextRenderer

_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        library = laws.load(root / "data" / "laws") if guide_files(root) else None
        _state["guides"] = load_all(root, library, config.extra)
    except AuthorErrors as exc:
        raise fail(exc) from None
    _state["env"], _state["text"] = None, {}
    return config


def _text(config, lang: str, where: str) -> TextRenderer:
    """Markdown with the site's extensions; town settings markers filled in first."""
    if lang not in _state["text"]:
        _state["text"][lang] = TextRenderer(config.markdown_extensions, config.mdx_configs,
                                            text_filter=lambda text: settings.apply(text, config.extra, lang, where))
    return _state["text"][lang]


def on_page_markdown(markdown, page, config, files):
    if not markers.find(markdown, "guide"):
        return markdown
    lang, where = page_lang(page), f"docs/{page.file.src_uri}"
    if _state["env"] is None:
        _state["env"] = config.theme.get_env()
    here = posixpath.dirname(page.file.src_uri)
    errors: list[AuthorError] = []

    def one_guide(args: str, line: int) -> str:
        guide = _state["guides"].get(args.strip())
        if guide is None:
            known = ", ".join(sorted(_state["guides"])) or "none: add data/ID-guide.yml"
            errors.append(AuthorError(where, f"unknown guide '{args.strip()}' in <!-- md:guide -->",
                                      expected=f"the id of a guide in data/*-guide.yml ({known})", line=line))
            return ""

        def page_href(path: str) -> str:
            target = files.get_file_from_path(posixpath.normpath(posixpath.join(here, path)))
            if target is None:
                errors.append(AuthorError(guide.source, f"link to '{path}': no such page",
                                          expected=f"a page path relative to {posixpath.dirname(guide.page) or 'docs'}/",
                                          item=f"guide {guide.id}"))
                return path
            return target.url_relative_to(page.file)

        return rawhtml.block(render.guide_html(guide, lang, _text(config, lang, guide.source),
                                               _state["env"], page_href))

    try:
        markdown = markers.replace(markdown, "guide", one_guide)
    except AuthorErrors as exc:  # a settings marker the loader could not see (it checks them all)
        raise fail(exc) from None
    if errors:
        raise fail(errors)
    return markdown


def on_post_page(output, page, config):
    """guide.css and guide.js only on the page that shows a guide."""
    if 'class="mp-guide"' not in output:
        return output
    return page_assets.link(output, page.url, "assets/stylesheets/guide.css", "assets/javascripts/guide.js")
