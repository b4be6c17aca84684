"""Plan hook: ``data/plan.yml`` -> task lists, the responsibility matrix and unit duty sheets.

Adapts MkDocs events to ``mpsite.plan`` and nothing more: the plan is loaded and validated in
``on_config`` (so a broken plan stops every build, used or not), every unit must have a duty
sheet page in each language (``policy/units/<unit-id>.md``), and ``on_page_markdown`` replaces
``<!-- md:plan ... -->`` markers. Runs once per language (static-i18n).
"""
from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from i18n_build import fail, page_lang
from mpsite import markers
from mpsite import plan as plan_data
from mpsite.errors import AuthorError, AuthorErrors

log = logging.getLogger("mkdocs.plugins.plan")

PLAN_FILE = "data/plan.yml"
UNIT_PAGES = "policy/units"       # one duty sheet per unit and language: <lang>/policy/units/<id>.md

_state: dict[str, object] = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        _state["plan"] = plan_data.load(root / PLAN_FILE, PLAN_FILE)
    except AuthorErrors as exc:
        raise fail(exc) from None
    _state["env"] = None  # the theme's Jinja environment, set once the theme is ready
    return config


def on_files(files, config):
    plan = _state["plan"]
    docs = Path(config.docs_dir)
    missing = [AuthorError(f"docs/{lang}/{UNIT_PAGES}/{unit_id}.md", "unit has no duty sheet page",
                           expected=f"a page holding <!-- md:plan unit {unit_id} --> "
                                    "with front matter handout: true, audience: staff",
                           item=f"unit {unit_id} in {PLAN_FILE}")
               for unit_id in plan.units for lang in ("zh", "en")
               if not (docs / lang / UNIT_PAGES / f"{unit_id}.md").exists()]
    if missing:
        raise fail(AuthorErrors(missing))
    return files


def _links(page, files):
    """Links from this page to a unit's duty sheet: a relative .md path (Markdown) and a URL (HTML)."""
    lang = page_lang(page)

    def target(unit_id: str):
        return files.get_file_from_path(f"{lang}/{UNIT_PAGES}/{unit_id}.md")

    def md(unit_id: str) -> str | None:
        f = target(unit_id)
        if f is None or f.src_uri == page.file.src_uri:
            return None
        return posixpath.relpath(f.src_uri, posixpath.dirname(page.file.src_uri))

    urls: dict[str, str | None] = {}   # the plan page names each unit up to six times

    def url(unit_id: str) -> str | None:
        if unit_id not in urls:
            f = target(unit_id)
            urls[unit_id] = None if f is None or f is page.file else f.url_relative_to(page.file)
        return urls[unit_id]

    return md, url


def on_page_markdown(markdown, page, config, files):
    if not markers.find(markdown, "plan"):
        return markdown
    plan = _state["plan"]
    if _state.get("env") is None:
        _state["env"] = config.theme.get_env()
    lang = page_lang(page)
    where = f"docs/{page.file.src_uri}"
    unit_md, unit_url = _links(page, files)
    try:
        return markers.replace(markdown, "plan", lambda args, line: plan_data.render(
            plan, args, lang, where, line, unit_md=unit_md, unit_url=unit_url, env=_state["env"]))
    except AuthorError as exc:
        raise fail(exc) from None
