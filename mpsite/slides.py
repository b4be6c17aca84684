"""Lessons as slides: which pages are presented, where their slides begin, and the timing of a
session slide by slide.

The split rule lives here only. ``marks`` names the element that begins each slide of a page
(``mpsite.slides_markdown`` puts ``data-slide`` on it while Markdown still holds the page as a
tree); slides.js cuts the page at those elements, and the trainer's outline
(``mpsite.slides_outline``) lists the same ``Slide`` objects with their minutes.

A slide is: the title (H1 and what stands before the first H2, such as the summary admonition),
then one slide per H2 section. A section too long for one screen is cut at its H3s; a part still
too long is cut between its blocks. Length is estimated in screen lines at the slide type size
(``LINE_CHARS`` Chinese characters, twice as many Latin ones, to a line); slides.js shrinks the
type of a slide the estimate got wrong, so nothing is ever cut off.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .errors import AuthorError

# Sections whose numbered pages are lessons or guide pages. New sections are added here once.
LESSON_SECTIONS = ("parenting", "anti-bullying", "network-safety", "safety")
# policy/: every practice guide, but not these reference pages (nor laws/, units/, index pages).
POLICY_REFERENCE = ("plan", "matrix", "self-test")
NOT_PRESENTED_SUFFIXES = ("-handout", "-form")
# H2 sections that are the trainer's own notes: in the outline, never on the projector.
TRAINER_ONLY = ("trainer-script",)

LINE_CHARS = 40        # Chinese characters in one line of slide type at 1280 px
LIMIT = 11.0           # screen lines a slide may hold
QUIZ_LINES = 5.0       # a quiz on a slide is only its title and a button that starts it
DEFAULT_MINUTES = 45
QUIZ_MINUTES = 5
TITLE_MINUTES = 2

# The words of the Present button and the slide view (slides.js reads them from the page).
LABELS = {
    "zh": {"present": "放映", "present_title": "全屏放映本页，一节一页（方向键翻页，Esc 退出）",
           "exit": "退出放映", "prev": "上一页", "next": "下一页", "dialog": "放映：{title}",
           "counter": "{n} / {total}", "announce": "第 {n} 页，共 {total} 页：{title}",
           "more": "（续）", "quiz_start": "开始自测（演示模式）",
           "quiz_note": "自测题一题一屏：空格显示答案，Esc 回到这一页。"},
    "en": {"present": "Present", "present_title": "Show this page full screen, one section a slide "
           "(arrow keys to move, Esc to leave)",
           "exit": "Exit presentation", "prev": "Previous", "next": "Next", "dialog": "Presenting: {title}",
           "counter": "{n} / {total}", "announce": "Slide {n} of {total}: {title}",
           "more": " (continued)", "quiz_start": "Start the quiz (presentation mode)",
           "quiz_note": "One question a screen: Space shows the answer, Esc comes back here."},
}

_NUMBERED = re.compile(r"^\d{2}-")
_INLINE = frozenset("a abbr b br code del em i img input ins kbd label mark q s small span strong "
                    "sub sup svg path time u wbr".split())
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HEADING = re.compile(r"^h([1-6])$")


def presentable(rel_path: str, meta: dict | None) -> bool:
    """Whether a page (path inside its language folder) gets the Present button. Front matter
    ``present: true|false`` decides first; otherwise the page's section does."""
    meta = meta or {}
    if isinstance(meta.get("present"), bool):
        return meta["present"]
    parts = rel_path.split("/")
    name = parts[-1].removesuffix(".md")
    if name == "index" or name.endswith(NOT_PRESENTED_SUFFIXES) or "templates" in parts:
        return False
    if parts[0] in LESSON_SECTIONS:
        return len(parts) == 2 and bool(_NUMBERED.match(name))
    if parts[0] == "policy":
        return not (len(parts) > 2 and parts[1] in ("laws", "units")) and name not in POLICY_REFERENCE
    return False


# -- a light tree of a page's elements --------------------------------------------------------
@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict
    children: list = field(default_factory=list)   # Node | str
    source: object = None     # where it came from, for marking (mpsite.slides_markdown)

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else ("" if c.has_class("headerlink") else c.text())
                       for c in self.children)


