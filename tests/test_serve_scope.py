"""The authors' loop under `mkdocs serve`: which languages a save rebuilds, and the caches a
rebuild reuses (mpsite.serve_scope, mpsite.warm_rebuild)."""
from __future__ import annotations

import jinja2

from mpsite import serve_scope
from mpsite.warm_rebuild import TemplateCache, memoized_indexing

LANGS = ["zh", "en"]


def test_a_page_of_one_language_rebuilds_that_language_only(tmp_path):
    docs = tmp_path / "docs"
    assert serve_scope.languages_needed({str(docs / "zh/policy/plan.md")}, docs, LANGS) == ["zh"]
    assert serve_scope.languages_needed({str(docs / "en/index.md")}, docs, LANGS) == ["en"]


def test_anything_both_languages_read_rebuilds_both(tmp_path):
    docs = tmp_path / "docs"
    for path in (docs / "zh/assets/stylesheets/site.css",       # assets serve both languages
                 tmp_path / "quizzes/parenting-01.yml", tmp_path / "mkdocs.yml",
                 docs / "zh/policy/plan.md"):
        assert serve_scope.languages_needed({str(path), str(docs / "en/index.md")}, docs, LANGS) == LANGS
    assert serve_scope.languages_needed({str(tmp_path / "data/plan.yml")}, docs, LANGS) == LANGS


def _project(tmp_path):
    docs = tmp_path / "docs"
    for rel in ("zh/a.md", "en/a.md", "zh/assets/x.css"):
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text("x")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes/q.yml").write_text("id: q")
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en/index.html").write_text("the English page of the last build")
    return docs, site


def _touch(path, text):
    import os
    path.write_text(text)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a later mtime, surely


def test_a_zh_save_keeps_the_english_output_of_the_last_build(tmp_path):
    docs, site = _project(tmp_path)
    roots = [docs, tmp_path / "quizzes"]
    scope = serve_scope.Scope()
    assert scope.plan(roots, docs, LANGS, "zh") == []   # the first build makes everything
    scope.set_aside(site, LANGS)
    scope.put_back(site)

    _touch(docs / "zh/a.md", "edited")
    assert scope.plan(roots, docs, LANGS, "zh") == ["en"] and scope.pages_only
    scope.set_aside(site, LANGS)
    assert not (site / "en").exists()                    # MkDocs may clean the site now
    (site / "en").mkdir()
    (site / "en/search.json").write_text("an empty index the zh build wrote")
    scope.put_back(site)
    assert (site / "en/index.html").read_text() == "the English page of the last build"
    assert not (site / "en/search.json").exists()

    _touch(tmp_path / "quizzes/q.yml", "id: q2")          # shared: both languages again
    assert scope.plan(roots, docs, LANGS, "zh") == [] and not scope.pages_only


def test_an_english_save_still_builds_chinese_which_static_i18n_builds_first(tmp_path):
    docs, site = _project(tmp_path)
    scope = serve_scope.Scope()
    scope.plan([docs], docs, LANGS, "zh")
    scope.put_back(site)
    _touch(docs / "en/a.md", "edited")
    assert scope.plan([docs], docs, LANGS, "zh") == []


def test_a_failed_rebuild_measures_the_next_one_from_the_last_complete_build(tmp_path):
    docs, site = _project(tmp_path)
    scope = serve_scope.Scope()
    scope.plan([docs], docs, LANGS, "zh")
    scope.put_back(site)
    _touch(docs / "zh/a.md", "broken")
    scope.plan([docs], docs, LANGS, "zh")
    scope.set_aside(site, LANGS)                           # ... and the build fails here
    _touch(docs / "zh/assets/x.css", "y")                   # the next save touches an asset
    assert scope.plan([docs], docs, LANGS, "zh") == []
    scope.set_aside(site, LANGS)                           # the kept folder is dropped: rebuilt
    assert not any(p.name.endswith(".kept") for p in tmp_path.iterdir())


def test_template_cache_reuses_compiled_code_and_sees_a_changed_template():
    sources = {"page.html": "Hello {{ name }}"}
    cache = TemplateCache()

    def env():
        return jinja2.Environment(loader=jinja2.FunctionLoader(lambda n: sources[n]),
                                  bytecode_cache=cache)
    assert env().get_template("page.html").render(name="zh") == "Hello zh"
    assert len(cache._code) == 1
    sources["page.html"] = "Hi {{ name }}"
    assert env().get_template("page.html").render(name="en") == "Hi en"


def test_search_entries_are_reused_for_an_unchanged_page_only():
    indexed = []

    class Index:  # Material's SearchIndex, as far as the memo sees it
        def __init__(self):
            self.entries = []

        def add_entry_from_context(self, page):
            indexed.append(page.url)
            self.entries.append({"location": page.url, "text": page.content})

    class Page:
        def __init__(self, url, content, meta=None):
            self.url, self.title, self.content, self.meta = url, "T", content, meta or {}

    forget = memoized_indexing(Index)
    first, second = Index(), Index()
    first.add_entry_from_context(Page("a/", "强制报告"))
    second.add_entry_from_context(Page("a/", "强制报告"))          # the next rebuild, unchanged
    assert second.entries == first.entries and indexed == ["a/"]
    second.add_entry_from_context(Page("a/", "强制报告，立即"))     # edited: indexed again
    second.add_entry_from_context(Page("a/", "强制报告", {"search": {"exclude": True}}))
    assert indexed == ["a/", "a/", "a/"]
    forget()                                                       # e.g. a new jieba dictionary
    Index().add_entry_from_context(Page("a/", "强制报告"))
    assert len(indexed) == 4
