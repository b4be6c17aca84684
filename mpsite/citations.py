"""Law citations in rendered HTML: find them, check them against the held texts, link them.

``find`` parses plain text (Chinese and English forms), ``resolve`` checks one citation against
the :class:`~mpsite.laws.Library`, ``linkify`` walks an HTML fragment and links the citations in
its text nodes. Plain module: no MkDocs import; the hook passes a ``url_for(slug)`` function.
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

from .laws import CN_NUMERAL, Library, cn_to_int, int_to_cn

NOTICE = "online-game-anti-addiction-notice"
EXCERPT = "civil-code-guardianship-excerpt"

# Short Chinese names (as cited, without 中华人民共和国) and the slug of the held text.
ZH_NAMES = {
    "未成年人保护法": "minor-protection-law",
    "家庭教育促进法": "family-education-promotion-law",
    "预防未成年人犯罪法": "juvenile-delinquency-prevention-law",
    "未成年人网络保护条例": "minors-online-protection-regulation",
    "反家庭暴力法": "anti-domestic-violence-law",
    "民法典": EXCERPT,
}
# Names used in tooltips and messages.
SHORT_ZH = {slug: f"《{name}》" for name, slug in ZH_NAMES.items()}
SHORT_ZH[NOTICE] = "国新出发〔2021〕14号通知"
SHORT_EN = {
    "minor-protection-law": "Minor Protection Law",
    "family-education-promotion-law": "Family Education Promotion Law",
    "juvenile-delinquency-prevention-law": "Juvenile Delinquency Prevention Law",
    "minors-online-protection-regulation": "Regulation on the Protection of Minors Online",
    "anti-domestic-violence-law": "Anti-Domestic Violence Law",
    EXCERPT: "Civil Code",
    NOTICE: "2021 online-game notice",
}
_PRC = r"(?:People[’']s Republic of China|PRC)"
EN_NAMES = {
    "minor-protection-law": [r"Minors?[’']?s?\s+Protection\s+Law",
                             rf"Law\s+(?:of\s+the\s+{_PRC}\s+)?on\s+the\s+Protection\s+of\s+Minors",
                             r"Protection\s+of\s+Minors\s+Law"],
    "family-education-promotion-law": [r"Family\s+Education\s+Promotion\s+Law",
                                       rf"Law\s+(?:of\s+the\s+{_PRC}\s+)?on\s+(?:the\s+)?Promotion\s+of\s+Family\s+Education"],
    "juvenile-delinquency-prevention-law": [
        rf"Law\s+(?:of\s+the\s+{_PRC}\s+)?on\s+(?:the\s+)?Prevention\s+of\s+Juvenile\s+Delinquency",
        r"Law\s+on\s+Preventing\s+Juvenile\s+Delinquency",
        r"Juvenile\s+Delinquency\s+Prevention\s+Law"],
    "minors-online-protection-regulation": [
        r"Regulations?\s+on\s+(?:the\s+)?Protection\s+of\s+Minors\s+Online",
        r"Regulations?\s+on\s+(?:the\s+)?Online\s+Protection\s+of\s+Minors",
        r"Minors[’']?\s+Online\s+Protection\s+Regulations?"],
    "anti-domestic-violence-law": [r"Anti-Domestic[-\s]Violence\s+Law",
                                   rf"Law\s+(?:of\s+the\s+{_PRC}\s+)?against\s+Domestic\s+Violence"],
    EXCERPT: [r"Civil\s+Code"],
}

_N = CN_NUMERAL
_NOTICE_NO = r"国新出发\s*[〔\[［(（]\s*2021\s*[〕\]］)）]\s*14\s*号"
_NOTICE_ZH = (rf"《(?:国家新闻出版署)?关于进一步严格管理切实防止未成年人沉迷网络游戏的通知》"
              rf"(?:\s*[（(]\s*{_NOTICE_NO}\s*[）)])?|{_NOTICE_NO}")
_NOTICE_EN = (r"(?i:(?:2021\s+)?online[-\s]gam(?:e|ing)\s+(?:anti-addiction\s+)?notice)"
              r"|Notice\s+on\s+Further\s+(?:Strict|Strictly|Strengthening)\b[\w\s,-]{0,80}?Online\s+Games"
              r"|Guo\s*Xin\s*Chu\s*Fa\s*\[2021\]\s*No\.?\s*14")
_HELD_ZH = "|".join(sorted(ZH_NAMES, key=len, reverse=True))
_LEGAL_SUFFIX = re.compile(r"(?:法|法典|条例|规定|办法|意见|方案|通知|决定|解释|纲要|大纲|细则|规则|准则|指南|公约)"
                           r"(?:（[^）]*）)?$")

# Chinese: a held name, then 第X条... ; or the notice by name/number, then 第X项...
# Each pattern starts with a cheap guard (a lookahead on the first character) so the regex
# engine skips most positions quickly: measured 5x faster on the site's pages.
ZH_CITE = re.compile(
    r"(?=[《国中" + "".join(sorted({n[0] for n in ZH_NAMES})) + "])"
    rf"(?:(?P<notice>{_NOTICE_ZH})"
    rf"|《(?:中华人民共和国)?(?P<name>{_HELD_ZH})》\s*(?=第{_N}(?:条|至))"
    rf"|(?<![《〈])(?:中华人民共和国)?(?P<bare>{_HELD_ZH})(?=第{_N}(?:条|至))"
    rf"|《(?P<other>[^《》\n<>]{{1,60}})》)")
ZH_REF = re.compile(
    rf"第(?P<a>{_N})(?P<tiao>条)?(?:第(?P<p>{_N})款)?(?:第(?P<i>{_N})项)?"
    rf"(?:(?P<to>至|到)(?P<r>第?(?P<a2>{_N})条))?")
ZH_PARA = re.compile(rf"第(?P<p>{_N})款(?:第(?P<i>{_N})项)?")
ZH_ITEM = re.compile(rf"第(?P<i>{_N})项")
ZH_POINT = re.compile(r"第(?P<pt>[一二三四五六七八九十]+)(?:项|点)")
_SPACE = re.compile(r"\s*")
ZH_SEP = re.compile(r"\s*(?:、|以及|和|及|与|或者|或)\s*")

_ART = r"\b(?:Articles?|Arts?\.)"
_EN_REF = r"\d{1,4}(?:\(\d{1,2}\)){0,2}(?:,?\s+paragraph\s+\d{1,2})?(?:,?\s+item\s+\d{1,2})?"
_EN_SEP = r"\s*(?:,\s*and|,\s*or|,|and|or|to|through|-|–|—)\s*"
_EN_REFS = rf"{_EN_REF}(?:{_EN_SEP}{_EN_REF})*"
_EN_HELD = "|".join(f"(?P<en_{i}>(?i:{'|'.join(pats)}))" for i, pats in enumerate(EN_NAMES.values()))
_EN_SLUGS = list(EN_NAMES)
_EN_OTHER = (r"(?P<other>(?:[A-Z][\w’'-]*\s+)(?:(?:[A-Z][\w’'-]*|of|on|the|for|and|against|in)\s+)*?"
             r"(?:Law|Code|Regulations?|Provisions|Opinions?|Plan|Measures|Rules|Outline|Notice)\b)")
EN_CITE = re.compile(
    r"\b(?=[IiPpAaTtMmLlRrFfJjCcNnGgOo2])"
    rf"(?:(?:\b[Ii]tem\s+(?P<fi>\d{{1,2}})\s+of\s+)?(?:\b[Pp]aragraph\s+(?P<fp>\d{{1,2}})\s+of\s+)?"
    rf"(?P<fwd>{_ART})\s+(?P<refs>{_EN_REFS})\s+of\s+(?:the\s+)?(?:PRC\s+|China[’']s\s+)?"
    rf"(?:{_EN_HELD}|(?P<fnotice>{_NOTICE_EN})|{_EN_OTHER})"
    rf"(?:,\s+paragraph\s+(?P<sp>\d{{1,2}}))?(?:,?\s+item\s+(?P<si>\d{{1,2}}))?"
    rf"|(?:\b[Tt]he\s+)?(?P<rev>{_EN_HELD.replace('?P<en_', '?P<rv_')}|(?P<rnotice>{_NOTICE_EN}))"
    rf"(?:,?\s+(?P<rart>{_ART}|[Pp]oints?)\s+(?P<rrefs>{_EN_REFS}))?"
    rf"|\b[Pp]oints?\s+(?P<prefs>{_EN_REFS})\s+of\s+(?:the\s+)?(?P<pnotice>{_NOTICE_EN}))")
EN_REF = re.compile(r"(?P<a>\d{1,4})(?:\((?P<p>\d{1,2})\))?(?:\((?P<i>\d{1,2})\))?"
                    r"(?:,?\s+paragraph\s+(?P<p2>\d{1,2}))?(?:,?\s+item\s+(?P<i2>\d{1,2}))?")
EN_RANGE = re.compile(r"\s*(?:to|through|-|–|—)\s*$")


@dataclass
class Ref:
    """One linked part of a citation: an article (款, 项) or a point of the notice."""
    start: int
    end: int
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    point: int | None = None


@dataclass
class Citation:
    start: int
    end: int
    text: str
    slug: str | None                  # None: a text we do not hold
    name: str = ""                    # the law's name as written
    refs: list[Ref] = field(default_factory=list)
    kind: str = "article"             # article | point | whole (the notice as a whole)
    wrong_unit: str = ""              # e.g. 条 cited of the notice, which has points only
    numbered: bool = False            # a text we do not hold, cited with an article number


@dataclass
class Link:
    start: int
    end: int
    slug: str
    anchor: str                       # "" for the top of the page
    title: str


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else cn_to_int(text)


def _zh_refs(text: str, pos: int, start: int, notice: bool) -> tuple[list[Ref], int, str]:
    """Scan 第X条第Y款第Z项、第…至第… from ``pos``; returns refs, end and a wrong unit if any."""
    refs: list[Ref] = []
    if notice:
        m = ZH_POINT.match(text, pos)
        if not m:
            bad = ZH_REF.match(text, pos)
            if bad and bad.group("tiao"):
                return [Ref(start, bad.end(), article=_num(bad.group("a")))], bad.end(), "条"
            return [], pos, ""
        refs.append(Ref(start, m.end(), point=_num(m.group("pt"))))
        pos = m.end()
        while (sep := ZH_SEP.match(text, pos)) and (m := ZH_POINT.match(text, sep.end())):
            refs.append(Ref(m.start(), m.end(), point=_num(m.group("pt"))))
            pos = m.end()
        return refs, pos, ""

    def take(m: re.Match, first: bool) -> bool:
        if not (m.group("tiao") or m.group("a2")):
            return False            # 第三十九 with neither 条 nor a range: not a citation
        art_end = m.start("to") if m.group("a2") else m.end()
        refs.append(Ref(start if first else m.start(), art_end, article=_num(m.group("a")),
                        paragraph=_num(m.group("p")), item=_num(m.group("i"))))
        if m.group("a2"):
            refs.append(Ref(m.start("r"), m.end("r"), article=_num(m.group("a2"))))
        return True

    m = ZH_REF.match(text, pos)
    if not m or not take(m, True):
        return [], pos, ""
    pos = m.end()
    while sep := ZH_SEP.match(text, pos):
        after = sep.end()
        if (m := ZH_REF.match(text, after)) and take(m, False):
            pos = m.end()
        elif (m := ZH_PARA.match(text, after)) and refs[-1].article:
            refs.append(Ref(m.start(), m.end(), article=refs[-1].article,
                            paragraph=_num(m.group("p")), item=_num(m.group("i"))))
            pos = m.end()
        elif (m := ZH_ITEM.match(text, after)) and refs[-1].article:
            refs.append(Ref(m.start(), m.end(), article=refs[-1].article,
                            paragraph=refs[-1].paragraph, item=_num(m.group("i"))))
            pos = m.end()
        else:
            break
    return refs, pos, ""


# Every citation contains one of these literals; the regexes run only in windows around them
# (str.find is fast, a regex alternation over a whole page is not).
_ZH_ANCHORS = (("《", "国新出发", "法第", "例第", "典第"), 40, 120)
_EN_ANCHORS = (("Art", "oint", "otice", "Guo"), 130, 220)


def _windows(text: str, anchors: tuple) -> list[tuple[int, int]]:
    """Merged (start, end) spans of ``before``/``after`` characters around each anchor."""
    literals, before, after = anchors
    spans = []
    for literal in literals:
        i = text.find(literal)
        while i >= 0:
            spans.append((max(0, i - before), min(len(text), i + after)))
            i = text.find(literal, i + 1)
    spans.sort()
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _scan(pattern: re.Pattern, text: str, anchors: tuple):
    """``pattern.finditer`` restricted to the windows around the anchors."""
    for start, end in _windows(text, anchors):
        yield from pattern.finditer(text, start, end)


def find_zh(text: str) -> list[Citation]:
    found = []
    for m in _scan(ZH_CITE, text, _ZH_ANCHORS):
        if m.group("other") is not None:
            name = m.group("other")
            if _LEGAL_SUFFIX.search(name) and not re.fullmatch(rf"(?:中华人民共和国)?(?:{_HELD_ZH})", name):
                numbered = bool(ZH_REF.match(text, _SPACE.match(text, m.end()).end()))
                found.append(Citation(m.start(), m.end(), m.group(0), None, name, kind="whole",
                                      numbered=numbered))
            continue
        notice = m.group("notice") is not None
        slug = NOTICE if notice else ZH_NAMES[m.group("name") or m.group("bare")]
        refs, end, wrong = _zh_refs(text, _SPACE.match(text, m.end()).end(), m.start(), notice)
        if not refs:
            if notice:
                found.append(Citation(m.start(), m.end(), m.group(0), slug, m.group(0), kind="whole"))
            continue
        found.append(Citation(m.start(), end, text[m.start():end], slug, m.group(0),
                              refs, kind="point" if notice and not wrong else "article",
                              wrong_unit=wrong))
    return found


def in_english(text: str) -> str:
    """A Chinese citation written the English way, e.g. ``《未成年人保护法》第三十九条第二款`` ->
    ``Article 39(2) of the Minor Protection Law``, so an English page can state the legal basis of a
    quiz answer written once in Chinese. Text that holds no citation of a held text comes back as is."""
    parts = []
    for c in find_zh(text):
        if c.slug is None:
            continue
        name = SHORT_EN[c.slug]
        if c.kind == "whole":
            parts.append(f"the {name}")
            continue
        refs = []
        for r in c.refs:
            if r.point is not None:
                refs.append(f"point {r.point}")
            else:
                ref = str(r.article) + (f"({r.paragraph})" if r.paragraph else "")
                refs.append(ref + (f", item {r.item}" if r.item else ""))
        if c.kind == "point":
            parts.append(f"{' and '.join(refs)} of the {name}")
        else:
            word = "Article" if len(refs) == 1 else "Articles"
            parts.append(f"{word} {', '.join(refs[:-1]) + ' and ' if len(refs) > 1 else ''}{refs[-1]} of the {name}")
    return "; ".join(parts) or text


def _en_refs(text: str, group: str, m: re.Match, start: int, end: int, point: bool) -> list[Ref]:
    """Refs inside an English list ``11(2), 20 and 39 to 41``; the first starts at ``start``."""
    base = m.start(group)
    inner = list(EN_REF.finditer(m.group(group)))
    refs = []
    for k, r in enumerate(inner):
        a = int(r.group("a"))
        r_start = start if k == 0 else base + r.start()
        r_end = end if k == len(inner) - 1 else base + r.end()
        if point:
            refs.append(Ref(r_start, r_end, point=a))
        else:
            refs.append(Ref(r_start, r_end, article=a, paragraph=_num(r.group("p") or r.group("p2")),
                            item=_num(r.group("i") or r.group("i2"))))
    return refs


def _outer_units(refs: list[Ref], g: dict) -> None:
    """'paragraph 2 of Article 71 of …' / '… Law, paragraph 2, item 1' apply to the end refs."""
    if refs and (g.get("fp") or g.get("fi")):
        refs[0].paragraph = _num(g["fp"]) or refs[0].paragraph
        refs[0].item = _num(g["fi"]) or refs[0].item
    if refs and (g.get("sp") or g.get("si")):
        refs[-1].paragraph = _num(g["sp"]) or refs[-1].paragraph
        refs[-1].item = _num(g["si"]) or refs[-1].item


def find_en(text: str) -> list[Citation]:
    found = []
    for m in _scan(EN_CITE, text, _EN_ANCHORS):
        g = m.groupdict()
        if g["fwd"]:
            if g["other"]:
                found.append(Citation(m.start(), m.end(), m.group(0), None, g["other"], kind="whole",
                                      numbered=True))
                continue
            notice = g["fnotice"] is not None
            slug = NOTICE if notice else next(s for i, s in enumerate(_EN_SLUGS) if g[f"en_{i}"])
            refs = _en_refs(text, "refs", m, m.start(), m.end(), point=False)
            _outer_units(refs, g)
            found.append(Citation(m.start(), m.end(), m.group(0), slug, g["fnotice"] or "", refs,
                                  wrong_unit="Article" if notice else ""))
        elif g["prefs"]:
            refs = _en_refs(text, "prefs", m, m.start(), m.end(), point=True)
            found.append(Citation(m.start(), m.end(), m.group(0), NOTICE, g["pnotice"], refs, kind="point"))
        else:
            notice = g["rnotice"] is not None
            s0 = m.start("rev")
            slug = NOTICE if notice else next(s for i, s in enumerate(_EN_SLUGS) if g[f"rv_{i}"])
            if not g["rrefs"]:
                if notice:
                    found.append(Citation(s0, m.end(), text[s0:m.end()], slug, g["rev"], kind="whole"))
                continue
            is_point = g["rart"].lower().startswith("point")
            if is_point and not notice:
                continue
            refs = _en_refs(text, "rrefs", m, s0, m.end(), point=is_point)
            found.append(Citation(s0, m.end(), text[s0:m.end()], slug, g["rev"], refs,
                                  kind="point" if is_point else "article",
                                  wrong_unit="Article" if notice and not is_point else ""))
    return found


def find(text: str) -> list[Citation]:
    """All citations in a text, Chinese and English forms, without overlaps, in order."""
    cands = sorted(find_zh(text) + find_en(text), key=lambda c: (c.start, -c.end))
    result, last_end = [], -1
    for c in cands:
        if c.start >= last_end:
            result.append(c)
            last_end = c.end
    return result


# --- resolving -------------------------------------------------------------------------------

def held_summary(library: Library, slug: str) -> str:
    """What a text holds, for messages: 第一条至第一百三十二条, or the excerpt's runs."""
    law = library[slug]
    if not law.articles:
        return f"points {min(law.points)} to {max(law.points)} (一、 to {int_to_cn(max(law.points))}、), no articles"
    nums = sorted(law.articles)
    runs, run = [], [nums[0], nums[0]]
    for n in nums[1:]:
        if n == run[1] + 1:
            run[1] = n
        else:
            runs.append(run)
            run = [n, n]
    runs.append(run)
    return "、".join(f"第{int_to_cn(a)}条" if a == b else f"第{int_to_cn(a)}条至第{int_to_cn(b)}条"
                    for a, b in runs)


