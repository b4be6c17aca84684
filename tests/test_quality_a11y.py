"""Accessibility: axe-core (axe-playwright-python) on every kind of page in both languages,
zero serious or critical violations."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

# One page of each kind; resolved against the built site so new content is covered as it lands.
KINDS = {
    "home": "/",
    "section index": "/anti-bullying/",
    "content page": "/resources/hotlines/",
    "glossary": "/resources/glossary/",
    "quiz hub": "/quizzes/",
    "law page": "/policy/laws/minor-protection-law/",
    "download centre": "/downloads/",
}
SEVERE = ("serious", "critical")


def _severe(page) -> list[str]:
    result = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, e.g. {v['nodes'][0]['html'][:120]}"
            for v in result.response["violations"] if v["impact"] in SEVERE]


def _first_quiz_page(site_dir, lang: str) -> str | None:
    root = site_dir / "en" if lang == "en" else site_dir
    for html in sorted(root.rglob("index.html")):
        if lang == "zh" and html.relative_to(site_dir).parts[0] == "en":
            continue
        if 'class="mp-quiz' in html.read_text(encoding="utf-8"):
            return "/" + html.parent.relative_to(site_dir).as_posix() + "/"
    return None


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_no_serious_violations(page, server, site_dir, kind, lang):
    path = KINDS[kind]
    if not (site_dir / path.strip("/") / "index.html").exists() and path != "/":
        pytest.fail(f"the {kind} page {path} is missing from the site")
    prefix = "/en" if lang == "en" else ""
    page.goto(server + prefix + path)
    assert not _severe(page), _severe(page)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quiz_page_and_presentation_mode(page, server, site_dir, lang):
    path = _first_quiz_page(site_dir, lang)
    assert path, "no page with a quiz in the site"
    page.goto(server + path)
    assert not _severe(page), _severe(page)
    button = page.locator('[data-action="present"]').first
    button.click()
    page.wait_for_timeout(300)
    assert not _severe(page), _severe(page)


def test_task_list_checkboxes_are_named_by_their_item():
    from mpsite.a11y import label_task_checkboxes
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> 有伤先<strong>送医</strong>，通知家长。'
            '<ul><li>子项</li></ul></li>')
    out = label_task_checkboxes(html)
    assert '<input type="checkbox" aria-label="有伤先送医，通知家长。" disabled/>' in out
    assert out.replace(' aria-label="有伤先送医，通知家长。"', "") == html
