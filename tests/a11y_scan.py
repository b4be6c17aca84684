"""axe-core over every built page of one language, plus each quiz in presentation mode and an
opened search; used by test_quality_a11y.py (zh) and test_quality_a11y_en.py (en), one file per
language so the two run on the two xdist workers."""
from __future__ import annotations

from pathlib import Path

from axe_playwright_python.sync_playwright import Axe

SEVERE = ("serious", "critical")
# Quizzes are laid out only near the screen (content-visibility: auto, quiz.css). axe reads
# colours at an element's computed place, and a quiz not laid out yet sits "over" the footer:
# 2.0:1 for text that a reader, who scrolls to it, sees on white. Lay them all out first.
LAY_OUT_QUIZZES = ".mp-quiz { content-visibility: visible !important; }"
SEARCH_QUERY = {"zh": "强制报告", "en": "report"}


def pages(site_dir: Path, lang: str) -> list[str]:
    """Every page's address in one language: zh at the root, en under /en/."""
    root = site_dir / "en" if lang == "en" else site_dir
    found = []
    for html in sorted(root.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if lang == "zh" and rel.split("/")[0] in ("en", "assets"):
            continue
        found.append("/" if rel == "." else f"/{rel}/")
    return found


def severe(page, context=None) -> list[str]:
    result = Axe().run(page, context=context)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, e.g. {v['nodes'][0]['html'][:120]}"
            for v in result.response["violations"] if v["impact"] in SEVERE]


def scan(page, server: str, site_dir: Path, lang: str) -> tuple[int, int, list[str]]:
    """(pages checked, quizzes presented, findings as 'address: finding')."""
    findings, presented = [], 0
    addresses = pages(site_dir, lang)
    for address in addresses:
        page.goto(server + address)
        page.add_style_tag(content=LAY_OUT_QUIZZES)
        findings += [f"{address}: {f}" for f in severe(page)]
        button = page.locator('[data-action="present"]')
        if button.count():
            button.first.click()
            page.wait_for_selector(".mp-quiz--present")
            findings += [f"{address} (presenting): {f}" for f in severe(page, ".mp-quiz--present")]
            presented += 1
    page.goto(server + ("/en/" if lang == "en" else "/"))
    page.fill("input.md-search__input", SEARCH_QUERY[lang])
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    findings += [f"search opened: {f}" for f in severe(page)]
    return len(addresses), presented, findings
