"""Every PDF of the built site, both languages (not the fixture's few): fonts embedded, text that
copies out as the right characters, a clean structure by qpdf (a checker nobody here wrote), and
tagged with its language where it is a single document. Handbooks are merged by pypdf, which
keeps no structure tree, so they are exempt from tagging only (see mpsite/handouts/packs.py)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pypdf
import pytest

CJK = re.compile(r"[\u4e00-\u9fff]")
BROKEN = re.compile(r"[\ufffd\ue000-\uf8ff]")  # replacement or private-use: a glyph without its text


def _pdfs(site_dir):
    found = sorted(site_dir.glob("downloads/pdf/*.pdf")) + sorted(site_dir.glob("en/downloads/pdf/*.pdf"))
    assert len(found) > 150, len(found)
    return found


def _fonts(reader):
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            yield font
            for descendant in font.get("/DescendantFonts", []):
                yield descendant.get_object()


def _problems(path, site_dir) -> list[str]:
    name = path.relative_to(site_dir).as_posix()
    zh = not name.startswith("en/")
    reader = pypdf.PdfReader(path)
    problems = []
    for font in _fonts(reader):
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None and not any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            problems.append(f"{name}: font {font.get('/BaseFont')} is not embedded")
    text = reader.pages[0].extract_text()
    flat = re.sub(r"\s+", "", text)
    title = re.sub(r"\s+", "", str((reader.metadata or {}).get("/Title", "")))
    if not title or title not in flat:
        problems.append(f"{name}: the title {title!r} does not copy out of page 1 ({flat[:60]!r})")
    if BROKEN.search(text):
        problems.append(f"{name}: page 1 copies out characters without text: {BROKEN.findall(text)[:5]}")
    if zh and len(CJK.findall(text)) < 20:
        problems.append(f"{name}: page 1 gives {len(CJK.findall(text))} Chinese characters")
    root = reader.trailer["/Root"]
    if root.get("/Lang") != ("zh-CN" if zh else "en"):
        problems.append(f"{name}: language {root.get('/Lang')!r}")
    single = not path.name.startswith("handbook-") or path.name.endswith("-cover.pdf")
    if single and not (root.get("/MarkInfo", {}).get("/Marked") and "/StructTreeRoot" in root):
        problems.append(f"{name}: not tagged")
    return problems


def test_every_pdf_embeds_its_fonts_copies_out_its_text_and_is_tagged(site_dir):
    problems = [p for path in _pdfs(site_dir) for p in _problems(path, site_dir)]
    assert not problems, "\n".join(problems[:20])


def test_every_pdf_passes_qpdf_check(site_dir):
    if not shutil.which("qpdf"):
        pytest.fail("qpdf is missing: run `make system` (apt-get install qpdf)")
    bad = []
    for path in _pdfs(site_dir):
        proc = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        if proc.returncode != 0 or "WARNING" in proc.stdout + proc.stderr:
            bad.append(f"{path.relative_to(site_dir)}: {(proc.stdout + proc.stderr).strip()[-200:]}")
    assert not bad, "\n".join(bad[:10])
