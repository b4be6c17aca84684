"""HTML to tagged A4 PDF with WeasyPrint, one process per core.

WeasyPrint is pure-Python layout and CPU-bound, so a cold build spreads documents over a
process pool (fork: the children inherit the already-imported WeasyPrint). PDFs are tagged
(PDF/UA-1: structure tree, ``/Lang``, title shown in the window) so screen readers and
copy-and-paste work; text stays selectable and searchable.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Job:
    key: str        # cache key, for the caller
    html: str       # a complete HTML document, self-contained (data URIs, file:// images)
    out: str        # where the PDF goes
    title: str      # what the download centre lists


class RenderError(RuntimeError):
    pass


def render_one(job: Job) -> dict:
    """Render a job to ``job.out`` (atomically) and return ``{"title", "pages", "size"}``."""
    import weasyprint

    out = Path(job.out)
    tmp = out.with_name(out.name + f".{os.getpid()}.tmp")
    try:
        # Local files and data URIs only: a PDF never waits on, or leaks to, the network.
        fetcher = weasyprint.urls.URLFetcher(allowed_protocols=("file", "data"))
        document = weasyprint.HTML(string=job.html, base_url=out.parent.as_uri() + "/",
                                   url_fetcher=fetcher).render(
            pdf_variant="pdf/ua-1", pdf_tags=True)
        document.write_pdf(tmp, pdf_variant="pdf/ua-1", pdf_tags=True)
    except Exception as exc:  # noqa: BLE001 - reported with the document's title
        tmp.unlink(missing_ok=True)
        raise RenderError(f"{job.title}: {type(exc).__name__}: {exc}") from exc
    os.replace(tmp, out)
    return {"title": job.title, "pages": len(document.pages), "size": out.stat().st_size}


def default_workers() -> int:
    wanted = os.environ.get("HANDOUTS_WORKERS")
    if wanted:
        return max(1, int(wanted))
    return max(1, min(2, os.cpu_count() or 1))


def render_many(jobs: list[Job], workers: int | None = None) -> list[dict]:
    """Render every job; results in the jobs' order."""
    if not jobs:
        return []
    workers = min(workers or default_workers(), len(jobs))
    if workers <= 1:
        return [render_one(job) for job in jobs]
    import weasyprint  # noqa: F401 - imported once here, inherited by the forked workers

    context = multiprocessing.get_context("fork")
    # Longest documents first keeps both workers busy until the end.
    order = sorted(range(len(jobs)), key=lambda i: -len(jobs[i].html))
    results: list[dict | None] = [None] * len(jobs)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {i: pool.submit(render_one, jobs[i]) for i in order}
        for i, future in futures.items():
            results[i] = future.result()
    return results  # type: ignore[return-value]
