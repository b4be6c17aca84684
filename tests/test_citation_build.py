"""Citations in the built site: every link lands on an existing article; bad ones stop the build."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from conftest import run_build

LAW_SLUGS = ("minor-protection-law", "family-education-promotion-law",
             "juvenile-delinquency-prevention-law", "minors-online-protection-regulation",
             "anti-domestic-violence-law", "civil-code-guardianship-excerpt",
             "online-game-anti-addiction-notice")


class _Page(HTMLParser):
    """Ids, citation links and lang attributes of one HTML page."""

    def __init__(self):
        super().__init__()
        self.ids, self.citations, self.text_langs, self.heading_ids = set(), [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
            if re.fullmatch(r"h[2-6]", tag):
                self.heading_ids.append(a["id"])
        if tag == "a" and "md-citation" in (a.get("class") or ""):
            self.citations.append((a["href"], a.get("title", "")))
        if "law-text" in (a.get("class") or ""):
            self.text_langs.append(a.get("lang"))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_every_citation_link_lands_on_an_existing_anchor(site_dir):
    cache: dict[Path, _Page] = {}
    checked = 0
    for html in site_dir.rglob("*.html"):
        for href, title in parse(html).citations:
            page_url = "file://" + html.as_posix()
            target = urlparse(urljoin(page_url, href))
            path = Path(target.path)
            path = path / "index.html" if path.suffix != ".html" else path
            assert path.exists(), f"{html}: {href} -> missing page {path}"
            in_en = html.relative_to(site_dir).parts[0] == "en"
            assert (path.relative_to(site_dir).parts[0] == "en") == in_en, f"{html}: {href} changes language"
            if target.fragment:
                ids = cache.setdefault(path, parse(path)).ids
                assert target.fragment in ids, f"{html}: {href} -> no #{target.fragment}"
            assert title.strip(), f"{html}: {href} has no tooltip"
            checked += 1
    assert checked > 0


def test_law_pages_have_every_article_and_the_same_ids_in_both_languages(site_dir):
    articles = json.loads((Path(__file__).parent.parent / "data/laws/articles.json").read_text())
    for slug in LAW_SLUGS:
        zh = parse(site_dir / "policy/laws" / slug / "index.html")
        en = parse(site_dir / "en/policy/laws" / slug / "index.html")
        wanted = {f"article-{n}" for n in articles[slug]} or {f"point-{n}" for n in range(1, 6)}
        assert wanted <= zh.ids and wanted <= en.ids, slug
        assert zh.heading_ids == en.heading_ids, slug
        assert zh.citations == [] and en.citations == [], "law texts are never linkified"
        assert en.text_langs and set(en.text_langs) == {"zh-CN"}, slug


def test_law_index_lists_held_and_missing_texts(site_dir):
    for lang, prefix in (("zh", ""), ("en", "en/")):
        text = (site_dir / prefix / "policy/laws/index.html").read_text(encoding="utf-8")
        for slug in LAW_SLUGS:
            assert f'href="{slug}/"' in text, (lang, slug)
        assert "未成年人学校保护规定" in text and "2f4c5c23716267af9dbebbbbd6cbbf732b101981" not in text
        assert "LawRefBook/Laws" in text


def test_source_note_on_each_law_page(site_dir):
    page = (site_dir / "policy/laws/minor-protection-law/index.html").read_text(encoding="utf-8")
    assert "2f4c5c23716267af9dbebbbbd6cbbf732b101981" in page and "全国人大常委会公报" in page
    page = (site_dir / "en/policy/laws/minor-protection-law/index.html").read_text(encoding="utf-8")
    assert "not the official gazette" in page


def test_build_report_lists_links_and_texts_not_held(site_dir):
    report = json.loads((site_dir / "citations-report.json").read_text(encoding="utf-8"))
    assert report["linked"] > 0 and report["errors"] == []
    names = {entry["name"] for entry in report["not_held"]}
    assert "未成年人学校保护规定" in names


# --- a broken project: the build stops and says where ---------------------------------------------



def _slim(project: Path) -> None:
    """Only the pages this test needs, without the PDF and plan engines (minutes of build)."""
    for lang in ("zh", "en"):
        root = project / "docs" / lang
        for md in root.rglob("*.md"):
            rel = md.relative_to(root).as_posix()
            if not (rel == "index.md" or rel.startswith("policy/laws/") or rel == "quizzes/index.md"):
                md.unlink()
    yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    yml = re.sub(r"^  - hooks/(handout|plan)_hook\.py.*\n", "", yml, flags=re.M)
    yml = re.sub(r"^strict: true", "strict: false", yml, flags=re.M)
    yml = re.sub(r"^nav:\n(?:[ -].*\n?)*", "", yml, flags=re.M)
    (project / "mkdocs.yml").write_text(yml, encoding="utf-8")
    for quiz in (project / "quizzes").glob("*.yml"):
        quiz.unlink()


def test_bad_citations_stop_the_build_with_page_line_and_source(project_copy, tmp_path):
    _slim(project_copy)
    shutil.copy(Path(__file__).parent.parent / "quizzes" / "network-03-cyberbullying.yml",
                project_copy / "quizzes" / "network-03-cyberbullying.yml")
    quiz = project_copy / "quizzes" / "network-03-cyberbullying.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(
        "cite: 《未成年人保护法》第七十七条\n", "cite: 《民法典》第二十四条\n", 1), encoding="utf-8")
    for lang, bad in (("zh", "《未成年人保护法》第一百三十三条"), ("en", "Article 133 of the Minor Protection Law")):
        (project_copy / "docs" / lang / "bad.md").write_text(
            f"# Bad\n\nGood: 《未成年人保护法》第三十九条.\n\nBad: {bad}.\n\n"
            "<!-- md:quiz network-03-cyberbullying -->\n", encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "site")
    assert proc.returncode != 0
    out = proc.output
    assert "citation(s) of articles we do not hold" in out
    assert "docs/zh/bad.md:5: citation 《未成年人保护法》第一百三十三条: 《未成年人保护法》第一百三十三条 (article 133) does not exist" in out
    assert "docs/en/bad.md:5: citation Article 133 of the Minor Protection Law" in out
    assert "generated content, written in quizzes/network-03-cyberbullying.yml:" in out
    assert "is not in the held excerpt" in out
    assert "Traceback" not in out
