"""The benchmark (`make bench`, `python -m bench`): prints figures, asserts nothing.

Every ratio compares two runs measured in this one run (these machines are noisy). Builds run on
temporary copies of the project, never on the real docs. Targets from the issues are printed
beside each figure.
"""
from __future__ import annotations

import gzip
import http.server
import io
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from mpsite.project import ROOT, copy_project

OUR_ASSETS = ROOT / "docs/zh/assets"
LIGHTHOUSE_PAGES = ["/", "/anti-bullying/05-handling/", "/network-safety/final-test/"]
ROUNDS = 3   # repeats of each timed comparison and Lighthouse run: single runs here vary by 30%
QUIZ_ASSETS = ("javascripts/quiz.js", "stylesheets/quiz.css")


def timed_build(project: Path, out: Path, config: str = "mkdocs.yml", **env: str) -> float:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(out)],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(project), **env})
    if proc.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}")
    return time.perf_counter() - started


def without_hooks(project: Path) -> str:
    """A config with our hooks removed: the same docs as MkDocs + Material + i18n see them."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M)
    (project / "mkdocs.nohooks.yml").write_text(text, encoding="utf-8")
    return "mkdocs.nohooks.yml"


def hook_seconds(project: Path, out: Path) -> tuple[dict[str, float], float]:
    """(seconds of our hook code - imports, each hook file's events, our Markdown processors -,
    seconds of the whole run), one build timed by ``bench.hook_timer`` (the copy's own mpsite
    first, the benchmark from here)."""
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bench.hook_timer", "-d", str(out)], cwd=project,
                          capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join((str(project), str(ROOT))),
                               "HANDOUTS": "0"})
    whole = time.perf_counter() - started
    from bench.hook_timer import PREFIX
    line = next(l for l in reversed(proc.stdout.splitlines()) if l.startswith(PREFIX))
    seconds = json.loads(line[len(PREFIX):])
    seconds.pop("build")
    return seconds, whole


def edit_to_reload(project: Path, edits: int = 5, port: int = 8797) -> list[float]:
    """Seconds from saving a zh page to ``mkdocs serve`` serving the new text, for each edit."""
    import urllib.request
    page, url = project / "docs/zh/resources/about.md", f"http://127.0.0.1:{port}/resources/about/"

    def served() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONPATH": str(project)})
    try:
        deadline = time.monotonic() + 300
        while not served():
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.5)
        seconds, original = [], page.read_text(encoding="utf-8")
        for n in range(edits):
            token = f"bench-edit-{n}-{time.time_ns()}"
            started = time.perf_counter()
            page.write_text(original + f"\n{token}\n", encoding="utf-8")
            while token not in served():
                if time.perf_counter() - started > 120:
                    raise SystemExit("an edit did not show within 120 s")
                time.sleep(0.1)
            seconds.append(time.perf_counter() - started)
            time.sleep(1)  # let the watcher settle before the next save
        return seconds
    finally:
        server.terminate()
        server.wait()


def pages_of(project: Path) -> int:
    return len(list((project / "docs").rglob("*.md")))


def multiply_content(project: Path, factor: int) -> None:
    """Add (factor - 1) synthetic copies of every content page and quiz."""
    docs = project / "docs"
    originals = [p for p in docs.rglob("*.md") if p.relative_to(docs).parts[1] != "assets"]
    quizzes = list((project / "quizzes").glob("*.yml"))
    for n in range(2, factor + 1):
        for page in originals:
            page.with_name(f"{page.stem}-x{n}.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
        for quiz in quizzes:
            text = re.sub(r"^id:\s*(\S+)", lambda m: f"id: {m.group(1)}-x{n}", quiz.read_text(encoding="utf-8"), count=1, flags=re.M)
            quiz.with_name(f"{quiz.stem}-x{n}.yml").write_text(text, encoding="utf-8")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def byte_figures(site: Path) -> dict[str, int]:
    ours = [p for p in OUR_ASSETS.rglob("*") if p.suffix in (".js", ".css") and "vendor" not in p.parts]
    html = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    figures = {
        "our JS+CSS, gzipped": sum(gz(p.read_bytes()) for p in ours),
        "quiz JS+CSS, gzipped": sum(gz((OUR_ASSETS / q).read_bytes()) for q in QUIZ_ASSETS if (OUR_ASSETS / q).exists()),
        f"largest page ({html.relative_to(site)})": html.stat().st_size,
    }
    for lang, folder in (("zh", site / "search"), ("en", site / "en/search")):
        data = (folder / "search_index.json").read_bytes()
        figures[f"search index {lang} (gzipped)"] = gz(data)
    return figures


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web server would deploy it: text compressed with gzip (Python's
    http.server sends everything uncompressed, which Lighthouse rightly counts against us)."""
    COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()      # the redirect to the folder's URL
            path = path / "index.html"
        if (path.suffix not in self.COMPRESS or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):  # the table is the output
        pass


