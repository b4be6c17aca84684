"""mpsite.search_exclude: excluded blocks leave the HTML the indexer sees and come back whole."""
from __future__ import annotations

from mpsite.search_exclude import restore, stash

PAGE = ('<h2 id="quiz">Self-test</h2><p>Before</p>'
        '<div class="mp-quiz" data-search-exclude role="region"><div><p>Q1</p></div>'
        '<div><div>answer: B</div></div></div>'
        '<p>Between</p><section data-search-exclude="x"><p>second</p></section><p>After</p>')


def test_blocks_are_cut_out_whole_even_with_nested_same_tags():
    html, blocks = stash(PAGE)
    assert html == ('<h2 id="quiz">Self-test</h2><p>Before</p><!--search-stash:0-->'
                    '<p>Between</p><!--search-stash:1--><p>After</p>')
    assert blocks[0].endswith("answer: B</div></div></div>")
    assert blocks[1] == '<section><p>second</p></section>'


def test_restore_gives_back_the_page_without_the_attribute():
    assert restore(*stash(PAGE)) == (PAGE.replace(' data-search-exclude="x"', "")
                                     .replace(" data-search-exclude", ""))


def test_a_page_without_excluded_blocks_is_untouched():
    page = '<div data-search-excluded-not="1"><p>kept</p></div>'
    assert stash(page) == (page, [])


def test_an_unclosed_block_is_left_to_the_indexer():
    page = '<p>a</p><div data-search-exclude><p>never closed'
    html, blocks = stash(page)
    assert (html, blocks) == (page, [])
