"""The held law texts (``data/laws/*.md``): front matter, headings, articles, paragraphs, items.

Each file is YAML front matter plus Markdown: ``#`` title, ``##``-``####`` headings (编/章/节),
then one line per paragraph. A line ``第X条 ...`` opens an article; the lines that follow it are
its further paragraphs (款), except lines starting ``（一）`` which are items (项) of the paragraph
before them. The game notice has no articles: its lines ``一、`` to ``五、`` are points.
Plain module: no MkDocs import, so the citation engine and tests can use it directly.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import ClassVar
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import AuthorError

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "[零〇一二两三四五六七八九十百千]+"

_ARTICLE = re.compile(rf"^第({CN_NUMERAL})条\s+(.*)$")
_ITEM = re.compile(rf"^（{CN_NUMERAL}）")
_POINT = re.compile(r"^([一二三四五六七八九十]+)、(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ORDINAL = re.compile(rf"^第({CN_NUMERAL})([编章节])")
_KINDS = {"编": "part", "章": "chapter", "节": "section"}


def cn_to_int(text: str) -> int:
    """Chinese numeral to int: 三十九 -> 39, 十七 -> 17, 一千二百零一 -> 1201."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
    return total + (digit or 0)


def int_to_cn(n: int) -> str:
    """int to the numeral used in article labels: 39 -> 三十九, 10 -> 十, 1201 -> 一千二百零一."""
    if not 0 < n < 10000:
        raise ValueError(n)
    parts: list[str] = []
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            parts.append(("零" if zero else "") + "零一二三四五六七八九"[d] + unit)
            zero = False
        elif parts:
            zero = True
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


@dataclass(frozen=True)
class Paragraph:
    """One 款 with its 项 (items), each a line of text as in the source."""
    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    kind: ClassVar[str] = "article"
    number: int
    label: str                         # as in the text: 第三十九条
    paragraphs: tuple[Paragraph, ...]

    def text(self) -> str:
        return "".join(p.text + "".join(p.items) for p in self.paragraphs)


@dataclass(frozen=True)
class Point:
    """A numbered point (一、 to 五、) of a notice without articles."""
    kind: ClassVar[str] = "point"
    number: int
    label: str                         # 一
    text: str                          # the whole line, with its 一、


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    level: int
    text: str
    id: str                            # chapter-3, part-1-chapter-2-section-1 (same in zh and en)


@dataclass(frozen=True)
class Prose:
    """A line that is neither heading, article nor point (a notice's closing lines)."""
    kind: ClassVar[str] = "prose"
    text: str


@dataclass
class LawText:
    slug: str
    meta: dict
    title: str
    preamble: list[str] = field(default_factory=list)     # lines before the body (题注, addressee)
    blocks: list = field(default_factory=list)            # Heading | Article | Point | Prose
    articles: dict[int, Article] = field(default_factory=dict)
    points: dict[int, Point] = field(default_factory=dict)

    @property
    def is_excerpt(self) -> bool:
        return "excerpt" in self.meta


def _split_front_matter(text: str, where: str) -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise AuthorError(where, "no YAML front matter", expected="a file starting with ---")
    end = text.index("\n---\n", 4)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5:]


def _heading_id(kind_stack: list[tuple[str, int]]) -> str:
    return "-".join(f"{kind}-{n}" for kind, n in kind_stack)


def parse(text: str, slug: str, where: str = "") -> LawText:
    """Parse one law file; ``where`` names it in error messages."""
    where = where or f"data/laws/{slug}.md"
    meta, body = _split_front_matter(text, where)
    law = LawText(slug=slug, meta=meta, title=str(meta.get("title", slug)))
    # (level, kind, number) of the open headings; numbers count per parent when the
    # source gives no 第X章 (the online regulation's chapters 2-7).
    open_headings: list[tuple[int, str, int]] = []
    counters: dict[tuple, int] = {}
    article: dict | None = None
    seen_body = False

    def close_article():
        nonlocal article
        if article is not None:
            paras = tuple(Paragraph(t, tuple(items)) for t, items in article["paras"])
            art = Article(article["number"], article["label"], paras)
            if art.number in law.articles:
                raise AuthorError(where, f"article {art.label} appears twice")
            law.articles[art.number] = art
            law.blocks.append(art)
            article = None

    for line in body.splitlines():
        line = line.strip()
        if not line:
            continue
        if m := _HEADING.match(line):
            close_article()
            level, htext = len(m.group(1)), m.group(2)
            if level == 1:
                law.title = htext
                continue
            seen_body = True
            while open_headings and open_headings[-1][0] >= level:
                open_headings.pop()
            parent = tuple((k, n) for _, k, n in open_headings)
            om = _ORDINAL.match(htext)
            if om:
                kind, number = _KINDS[om.group(2)], cn_to_int(om.group(1))
            else:
                kind = "part" if "编" in htext else "chapter" if level == 2 else "section"
                number = counters.get((parent, kind), 0) + 1
            counters[(parent, kind)] = number
            open_headings.append((level, kind, number))
            law.blocks.append(Heading(level, htext, _heading_id([(k, n) for _, k, n in open_headings])))
        elif m := _ARTICLE.match(line):
            close_article()
            seen_body = True
            article = {"number": cn_to_int(m.group(1)), "label": f"第{m.group(1)}条",
                       "paras": [(m.group(2), [])]}
        elif article is not None:
            if _ITEM.match(line):
                article["paras"][-1][1].append(line)
            else:
                article["paras"].append((line, []))
        elif (m := _POINT.match(line)) and not law.articles:
            seen_body = True
            point = Point(cn_to_int(m.group(1)), m.group(1), line)
            law.points[point.number] = point
            law.blocks.append(point)
        elif seen_body:
            law.blocks.append(Prose(line))
        else:
            law.preamble.append(line)
    close_article()
    return law


