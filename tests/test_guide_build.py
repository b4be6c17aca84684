"""The reporting guide in a built site: a broken guide stops the build with file, line and node;
in Chromium one path is walked by clicking and by keyboard; axe finds nothing serious; without
JavaScript, and when the page is printed, every node shows; the PDF flowchart is one A4 page in
each language."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from a11y_scan import severe
from conftest import run_build

GUIDE = "#guide-reporting"
PAGES = {"zh": "/policy/reporting-guide/", "en": "/en/policy/reporting-guide/"}


def test_a_dangling_node_stops_the_build_with_file_line_and_node(project_copy, tmp_path):
    path = project_copy / "data" / "reporting-guide.yml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("    no: family-harm\n", "    no: family-harms\n", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "out")
    line = broken[:broken.index("no: family-harms")].count("\n") + 1
    assert proc.returncode != 0
    assert "Traceback" not in proc.output, proc.output[-2000:]
    assert f"data/reporting-guide.yml:{line}: guide reporting, node sexual-abuse: " \
           f"no: 'family-harms' names no node" in proc.output, proc.output[-2000:]


@pytest.fixture
def errors(page):
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))
    return found


def shown(page) -> list[str]:
    return [n.get_attribute("data-node") for n in page.locator(f"{GUIDE} .mp-guide__node").all()
            if n.is_visible()]


def test_one_path_by_clicking(page, server, errors):
    page.goto(server + PAGES["zh"])
    assert shown(page) == ["in-danger"]
    assert page.locator(f"{GUIDE} [data-guide-action=back]").is_disabled()
    page.click(f"{GUIDE}-in-danger a.mp-guide__answer--no")
    page.click(f"{GUIDE}-sexual-abuse a.mp-guide__answer--no")
    page.click(f"{GUIDE}-family-harm a.mp-guide__answer--yes")
    assert shown(page) == ["act-family-harm"]
    assert page.inner_text(f"{GUIDE} .mp-guide__progress") == "第 4 步"
    card = page.inner_text(f"{GUIDE}-act-family-harm")
    assert "《反家庭暴力法》第十四条" in card and "不要做" in card and "不要找可能的加害人对质" in card
    assert page.evaluate("document.activeElement.id") == "guide-reporting-act-family-harm-h"
    page.click(f"{GUIDE} button[data-guide-action=back]")
    assert shown(page) == ["family-harm"]
    page.click(f"{GUIDE} button[data-guide-action=restart]")
    assert shown(page) == ["in-danger"]
    # Printing the page prints the whole flowchart, whatever step the reader is on.
    page.click(f"{GUIDE}-in-danger a.mp-guide__answer--yes")
    page.emulate_media(media="print")
    assert len(shown(page)) == 15
    assert page.locator(f"{GUIDE} .mp-guide__controls").is_hidden()
    assert errors == []


def test_one_path_by_keyboard(page, server, errors):
    page.goto(server + PAGES["en"])
    page.focus(f"{GUIDE}-in-danger a.mp-guide__answer--no")
    page.keyboard.press("Enter")
    assert shown(page) == ["sexual-abuse"]
    assert page.evaluate("document.activeElement.id") == "guide-reporting-sexual-abuse-h"
    page.keyboard.press("Tab")   # from the question to its first answer: yes
    assert page.evaluate("document.activeElement.classList.contains('mp-guide__answer--yes')")
    assert page.evaluate("document.activeElement.innerText") == "Yes"   # where it leads shows without JS only
    page.keyboard.press("Enter")
    assert shown(page) == ["act-sexual-abuse"]
    assert "Article 112 of the Minor Protection Law" in page.inner_text(f"{GUIDE}-act-sexual-abuse")
    page.focus(f"{GUIDE} button[data-guide-action=back]")
    page.keyboard.press("Space")
    assert shown(page) == ["sexual-abuse"]
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_nothing_serious(page, server, lang):
    page.goto(server + PAGES[lang])
    assert severe(page) == []
    page.click(f"{GUIDE}-in-danger a.mp-guide__answer--yes")   # an action card
    # Focusing the card scrolls, and Material fades its header tabs out while scrolling: axe
    # would read the tab labels mid-fade. Read the page once the fade is over.
    page.wait_for_function("getComputedStyle(document.querySelector('.md-tabs')).opacity in {'0': 1, '1': 1}")
    page.wait_for_timeout(400)
    assert severe(page) == []


def test_without_javascript_every_node_shows_and_links_to_its_targets(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PAGES["zh"])
    nodes = page.locator(f"{GUIDE} .mp-guide__node")
    assert nodes.count() == 15
    assert all(n.is_visible() for n in nodes.all())
    assert page.locator(f"{GUIDE} .mp-guide__controls").is_hidden()
    ids = {n.get_attribute("id") for n in nodes.all()}
    answers = page.locator(f"{GUIDE} a.mp-guide__answer").all()
    assert len(answers) == 14
    assert {a.get_attribute("href")[1:] for a in answers} <= ids
    page.click(f"{GUIDE}-in-danger a.mp-guide__answer--no")
    assert page.url.endswith("#guide-reporting-sexual-abuse")
    context.close()


@pytest.mark.parametrize("folder", ["", "en/"])
def test_the_printed_flowchart_is_one_page(site_dir, folder):
    pdf = site_dir / folder / "downloads" / "pdf" / "reporting-guide.pdf"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert ("问题 7" in text and "处置 H" in text) if not folder else ("Question 7" in text and "Action H" in text)
    centre = (site_dir / folder / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "pdf/reporting-guide.pdf" in centre
