"""Shared fixtures: the built site (once per test run, shared by xdist workers), a local HTTP
server, Debian's Chromium through Playwright, and throw-away copies of the project for
bad-input builds."""
from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from mpsite.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "tests"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def run_build(project: Path, dest: Path, offline: bool = False, **env: str) -> subprocess.CompletedProcess:
    """``mkdocs build`` of a project folder; the result carries stdout+stderr as ``.output``."""
    env = {**os.environ, "OFFLINE": "true" if offline else "false", "PYTHONPATH": str(project), **env}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(dest)],
                          cwd=project, env=env, capture_output=True, text=True)
    proc.output = proc.stdout + proc.stderr
    return proc


def _shared_build(name: str, offline: bool) -> Path:
    """Build the real project once per test run; xdist workers wait on a lock and reuse it."""
    CACHE.mkdir(parents=True, exist_ok=True)
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getppid()))
    dest, stamp = CACHE / name, CACHE / f"{name}.stamp"
    with open(CACHE / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == run_id and dest.exists()):
            shutil.rmtree(dest, ignore_errors=True)
            proc = run_build(ROOT, dest, offline)
            if proc.returncode != 0:
                pytest.fail(f"site build failed:\n{proc.output[-4000:]}")
            stamp.write_text(run_id)
    return dest


@pytest.fixture(scope="session")
def site_dir() -> Path:
    return _shared_build("site", offline=False)


@pytest.fixture(scope="session")
def offline_dir() -> Path:
    return _shared_build("site-offline", offline=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(site_dir):
    """The built site on http://127.0.0.1:<free port>/."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system` (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def project_copy(tmp_path, monkeypatch) -> Path:
    """A throw-away copy of the project to break on purpose. Its builds render no PDFs (a cold
    PDF cache would cost minutes per build); the handout tests build their own fixture."""
    monkeypatch.setenv("HANDOUTS", "0")
    return copy_project(tmp_path / "project")
