"""One language's printable documents: handouts, quiz sheets, answer keys and handbooks.

``Edition`` collects what the pages gave (``add_page``), then ``produce`` builds every print
document, renders only those whose cache key is new (in parallel), merges the handbooks and
returns the list the download centre and the buttons show. No MkDocs import here.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown as md
from markupsafe import Markup

from . import cache as cachemod
from .. import plaintext
from ..quiz import Quiz
from . import packs, printhtml, qr
from .labels import AUDIENCES, format_date, format_size, labels
from .render import Job, render_many

PDF_FOLDER = "downloads/pdf"


@dataclass
class Doc:
    """One PDF of one language."""
    name: str                 # file name without .pdf, the same in both languages
    kind: str                 # handout | sheet | answers | pack, or an extra kind (labels' "kinds")
    audiences: tuple[str, ...]
    title: str
    key: str = ""
    html: str = ""            # the print document (empty for packs)
    day: dt.date | None = None
    info: dict | None = None  # {"title", "pages", "size"} once rendered or found in the cache
    members: list["Doc"] = field(default_factory=list)  # packs only
    subject: str = ""                                     # packs only: the metadata subject

    @property
    def file(self) -> str:
        return f"{self.name}.pdf"


@dataclass
class Stats:
    rendered: int = 0
    reused: int = 0
    skipped: int = 0
    seconds: float = 0.0


def pdf_name(rel_path: str) -> str:
    """``parenting/03-safety.md`` -> ``parenting-03-safety``; ``parenting/index.md`` -> ``parenting``."""
    stem = rel_path[:-3] if rel_path.endswith(".md") else rel_path
    parts = [p for p in stem.split("/") if p]
    if parts and parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "-".join(parts) or "home"


def canonical_url(rel_path: str, lang: str, default_lang: str = "zh") -> str:
    """The page's address on the live site (directory URLs), relative to ``site_url``."""
    stem = rel_path[:-3] if rel_path.endswith(".md") else rel_path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    prefix = "" if lang == default_lang else f"{lang}/"
    return prefix + stem.lstrip("/")


def relative_href(from_url: str, to_path: str) -> str:
    """A link from a page (its site URL) to a file in the site."""
    base = from_url if (from_url == "" or from_url.endswith("/")) else posixpath.dirname(from_url) + "/"
    return posixpath.relpath(to_path, base or ".")