class _Parser(HTMLParser):
    """Nodes of an HTML text; each node's ``source`` is the offset just after its start tag."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.root = Node("root", {})
        self.stack = [self.root]

    def _node(self, tag, attrs) -> Node:
        line, col = self.getpos()
        end = self.line_starts[line - 1] + col + len(self.get_starttag_text())
        node = Node(tag, {k: v or "" for k, v in attrs}, source=end)
        self.stack[-1].children.append(node)
        return node

    def handle_starttag(self, tag, attrs):
        node = self._node(tag, attrs)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self._node(tag, attrs)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):   # tolerate a missing end tag
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def blocks(html: str) -> list[Node]:
    """The top-level elements of an HTML text, in order."""
    parser = _Parser(html)
    parser.feed(html)
    parser.close()
    return [c for c in parser.root.children if isinstance(c, Node)]


# -- length in screen lines ----------------------------------------------------------------------
_WIDE = re.compile("[\u2e81-\U0010ffff]")


def _width(text: str) -> float:
    """Text width in Chinese characters: a Latin character counts half."""
    text = " ".join(text.split())
    return 0.5 * (len(text) + len(_WIDE.findall(text)))


def _text_lines(text: str, chars: float) -> float:
    width = _width(text)
    return math.ceil(width / max(chars, 4)) if width else 0.0


def lines(node: Node, chars: float = LINE_CHARS) -> float:
    """Estimated height of an element in lines of slide type ``chars`` characters wide."""
    tag = node.tag
    if node.has_class("mp-quiz"):
        return QUIZ_LINES
    if _HEADING.match(tag):
        return 1.6 * _text_lines(node.text(), chars / 1.3)
    if tag == "details":
        summary = next((c for c in node.children if isinstance(c, Node) and c.tag == "summary"), None)
        return 1.4 + (_text_lines(summary.text(), chars) - 1 if summary else 0)
    if tag == "table":
        rows = [n for n in _walk(node) if n.tag == "tr"]
        cells = max((len([c for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")])
                     for r in rows), default=1)
        # Table type is smaller (0.85em), so a cell holds a little more.
        per_cell = chars / 0.85 / max(cells, 1) - 1
        return 0.4 + sum(max((max(1.0, _text_lines(c.text(), per_cell)) * 0.85 + 0.35
                              for c in r.children if isinstance(c, Node)), default=1.0) for r in rows)
    inner = chars - 2 if tag in ("ul", "ol", "blockquote") or node.has_class("admonition") else chars
    total, run = 0.0, ""
    for child in node.children:
        if isinstance(child, str) or child.tag in _INLINE:
            run += child if isinstance(child, str) else child.text()
            continue
        total += _text_lines(run, inner)
        run = ""
        total += lines(child, inner)
    total += _text_lines(run, inner)
    if tag in ("p", "li", "dd", "dt"):
        total += 0.3 if tag == "p" else 0.15
    if node.has_class("admonition"):
        total += 0.8
    return total


def _walk(node: Node):
    for child in node.children:
        if isinstance(child, Node):
            yield child
            yield from _walk(child)


# -- the split -----------------------------------------------------------------------------------
@dataclass
class Slide:
    kind: str                 # title | h2 | h3 | more
    title: str                # the heading it starts with (a "more" slide: its section's)
    anchor: str               # id of that heading
    section: str              # the H2 section's id ("" for the title slide)
    first: int                # index of its first top-level element
    items: list[Node] = field(default_factory=list)
    weight: float = 0.0
    mark: Node | None = None  # the element data-slide goes on (a top-level one, or a list item or row)
    content: list[Node] = field(default_factory=list)   # what it shows: elements, items, rows

    @property
    def quiz(self) -> bool:
        return any(n.has_class("mp-quiz") or any(d.has_class("mp-quiz") for d in _walk(n))
                   for n in self.items)

    def has(self, predicate) -> bool:
        return any(predicate(n) or any(predicate(d) for d in _walk(n)) for n in self.content)


def _skipped(node: Node) -> bool:
    """Page furniture, not lesson content."""
    return node.has_class("read-aloud") or node.has_class("handout-download")


def _level(node: Node) -> int:
    match = _HEADING.match(node.tag)
    return int(match.group(1)) if match else 0


def _heading(node: Node) -> str:
    return " ".join(node.text().split())


def split(page: str | list[Node]) -> list[Slide]:
    """The page's slides, in order (trainer-only sections left out); ``page``: its HTML, or its
    top-level elements as ``blocks`` or ``mpsite.slides_markdown`` make them."""
    nodes = blocks(page) if isinstance(page, str) else page
    slides: list[Slide] = []
    sections: list[list[int]] = [[]]          # indexes: the title part, then one list per H2
    for i, node in enumerate(nodes):
        if _level(node) == 2:
            sections.append([])
        sections[-1].append(i)
    for n, indexes in enumerate(sections):
        indexes = [i for i in indexes if not _skipped(nodes[i])]
        if not indexes:
            continue
        head = nodes[indexes[0]]
        if n and head.attrs.get("id") in TRAINER_ONLY:
            continue
        section = head.attrs.get("id", "") if n else ""
        slides.extend(_section_slides(nodes, indexes, section, "h2" if n else "title"))
    return slides


def _section_slides(nodes, indexes, section, kind) -> list[Slide]:
    """One section as slides: whole if it fits, else cut at H3s, then between blocks, then
    between the items of a list or the rows of a table too long for one slide."""
    weights = {i: lines(nodes[i]) for i in indexes}
    if sum(weights.values()) <= LIMIT:
        parts = [indexes]
    else:
        parts = [[]]
        for i in indexes:
            if _level(nodes[i]) == 3 and parts[-1]:
                parts.append([])
            parts[-1].append(i)
        # The section's heading with no or little lead-in shares the first H3's slide.
        if len(parts) > 1 and (sum(weights[i] for i in parts[0] + parts[1]) <= LIMIT
                               or all(_level(nodes[i]) for i in parts[0])):
            parts[0:2] = [parts[0] + parts[1]]
    slides: list[Slide] = []
    title = ""
    for part in parts:
        chunk: list[_Piece] = []
        for piece in (p for i in part for p in _pieces(nodes, i, weights[i])):
            alone = all(p.heading for p in chunk)   # a heading never ends a slide
            if chunk and not alone and sum(p.weight for p in chunk) + piece.weight > LIMIT:
                slides.append(_slide(nodes, chunk, section, title, kind if not slides else None))
                chunk = []
            chunk.append(piece)
            if piece.heading:
                title = _heading(piece.node)
        slides.append(_slide(nodes, chunk, section, title, kind if not slides else None))
    return slides


@dataclass
class _Piece:
    index: int                # the top-level element it belongs to
    node: Node                # where a slide beginning here is marked: the element or its item
    weight: float
    heading: bool = False
    content: Node | None = None   # what it shows: the element, or one list item or table row


def _pieces(nodes, i, weight) -> list[_Piece]:
    """A top-level element as the pieces a slide may begin at: itself, or, when it is a list or
    a table longer than a slide, its items (a table's header row goes with every part)."""
    node = nodes[i]
    if weight <= LIMIT or node.tag not in ("ul", "ol", "table"):
        return [_Piece(i, node, weight, heading=_level(node) > 0, content=node)]
    if node.tag == "table":
        body = next((c for c in node.children if isinstance(c, Node) and c.tag == "tbody"), node)
        items = [c for c in body.children if isinstance(c, Node) and c.tag == "tr"]
        sizes = [_row_lines(r) for r in items]
        head = weight - sum(sizes)
        sizes[0] += head
    else:
        items = [c for c in node.children if isinstance(c, Node) and c.tag == "li"]
        sizes = [lines(li, LINE_CHARS - 2) for li in items]
    if not items:
        return [_Piece(i, node, weight, content=node)]
    pieces = [_Piece(i, li, size, content=li) for li, size in zip(items, sizes)]
    pieces[0].node = node
    return pieces


def _row_lines(row: Node) -> float:
    return lines(Node("table", {}, [row]), LINE_CHARS) - 0.4


def _slide(nodes, chunk, section, last_title, kind) -> Slide:
    """A slide of pieces; one that begins without a heading continues the last heading's."""
    first = chunk[0].node
    level = _level(first)
    if kind is None:
        kind = "h3" if level == 3 else "more"
    title = _heading(first) if level else last_title
    anchor = first.attrs.get("id", "") if level else section
    items = list(dict.fromkeys(nodes[p.index] for p in chunk))
    return Slide(kind=kind, title=title, anchor=anchor, section=section, first=chunk[0].index,
                 items=items, weight=sum(p.weight for p in chunk), mark=first,
                 content=[p.content for p in chunk])


def marks(nodes: list[Node], deck: list[Slide]) -> list[tuple[Node, str]]:
    """Where ``data-slide`` goes: ``(element, "<kind>")`` for each slide's first element, and
    ``(heading, "skip")`` for a trainer-only section (slides.js leaves it out)."""
    found = [(s.mark, s.kind) for s in deck]
    found += [(node, "skip") for node in nodes
              if _level(node) == 2 and node.attrs.get("id") in TRAINER_ONLY]
    return found


# -- timing for the trainer's outline ------------------------------------------------------------
@dataclass
class Timed:
    slide: Slide
    minutes: int
    note: str = ""


def timing(slides: list[Slide], spec, where: str) -> list[Timed]:
    """Minutes per slide, summing to the session's length.

    Default: 45 minutes; the title slide 2, a quiz slide 5, the rest shared by length. Front
    matter ``timing:`` overrides: ``total: 40`` and, per H2 id (``title`` for the title slide),
    minutes or ``{minutes: 10, note: "..."}``; a section's minutes are shared by its slides."""
    spec = {} if spec is None else spec
    if not isinstance(spec, dict):
        raise AuthorError(where, "timing: must be a mapping",
                          expected="timing: {total: 45, <section id>: <minutes>, ...}")
    ids = {s.section or "title" for s in slides}
    total = spec.get("total", DEFAULT_MINUTES)
    if not isinstance(total, int) or isinstance(total, bool) or not 1 <= total <= 240:
        raise AuthorError(where, f"timing: total {total!r} is not a session length in minutes",
                          expected="a whole number of minutes, such as 45")
    fixed: dict[str, int] = {}
    notes: dict[str, str] = {}
    for key, value in spec.items():
        if key == "total":
            continue
        if key not in ids:
            raise AuthorError(where, f"timing: no slide section has the id {key!r}",
                              expected="one of " + ", ".join(sorted(ids)))
        minutes = value.get("minutes") if isinstance(value, dict) else value
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes < 0:
            raise AuthorError(where, f"timing: {key}: {value!r} is not a number of minutes",
                              expected="a whole number, or {minutes: 10, note: ...}")
        fixed[key] = minutes
        if isinstance(value, dict) and value.get("note"):
            notes[key] = str(value["note"])
    for s in slides:   # defaults that are not shared by length
        key = s.section or "title"
        if key not in fixed and (s.kind == "title" or s.quiz) and not _section_has_others(slides, s):
            fixed[key] = TITLE_MINUTES if s.kind == "title" else QUIZ_MINUTES
    left = total - sum(fixed.values())
    if left < 0:
        raise AuthorError(where, f"timing: the sections given add up to more than {total} minutes",
                          expected=f"at most {total} minutes in all (or a larger total:)")
    shared = [s for s in slides if (s.section or "title") not in fixed]
    result = {id(s): 0.0 for s in slides}
    if shared:
        weight = sum(max(s.weight, 1.0) for s in shared)
        for s in shared:
            result[id(s)] = left * max(s.weight, 1.0) / weight
    for key, minutes in fixed.items():
        members = [s for s in slides if (s.section or "title") == key]
        weight = sum(max(s.weight, 1.0) for s in members)
        for s in members:
            result[id(s)] = minutes * max(s.weight, 1.0) / weight
    whole = _round_to_total([result[id(s)] for s in slides], total)
    return [Timed(s, m, notes.get(s.section or "title", "") if s is _first_of(slides, s) else "")
            for s, m in zip(slides, whole)]


def _section_has_others(slides, slide) -> bool:
    return any(o is not slide and o.section == slide.section for o in slides)


def _first_of(slides, slide):
    return next(s for s in slides if s.section == slide.section)


def _round_to_total(values: list[float], total: int) -> list[int]:
    """Whole minutes that add up to ``total`` (largest remainders), none below 1 if possible."""
    floors = [max(int(v), 1 if total >= len(values) else 0) for v in values]
    rest = total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: values[i] - int(values[i]), reverse=True)
    i = 0
    while rest > 0 and order:
        floors[order[i % len(order)]] += 1
        rest -= 1
        i += 1
    while rest < 0:   # the minimum of 1 pushed past the total: take from the longest
        j = max(range(len(floors)), key=lambda k: floors[k])
        floors[j] -= 1
        rest += 1
    return floors


# -- what the build keeps for the outlines ------------------------------------------------------
@dataclass
class Deck:
    rel_path: str
    title: str
    meta: dict
    slides: list[Slide]
    where: str                # the source file, for author errors


# language -> page path -> its slides, filled as pages are built. Not emptied between the builds
# of `mkdocs serve`: a rebuild of one language only must not lose the other's outlines.
DECKS: dict[str, dict[str, Deck]] = {}


def remember(lang: str, rel_path: str, title: str, meta: dict, deck: list[Slide], where: str) -> None:
    DECKS.setdefault(lang, {})[rel_path] = Deck(rel_path, title, dict(meta), deck, where)


def labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])
