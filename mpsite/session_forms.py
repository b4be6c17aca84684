"""Session forms for the parent-school lessons: a sign-in sheet and an anonymous feedback form
per lesson, as print documents (``provide``, listed in ``handouts.extras.PROVIDERS``), and the
table of links to them in the trainers' handbook (``<!-- md:session-forms -->``, ``links_markdown``).

The lessons are read from the docs tree: ``parenting/NN-slug.md`` pages that are not printable
twins (``handout: true`` marks the handouts and the care-entrustment form). A new lesson gets its
forms with no change here. No MkDocs import.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import AuthorError, AuthorErrors
from .handouts.engine import PDF_FOLDER, content_date, pdf_name, relative_href

SECTION = "parenting"
KINDS = ("signin", "feedback")          # the PDF name's suffix; the print template's name
SIGNIN_ROWS = 20
_LESSON_FILE = re.compile(r"^(\d\d)-[a-z0-9-]+\.md$")
_H1 = re.compile(r"^#\s+(.+?)\s*(?:\{[^}]*\})?\s*$", re.M)

# The forms' own words. The privacy note is the site's advice: no held law governs a paper
# sign-in sheet of adults (Article 72 of the Minor Protection Law is about minors' data online).
WORDS = {
    "zh": {
        "signin": "签到表", "feedback": "反馈表",
        "session": "上课日期", "place": "地点", "trainer": "讲师",
        "columns": ("序号", "姓名", "与孩子的关系", "联系电话", "签名"),
        "privacy_title": "关于这张表",
        "privacy": ("留电话只是为了课程改期或补课时通知您，不用于别的事。"
                    "这张表由举办这次家长学校的单位保管：不拍照，不发到微信群等聊天群，"
                    "本学期结束后销毁。不愿留电话的，可以空着。"),
        "anonymous": "不用写名字。请在方框里打“✓”，每题选一项。写完交给讲师，谢谢！",
        "ticks": [
            ("这节课的内容对您有用吗？", ("很有用", "有一些用", "用处不大")),
            ("讲师讲的，您听得懂吗？", ("都听懂了", "大部分听懂了", "很多没听懂")),
            ("今晚回家，您会试着做课上说的一件事吗？", ("会", "可能会", "不会")),
            ("45 分钟的时长合适吗？", ("合适", "太长", "太短")),
            ("您还想参加下一次家长课吗？", ("想", "看情况", "不想")),
        ],
        "open": ["这节课里，对您最有用的是哪一点？", "您希望下次讲什么？对这节课有什么建议？"],
    },
    "en": {
        "signin": "sign-in sheet", "feedback": "feedback form",
        "session": "Session date", "place": "Place", "trainer": "Trainer",
        "columns": ("No.", "Name", "Relation to the child", "Phone", "Signature"),
        "privacy_title": "About this sheet",
        "privacy": ("We ask for a phone number only to tell you if a session moves or is repeated, "
                    "for nothing else. The unit running this parent school keeps the sheet: it is "
                    "not photographed, not posted in WeChat or other chat groups, and it is "
                    "destroyed at the end of the term. You may leave the phone number blank."),
        "anonymous": "Do not write your name. Tick one box for each question, then hand the "
                     "form to the trainer. Thank you!",
        "ticks": [
            ("Was this session useful to you?", ("Very useful", "Somewhat", "Not much")),
            ("Could you follow what the trainer said?", ("All of it", "Most of it", "Much of it was unclear")),
            ("Will you try one of the things from this session at home tonight?", ("Yes", "Maybe", "No")),
            ("Was 45 minutes the right length?", ("Right", "Too long", "Too short")),
            ("Would you come to another parent-school session?", ("Yes", "It depends", "No")),
        ],
        "open": ["What was the most useful point of this session for you?",
                 "What would you like the next session to be about? Any suggestions?"],
    },
}


@dataclass(frozen=True)
class Lesson:
    rel: str          # path inside the language folder: parenting/01-parenting-by-law.md
    number: int
    title: str        # the page's H1 in this language
    source: Path


def _front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    head = text[4:].split("\n---\n", 1)[0]
    try:
        data = yaml.safe_load(head)
    except yaml.YAMLError:
        return {}  # the page itself stops the build with MkDocs' own message
    return data if isinstance(data, dict) else {}


def lessons(docs: Path, lang: str) -> list[Lesson]:
    """The parent-school lessons in one language, in course order."""
    found, errors = [], []
    for path in sorted((docs / lang / SECTION).glob("[0-9][0-9]-*.md")):
        match = _LESSON_FILE.match(path.name)
        text = path.read_text(encoding="utf-8")
        if not match or _front_matter(text).get("handout"):
            continue
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        heading = _H1.search(body)
        if not heading:
            errors.append(AuthorError(f"docs/{lang}/{SECTION}/{path.name}", "the lesson has no title",
                                      expected="a first-level heading '# ...' under the front matter"))
            continue
        found.append(Lesson(rel=f"{SECTION}/{path.name}", number=int(match.group(1)),
                            title=heading.group(1), source=path))
    if errors:
        raise AuthorErrors(errors)
    return found


def form_name(lesson: Lesson, kind: str) -> str:
    """``parenting-01-parenting-by-law-signin``: the PDF's name, the same in both languages."""
    return f"{pdf_name(lesson.rel)}-{kind}"


def form_title(lesson_title: str, kind: str, lang: str) -> str:
    word = WORDS[lang][kind]
    return f"{lesson_title}（{word}）" if lang == "zh" else f"{lesson_title} ({word})"


def provide(edition, ctx) -> None:
    """Both forms of every lesson, in the language being built (handouts.extras provider)."""
    words = WORDS["zh" if ctx.lang == "zh" else "en"]
    for lesson in lessons(ctx.root / "docs", ctx.lang):
        title = ctx.fill(lesson.title, ctx.lang)
        url = edition.page_url(lesson.rel)
        day = content_date(None, lesson.source, ctx.root, edition.dates)
        for kind in KINDS:
            edition.add_document(
                name=form_name(lesson, kind), kind="form", template=f"{kind}.html",
                title=form_title(title, kind, ctx.lang), audience="parents", day=day, url=url,
                F=words, rows=SIGNIN_ROWS,
                qr_codes=[edition.qr(edition.L["scan_page"], url)])


def links_markdown(docs: Path, lang: str, page_rel: str, page_url: str,
                   default_lang: str = "zh") -> str:
    """The trainers' handbook table: each lesson (a Markdown link from the page's source
    ``page_rel``) with links to its two forms' PDFs. A PDF is not a file MkDocs knows, so those
    are HTML links relative to ``page_url`` as MkDocs gives it (directory or ``.html`` URLs)."""
    words = WORDS["zh" if lang == "zh" else "en"]
    prefix = "" if lang == default_lang else f"{lang}/"
    head = ("| 课 | 签到表 | 反馈表 |" if lang == "zh" else "| Lesson | Sign-in sheet | Feedback form |")
    rows = [head, "| --- | --- | --- |"]
    for lesson in lessons(docs, lang):
        page = posixpath.relpath(lesson.rel, posixpath.dirname(page_rel) or ".")
        title = lesson.title.replace("|", r"\|").replace("[", r"\[").replace("]", r"\]")
        cells = [f"[{title}]({page})"]
        for kind in KINDS:
            href = relative_href(page_url, f"{prefix}{PDF_FOLDER}/{form_name(lesson, kind)}.pdf")
            label = words[kind] if lang == "zh" else words[kind].capitalize()
            cells.append(f'<a href="{href}" type="application/pdf">{label} PDF</a>')
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
