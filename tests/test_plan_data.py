"""The town plan as data (data/plan.yml): what it holds, and how a broken copy stops the build."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mpsite import plan
from mpsite.errors import AuthorError, AuthorErrors

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "data" / "plan.yml"
SOURCE_UNITS = ["镇妇联", "镇委宣传办", "镇教办", "镇派出所", "镇综合服务中心", "镇住建", "镇文化站",
                "镇计生办", "镇工会", "镇团委", "镇残联", "各村", "镇司法所", "镇纪委办",
                "镇财政结算中心", "镇应急办"]


@pytest.fixture(scope="module")
def data() -> plan.Plan:
    return plan.load(PLAN, "data/plan.yml")


def _zh_name(p: plan.Plan, unit_id: str) -> str:
    return p.units[unit_id].name["zh"]


def test_25_tasks_numbered_1_to_25(data):
    assert [t.number for t in data.tasks] == list(range(1, 26))


def test_six_areas_in_the_plans_order(data):
    assert list(data.areas) == ["family", "school", "society", "network", "government", "judicial"]
    assert [len(data.tasks_of(a)) for a in data.areas] == [4, 4, 4, 3, 6, 4]


def test_the_16_units_of_the_source_are_all_defined(data):
    assert sorted(u.name["zh"] for u in data.units.values()) == sorted(SOURCE_UNITS)


def test_every_unit_is_in_the_matrix(data):
    for unit_id in data.units:
        assert data.areas_of(unit_id), f"{unit_id} is in no area"


@pytest.mark.parametrize("area, lead", [
    ("family", "镇妇联"), ("school", "镇教办"), ("society", "镇综合服务中心"),
    ("network", "镇委宣传办"), ("government", "镇综合服务中心"), ("judicial", "镇纪委办")])
def test_known_leads(data, area, lead):
    assert _zh_name(data, data.areas[area].lead) == lead


def test_service_centre_leads_society_and_government_once_with_a_note(data):
    for area in ("society", "government"):
        assert data.role("town-service-centre", area) == "lead"
        assert "town-service-centre" not in data.areas[area].responsible
        assert "镇综合服务中心" in data.areas[area].note["zh"]


def test_villages_are_responsible_in_all_six_areas(data):
    assert [role for _, role in data.areas_of("villages")] == ["responsible"] * 6


def test_task_text_has_no_source_slips(data):
    text = "".join(t.title["zh"] + t.text["zh"] for t in data.tasks)
    for slip in ("网课平合", "同课平台", "等展法律监督"):
        assert slip not in text
    assert "网课平台" in data.tasks[12].text["zh"]
    assert "等开展法律监督" in data.tasks[23].text["zh"]


def test_task_text_matches_the_source_apart_from_corrections(data):
    """Every task is the source's wording: only punctuation width, spacing and the slips differ."""
    seed = Path("/work/shared/seed/000_9bd5af56c41d9d46.txt")
    if not seed.exists():
        pytest.skip("source plan not available on this machine")
    width = str.maketrans("“”（）：，；", "\"\"():,;")
    fixed = (seed.read_text(encoding="utf-8").replace("网课平合", "网课平台").replace("同课平台", "网课平台")
             .replace("等展法律监督", "等开展法律监督").replace(" ", "").translate(width))
    for t in data.tasks:
        full = f"{t.number}.{t.title['zh']}。{t.text['zh']}".replace(" ", "").translate(width)
        assert full in fixed, f"task {t.number} differs from the source"


def test_every_text_has_both_languages(data):
    for t in data.tasks:
        assert t.title["en"] and t.text["en"] and not re.search(r"[\u4e00-\u9fff]{4,}", t.title["en"])
    for u in data.units.values():
        assert u.name["en"] and u.description["en"] and u.description["zh"]


# -- broken copies ----------------------------------------------------------------------------

def _broken(tmp_path: Path, edit) -> str:
    """Load a copy of the plan changed by ``edit(raw)``; return the error message."""
    raw = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "plan.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(AuthorErrors) as info:
        plan.load(path, "data/plan.yml")
    return str(info.value)


def _task(raw, number):
    return next(t for t in raw["tasks"] if t["number"] == number)


def _area(raw, area_id):
    return next(a for a in raw["areas"] if a["id"] == area_id)


def test_undefined_unit_in_an_area_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _area(raw, "school")["responsible"].append("town-library"))
    assert "data/plan.yml:" in msg and "area school" in msg
    assert "'town-library' is not defined" in msg and "expected: one of: town-womens-federation" in msg


