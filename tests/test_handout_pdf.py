"""Handout PDFs as a trainer and a parent get them: A4, Chinese text in Chinese fonts, QR codes
that open the page, handbooks with bookmarks, a download centre, and fast rebuilds.

Built from a small fixture site (tests/handout_fixture.py) so the checks do not depend on
pages colleagues are still writing."""
from __future__ import annotations

import re
import shutil

import pypdf
import pytest

from conftest import run_build
from handout_fixture import (EN_HEADINGS, PAGE, PDF_NAME, QUIZ_ID, ZH_HEADINGS, make_fixture)

SITE_URL = "https://training.example.org/"
A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture project and its site after a cold build (empty PDF cache)."""
    root = tmp_path_factory.mktemp("handouts")
    project = make_fixture(root / "project")
    site = root / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.output[-4000:]
    return project, site, proc.output


def pdf(site, lang, name):
    path = site / ("" if lang == "zh" else "en/") / "downloads" / "pdf" / f"{name}.pdf"
    assert path.exists(), f"missing {path}"
    return pypdf.PdfReader(path)


def fonts_of(reader):
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", []):
                names.add(str(descendant.get_object()["/BaseFont"]))
    return {n.replace("-", "") for n in names}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_document_is_a4(built, lang):
    _, site, _ = built
    for name in (PDF_NAME, f"quiz-{QUIZ_ID}", f"quiz-{QUIZ_ID}-answers", "handbook-parents"):
        for page in pdf(site, lang, name).pages:
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)


def test_chinese_handout_embeds_chinese_fonts_and_text(built):
    _, site, _ = built
    reader = pdf(site, "zh", PDF_NAME)
    assert any("NotoSansCJK" in n or "NotoSerifCJK" in n for n in fonts_of(reader)), fonts_of(reader)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "家长讲义：孩子上网安全" in text
    for heading in ZH_HEADINGS:
        assert heading in text
    assert "XX镇" in text and "2026 年 3 月 8 日" in text          # town and content date
    assert "第 1 页 / 共 1 页" in text                            # running footer
    assert "12355" in text


def squash(text: str) -> str:
    """Text without white space: pypdf splits kerned Latin words ("T own")."""
    return re.sub(r"\s+", "", text)


def test_english_handout_text(built):
    _, site, _ = built
    text = squash("".join(p.extract_text() for p in pdf(site, "en", PDF_NAME).pages))
    for heading in EN_HEADINGS:
        assert squash(heading) in text
    for words in ("8 March 2026", "XX Town", "Page 1 / 1"):
        assert squash(words) in text


def test_links_print_their_address_but_anchors_do_not(built):
    _, site, _ = built
    text = "".join(p.extract_text() for p in pdf(site, "zh", PDF_NAME).pages).replace("\n", "")
    assert f"{SITE_URL}resources/hotlines/" in text
    assert "#rules" not in text


def test_pdfs_are_tagged_with_their_language(built):
    _, site, _ = built
    for lang, code in (("zh", "zh-CN"), ("en", "en")):
        root = pdf(site, lang, PDF_NAME).trailer["/Root"]
        assert root["/Lang"] == code
        assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


def test_qr_codes_open_the_page_and_its_quiz(built):
    import pypdfium2
    import zxingcpp
    _, site, _ = built
    for lang, prefix in (("zh", ""), ("en", "en/")):
        path = site / prefix / "downloads" / "pdf" / f"{PDF_NAME}.pdf"
        image = pypdfium2.PdfDocument(path)[0].render(scale=3).to_pil()
        found = {b.text for b in zxingcpp.read_barcodes(image)}
        page_url = f"{SITE_URL}{prefix}parenting/90-handout-fixture/"
        assert found == {page_url, f"{page_url}#quiz-{QUIZ_ID}"}


def test_quiz_sheet_and_answer_key(built):
    _, site, _ = built
    sheet = "".join(p.extract_text() for p in pdf(site, "zh", f"quiz-{QUIZ_ID}").pages)
    key = "".join(p.extract_text() for p in pdf(site, "zh", f"quiz-{QUIZ_ID}-answers").pages)
    assert "姓名" in sheet and "日期" in sheet and "每天上网多久合适" in sheet
    assert "照片会暴露孩子的信息" not in sheet                     # no answers on the sheet
    assert "照片会暴露孩子的信息" in key and "供培训者使用" in key
    en_key = "".join(p.extract_text() for p in pdf(site, "en", f"quiz-{QUIZ_ID}-answers").pages)
    assert squash("Photos give away a child's details.") in squash(en_key)


@pytest.mark.parametrize("lang,title,town,code", [("zh", "家长手册", "XX镇", "zh-CN"),
                                                   ("en", "Parents' handbook", "XX Town", "en")])
def test_handbook_has_cover_outline_labels_and_metadata(built, lang, title, town, code):
    _, site, _ = built
    reader = pdf(site, lang, "handbook-parents")
    meta = reader.metadata
    assert meta.title == title and meta.author == town and meta.subject and meta["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == code
    outline = [item.title for item in reader.outline]
    assert len(outline) == 2 and outline[0].startswith("家长讲义" if lang == "zh" else "Parents' handout")
    assert reader.page_labels[0] == ("封面" if lang == "zh" else "Cover")
    assert reader.page_labels[1] == "1"
    assert title in reader.pages[0].extract_text()


def test_pages_show_a_download_button_and_the_centre_lists_everything(built):
    _, site, _ = built
    zh = (site / "parenting" / "90-handout-fixture" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a class="md-button" href="../../downloads/pdf/{PDF_NAME}.pdf"[^>]*>'
                     r"下载打印版 PDF（1 页，\d+ KB）</a>", zh)
    en = (site / "en" / "parenting" / "90-handout-fixture" / "index.html").read_text(encoding="utf-8")
    assert "Download printable PDF (1 page," in en
    centre = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for name in (PDF_NAME, f"quiz-{QUIZ_ID}", f"quiz-{QUIZ_ID}-answers", "handbook-parents"):
        assert f'href="pdf/{name}.pdf"' in centre
    assert "家长手册" in centre and "答案与解析" in centre
    en_centre = (site / "en" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/handbook-parents.pdf"' in en_centre and "Answer key" in en_centre
    assert not (site / "print").exists()   # the print templates are not site files


def test_warm_rebuild_renders_nothing_and_an_edit_only_its_pdfs(built, tmp_path):
    project, _, cold = built
    assert re.search(r"handouts: rendered 8, reused 0, \d+\.\d s", cold)
    warm = run_build(project, tmp_path / "warm")
    assert warm.returncode == 0, warm.output[-3000:]
    assert re.search(r"handouts: rendered 0, reused 8, \d+\.\d s", warm.output)
    assert (tmp_path / "warm" / "en" / "downloads" / "pdf" / f"{PDF_NAME}.pdf").exists()
    page = project / "docs" / "en" / PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    edited = run_build(project, tmp_path / "edited")
    assert edited.returncode == 0, edited.output[-3000:]
    # the English handout and the English handbook that holds it; nothing else
    assert re.search(r"handouts: rendered 2, reused 6,", edited.output)


def test_handouts_can_be_turned_off(built, tmp_path, monkeypatch):
    project, _, _ = built
    monkeypatch.setenv("HANDOUTS", "0")
    proc = run_build(project, tmp_path / "off")
    assert proc.returncode == 0, proc.output[-3000:]
    assert "handouts: off" in proc.output
    assert not list((tmp_path / "off").rglob("*.pdf"))
    centre = (tmp_path / "off" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "暂无 PDF" in centre


def test_missing_chinese_font_stops_the_build(tmp_path, monkeypatch):
    project = make_fixture(tmp_path / "project")
    shutil.rmtree(project / ".cache", ignore_errors=True)
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    "<fontconfig></fontconfig>\n", encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "apt-get install fonts-noto-cjk" in proc.output
    assert "Traceback" not in proc.output
    assert not list((tmp_path / "site").rglob("*.pdf"))
