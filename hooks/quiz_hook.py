"""Quiz engine hook: ``quizzes/*.yml`` -> ``<!-- md:quiz ID -->`` blocks, the hub list
(``<!-- md:quiz-index -->``), quiz.js/quiz.css on pages that hold a quiz, and Moodle XML / GIFT
exports under ``[en/]quizzes/export/``.

Only adapts MkDocs events to ``mpsite.quiz``. static-i18n runs every event once per language;
quizzes are read again in each ``on_config`` (``mkdocs serve`` does not reload hook modules).
"""
from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

from i18n_build import build_lang, default_lang, fail, page_lang
from mpsite import markers, page_assets, rawhtml, settings
from mpsite.errors import AuthorError, AuthorErrors
from mpsite.quiz import export, load_dir, render
from mpsite.warm_rebuild import COMPILED, kept

log = logging.getLogger("mkdocs.plugins.quiz")

ASSETS = {"css": "assets/stylesheets/quiz.css", "js": "assets/javascripts/quiz.js"}
EXPORT_DIR = "quizzes/export"

_HANDOUT = re.compile(r"\A---\n(?:.*\n)*?handout:\s*true\s*\n(?:.*\n)*?---\n")
_state: dict = {"quizzes": {}, "renderers": {}}
_html = kept()   # (quiz id, language, export links) -> (the quiz it was made from, its HTML)


def _prefix(config, lang: str) -> str:
    """The language's folder in the site: '' for the default language, 'en/' for English."""
    return "" if lang == default_lang(config) else f"{lang}/"


def _renderer(config, lang: str) -> render.TextRenderer:
    """Markdown with the site's extensions; town settings markers filled in first."""
    if lang not in _state["renderers"]:
        def fill(text: str) -> str:
            return settings.apply(text, config.extra, lang, "quizzes/")
        _state["renderers"][lang] = render.TextRenderer(
            config.markdown_extensions, config.mdx_configs, text_filter=fill)
    return _state["renderers"][lang]


def on_config(config):
    folder = Path(config.config_file_path).parent / "quizzes"
    try:
        quizzes = load_dir(folder)
    except AuthorErrors as exc:
        raise fail(exc) from None
    _state["quizzes"] = {q.id: q for q in quizzes}
    _state["renderers"] = {}
    _state["env"] = render.make_env(config.theme.dirs)
    _state["env"].bytecode_cache = COMPILED   # compiled once a process, like the theme's templates
    return config


def _quiz_pages(config, lang: str) -> dict[str, str]:
    """quiz id -> the first page (path inside the language folder) that holds its marker."""
    root = Path(config.docs_dir) / lang
    found: dict[str, tuple[bool, str]] = {}
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        # A lesson page beats its printable handout twin: the hub should open the interactive one.
        rank = (bool(_HANDOUT.search(text)), path.relative_to(root).as_posix())
        for match, _line in markers.find(text, "quiz"):
            quiz_id = match.group(2).strip()
            found[quiz_id] = min(found.get(quiz_id, rank), rank)
    return {quiz_id: rank[1] for quiz_id, rank in found.items()}


def _render_index(page, config, lang: str) -> str:
    quizzes = list(_state["quizzes"].values())
    pages = _quiz_pages(config, lang)
    here = posixpath.dirname(page.file.src_uri.split("/", 1)[1])
    links = {}
    for quiz in quizzes:
        target = pages.get(quiz.id)
        if target is None:
            log.warning("quiz '%s' (%s) is on no page in docs/%s/: the hub lists it without a link "
                        "(add <!-- md:quiz %s --> to a page)", quiz.id, quiz.source, lang, quiz.id)
            links[quiz.id] = None
        else:
            links[quiz.id] = f"{posixpath.relpath(target, here or '.')}#{render.dom_id(quiz)}"
    return "\n\n" + render.index_markdown(quizzes, lang, links, _renderer(config, lang),
                                          _state["env"]) + "\n\n"


def on_page_markdown(markdown, page, config, files):
    if "md:quiz" not in markdown:
        return markdown
    lang, where = page_lang(page), f"docs/{page.file.src_uri}"
    errors: list[AuthorError] = []
    seen: set[str] = set()
    prefix = _prefix(config, lang)

    def one_quiz(args: str, line: int) -> str:
        quiz = _state["quizzes"].get(args.strip())
        if quiz is None:
            known = ", ".join(sorted(_state["quizzes"])) or "none yet: add a file to quizzes/"
            errors.append(AuthorError(where, f"unknown quiz id '{args.strip()}' in <!-- md:quiz -->",
                                      expected=f"the id of a quiz in quizzes/*.yml ({known})", line=line))
            return ""
        if quiz.id in seen:
            errors.append(AuthorError(where, f"quiz '{quiz.id}' appears twice on this page",
                                      expected="each quiz once per page", line=line))
            return ""
        seen.add(quiz.id)
        links = [(label, get_relative_url(f"{prefix}{EXPORT_DIR}/{export.export_name(quiz, lang, fmt)}",
                                          page.url))
                 for fmt, label in export.FORMATS.items()]
        key = (quiz.id, lang, tuple(links))   # a lesson and its handout twin share a folder
        if key not in _html or _html[key][0] is not quiz:   # an edited file is a new Quiz
            _html[key] = quiz, render.quiz_html(
                quiz, lang, _renderer(config, lang), _state["env"], links,
                town=settings.lookup(config.extra, "town.name", lang) or "", site_name=config.site_name)
        return rawhtml.block(_html[key][1])

    try:
        markdown = markers.replace(markdown, "quiz", one_quiz)
        markdown = markers.replace(markdown, "quiz-index", lambda args, line: _render_index(page, config, lang))
    except AuthorErrors as exc:  # a settings marker in a quiz text names an unknown key
        raise fail(exc) from None
    if errors:
        raise fail(errors)
    return markdown


def on_post_page(output, page, config):
    """quiz.css and quiz.js only on pages that show a quiz."""
    if 'class="mp-quiz"' not in output:
        return output
    return page_assets.link(output, page.url, ASSETS["css"], ASSETS["js"])


def on_post_build(config):
    lang = build_lang(config)
    site = Path(config.site_dir)
    prefix = _prefix(config, lang)
    if prefix and site.name != lang.rstrip("/"):  # static-i18n keeps the root site_dir for en
        site = site / lang
    try:
        export.write_all(list(_state["quizzes"].values()), lang, site / EXPORT_DIR, _renderer(config, lang))
    except AuthorErrors as exc:
        raise fail(exc) from None