def lighthouse(site: Path, paths: list[str], rounds: int = ROUNDS) -> list[tuple[str, dict[str, float]]]:
    """Lighthouse 12.2.3 (the last to run on Node 20), Debian Chromium, its default mobile
    settings, against a local gzip server; the median of ``rounds`` runs (Lighthouse's own advice
    for noisy machines). Scores, and LCP and TBT in ms."""
    tool = ROOT / ".cache/lighthouse"
    binary = tool / "node_modules/.bin/lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--silent", "--prefix", str(tool), "lighthouse@12.2.3"], check=True)
    handler = functools.partial(_GzipHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    runs: dict[str, list[dict[str, float]]] = {path: [] for path in paths}
    try:
        for _ in range(rounds):
            for path in paths:
                url = f"http://127.0.0.1:{httpd.server_address[1]}{path}"
                proc = subprocess.run(
                    [str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
                     "--chrome-path=/usr/bin/chromium",
                     "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking",
                     "--only-categories=performance,accessibility,best-practices,seo"],
                    capture_output=True, text=True, timeout=300)
                if proc.returncode != 0:
                    raise SystemExit(f"lighthouse failed on {path}: {proc.stderr.strip()[-300:]}")
                report = json.loads(proc.stdout)
                figures = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
                figures["LCP ms"] = report["audits"]["largest-contentful-paint"]["numericValue"]
                figures["TBT ms"] = report["audits"]["total-blocking-time"]["numericValue"]
                runs[path].append(figures)
    finally:
        httpd.shutdown()
    return [(path, {k: statistics.median(r[k] for r in results) for k in results[0]})
            for path, results in runs.items()]


def row(name: str, value: str, target: str = "") -> None:
    print(f"| {name:<52} | {value:>14} | {target:<22} |")


def main() -> None:
    print("| figure                                               |          value | target                 |")
    print("|" + "-" * 54 + "|" + "-" * 16 + "|" + "-" * 24 + "|")
    with tempfile.TemporaryDirectory(prefix="mpsite-bench-") as tmp:
        tmp = Path(tmp)
        project = copy_project(tmp / "p1")
        bare_config = without_hooks(project)
        bare, full, pairs = [], [], []
        for _ in range(ROUNDS):  # interleaved: a slow minute of the machine hits both alike
            bare.append(timed_build(project, tmp / "bare", bare_config, HANDOUTS="0"))
            full.append(timed_build(project, tmp / "full", HANDOUTS="0"))
            pairs.append(full[-1] / bare[-1])
        row(f"build, hooks removed (s, best of {ROUNDS})", f"{min(bare):.2f}")
        row(f"build with our hooks, no PDFs (s, best of {ROUNDS})", f"{min(full):.2f}")
        # Retired as a target (issue 15): the two builds hold different content. Information only.
        row("ratio hooks / no hooks (best / best)", f"{min(full) / min(bare):.2f}", "information")
        row("ratio hooks / no hooks (median of pairs)", f"{statistics.median(pairs):.2f}",
            " ".join(f"{p:.2f}" for p in pairs))
        # What the ratio is made of: our own code, and the content it adds (law texts, quizzes,
        # duty sheets) that Markdown, the templates and the search plugin then process.
        parts, whole = hook_seconds(project, tmp / "timed")
        ours = sum(parts.values())
        share = ours / whole
        row("our hook code: imports + events (s)", f"{ours:.2f}", f"{share:.2f} of a {whole:.1f} s build")
        for label, seconds in sorted(parts.items(), key=lambda item: -item[1])[:6]:
            row(f"  of which {label} (s)", f"{seconds:.2f}")
        row("our hook code / bare build of the same docs", f"{ours / min(bare):.2f}", "<= 0.10")
        row("ratio hooks / no hooks, our code taken out", f"{min(full) * (1 - share) / min(bare):.2f}",
            "= the content hooks add")

        reloads = edit_to_reload(project)
        row(f"serve: zh edit to new page served (s, median of {len(reloads)})", f"{statistics.median(reloads):.2f}",
            "<= 3 (" + " ".join(f"{r:.1f}" for r in reloads) + ")")

        per_page = {}
        for factor in (1, 5, 10):
            scaled = copy_project(tmp / f"x{factor}")
            multiply_content(scaled, factor)
            seconds = timed_build(scaled, tmp / f"x{factor}-site", HANDOUTS="0")
            per_page[factor] = seconds / pages_of(scaled)
            row(f"{factor}x content: {pages_of(scaled)} pages (s)", f"{seconds:.2f}")
            shutil.rmtree(scaled)
        row("time per page 5x / 1x", f"{per_page[5] / per_page[1]:.2f}", "flat")
        row("time per page 10x / 1x", f"{per_page[10] / per_page[1]:.2f}", "flat (total <= 11x)")

        for name, value in byte_figures(tmp / "full").items():
            row(name + " (bytes)", f"{value:,}", "quiz <= 10,240" if name.startswith("quiz") else "")

        offline_project = copy_project(tmp / "off")
        subprocess.run([sys.executable, "-m", "mpsite.atomic_build", "--offline", "site-offline"],
                       cwd=offline_project, capture_output=True, check=True,
                       env={**os.environ, "PYTHONPATH": str(offline_project), "HANDOUTS": "0"})
        row("offline zip (bytes)", f"{(offline_project / 'site-offline.zip').stat().st_size:,}")

        from bench import handouts
        h = handouts.run()
        row("handouts: cold build (s)", f"{h['cold']['seconds']:.2f}", f"rendered {h['cold']['rendered']}")
        row("handouts: warm rebuild (s, best of 3)", f"{h['warm']['seconds']:.2f}", f"rendered {h['warm']['rendered']} (target 0)")
        row("handouts: rebuild after one edit (s)", f"{h['one_edit']['seconds']:.2f}", f"rendered {h['one_edit']['rendered']}")
        row("handouts off (s, best of 3)", f"{h['no_handouts']['seconds']:.2f}")
        row("ratio warm / handouts off", f"{h['warm_over_no_handouts']:.2f}", "<= 1.2")
        r = h["render"]
        row(f"render {r['pdfs']} PDFs: 1 worker / 2 workers (s)", f"{r['serial_s']:.1f} / {r['parallel_s']:.1f}")
        row("speed-up parallel / serial", f"{r['speedup']:.2f}", ">= 1.6 on 2 cores")

        # The home page, a teachers' guide page (it ends with a quiz) and the online-safety final test.
        for path, scores in lighthouse(tmp / "full", LIGHTHOUSE_PAGES):
            for name, value in scores.items():
                target = "" if name.endswith(" ms") else ">= 90 (ours: the issue sets none)"
                row(f"lighthouse {path} {name} (median of {ROUNDS})", f"{value:.0f}", target)


if __name__ == "__main__":
    main()
