"""The practice guides for the people who carry out the plan (issue 14): each one exists in both
languages with the parts a reader relies on, cites the held articles it rests on, says where
the law is silent, is reachable from the pages a reader starts on, and lands as a short PDF in
its audience's handbook."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
# page -> (audience, articles the page must cite, in the form the citation hook links)
GUIDES = {
    "record-check": ("teachers", ["minor-protection-law/#article-62", "minor-protection-law/#article-126",
                                  "minor-protection-law/#article-130"]),
    "performances-tattoos-tutoring": ("staff", ["minor-protection-law/#article-61",
                                                "minor-protection-law/#article-76",
                                                "minor-protection-law/#article-41"]),
    "disabled-and-unsupported-children": ("staff", ["minor-protection-law/#article-92",
                                                    "minor-protection-law/#article-86",
                                                    "minor-protection-law/#article-43"]),
    "records-and-interviews": ("teachers", ["juvenile-delinquency-prevention-law/#article-59",
                                            "minor-protection-law/#article-103",
                                            "minor-protection-law/#article-112"]),
}
SECTIONS = ["today", "what-the-law-does-not-say", "related"]
SUMMARY = {"zh": "一分钟要点", "en": "One-minute summary"}
MAX_PDF_PAGES = {"zh": 4, "en": 5}


def _source(lang: str, page: str) -> str:
    return (ROOT / "docs" / lang / "policy" / f"{page}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", GUIDES)
def test_guide_is_a_handout_with_summary_checklist_and_silences(page):
    audience, _ = GUIDES[page]
    ids = {}
    for lang in ("zh", "en"):
        text = _source(lang, page)
        front = yaml.safe_load(text.split("---")[1])
        assert front == {"handout": True, "audience": audience}, (lang, page)
        assert f'!!! abstract "{SUMMARY[lang]}"' in text, (lang, page)
        ids[lang] = re.findall(r"\{ #([\w-]+) \}", text)
        for section in SECTIONS:
            assert section in ids[lang], (lang, page, section)
        assert "- [ ]" in text, (lang, page)  # the checklist
    assert ids["zh"] == ids["en"], page
    assert f"policy/{page}.md" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_unheld_texts_are_named_without_articles():
    zh = _source("zh", "performances-tattoos-tutoring")
    assert "《未成年人文身治理工作办法》" in zh
    assert not re.search(r"文身治理工作办法》\s*第", zh)
    assert "没有一条专门规定给未成年人文身" in zh
    en = _source("en", "records-and-interviews")
    assert "Criminal Procedure Law" in en and not re.search(r"Article \d+ of the Criminal Procedure", en)


def test_quiz_on_the_self_test_page_cites_every_answer():
    quiz = yaml.safe_load((ROOT / "quizzes/policy-practice-staff.yml").read_text(encoding="utf-8"))
    assert 4 <= len(quiz["questions"]) <= 8
    assert all(q.get("cite") for q in quiz["questions"])
    for lang in ("zh", "en"):
        page = (ROOT / "docs" / lang / "policy/self-test.md").read_text(encoding="utf-8")
        assert "<!-- md:quiz policy-practice-staff -->" in page


def test_guides_cite_their_articles_and_are_linked_from_the_policy_index(site_dir):
    for page, (_, articles) in GUIDES.items():
        for prefix in ("", "en/"):
            html = (site_dir / prefix / "policy" / page / "index.html").read_text(encoding="utf-8")
            linked = set(re.findall(r'class="md-citation" href="\.\./laws/([^"]+)"', html))
            for article in articles:
                assert article in linked, (prefix, page, article)
            index = (site_dir / prefix / "policy/index.html").read_text(encoding="utf-8")
            assert f'href="{page}/"' in index, (prefix, page)


def test_guides_are_short_pdfs_in_their_audiences_handbook(site_dir):
    from pypdf import PdfReader
    for lang, prefix in (("zh", ""), ("en", "en/")):
        pdfs = site_dir / prefix / "downloads/pdf"
        for page, (audience, _) in GUIDES.items():
            pages = len(PdfReader(pdfs / f"policy-{page}.pdf").pages)
            assert pages <= MAX_PDF_PAGES[lang], (lang, page, pages)
            title = re.search(r"^# (.+)$", _source(lang, page), re.M).group(1)
            handbook = PdfReader(pdfs / f"handbook-{audience}.pdf")
            assert title in [item.title for item in handbook.outline], (lang, page, audience)
