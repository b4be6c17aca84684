"""Law citations and law pages: adapts MkDocs events to ``mpsite.laws`` and ``mpsite.citations``.

- ``<!-- md:law SLUG -->`` becomes the held text with its source note (``policy/laws/SLUG.md``),
  ``<!-- md:law-index -->`` the table of held texts.
- In the rendered HTML of every other page, citations such as 《未成年人保护法》第三十九条 or
  "Article 39 of the Minor Protection Law" are linked to ``policy/laws/SLUG/#article-39`` with the
  article text as tooltip. Citations of articles that do not exist are collected over both
  languages and stop the build at the end of the outer (zh) build, all of them at once.
- ``site/citations-report.json`` lists the links and the texts cited that we do not hold.
"""
from __future__ import annotations

import json
import logging
import time
from collections import Counter
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from i18n_build import nested, page_lang
from mpsite import citations, laws, markers, rawhtml
from mpsite.errors import AuthorError

log = logging.getLogger("mkdocs.plugins.citations")

LAW_DIR = "policy/laws"
_state: dict = {}


def _reset() -> None:
    _state.pop("env", None)
    _state.update(errors=[], links=Counter(), not_held={}, law_pages=set(),
                  seconds=0.0, pages=0, render_seconds=0.0)


_reset()


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def on_pre_build(config):
    # Read at each build's start, so `mkdocs serve` picks up edits; every page then uses it.
    _state["library"] = laws.load(_root(config) / "data" / "laws")
    if not nested(config):
        _reset()
        problems = laws.mismatches(_state["library"])
        if problems:
            raise PluginError("data/laws does not match data/laws/articles.json:\n  "
                              + "\n  ".join(problems))


def _law_url(slug: str, page, files) -> str:
    target = files.get_file_from_path(f"{page_lang(page)}/{LAW_DIR}/{slug}.md")
    if target is None:
        raise PluginError(f"docs/{page_lang(page)}/{LAW_DIR}/{slug}.md is missing: "
                          f"every held text needs its page (with <!-- md:law {slug} -->)")
    return target.url_relative_to(page.file)


def on_page_markdown(markdown, page, config, files):
    if "md:law" not in markdown:
        return markdown
    library, lang = _state["library"], page_lang(page)
    env = _state.get("env") or _state.setdefault("env", config.theme.get_env())  # one per build
    where = f"docs/{page.file.src_uri}"

    def render_law(args: str, line: int) -> str:
        slug = args.strip()
        if slug not in library:
            raise PluginError(str(AuthorError(where, f"<!-- md:law {slug} -->: no such held text",
                                              expected=", ".join(sorted(library.laws)), line=line)))
        _state["law_pages"].add(page.file.src_uri)
        law = library[slug]
        source = env.get_template("partials/law-source.html").render(meta=law.meta, lang=lang)
        text = env.get_template("partials/law-text.html").render(law=law, lang=lang, raw=rawhtml.block)
        return f"{source}\n\n{text}\n"

    def render_index(args: str, line: int) -> str:
        rows = laws.index_rows(library, lang)
        for row in rows:
            row["href"] = _law_url(row["slug"], page, files)
        return env.get_template("partials/law-index.html").render(rows=rows, lang=lang) + "\n"

    started = time.perf_counter()
    markdown = markers.replace(markdown, "law", render_law)
    markdown = markers.replace(markdown, "law-index", render_index)
    _state["render_seconds"] += time.perf_counter() - started
    return markdown


def _origin(cit_text: str, page, config) -> tuple[str, int | None, str]:
    """Where a citation was written: the page's Markdown, else a quiz or data file."""
    where = f"docs/{page.file.src_uri}"
    line = citations.line_of(cit_text, page.file.content_string)
    if line:
        return where, line, ""
    root = _root(config)
    candidates = sorted(root.glob("quizzes/*.yml")) + sorted(
        p for p in root.glob("data/**/*.y*ml"))
    hit = citations.search_files(cit_text, candidates)
    if hit:
        path, hit_line = hit
        return where, None, f"generated content, written in {Path(path).relative_to(root)}:{hit_line}"
    return where, None, "generated content (not in the page's Markdown, quizzes/*.yml or data/)"


@event_priority(-50)  # after the engines' own on_page_content, before site_hook's checks
def on_page_content(html, page, config, files):
    if page.file.src_uri in _state["law_pages"]:
        return html                       # the law texts cite each other: never link them
    started = time.perf_counter()
    library, lang = _state["library"], page_lang(page)
    urls: dict[str, str] = {}

    def url_for(slug: str) -> str:
        if slug not in urls:
            urls[slug] = _law_url(slug, page, files)
        return urls[slug]

    result = citations.linkify(html, library, url_for, lang)
    for link in result.links:
        _state["links"][link.slug] += 1
    for cit in result.not_held:
        entry = _state["not_held"].setdefault(cit.name, {"count": 0, "pages": set(), "numbered": []})
        entry["count"] += 1
        entry["pages"].add(page.file.src_uri)
        if cit.numbered:
            entry["numbered"].append(f"{page.file.src_uri}: {cit.text}")
    for cit_text, problem in result.problems:
        where, line, note = _origin(cit_text, page, config)
        _state["errors"].append(AuthorError(where, f"citation {cit_text}: {problem}",
                                            line=line, item=note))
    _state["seconds"] += time.perf_counter() - started
    _state["pages"] += 1
    return result.html


@event_priority(-150)  # the outer zh build, after i18n (-100) built the other languages
def on_post_build(config):
    if not not nested(config):
        return
    not_held = sorted(_state["not_held"].items())
    report = {
        "linked": sum(_state["links"].values()),
        "linked_by_text": dict(sorted(_state["links"].items())),
        # Texts we do not hold: named (fine) or cited with an article number (to be checked:
        # the content rules allow no article numbers of texts we do not hold).
        "not_held": [{"name": name, "count": e["count"], "pages": sorted(e["pages"]),
                      "with_article_number": e["numbered"]} for name, e in not_held],
        "errors": [str(e) for e in _state["errors"]],
        "pages_checked": _state["pages"],
        "hook_seconds": round(_state["seconds"], 3),          # on_page_content, all pages
        "law_render_seconds": round(_state["render_seconds"], 3),   # md:law markers
    }
    Path(config.site_dir, "citations-report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    log.info("citations: %d linked, %d to texts not held: %s (%d pages checked in %.2f s, "
             "law texts rendered in %.2f s)",
             report["linked"], sum(e["count"] for _, e in not_held),
             ", ".join(f"{n} ({e['count']})" for n, e in not_held) or "none",
             _state["pages"], _state["seconds"], _state["render_seconds"])
    numbered = [x for _, e in not_held for x in e["numbered"]]
    if numbered:
        log.info("citations: article numbers of texts not held (check them): %s", "; ".join(numbered))
    if _state["errors"]:
        errors = _state["errors"]
        raise PluginError(f"{len(errors)} citation(s) of articles we do not hold:\n  "
                          + "\n  ".join(str(e) for e in errors))
