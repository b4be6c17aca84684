"""Contacts a reader can call: a number the town has not checked is labelled as a sample on
every page and PDF that shows it, and a strict build refuses to publish it."""
from __future__ import annotations

import re

import pypdf
import pytest
from conftest import run_build

from mpsite import settings
from mpsite.errors import AuthorErrors

SAMPLE = "0000-0000000"
LABELLED = {"zh": SAMPLE + "（示例号码，请本镇核实后替换）",
            "en": SAMPLE + " (sample number: the town must check and replace it)"}


def test_a_sample_value_is_shown_with_its_label_in_each_language():
    conf = {"contacts": {"police": "110", "office": {"sample": SAMPLE}, "old": "0000-000"}}
    assert settings.apply("打 {{ contacts.office }}", conf, "zh", "x.md") == "打 " + LABELLED["zh"]
    assert settings.apply("Call {{ contacts.office }}", conf, "en", "x.md") == "Call " + LABELLED["en"]
    assert settings.apply("{{ contacts.old }}", conf, "en", "x.md") == "0000-000 (sample number: the town must check and replace it)"
    assert settings.apply("{{ contacts.police }}", conf, "zh", "x.md") == "110"
    assert settings.samples(conf) == ["contacts.office", "contacts.old"]


def test_require_checked_names_every_sample_key():
    conf = {"contacts": {"police": "110", "office": {"sample": SAMPLE}}, "town": {"phone": "0000"}}
    with pytest.raises(AuthorErrors) as err:
        settings.require_checked(conf)
    assert "extra.contacts.office" in str(err.value) and "extra.town.phone" in str(err.value)
    settings.require_checked({"contacts": {"police": "110", "office": "0771-1234567"}})  # no error


def test_strict_contacts_stops_the_build_with_the_unset_keys(project_copy, tmp_path):
    proc = run_build(project_copy, tmp_path / "out", STRICT_CONTACTS="1")
    assert proc.returncode != 0
    assert "Traceback" not in proc.output, proc.output[-2000:]
    for key in ("contacts.town_office_phone", "contacts.police_station_phone",
                "contacts.minor_protection_hotline"):
        assert f"extra.{key} is still a sample value" in proc.output, proc.output[-2000:]


def test_every_page_labels_every_sample_number(site_dir):
    seen = 0
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        lang = "en" if page.relative_to(site_dir).parts[0] == "en" else "zh"
        bare = html.count(SAMPLE) - html.count(LABELLED[lang])
        assert bare == 0, f"{page.relative_to(site_dir)}: {bare} sample number(s) without the label"
        seen += html.count(LABELLED[lang])
    assert seen > 40  # the reporting page, hotlines, the one-pager, lessons: in both languages


@pytest.mark.parametrize("lang,name", [("zh", "policy-reporting-handout"), ("en", "policy-reporting-handout"),
                                       ("zh", "anti-bullying-06-first-24-hours")])
def test_handouts_print_the_label(site_dir, lang, name):
    path = site_dir / ("" if lang == "zh" else "en/") / "downloads" / "pdf" / f"{name}.pdf"
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pypdf.PdfReader(path).pages))
    assert re.sub(r"\s+", "", LABELLED[lang]) in text
