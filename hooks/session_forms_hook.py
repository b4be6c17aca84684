"""``<!-- md:session-forms -->``: the table of each parent-school lesson's sign-in sheet and
feedback form PDFs (the trainers' handbook). Adapts the MkDocs event to ``mpsite.session_forms``;
the PDFs themselves are print documents of the handout engine (``handouts.extras``)."""
from __future__ import annotations

from pathlib import Path

from i18n_build import default_lang, fail, page_lang
from mpsite import markers, session_forms
from mpsite.errors import AuthorErrors


def on_page_markdown(markdown, page, config, files):
    if not markers.find(markdown, "session-forms"):
        return markdown
    lang = page_lang(page)

    def table(args: str, line: int) -> str:
        return "\n\n" + session_forms.links_markdown(
            Path(config.docs_dir), lang, page.file.src_uri.split("/", 1)[1], page.url,
            default_lang(config)) + "\n\n"

    try:
        return markers.replace(markdown, "session-forms", table)
    except AuthorErrors as exc:
        raise fail(exc) from None
