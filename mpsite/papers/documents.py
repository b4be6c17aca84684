"""Exam papers as print documents: each version as a paper (kind ``paper``) and one trainer's
document (kind ``paper-key``) holding, per version, the answer key as a score sheet (question
number, answer, points and a column per participant), then the explanations once.

``provide(edition, ctx)`` is listed in ``mpsite.handouts.extras.PROVIDERS``; the CLI
(``python -m mpsite.papers``) calls ``add_papers`` with the same edition class.
"""
from __future__ import annotations

from pathlib import Path

from .. import citations
from ..errors import AuthorErrors
from ..handouts.engine import content_date
from ..quiz import load_dir
from ..quiz.render import TextRenderer
from . import config as cfg
from .draw import Item, Paper, build

PARTICIPANTS = 8   # columns on a score sheet: what fits A4 portrait beside number, answer, points

WORDS = {
    "zh": {
        "paper_title": "{title}（{letter} 卷）",
        "key_title": "{title}（答案与评分表）",
        "numerals": "一二三四五六七八九",
        "types": {"single": "单项选择题", "multiple": "多项选择题", "truefalse": "判断题"},
        "section": "{num}、{name}（共 {count} 题，每题 {points} 分，共 {total} 分）",
        "rules": {"single": "每题只有一个正确选项，在它前面的方框内打 ✓。",
                  "multiple": "选出所有正确选项，全部选对才得分。",
                  "truefalse": "在“对”或“错”前面的方框内打 ✓。"},
        "instructions": "本卷共 {count} 题，满分 {total} 分，{pass_points} 分及格，答题时间 {minutes} 分钟。",
        "unit": "单位",
        "score_sheet": "{letter} 卷答案与评分表",
        "mark_note": "每位学员一列：在列头写姓名，答对的题记上分值，最后一行合计，达到 {pass_points} 分为及格。",
        "participants": "学员（写姓名）",
        "col_no": "题号", "col_answer": "答案", "col_points": "分值", "sum": "合计",
        "explanations": "解析",
        "where": "{letter} 卷第 {number} 题",
        "answer_in": "{letter} 卷 {answer}",
        "seed": "抽题种子 {seed}：同一配置和种子生成的试卷完全相同。",
        "sep": "；", "join": "",
    },
    "en": {
        "paper_title": "{title} (version {letter})",
        "key_title": "{title} (answer key and score sheet)",
        "numerals": "123456789",
        "types": {"single": "Single choice", "multiple": "Multiple choice", "truefalse": "True or false"},
        "section": "{num}. {name} ({count} questions, {points} points each, {total} points)",
        "rules": {"single": "Each question has one right option: tick its box.",
                  "multiple": "Tick every right option; a question scores only when all are right.",
                  "truefalse": "Tick True or False."},
        "instructions": "{count} questions, {total} points in all; {pass_points} points to pass; "
                        "{minutes} minutes.",
        "unit": "Unit",
        "score_sheet": "Version {letter}: answer key and score sheet",
        "mark_note": "One column per participant: write the name at the top, the points of each "
                     "right answer below, the sum at the bottom; {pass_points} points pass.",
        "participants": "Participants (write the names)",
        "col_no": "No.", "col_answer": "Answer", "col_points": "Points", "sum": "Total",
        "explanations": "Explanations",
        "where": "Version {letter}, question {number}",
        "answer_in": "Version {letter}: {answer}",
        "seed": "Seed {seed}: the same config and seed always give the same paper.",
        "sep": "; ", "join": ", ",
    },
}


def provide(edition, ctx) -> None:
    """Every paper under quizzes/papers/ in the edition's language (extras.PROVIDERS)."""
    add_papers(edition, ctx, cfg.paper_files(ctx.root))


def load_papers(paths: list[Path], quizzes_dir: Path) -> list[Paper]:
    """The papers of these config files, every mistake of every file raised together."""
    quizzes = load_dir(quizzes_dir)
    papers, errors = [], []
    for path in paths:
        try:
            papers.append(build(*cfg.load_config(path), quizzes))
        except AuthorErrors as exc:
            errors += exc.errors
    if errors:
        raise AuthorErrors(errors)
    return papers


def add_papers(edition, ctx, paths: list[Path]) -> list:
    docs = []
    for paper in load_papers(paths, ctx.root / "quizzes"):
        docs += add_paper(edition, ctx, paper)
    return docs


def qr_url(edition, paper: Paper) -> str:
    """The online self-test: the page holding the quiz when the paper draws from one, else the hub."""
    if len(paper.quizzes) == 1 and paper.quizzes[0].id in edition.quiz_pages:
        quiz_id = paper.quizzes[0].id
        return f"{edition.site_url}{edition.quiz_pages[quiz_id]}#quiz-{quiz_id}"
    return edition.page_url("quizzes/index.md")


