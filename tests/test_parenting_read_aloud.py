"""The read-aloud button on parent-school pages, in a real browser with a stand-in speech engine.

Headless Chromium has no voices, so each test installs a fake ``speechSynthesis`` before the
page's scripts run. The fake records what the page asks it to do (speak, pause, resume, cancel)
and finishes an utterance only when the test says so, like a voice that is still talking.
"""
from __future__ import annotations

import json

import pytest

LESSON_ZH = "/parenting/06-bullying/"
LESSON_EN = "/en/parenting/06-bullying/"
HANDOUT_ZH = "/parenting/07-phones-games-internet-handout/"

FAKE_SPEECH = """
(() => {
  const record = { calls: [], current: null, voices: %s };
  window.__speech = record;
  const listeners = {};
  window.speechSynthesisFake = {
    getVoices() { return record.voices; },
    speak(u) { record.calls.push({ op: "speak", text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }); record.current = u; },
    pause() { record.calls.push({ op: "pause" }); },
    resume() { record.calls.push({ op: "resume" }); },
    cancel() { record.calls.push({ op: "cancel" }); record.current = null; },
    addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    removeEventListener() {},
  };
  // The voice in the engine finishes the sentence it is reading.
  record.finish = () => { const u = record.current; record.current = null; if (u && u.onend) u.onend({}); };
  Object.defineProperty(window, "speechSynthesis", { value: window.speechSynthesisFake, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } };
})();
"""

NO_SPEECH = """
Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
window.SpeechSynthesisUtterance = undefined;
"""


def _fake(page, voices):
    page.add_init_script(FAKE_SPEECH % json.dumps(voices))


def _calls(page, op=None):
    calls = page.evaluate("window.__speech.calls")
    return [c for c in calls if op is None or c["op"] == op]


def _read_to_the_end(page) -> list[str]:
    """Let the fake voice finish every utterance; return all texts spoken."""
    page.evaluate("() => { let n = 0; while (window.__speech.current && n++ < 2000) window.__speech.finish(); }")
    return [c["text"] for c in _calls(page, "speak")]


ZH_VOICE = [{"lang": "zh-CN", "name": "Fake Mandarin", "default": True}]
EN_VOICE = [{"lang": "en-US", "name": "Fake English", "default": True}]


@pytest.mark.parametrize("path, label", [(LESSON_ZH, "朗读本页"), (LESSON_EN, "Read this page aloud"),
                                         (HANDOUT_ZH, "朗读本页")])
def test_button_appears_labelled_and_large(page, server, path, label):
    _fake(page, ZH_VOICE + EN_VOICE)
    page.goto(server + path)
    button = page.get_by_role("button", name=label)
    button.wait_for()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert page.get_by_role("group", name=label).is_visible()


def test_no_button_on_pages_that_do_not_ask(page, server):
    _fake(page, ZH_VOICE)
    page.goto(server + "/")
    page.wait_for_load_state("load")
    assert page.locator(".read-aloud__play").count() == 0


def test_play_pause_resume_stop_in_chinese(page, server):
    _fake(page, ZH_VOICE + EN_VOICE)
    page.goto(server + LESSON_ZH)
    page.get_by_role("button", name="朗读本页").click()
    page.wait_for_function("window.__speech.calls.some(c => c.op === 'speak')")
    first = _calls(page, "speak")[0]
    assert first["lang"] == "zh-CN" and first["voice"] == "zh-CN"
    assert "孩子被欺负了" in first["text"]  # the page title comes first

    page.get_by_role("button", name="暂停").click()
    assert _calls(page)[-1]["op"] == "pause"
    assert "已暂停" in page.locator(".read-aloud__status").inner_text()

    page.get_by_role("button", name="继续").click()
    assert _calls(page)[-1]["op"] == "resume"

    page.evaluate("window.__speech.finish()")  # the next block follows the first
    assert len(_calls(page, "speak")) == 2

    page.get_by_role("button", name="停止").click()
    assert _calls(page)[-1]["op"] == "cancel"
    page.get_by_role("button", name="朗读本页").wait_for()
    assert page.get_by_role("button", name="停止").is_disabled()


def test_reads_the_article_but_not_code_quiz_or_hidden_notes(page, server):
    _fake(page, ZH_VOICE)
    page.goto(server + LESSON_ZH)
    page.get_by_role("button", name="朗读本页").click()
    page.wait_for_function("window.__speech.calls.some(c => c.op === 'speak')")
    texts = _read_to_the_end(page)
    spoken = "\n".join(texts)
    assert "学校应当建立学生欺凌防控工作制度" in spoken          # a key point
    assert "讨论提示" in spoken                                   # the summary of a folded note
    assert "肚子疼、东西常丢、周末就好，是常见信号" not in spoken  # its folded content
    assert "在网上骂同学" not in spoken                           # a quiz question
    assert all(len(t) <= 120 for t in texts)                      # chunks Chrome will not cut off
    assert "读完了" in page.locator(".read-aloud__status").inner_text()


def test_keyboard_starts_reading_in_english(page, server):
    _fake(page, ZH_VOICE + EN_VOICE)
    page.goto(server + LESSON_EN)
    button = page.get_by_role("button", name="Read this page aloud")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("window.__speech.calls.some(c => c.op === 'speak')")
    first = _calls(page, "speak")[0]
    assert first["lang"] == "en" and first["voice"] == "en-US"
    page.keyboard.press("Space")  # focus stays on the button, now "Pause"
    assert _calls(page)[-1]["op"] == "pause"


def test_message_when_there_is_no_voice_for_the_language(page, server):
    _fake(page, EN_VOICE)  # a Chinese page on a device with English voices only
    page.goto(server + LESSON_ZH)
    page.locator(".read-aloud__play").click()   # voices are looked for on the first press
    status = page.locator(".read-aloud__status")
    status.filter(has_text="没有中文朗读语音").wait_for()
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator(".read-aloud__play").is_disabled()
    assert _calls(page, "speak") == []


def test_message_when_voices_never_arrive(page, server):
    _fake(page, [])  # getVoices() stays empty and voiceschanged never fires
    page.goto(server + LESSON_EN)
    page.locator(".read-aloud__play").click()
    page.locator(".read-aloud__status").filter(has_text="no English voice").wait_for(timeout=5000)


def test_message_when_the_browser_cannot_speak(page, server):
    page.add_init_script(NO_SPEECH)
    page.goto(server + LESSON_ZH)
    page.locator(".read-aloud__status").filter(has_text="这个浏览器不能朗读").wait_for()
    assert page.locator(".read-aloud__play").is_disabled()


@pytest.mark.parametrize("width", [412, 1280])
def test_the_article_does_not_jump_when_the_buttons_appear(page, server, width):
    """The empty placeholder already holds the buttons' height (no layout shift on a phone)."""
    _fake(page, ZH_VOICE)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + LESSON_ZH)
    page.locator(".read-aloud__play").wait_for()
    filled, empty = page.evaluate("""() => {
        const filled = document.querySelector('.read-aloud');
        const empty = document.createElement('div');
        empty.className = 'read-aloud';
        filled.after(empty);
        return [filled.getBoundingClientRect().height, empty.getBoundingClientRect().height];
    }""")
    assert filled == empty > 0
