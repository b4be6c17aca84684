"""Where slides begin, marked while Python-Markdown still holds the page as an element tree.

The split rule is ``mpsite.slides``. Running it here, after the table of contents has given the
headings their ids, spares parsing the finished HTML again with ``html.parser``, which cost more
than the rest of our build code together. HTML blocks that Markdown stashed (an author's raw
``<div>``, an engine's finished HTML held by ``mpsite.rawhtml``) are parsed on their own and
marked in place; a quiz is not parsed at all, since its slide shows only a button that starts it.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import rawhtml, slides

_STASHED = re.compile("^\x02wzxhzdk:(\\d+)\x03$")
_PLACEHOLDERS = re.compile("\x02[^\x03]*\x03")   # inline HTML and escapes: no visible text here
_QUIZ = re.compile(r"""\s*<div\s[^>]*class=["']mp-quiz["']""")


class SlideMarks(Extension):
    """Add to a page's Markdown; ``arm`` before converting a presentable page, ``take`` its
    slides after. Other conversions with the same extensions (quiz texts) are left alone."""

    def __init__(self):
        super().__init__()
        self._held: list[str] | None = None
        self._deck: list[slides.Slide] | None = None

    def arm(self, held: list[str] | None) -> None:
        """The next conversion is a presentable page (``held``: its blocks in ``rawhtml.HELD``),
        or, with None, not."""
        self._held, self._deck = held, None

    def take(self) -> list[slides.Slide] | None:
        deck, self._deck = self._deck, None
        return deck

    def extendMarkdown(self, md: Markdown) -> None:
        # Below the table of contents (5): headings have their ids; above unescape (0).
        md.treeprocessors.register(_Marker(md, self), "mp-slides", 1)


class _Marker(Treeprocessor):
    def __init__(self, md: Markdown, owner: SlideMarks):
        super().__init__(md)
        self.owner = owner

    def run(self, root: Element) -> None:
        held, self.owner._held = self.owner._held, None
        if held is None:
            return
        nodes: list[slides.Node] = []
        for el in root:
            if isinstance(el.tag, str):
                nodes.extend(self._top(el, held))
        deck = slides.split(nodes)
        in_html = []
        for node, kind in slides.marks(nodes, deck):
            if isinstance(node.source, Element):
                node.source.set("data-slide", kind)
            else:                                 # in a stashed block: (its list, index, offset)
                in_html.append((*node.source, kind))
        # The last offset first, so that the offsets of a block's earlier marks stay right.
        for texts, index, offset, kind in sorted(in_html, key=lambda mark: -mark[2]):
            texts[index] = _with_mark(str(texts[index]), offset, kind)
        self.owner._deck = deck

    def _top(self, el: Element, held: list[str]) -> list[slides.Node]:
        """A top-level element as Nodes: itself, or for a paragraph that stands for a stashed HTML
        block, that block's elements."""
        m = _STASHED.match(el.text or "") if el.tag == "p" and not len(el) else None
        if m is None:
            return [_node(el)]
        texts, index = self.md.htmlStash.rawHtmlBlocks, int(m.group(1))
        if isinstance(texts[index], Element):   # an element stashed by an extension: mark it
            return [_node(texts[index])]
        placeholder = rawhtml.PLACEHOLDER.fullmatch(str(texts[index]).strip())
        if placeholder:
            texts, index = held, int(placeholder.group(1))
        html = str(texts[index])
        if _QUIZ.match(html):
            end = html.index(">") + 1
            return [slides.Node("div", {"class": "mp-quiz"}, source=(texts, index, end))]
        parsed = slides.blocks(html)
        for node in parsed:
            for n in (node, *slides._walk(node)):
                n.source = (texts, index, n.source)
        return parsed


def _node(el: Element) -> slides.Node:
    node = slides.Node(el.tag, dict(el.attrib), source=el)
    if el.text:
        node.children.append(_text(el.text))
    for child in el:
        if isinstance(child.tag, str):
            node.children.append(_node(child))
        if child.tail:
            node.children.append(_text(child.tail))
    return node


def _text(text: str) -> str:
    return _PLACEHOLDERS.sub("", text) if "\x02" in text else text


def _with_mark(html: str, tag_end: int, kind: str) -> str:
    """``html`` with data-slide on the element whose start tag ends at ``tag_end``."""
    close = tag_end - 2 if html[tag_end - 2:tag_end] == "/>" else tag_end - 1
    return f'{html[:close]} data-slide="{kind}"{html[close:]}'