def add_paper(edition, ctx, paper: Paper) -> list:
    lang, L = ctx.lang, edition.L
    W = WORDS.get(lang, WORDS["en"])
    text = TextRenderer(text_filter=lambda t: ctx.fill(t, lang))
    title = ctx.fill(paper.config.title.get(lang), lang)
    url = qr_url(edition, paper)
    # The sources' paths are as the loaders show them: relative to the working directory.
    sources = [Path(q.source).resolve() for q in paper.quizzes] + [Path(paper.where).resolve()]
    day = max(content_date(None, s, ctx.root, edition.dates) for s in sources)
    first = paper.versions[0].items
    facts = dict(count=len(first), total=paper.total, pass_points=paper.pass_points,
                 minutes=paper.config.minutes)
    common = dict(audience=paper.audience, day=day, url=url, P=W, key=False,
                  qr_codes=[edition.qr(L["scan_quiz"], url)],
                  instructions=W["instructions"].format(**facts))
    docs = []
    for version in paper.versions:
        sections, number = [], 1
        for i, (qtype, items) in enumerate(version.sections):
            points = items[0].points
            sections.append({
                "heading": W["section"].format(num=W["numerals"][i], name=W["types"][qtype], count=len(items),
                                               points=points, total=points * len(items)),
                "rule": W["rules"][qtype], "start": number,
                "questions": [question_view(it, lang, text, L, W) for it in items]})
            number += len(items)
        docs.append(edition.add_document(
            name=f"paper-{paper.name}-{version.letter.lower()}", kind="paper", template="paper.html",
            title=W["paper_title"].format(title=title, letter=version.letter),
            sections=sections, **common))
    docs.append(edition.add_document(
        name=f"paper-{paper.name}-key", kind="paper-key", template="paper_key.html",
        title=W["key_title"].format(title=title), seed=W["seed"].format(seed=paper.config.seed),
        sheets=score_sheets(paper, L, W), explanations=explanations(paper, lang, text, L, W),
        participants=range(1, PARTICIPANTS + 1), total=paper.total,
        mark_note=W["mark_note"].format(pass_points=paper.pass_points), **common))
    return docs


def answer(it: Item, L: dict, W: dict) -> str:
    """The key as printed: letters (A, ACD / A, C, D) or True/False in the paper's words."""
    if it.question.type == "truefalse":
        return L[it.key[0]]
    return W["join"].join(it.key)


def question_view(it: Item, lang: str, text: TextRenderer, L: dict, W: dict) -> dict:
    """What ``_question.html`` prints (the quiz sheets' partial)."""
    q = it.question
    if q.type == "truefalse":
        options = [{"letter": "", "text": L[v], "correct": v in q.correct} for v in ("true", "false")]
    else:
        by_id = {o.id: o for o in q.options}
        options = [{"letter": it.letter(oid), "text": text.phrase(by_id[oid].get(lang)),
                    "correct": oid in q.correct} for oid in it.options]
    return {"prompt": text.phrase(q.prompt.get(lang)), "hint": "", "options": options,
            "answer": answer(it, L, W), "explanation": text.block(q.explanation.get(lang)),
            "cite": _cite(q.cite, lang)}


def score_sheets(paper: Paper, L: dict, W: dict) -> list[dict]:
    sheets = []
    for version in paper.versions:
        rows = [{"number": n, "answer": answer(it, L, W), "points": it.points}
                for n, it in enumerate(version.items, 1)]
        sheets.append({"letter": version.letter, "heading": W["score_sheet"].format(letter=version.letter),
                       "rows": rows})
    return sheets


def explanations(paper: Paper, lang: str, text, L: dict, W: dict) -> list[dict]:
    """Each question once, in the first version's order, with its number and key in every version."""
    places = [{(it.quiz.id, it.question.id): (n, it) for n, it in enumerate(v.items, 1)} for v in paper.versions]
    out = []
    for it in paper.versions[0].items:
        ident = (it.quiz.id, it.question.id)
        where = [W["where"].format(letter=v.letter, number=places[i][ident][0]) for i, v in enumerate(paper.versions)]
        keys = [W["answer_in"].format(letter=v.letter, answer=answer(places[i][ident][1], L, W))
                for i, v in enumerate(paper.versions)]
        q = it.question
        out.append({"where": " · ".join(where), "prompt": text.phrase(q.prompt.get(lang)),
                    "answer": W["sep"].join(keys) if q.type != "truefalse" else answer(it, L, W),
                    "explanation": text.block(q.explanation.get(lang)), "cite": _cite(q.cite, lang)})
    return out


def _cite(cite: str | None, lang: str) -> str:
    """One cite, written in Chinese in the YAML; English papers state it the English way."""
    return "" if not cite else cite if lang == "zh" else citations.in_english(cite)
