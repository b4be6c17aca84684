"""Printable handouts: pages and quizzes as A4 PDFs, handbooks per audience, a download centre.

How the build is planned (``hooks/handout_hook.py`` adapts MkDocs events to ``site.Build``):

1. ``on_page_markdown``: ``<!-- md:downloads -->`` becomes one heading per audience with an
   empty placeholder ``<div data-handout-audience=...>``; quiz markers are noted so a quiz
   sheet's QR code points at the page that holds the quiz.
2. ``on_page_content`` (late, after every other hook): a page with ``handout: true`` hands its
   rendered HTML to ``engine.Edition.add_page``.
3. ``on_env``: MkDocs has rendered every page's content but written none. ``Edition.produce``
   builds the print documents, renders only those whose content hash is not in ``.cache/pdf/``
   (two worker processes), merges the handbooks, and now knows every PDF's pages and size.
4. ``on_page_context`` (after search indexed the page): the download button goes at the top of
   each handout page, and the download centre's placeholders become tables.
5. ``on_post_build``: the PDFs are copied from the cache into ``downloads/pdf/`` (``en/…`` for
   English: ``config.site_dir`` is the root site during the nested English build), and the outer
   build logs ``handouts: rendered N, reused M, X.X s``.

So nothing is patched after it was written, and the download centre is exact in every build.
``mkdocs serve`` renders no PDF: it reuses cached ones and leaves the rest out (the log says how
many). ``HANDOUTS=0`` turns the engine off (no PDFs, no buttons, the centre says so).
"""