@dataclass
class Library:
    """All held texts, by slug, with ``articles.json`` as the reference list."""
    laws: dict[str, LawText]
    expected: dict[str, list[int]]

    def __getitem__(self, slug: str) -> LawText:
        return self.laws[slug]

    def __contains__(self, slug: str) -> bool:
        return slug in self.laws


def load_dir(folder: Path) -> Library:
    """Load every ``*.md`` but README in ``folder`` (``data/laws``)."""
    laws = {}
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md":
            continue
        laws[path.stem] = parse(path.read_text(encoding="utf-8"), path.stem,
                                f"{folder.name}/{path.name}")
    expected = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    return Library(laws, expected)


@lru_cache(maxsize=4)
def _load_cached(folder: str, stamp: tuple) -> Library:
    return load_dir(Path(folder))


def load(folder: Path) -> Library:
    """``load_dir`` cached until a file in ``folder`` changes (``mkdocs serve`` reloads)."""
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(Path(folder).glob("*")))
    return _load_cached(str(folder), stamp)


def mismatches(library: Library) -> list[str]:
    """Differences between the parsed texts and ``articles.json``."""
    problems = []
    for slug in sorted(set(library.laws) | set(library.expected)):
        if slug not in library.laws:
            problems.append(f"{slug}: in articles.json but no file")
        elif slug not in library.expected:
            problems.append(f"{slug}: file but not in articles.json")
        elif sorted(library.laws[slug].articles) != library.expected[slug]:
            problems.append(f"{slug}: articles differ from articles.json")
    return problems


# Site order of the texts and their English titles (no official English translation is held).
ORDER = ["minor-protection-law", "family-education-promotion-law",
         "juvenile-delinquency-prevention-law", "minors-online-protection-regulation",
         "anti-domestic-violence-law", "civil-code-guardianship-excerpt",
         "online-game-anti-addiction-notice"]
EN_TITLES = {
    "minor-protection-law": "Minor Protection Law of the People's Republic of China",
    "family-education-promotion-law": "Family Education Promotion Law of the People's Republic of China",
    "juvenile-delinquency-prevention-law":
        "Law of the People's Republic of China on the Prevention of Juvenile Delinquency",
    "minors-online-protection-regulation": "Regulation on the Protection of Minors Online (State Council)",
    "anti-domestic-violence-law": "Anti-Domestic Violence Law of the People's Republic of China",
    "civil-code-guardianship-excerpt": "Civil Code of the People's Republic of China (excerpt)",
    "online-game-anti-addiction-notice": "NPPA notice on preventing minors' addiction to online games (2021)",
}
_DATE_KEYS = (("adopted", "通过", "Adopted"), ("promulgated", "公布", "Promulgated"),
              ("issued", "印发", "Issued"), ("revised", "最近修改", "Last amended"),
              ("effective", "施行", "In force"))


def index_rows(library: Library, lang: str) -> list[dict]:
    """One row per held text for the law index page, in site order."""
    rows = []
    for slug in ORDER + sorted(set(library.laws) - set(ORDER)):
        law = library[slug]
        meta = law.meta
        dates = []
        for key, zh, en in _DATE_KEYS:
            if key in meta:
                value = meta[key][-1] if isinstance(meta[key], list) else meta[key]
                dates.append((zh if lang == "zh" else en, str(value)))
        n = len(law.articles)
        if not n:
            contents = (f"{len(law.points)} 项，无条文" if lang == "zh"
                        else f"{len(law.points)} points, no articles")
        elif law.is_excerpt:
            contents = f"{n} 条（节选）" if lang == "zh" else f"{n} articles (excerpt)"
        else:
            contents = f"{n} 条" if lang == "zh" else f"{n} articles"
        rows.append({"slug": slug, "title": law.title, "title_en": EN_TITLES.get(slug, law.title),
                     "version": str(meta.get("version", meta.get("document_number", ""))),
                     "dates": dates, "contents": contents, "source": str(meta.get("source", ""))})
    return rows
