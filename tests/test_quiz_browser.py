"""The quiz in a real browser (Debian Chromium through Playwright) on a small fixture site:
score right and wrong answers, keep progress over a reload, survive corrupt stored data, step
through presentation mode with the keyboard, work without JavaScript and from file://."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest

from conftest import run_build
from test_quiz_build import make_quiz_project

QUIZ = "#quiz-fixture-every-type"
KEY = "mpsite-quiz:fixture-every-type"
RIGHT = {"q1": ["b"], "q2": ["a", "c", "d"], "q3": ["false"], "q4": ["true"]}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def quiz_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("quizbrowser")
    project = make_quiz_project(base / "project")
    proc = run_build(project, base / "site")
    assert proc.returncode == 0, proc.output[-3000:]
    return project, base


@pytest.fixture(scope="module")
def quiz_url(quiz_build):
    _, base = quiz_build
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(base / "site")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture
def errors(page):
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))
    return found


def answer(page, answers: dict[str, list[str]]) -> None:
    for qid, values in answers.items():
        for value in values:
            page.check(f"{QUIZ}-{qid} input[value='{value}']")


def score(page) -> str:
    page.click(f"{QUIZ} [data-action=check-all]")
    return page.inner_text(f"{QUIZ} .mp-quiz__result")


def test_right_and_wrong_answers_are_scored(page, quiz_url, errors):
    page.goto(f"{quiz_url}/quizzes/practice/")
    # With JavaScript the folded answers are replaced by the checking.
    assert page.locator(f"{QUIZ} details").count() == 0
    assert page.locator(f"{QUIZ} .mp-quiz__solution").first.is_hidden()
    answer(page, RIGHT)
    assert score(page) == "得分：4 / 4（100%），及格线 60%。 通过！"
    assert page.locator(f"{QUIZ} .mp-quiz__q.is-right").count() == 4
    assert page.locator(f"{QUIZ} .mp-quiz__solution").first.is_visible()
    assert "依据：《未成年人保护法》第十一条第二款" in page.inner_text(f"{QUIZ}-q1")

    page.click(f"{QUIZ} [data-action=retry]")
    assert page.locator(f"{QUIZ} input:checked").count() == 0
    assert page.locator(f"{QUIZ} .mp-quiz__solution").first.is_hidden()
    answer(page, {"q1": ["a"], "q2": ["a", "c"], "q3": ["false"]})  # one right, two wrong, one unanswered
    assert score(page).startswith("得分：1 / 4（25%），及格线 60%。 未通过")
    assert page.inner_text(f"{QUIZ}-q2 .mp-quiz__status") == "回答错误。"
    assert page.inner_text(f"{QUIZ}-q4 .mp-quiz__status") == "尚未作答。"
    # The chosen wrong option is marked, the right one shown.
    assert "is-wrong" in page.get_attribute(f"{QUIZ}-q1 .mp-quiz__opt[data-opt=a]", "class")
    assert "is-correct" in page.get_attribute(f"{QUIZ}-q1 .mp-quiz__opt[data-opt=b]", "class")
    assert errors == []


def test_check_one_question_and_live_region(page, quiz_url, errors):
    page.goto(f"{quiz_url}/en/quizzes/practice/")
    answer(page, {"q3": ["true"]})
    page.click(f"{QUIZ}-q3 [data-action=check]")
    assert page.inner_text(f"{QUIZ}-q3 .mp-quiz__status") == "Not correct."
    assert "Legal basis: Article 63 of the Minor Protection Law" in page.inner_text(f"{QUIZ}-q3")
    assert page.get_attribute(f"{QUIZ}-q3 .mp-quiz__feedback", "aria-live") == "polite"
    assert page.get_attribute(f"{QUIZ} .mp-quiz__result", "aria-live") == "polite"
    # Each option is reachable as a labelled control inside a named group.
    assert page.get_by_role("group", name="Question 1").count() >= 1
    assert page.get_by_label("Agree times and rules together").count() == 1
    assert errors == []


def test_retry_shuffles_but_keeps_letters_consistent(page, quiz_url, errors):
    page.goto(f"{quiz_url}/quizzes/practice/")
    orders = set()
    for _ in range(6):
        page.click(f"{QUIZ} [data-action=retry]")
        orders.add(tuple(page.eval_on_selector_all(f"{QUIZ} .mp-quiz__q", "qs => qs.map(q => q.dataset.q)")))
        # The solution's letter is the letter the option now shows.
        shown = page.inner_text(f"{QUIZ}-q1 .mp-quiz__opt[data-opt=b] .mp-quiz__letter")
        in_solution = page.inner_text(f"{QUIZ}-q1 .mp-quiz__correct .mp-quiz__letter")
        assert shown == in_solution
        numbers = page.eval_on_selector_all(f"{QUIZ} .mp-quiz__num", "ns => ns.map(n => n.textContent)")
        assert numbers == ["第 1 题", "第 2 题", "第 3 题", "第 4 题"]
    assert len(orders) > 1
    assert errors == []


def test_progress_and_last_score_survive_a_reload(page, quiz_url, errors):
    page.goto(f"{quiz_url}/quizzes/practice/")
    answer(page, RIGHT)
    score(page)
    page.click(f"{QUIZ} [data-action=retry]")
    answer(page, {"q1": ["c"], "q2": ["b", "d"]})
    page.reload()
    assert page.is_checked(f"{QUIZ}-q1 input[value=c]")
    assert page.is_checked(f"{QUIZ}-q2 input[value=b]") and page.is_checked(f"{QUIZ}-q2 input[value=d]")
    assert not page.is_checked(f"{QUIZ}-q1 input[value=b]")
    assert page.inner_text(f"{QUIZ} .mp-quiz__last") == "上次得分：4 / 4（100%）。"
    assert errors == []


@pytest.mark.parametrize("stored", ["{not json", "[1, 2]", '{"answers": "x", "last": {"pct": "NaN"}}',
                                    '{"answers": {"q1": "b", "q2": [7, null]}}', "null"])
def test_corrupt_stored_data_is_ignored(page, quiz_url, errors, stored):
    page.goto(f"{quiz_url}/quizzes/practice/")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    page.reload()
    assert page.locator(f"{QUIZ} input:checked").count() == 0
    assert page.is_hidden(f"{QUIZ} .mp-quiz__last")
    answer(page, RIGHT)
    assert score(page).endswith("通过！")
    assert errors == []


def test_presentation_mode_with_the_keyboard(page, quiz_url, errors):
    page.goto(f"{quiz_url}/en/quizzes/practice/")
    page.focus(f"{QUIZ} [data-action=present]")
    page.keyboard.press("Enter")
    root = page.locator(QUIZ)
    assert "mp-quiz--present" in root.get_attribute("class")
    progress = page.locator(f"{QUIZ} .mp-quiz__progress")
    visible = page.locator(f"{QUIZ} .mp-quiz__q:visible")
    assert progress.inner_text() == "1 / 4" and visible.count() == 1
    assert visible.first.get_attribute("data-q") == "q1"
    # Large type for the back of the hall.
    assert float(root.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 22
    page.keyboard.press("ArrowRight")
    assert progress.inner_text() == "2 / 4" and visible.first.get_attribute("data-q") == "q2"
    assert page.locator(f"{QUIZ}-q2 .mp-quiz__solution").is_hidden()
    page.keyboard.press("Space")
    assert page.locator(f"{QUIZ}-q2 .mp-quiz__solution").is_visible()
    assert page.locator(f"{QUIZ}-q2 .mp-quiz__opt.is-correct").count() == 3
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")  # stays on the last question
    assert progress.inner_text() == "4 / 4"
    page.keyboard.press("Enter")
    assert page.locator(f"{QUIZ}-q4 .mp-quiz__solution").is_visible()
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    assert progress.inner_text() == "2 / 4"
    page.keyboard.press("Escape")
    page.wait_for_function(f"!document.querySelector('{QUIZ}').classList.contains('mp-quiz--present')")
    assert page.locator(f"{QUIZ} .mp-quiz__q:visible").count() == 4
    assert page.locator(f"{QUIZ} .mp-quiz__bar").is_hidden()
    assert errors == []


def test_without_javascript_answers_are_folded(browser, quiz_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{quiz_url}/quizzes/practice/")
    details = page.locator(f"{QUIZ} details")
    assert details.count() == 4
    assert page.locator(f"{QUIZ} .mp-quiz__correct").first.is_hidden()
    details.first.locator("summary").click()
    assert page.locator(f"{QUIZ} .mp-quiz__correct").first.is_visible()
    assert page.locator(f"{QUIZ} button:visible").count() == 0
    context.close()


def test_print_hides_buttons_and_shows_the_answer_key(page, quiz_url):
    page.goto(f"{quiz_url}/quizzes/practice/")
    page.emulate_media(media="print")
    assert page.locator(f"{QUIZ} button:visible").count() == 0
    assert page.locator(f"{QUIZ} .mp-quiz__key").is_visible()
    assert page.locator(f"{QUIZ} legend").first.is_visible()


def test_offline_edition_under_file_urls(page, quiz_build, errors):
    project, base = quiz_build
    proc = run_build(project, base / "offline", offline=True)
    assert proc.returncode == 0, proc.output[-3000:]
    page_file = base / "offline" / "en" / "quizzes" / "practice.html"
    page.goto(page_file.as_uri())
    answer(page, RIGHT)
    assert score(page).startswith("Score: 4 / 4 (100%)")
    href = page.get_attribute(f"{QUIZ} .mp-quiz__exports a", "href")
    assert (page_file.parent / href).resolve().is_file(), href
    assert errors == []
