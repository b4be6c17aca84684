"""mpsite.rawhtml: an engine's finished HTML goes round Markdown unchanged."""
from __future__ import annotations

import markdown

from mpsite import rawhtml

ARTICLE = '<div class="law-article" id="article-39"><p><b>第三十九条</b> 学校应当……*不是强调*</p></div>'


def _site_markdown(text: str) -> str:
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"]).convert(text)


def test_a_block_comes_back_unparsed_where_it_was():
    source = "## 第三章 学校保护 { #chapter-3 }\n" + rawhtml.block(ARTICLE) + "Text *after*.\n"
    protected, blocks = rawhtml.protect(source)
    assert ARTICLE not in protected and blocks == [ARTICLE]
    html, ids = rawhtml.restore(_site_markdown(protected), blocks)
    assert ARTICLE in html                      # the asterisks were not turned into <em>
    assert html.index("chapter-3") < html.index(ARTICLE) < html.index("<em>after</em>")
    assert ids == {"article-39"}                # for MkDocs' check of links to #article-39


def test_blocks_inside_a_markdown_container_come_back_too():
    source = '<div class="plan-tasks" markdown>\n\n### 1. 任务 { #task-1 }\n' + rawhtml.block("<p>任务原文</p>") + "</div>\n"
    protected, blocks = rawhtml.protect(source)
    html, _ = rawhtml.restore(_site_markdown(protected), blocks)
    assert '<h3 id="task-1">1. 任务</h3>\n<p>任务原文</p>\n</div>' in html


def test_without_protect_the_markdown_still_renders_the_html():
    html = _site_markdown(rawhtml.block(ARTICLE))
    assert 'id="article-39"' in html and "<!--mp-raw-->" in html


def test_markdown_without_blocks_is_untouched():
    assert rawhtml.protect("# Title\n\ntext\n") == ("# Title\n\ntext\n", [])
    assert rawhtml.restore("<p>x</p>", []) == ("<p>x</p>", set())
