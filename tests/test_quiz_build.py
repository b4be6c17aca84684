"""Real MkDocs builds of a small fixture site holding the fixture quizzes: blocks on pages in both
languages, the hub, assets only where needed, exports at the linked paths, and author mistakes that
stop the build with a readable message."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, run_build

from mpsite.project import copy_project

FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"
PAGES = {
    "zh": "# 练习\n\n先读一读。\n\n<!-- md:quiz fixture-every-type -->\n\n## 第二套 { #second }\n\n"
          "<!-- md:quiz fixture-parents -->\n",
    "en": "# Practice\n\nRead first.\n\n<!-- md:quiz fixture-every-type -->\n\n## Second { #second }\n\n"
          "<!-- md:quiz fixture-parents -->\n",
}
HOME = {"zh": "# 首页\n\n欢迎。\n", "en": "# Home\n\nWelcome.\n"}


def make_quiz_project(dest: Path, quizzes: bool = True) -> Path:
    """A copy of the project with only the home page, the quiz hub and a practice page.

    The other engines' hooks are left out: they check pages (plan units, handouts) that this small
    site does not have; the site hook (settings, parity, unknown markers) stays.
    """
    copy_project(dest)
    for lang in ("zh", "en"):
        for child in (dest / "docs" / lang).iterdir():
            if child.name != "assets":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        (dest / "docs" / lang / "quizzes").mkdir(parents=True)
        (dest / "docs" / lang / "index.md").write_text(HOME[lang], encoding="utf-8")
        shutil.copy2(ROOT / "docs" / lang / "quizzes" / "index.md", dest / "docs" / lang / "quizzes" / "index.md")
        (dest / "docs" / lang / "quizzes" / "practice.md").write_text(PAGES[lang], encoding="utf-8")
    shutil.rmtree(dest / "quizzes")
    (dest / "quizzes").mkdir()
    if quizzes:
        for path in FIXTURES.glob("*.yml"):
            shutil.copy2(path, dest / "quizzes" / path.name)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^\s*- hooks/(plan|citation|handout)_hook\.py.*\n", "", config, flags=re.M)
    config = re.sub(r"^nav:\n(?:[ \t].*\n?)*", "nav:\n  - 首页: index.md\n  - 自测题:\n"
                    "      - quizzes/index.md\n      - quizzes/practice.md\n", config, flags=re.M)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def quiz_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("quizsite")
    project = make_quiz_project(base / "project")
    proc = run_build(project, base / "site")
    assert proc.returncode == 0, proc.output[-3000:]
    return base / "site"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix,lang", [("", "zh"), ("en/", "en")])
def test_quiz_page_has_blocks_assets_and_working_export_links(quiz_site, prefix, lang):
    page = f"{prefix}quizzes/practice/index.html"
    html = read(quiz_site, page)
    assert html.count('class="mp-quiz"') == 2
    assert html.count("<fieldset>") == 6 and html.count("<details") == 6
    assert 'id="quiz-fixture-every-type"' in html
    css = re.findall(r'<link rel="stylesheet" href="([^"]*quiz\.css)"', html)
    js = re.findall(r'<script src="([^"]*quiz\.js)"', html)
    assert len(css) == len(js) == 1
    here = (quiz_site / page).parent
    for href in css + js:
        assert (here / href).resolve().is_file(), href
    links = re.findall(r'<a href="([^"]+\.(?:xml|gift))" download>', html)
    assert len(links) == 4
    for href in links:
        target = (here / href).resolve()
        assert target.is_file(), href
        assert f".{lang}." in target.name
    ET.parse(here / links[0])


def test_assets_only_on_pages_with_a_quiz(quiz_site):
    for page in ("index.html", "quizzes/index.html", "en/quizzes/index.html"):
        assert "quiz.js" not in read(quiz_site, page), page


@pytest.mark.parametrize("prefix,heading", [("", "教师"), ("en/", "Teachers")])
def test_hub_lists_quizzes_with_links_to_their_page(quiz_site, prefix, heading):
    html = read(quiz_site, f"{prefix}quizzes/index.html")
    assert re.search(rf'<h3 id="quizzes-teachers">{heading}', html)
    assert '<h3 id="quizzes-parents">' in html
    assert 'href="practice/#quiz-fixture-every-type"' in html
    assert 'href="practice/#quiz-fixture-parents"' in html


def test_exports_for_both_languages(quiz_site):
    for path in ("quizzes/export/fixture-every-type.zh.xml", "quizzes/export/fixture-every-type.zh.gift",
                 "en/quizzes/export/fixture-every-type.en.xml", "en/quizzes/export/fixture-parents.en.gift"):
        assert (quiz_site / path).is_file(), path
    assert "Which of these are forms of bullying" in read(quiz_site, "en/quizzes/export/fixture-every-type.en.xml")


def test_empty_quiz_folder_builds_and_hub_says_so(tmp_path):
    project = make_quiz_project(tmp_path / "project", quizzes=False)
    for lang in ("zh", "en"):
        (project / "docs" / lang / "quizzes" / "practice.md").write_text(HOME[lang], encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode == 0, proc.output[-3000:]
    assert "自测题正在编写中" in read(tmp_path / "site", "quizzes/index.html")
    assert "being written" in read(tmp_path / "site", "en/quizzes/index.html")


def test_unknown_quiz_id_stops_the_build_with_page_and_line(tmp_path):
    project = make_quiz_project(tmp_path / "project")
    page = project / "docs" / "en" / "quizzes" / "practice.md"
    page.write_text(page.read_text(encoding="utf-8").replace("fixture-parents", "no-such-quiz"), encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "docs/en/quizzes/practice.md:9" in proc.output
    assert "unknown quiz id 'no-such-quiz'" in proc.output
    assert "Traceback" not in proc.output


def test_author_mistakes_in_a_quiz_stop_the_build_without_traceback(tmp_path):
    project = make_quiz_project(tmp_path / "project")
    path = project / "quizzes" / "parents-short.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("answer: rules", "answer: rulez"), encoding="utf-8")
    (project / "quizzes" / "broken.yml").write_text("id: broken\nquestions: [\n", encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "quizzes/parents-short.yml:14: quiz fixture-parents, question time: answer 'rulez' names no option" \
        in proc.output
    assert "quizzes/broken.yml:3" in proc.output and "YAML syntax error" in proc.output
    assert "Traceback" not in proc.output


def test_quiz_on_no_page_is_a_warning(tmp_path):
    project = make_quiz_project(tmp_path / "project")
    for lang in ("zh", "en"):
        page = project / "docs" / lang / "quizzes" / "practice.md"
        page.write_text(page.read_text(encoding="utf-8").replace("<!-- md:quiz fixture-parents -->", ""),
                        encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert "quiz 'fixture-parents'" in proc.output and "is on no page" in proc.output
    assert "WARNING" in proc.output
