"""Quizzes to HTML (one quiz block) and Markdown (the hub list), through Jinja templates in
``overrides/partials/``. Text fields are Markdown, rendered with the site's own extensions when
the hook passes them (``config.markdown_extensions`` / ``mdx_configs``).
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from .. import citations, plaintext
from . import strings
from .model import AUDIENCES, Question, Quiz

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"
# Used when no site configuration is passed (tests, scripts): a small set like the site's.
DEFAULT_EXTENSIONS = ["attr_list", "md_in_html", "pymdownx.caret", "pymdownx.mark",
                      "pymdownx.tilde", "pymdownx.superfences"]
TextFilter = Callable[[str], str]

_ONE_PARAGRAPH = re.compile(r"^<p>((?:(?!</?p[ >]).)*)</p>$", re.S)


class TextRenderer:
    """Markdown text of a quiz to HTML, after an optional filter (e.g. the town settings markers)."""

    def __init__(self, extensions: list | None = None, configs: dict | None = None,
                 text_filter: TextFilter | None = None):
        self._md = markdown.Markdown(extensions=list(extensions or DEFAULT_EXTENSIONS),
                                     extension_configs=dict(configs or {}))
        self._filter = text_filter or (lambda text: text)
        self._done: dict[str, Markup] = {}  # the same texts come back on lesson, handout and exports

    def raw(self, text: str) -> str:
        return self._filter(text)

    def block(self, text: str) -> Markup:
        if text not in self._done:
            source = self._filter(text).strip()
            plain = plaintext.paragraph(source)
            if plain is None:
                self._md.reset()
                plain = self._md.convert(source).strip()
            self._done[text] = Markup(plain)
        return self._done[text]

    def inline(self, text: str) -> Markup | None:
        """The text as phrasing content, or None when it is more than one paragraph."""
        html = self.block(text)
        match = _ONE_PARAGRAPH.match(html)
        return Markup(match.group(1)) if match else None

    def phrase(self, text: str) -> Markup:
        """Phrasing content even for several paragraphs (joined), for labels and titles."""
        inline = self.inline(text)
        if inline is not None:
            return inline
        return Markup(re.sub(r"</?p>", " ", str(self.block(text))).strip())


def make_env(dirs: Iterable[str | Path] | None = None) -> jinja2.Environment:
    """Templates from the theme folders (``config.theme.dirs``) or the project's ``overrides``."""
    loader = jinja2.FileSystemLoader([str(d) for d in (dirs or [OVERRIDES])])
    return jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)


def dom_id(quiz: Quiz) -> str:
    """The quiz block's HTML id: pages and the hub link to ``#quiz-<id>``."""
    return f"quiz-{quiz.id}"


def _question_view(q: Question, lang: str, text: TextRenderer) -> dict:
    t = strings.labels(lang)
    if q.type == "truefalse":
        options = [{"id": v, "letter": "", "html": t[v]} for v in ("true", "false")]
    else:
        options = [{"id": o.id, "letter": chr(ord("A") + i), "html": text.phrase(o.get(lang))}
                   for i, o in enumerate(q.options or [])]
    correct = [o for o in options if o["id"] in q.correct]
    prompt_inline = text.inline(q.prompt.get(lang))
    return {
        "id": q.id, "type": q.type, "answer": " ".join(q.correct),
        "prompt_inline": prompt_inline,
        "prompt_block": None if prompt_inline is not None else text.block(q.prompt.get(lang)),
        "options": options, "correct": correct,
        "explanation": text.block(q.explanation.get(lang)),
        # One cite, written in Chinese in the YAML; English pages state it the English way.
        "cite": q.cite if lang == "zh" or not q.cite else citations.in_english(q.cite),
    }


def quiz_html(quiz: Quiz, lang: str, text: TextRenderer | None = None,
              env: jinja2.Environment | None = None,
              exports: list[tuple[str, str]] | None = None, town: str = "",
              site_name: str = "") -> str:
    """The quiz block in one language; ``exports`` are (label, href) download links; ``town``
    and ``site_name`` go on the certificate of completion a reader who passes may print."""
    text = text or TextRenderer()
    env = env or make_env()
    t = strings.labels(lang)
    html = env.get_template("partials/quiz.html").render(
        quiz=quiz, dom=dom_id(quiz), t=t, town=town, site_name=site_name,
        cert_done=re.sub(r" {2,}", " ", t["cert_done"].replace("{town}", town)),
        title=text.phrase(quiz.title.get(lang)), description=text.block(quiz.description.get(lang)),
        questions=[_question_view(q, lang, text) for q in quiz.questions],
        script_json=json.dumps(strings.script(lang), ensure_ascii=False, separators=(",", ":")),
        exports=exports or [],
    )
    return html.strip()


def index_markdown(quizzes: list[Quiz], lang: str, links: dict[str, str | None],
                   text: TextRenderer | None = None, env: jinja2.Environment | None = None) -> str:
    """The hub list as Markdown: a heading per audience that has quizzes, each quiz with its
    description, size and a link (``links[quiz.id]``, a Markdown link target or None)."""
    text = text or TextRenderer()
    env = env or make_env()
    t = strings.labels(lang)
    groups = []
    for audience in AUDIENCES:
        items = [{
            "title": _one_line(text.raw(q.title.get(lang))),
            "description": _one_line(text.raw(q.description.get(lang))),
            "meta": t["questions"].replace("{n}", str(len(q.questions)))
                    + " · " + t["pass_mark"].replace("{pass}", str(q.pass_mark)),
            "link": links.get(q.id),
        } for q in quizzes if q.audience == audience]
        if items:
            groups.append({"audience": audience, "heading": t[f"audience_{audience}"], "entries": items})
    md = env.get_template("partials/quiz-index.html").render(groups=groups, t=t)
    return re.sub(r"\n{3,}", "\n\n", md).strip()


def _one_line(text: str) -> str:
    return " ".join(text.split())
