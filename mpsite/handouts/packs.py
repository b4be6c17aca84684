"""Handbooks: a WeasyPrint cover and the audience's PDFs merged with pypdf.

Each handout gets an outline entry (bookmark); pages are labelled "Cover" then 1, 2, 3 … as
printed in the cover's contents; the document carries title, author (the town), subject,
keywords and its language (``/Lang``). pypdf drops the members' structure trees when merging,
so a handbook is not tagged; the single PDFs are.
"""
from __future__ import annotations

import os
from pathlib import Path



def merge(*, out: Path, cover: Path, members: list[tuple[str, Path]], title: str, author: str,
          subject: str, keywords: str, lang: str, cover_label: str) -> dict:
    # Imported here: a build without PDFs (HANDOUTS=0, `mkdocs serve`) should not pay for pypdf.
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter()
    writer.append(PdfReader(cover), import_outline=False)
    cover_pages = len(writer.pages)
    for member_title, path in members:
        start = len(writer.pages)
        writer.append(PdfReader(path), import_outline=False)
        writer.add_outline_item(member_title, start)
    writer.set_page_label(0, cover_pages - 1, prefix=cover_label)
    if len(writer.pages) > cover_pages:
        writer.set_page_label(cover_pages, len(writer.pages) - 1, style="/D", start=1)
    writer.add_metadata({"/Title": title, "/Author": author, "/Subject": subject,
                         "/Keywords": keywords, "/Creator": "mpsite handouts"})
    writer.root_object[NameObject("/Lang")] = TextStringObject(lang)
    writer.page_mode = "/UseOutlines"
    writer.create_viewer_preferences()
    writer.viewer_preferences.display_doctitle = True
    writer.compress_identical_objects()  # the members share their fonts
    tmp = out.with_name(out.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        writer.write(fh)
    os.replace(tmp, out)
    return {"title": title, "pages": len(writer.pages), "size": out.stat().st_size}
