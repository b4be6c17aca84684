"""One search index per language.

mkdocs-static-i18n merges the entries of both languages into ``search/search_index.json``.
We split it so a reader on a zh page searches zh pages and a reader on an en page en pages:
the zh entries stay at the root, the en entries go to ``en/search/`` with locations made
relative to ``en/`` (the en pages point Material's ``config.base`` at ``en/``).
"""
from __future__ import annotations

import json
from pathlib import Path


def split(index: dict, prefix: str = "en/") -> tuple[dict, dict]:
    """(default-language index, prefixed-language index) from a merged index."""
    main, other = [], []
    for doc in index.get("docs", []):
        loc = doc.get("location", "")
        if loc.startswith(prefix):
            other.append({**doc, "location": loc[len(prefix):]})
        else:
            main.append(doc)
    # Both indexes use Material's zh pipeline. Measured here in Chromium: with lang [zh] English
    # words are found too (Latin runs are tokenised as usual), while with [en] or [zh, en] even
    # plain English words ("privacy") went unfound. tests/test_site_search.py checks both languages.
    config = {**index.get("config", {}), "lang": ["zh"]}
    return {**index, "config": config, "docs": main}, {**index, "config": config, "docs": other}


def write(site_dir: Path, prefix: str = "en/") -> None:
    """Split ``site/search/search_index.json`` in place, writing the offline ``.js`` too if present."""
    source = site_dir / "search" / "search_index.json"
    if not source.exists():
        return
    main, other = split(json.loads(source.read_text(encoding="utf-8")), prefix)
    for index, folder in ((main, site_dir / "search"), (other, site_dir / prefix / "search")):
        if index is other and not index["docs"]:
            continue  # not built this time (mkdocs serve, hooks/serve_hook.py): keep its index
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if (site_dir / "search" / "search_index.js").exists():
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
