"""Benchmark of the handout engine, on a throw-away copy of the project (the real docs are never
touched): ``python -m bench.handouts`` prints the figures; ``run()`` returns them.

Measured in one run: cold build (empty PDF cache), warm rebuild (nothing changed) and the same
build with ``HANDOUTS=0`` (three of each, interleaved, best kept), their ratio, a rebuild after
editing one handout page, and rendering the same PDFs with 1 and then 2 worker processes.
Targets: warm/no-handouts <= 1.2, 0 PDFs rendered when nothing changed, speed-up >= 1.6.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mpsite.handouts.render import Job, render_many
from mpsite.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
_LINE = re.compile(r"handouts: rendered (\d+), reused (\d+)")
ROUNDS = 3


def _build(project: Path, site: Path, **env: str) -> dict:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site)], cwd=project,
                          env={**os.environ, "PYTHONPATH": str(project), **env},
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise RuntimeError(f"build failed in {project}:\n{output[-3000:]}")
    match = _LINE.search(output)
    return {"seconds": round(seconds, 2),
            "rendered": int(match.group(1)) if match else None,
            "reused": int(match.group(2)) if match else None}


def _one_handout(project: Path) -> Path:
    for page in sorted((project / "docs" / "zh").rglob("*.md")):
        if re.search(r"(?m)^handout:\s*true\s*$", page.read_text(encoding="utf-8")):
            return page
    raise RuntimeError("no page with handout: true in the project")


def _render_jobs(cache: Path, out: Path) -> list[Job]:
    """The documents the cold build rendered (their print HTML is kept in the cache)."""
    out.mkdir(exist_ok=True)
    return [Job(key=p.stem, html=p.read_text(encoding="utf-8"), out=str(out / f"{p.stem}.pdf"),
                title=p.stem) for p in sorted(cache.glob("*.html"))]


def _fixture_project(dest: Path, pages: int) -> None:
    """The tests' fixture site with ``pages`` extra handout pairs (for when the project's own
    content does not build, e.g. while pages are being written)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from handout_fixture import make_fixture
    finally:
        sys.path.pop(0)
    make_fixture(dest, extra_handouts=pages)


def run(workdir: Path | None = None, fixture_pages: int | None = None) -> dict:
    """Run every measurement on a temporary copy; return the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-handouts-", dir=workdir) as tmp:
        project, site = Path(tmp) / "project", Path(tmp) / "site"
        if fixture_pages is None:
            copy_project(project)
        else:
            _fixture_project(project, fixture_pages)
        figures: dict = {"cpus": os.cpu_count(),
                         "project": "fixture" if fixture_pages is not None else "copy of the project"}
        figures["cold"] = _build(project, site)
        warm, off = [], []
        for _ in range(ROUNDS):  # interleaved, best of each: single builds here vary by 30%
            warm.append(_build(project, site))
            off.append(_build(project, site, HANDOUTS="0"))
        figures["warm"] = min(warm, key=lambda b: b["seconds"])
        figures["no_handouts"] = min(off, key=lambda b: b["seconds"])
        figures["warm_over_no_handouts"] = round(
            figures["warm"]["seconds"] / figures["no_handouts"]["seconds"], 2)
        page = _one_handout(project)
        page.write_text(page.read_text(encoding="utf-8") + "\n\n(benchmark edit)\n", encoding="utf-8")
        figures["edited_page"] = str(page.relative_to(project))
        figures["one_edit"] = _build(project, site)
        jobs = _render_jobs(project / ".cache" / "pdf", Path(tmp) / "render")
        timings: dict[int, float] = {}
        for workers in (1, 2, 1, 2):  # twice each, best kept: other load on the machine is noise
            started = time.perf_counter()
            render_many(jobs, workers)
            timings[workers] = min(timings.get(workers, 1e9), time.perf_counter() - started)
        figures["load_average"] = [round(x, 1) for x in os.getloadavg()]
        figures["render"] = {"pdfs": len(jobs), "serial_s": round(timings[1], 2),
                             "parallel_s": round(timings[2], 2),
                             "speedup": round(timings[1] / timings[2], 2)}
    return figures


def main(argv: list[str] | None = None) -> int:
    import argparse
    parser = argparse.ArgumentParser(prog="python -m bench.handouts", description=__doc__.split("\n")[0])
    parser.add_argument("--fixture", type=int, metavar="N", default=None,
                        help="bench the tests' fixture site with N extra handout pages instead of a "
                             "copy of the project (when the project's content does not build)")
    args = parser.parse_args(argv)
    figures = run(fixture_pages=args.fixture)
    print(f"project: {figures['project']}")
    cold, warm, edit, off, render = (figures[k] for k in ("cold", "warm", "one_edit", "no_handouts", "render"))
    print(f"cold build:            {cold['seconds']:6.2f} s  (PDFs rendered {cold['rendered']})")
    print(f"warm rebuild (best):   {warm['seconds']:6.2f} s  (PDFs rendered {warm['rendered']}, reused {warm['reused']})")
    print(f"after one edit:        {edit['seconds']:6.2f} s  (PDFs rendered {edit['rendered']}; {figures['edited_page']})")
    print(f"handouts off (best):   {off['seconds']:6.2f} s  (HANDOUTS=0)")
    print(f"warm / no handouts:    {figures['warm_over_no_handouts']:6.2f}    (target <= 1.2)")
    print(f"render {render['pdfs']} PDFs: serial {render['serial_s']:.2f} s, 2 workers "
          f"{render['parallel_s']:.2f} s, speed-up {render['speedup']:.2f} (target >= 1.6; "
          f"{figures['cpus']} CPUs, load average {figures['load_average']})")
    print(json.dumps(figures, ensure_ascii=False))
    ok = (warm["rendered"] == 0 and figures["warm_over_no_handouts"] <= 1.2
          and render["speedup"] >= 1.6)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
