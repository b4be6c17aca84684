"""The handout engine's build steps (mpsite.handouts.site) without MkDocs: what the hook calls."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from mpsite.handouts import site
from mpsite.handouts.engine import Stats
from mpsite.quiz import load_file

ROOT = Path(__file__).resolve().parent.parent
QUIZ = """id: site-quiz
audience: parents
pass_mark: 60
title: {zh: "{{ town.name }}家长自测", en: "{{ town.name }} parents' quiz"}
description: {zh: 两道题。, en: Two questions.}
questions:
  - id: q1
    type: multiple
    prompt: {zh: 哪些要做？, en: "Which ones?"}
    options:
      - {id: a, zh: 定时间, en: Set a time}
      - {id: b, zh: 乱加好友, en: Add strangers}
      - {id: c, zh: 开青少年模式, en: Minor mode on}
    answer: [a, c]
    explanation: {zh: 见讲义。, en: See the handout.}
    cite: 《未成年人保护法》第七十一条
  - id: q2
    type: truefalse
    prompt: {zh: 可以随便发照片。, en: Posting photos anywhere is fine.}
    answer: false
    explanation: {zh: 不可以。, en: It is not.}
"""
EXTRA = {"town": {"name": {"zh": "甲镇", "en": "Jia Town"}}}


def _file(dest: str, src: str | None, doc: bool = False):
    return SimpleNamespace(dest_uri=dest, abs_src_path=src, is_documentation_page=lambda: doc)


def _edition(tmp_path: Path, lang: str):
    return site.Build(environ={}).edition(lang, root=tmp_path, site_url="https://t.example.org/",
                                          site_name="S", extra=EXTRA, default_lang="zh")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "site-quiz.yml").write_text(QUIZ, encoding="utf-8")
    return tmp_path


def test_handouts_are_off_only_when_asked():
    assert site.enabled({}) and site.enabled({"HANDOUTS": "1"})
    assert not any(site.enabled({"HANDOUTS": v}) for v in ("0", "false", " No ", "off"))
    assert site.Build(environ={"HANDOUTS": "0"}).summary() == "handouts: off (HANDOUTS=0), no PDFs"


def test_settings_and_paths():
    assert site.rel_path("en/parenting/01.md") == "parenting/01.md"
    assert site.in_lang({"zh": "甲镇", "en": "Jia Town"}, "en") == "Jia Town"
    assert site.in_lang("甲镇", "en") == "甲镇" and site.in_lang(None, "zh") == ""
    assert site.settings_filler(EXTRA)("{{ town.name }} 家长", "zh") == "甲镇 家长"


def test_images_resolve_to_their_source_under_the_site_path(tmp_path):
    files = [_file("assets/images/a.png", "/src/a.png"), _file("parenting/index.html", "/src/p.md", doc=True),
             _file("made.png", None)]
    resolve = site.image_resolver(files, "https://t.example.org/town/", "en")
    assert resolve("/town/assets/images/a.png") == Path("/src/a.png")
    assert resolve("/town/en/assets/images/a.png") == Path("/src/a.png")   # assets serve both
    assert resolve("/town/assets/images/a%2Epng") == Path("/src/a.png")
    assert resolve("/town/parenting/index.html") is None and resolve("/town/made.png") is None


def test_download_centre_has_a_heading_and_placeholder_per_audience():
    out = site.downloads_centre("# 下载\n\n<!-- md:downloads -->\n", "en")
    assert "<!-- md:downloads" not in out
    assert "## Teachers { #teachers }" in out and "## Town and village staff { #staff }" in out
    assert out.count('class="handout-downloads"') == 4
    # without an edition (HANDOUTS=0) each placeholder says that nothing is there yet
    page = site.Build(environ={"HANDOUTS": "0"}).finish_page(
        out, url="en/downloads/", src_uri="en/downloads/index.md", lang="en", handout=False)
    assert "handout-downloads" not in page and page.count("<p>") == 4


def test_quiz_markers_point_the_sheet_at_the_page(tmp_path, project):
    build = site.Build(environ={})
    edition = _edition(project, "zh")
    build.page_markdown(edition, "x\n<!-- md:quiz site-quiz -->\n", "zh/parenting/02.md", "zh")
    build.page_markdown(edition, "<!-- md:quiz site-quiz -->", "zh/quizzes/parents.md", "zh")
    build.page_markdown(edition, "<!-- md:quiz site-quiz -->", "zh/parenting/03.md", "zh")
    assert edition.quiz_pages == {"site-quiz": "quizzes/parents/"}   # the quiz's own page wins


def test_unknown_audience_stops_with_the_page(project):
    build = site.Build(environ={})
    with pytest.raises(site.HandoutError, match=r"docs/zh/p\.md: unknown handout audience 'pupils'"):
        build.add_page(_edition(project, "zh"), src_uri="zh/p.md", title="T", meta={"audience": "pupils"},
                       html="<h1>T</h1>", markdown="", source=project / "p.md", files=[],
                       site_url="/", directory_urls=True)


@pytest.mark.parametrize("lang, title, answer", [
    ("zh", "甲镇家长自测（答题卡）", "A、C"), ("en", "Jia Town parents' quiz (Quiz sheet)", "A, C")])
def test_quiz_sheets_read_the_quiz_engines_model(project, lang, title, answer):
    quiz = load_file(project / "quizzes" / "site-quiz.yml")
    assert quiz.path == (project / "quizzes" / "site-quiz.yml").resolve()
    edition = _edition(project, lang)
    sheet, key = edition._quiz_docs(quiz, site.settings_filler(EXTRA))
    assert (sheet.name, key.name, sheet.kind, key.kind) == (
        "quiz-site-quiz", "quiz-site-quiz-answers", "sheet", "answers")
    assert sheet.title == title and sheet.audiences == ("parents",)
    assert "{{" not in sheet.html and "{{" not in key.html
    assert answer in key.html and answer not in sheet.html
    assert "《未成年人保护法》第七十一条" in key.html


def test_serving_renders_nothing_and_says_so(project):
    build = site.Build(environ={})
    build.serving = True
    edition = _edition(project, "zh")
    build.editions["zh"] = edition
    build.produce(edition, root=project, extra=EXTRA)
    assert build.stats.rendered == 0 and build.stats.skipped >= 2
    assert "mkdocs serve renders no PDFs" in build.summary()


def test_a_broken_quiz_stops_with_file_and_line(project):
    (project / "quizzes" / "bad.yml").write_text("id: bad\naudience: pupils\n", encoding="utf-8")
    build = site.Build(environ={})
    with pytest.raises(site.HandoutError, match=r"bad\.yml:2.*unknown audience 'pupils'"):
        build.produce(_edition(project, "zh"), root=project, extra=EXTRA)
    assert build.stats == Stats()
