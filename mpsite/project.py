"""The project's own files, for tests and benchmarks that build a throw-away copy."""
from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build reads; .cache (PDF cache), site/ and .venv are left behind.
PARTS = ("mkdocs.yml", "hooks", "mpsite", "overrides", "data", "quizzes", "docs")


def copy_project(dest: Path, parts: tuple[str, ...] = PARTS) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest
