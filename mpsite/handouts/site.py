"""The handout engine across one ``mkdocs build`` (or ``serve``): what ``hooks/handout_hook.py``
calls, one method per MkDocs event (the package docstring explains the plan event by event).

``Build`` holds one ``Edition`` per language, the nav order of the handbooks and the counts the
build logs. MkDocs objects come in duck-typed: a file is anything with ``dest_uri``,
``abs_src_path`` and ``is_documentation_page()``, so this module is tested without MkDocs.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import markers, settings
from ..errors import AuthorError, AuthorErrors, report
from ..quiz import load_dir
from . import extras, fonts
from .engine import Edition, Stats, pdf_name
from .labels import AUDIENCES, labels
from .render import RenderError


class HandoutError(Exception):
    """What stops the build, as the message to show."""


def enabled(environ=os.environ) -> bool:
    """``HANDOUTS=0`` (or false, no, off) turns the engine off."""
    return environ.get("HANDOUTS", "1").strip().lower() not in ("0", "false", "no", "off")


def rel_path(src_uri: str) -> str:
    """``zh/parenting/01.md`` -> ``parenting/01.md`` (the path inside the language folder)."""
    return src_uri.split("/", 1)[1]


def in_lang(value, lang: str) -> str:
    """A setting that is plain text or a ``{zh: ..., en: ...}`` mapping, in ``lang``."""
    return str(value.get(lang, "")) if isinstance(value, dict) else str(value or "")


def settings_filler(extra: dict) -> Callable[[str, str], str]:
    """fill(text, lang): the town settings markers of a quiz text filled in."""
    def fill(text: str, text_lang: str) -> str:
        return settings.apply(text, extra, text_lang, "quizzes/")
    return fill


def downloads_centre(markdown: str, lang: str) -> str:
    """``<!-- md:downloads -->`` -> a real heading per audience (in the TOC, the same ids in both
    languages) over an empty placeholder; the tables come in ``Build.finish_page``."""
    L = labels(lang)

    def centre(args: str, line: int) -> str:
        return "\n\n".join(f"## {L['audience'][a]} {{ #{a} }}\n\n"
                           f'<div class="handout-downloads" data-handout-audience="{a}"></div>'
                           for a in AUDIENCES)

    return markers.replace(markdown, "downloads", centre)


def image_resolver(files: Iterable, site_url: str, lang: str) -> Callable[[str], Path | None]:
    """Site path of an image -> its source file (the site is not written yet)."""
    by_dest = {f.dest_uri: f.abs_src_path for f in files
               if not f.is_documentation_page() and f.abs_src_path}
    base = urlsplit(site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"

    def resolve(path: str):
        path = unquote(path)
        rel = path[len(base):] if path.startswith(base) else path.lstrip("/")
        found = by_dest.get(rel) or by_dest.get(rel.split("/", 1)[-1] if rel.startswith(f"{lang}/") else "")
        return Path(found) if found else None
    return resolve


class Build:
    """The editions of one build (both languages) and what the build logs at its end."""

    def __init__(self, environ=os.environ):
        self.environ = environ
        self.serving = False         # `mkdocs serve` reuses cached PDFs and renders none
        self.font_fingerprint: str | None = None
        self._forget()

    @property
    def enabled(self) -> bool:
        return enabled(self.environ)

    def _forget(self) -> None:
        self.stats = Stats()
        self.copied: set[str] = set()
        self.editions: dict[str, Edition] = {}
        self.order: dict[str, dict[str, int]] = {}
        self.images: dict[str, Callable] = {}

    def start(self) -> None:
        """A new build: forget the last one; stop now if the CJK fonts are missing."""
        self._forget()
        if self.enabled and not self.serving:
            try:
                fonts.check()
            except fonts.MissingFontError as exc:
                raise HandoutError(f"handouts: {exc}") from None

    def edition(self, lang: str, *, root: Path, site_url: str, site_name: str, extra: dict,
                default_lang: str) -> Edition:
        if lang not in self.editions:
            if self.font_fingerprint is None:
                self.font_fingerprint = fonts.fingerprint()
            self.editions[lang] = Edition(
                lang=lang, root=root, templates=root / "overrides" / "print",
                cache_dir=root / ".cache" / "pdf", site_url=site_url or "/", site_name=site_name,
                town=in_lang(extra.get("town", {}).get("name"), lang),
                font_fingerprint=self.font_fingerprint, default_lang=default_lang)
        return self.editions[lang]

    def note_nav(self, lang: str, src_uris: list[str]) -> None:
        """The nav's page order, which the handbooks follow."""
        self.order[lang] = {pdf_name(rel_path(uri)): i for i, uri in enumerate(src_uris)}

    def page_markdown(self, edition: Edition | None, markdown: str, src_uri: str, lang: str) -> str:
        """Notes the page's quizzes (a sheet's QR code points at it); fills the download centre."""
        if edition is not None:
            for match, _ in markers.find(markdown, "quiz"):
                edition.note_quiz(match.group(2).split()[0] if match.group(2) else "", rel_path(src_uri))
        if not markers.find(markdown, "downloads"):
            return markdown
        return downloads_centre(markdown, lang)

    def add_page(self, edition: Edition, *, src_uri: str, title: str | None, meta: dict,
                 html: str, markdown: str, source: Path, files: Iterable, site_url: str,
                 directory_urls: bool) -> None:
        """A page with ``handout: true``, as rendered, becomes a handout of its edition."""
        audience = meta.get("audience")
        if audience is not None and audience not in AUDIENCES:
            raise HandoutError(str(AuthorError(
                f"docs/{src_uri}", f"unknown handout audience {audience!r}",
                expected=" | ".join(AUDIENCES))))
        quiz_ids = [m.group(2).split()[0] for m, _ in markers.find(markdown, "quiz") if m.group(2)]
        if edition.lang not in self.images:
            self.images[edition.lang] = image_resolver(files, site_url, edition.lang)
        rel = rel_path(src_uri)
        edition.add_page(
            rel_path=rel, title=title or pdf_name(rel), audience=audience, content=html,
            quiz_ids=quiz_ids, meta_date=meta.get("date"), source=source,
            image_file=self.images[edition.lang], directory_urls=directory_urls)

    def produce(self, edition: Edition, *, root: Path, extra: dict) -> None:
        """Every print document of the edition: quiz sheets, other engines' documents
        (``extras.PROVIDERS``), handbooks; rendered unless cached (none when serving)."""
        fill = settings_filler(extra)
        try:
            quizzes = load_dir(root / "quizzes")
            extras.add_all(edition, extras.Context(root=root, lang=edition.lang, extra=extra, fill=fill))
        except (AuthorError, AuthorErrors) as exc:
            raise HandoutError(report(exc)) from None
        try:
            edition.produce(quizzes, serving=self.serving, stats=self.stats,
                            order=self.order.get(edition.lang), fill=fill)
        except RenderError as exc:
            raise HandoutError(f"handouts: could not render {exc}") from None

    def finish_page(self, content: str, *, url: str, src_uri: str, lang: str, handout: bool) -> str:
        """The download centre's tables, and the download button under a handout's title."""
        edition = self.editions.get(lang)
        if 'data-handout-audience="' in content:
            for audience in AUDIENCES:
                placeholder = f'<div class="handout-downloads" data-handout-audience="{audience}"></div>'
                table = (edition.downloads_table(url, audience) if edition
                         else f"<p>{labels(lang)['none_yet']}</p>")
                content = content.replace(placeholder, table)
        if edition and handout:
            button = edition.button(url, pdf_name(rel_path(src_uri)))
            head_end = content.find("</h1>")
            at = head_end + len("</h1>") if head_end >= 0 else 0
            content = content[:at] + button + content[at:]
        return content

    def copy_into(self, site_dir: Path) -> None:
        """The PDFs of each language into the site, once (i18n's language is stale here)."""
        for lang, edition in self.editions.items():
            if lang not in self.copied:
                edition.copy_into(site_dir)
                self.copied.add(lang)

    def summary(self) -> str:
        stats = self.stats
        if not self.enabled:
            return "handouts: off (HANDOUTS=0), no PDFs"
        if self.serving:
            return (f"handouts: rendered 0, reused {stats.reused}, {stats.seconds:.1f} s (mkdocs serve "
                    f"renders no PDFs: {stats.skipped} left out, run mkdocs build)")
        return f"handouts: rendered {stats.rendered}, reused {stats.reused}, {stats.seconds:.1f} s"
