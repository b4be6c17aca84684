"""Lessons as slides: marks where each slide of a presentable page begins (``mpsite.slides``,
while Markdown holds the page as a tree: ``mpsite.slides_markdown``) and tells the page template
to offer the Present button. slides.js does the rest in the browser. The outlines for trainers
read the same slides (``mpsite.slides_outline``)."""
from __future__ import annotations

from mkdocs.plugins import event_priority

from i18n_build import fail, page_lang
from mpsite import page_assets, rawhtml, slides
from mpsite.errors import AuthorError
from mpsite.slides_markdown import SlideMarks

_marks = SlideMarks()


def on_config(config):
    if _marks not in config.markdown_extensions:
        config.markdown_extensions.append(_marks)
    return config


@event_priority(-200)  # last before Markdown: the engines' HTML is written and held (raw_html_hook)
def on_page_markdown(markdown, page, config, files):
    rel = page.file.src_uri.split("/", 1)[1]
    _marks.arm(rawhtml.HELD.get(page.file.src_uri, []) if slides.presentable(rel, page.meta) else None)
    return markdown


def on_page_content(html, page, config, files):
    deck = _marks.take()
    if deck is None:
        return html
    rel, where = page.file.src_uri.split("/", 1)[1], f"docs/{page.file.src_uri}"
    try:
        slides.timing(deck, page.meta.get("timing"), where)   # the outline's minutes: checked here
    except AuthorError as exc:
        raise fail(exc) from None
    slides.remember(page_lang(page), rel, page.title or "", page.meta, deck, where)
    page.meta["mp_present"] = slides.labels(page_lang(page))
    return html


def on_post_page(output, page, config):
    """slides.css and slides.js only on pages with the Present button."""
    if "mp_present" not in page.meta:
        return output
    return page_assets.link(output, page.url, "assets/stylesheets/slides.css", "assets/javascripts/slides.js")