def _trim(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip("，、；：") + "…"


def resolve(cit: Citation, library: Library, lang: str = "zh", limit: int = 160
            ) -> tuple[list[Link], list[str]]:
    """Links for a citation of a held text, or the problems that make it wrong."""
    slug = cit.slug
    if slug is None or slug not in library:
        return [], []
    law = library[slug]
    name = SHORT_EN[slug] if lang == "en" else SHORT_ZH[slug]
    if cit.wrong_unit:
        return [], [f"{SHORT_ZH[slug]} has no articles (条); it holds {held_summary(library, slug)}: "
                    f"cite a point as 第二项 / 'point 2 of the 2021 online-game notice'"]
    if cit.kind == "whole":
        return [Link(cit.start, cit.end, slug, "", _trim(law.title, limit))], []
    links, problems = [], []
    for ref in cit.refs:
        if ref.point is not None:
            point = law.points.get(ref.point)
            if point is None:
                problems.append(f"{SHORT_ZH[slug]} has no point {ref.point}; it holds "
                                f"{held_summary(library, slug)}")
                continue
            sep = ", point " if lang == "en" else "第"
            label = f"{ref.point}: " if lang == "en" else f"{int_to_cn(ref.point)}项："
            links.append(Link(ref.start, ref.end, slug, f"point-{ref.point}",
                              _trim(f"{name}{sep}{label}{point.text}", limit)))
            continue
        label = f"第{int_to_cn(ref.article)}条"
        art = law.articles.get(ref.article)
        if art is None:
            where = "is not in the held excerpt" if law.is_excerpt else "does not exist"
            problems.append(f"{SHORT_ZH[slug]}{label} (article {ref.article}) {where}; "
                            f"held: {held_summary(library, slug)}")
            continue
        body = art.text()
        if ref.paragraph is not None:
            if not 1 <= ref.paragraph <= len(art.paragraphs):
                hint = ""
                if any(p.items for p in art.paragraphs):
                    hint = (f" (an item is cited as {label}第{int_to_cn(ref.paragraph)}项 / "
                            f"'Article {ref.article}, item {ref.paragraph}')")
                problems.append(f"{SHORT_ZH[slug]}{label} has no 第{int_to_cn(ref.paragraph)}款 "
                                f"(paragraph {ref.paragraph}); it has {len(art.paragraphs)} "
                                f"paragraph(s){hint}")
                continue
            para = art.paragraphs[ref.paragraph - 1]
            body = para.text + "".join(para.items)
            label += f"第{int_to_cn(ref.paragraph)}款"
        if ref.item is not None:
            paras = [art.paragraphs[ref.paragraph - 1]] if ref.paragraph else art.paragraphs
            items = [i for p in paras for i in p.items] if ref.paragraph else \
                next((p.items for p in paras if p.items), ())
            if not 1 <= ref.item <= len(items):
                problems.append(f"{SHORT_ZH[slug]}{label} has no 第{int_to_cn(ref.item)}项 "
                                f"(item {ref.item}); it has {len(items)} item(s)")
                continue
            body = items[ref.item - 1]
            label += f"第{int_to_cn(ref.item)}项"
        if lang == "en":
            para = f"({ref.paragraph})" if ref.paragraph else ""
            item = f", item {ref.item}" if ref.item else ""
            prefix = f"{name}, Art. {ref.article}{para}{item}: "
        else:
            prefix = f"{name}{label}："
        links.append(Link(ref.start, ref.end, slug, f"article-{ref.article}",
                          _trim(prefix + body, limit)))
    return links, problems


# --- HTML ------------------------------------------------------------------------------------

# Elements whose text is not checked at all, and elements whose text is checked but not linked
# (no link inside a link, a heading or a form control).
_CONTEXT = re.compile(
    r"<!--.*?-->|<(/?)(a|code|pre|kbd|samp|script|style|textarea|h[1-6]|button|label|select"
    r"|option|svg|abbr|title)(?=[\s>/])[^>]*>", re.I | re.S)
SKIP = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})


