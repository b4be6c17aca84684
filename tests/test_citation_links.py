"""Citations over a build (mpsite.citation_links) without MkDocs: law pages, links, origins, report."""
from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

from mpsite import citations
from mpsite.citation_links import CitationError, Citations, origin
from mpsite.warm_rebuild import forget

ROOT = Path(__file__).resolve().parent.parent


def url(slug: str) -> str:
    return f"../laws/{slug}/"


@pytest.fixture
def cits() -> Citations:
    c = Citations()
    c.load(ROOT / "data" / "laws", outer=True)
    return c


def env():
    return jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))


def test_a_citation_is_traced_to_the_page_line_or_the_file_that_holds_it(tmp_path):
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "data" / "sub").mkdir(parents=True)
    (tmp_path / "quizzes" / "q.yml").write_text("id: q\ncite: 《民法典》第二十四条\n", encoding="utf-8")
    (tmp_path / "data" / "sub" / "p.yaml").write_text("a:\n  b:\n    c: 见《未成年人保护法》第一百三十三条\n",
                                                      encoding="utf-8")
    assert origin("《民法典》第二十四条", "# T\n\n见《民法典》第二十四条。\n", tmp_path) == (3, "")
    assert origin("《民法典》第二十四条", "# T\n", tmp_path) == (
        None, "generated content, written in quizzes/q.yml:2")
    assert origin("《未成年人保护法》第一百三十三条", "", tmp_path) == (
        None, "generated content, written in data/sub/p.yaml:3")
    assert origin("《未成年人保护法》第九条", "", tmp_path)[1].startswith("generated content (not in")


def test_pages_are_linked_counted_and_bad_citations_stop_the_build_at_the_end(cits, tmp_path):
    html = ("<p>见《未成年人保护法》第十一条、第二十条；《未成年人学校保护规定》第五条；"
            "《未成年人保护法》第一百三十三条。</p>")
    out = cits.link_page(html, src_uri="zh/a.md", content="# A\n\n" + html, lang="zh", root=tmp_path, law_url=url)
    assert 'href="../laws/minor-protection-law/#article-11"' in out
    assert 'href="../laws/minor-protection-law/#article-20"' in out
    report = cits.report()
    assert report["linked_by_text"] == {"minor-protection-law": 2} and report["pages_checked"] == 1
    assert report["not_held"] == [{"name": "未成年人学校保护规定", "count": 1, "pages": ["zh/a.md"],
                                   "with_article_number": ["zh/a.md: 《未成年人学校保护规定》"]}]
    assert report["errors"] == ["docs/zh/a.md:3: citation 《未成年人保护法》第一百三十三条: 《未成年人保护法》"
                                "第一百三十三条 (article 133) does not exist; held: 第一条至第一百三十二条"]
    logged: list[str] = []
    with pytest.raises(CitationError, match=r"^1 citation\(s\) of articles we do not hold:\n  docs/zh/a\.md:3"):
        cits.finish(tmp_path, logged.append)
    assert logged[0].startswith("citations: 2 linked, 1 to texts not held: 未成年人学校保护规定 (1) (1 pages")
    assert logged[1] == "citations: article numbers of texts not held (check them): zh/a.md: 《未成年人学校保护规定》"
    assert json.loads((tmp_path / "citations-report.json").read_text(encoding="utf-8"))["linked"] == 2
    cits.load(ROOT / "data" / "laws", outer=True)        # the next build starts afresh
    assert cits.report()["linked"] == 0 and cits.errors == []


def test_a_rebuild_reuses_a_linked_page_but_counts_and_reports_it_again(cits, tmp_path, monkeypatch):
    html = "<p>见《未成年人保护法》第十一条；《未成年人保护法》第一百三十三条。</p>"
    args = dict(src_uri="zh/a.md", content="# A\n\n" + html, lang="zh", root=tmp_path)
    first = cits.link_page(html, law_url=url, **args)
    calls = []
    monkeypatch.setattr(citations, "linkify", lambda *a, **k: calls.append(a) or None)
    cits.load(ROOT / "data" / "laws", outer=True)           # mkdocs serve: the next rebuild
    assert cits.link_page(html, law_url=url, **args) == first and not calls
    assert cits.report()["linked"] == 1 and len(cits.errors) == 1   # counted and reported again
    monkeypatch.undo()
    moved = cits.link_page(html, law_url=lambda slug: f"../../laws/{slug}/", **args)
    assert 'href="../../laws/minor-protection-law/#article-11"' in moved   # a law page moved
    forget()                                                 # a law text, quiz or template changed
    assert cits.linked == {}


def test_law_pages_render_the_held_text_and_are_never_linked(cits):
    md = cits.render_laws("# 法\n\n<!-- md:law minor-protection-law -->\n", src_uri="zh/policy/laws/mpl.md",
                          lang="zh", make_env=env, law_url=url)
    assert 'id="article-11"' in md and "<!-- md:law" not in md
    html = "<p>《未成年人保护法》第十一条</p>"
    assert cits.link_page(html, src_uri="zh/policy/laws/mpl.md", content="", lang="zh",
                          root=ROOT, law_url=url) == html
    index = cits.render_laws("<!-- md:law-index -->", src_uri="zh/policy/laws/index.md", lang="zh",
                             make_env=env, law_url=url)
    assert 'href="../laws/minor-protection-law/"' in index


def test_an_unknown_held_text_stops_with_page_and_line(cits):
    with pytest.raises(CitationError, match=r"docs/zh/x\.md:3: <!-- md:law no-such-law -->: no such held "
                                            r"text \(expected: .*minor-protection-law"):
        cits.render_laws("# X\n\n<!-- md:law no-such-law -->\n", src_uri="zh/x.md", lang="zh",
                         make_env=env, law_url=url)


def test_held_texts_must_match_their_article_list(tmp_path):
    for path in (ROOT / "data" / "laws").iterdir():
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "articles.json").write_text(json.dumps({"minor-protection-law": [1, 2, 3]}), encoding="utf-8")
    with pytest.raises(CitationError, match="data/laws does not match data/laws/articles.json"):
        Citations().load(tmp_path, outer=True)
