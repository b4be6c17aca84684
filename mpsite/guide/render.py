"""A guide to HTML: the interactive block for the site (``overrides/partials/guide.html``) and the
view of the one-page print flowchart (``overrides/print/flowchart.html``).

The site block is a complete flowchart without JavaScript: every node is shown, each answer is a
link to its target node's anchor. ``guide.js`` turns it into one question at a time.
Texts are Markdown with town settings markers (the caller's ``TextRenderer`` fills them); links to
pages are written as in the site's Markdown (``reporting.md#school-route``) and ``page_href``
turns them into addresses from the page (or the live site, on paper).
"""
from __future__ import annotations

import re
import string
from collections.abc import Callable

import jinja2
from markupsafe import Markup

from .. import citations
from ..quiz.render import TextRenderer, make_env
from .model import Action, Guide, Question

PageHref = Callable[[str], str]

LABELS = {
    "zh": {
        "question": "问题 {n}", "action": "处置 {n}", "yes": "是", "no": "否",
        "steps": "现在就做", "contacts": "联系", "dont": "不要做", "see": "另见",
        "cite": "依据：", "cite_none": "法律没有直接规定：", "back": "上一步", "restart": "重新开始",
        "progress": "第 {n} 步", "end": "到这里就是现在要做的事。", "start_over": "从头再判断一次",
        "flowchart": "判断流程图", "controls": "逐步判断",
        "print_note": "从问题 1 开始：“是”向右，“否”向下；左栏接右栏。", "every_action": "每种情况都要",
        "arrow_yes": "是 →", "arrow_no": "否 ↓", "colon": "：", "list_sep": "；",
    },
    "en": {
        "question": "Question {n}", "action": "Action {n}", "yes": "Yes", "no": "No",
        "steps": "Do now", "contacts": "Contacts", "dont": "Do not", "see": "See also",
        "cite": "Basis: ", "cite_none": "No article applies directly: ", "back": "Back",
        "restart": "Start again", "progress": "Step {n}", "end": "This is what to do now.",
        "start_over": "Start again from the first question",
        "flowchart": "Decision flowchart", "controls": "Step by step",
        "print_note": "Start at question 1: yes goes right, no goes down; the left column runs on into the right.",
        "every_action": "In every case",
        "arrow_yes": "Yes →", "arrow_no": "No ↓", "colon": ": ", "list_sep": "; ",
    },
}

_MD_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|#|/)([^"#]+\.md)(#[^"]*)?"')


def labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


def dom_id(guide: Guide, node_id: str | None = None) -> str:
    """``guide-reporting`` for the block, ``guide-reporting-<node>`` for a node's anchor."""
    return f"guide-{guide.id}" + (f"-{node_id}" if node_id else "")


def numbers(guide: Guide, lang: str) -> dict[str, str]:
    """Each node's short name in reading order: 问题 1, 2 … and 处置 A, B … / Question 1, Action A."""
    t = labels(lang)
    out, q, a = {}, 0, 0
    for node in guide.order():
        if isinstance(node, Question):
            q += 1
            out[node.id] = t["question"].format(n=q)
        else:
            out[node.id] = t["action"].format(n=string.ascii_uppercase[a])
            a += 1
    return out


def page_links(html: str, page_href: PageHref) -> str:
    """Links to ``*.md`` pages in rendered text -> addresses from ``page_href``."""
    return _MD_LINK.sub(lambda m: f'href="{page_href(m.group(1))}{m.group(2) or ""}"', html)


def _cite(node: Question | Action, lang: str, text: TextRenderer) -> dict:
    t = labels(lang)
    if node.cites_none:
        return {"label": t["cite_none"], "html": text.phrase(node.reason.get(lang))}
    # One cite, written in Chinese in the YAML; English pages state it the English way.
    return {"label": t["cite"], "html": node.cite if lang == "zh" else citations.in_english(node.cite)}


def views(guide: Guide, lang: str, text: TextRenderer, page_href: PageHref,
          every_action: bool = True) -> list[dict]:
    """What the templates show of each node, in reading order. ``every_action``: add the guide's
    ``every_action`` steps and don'ts to each action (the site; paper shows them once)."""
    more_steps = guide.every_action.steps if every_action else []
    more_dont = guide.every_action.dont if every_action else []
    names = numbers(guide, lang)
    t = labels(lang)

    def block(value) -> Markup:
        return Markup(page_links(str(text.block(value.get(lang))), page_href))

    def phrase(value) -> Markup:
        return Markup(page_links(str(text.phrase(value.get(lang))), page_href))

    def title_of(node) -> Markup:
        return phrase(node.text if isinstance(node, Question) else node.title)

    out = []
    for node in guide.order():
        view = {"id": node.id, "dom": dom_id(guide, node.id),
                "kind": "question" if isinstance(node, Question) else "action",
                "name": names[node.id], "title": title_of(node), "cite": _cite(node, lang, text)}
        if isinstance(node, Question):
            view["help"] = phrase(node.help) if node.help else None
            view["answers"] = [{"answer": answer, "label": t[answer], "target": target,
                                "dom": dom_id(guide, target), "name": names[target],
                                "title": title_of(guide.node(target))}
                               for answer, target in node.targets()]
        else:
            view.update(steps=[phrase(s) for s in node.steps + more_steps],
                        contacts=[phrase(c) for c in node.contacts],
                        dont=[phrase(d) for d in node.dont + more_dont], see=[phrase(s) for s in node.see])
        out.append(view)
    return out


def guide_html(guide: Guide, lang: str, text: TextRenderer | None = None,
               env: jinja2.Environment | None = None, page_href: PageHref | None = None) -> str:
    """The site block in one language."""
    text = text or TextRenderer()
    env = env or make_env()
    page_href = page_href or (lambda path: path[:-3] + "/")
    html = env.get_template("partials/guide.html").render(
        guide=guide, dom=dom_id(guide), start=dom_id(guide, guide.start), t=labels(lang),
        title=text.phrase(guide.title.get(lang)),
        intro=Markup(page_links(str(text.block(guide.intro.get(lang))), page_href)),
        nodes=views(guide, lang, text, page_href))
    return html.strip()


def every_action(guide: Guide, lang: str, text: TextRenderer, page_href: PageHref) -> dict:
    """The guide's ``every_action`` steps and don'ts, for paper."""
    def phrase(value) -> Markup:
        return Markup(page_links(str(text.phrase(value.get(lang))), page_href))
    return {"steps": [phrase(s) for s in guide.every_action.steps],
            "dont": [phrase(d) for d in guide.every_action.dont]}


def ladder(guide: Guide, nodes: list[dict]) -> dict:
    """The print layout: the spine of questions joined by "no" (down), each row with what "yes"
    leads to (right); a yes that is another question carries its own two branches. The last
    "no" ends the spine. A node reached twice is drawn once and referred to by name after."""
    by_id = {v["id"]: v for v in nodes}
    drawn: set[str] = set()

    def branch(node_id: str) -> dict:
        view = by_id[node_id]
        if node_id in drawn:
            return {"ref": view}
        drawn.add(node_id)
        if view["kind"] == "action":
            return {"node": view}
        return {"node": view, "branches": [{"answer": a, "to": branch(a["target"])} for a in view["answers"]]}

    rows, node_id = [], guide.start
    while True:
        view = by_id[node_id]
        if view["kind"] == "action" or node_id in drawn:
            return {"rows": rows, "end": branch(node_id)}
        drawn.add(node_id)
        yes, no = view["answers"]
        rows.append({"question": view, "yes": yes, "to": branch(yes["target"]), "no": no})
        node_id = no["target"]
