"""Exam papers (mpsite.papers): versions, keys, determinism, author errors and one PDF set."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from mpsite.errors import AuthorErrors
from mpsite.handouts.labels import labels
from mpsite.papers import build, load_config, load_papers, paper_files
from mpsite.papers import documents
from mpsite.papers.__main__ import main
from mpsite.quiz import load_dir
from mpsite.quiz.render import TextRenderer

ROOT = Path(__file__).resolve().parent.parent
QUIZZES = ROOT / "quizzes"
EXAMPLES = ["parents-basic", "teachers-bullying"]


@pytest.fixture(scope="module")
def papers():
    found = {p.name: p for p in load_papers(paper_files(ROOT), QUIZZES)}
    assert sorted(found) == EXAMPLES
    return found


def _questions(version):
    return {(it.quiz.id, it.question.id): set(it.options) for it in version.items}


@pytest.mark.parametrize("name", EXAMPLES)
def test_versions_hold_the_same_questions_in_another_order(papers, name):
    paper = papers[name]
    a, b = paper.versions
    assert (a.letter, b.letter) == ("A", "B")
    assert _questions(a) == _questions(b)       # the same questions, each with all its options
    counts = paper.config.questions
    assert len(a.items) == counts.single + counts.multiple + counts.truefalse
    assert [it.question.type for it in a.items] == [it.question.type for it in b.items]  # sections by type
    assert [(it.quiz.id, it.question.id) for it in a.items] != [(it.quiz.id, it.question.id) for it in b.items]
    assert [it.options for it in a.items] != [it.options for it in b.items]
    assert paper.total == 100


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_each_key_matches_its_version(papers, name, lang):
    """Read each version as printed (letters and option texts) and its score sheet's answers, and
    map them back to the quiz files' correct answers."""
    paper, L = papers[name], labels(lang)
    words = documents.WORDS[lang]
    text = TextRenderer()
    sheets = documents.score_sheets(paper, L, words)
    for version, sheet in zip(paper.versions, sheets):
        assert sheet["letter"] == version.letter
        assert len(sheet["rows"]) == len(version.items)
        for number, (it, row) in enumerate(zip(version.items, sheet["rows"]), 1):
            assert row["number"] == number
            q = it.question
            printed = documents.question_view(it, lang, text, L, words)["options"]
            if q.type == "truefalse":
                assert row["answer"] == L["true" if q.answer else "false"]
                continue
            by_text = {str(text.phrase(o.get(lang))): o.id for o in q.options}
            by_letter = {o["letter"]: by_text[str(o["text"])] for o in printed}
            assert [o["letter"] for o in printed] == [chr(ord("A") + i) for i in range(len(q.options))]
            letters = row["answer"].replace(",", "").split() if lang == "en" else list(row["answer"])
            assert {by_letter[x] for x in letters} == set(q.correct), (version.letter, number)
            assert row["points"] == getattr(paper.config.points, q.type)


def _layout(seed: int | None = None):
    config, data, where, name = load_config(ROOT / "quizzes/papers/parents-basic.yml")
    if seed is not None:
        config = config.model_copy(update={"seed": seed})
    paper = build(config, data, where, name, load_dir(QUIZZES))
    return [v.layout() for v in paper.versions]


def test_the_same_seed_gives_the_same_paper_and_another_seed_another():
    assert _layout() == _layout()
    other = _layout(seed=2027)
    assert other != _layout()
    assert other[0] != _layout()[0]   # version A itself is drawn and ordered differently
    # Nothing depends on Python's per-process string hashing: two processes agree.
    code = ("from pathlib import Path; from mpsite.papers import load_papers, paper_files; "
            "print([v.layout() for p in load_papers(paper_files(Path('.')), Path('quizzes')) for v in p.versions])")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] and runs[0].strip()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad-paper.yml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """title: {zh: 测试, en: Test}
draw:
  quizzes: [bullying-teachers, bullying-cases]
questions: {single: 2, multiple: 6, truefalse: 1}
seed: 1
minutes: 20
pass_mark: 60
"""


def _errors(path: Path) -> list[str]:
    with pytest.raises(AuthorErrors) as info:
        load_papers([path], QUIZZES)
    return [str(e) for e in info.value.errors]


def test_more_questions_than_the_bank_holds_says_how_many(tmp_path):
    path = _write(tmp_path, GOOD)
    (message,) = _errors(path)
    assert f"{path.name}:4: paper bad-paper, questions.multiple: asks for 6 multiple questions, " \
           "the bank holds 5" in message
    assert "(expected: at most 5 multiple questions from bullying-cases, bullying-teachers" in message


