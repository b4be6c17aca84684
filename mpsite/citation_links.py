"""Law citations over one build: the held texts on their pages, citations linked on every other
page, and ``citations-report.json``. What ``hooks/citation_hook.py`` calls, one method per event.

No MkDocs import: the hook passes plain values and ``law_url(slug)``, the address of a held
text's page relative to the page at hand. Mistakes raise ``CitationError`` with the message the
build stops with.
"""
from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from . import citations, laws, markers, rawhtml
from .errors import AuthorError
from .warm_rebuild import kept

LAW_DIR = "policy/laws"          # one page per held text and language: <lang>/policy/laws/<slug>.md


class CitationError(Exception):
    """What stops the build, as the message to show."""


def origin(cit_text: str, content: str, root: Path) -> tuple[int | None, str]:
    """Where a citation was written: (its line in the page's Markdown ``content``, "") or, for
    generated text, (None, the quiz or data file and line that holds it)."""
    line = citations.line_of(cit_text, content)
    if line:
        return line, ""
    candidates = sorted(root.glob("quizzes/*.yml")) + sorted(root.glob("data/**/*.y*ml"))
    hit = citations.search_files(cit_text, candidates)
    if hit:
        path, hit_line = hit
        return None, f"generated content, written in {Path(path).relative_to(root)}:{hit_line}"
    return None, "generated content (not in the page's Markdown, quizzes/*.yml or data/)"


class Citations:
    """The held texts, and what the pages of both languages cited (reset by each outer build)."""

    def __init__(self) -> None:
        self.library: laws.Library | None = None
        # (page, language) -> (its HTML, the library, the law pages' URLs used, the result)
        self.linked = kept()
        self.reset()

    def reset(self) -> None:
        self.env = None            # the theme's Jinja environment, one per build
        self.errors: list[AuthorError] = []
        self.links: Counter = Counter()
        self.not_held: dict[str, dict] = {}
        self.law_pages: set[str] = set()
        self.seconds = self.render_seconds = 0.0
        self.pages = 0

    def load(self, folder: Path, *, outer: bool) -> None:
        """Read the held texts at each build's start (``mkdocs serve`` picks up edits); the outer
        build starts afresh and checks them against ``articles.json``."""
        self.library = laws.load(folder)
        if outer:
            self.reset()
            problems = laws.mismatches(self.library)
            if problems:
                raise CitationError("data/laws does not match data/laws/articles.json:\n  "
                                    + "\n  ".join(problems))

    def render_laws(self, markdown: str, *, src_uri: str, lang: str, make_env: Callable,
                    law_url: Callable[[str], str]) -> str:
        """``<!-- md:law SLUG -->`` -> the held text with its source note;
        ``<!-- md:law-index -->`` -> the table of held texts."""
        if "md:law" not in markdown:
            return markdown
        library = self.library
        env = self.env = self.env or make_env()
        where = f"docs/{src_uri}"

        def render_law(args: str, line: int) -> str:
            slug = args.strip()
            if slug not in library:
                raise CitationError(str(AuthorError(where, f"<!-- md:law {slug} -->: no such held text",
                                                    expected=", ".join(sorted(library.laws)), line=line)))
            self.law_pages.add(src_uri)
            law = library[slug]
            source = env.get_template("partials/law-source.html").render(meta=law.meta, lang=lang)
            text = env.get_template("partials/law-text.html").render(law=law, lang=lang, raw=rawhtml.block)
            return f"{source}\n\n{text}\n"

        def render_index(args: str, line: int) -> str:
            rows = laws.index_rows(library, lang)
            for row in rows:
                row["href"] = law_url(row["slug"])
            return env.get_template("partials/law-index.html").render(rows=rows, lang=lang) + "\n"

        started = time.perf_counter()
        markdown = markers.replace(markdown, "law", render_law)
        markdown = markers.replace(markdown, "law-index", render_index)
        self.render_seconds += time.perf_counter() - started
        return markdown

    def link_page(self, html: str, *, src_uri: str, content: str, lang: str, root: Path,
                  law_url: Callable[[str], str]) -> str:
        """Citations in a page's HTML linked to the held article; a citation of an article we do
        not hold is noted (with where it was written) and stops the build at its end."""
        if src_uri in self.law_pages:
            return html                       # the law texts cite each other: never link them
        started = time.perf_counter()
        urls: dict[str, str] = {}

        def url_for(slug: str) -> str:
            if slug not in urls:
                urls[slug] = law_url(slug)
            return urls[slug]

        done = self.linked.get((src_uri, lang))
        if (done and done[0] == html and done[1] is self.library
                and all(url_for(slug) == url for slug, url in done[2].items())):
            result = done[3]
        else:
            result = citations.linkify(html, self.library, url_for, lang)
            self.linked[(src_uri, lang)] = html, self.library, dict(urls), result
        for link in result.links:
            self.links[link.slug] += 1
        for cit in result.not_held:
            entry = self.not_held.setdefault(cit.name, {"count": 0, "pages": set(), "numbered": []})
            entry["count"] += 1
            entry["pages"].add(src_uri)
            if cit.numbered:
                entry["numbered"].append(f"{src_uri}: {cit.text}")
        for cit_text, problem in result.problems:
            line, note = origin(cit_text, content, root)
            self.errors.append(AuthorError(f"docs/{src_uri}", f"citation {cit_text}: {problem}",
                                           line=line, item=note))
        self.seconds += time.perf_counter() - started
        self.pages += 1
        return result.html

    def report(self) -> dict:
        return {
            "linked": sum(self.links.values()),
            "linked_by_text": dict(sorted(self.links.items())),
            # Texts we do not hold: named (fine) or cited with an article number (to be checked:
            # the content rules allow no article numbers of texts we do not hold).
            "not_held": [{"name": name, "count": e["count"], "pages": sorted(e["pages"]),
                          "with_article_number": e["numbered"]} for name, e in sorted(self.not_held.items())],
            "errors": [str(e) for e in self.errors],
            "pages_checked": self.pages,
            "hook_seconds": round(self.seconds, 3),                # link_page, all pages
            "law_render_seconds": round(self.render_seconds, 3),   # md:law markers
        }

    def finish(self, site_dir: Path, log: Callable[[str], None]) -> None:
        """Write ``citations-report.json``, log the summary; stop on citations of articles we
        do not hold, all of them at once."""
        report = self.report()
        Path(site_dir, "citations-report.json").write_text(
            json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        not_held = sorted(self.not_held.items())
        log("citations: %d linked, %d to texts not held: %s (%d pages checked in %.2f s, "
            "law texts rendered in %.2f s)" % (
                report["linked"], sum(e["count"] for _, e in not_held),
                ", ".join(f"{n} ({e['count']})" for n, e in not_held) or "none",
                self.pages, self.seconds, self.render_seconds))
        numbered = [x for _, e in not_held for x in e["numbered"]]
        if numbered:
            log("citations: article numbers of texts not held (check them): %s" % "; ".join(numbered))
        if self.errors:
            raise CitationError(f"{len(self.errors)} citation(s) of articles we do not hold:\n  "
                                + "\n  ".join(str(e) for e in self.errors))
