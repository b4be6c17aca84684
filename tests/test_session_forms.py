"""Session forms for the parent-school lessons (mpsite/session_forms.py): the lessons read from
the docs tree, a sign-in sheet and a feedback form per lesson and language with the right titles,
the trainers' table of links, and the PDFs as a trainer prints them (one A4 page each, the
lesson's title in Chinese, a QR code back to the lesson)."""
from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from mpsite import session_forms
from mpsite.errors import AuthorErrors
from mpsite.handouts import extras, qr
from mpsite.handouts.engine import Edition
from mpsite.handouts.labels import AUDIENCES, labels
from mpsite.handouts.render import Job, render_one

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SITE_URL = "https://training.example.org/"
TOWN = {"zh": "示范镇", "en": "Model Town"}
A4 = (595.28, 841.89)


def h1(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text  # front matter may hold "# comments"
    return re.search(r"^# (.+)$", body, re.M).group(1).strip()


def edition(lang: str, tmp_path: Path) -> Edition:
    ed = Edition(lang=lang, root=ROOT, templates=ROOT / "overrides" / "print",
                 cache_dir=tmp_path / "cache", site_url=SITE_URL, site_name="Site",
                 town=TOWN[lang], font_fingerprint="test")
    ctx = extras.Context(root=ROOT, lang=lang, extra={}, fill=lambda text, lang: text)
    session_forms.provide(ed, ctx)
    return ed


# -- the lessons ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lessons_are_the_numbered_lesson_pages_not_their_printables(lang):
    lessons = session_forms.lessons(DOCS, lang)
    on_disk = sorted(p for p in (DOCS / lang / "parenting").glob("[0-9][0-9]-*.md")
                     if not p.stem.endswith(("-handout", "-form")))
    assert [l.source for l in lessons] == on_disk
    assert len(lessons) >= 10
    assert [l.number for l in lessons] == sorted(l.number for l in lessons)
    assert all(l.title == h1(l.source) for l in lessons)
    assert [l.rel for l in lessons] == [l.rel for l in session_forms.lessons(DOCS, "zh")]


def test_lesson_titles_in_both_languages():
    zh = {l.number: l.title for l in session_forms.lessons(DOCS, "zh")}
    en = {l.number: l.title for l in session_forms.lessons(DOCS, "en")}
    assert zh[1] == "第 1 课：依法带娃" and en[1] == "Lesson 1: Raising children by the law"
    assert all(zh[n].startswith(f"第 {n} 课") and en[n].startswith(f"Lesson {n}") for n in zh)


def test_a_new_lesson_gets_forms_and_printables_do_not(tmp_path):
    folder = tmp_path / "zh" / "parenting"
    folder.mkdir(parents=True)
    (folder / "11-new-lesson.md").write_text("---\naudience: parents\n---\n\n# 第 11 课：新课 { #top }\n", "utf-8")
    (folder / "11-new-lesson-handout.md").write_text("---\nhandout: true\n---\n\n# 讲义\n", "utf-8")
    (folder / "12-care-form.md").write_text("---\nhandout: true\n---\n\n# 告知单\n", "utf-8")
    (folder / "index.md").write_text("# 家长课堂\n", "utf-8")
    [lesson] = session_forms.lessons(tmp_path, "zh")
    assert (lesson.rel, lesson.number, lesson.title) == ("parenting/11-new-lesson.md", 11, "第 11 课：新课")
    assert session_forms.form_name(lesson, "signin") == "parenting-11-new-lesson-signin"


def test_a_lesson_without_a_title_stops_with_its_file(tmp_path):
    folder = tmp_path / "en" / "parenting"
    folder.mkdir(parents=True)
    (folder / "03-untitled.md").write_text("---\naudience: parents\n---\n\nNo heading.\n", "utf-8")
    with pytest.raises(AuthorErrors) as info:
        session_forms.lessons(tmp_path, "en")
    assert "docs/en/parenting/03-untitled.md: the lesson has no title" in str(info.value)


# -- the print documents -------------------------------------------------------------------

@pytest.mark.parametrize("lang,signin,feedback", [("zh", "（签到表）", "（反馈表）"),
                                                   ("en", " (sign-in sheet)", " (feedback form)")])
def test_one_sign_in_sheet_and_one_feedback_form_per_lesson(tmp_path, lang, signin, feedback):
    lessons = session_forms.lessons(DOCS, lang)
    docs = {d.name: d for d in edition(lang, tmp_path).extras}
    assert len(docs) == 2 * len(lessons)
    for lesson in lessons:
        sheet = docs[session_forms.form_name(lesson, "signin")]
        form = docs[session_forms.form_name(lesson, "feedback")]
        assert sheet.title == lesson.title + signin and form.title == lesson.title + feedback
        for doc in (sheet, form):
            assert doc.kind == "form" and doc.kind in labels(lang)["kinds"]
            assert doc.audiences == ("parents",) and "parents" in AUDIENCES
            assert f"<h1>{doc.title}</h1>" in doc.html and TOWN[lang] in doc.html
            url = SITE_URL + ("" if lang == "zh" else "en/") + lesson.rel[:-3] + "/"
            assert f'src="{qr.placeholder(url)}"' in doc.html   # the QR code opens the lesson


def test_sign_in_sheet_rows_columns_and_privacy_note(tmp_path):
    doc = edition("zh", tmp_path).extras[0]
    assert doc.name == "parenting-01-parenting-by-law-signin"
    for column in ("序号", "姓名", "与孩子的关系", "联系电话", "签名", "上课日期", "地点"):
        assert f">{column}</th>" in doc.html
    body = doc.html.split("<tbody>")[1].split("</tbody>")[0]
    assert body.count("<tr>") == 20
    note = re.sub(r"<[^>]+>", "", doc.html.split('class="privacy-note"')[1].split("</p>")[0])
    for words in ("课程改期或补课时通知您", "举办这次家长学校的单位保管", "不拍照", "不发到微信群", "学期结束后销毁"):
        assert words in note
    assert "法》第" not in note   # the site's advice, no legal claim


def test_feedback_form_is_anonymous_with_ticks_and_open_questions(tmp_path):
    doc = edition("en", tmp_path).extras[1]
    assert doc.name == "parenting-01-parenting-by-law-feedback"
    assert "Do not write your name" in doc.html and ">Name<" not in doc.html
    questions = doc.html.split('class="questions feedback-ticks"')[1]
    ticks = questions.count('<li class="question">')
    assert 3 <= ticks <= 5
    assert questions.count('<li class="question open">') == 2 and questions.count('class="write-in"') == 2
    assert questions.count('class="box"') >= 2 * ticks


# -- the trainers' table -------------------------------------------------------------------

@pytest.mark.parametrize("lang,url,pdf_base", [
    ("zh", "parenting/trainers-guide/", "../../downloads/pdf/"),
    ("en", "en/parenting/trainers-guide/", "../../downloads/pdf/"),
    ("zh", "parenting/trainers-guide.html", "../downloads/pdf/")])   # the offline edition
def test_trainers_table_links_every_form(lang, url, pdf_base):
    table = session_forms.links_markdown(DOCS, lang, "parenting/trainers-guide.md", url)
    lessons = session_forms.lessons(DOCS, lang)
    rows = table.splitlines()[2:]
    assert len(rows) == len(lessons)
    first = rows[0]
    assert f"[{lessons[0].title}](01-parenting-by-law.md)" in first
    assert f'href="{pdf_base}parenting-01-parenting-by-law-signin.pdf"' in first
    assert f'href="{pdf_base}parenting-01-parenting-by-law-feedback.pdf"' in first


# -- the PDFs ------------------------------------------------------------------------------

def test_forms_render_to_one_a4_page_with_the_chinese_title(tmp_path):
    import pypdfium2
    import zxingcpp
    docs = edition("zh", tmp_path).extras
    assert len(docs) >= 20
    for doc in docs:
        out = tmp_path / f"{doc.name}.pdf"
        info = render_one(Job(key=doc.name, html=qr.fill(doc.html), out=str(out), title=doc.title))
        assert info["pages"] == 1, doc.name
        reader = pypdf.PdfReader(out)
        box = reader.pages[0].mediabox
        assert (round(float(box.width), 1), round(float(box.height), 1)) == (round(A4[0], 1), round(A4[1], 1))
        text = "".join(reader.pages[0].extract_text().split())
        assert "".join(doc.title.split()) in text, doc.name
        assert "示范镇" in text
    image = pypdfium2.PdfDocument(tmp_path / f"{docs[0].name}.pdf")[0].render(scale=3).to_pil()
    assert {b.text for b in zxingcpp.read_barcodes(image)} == {SITE_URL + "parenting/01-parenting-by-law/"}
