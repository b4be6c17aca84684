"""Build the site into a temporary folder and swap it in only when the build succeeded.

A failed build (an author's mistake) leaves the previous ``site/`` intact, so a server or a
colleague looking at it never sees half a site. ``--offline`` builds the offline edition
(Material's offline plugin, file:// friendly) and packs it as ``<dest>.zip``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path


def build(dest: Path, offline: bool = False, config: str = "mkdocs.yml") -> int:
    dest = dest.resolve()
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    env = {**os.environ, "OFFLINE": "true" if offline else "false"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", config, "-d", str(tmp)]
    result = subprocess.run(cmd, env=env)
    if result.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"build failed: {dest.name}/ left as it was", file=sys.stderr)
        return result.returncode
    old = dest.with_name(f".{dest.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if dest.exists():
        dest.rename(old)
    tmp.rename(dest)
    shutil.rmtree(old, ignore_errors=True)
    return 0


def pack(folder: Path) -> Path:
    """Zip a folder's contents (paths relative to it) next to it."""
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", nargs="?", default="site")
    parser.add_argument("--offline", action="store_true", help="build the offline edition and zip it")
    parser.add_argument("-f", "--config", default="mkdocs.yml")
    args = parser.parse_args(argv)
    code = build(Path(args.dest), args.offline, args.config)
    if code == 0 and args.offline:
        print(f"offline edition: {pack(Path(args.dest))}")
    return code


if __name__ == "__main__":
    sys.exit(main())
