"""What the content tests read from the sources (pages, quiz YAML, held law texts) without a
build: used by test_network_content.py and test_safety_content.py."""
from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LAWS = ROOT / "data" / "laws"
QUIZZES = ROOT / "quizzes"
HEADING = re.compile(r"^(#{2,6})\s+.*?\{\s*#([\w-]+)\s*\}\s*$", re.M)
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def page(lang: str, section: str, name: str) -> str:
    return (DOCS / lang / section / f"{name}.md").read_text(encoding="utf-8")


def front_matter(text: str) -> dict:
    m = FRONT_MATTER.match(text)
    return yaml.safe_load(m.group(1)) if m else {}


def heading_ids(text: str) -> list[str]:
    return [hid for _, hid in HEADING.findall(text)]


def h2_ids(text: str) -> list[str]:
    return [hid for level, hid in HEADING.findall(text) if level == "##"]


def quiz(quiz_id: str) -> dict:
    return yaml.safe_load((QUIZZES / f"{quiz_id}.yml").read_text(encoding="utf-8"))


def law_text(slug: str) -> str:
    return (LAWS / f"{slug}.md").read_text(encoding="utf-8")


def held_articles() -> dict[str, set[int]]:
    """Each held text's article numbers, from data/laws/articles.json."""
    data = json.loads((LAWS / "articles.json").read_text(encoding="utf-8"))
    return {slug: set(nums) for slug, nums in data.items()}
