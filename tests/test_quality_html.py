"""Valid HTML: the Nu HTML Checker (npm vnu-jar, the W3C validator's engine) over every built
page of both languages. Markup of ours has no error; the few errors that come from Material's
own templates are allowed below by message and element, so a new error of ours still fails."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message, a piece of the element it is reported on): Material's templates, not ours.
MATERIAL = [
    # partials/nav-item.html writes tabindex="{{ tabindex }}", empty for a section's own label.
    (r"Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    # base.html: the drawer and search toggles are checkboxes with autocomplete="off".
    (r"Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # partials/toc.html labels the table of contents toggle even on pages with no headings,
    # where Material leaves the toggle out.
    (r"The value of the “for” attribute of the “label” element must be the ID", 'for="__toc"'),
]


def _ours(message: dict) -> bool:
    extract = message.get("extract", "")
    return not any(re.search(text, message["message"]) and element in extract
                   for text, element in MATERIAL)


def test_every_page_is_valid_html(site_dir):
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `make test` (it runs npm install)")
    if not shutil.which("java"):
        pytest.fail("java is missing: run `make system` (apt-get install default-jre-headless)")
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 200
    proc = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html",
                           "--errors-only", str(site_dir)], capture_output=True, text=True)
    messages = json.loads(proc.stderr or proc.stdout)["messages"]
    checker_failed = [m for m in messages if m["type"] == "non-document-error"]
    assert not checker_failed, checker_failed[:3]
    errors = [m for m in messages if m["type"] == "error" and _ours(m)]
    assert not errors, "\n".join(
        f"{m['url'].split(str(site_dir))[-1]}:{m.get('lastLine')}: {m['message']} in {m.get('extract', '')[:120]!r}"
        for m in errors[:20])


def test_the_allowlist_passes_only_materials_own_elements():
    material = {"message": "Bad value “” for attribute “tabindex” on element “label”: The empty string…",
                "extract": '<label class="md-nav__link " for="__nav_5" tabindex="">'}
    ours = {"message": "Bad value “” for attribute “tabindex” on element “label”: The empty string…",
            "extract": '<label class="mp-quiz__option" tabindex="">'}
    assert not _ours(material) and _ours(ours)
