"""Handouts: pages with ``handout: true`` and every quiz become A4 PDFs; handbooks; download centre.

Adapts MkDocs events to ``mpsite.handouts`` (its docstring explains the plan event by event).
static-i18n runs these events once per language, the English build nested in the Chinese one's
``on_post_build``; ``config.site_dir`` is the root site in both.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from i18n_build import build_lang, default_lang, nested, page_lang
from mpsite import markers, settings
from mpsite.errors import AuthorError, AuthorErrors, report
from mpsite.handouts import extras, fonts, quizdata
from mpsite.handouts.engine import Edition, Stats, pdf_name
from mpsite.handouts.labels import AUDIENCES, labels
from mpsite.handouts.render import RenderError

log = logging.getLogger("mkdocs.plugins.handouts")

_state: dict = {"serving": False, "stats": Stats(), "fonts": None, "copied": set()}
_editions: dict[str, Edition] = {}
_order: dict[str, dict[str, int]] = {}
_images: dict[str, dict[str, str]] = {}


def _enabled() -> bool:
    return os.environ.get("HANDOUTS", "1").strip().lower() not in ("0", "false", "no", "off")


def _rel(page) -> str:
    return page.file.src_uri.split("/", 1)[1]


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _text(value, lang: str) -> str:
    return str(value.get(lang, "")) if isinstance(value, dict) else str(value or "")


def on_startup(command, dirty):
    # `mkdocs serve` rebuilds on every save: it reuses cached PDFs and renders none.
    _state["serving"] = command == "serve"


def on_config(config):
    if nested(config):
        return config
    _state["stats"] = Stats()
    _state["copied"] = set()
    _editions.clear()
    _order.clear()
    _images.clear()
    if _enabled() and not _state["serving"]:
        try:
            fonts.check()
        except fonts.MissingFontError as exc:
            raise PluginError(f"handouts: {exc}") from None
    return config


def _edition(config, lang: str) -> Edition:
    if lang not in _editions:
        root = _root(config)
        if _state["fonts"] is None:
            _state["fonts"] = fonts.fingerprint()
        _editions[lang] = Edition(
            lang=lang, root=root, templates=root / "overrides" / "print",
            cache_dir=root / ".cache" / "pdf", site_url=config.site_url or "/",
            site_name=config.site_name, town=_text(config.extra.get("town", {}).get("name"), lang),
            font_fingerprint=_state["fonts"], default_lang=default_lang(config))
    return _editions[lang]


@event_priority(-200)  # after i18n reduced the nav to one language
def on_nav(nav, config, files):
    _order[_lang_of_nav(nav)] = {pdf_name(_rel(p)): i for i, p in enumerate(nav.pages)}
    return nav


def _lang_of_nav(nav) -> str:
    return page_lang(nav.pages[0]) if nav.pages else "zh"


def on_files(files, config):
    # print.css and the print templates are for PDFs, not files of the site.
    for file in [f for f in files if f.src_uri.startswith("print/") and not f.is_documentation_page()]:
        files.remove(file)
    return files


@event_priority(90)  # before the quiz engine replaces its markers
def on_page_markdown(markdown, page, config, files):
    lang = page_lang(page)
    if _enabled():
        edition = _edition(config, lang)
        for match, _ in markers.find(markdown, "quiz"):
            edition.note_quiz(match.group(2).split()[0] if match.group(2) else "", _rel(page))
    if not markers.find(markdown, "downloads"):
        return markdown
    L = labels(lang)

    def centre(args: str, line: int) -> str:
        # Real headings (in the TOC, same ids in both languages); tables come in on_page_context.
        return "\n\n".join(f"## {L['audience'][a]} {{ #{a} }}\n\n"
                           f'<div class="handout-downloads" data-handout-audience="{a}"></div>'
                           for a in AUDIENCES)

    return markers.replace(markdown, "downloads", centre)


@event_priority(-150)  # after every other hook, so the PDF shows the page as the site does
def on_page_content(html, page, config, files):
    if not (_enabled() and page.meta.get("handout")):
        return html
    lang = page_lang(page)
    audience = page.meta.get("audience")
    if audience is not None and audience not in AUDIENCES:
        raise PluginError(str(AuthorError(
            f"docs/{page.file.src_uri}", f"unknown handout audience {audience!r}",
            expected=" | ".join(AUDIENCES))))
    quiz_ids = [m.group(2).split()[0] for m, _ in markers.find(page.file.content_string, "quiz")
                if m.group(2)]
    _edition(config, lang).add_page(
        rel_path=_rel(page), title=page.title or pdf_name(_rel(page)), audience=audience,
        content=html, quiz_ids=quiz_ids, meta_date=page.meta.get("date"),
        source=Path(page.file.abs_src_path), image_file=_image_resolver(config, files, lang),
        directory_urls=config.use_directory_urls)
    return html


def _image_resolver(config, files, lang: str):
    """Site path of an image -> its source file (the site is not written yet)."""
    if lang not in _images:
        _images[lang] = {f.dest_uri: f.abs_src_path for f in files
                         if not f.is_documentation_page() and f.abs_src_path}
    by_dest = _images[lang]
    base = urlsplit(config.site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"

    def resolve(path: str):
        path = unquote(path)
        rel = path[len(base):] if path.startswith(base) else path.lstrip("/")
        found = by_dest.get(rel) or by_dest.get(rel.split("/", 1)[-1] if rel.startswith(f"{lang}/") else "")
        return Path(found) if found else None
    return resolve


def on_env(env, config, files):
    if not _enabled():
        return env
    lang = build_lang(config)
    edition = _edition(config, lang)
    def fill(text: str, text_lang: str) -> str:
        return settings.apply(text, config.extra, text_lang, "quizzes/")
    try:
        quizzes = quizdata.load(_root(config) / "quizzes", fill)
        extras.add_all(edition, extras.Context(root=_root(config), lang=lang, extra=config.extra, fill=fill))
    except (AuthorError, AuthorErrors) as exc:
        raise PluginError(report(exc)) from None
    try:
        edition.produce(quizzes, serving=_state["serving"], stats=_state["stats"],
                        order=_order.get(lang))
    except RenderError as exc:
        raise PluginError(f"handouts: could not render {exc}") from None
    return env


@event_priority(-100)  # after the search plugin indexed the page: the button is not content
def on_page_context(context, page, config, nav):
    edition = _editions.get(page_lang(page))
    content = page.content or ""
    if 'data-handout-audience="' in content:
        for audience in AUDIENCES:
            placeholder = f'<div class="handout-downloads" data-handout-audience="{audience}"></div>'
            table = (edition.downloads_table(page.url, audience) if edition
                     else f"<p>{labels(page_lang(page))['none_yet']}</p>")
            content = content.replace(placeholder, table)
    if edition and page.meta.get("handout"):
        button = edition.button(page.url, pdf_name(_rel(page)))
        head_end = content.find("</h1>")
        at = head_end + len("</h1>") if head_end >= 0 else 0
        content = content[:at] + button + content[at:]
    page.content = content
    return context


@event_priority(-200)  # after i18n's nested English build (it runs at -100)
def on_post_build(config):
    for lang, edition in _editions.items():  # each language once (i18n's language is stale here)
        if lang not in _state["copied"]:
            edition.copy_into(Path(config.site_dir))
            _state["copied"].add(lang)
    if nested(config):
        return
    stats = _state["stats"]
    if not _enabled():
        log.info("handouts: off (HANDOUTS=0), no PDFs")
    elif _state["serving"]:
        log.info("handouts: rendered 0, reused %d, %.1f s (mkdocs serve renders no PDFs: "
                 "%d left out, run mkdocs build)", stats.reused, stats.seconds, stats.skipped)
    else:
        log.info("handouts: rendered %d, reused %d, %.1f s", stats.rendered, stats.reused, stats.seconds)
