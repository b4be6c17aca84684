"""Accessibility of every English page, its quizzes presented and an opened search (see
test_quality_a11y.py)."""
from __future__ import annotations

from a11y_scan import scan


def test_every_english_page_presentation_and_search(page, server, site_dir):
    checked, presented, findings = scan(page, server, site_dir, "en")
    assert checked > 100 and presented > 30, (checked, presented)
    assert not findings, "\n".join(findings)
