"""Content checks for the anti-bullying guide (校园防欺凌): what a reviewer of the section would
check by hand. Most tests read the sources; the last ones look at the built site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mpsite import citations, laws

ROOT = Path(__file__).resolve().parent.parent
SECTION = "anti-bullying"
DOCS = {lang: ROOT / "docs" / lang / SECTION for lang in ("zh", "en")}
LAWS = ROOT / "data" / "laws"
QUIZZES = ROOT / "quizzes"

PAGES = [
    "index.md",
    "01-what-is-bullying.md",
    "02-forms.md",
    "03-warning-signs.md",
    "04-prevention.md",
    "05-handling.md",
    "06-first-24-hours.md",
    "07-talking-with-parents.md",
    "08-support-and-correction.md",
    "09-case-studies.md",
    "10-class-meeting-upper-primary.md",
    "11-class-meeting-middle-school.md",
    "12-student-quiz.md",
    "templates/01-incident-record.md",
    "templates/02-investigation-checklist.md",
    "templates/03-parent-meeting-record.md",
    "templates/04-follow-up-plan.md",
]
HANDOUTS = [
    "06-first-24-hours.md",
    "10-class-meeting-upper-primary.md",
    "11-class-meeting-middle-school.md",
    "templates/01-incident-record.md",
    "templates/02-investigation-checklist.md",
    "templates/03-parent-meeting-record.md",
    "templates/04-follow-up-plan.md",
]
QUIZ_IDS = {"bullying-teachers": "teachers", "bullying-cases": "teachers",
            "bullying-students": "students"}
SUMMARY = {"zh": '!!! abstract "一分钟要点"', "en": '!!! abstract "One-minute summary"'}
FICTIONAL = {"zh": "（虚构）", "en": "(fictional)"}
ANALYSIS = {"zh": '??? success "参考分析"', "en": '??? success "Model analysis"'}

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$", re.M)
_HEADING_ID = re.compile(r"\{\s*#([\w-]+)\s*\}$")
_FENCE = re.compile(r"^```.*?^```", re.M | re.S)


def read(lang: str, rel: str) -> str:
    return (DOCS[lang] / rel).read_text(encoding="utf-8")


def front_matter(text: str) -> dict:
    m = _FRONT.match(text)
    return yaml.safe_load(m.group(1)) if m else {}


def body(text: str) -> str:
    return _FENCE.sub("", _FRONT.sub("", text, count=1))


def headings(text: str) -> list[tuple[int, str]]:
    return [(len(h), t) for h, t in _HEADING.findall(body(text))]


def load_quiz(quiz_id: str) -> dict:
    return yaml.safe_load((QUIZZES / f"{quiz_id}.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def library():
    return laws.load(LAWS)


# --- pages --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_exists_in_both_languages(lang):
    missing = [rel for rel in PAGES if not (DOCS[lang] / rel).is_file()]
    assert not missing, f"docs/{lang}/{SECTION}: missing {missing}"
    found = {p.relative_to(DOCS[lang]).as_posix() for p in DOCS[lang].rglob("*.md")}
    other = "en" if lang == "zh" else "zh"
    extra = {p.relative_to(DOCS[other]).as_posix() for p in DOCS[other].rglob("*.md")} - found
    assert not extra, f"pages in docs/{other} with no docs/{lang} twin: {sorted(extra)}"


@pytest.mark.parametrize("rel", PAGES)
def test_headings_have_the_same_explicit_ids_in_both_languages(rel):
    ids = {}
    for lang in ("zh", "en"):
        hs = headings(read(lang, rel))
        assert hs and hs[0][0] == 1, f"docs/{lang}/{SECTION}/{rel}: the page must start with an H1"
        no_id = [t for level, t in hs if level > 1 and not _HEADING_ID.search(t)]
        assert not no_id, f"docs/{lang}/{SECTION}/{rel}: headings without {{ #id }}: {no_id}"
        ids[lang] = [(level, _HEADING_ID.search(t).group(1)) for level, t in hs if level > 1]
    assert ids["zh"] == ids["en"], f"{rel}: heading levels/ids differ between zh and en"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rel", PAGES)
def test_each_page_opens_with_the_one_minute_summary(lang, rel):
    lines = [line for line in body(read(lang, rel)).splitlines() if line.strip()]
    assert lines[0].startswith("# "), lines[0]
    assert lines[1] == SUMMARY[lang], f"docs/{lang}/{SECTION}/{rel}: line after the title is {lines[1]!r}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_case_studies_are_fictional_with_questions_and_folded_analysis(lang):
    text = read(lang, "09-case-studies.md")
    cases = re.split(r"^## ", body(text), flags=re.M)[1:]
    cases = [c for c in cases if "!!! example" in c]
    assert len(cases) >= 5, f"only {len(cases)} case studies"
    for case in cases:
        title = case.splitlines()[0]
        examples = re.findall(r'^!!! example "(.*)"$', case, re.M)
        assert examples and all(FICTIONAL[lang] in e for e in examples), f"{title}: not marked fictional"
        assert ANALYSIS[lang] in case, f"{title}: no folded model analysis"
        assert re.search(r"^1\. ", case, re.M), f"{title}: no discussion questions"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_story_on_any_page_is_marked_fictional(lang):
    for rel in PAGES:
        for title in re.findall(r'^\s*!!! example "(.*)"$', read(lang, rel), re.M):
            assert FICTIONAL[lang] in title, f"docs/{lang}/{SECTION}/{rel}: example {title!r} not marked fictional"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rel", HANDOUTS)
def test_handouts_carry_handout_front_matter(lang, rel):
    meta = front_matter(read(lang, rel))
    assert meta.get("handout") is True and meta.get("audience") == "teachers", \
        f"docs/{lang}/{SECTION}/{rel}: front matter {meta}"


@pytest.mark.parametrize("rel", [r for r in HANDOUTS if r.startswith("templates/")])
def test_templates_have_blank_cells_to_fill_in_on_paper(rel):
    for lang in ("zh", "en"):
        rows = [line for line in read(lang, rel).splitlines() if line.startswith("|")]
        blank = [r for r in rows if re.search(r"\|\s+\|", r)]
        assert len(blank) >= 3, f"docs/{lang}/{SECTION}/{rel}: no table rows with blank cells"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_hard_coded_phone_numbers(lang):
    """Hotlines come from {{ contacts.* }} settings, so the town can change them in one place."""
    for rel in PAGES:
        text = body(read(lang, rel))
        hits = re.findall(r"(?<![\d.])(?:110|120|12355|12338|12309|12345)(?![\d])", text)
        assert not hits, f"docs/{lang}/{SECTION}/{rel}: hard-coded numbers {hits}"


def test_legal_quotations_are_verbatim_from_the_held_texts():
    """A blockquote introduced as 原文/节选 must appear word for word in a held law text."""
    corpus = "".join(p.read_text(encoding="utf-8") for p in LAWS.glob("*.md")).replace("\n", "")
    checked = 0
    for rel in PAGES:
        blocks = re.findall(r"^(.*(?:原文|节选).*)\n\n((?:>.*\n?)+)", read("zh", rel), re.M)
        for _intro, quote in blocks:
            for line in quote.splitlines():
                sentence = line.lstrip("> ").strip()
                if sentence:
                    assert sentence in corpus, f"docs/zh/{SECTION}/{rel}: not verbatim: {sentence[:40]}…"
                    checked += 1
    assert checked >= 15


def test_english_legal_quotations_are_marked_as_unofficial_translations():
    for rel in PAGES:
        text = read("en", rel)
        zh_quotes = len(re.findall(r"(?:原文|节选).*\n\n>", read("zh", rel)))
        en_quotes = len(re.findall(r"unofficial translation\):\n\n>", text))
        assert zh_quotes == en_quotes, f"{rel}: {zh_quotes} quotations in zh, {en_quotes} marked in en"
        if en_quotes:
            assert "the linked Chinese text is authoritative" in text \
                or "the Chinese text linked from each citation is the authoritative one" in text, rel


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_citation_names_an_article_we_hold(lang, library):
    for rel in PAGES:
        text = body(read(lang, rel))
        for cit in citations.find(text):
            if cit.slug is None:
                continue
            _links, problems = citations.resolve(cit, library, lang)
            assert not problems, f"docs/{lang}/{SECTION}/{rel}: {cit.text}: {problems}"


def test_texts_not_held_are_never_cited_with_an_article_number():
    for lang in ("zh", "en"):
        for rel in PAGES:
            text = read(lang, rel)
            assert not re.search(r"学校保护规定》?第", text), rel
            assert not re.search(r"(?i)school protection[^.\n]*Article \d", text), rel


# --- quizzes ------------------------------------------------------------------------------

@pytest.mark.parametrize("quiz_id", sorted(QUIZ_IDS))
def test_quiz_has_ten_questions_mixed_types_and_bilingual_explanations(quiz_id):
    quiz = load_quiz(quiz_id)
    assert quiz["id"] == quiz_id and quiz["audience"] == QUIZ_IDS[quiz_id]
    qs = quiz["questions"]
    assert len(qs) >= 10
    assert {q["type"] for q in qs} == {"single", "multiple", "truefalse"}
    assert len({q["id"] for q in qs}) == len(qs)
    for q in qs:
        assert q["prompt"]["zh"] and q["prompt"]["en"], q["id"]
        assert q["explanation"]["zh"] and q["explanation"]["en"], q["id"]
        if q["type"] == "truefalse":
            assert isinstance(q["answer"], bool), q["id"]
            continue
        ids = [o["id"] for o in q["options"]]
        assert all(o["zh"] and o["en"] for o in q["options"]), q["id"]
        answer = q["answer"] if isinstance(q["answer"], list) else [q["answer"]]
        assert set(answer) <= set(ids), q["id"]
        assert (q["type"] == "multiple") == isinstance(q["answer"], list), q["id"]


@pytest.mark.parametrize("quiz_id", sorted(QUIZ_IDS))
def test_quiz_citations_resolve(quiz_id, library):
    cites = [q["cite"] for q in load_quiz(quiz_id)["questions"] if "cite" in q]
    assert cites, "a quiz on the law cites the law"
    for cite in cites:
        found = citations.find(cite)
        assert len(found) == 1 and found[0].slug, cite
        assert not citations.resolve(found[0], library)[1], cite


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_quiz_is_placed_on_a_page(lang):
    placed = {m for rel in PAGES for m in re.findall(r"<!-- md:quiz ([\w-]+) -->", read(lang, rel))}
    assert set(QUIZ_IDS) <= placed


# --- the built site -------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "en/"])
def test_built_pages_show_quizzes_and_linked_citations(site_dir, prefix):
    handling = (site_dir / prefix / SECTION / "05-handling" / "index.html").read_text(encoding="utf-8")
    assert "<!-- md:quiz" not in handling
    assert "bullying-teachers" in handling
    assert handling.count('class="md-citation"') >= 20
    assert "minor-protection-law/#article-39" in handling


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_handouts_become_pdfs_in_both_languages(site_dir, prefix):
    pdf_dir = site_dir / prefix / "downloads" / "pdf"
    for rel in HANDOUTS:
        name = f"{SECTION}-{rel[:-3].replace('/', '-')}.pdf"
        assert (pdf_dir / name).is_file(), f"{prefix}downloads/pdf/{name} missing"
