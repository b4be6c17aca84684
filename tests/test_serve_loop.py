"""`mkdocs serve` as an author uses it: a zh save shows without rebuilding English, a save that
breaks a quiz says why in the terminal every time, keeps serving and recovers, and an edited quiz
shows (rebuilds keep rendered quizzes only while nothing but pages changes)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _until(check, what: str, seconds: float = 180):
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {seconds} s")
        time.sleep(0.2)


def _save(path, text):
    path.write_text(text, encoding="utf-8")


def test_serve_rebuilds_one_language_and_reports_every_broken_save(project_copy, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project_copy, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(project_copy)})
    try:
        _until(lambda: _get(base + "/resources/about/"), "first build served")
        page = project_copy / "docs/zh/resources/about.md"
        original = page.read_text(encoding="utf-8")

        _save(page, original + "\n编辑一\n")
        _until(lambda: "编辑一" in _get(base + "/resources/about/"), "the zh edit")
        assert "only zh pages changed; en kept from the last build" in log.read_text()
        assert "About" in _get(base + "/en/resources/about/")
        assert '"location":' in _get(base + "/en/search/search_index.json")

        quiz = next(p for p in sorted((project_copy / "quizzes").glob("*.yml")))
        good = quiz.read_text(encoding="utf-8")
        _save(quiz, good.replace("answer:", "answr:", 1))
        _until(lambda: log.read_text().count("unknown field 'answr'") >= 1, "the quiz error")
        _save(page, original + "\n编辑二\n")  # still broken: the terminal says why again
        _until(lambda: log.read_text().count("unknown field 'answr'") >= 2, "the error again")
        assert server.poll() is None

        _save(quiz, good)
        _until(lambda: "编辑二" in _get(base + "/resources/about/"), "recovery after the fix")

        cases = project_copy / "quizzes/bullying-cases.yml"
        _save(cases, cases.read_text(encoding="utf-8").replace("两名同学抢篮球场", "两名同学抢乒乓球台", 1))
        _until(lambda: "两名同学抢乒乓球台" in _get(base + "/anti-bullying/09-case-studies/"), "the quiz edit")
    finally:
        server.terminate()
        server.wait(timeout=30)
