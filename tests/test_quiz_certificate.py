"""The certificate of completion in a real browser (Debian Chromium through Playwright): offered
only after a passing score, the typed name, the quiz's title, the town, the score and the date on
one landscape A4 page that prints alone, axe clean, and the name neither stored nor sent."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from a11y_scan import severe
from test_quiz_browser import QUIZ, RIGHT, answer, quiz_build, quiz_url, score  # noqa: F401 - fixtures

NAME = "李小明 Li Xiaoming"
CERT = ".mp-cert.is-printing"


@pytest.fixture
def watched(page):
    """Every request the page makes and every script error, from the first load on."""
    seen = {"requests": [], "errors": []}
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("pageerror", lambda exc: seen["errors"].append(str(exc)))
    return seen


def _print_certificate(page, name: str) -> None:
    """Open the form, type the name and press Print; window.print is counted, not opened."""
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    if page.locator(f"{QUIZ} .mp-quiz__cert-name").is_hidden():
        page.click(f"{QUIZ} [data-action=cert]")
    page.fill(f"{QUIZ} .mp-quiz__cert-name", name)
    page.click(f"{QUIZ} [data-action=print]")


def _stored(page) -> str:
    return page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage),"
                         " document.cookie])")


def test_no_certificate_before_passing(page, quiz_url, watched):
    page.goto(f"{quiz_url}/quizzes/practice/")
    assert page.locator(f"{QUIZ} [data-action=cert]").is_hidden()
    answer(page, {"q1": ["a"]})
    assert "未通过" in score(page)
    assert page.locator(f"{QUIZ} [data-action=cert]").is_hidden()
    answer(page, RIGHT)
    assert score(page).endswith("通过！")
    assert page.locator(f"{QUIZ} [data-action=cert]").is_visible()
    page.click(f"{QUIZ} [data-action=retry]")  # a new attempt takes the offer back
    assert page.locator(f"{QUIZ} [data-action=cert]").is_hidden()
    assert watched["errors"] == []


def test_certificate_prints_alone_with_name_title_score(page, quiz_url, watched):
    page.goto(f"{quiz_url}/quizzes/practice/")
    page.wait_for_load_state("networkidle")
    answer(page, RIGHT)
    assert score(page).startswith("得分：4 / 4（100%）")
    before = len(watched["requests"])

    page.click(f"{QUIZ} [data-action=cert]")
    page.click(f"{QUIZ} [data-action=print]")           # no name yet: nothing is printed
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.click(f"{QUIZ} [data-action=print]")
    assert page.evaluate("window.printed") == 0
    assert page.evaluate(f"document.querySelector('{QUIZ} .mp-quiz__cert-name').validationMessage") == "请先填写姓名。"
    _print_certificate(page, NAME)
    assert page.evaluate("window.printed") == 1
    page.add_style_tag(content=".mp-quiz { content-visibility: visible !important; }")  # see a11y_scan
    assert severe(page) == []   # on screen: the open name field, its label and buttons

    page.emulate_media(media="print")
    cert = page.locator(CERT)
    assert cert.is_visible()
    text = cert.inner_text()
    assert "结业证明" in text and NAME in text
    assert "测试：所有题型 & <特殊> 字符" in text                  # the quiz's title
    assert "XX镇" in text and "完成了XX镇未成年人保护培训自测" in text  # the town
    assert "得分 4 / 4（100%），及格线 60%" in text
    assert re.search(r"20\d\d 年 \d{1,2} 月 \d{1,2} 日", text)
    # Only the certificate is on paper: the page around it is not.
    assert page.locator(f"{QUIZ} .mp-quiz__list").is_hidden()
    assert page.locator("h1").first.is_hidden()
    assert severe(page) == []

    # Chromium's own print to PDF: one landscape A4 page holding the name.
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)

    # Nothing stored or sent: no request after the page loaded, no name in any storage.
    assert watched["requests"][before:] == []
    assert NAME not in _stored(page) and "李小明" not in _stored(page)
    # After printing, the name leaves the page and the page prints as itself again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "李小明" not in page.locator(".mp-cert").first.inner_text()
    assert page.locator(".mp-cert").first.is_hidden()
    assert page.locator(f"{QUIZ} .mp-quiz__list").is_visible()
    assert watched["errors"] == []


def test_english_certificate(page, quiz_url, watched):
    page.goto(f"{quiz_url}/en/quizzes/practice/")
    answer(page, RIGHT)
    score(page)
    assert page.inner_text(f"{QUIZ} [data-action=cert]") == "Print a certificate"
    _print_certificate(page, "Alex Example")
    page.emulate_media(media="print")
    text = page.locator(CERT).inner_text()
    assert "Certificate of completion" in text and "Alex Example" in text
    # The title as the quiz shows it (Markdown takes "<special>" for a tag in both places).
    title = page.evaluate(f"document.querySelector('{QUIZ} .mp-quiz__title').textContent")
    assert title.startswith("Test: every type &") and " ".join(title.split()) in " ".join(text.split())
    assert "has completed the XX Town minor-protection training self-test" in text
    assert "Score 4 / 4 (100%), pass mark 60%" in text
    assert re.search(r"\d{1,2} (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) 20\d\d", text)
    assert "Alex Example" not in _stored(page)
    assert watched["errors"] == []
