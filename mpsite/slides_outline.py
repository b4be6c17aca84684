"""The trainer's outline of a lesson: the session's minutes slide by slide, and what the trainer
does or asks on each, as a print document (``mpsite.handouts.extras`` provider).

The slides are those the browser shows (``mpsite.slides``: one split rule for both); the minutes
come from ``slides.timing`` (front matter ``timing:`` overrides the default share)."""
from __future__ import annotations

from . import slides
from .handouts.engine import content_date, pdf_name

# Lessons get an outline; the policy guides are presented but are not 45-minute sessions.
OUTLINE_SECTIONS = slides.LESSON_SECTIONS
# Who downloads the outline: the person who runs the session.
AUDIENCE = {"parenting": "staff", "anti-bullying": "teachers", "network-safety": "teachers",
            "safety": "teachers"}

WORDS = {
    "zh": {
        "title": "{title}（授课提纲）",
        "lead": "共 {total} 分钟，{n} 页幻灯片。幻灯片就是网页：打开本课页面，点标题旁的“放映”，"
                "方向键或翻页笔翻页，Esc 退出。时间按每页内容的多少分配，可按现场情况调整。",
        "no": "页", "slide": "幻灯片", "minutes": "分钟", "clock": "时间", "do": "讲师做什么、问什么",
        "more": "（续）", "key": "要点：", "sep": "；", "total": "合计",
        "open": "开场：说明本课讲什么、为什么重要，用多长时间。",
        "quiz": "在投影上用演示模式做自测：讲师读题，大家举手选答案，再显示答案、讲解析。答错没关系。",
        "scenario": "读情景（虚构），先问“如果是你，会怎么做？”，请两三人说，再打开讨论提示补充。",
        "example": "读案例（虚构），问“这里发生了什么？该找谁？”，请两三人回答。",
        "table": "逐行讲表格，请一位学员举一个身边的例子。",
        "steps": "按顺序讲每一步，讲完请一位学员复述。",
        "points": "讲这 {n} 条，每条举一个例子；问：“哪一条在家里（学校里）最难做到？”",
        "point": "讲这一条，举一个例子；问：“在家里（学校里）做得到吗？”",
        "talk": "讲解本页，留一分钟回答提问。",
    },
    "en": {
        "title": "{title} (trainer's outline)",
        "lead": "{total} minutes, {n} slides. The slides are the web page: open the lesson, press "
                "Present next to its title, move with the arrow keys or a clicker, leave with Esc. "
                "The minutes are shared by how much each slide holds; adjust them to the room.",
        "no": "Slide", "slide": "Title", "minutes": "Min.", "clock": "Time", "do": "What the trainer does and asks",
        "more": " (continued)", "key": "Key points: ", "sep": "; ", "total": "Total",
        "open": "Opening: say what the session is about, why it matters and how long it takes.",
        "quiz": "Run the quiz in presentation mode: read each question, hands up for an answer, then "
                "show the answer and explain it. Wrong answers are fine.",
        "scenario": "Read the (fictional) scenario; ask \"What would you do?\", hear two or three "
                    "people, then open the discussion prompts.",
        "example": "Read the (fictional) case; ask \"What is happening here? Who should be told?\"",
        "table": "Go through the table row by row; ask someone for an example from their own life.",
        "steps": "Take the steps in order; ask someone to say them back.",
        "points": "Cover the {n} points with an example each; ask \"Which one is hardest to do?\"",
        "point": "Cover the point with an example; ask \"Is it easy to do at home (at school)?\"",
        "talk": "Explain the slide; leave a minute for questions.",
    },
}


def wanted(rel_path: str) -> bool:
    return rel_path.split("/")[0] in OUTLINE_SECTIONS


def what_to_do(slide: slides.Slide, lang: str) -> str:
    """The trainer's part on a slide, from what the slide holds."""
    w = WORDS.get(lang, WORDS["en"])
    if slide.quiz:
        return w["quiz"]
    if slide.kind == "title":
        return w["open"]
    if slide.has(lambda n: n.tag == "details"):
        return w["scenario"]
    if slide.has(lambda n: n.has_class("example")):
        return w["example"]
    if slide.has(lambda n: n.tag in ("table", "tr")):
        return w["table"]
    if any(n.tag == "ol" for n in slide.items):
        return w["steps"]
    points = sum(1 if n.tag == "li" else len([c for c in n.children if isinstance(c, slides.Node) and c.tag == "li"])
                 for n in slide.content if n.tag in ("ul", "li"))
    if not points:
        return w["talk"]
    return w["points"].format(n=points) if points > 1 else w["point"]


def key_points(slide: slides.Slide, limit: int = 3) -> list[str]:
    """The slide's first bold phrases: what the trainer must not leave out."""
    found: list[str] = []
    for node in slide.content:
        if node.has_class("mp-quiz"):
            continue
        for d in [node, *slides._walk(node)]:
            if d.tag == "strong":
                text = " ".join(d.text().split()).rstrip("。.，,；;：:")
                if text and text not in found:
                    found.append(text)
    return found[:limit]


def rows(deck: slides.Deck, lang: str) -> list[dict]:
    """One row per slide: number, title, minutes, clock, what to do."""
    w = WORDS.get(lang, WORDS["en"])
    timed = slides.timing(deck.slides, deck.meta.get("timing"), deck.where)
    result, clock = [], 0
    for n, item in enumerate(timed, 1):
        s = item.slide
        title = s.title + (w["more"] if s.kind == "more" else "")
        points = key_points(s)
        result.append({
            "n": n, "title": title, "minutes": item.minutes,
            "clock": f"{clock}–{clock + item.minutes}",
            "do": what_to_do(s, lang), "note": item.note,
            "points": (w["key"] + w["sep"].join(points)) if points else "",
        })
        clock += item.minutes
    return result


def provide(edition, ctx) -> None:
    """One outline per lesson of the language being built."""
    w = WORDS.get(ctx.lang, WORDS["en"])
    for rel, deck in sorted(slides.DECKS.get(ctx.lang, {}).items()):
        if not wanted(rel):
            continue
        table = rows(deck, ctx.lang)   # its timing: was checked when the page was built
        total = sum(r["minutes"] for r in table)
        url = edition.page_url(rel)
        day = content_date(deck.meta.get("date"), ctx.root / deck.where, ctx.root, edition.dates)
        edition.add_document(
            name=f"outline-{pdf_name(rel)}", kind="outline", template="outline.html",
            title=w["title"].format(title=deck.title), audience=AUDIENCE.get(rel.split("/")[0]),
            day=day, url=url, rows=table, W=w, total=total,
            lead=w["lead"].format(total=total, n=len(table)),
            qr_codes=[edition.qr(edition.L["scan_page"], url)])
