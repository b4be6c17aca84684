"""The plan pages as a reader sees them in the built site, and a broken plan stopping the build."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import run_build

ROOT = Path(__file__).resolve().parent.parent
UNITS = ["镇妇联", "镇委宣传办", "镇教办", "镇派出所", "镇综合服务中心", "镇住建", "镇文化站", "镇计生办",
         "镇工会", "镇团委", "镇残联", "各村", "镇司法所", "镇纪委办", "镇财政结算中心", "镇应急办"]
AREAS = ["家庭保护", "学校保护", "社会保护", "网络保护", "政府保护", "司法保护"]
LEADS = {"家庭保护": "镇妇联", "学校保护": "镇教办", "社会保护": "镇综合服务中心",
         "网络保护": "镇委宣传办", "政府保护": "镇综合服务中心", "司法保护": "镇纪委办"}
CLUTTER = ["观山", "admin 分享", "加入收藏", "预计阅读", "221381", "领取福利", "微信扫码"]
SLIPS = ["网课平合", "同课平台", "区、族", "等展法律监督"]


class _Table(HTMLParser):
    """The first <table>: caption, and rows of (tag, scope, text) cells."""

    def __init__(self):
        super().__init__()
        self.caption, self.rows, self._cell, self._in, self._done = "", [], None, None, False

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        if tag == "caption":
            self._in = "caption"
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = [tag, dict(attrs).get("scope"), ""]

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in = None
        elif tag in ("th", "td") and self._cell and not self._done:
            self.rows[-1].append(tuple(self._cell))
            self._cell = None
        elif tag == "table":
            self._done = True

    def handle_data(self, data):
        if self._in == "caption":
            self.caption += data
        elif self._cell is not None:
            self._cell[2] += data.strip()


def _article_text(html: str) -> str:
    body = re.search(r"<article.*?</article>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))


def _matrix(site_dir: Path, prefix: str = "") -> _Table:
    html = (site_dir / prefix / "policy/matrix/index.html").read_text(encoding="utf-8")
    table = _Table()
    table.feed(html[html.index('class="plan-matrix'):])
    return table


def test_matrix_lists_all_16_units_and_marks_leads(site_dir):
    table = _matrix(site_dir)
    assert table.caption.strip()
    header, *rows = table.rows
    assert [c[2] for c in header[1:7]] == AREAS and all(c[1] == "col" for c in header)
    assert [r[0][2] for r in rows] == UNITS
    assert all(r[0][:2] == ("th", "row") for r in rows)
    for col, area in enumerate(AREAS, start=1):
        leads = [r[0][2] for r in rows if r[col][2] == "牵头"]
        assert leads == [LEADS[area]], area
    # every unit has at least one role, and 各村 is responsible everywhere
    assert all(any(c[2] in ("牵头", "责任") for c in r[1:7]) for r in rows)
    assert [c[2] for c in rows[UNITS.index("各村")][1:7]] == ["责任"] * 6


def test_english_matrix_marks_leads(site_dir):
    header, *rows = _matrix(site_dir, "en").rows
    assert len(rows) == 16
    assert sum(c[2] == "Lead" for r in rows for c in r[1:7]) == 6


def test_matrix_links_each_unit_to_its_duty_sheet(site_dir):
    html = (site_dir / "policy/matrix/index.html").read_text(encoding="utf-8")
    for href in re.findall(r'<th scope="row"><a href="([^"]+)"', html):
        assert (site_dir / "policy/matrix" / href / "index.html").resolve().exists(), href


def test_plan_page_has_no_clutter_and_no_slips(site_dir):
    for prefix in ("", "en"):
        html = (site_dir / prefix / "policy/plan/index.html").read_text(encoding="utf-8")
        text = _article_text(html)
        # The closing note names the slips it corrected, so only the plan before it is checked.
        body = _article_text(html.split('id="about-this-text"')[0] + "</article>")
        for junk in CLUTTER:
            assert junk not in text, junk
        for slip in SLIPS:
            assert slip not in body, slip
        assert "{{" not in text
    zh = _article_text((site_dir / "policy/plan/index.html").read_text(encoding="utf-8"))
    assert "（市、区、旗）" in zh and "网课平台" in zh and "等开展法律监督" in zh
    assert "党的 XX 大精神" in zh  # kept as written, explained in the note
    note = zh.split("关于本文本")[-1]  # the closing section (the heading is its last mention)
    for slip in ("网课平合", "同课平台", "示范县（市、区、族）", "等展法律监督"):
        assert slip in note, f"the corrections note lists {slip}"


def test_plan_page_renders_all_25_tasks_once(site_dir):
    html = (site_dir / "policy/plan/index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h4 id="task-(\d+)"', html) == [str(n) for n in range(1, 26)]
    en = (site_dir / "en/policy/plan/index.html").read_text(encoding="utf-8")
    assert "authoritative" in en and en.count('id="task-') == 25


def test_each_unit_has_a_duty_sheet_handout(site_dir):
    plan = yaml.safe_load((ROOT / "data/plan.yml").read_text(encoding="utf-8"))
    for unit in plan["units"]:
        for lang, prefix in (("zh", ""), ("en", "en")):
            src = (ROOT / "docs" / lang / "policy/units" / f"{unit['id']}.md").read_text(encoding="utf-8")
            front = yaml.safe_load(src.split("---")[1])
            assert front == {"handout": True, "audience": "staff"}, unit["id"]
            html = (site_dir / prefix / "policy/units" / unit["id"] / "index.html").read_text(encoding="utf-8")
            assert f'id="unit-{unit["id"]}"' in html
            assert 'id="task-' in html


def test_police_station_sheet_holds_full_task_text(site_dir):
    html = (site_dir / "policy/units/town-police-station/index.html").read_text(encoding="utf-8")
    text = _article_text(html)
    assert "由首先接报的单位会同其他单位共同处理" in text  # task 9 in full
    assert len(re.findall(r'id="task-\d+"', html)) == 25   # responsible in all six areas


def test_protection_pages_show_their_areas_tasks(site_dir):
    pages = {"01-family": [1, 4], "02-school": [5, 8], "03-society": [9, 12],
             "04-network": [13, 15], "05-government": [16, 21], "06-judicial": [22, 25]}
    for page, (first, last) in pages.items():
        html = (site_dir / "policy/protections" / page / "index.html").read_text(encoding="utf-8")
        numbers = [int(n) for n in re.findall(r'id="task-(\d+)"', html)]
        assert numbers == list(range(first, last + 1)), page


def test_broken_plan_stops_the_build_with_a_clear_message(project_copy, tmp_path):
    path = project_copy / "data/plan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("area: judicial", "area: justice", 1),
                    encoding="utf-8")
    proc = run_build(project_copy, tmp_path / "site")
    assert proc.returncode != 0
    assert "data/plan.yml:" in proc.output and "task 22" in proc.output
    assert "'justice' is not defined" in proc.output
    assert "Traceback" not in proc.output
