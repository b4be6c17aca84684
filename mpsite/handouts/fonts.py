"""The Simplified Chinese faces the PDFs need, checked with fontconfig before any rendering.

Without a CJK face WeasyPrint only warns and draws empty boxes, so a missing font must stop the
build instead, naming the package to install.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess

SANS, SERIF = "Noto Sans CJK SC", "Noto Serif CJK SC"
PACKAGE = "fonts-noto-cjk"


class MissingFontError(RuntimeError):
    """No Simplified Chinese face: the PDFs would print empty boxes."""


def _run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=False).stdout


def cjk_families() -> list[str]:
    """Font families fontconfig offers for Chinese that cover Simplified Chinese."""
    if not shutil.which("fc-list"):
        raise MissingFontError("fontconfig's fc-list is missing: run `apt-get install fontconfig "
                               f"{PACKAGE}` to print the handouts")
    names = {name.strip() for line in _run("fc-list", ":lang=zh-cn", "family").splitlines()
             for name in line.split(",")}
    return sorted(n for n in names if n)


def check() -> None:
    """Stop unless the named SC faces (or at least one SC face) exist."""
    families = cjk_families()
    if not any(name in (SANS, SERIF) or name.endswith(" SC") for name in families):
        raise MissingFontError(
            f"no Simplified Chinese font found by fontconfig (looked for {SANS!r}, {SERIF!r}): "
            f"the handout PDFs would show empty boxes. Install it: `apt-get install {PACKAGE}` "
            "(or set HANDOUTS=0 to build without PDFs)")


def fingerprint() -> str:
    """Which font files the PDFs use (path, size, mtime): a font update renders them again."""
    parts = []
    for family in (SANS, SERIF, f"{SANS}:bold", f"{SERIF}:bold"):
        path = _run("fc-match", "-f", "%{file}", family).strip()
        try:
            st = os.stat(path)
            parts.append(f"{path}:{st.st_size}:{int(st.st_mtime)}")
        except OSError:
            parts.append(f"{family}:missing")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