@dataclass
class PageResult:
    html: str
    links: list[Link] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)   # (citation text, message)
    not_held: list[Citation] = field(default_factory=list)            # texts we do not hold


def linkify(html: str, library: Library, url_for, lang: str = "zh") -> PageResult:
    """Link the citations in the text nodes of ``html``; ``url_for(slug)`` is the page's URL.

    The citation patterns never cross ``<`` or ``>``, so they run over the whole fragment; each
    hit is then placed: inside a tag or comment it is ignored, inside code/pre/script it is
    ignored, inside a link, heading or form control it is checked but not linked.
    """
    result = PageResult(html)
    cits = find(html)
    if not cits:
        return result
    out: list[str] = []
    cursor = 0
    skip = nolink = 0
    context = _CONTEXT.finditer(html)
    tag = next(context, None)
    for cit in cits:
        while tag is not None and tag.start() < cit.start:
            if tag.group(2):
                step = -1 if tag.group(1) else 1
                if tag.group(0).endswith("/>"):
                    step = 0
                if tag.group(2).lower() in SKIP:
                    skip = max(0, skip + step)
                else:
                    nolink = max(0, nolink + step)
            tag = next(context, None)
        if skip or html.rfind("<", 0, cit.start) > html.rfind(">", 0, cit.start):
            continue                                  # code, or inside a tag or comment
        if cit.slug is None:
            result.not_held.append(cit)
            continue
        links, problems = resolve(cit, library, lang)
        result.problems.extend((cit.text, p) for p in problems)
        if nolink or problems:
            continue
        for link in links:
            href = url_for(link.slug) + (f"#{link.anchor}" if link.anchor else "")
            out.append(html[cursor:link.start])
            out.append(f'<a class="md-citation" href="{htmllib.escape(href)}" '
                       f'title="{htmllib.escape(link.title)}">{html[link.start:link.end]}</a>')
            cursor = link.end
            result.links.append(link)
    out.append(html[cursor:])
    result.html = "".join(out)
    return result


# --- where a bad citation came from ------------------------------------------------------------

def line_of(needle: str, text: str) -> int | None:
    """1-based line of the first occurrence of ``needle`` in ``text``, ignoring line breaks."""
    index = text.find(needle)
    if index < 0:
        return None
    return text.count("\n", 0, index) + 1


def search_files(needle: str, paths) -> tuple[str, int] | None:
    """The first (path, line) among ``paths`` whose text holds ``needle``."""
    for path in paths:
        try:
            line = line_of(needle, path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if line:
            return str(path), line
    return None
