"""Accessibility: axe-core (axe-playwright-python) on every page, zero serious or critical
violations: every Chinese page, each quiz in presentation mode and an opened search here, the
English ones in test_quality_a11y_en.py (one file per language: one xdist worker each)."""
from __future__ import annotations

from a11y_scan import scan


def test_every_chinese_page_presentation_and_search(page, server, site_dir):
    checked, presented, findings = scan(page, server, site_dir, "zh")
    assert checked > 100 and presented > 30, (checked, presented)
    assert not findings, "\n".join(findings)


def test_task_list_checkboxes_are_named_by_their_item():
    from mpsite.a11y import label_task_checkboxes
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> 有伤先<strong>送医</strong>，通知家长。'
            '<ul><li>子项</li></ul></li>')
    out = label_task_checkboxes(html)
    assert '<input type="checkbox" aria-label="有伤先送医，通知家长。" disabled/>' in out
    assert out.replace(' aria-label="有伤先送医，通知家长。"', "") == html
