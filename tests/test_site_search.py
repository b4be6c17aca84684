"""Search: Chinese segmented by jieba, one index per language, found in a real browser."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _index(site: Path, lang: str) -> dict:
    path = site / ("search" if lang == "zh" else "en/search") / "search_index.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_user_dictionary_has_our_field_terms():
    words = [line.split()[0] for line in (ROOT / "data/jieba_userdict.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(set(words)) >= 50
    for term in ("强制报告", "督促监护令", "学生欺凌", "青少年模式", "家庭教育指导", "困境未成年人"):
        assert term in words


def test_chinese_index_holds_segmented_words(site_dir):
    docs = _index(site_dir, "zh")["docs"]
    text = " ".join(d["text"] for d in docs)
    assert "\u200b" in text, "jieba did not run: Chinese text is not segmented"
    # A domain term from the user dictionary stays one token, not split into characters.
    assert re.search("\u200b强制报告\u200b", text)
    # Sentences are split into words: any long run of Chinese left whole is one dictionary word
    # (e.g. 全国人民代表大会常务委员会), not a sentence.
    import jieba
    jieba.load_userdict(str(ROOT / "data/jieba_userdict.txt"))
    long_runs = set(re.findall(r"[\u4e00-\u9fff]{9,}", text))
    sentences = [run for run in long_runs if not jieba.get_FREQ(run)]
    assert not sentences, f"unsegmented Chinese: {sorted(sentences)[:5]}"


def test_each_language_has_its_own_index(site_dir):
    zh, en = _index(site_dir, "zh"), _index(site_dir, "en")
    assert zh["docs"] and en["docs"]
    assert not any(d["location"].startswith("en/") for d in zh["docs"])
    # en locations are relative to /en/, and every one of them exists in the site
    for doc in en["docs"]:
        page = doc["location"].split("#")[0]
        assert (site_dir / "en" / page / "index.html").exists() or (site_dir / "en" / page).is_file()


def test_excluded_blocks_stay_out_of_both_indexes(site_dir):
    """Quiz answers must not turn up in search, nor the Chinese law text in the English index
    (Material alone let both through: tests/test_search_exclude.py)."""
    from mpsite.quiz.strings import LABELS
    zh, en = _index(site_dir, "zh")["docs"], _index(site_dir, "en")["docs"]
    for lang, docs in (("zh", zh), ("en", en)):
        button = LABELS[lang]["check_one"]   # on every quiz; the quiz hub explains it in prose
        for doc in docs:
            if not doc["location"].startswith("quizzes/"):
                assert button not in doc["text"].replace("\u200b", ""), f"quiz indexed at {doc['location']}"
    # Article 39(2), in every zh law page's index entries, and in no en entry.
    article = "学校对学生欺凌行为应当立即制止"
    assert any(article in d["text"].replace("\u200b", "") for d in zh)
    assert not any(article in d["text"].replace("\u200b", "") for d in en)


def test_a_task_of_the_plan_is_found_on_the_plan_not_on_every_duty_sheet(site_dir):
    from mpsite import plan
    task = plan.load(ROOT / "data/plan.yml").tasks[0]
    for lang, docs in (("zh", _index(site_dir, "zh")["docs"]), ("en", _index(site_dir, "en")["docs"])):
        words = task.text[lang][:20]
        pages = {d["location"].split("#")[0] for d in docs if words in d["text"].replace("\u200b", "")}
        assert "policy/plan/" in pages, (lang, words)
        assert not [p for p in pages if p.startswith("policy/units/")], (lang, sorted(pages))


def test_a_duty_sheet_is_found_by_its_unit_not_by_every_area_it_shares(site_dir):
    """Staff search for their unit and land on its duty sheet; a search for an area (its heading,
    its list of units) lands on the plan and the protection page, not on up to 16 duty sheets."""
    from mpsite import plan
    data = plan.load(ROOT / "data/plan.yml")
    unit, area = data.units["town-cultural-station"], data.areas["family"]
    for lang, docs in (("zh", _index(site_dir, "zh")["docs"]), ("en", _index(site_dir, "en")["docs"])):
        def pages(words):
            return {d["location"].split("#")[0] for d in docs
                    if words in (d["title"] + " " + d["text"]).replace("\u200b", "")}
        assert "policy/units/town-cultural-station/" in pages(unit.description[lang][:12]), lang
        other = data.units[area.responsible[-2]]       # on its own sheet, and on no other
        for words, own in ((area.title[lang], None), (other.name[lang], f"policy/units/{other.id}/")):
            found = pages(words)
            assert "policy/plan/" in found, (lang, words)
            sheets = [p for p in found if p.startswith("policy/units/town-") and p != own]
            assert not sheets, (lang, words, sorted(found))


def _search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("query, expected", [
    ("督促监护令", "/policy/guardianship-orders/"),   # a domain term from the user dictionary
    ("青少年模式", "/network-safety/01-gaming-time/"),
    ("隔代照护", "/parenting/08-left-behind-children"),  # two words from the middle of a sentence
    ("妇女维权公益服务热线", "/resources/hotlines/"),   # several words from a table cell
])
def test_chinese_search_in_browser(page, server, query, expected):
    hrefs = _search(page, server + "/resources/", query)
    top = [h.replace(server, "") for h in hrefs[:5]]
    assert any(h.startswith(expected) for h in top), f"{query!r}: {top}"
    assert not any(h.startswith("/en/") for h in top), "a zh page showed en results"


@pytest.mark.parametrize("query, expected", [
    ("transcriptions", "/en/resources/about/"),
    ("grandparents", "/en/parenting/08-left-behind-children/"),
    ("guardianship supervision order", "/en/policy/guardianship-orders/"),
])
def test_english_search_in_browser(page, server, query, expected):
    hrefs = _search(page, server + "/en/resources/", query)
    top = [h.replace(server, "") for h in hrefs[:5]]
    assert any(h.startswith(expected) for h in top), f"{query!r}: {top}"
    assert all(h.startswith("/en/") for h in top), "an en page showed zh results"


@pytest.mark.parametrize("path, index", [("/parenting/04-safety/", "/search/search_index.json"),
                                         ("/en/parenting/04-safety/", "/en/search/search_index.json")])
def test_the_index_is_downloaded_only_when_the_reader_opens_search(page, server, path, index):
    """A parent reading one lesson on a phone never downloads the index (about 200 KB gzipped)."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in requested if "search_index" in u]
    page.fill("input.md-search__input", "privacy" if "/en/" in path else "隐私")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert [u for u in requested if u.endswith(index)]
