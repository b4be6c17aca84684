"""A small, stable site for the handout tests and the benchmark's parallel check.

The project's own pages change while colleagues write them; these tests need a site whose
content they know. ``make_fixture`` copies the project's code and settings, keeps only the
home page and the download centre, and writes one handout page pair (table, admonition, task
list, details, a link, a quiz marker) and one quiz. Its headings are what the tests look for.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "hooks", "mpsite", "overrides", "data")
PAGE = "parenting/90-handout-fixture.md"
PDF_NAME = "parenting-90-handout-fixture"
QUIZ_ID = "handout-fixture"
ZH_HEADINGS = ["孩子上网的三条规矩", "发现问题怎么办"]
EN_HEADINGS = ["Three rules for going online", "If something goes wrong"]

ZH_PAGE = """---
handout: true
audience: parents
date: 2026-03-08
---

# 家长讲义：孩子上网安全

给 {{ town.name }} 家长的一页纸。

## 孩子上网的三条规矩 { #rules }

| 规矩 | 怎么做 |
| --- | --- |
| 定时间 | 每天上网不超过 1 小时 |
| 开模式 | 打开青少年模式 |
| 不乱加 | 不加陌生人为好友 |

!!! warning "注意"

    不要把孩子的照片和学校发到网上。

- [x] 和孩子一起设置密码
- [ ] 每周聊一次上网的事

??? note "为什么要定时间"

    睡眠和作业更重要。

## 发现问题怎么办 { #what-to-do }

遇到困难请拨打 {{ contacts.youth_hotline }}，也可以查看[求助热线](../resources/hotlines.md)或[本页规矩](#rules)。

<!-- md:quiz handout-fixture -->
"""

EN_PAGE = """---
handout: true
audience: parents
date: 2026-03-08
---

# Parents' handout: staying safe online

One page for the parents of {{ town.name }}.

## Three rules for going online { #rules }

| Rule | How |
| --- | --- |
| Set a time | At most one hour a day |
| Turn it on | Switch on the minor mode |
| No strangers | Do not add strangers as friends |

!!! warning "Careful"

    Do not post your child's photos or school online.

- [x] Set passwords together
- [ ] Talk about the internet once a week

??? note "Why set a time"

    Sleep and homework come first.

## If something goes wrong { #what-to-do }

Call {{ contacts.youth_hotline }}, see the [hotlines](../resources/hotlines.md) or [the rules above](#rules).

<!-- md:quiz handout-fixture -->
"""

QUIZ = """id: handout-fixture
audience: parents
pass_mark: 50
title: {zh: 家长自测：上网安全, en: "Parents' quiz: online safety"}
description: {zh: 两道题。, en: Two questions.}
questions:
  - id: q1
    type: truefalse
    prompt: {zh: 可以把孩子的照片随便发到网上。, en: "It is fine to post a child's photos anywhere online."}
    answer: false
    explanation: {zh: 照片会暴露孩子的信息。, en: Photos give away a child's details.}
  - id: q2
    type: single
    prompt: {zh: 每天上网多久合适？, en: "How long online a day is sensible?"}
    options:
      - {id: a, zh: 不超过 1 小时, en: At most one hour}
      - {id: b, zh: 想玩多久玩多久, en: As long as they like}
    answer: a
    explanation: {zh: 要留出睡眠和作业的时间。, en: Leave time for sleep and homework.}
"""

NAV = """nav:
  - 首页: index.md
  - 家长课堂:
      - parenting/index.md
      - parenting/90-handout-fixture.md
  - 下载中心:
      - downloads/index.md
  - 资源:
      - resources/hotlines.md
"""


def make_fixture(dest: Path, extra_handouts: int = 0) -> Path:
    """Write the fixture project into ``dest``; ``extra_handouts`` adds copies of the handout
    page (for the benchmark, which needs more than a couple of PDFs)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"),
                            dirs_exist_ok=True)
        else:
            shutil.copy2(src, dest / part)
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^nav:\n.*?(?=^\S|\Z)", lambda m: _nav(NAV, extra_handouts), config)
    # Engines whose data need their own pages (the town plan, law texts) stay out of this site.
    config = re.sub(r"(?m)^\s*- hooks/(?!site_hook|quiz_hook|handout_hook)\w+\.py.*\n", "", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = dest / "docs"
    for lang, page, title in (("zh", ZH_PAGE, "家长课堂"), ("en", EN_PAGE, "Parent school")):
        base = docs / lang
        (base / "parenting").mkdir(parents=True, exist_ok=True)
        (base / "resources").mkdir(parents=True, exist_ok=True)
        (base / "downloads").mkdir(parents=True, exist_ok=True)
        (base / "index.md").write_text(f"# {title}\n\nhome\n", encoding="utf-8")
        (base / "parenting" / "index.md").write_text(f"# {title}\n\nlessons\n", encoding="utf-8")
        (base / "resources" / "hotlines.md").write_text("# 12355\n\n12355\n", encoding="utf-8")
        (base / PAGE).write_text(page, encoding="utf-8")
        for i in range(extra_handouts):
            (base / "parenting" / f"9{i:02d}-copy.md").write_text(
                page.replace("# ", f"# {i + 1} ", 1), encoding="utf-8")
        shutil.copy2(ROOT / "docs" / lang / "downloads" / "index.md", base / "downloads" / "index.md")
    if (ROOT / "docs" / "zh" / "assets").is_dir():
        shutil.copytree(ROOT / "docs" / "zh" / "assets", docs / "zh" / "assets", dirs_exist_ok=True)
    (dest / "quizzes").mkdir(exist_ok=True)
    (dest / "quizzes" / f"{QUIZ_ID}.yml").write_text(QUIZ, encoding="utf-8")
    return dest


def _nav(nav: str, extra: int) -> str:
    if not extra:
        return nav
    lines = nav.splitlines(keepends=True)
    copies = [f"      - parenting/9{i:02d}-copy.md\n" for i in range(extra)]
    at = lines.index("      - parenting/90-handout-fixture.md\n") + 1
    return "".join(lines[:at] + copies + [line for line in lines[at:] if line not in copies])
