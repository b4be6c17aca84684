"""Each guide as a one-page A4 flowchart (``overrides/print/flowchart.html``) in the download
centre, for staff: the questions down a spine in two columns, "yes" to the right, "no" down. Listed in
``mpsite.handouts.extras.PROVIDERS``; called once per language by the handout hook."""
from __future__ import annotations

import posixpath

from ..handouts.engine import content_date
from ..quiz.render import TextRenderer
from . import render
from .model import file_for, load_all

AUDIENCE = "staff"


def provide(edition, ctx) -> None:
    lang = ctx.lang
    text = TextRenderer(text_filter=lambda source: ctx.fill(source, lang))
    for guide in load_all(ctx.root).values():   # checked in full by the guide hook's on_config
        if not (ctx.root / "docs" / lang / guide.page).exists():
            continue    # no page to show it on (a trimmed test site): no sheet whose QR code leads nowhere
        here = posixpath.dirname(guide.page)

        def page_href(path: str, here: str = here) -> str:
            target, _, anchor = path.partition("#")
            url = edition.page_url(posixpath.normpath(posixpath.join(here, target)))
            return url + (f"#{anchor}" if anchor else "")

        url = edition.page_url(guide.page)
        nodes = render.views(guide, lang, text, page_href, every_action=False)
        # On paper a basis already cited in an action's own text is not repeated after its title.
        for n in nodes:
            said = " ".join(str(x) for x in n.get("steps", []) + n.get("dont", []))
            n["cite_in_text"] = n["kind"] == "action" and str(n["cite"]["html"]) in said
        # Paper lists each number once, at the top, rather than under every action.
        contacts = list(dict.fromkeys(c for n in nodes for c in n.get("contacts", [])))
        edition.add_document(
            name=f"{guide.id}-guide", kind="flowchart", template="flowchart.html",
            title=" ".join(text.raw(guide.title.get(lang)).split()), audience=AUDIENCE,
            day=content_date(None, file_for(ctx.root, guide.id), ctx.root, edition.dates), url=url,
            qr_codes=[edition.qr(edition.L["scan_page"], url)], t=render.labels(lang),
            layout=render.ladder(guide, nodes), every=render.every_action(guide, lang, text, page_href),
            contacts=contacts)
