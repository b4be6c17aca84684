"""An author's mistake stops the build with the file and what is wrong, never a traceback,
and `make build` (atomic) leaves the previous site intact."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_build

from mpsite import settings
from mpsite.errors import AuthorErrors


def _write(project: Path, rel: str, zh: str | None, en: str | None) -> None:
    for lang, text in (("zh", zh), ("en", en)):
        if text is not None:
            path = project / "docs" / lang / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def _assert_clean_failure(proc, *needles: str) -> None:
    assert proc.returncode != 0, "the build should have failed"
    assert "Traceback" not in proc.output, proc.output[-2000:]
    for needle in needles:
        assert needle in proc.output, f"{needle!r} not in:\n{proc.output[-2000:]}"


def test_missing_translation_stops_the_build(project_copy, tmp_path):
    _write(project_copy, "resources/new-page.md", "# 新页面\n", None)
    proc = run_build(project_copy, tmp_path / "out")
    _assert_clean_failure(proc, "docs/zh/resources/new-page.md", "no English translation")


def test_broken_internal_link_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/zh/resources/glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n见[不存在的页面](nowhere.md)。\n", encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "out")
    _assert_clean_failure(proc, "resources/glossary.md", "nowhere.md")


def test_broken_anchor_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/en/resources/glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [hotlines](hotlines.md#no-such-id).\n", encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "out")
    _assert_clean_failure(proc, "resources/glossary.md", "no-such-id")


def test_unknown_block_marker_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/zh/resources/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- md:nosuchthing x -->\n", encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "out")
    _assert_clean_failure(proc, "docs/zh/resources/about.md:", "unknown marker <!-- md:nosuchthing -->")


def test_unknown_setting_marker_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs/en/resources/about.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nCall {{ contacts.nope }}.\n", encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "out")
    line = text.count("\n") + 2
    _assert_clean_failure(proc, f"docs/en/resources/about.md:{line}", "{{ contacts.nope }}")


def test_settings_pick_the_page_language_and_skip_code():
    conf = {"town": {"name": {"zh": "青山镇", "en": "Qingshan Town"}}, "contacts": {"police": "110"}}
    md = "欢迎来到{{ town.name }}，报警 {{contacts.police}}。`{{ town.name }}` 原样\n\n```\n{{ town.name }}\n```\n"
    out = settings.apply(md, conf, "zh", "x.md")
    assert out.startswith("欢迎来到青山镇，报警 110。`{{ town.name }}` 原样")
    assert "```\n{{ town.name }}\n```" in out
    assert settings.apply("{{ town.name }}", conf, "en", "x.md") == "Qingshan Town"
    with pytest.raises(AuthorErrors) as err:
        settings.apply("a\n{{ town }}", conf, "zh", "x.md")  # a group of settings, not a value
    assert "x.md:2" in str(err.value)


def test_failed_make_build_leaves_the_previous_site(project_copy):
    """mpsite.atomic_build swaps the new site in only when the build succeeded."""
    env_py = [sys.executable, "-m", "mpsite.atomic_build", "site"]
    ok = subprocess.run(env_py, cwd=project_copy, capture_output=True, text=True,
                        env={**__import__("os").environ, "PYTHONPATH": str(project_copy)})
    assert ok.returncode == 0, ok.stderr[-2000:]
    before = (project_copy / "site/index.html").read_text(encoding="utf-8")
    _write(project_copy, "resources/orphan.md", "# 孤页\n", None)   # missing translation
    bad = subprocess.run(env_py, cwd=project_copy, capture_output=True, text=True,
                         env={**__import__("os").environ, "PYTHONPATH": str(project_copy)})
    assert bad.returncode != 0
    assert "left as it was" in bad.stderr
    assert (project_copy / "site/index.html").read_text(encoding="utf-8") == before
    assert not list(project_copy.glob(".site-*")), "temporary build folder left behind"
