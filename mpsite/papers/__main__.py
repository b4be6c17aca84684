"""``make paper``: render exam papers without building the site.

    python -m mpsite.papers [quizzes/papers/x.yml ...] [--out papers] [--lang zh --lang en]

No file named: every config under quizzes/papers/. Reads the town's settings from mkdocs.yml,
checks the CJK fonts, renders through the handout engine (its PDF cache in .cache/pdf, so an
unchanged paper is copied, not rendered again) and writes ``<out>/paper-<name>-a.<lang>.pdf``.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from .. import markers, settings
from ..errors import AuthorErrors, report
from ..handouts import fonts
from ..handouts.engine import Edition, Stats
from ..handouts.extras import Context
from ..handouts.render import RenderError
from ..project import ROOT
from .config import paper_files
from .documents import add_papers


class _SiteLoader(yaml.SafeLoader):
    """mkdocs.yml without MkDocs: its !ENV and !!python/name tags read as nothing."""


_SiteLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_settings(root: Path) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_SiteLoader)


def site_name(site: dict, lang: str) -> str:
    """The site's name in a language: mkdocs-static-i18n's per-language site_name, else the top one."""
    for plugin in site.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in (plugin["i18n"] or {}).get("languages") or []:
                if language.get("locale") == lang and language.get("site_name"):
                    return language["site_name"]
    return site.get("site_name", "")


def _note_quiz_pages(edition: Edition, root: Path, lang: str) -> None:
    """Which page holds each quiz (the QR code of a one-quiz paper opens it), as the site build
    learns it from the pages' markers."""
    folder = root / "docs" / lang
    for page in sorted(folder.rglob("*.md")):
        for match, _ in markers.find(page.read_text(encoding="utf-8"), "quiz"):
            if match.group(2):
                edition.note_quiz(match.group(2).split()[0], page.relative_to(folder).as_posix())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mpsite.papers", description=__doc__.split("\n\n")[0])
    parser.add_argument("configs", nargs="*", type=Path, help="paper configs (default: quizzes/papers/*.yml)")
    parser.add_argument("--out", type=Path, default=ROOT / "papers", help="output folder (default: papers/)")
    parser.add_argument("--lang", action="append", choices=("zh", "en"), help="language (default: both)")
    parser.add_argument("--cache", type=Path, help="PDF cache (default: .cache/pdf, shared with the site build)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    paths = [p.resolve() for p in args.configs] or paper_files(root)
    if not paths:
        print(f"no paper configs in {root / 'quizzes/papers'}", file=sys.stderr)
        return 1
    site = site_settings(root)
    extra = site.get("extra") or {}
    try:
        fonts.check()
        args.out.mkdir(parents=True, exist_ok=True)
        for lang in args.lang or ["zh", "en"]:
            edition = Edition(lang=lang, root=root, templates=root / "overrides" / "print",
                              cache_dir=args.cache or root / ".cache" / "pdf", site_url=site.get("site_url") or "/",
                              site_name=site_name(site, lang),
                              town=settings.lookup(extra, "town.name", lang) or "",
                              font_fingerprint=fonts.fingerprint())
            _note_quiz_pages(edition, root, lang)
            fill = lambda text, text_lang: settings.apply(text, extra, text_lang, "quizzes/")  # noqa: E731
            docs = add_papers(edition, Context(root=root, lang=lang, extra=extra, fill=fill), paths)
            stats = Stats()
            edition.produce([], serving=False, stats=stats)
            for doc in docs:
                out = args.out / f"{doc.name}.{lang}.pdf"
                shutil.copyfile(edition.cache.pdf(doc.key), out)
                print(f"{out}  ({doc.info['pages']} pages)")
    except AuthorErrors as exc:
        print("papers: stopped:" + report(exc), file=sys.stderr)
        return 1
    except (fonts.MissingFontError, RenderError) as exc:
        print(f"papers: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
