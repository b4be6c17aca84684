"""A quiz block as a reader without JavaScript sees it, the hub list, and the size of quiz.js/css."""
from __future__ import annotations

import gzip
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mpsite.quiz import load_dir, strings
from mpsite.quiz.render import TextRenderer, index_markdown, quiz_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "quizzes"
ASSETS = ROOT / "docs" / "zh" / "assets"


class Tree(HTMLParser):
    """Just enough of the DOM: elements with attributes, and text per element path."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict, list[str]]] = []
        self.stack: list[tuple[str, dict, list[str]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        el = (tag, dict(attrs), [])
        self.elements.append(el)
        if tag not in ("input", "br", "img", "hr"):
            self.stack.append(el)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        for el in self.stack:
            el[2].append(data)

    def find(self, tag=None, cls=None):
        return [e for e in self.elements if (tag is None or e[0] == tag)
                and (cls is None or cls in e[1].get("class", "").split())]


def text(el) -> str:
    return " ".join("".join(el[2]).split())


@pytest.fixture(scope="module")
def quizzes():
    return {q.id: q for q in load_dir(FIXTURES)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_is_a_fieldset_with_legend_and_folded_answer(quizzes, lang):
    quiz = quizzes["fixture-every-type"]
    html = quiz_html(quiz, lang, exports=[("Moodle XML", "x.xml"), ("GIFT", "x.gift")])
    tree = Tree(html)
    n = len(quiz.questions)
    assert len(tree.find("fieldset")) == n
    legends = tree.find("legend")
    assert len(legends) == n
    assert text(legends[0]).startswith("第 1 题" if lang == "zh" else "Question 1")
    assert quiz.questions[1].prompt.get(lang)[:8] in text(legends[1])
    summaries = [text(s) for s in tree.find("summary")]
    assert summaries == [strings.labels(lang)["answer"]] * n
    assert len(tree.find("details")) == n
    # Each option is a labelled input of the right kind.
    labels = tree.find("label", "mp-quiz__opt")
    # Every input but the certificate's name field (its own label) is an answer option.
    inputs = [i for i in tree.find("input") if i[1].get("class") != "mp-quiz__cert-name"]
    assert len(labels) == len(inputs) == 3 + 4 + 2 + 2
    assert {i[1]["type"] for i in inputs} == {"radio", "checkbox"}
    assert all(i[1]["name"].startswith("quiz-fixture-every-type-") for i in inputs)


def test_answers_explanations_and_citation_in_the_details(quizzes):
    html = quiz_html(quizzes["fixture-every-type"], "zh")
    tree = Tree(html)
    answers = [text(d) for d in tree.find("details")]
    assert "正确答案：B 立即向公安、民政、教育等部门报告 <及时>" in answers[0]
    assert "依据：《未成年人保护法》第十一条第二款" in answers[0]
    assert "A 反复起侮辱性绰号、C 在网络群里散布谣言、D 强索财物 ~ 威胁" in answers[1]
    assert "正确答案：错误" in answers[2]
    # Markdown rendered, special characters escaped, not raw.
    assert "<strong>立即</strong>" in html and "&lt;及时&gt;" in html and "<及时>" not in html
    # The citation is a plain text node the citation hook can find and link.
    assert '<p class="mp-quiz__cite">依据：《未成年人保护法》第十一条第二款</p>' in html


def test_english_block_uses_english_strings_only(quizzes):
    html = quiz_html(quizzes["fixture-parents"], "en")
    tree = Tree(html)
    visible = " ".join(text(e) for e in tree.find("div", "mp-quiz__list"))
    assert "Agree times and rules together" in visible and "一律" not in visible
    root = tree.find("div", "mp-quiz")[0][1]
    messages = json.loads(root["data-i18n"])
    assert messages["right"] == "Correct." and root["data-pass"] == "100"
    assert "Legal basis" not in html  # no cite in this quiz


def test_answer_key_is_in_the_markup_for_self_checking(quizzes):
    tree = Tree(quiz_html(quizzes["fixture-every-type"], "zh"))
    keys = {e[1]["data-q"]: e[1]["data-answer"] for e in tree.find("div", "mp-quiz__q")}
    assert keys == {"q1": "b", "q2": "a c d", "q3": "false", "q4": "true"}


def test_block_is_one_element_kept_out_of_search(quizzes):
    html = quiz_html(quizzes["fixture-every-type"], "en")
    assert html.startswith('<div class="mp-quiz" id="quiz-fixture-every-type" data-search-exclude')
    assert html.endswith("</div>")


def test_settings_filter_applies_to_quiz_text(quizzes):
    renderer = TextRenderer(text_filter=lambda s: s.replace("12355", "HOTLINE-X"))
    html = quiz_html(quizzes["fixture-every-type"], "zh", renderer)
    assert "HOTLINE-X 是青少年服务热线" in html and "12355" not in html


def test_hub_lists_quizzes_by_audience_with_links(quizzes):
    md = index_markdown(list(quizzes.values()), "zh",
                        {"fixture-parents": "../practice.md#quiz-fixture-parents", "fixture-every-type": None})
    assert "### 教师 { #quizzes-teachers }" in md and "### 家长 { #quizzes-parents }" in md
    assert md.index("quizzes-teachers") < md.index("quizzes-parents")
    assert "[家长自测：孩子上网](../practice.md#quiz-fixture-parents)" in md
    assert "2 题 · 及格线 100%" in md
    assert "（尚未放到页面上）" in md  # the unplaced quiz is listed without a link
    assert "quizzes-students" not in md


def test_hub_headings_match_across_languages(quizzes):
    ids = []
    for lang in ("zh", "en"):
        md = index_markdown(list(quizzes.values()), lang, {})
        ids.append([line.split("{ #")[1] for line in md.splitlines() if line.startswith("###")])
    assert ids[0] == ids[1] and ids[0]


def test_hub_with_no_quizzes_says_so():
    assert index_markdown([], "en", {}) == strings.labels("en")["hub_empty"]


def test_strings_exist_in_both_languages():
    assert strings.LABELS["zh"].keys() == strings.LABELS["en"].keys()
    assert strings.SCRIPT["zh"].keys() == strings.SCRIPT["en"].keys()


def test_quiz_script_and_style_fit_in_10_kb_gzipped():
    js = (ASSETS / "javascripts" / "quiz.js").read_bytes()
    css = (ASSETS / "stylesheets" / "quiz.css").read_bytes()
    size = len(gzip.compress(js, 9)) + len(gzip.compress(css, 9))
    assert size <= 10 * 1024, f"quiz.js + quiz.css are {size} bytes gzipped"
    # No language of its own: the page supplies the messages.
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in js.decode("utf-8"))


@pytest.mark.parametrize("lang,heading,done", [
    ("zh", "结业证明", "完成了示范镇未成年人保护培训自测"),
    ("en", "Certificate of completion", "has completed the Model Town minor-protection training self-test")])
def test_certificate_is_in_the_block_in_the_page_language(quizzes, lang, heading, done):
    town = "示范镇" if lang == "zh" else "Model Town"
    tree = Tree(quiz_html(quizzes["fixture-parents"], lang, town=town, site_name="Site"))
    offer = tree.find("div", "mp-quiz__cert")
    assert len(offer) == 1 and "hidden" in offer[0][1]          # offered by quiz.js after a pass
    name = tree.find("input", "mp-quiz__cert-name")[0][1]
    assert name["autocomplete"] == "off"
    assert [e[1]["for"] for e in tree.find("label") if e[1].get("for")] == [name["id"]]
    sheet = " ".join(text(e) for e in tree.find("section", "mp-cert"))
    title = quizzes["fixture-parents"].title.get(lang)
    assert heading in sheet and done in sheet and title in sheet and town in sheet
    # Without a town setting the sentence still reads well.
    plain = " ".join(text(e) for e in Tree(quiz_html(quizzes["fixture-parents"], lang)).find("section", "mp-cert"))
    assert ("has completed the minor-protection" in plain) if lang == "en" else ("完成了未成年人保护" in plain)
