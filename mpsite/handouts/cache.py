"""Content-addressed PDF cache: a PDF is rendered again only when something it is made of changed.

The key is a SHA-256 of everything that shapes the PDF: the full print HTML (page content,
template and CSS are inlined in it, QR codes by their addresses, dates), the bytes of every
image it embeds, the font files and the versions of WeasyPrint, pypdf and segno. Entries live in ``.cache/pdf/``
of the project as ``<key>.pdf`` with ``<key>.json`` (title, pages, size) so a warm build never
opens a PDF, and ``<key>.html`` (what was rendered, also used by the benchmark).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path

# Bump when the rendering code changes in a way the HTML does not show.
ENGINE_VERSION = "1"


def library_versions() -> str:
    return ";".join(f"{name}={version(name)}" for name in ("weasyprint", "pypdf", "segno")) \
        + f";engine={ENGINE_VERSION}"


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"missing:{path}"


class PdfCache:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def pdf(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def html(self, key: str) -> Path:
        return self.folder / f"{key}.html"

    def info(self, key: str) -> dict | None:
        """``{"title", "pages", "size"}`` of a cached PDF, or None when it is not cached."""
        meta = self.folder / f"{key}.json"
        if not (meta.exists() and self.pdf(key).exists()):
            return None
        try:
            return json.loads(meta.read_text(encoding="utf-8"))
        except ValueError:
            return None

    def store_info(self, key: str, info: dict) -> None:
        tmp = self.folder / f"{key}.json.tmp"
        tmp.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.folder / f"{key}.json")

    def copy_to(self, key: str, dest: Path) -> None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.pdf(key), dest)