def test_unknown_quiz_id_and_missing_translation_are_named(tmp_path):
    path = _write(tmp_path, GOOD.replace("en: Test", "").replace("bullying-cases]", "bullying-case]")
                  .replace("multiple: 6", "multiple: 1"))
    messages = _errors(path)
    assert any(":1: paper bad-paper, title.en: missing translation 'en' of title "
               "(expected: both zh: and en: texts)" in m for m in messages), messages
    path = _write(tmp_path, GOOD.replace("bullying-cases]", "bullying-case]").replace("multiple: 6", "multiple: 1"))
    (message,) = _errors(path)
    assert ":3: paper bad-paper, draw.quizzes.1: unknown quiz id 'bullying-case'" in message
    assert "bullying-cases" in message.split("expected:")[1]


def test_cli_stops_with_the_message_and_no_traceback(tmp_path):
    path = _write(tmp_path, GOOD)
    run = subprocess.run([sys.executable, "-m", "mpsite.papers", str(path), "--out", str(tmp_path / "out")],
                         cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 1
    assert "asks for 6 multiple questions, the bank holds 5" in run.stderr
    assert "Traceback" not in run.stderr
    assert not list((tmp_path / "out").glob("*.pdf"))


def _plain(text: str) -> str:
    return "".join(text.split())


def test_rendered_papers_show_the_town_and_their_first_question(tmp_path, papers):
    """The real path (make paper): one paper in Chinese, three PDFs."""
    out = tmp_path / "papers"
    assert main([str(ROOT / "quizzes/papers/parents-basic.yml"), "--lang", "zh", "--out", str(out),
                 "--cache", str(tmp_path / "cache")]) == 0
    files = sorted(p.name for p in out.glob("*.pdf"))
    assert files == ["paper-parents-basic-a.zh.pdf", "paper-parents-basic-b.zh.pdf", "paper-parents-basic-key.zh.pdf"]
    paper = papers["parents-basic"]
    for version in paper.versions:
        reader = pypdf.PdfReader(out / f"paper-parents-basic-{version.letter.lower()}.zh.pdf")
        first_page = _plain(reader.pages[0].extract_text())
        assert "XX镇" in first_page
        assert f"（{version.letter}卷）" in first_page
        assert _plain(version.items[0].question.prompt.zh) in first_page
    key = _plain("".join(p.extract_text() for p in pypdf.PdfReader(out / "paper-parents-basic-key.zh.pdf").pages))
    assert "A卷答案与评分表" in key and "B卷答案与评分表" in key
    # The QR code opens the quiz hub (the paper draws from ten quizzes).
    import pypdfium2
    import zxingcpp
    image = pypdfium2.PdfDocument(out / "paper-parents-basic-a.zh.pdf")[0].render(scale=3).to_pil()
    assert {b.text for b in zxingcpp.read_barcodes(image)} == {"https://training.example.org/quizzes/"}


def test_provide_adds_two_versions_and_a_key_per_paper_with_one_quiz_linked_to_its_page(tmp_path):
    from mpsite import settings
    from mpsite.handouts.engine import Edition
    from mpsite.handouts.extras import PROVIDERS, Context
    from mpsite.papers.__main__ import site_settings

    assert "mpsite.papers:provide" in PROVIDERS
    extra = site_settings(ROOT)["extra"]
    edition = Edition(lang="en", root=ROOT, templates=ROOT / "overrides/print", cache_dir=tmp_path,
                      site_url="https://x.example/", site_name="S", town="XX Town", font_fingerprint="-")
    edition.note_quiz("bullying-cases", "bullying/cases.md")
    ctx = Context(root=ROOT, lang="en", extra=extra,
                  fill=lambda text, lang: settings.apply(text, extra, lang, "quizzes/"))
    one = _write(tmp_path, GOOD.replace("bullying-teachers, ", "").replace("multiple: 6", "multiple: 1"))
    docs = documents.add_papers(edition, ctx, paper_files(ROOT) + [one])
    assert [(d.name, d.kind) for d in docs][-3:] == [
        ("paper-bad-paper-a", "paper"), ("paper-bad-paper-b", "paper"), ("paper-bad-paper-key", "paper-key")]
    assert len(docs) == 9
    assert {d.audiences for d in docs[:3]} == {("parents",)}
    assert docs[-1].audiences == ("teachers",)          # the audience of the one quiz drawn from
    assert "mp-qr:https://x.example/en/bullying/cases/#quiz-bullying-cases" in docs[-3].html
    assert "mp-qr:https://x.example/en/quizzes/" in docs[0].html