def content_date(meta_date, source: Path, root: Path, dates: dict[str, dt.date] | None = None) -> dt.date:
    """Front matter ``date:``, else the file's last git commit, else its mtime. ``dates`` is
    ``commit_dates(root)``, read once per build."""
    if isinstance(meta_date, dt.datetime):
        return meta_date.date()
    if isinstance(meta_date, dt.date):
        return meta_date
    if isinstance(meta_date, str):
        try:
            return dt.date.fromisoformat(meta_date.strip()[:10])
        except ValueError:
            pass
    dates = commit_dates(root) if dates is None else dates
    try:
        committed = dates.get(source.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:  # a file outside the project
        committed = None
    return committed or dt.date.fromtimestamp(source.stat().st_mtime)


def commit_dates(root: Path) -> dict[str, dt.date]:
    """Path (relative to ``root``) -> day of its last commit, from one ``git log`` (a ``git log``
    per page had cost a second per build). Empty outside a git repository."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "--relative", "--format=%x00%cs",
                              "--name-only"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    if out.returncode != 0:
        return dates
    for entry in out.stdout.split("\0")[1:]:   # newest commit first: keep each file's first date
        day, *paths = entry.strip().splitlines() or [""]
        for path in paths:
            if path and path not in dates:
                dates[path] = dt.date.fromisoformat(day)
    return dates


def _css_string(value: str) -> Markup:
    """A CSS string literal for the inline stylesheet (quotes, backslashes and ``<`` escaped)."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return Markup('"' + text.replace("<", "\\3C ") + '"')


class Edition:
    """The documents of one language in one build."""

    def __init__(self, *, lang: str, root: Path, templates: Path, cache_dir: Path,
                 site_url: str, site_name: str, town: str, font_fingerprint: str,
                 default_lang: str = "zh"):
        self.lang, self.root, self.L = lang, root, labels(lang)
        self.site_url = site_url.rstrip("/") + "/"
        self.site_name, self.town = site_name, town
        self.default_lang = default_lang
        self.prefix = "" if lang == default_lang else f"{lang}/"
        self.cache = cachemod.PdfCache(cache_dir)
        self.env = printhtml.template_env(templates)
        self.env.filters["css_string"] = _css_string
        self.css = (templates / "print.css").read_text(encoding="utf-8")
        self.base_key = cachemod.key(font_fingerprint, cachemod.library_versions(), qr.STYLE)
        self.dates = commit_dates(root)
        self.handouts: list[Doc] = []
        self.extras: list[Doc] = []            # documents other engines add (add_document)
        self.quiz_pages: dict[str, str] = {}   # quiz id -> canonical URL of the page holding it
        self.docs: list[Doc] = []

    # -- collecting ------------------------------------------------------------------------
    def pdf_path(self, name: str) -> str:
        """Where a PDF lives in the site, from the site root: ``en/downloads/pdf/x.pdf``."""
        return f"{self.prefix}{PDF_FOLDER}/{name}.pdf"

    def page_url(self, rel_path: str) -> str:
        """A page's absolute address on the live site, in this edition's language."""
        return self.site_url + canonical_url(rel_path, self.lang, self.default_lang)

    def note_quiz(self, quiz_id: str, rel_path: str) -> None:
        url = canonical_url(rel_path, self.lang, self.default_lang)
        # The quiz's own page under quizzes/ wins over a lesson that also shows it.
        if quiz_id not in self.quiz_pages or rel_path.startswith("quizzes/"):
            self.quiz_pages[quiz_id] = url

    def add_page(self, *, rel_path: str, title: str, audience: str | None, content: str,
                 quiz_ids: list[str], meta_date, source: Path, image_file,
                 directory_urls: bool = True) -> Doc:
        name = pdf_name(rel_path)
        page_url = self.page_url(rel_path)
        if not directory_urls:  # offline edition: print the live site's addresses
            content = content.replace("index.html", "").replace('.html"', '/"')
        body = printhtml.for_print(content, page_url, self.L["quiz_on_paper"], image_file)
        codes = [self.qr(self.L["scan_page"], page_url)]
        for quiz_id in quiz_ids[:1]:
            codes.append(self.qr(self.L["scan_quiz"], f"{page_url}#quiz-{quiz_id}"))
        day = content_date(meta_date, source, self.root, self.dates)
        audiences = (audience,) if audience else AUDIENCES
        html = self.env.get_template("handout.html").render(
            **self._common(title, audience, day, page_url),
            qr_codes=codes, content=body)
        doc = Doc(name=name, kind="handout", audiences=audiences, title=title, html=html, day=day)
        self.handouts.append(doc)
        return doc

    def add_document(self, *, name: str, kind: str, template: str, title: str,
                     audience: str | None, day: dt.date, url: str, **context) -> Doc:
        """A print document another engine makes (an exam paper, a form, a lesson outline):
        ``overrides/print/<template>`` rendered in the common frame (title, town, date, footer
        ``url``), then cached, rendered and listed in the download centre like the rest.
        ``kind`` needs a label under "kinds" in ``labels.py``; QR codes come from ``qr()``."""
        if kind not in self.L["kinds"]:
            raise ValueError(f"print document kind {kind!r} has no label in handouts/labels.py")
        html = self.env.get_template(template).render(
            **self._common(title, audience, day, url), **context)
        doc = Doc(name=name, kind=kind, audiences=(audience,) if audience else AUDIENCES,
                  title=title, html=html, day=day)
        self.extras.append(doc)
        return doc

    # -- building --------------------------------------------------------------------------
    def qr(self, label: str, url: str) -> dict:
        """A QR code for a print template (drawn only when the document is rendered)."""
        return {"label": label, "url": url, "image": qr.placeholder(url)}

    def _common(self, title: str, audience: str | None, day: dt.date, footer: str,
                subject: str = "") -> dict:
        audience_label = self.L["audience"].get(audience or "", self.L["everyone"])
        return dict(lang=self.lang, L=self.L, title=title, town=self.town,
                    site_name=self.site_name, audience_label=audience_label,
                    date=format_date(day, self.lang), footer_left=footer,
                    subject=subject or f"{self.site_name} · {audience_label}", css=self.css)

    def _quiz_docs(self, quiz: Quiz, fill: Callable[[str, str], str]) -> list[Doc]:
        """The question sheet and the answer key of one quiz (the quiz engine's checked model);
        ``fill(text, lang)`` puts the town settings into each text."""
        lang, L = self.lang, self.L

        def text(value) -> str:          # a Text or an Option, in this edition's language
            return fill(value.get(lang), lang)

        title = text(quiz.title)
        url = self.site_url + self.quiz_pages.get(quiz.id, f"{self.prefix}quizzes/") + f"#quiz-{quiz.id}"
        day = content_date(None, quiz.path, self.root, self.dates)
        questions = []
        for q in quiz.questions:
            if q.type == "truefalse":
                options = [{"id": True, "text": L["true"], "letter": ""},
                           {"id": False, "text": L["false"], "letter": ""}]
            else:
                options = [{"id": o.id, "letter": chr(ord("A") + i), "text": _inline(text(o))}
                           for i, o in enumerate(q.options)]
            wanted = q.answer if isinstance(q.answer, list) else [q.answer]
            for o in options:
                o["correct"] = o["id"] in wanted
            answer = "、".join(o["letter"] or o["text"] for o in options if o["correct"]) if lang == "zh" \
                else ", ".join(o["letter"] or o["text"] for o in options if o["correct"])
            questions.append({
                "prompt": _inline(text(q.prompt)),
                "hint": L["tick_tf"] if q.type == "truefalse" else
                        L["tick_many"] if q.type == "multiple" else L["tick_one"],
                "options": options, "answer": answer,
                "explanation": _markdown(text(q.explanation)),
                "cite": q.cite or ""})
        audience = quiz.audience if quiz.audience in AUDIENCES else None
        docs = []
        for kind, heading, suffix in (("sheet", L["sheet"], ""), ("answers", L["answer_key"], "-answers")):
            full = f"{title}（{heading}）" if lang == "zh" else f"{title} ({heading})"
            html = self.env.get_template("quiz.html").render(
                **self._common(full, audience, day, url),
                key=kind == "answers", qr_codes=[self.qr(L["scan_quiz"], url)],
                description=text(quiz.description),
                pass_mark=L["pass_mark"].format(pass_mark=quiz.pass_mark), questions=questions)
            docs.append(Doc(name=f"quiz-{quiz.id}{suffix}", kind=kind,
                            audiences=(audience,) if audience else AUDIENCES,
                            title=full, html=html, day=day))
        return docs

    def _key(self, html: str) -> str:
        images = [cachemod.file_digest(p) for p in printhtml.local_images(html)]
        return cachemod.key(self.base_key, html, *images)

    def _render(self, docs: list[Doc], serving: bool, stats: Stats, workers: int | None) -> None:
        """Fill ``info`` from the cache, or render (or, when serving, skip) the misses."""
        missing = []
        for doc in docs:
            doc.key = doc.key or self._key(doc.html)
            doc.info = self.cache.info(doc.key)
            if doc.info is None:
                missing.append(doc)
            else:
                stats.reused += 1
        if serving:
            stats.skipped += len(missing)
            return
        jobs = [Job(key=d.key, html=qr.fill(d.html), out=str(self.cache.pdf(d.key)), title=d.title)
                for d in missing]
        for doc, job, info in zip(missing, jobs, render_many(jobs, workers)):
            self.cache.html(job.key).write_text(job.html, encoding="utf-8")
            self.cache.store_info(doc.key, info)
            doc.info = info
            stats.rendered += 1

    def produce(self, quizzes: list[Quiz], *, serving: bool, stats: Stats,
                order: dict[str, int] | None = None, workers: int | None = None,
                fill: Callable[[str, str], str] | None = None) -> list[Doc]:
        started = time.perf_counter()
        order = order or {}
        fill = fill or (lambda text, lang: text)
        self.handouts.sort(key=lambda d: (order.get(d.name, 10**6), d.name))
        quiz_docs = [doc for quiz in quizzes for doc in self._quiz_docs(quiz, fill)]
        self._render(self.handouts + quiz_docs + self.extras, serving, stats, workers)
        pack_docs = self._packs(self.handouts + quiz_docs, serving, stats, workers)
        self.docs = [d for d in self.handouts + quiz_docs + self.extras + pack_docs if d.info]
        stats.seconds += time.perf_counter() - started
        return self.docs

    def _packs(self, docs: list[Doc], serving: bool, stats: Stats, workers) -> list[Doc]:
        """One handbook per audience: its handouts and quiz sheets (answer keys stay apart)."""
        L, result, covers = self.L, [], []
        for audience in AUDIENCES:
            members = [d for d in docs if d.info and d.kind in ("handout", "sheet")
                       and audience in d.audiences]
            if not members:
                continue
            title = L["pack"][audience]
            day = max(d.day for d in members)
            contents, page = [], 1
            for d in members:
                contents.append({"title": d.info["title"], "page": page})
                page += d.info["pages"]
            site_home = self.site_url + self.prefix
            subject = L["pack_subject"].format(town=self.town, pack=title)
            cover_html = self.env.get_template("cover.html").render(
                **self._common(title, audience, day, site_home, subject),
                contents=contents, qr=self.qr(L["scan_page"], site_home))
            cover = Doc(name=f"handbook-{audience}-cover", kind="cover", audiences=(audience,),
                        title=title, html=cover_html, day=day)
            cover.key = self._key(cover_html)
            pack = Doc(name=f"handbook-{audience}", kind="pack", audiences=(audience,),
                       title=title, day=day, members=members)
            pack.key = cachemod.key(cover.key, *(d.key for d in members), "pack")
            pack.info = self.cache.info(pack.key)
            pack.subject = subject
            if pack.info:
                stats.reused += 1
            elif serving:
                stats.skipped += 1
            else:
                covers.append((pack, cover))
            result.append(pack)
        if covers:
            scratch = Stats()
            self._render([c for _, c in covers], False, scratch, workers)
            for pack, cover in covers:
                info = packs.merge(
                    out=self.cache.pdf(pack.key), cover=self.cache.pdf(cover.key),
                    members=[(d.title, self.cache.pdf(d.key)) for d in pack.members],
                    title=pack.title, author=self.town, subject=pack.subject,
                    keywords=L["keywords"], lang=L["html_lang"], cover_label=L["cover"])
                self.cache.store_info(pack.key, info)
                pack.info = info
                stats.rendered += 1
        return result

    # -- showing ---------------------------------------------------------------------------
    def doc(self, name: str) -> Doc | None:
        return next((d for d in self.docs if d.name == name), None)

    def button(self, page_url: str, name: str) -> str:
        doc = self.doc(name)
        if not doc:
            return ""
        pages = doc.info["pages"]
        details = self.L["button_details"].format(
            pages=pages, size=format_size(doc.info["size"], self.lang),
            pages_word="page" if pages == 1 else "pages")
        return self.env.get_template("button.html").render(
            href=relative_href(page_url, self.pdf_path(name)), label=self.L["download"],
            details=details)

    def downloads_table(self, page_url: str, audience: str) -> str:
        kinds = self.L["kinds"]
        rank = {kind: i for i, kind in enumerate(self.L["kinds"])}
        rows = [{"href": relative_href(page_url, self.pdf_path(d.name)), "title": d.info["title"],
                 "kind": kinds[d.kind], "pages": d.info["pages"],
                 "size": format_size(d.info["size"], self.lang)}
                for d in sorted((d for d in self.docs if audience in d.audiences),
                                key=lambda d: rank[d.kind])]
        return self.env.get_template("downloads.html").render(L=self.L, rows=rows)

    def copy_into(self, site_dir: Path) -> int:
        for doc in self.docs:
            self.cache.copy_to(doc.key, site_dir / self.pdf_path(doc.name))
        return len(self.docs)


_MD = md.Markdown()   # one instance: building one per quiz text cost a second per build


def _markdown(text: str) -> str:
    """A quiz text as HTML (plain sentences skip Markdown: mpsite.plaintext)."""
    plain = plaintext.paragraph(text)
    if plain is not None:
        return plain
    _MD.reset()
    return _MD.convert(text)


def _inline(text: str) -> str:
    """Markdown for one line of a quiz: no wrapping paragraph."""
    out = _markdown(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out
