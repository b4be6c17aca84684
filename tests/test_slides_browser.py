"""Lessons as slides in Chromium: keyboard and clicker, focus, no slide that overflows a 1280x720
projector, accessibility in presentation, the quiz started from the last slide, and file://."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import a11y_scan
from a11y_scan import severe

LESSON = "/parenting/01-parenting-by-law/"
PROJECTOR = {"width": 1280, "height": 720}

# Every slide of the open page, shown one by one in the page itself: its counter, whether it
# scrolls, the widest element's right edge, and the type scale slides.js had to use.
MEASURE_ALL = """() => {
  const box = document.querySelector('.mp-slides'), stage = box.querySelector('.mp-slides__slide');
  const next = box.querySelector('[data-go=next]'), out = [];
  for (let guard = 0; guard < 200; guard++) {
    let right = 0;
    for (const el of box.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width) { right = Math.max(right, r.right); }
    }
    out.push({count: box.querySelector('.mp-slides__count').textContent,
              title: (stage.querySelector('h1, h2, h3') || {}).textContent || '',
              scroll: stage.scrollHeight, client: stage.clientHeight,
              scrollW: stage.scrollWidth, clientW: stage.clientWidth, right: right,
              fit: Number(stage.style.getPropertyValue('--mp-fit') || 1)});
    if (next.disabled) { break; }
    next.click();
  }
  return out;
}"""


def presentable_pages(site_dir: Path, lang: str) -> list[str]:
    return [address for address in a11y_scan.pages(site_dir, lang)
            if "data-present" in (site_dir / address.strip("/") / "index.html").read_text(encoding="utf-8")]


def _open(page, url):
    page.set_viewport_size(PROJECTOR)
    page.goto(url)
    page.click(".mp-present__btn")
    page.wait_for_selector(".mp-slides:not([hidden])")


def _state(page) -> dict:
    return page.evaluate("""() => ({
      count: document.querySelector('.mp-slides__count').textContent,
      live: document.querySelector('.mp-slides__live').textContent,
      inDialog: !!document.activeElement.closest('.mp-slides[role=dialog]'),
      open: !document.querySelector('.mp-slides').hidden})""")


def test_keyboard_and_clicker_move_through_a_lesson_and_esc_returns(page, server):
    page.set_viewport_size(PROJECTOR)
    page.goto(server + LESSON)
    page.evaluate("window.scrollTo(0, 400)")
    page.evaluate("document.querySelector('.mp-present__btn').click()")  # a click does not scroll the page
    dialog = page.locator(".mp-slides")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-modal") == "true"
    assert dialog.get_attribute("aria-label") == "放映：第 1 课：依法带娃"
    first = _state(page)
    total = int(first["count"].split(" / ")[1])
    assert first["count"] == f"1 / {total}" and total > 10 and first["inDialog"]
    assert first["live"].startswith(f"第 1 页，共 {total} 页")
    for key, expected in [("ArrowRight", 2), ("PageDown", 3), ("PageUp", 2), (" ", 3), ("ArrowLeft", 2),
                          ("End", total), ("PageDown", total), ("Home", 1), ("PageUp", 1)]:
        page.keyboard.press(key)
        state = _state(page)
        assert state["count"] == f"{expected} / {total}", key
        assert state["inDialog"], f"focus left the dialog after {key}"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert _state(page)["inDialog"]
    page.keyboard.press("Escape")
    assert not _state(page)["open"]
    assert page.evaluate("document.activeElement.classList.contains('mp-present__btn')")
    assert page.evaluate("window.scrollY") == 400   # back where the reader was


def test_the_last_slide_starts_the_quiz_presentation_and_esc_comes_back(page, server):
    _open(page, server + LESSON)
    page.keyboard.press("End")
    start = page.locator(".mp-slides [data-quiz-start]")
    assert start.count() == 1
    start.click()
    page.wait_for_selector("html.mp-quiz-presenting .mp-quiz--present")
    page.keyboard.press("ArrowRight")             # the quiz has the keys now
    assert "2 /" in page.text_content(".mp-quiz--present .mp-quiz__progress")
    total = _state(page)["count"].split(" / ")[1]
    assert _state(page)["count"] == f"{total} / {total}"
    page.keyboard.press("Escape")                 # leaves the quiz, back on the last slide
    page.wait_for_function("!document.documentElement.classList.contains('mp-quiz-presenting')")
    state = _state(page)
    assert state["open"] and state["inDialog"] and state["count"] == f"{total} / {total}"
    page.keyboard.press("Escape")
    assert not _state(page)["open"]


def _measure(page, server, address) -> list[dict]:
    _open(page, server + address)
    return page.evaluate(MEASURE_ALL)


def _check_every_page(page, server, site_dir, lang) -> None:
    addresses = presentable_pages(site_dir, lang)
    assert len(addresses) >= 30, addresses
    problems, worst = [], (1.0, "")
    for address in addresses:
        measured = _measure(page, server, address)
        total = int(measured[0]["count"].split(" / ")[1])
        if len(measured) != total:
            problems.append(f"{address}: {len(measured)} slides shown, counter says {total}")
        for m in measured:
            where = f"{address} slide {m['count']} ({m['title'][:30]})"
            if m["scroll"] > m["client"] or m["scrollW"] > m["clientW"]:
                problems.append(f"{where}: overflows ({m['scroll']} > {m['client']} or {m['scrollW']} > {m['clientW']})")
            if m["right"] > PROJECTOR["width"] + 0.5:
                problems.append(f"{where}: an element reaches {m['right']:.0f} px, wider than the screen")
            worst = min(worst, (m["fit"], where))
    print(f"\n{lang}: {len(addresses)} pages; smallest type scale {worst[0]:.2f} at {worst[1]}")
    assert not problems, "\n".join(problems)
    assert worst[0] >= 0.5, f"type shrunk to {worst[0]:.2f} of the slide size at {worst[1]}"


def test_no_slide_of_any_chinese_lesson_overflows_a_projector(page, server, site_dir):
    _check_every_page(page, server, site_dir, "zh")


def test_no_slide_of_any_english_lesson_overflows_a_projector(page, server, site_dir):
    _check_every_page(page, server, site_dir, "en")


@pytest.mark.parametrize("address", [LESSON, "/en/anti-bullying/05-handling/", "/policy/reporting/"])
def test_presentation_has_no_serious_accessibility_finding(page, server, address):
    page.set_viewport_size(PROJECTOR)
    page.goto(server + address)
    findings = severe(page, ".mp-present")          # the button on the page
    page.click(".mp-present__btn")
    for _ in range(3):   # the title slide, a content slide, a later one
        findings += severe(page, ".mp-slides")
        page.keyboard.press("PageDown")
        page.keyboard.press("PageDown")
    assert not findings, findings


def test_outline_lists_the_same_slides_as_the_browser(page, server, site_dir):
    from pypdf import PdfReader
    measured = _measure(page, server, LESSON)
    text = "".join(p.extract_text() for p in PdfReader(
        site_dir / "downloads/pdf/outline-parenting-01-parenting-by-law.pdf").pages)
    flat = re.sub(r"\s+", "", text)
    assert f"{len(measured)}页幻灯片" in flat
    for m in measured:   # a long title wraps in its cell: its beginning is enough
        assert re.sub(r"\s+", "", m["title"])[:10] in flat, m["title"]


def test_slides_work_from_file_in_the_offline_edition(page, offline_dir):
    page.set_viewport_size(PROJECTOR)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((offline_dir / "parenting" / "01-parenting-by-law.html").as_uri())
    page.click(".mp-present__btn")
    state = _state(page)
    total = state["count"].split(" / ")[1]
    assert state["open"] and state["count"] == f"1 / {total}"
    page.keyboard.press("PageDown")
    assert _state(page)["count"] == f"2 / {total}"
    page.keyboard.press("Escape")
    assert not _state(page)["open"]
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in requests)