def test_undefined_lead_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _area(raw, "judicial").update(lead="town-court"))
    assert "area judicial" in msg and "lead unit 'town-court' is not defined" in msg


def test_unit_in_no_area_stops(tmp_path):
    def edit(raw):
        raw["units"].append({"id": "town-library", "name": {"zh": "镇图书馆", "en": "Town Library"},
                             "description": {"zh": "图书馆。", "en": "The library."}})
    msg = _broken(tmp_path, edit)
    assert "unit town-library" in msg and "named in no area" in msg and "expected:" in msg


def test_task_without_area_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _task(raw, 9).pop("area"))
    assert "task 9" in msg and "no area, so no lead unit" in msg


def test_task_with_unknown_area_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _task(raw, 9).update(area="community"))
    assert "task 9" in msg and "'community' is not defined" in msg


def test_area_without_lead_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _area(raw, "network").pop("lead"))
    assert "area network" in msg and "no lead unit" in msg


def test_duplicate_task_number_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _task(raw, 25).update(number=24))
    assert "duplicate task number 24" in msg
    assert "missing: 25" in msg and "tasks numbered 1..25" in msg


def test_missing_task_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: raw["tasks"].remove(_task(raw, 13)))
    assert "task number(s) missing: 13" in msg


def test_missing_translation_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _task(raw, 7)["text"].pop("en"))
    assert "task 7" in msg and "'text' has no en text (missing translation)" in msg
    assert re.search(r"data/plan\.yml:\d+", msg), "the line is named"


def test_missing_unit_translation_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: raw["units"][0]["description"].update(en=""))
    assert "unit town-womens-federation" in msg and "no en text" in msg


def test_lead_counted_twice_stops(tmp_path):
    msg = _broken(tmp_path, lambda raw: _area(raw, "society")["responsible"].append("town-service-centre"))
    assert "also listed as responsible" in msg and "recorded once, as lead" in msg


def test_all_problems_reported_together(tmp_path):
    def edit(raw):
        _task(raw, 1).pop("area")
        _task(raw, 2)["title"].pop("zh")
    errors = _broken(tmp_path, edit).splitlines()
    assert len(errors) == 2


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "plan.yml"
    path.write_text("units:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(AuthorErrors) as info:
        plan.load(path, "data/plan.yml")
    assert "data/plan.yml:" in str(info.value) and "not valid YAML" in str(info.value)


# -- markers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, problem", [
    ("tasks playground", "unknown area 'playground'"),
    ("unit town-library", "unknown unit 'town-library'"),
    ("task 26", "unknown task '26'"),
    ("matrix extra", "unknown plan marker arguments"),
    ("", "empty"),
    ("tasks level=9", "bad level=9"),
])
def test_wrong_marker_stops_with_page_and_line(data, args, problem):
    with pytest.raises(AuthorError) as info:
        plan.render(data, args, "zh", "docs/zh/policy/x.md", 12)
    assert problem in str(info.value) and "docs/zh/policy/x.md:12" in str(info.value)


def test_generated_heading_ids_are_the_same_in_both_languages(data):
    ids = {lang: re.findall(r"\{ #([\w-]+) \}", plan.render_tasks(data, lang)) for lang in ("zh", "en")}
    assert ids["zh"] == ids["en"]
    assert "task-9" in ids["zh"] and "area-judicial" in ids["zh"]
    unit = {lang: re.findall(r"\{ #([\w-]+) \}", plan.render_unit(data, "town-police-station", lang))
            for lang in ("zh", "en")}
    assert unit["zh"] == unit["en"] and unit["zh"][0] == "unit-town-police-station"


def test_duty_sheet_lists_every_task_of_the_units_areas(data):
    sheet = plan.render_unit(data, "town-justice-office", "zh")
    numbers = [int(n) for n in re.findall(r"\{ #task-(\d+) \}", sheet)]
    assert numbers == [5, 6, 7, 8, 9, 10, 11, 12, 22, 23, 24, 25]
    assert data.tasks[21].text["zh"] in sheet


def test_matrix_is_accessible_and_marks_leads(data):
    html = plan.render_matrix(data, "en")
    assert "<caption>" in html and html.count('<th scope="row">') == 16
    assert html.count('scope="col"') == 8
    assert html.count('class="plan-lead"') == 6
