"""The handout engine's small rules: file names, addresses, links on paper, dates."""
from __future__ import annotations

import datetime as dt

from mpsite.handouts.engine import canonical_url, pdf_name, relative_href
from mpsite.handouts.labels import format_date
from mpsite.handouts.printhtml import for_print

PAGE = "https://training.example.org/parenting/03-safety/"


def test_pdf_names_and_addresses_follow_the_page_path():
    assert pdf_name("parenting/03-safety.md") == "parenting-03-safety"
    assert pdf_name("parenting/index.md") == "parenting"
    assert canonical_url("parenting/03-safety.md", "zh") == "parenting/03-safety/"
    assert canonical_url("parenting/03-safety.md", "en") == "en/parenting/03-safety/"
    assert canonical_url("index.md", "en") == "en/"
    assert relative_href("en/parenting/03-safety/", "en/downloads/pdf/x.pdf") == "../../downloads/pdf/x.pdf"
    assert relative_href("downloads/", "downloads/pdf/x.pdf") == "pdf/x.pdf"


def test_links_to_other_places_print_their_address_once_anchors_never():
    html = ('<h1>T</h1><p><a href="../../resources/hotlines/">热线</a> <a href="#rules">规矩</a> '
            '<a href="../../resources/hotlines/">again</a> <a href="https://example.org/">https://example.org/</a></p>'
            '<details class="note"><summary>S</summary></details>')
    out = for_print(html, PAGE, "note", lambda path: None)
    assert out.count("(https://training.example.org/resources/hotlines/)") == 1
    assert 'href="#rules"' in out and "(#rules)" not in out
    assert "(https://example.org/)" not in out       # the text already is the address
    assert "<h1>" not in out and "<details open" in out


def test_citations_print_no_address():
    html = ('<p><a class="md-citation" href="../../policy/laws/minor-protection-law/#article-11" '
            'title="第十一条">《未成年人保护法》第十一条</a></p>')
    out = for_print(html, PAGE, "note", lambda path: None)
    assert "《未成年人保护法》第十一条</a>" in out and "(https://" not in out


def test_links_marked_for_screen_only_print_no_address():
    html = ('<ul class="plan-area-units"><li><a href="../town-womens-federation/" data-print-url="no">镇妇联</a>'
            '</li></ul><p><a href="../../matrix/">矩阵</a></p>')
    out = for_print(html, "https://training.example.org/policy/units/villages/", "note", lambda path: None)
    assert "镇妇联</a></li>" in out and "town-womens-federation/)" not in out
    assert "(https://training.example.org/policy/matrix/)" in out


def test_dates_are_written_per_language():
    day = dt.date(2026, 3, 8)
    assert format_date(day, "zh") == "2026 年 3 月 8 日"
    assert format_date(day, "en") == "8 March 2026"


def test_qr_codes_are_drawn_only_when_filled_in():
    from mpsite.handouts import qr
    url = "https://example.org/parenting/04-safety/?a=1&b=2#quiz-parenting-04-safety"
    html = f'<img src="{qr.placeholder(url).replace("&", "&amp;")}" alt="x">'
    assert "data:" not in html                       # the cache key is taken over this
    filled = qr.fill(html)
    assert filled == f'<img src="{qr.svg_data_uri(url)}" alt="x">'
