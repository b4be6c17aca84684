"""QR codes for paper: scanned by a parent's phone to open the page or its quiz."""
from __future__ import annotations


def svg_data_uri(url: str) -> str:
    """A black-on-white SVG QR code as a data URI (no file, no request). Error level M
    survives a smudged photocopy; the quiet zone (border 4) lets phones find it."""
    import segno  # here: builds without PDFs draw no QR code
    return segno.make(url, error="m", micro=False).svg_data_uri(scale=4, border=4,
                                                                dark="#000", light="#fff")
