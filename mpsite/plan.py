"""The town plan as data (``data/plan.yml``): load, validate, and render its generated parts.

The plan's section 四 (six areas, their lead and responsible units, 25 numbered tasks) is kept
once, in both languages, and rendered into pages through ``<!-- md:plan ARGS -->`` markers:

- ``tasks`` - every area with its units and tasks (the plan page's section 四);
- ``tasks AREA`` - one area's units and tasks (a protection page);
- ``task N`` - one task in full, with its area and lead unit;
- ``matrix`` - units x areas, marked lead / responsible (an accessible HTML table);
- ``unit UNIT-ID`` - one unit's duty sheet: every task it leads or shares, in full;
- ``unit-list`` - every unit with its description and a link to its duty sheet.

``level=N`` (any marker that writes headings) sets the level of its top headings. Generated
heading ids do not depend on the language (``area-family``, ``task-9``, ``unit-villages``), so
both languages have the same ids. No MkDocs import: the hook passes links in as functions.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import yaml

from . import plaintext, rawhtml
from .errors import AuthorError, AuthorErrors

LANGS = ("zh", "en")
ROLES = ("lead", "responsible")
TEMPLATES = Path(__file__).resolve().parent.parent / "overrides"
_ID = re.compile(r"^[a-z][a-z0-9-]*$")

LABELS = {
    "lead": {"zh": "牵头", "en": "Lead"},
    "responsible": {"zh": "责任", "en": "Responsible"},
    "lead_unit": {"zh": "牵头单位", "en": "Lead unit"},
    "responsible_units": {"zh": "责任单位", "en": "Responsible units"},
    "unit": {"zh": "单位", "en": "Unit"},
    "area": {"zh": "领域", "en": "Area"},
    "role": {"zh": "本单位角色", "en": "Role of this unit"},
    "tasks": {"zh": "任务", "en": "Tasks"},
    "task_count": {"zh": "涉及任务数", "en": "Tasks involved"},
    "description": {"zh": "单位简介", "en": "About the unit"},
    "duty_sheet": {"zh": "职责清单", "en": "Duty sheet"},
    "matrix_caption": {"zh": "各单位在六大保护中的分工（牵头 / 责任）",
                       "en": "Who does what in the six protections (lead / responsible)"},
    "source_note": {"zh": "原文说明", "en": "Note on the source"},
    "sep": {"zh": "、", "en": ", "},
    "colon": {"zh": "：", "en": ": "},
}


@dataclass(frozen=True)
class Unit:
    id: str
    name: dict[str, str]
    description: dict[str, str]


@dataclass(frozen=True)
class Area:
    id: str
    numeral: dict[str, str]
    name: dict[str, str]
    title: dict[str, str]
    lead: str
    responsible: tuple[str, ...]
    note: dict[str, str] | None


@dataclass(frozen=True)
class Task:
    number: int
    area: str
    title: dict[str, str]
    text: dict[str, str]


@dataclass(frozen=True)
class Plan:
    units: dict[str, Unit]      # in the order of the data file
    areas: dict[str, Area]      # in the plan's order (一 to 六)
    tasks: tuple[Task, ...]     # by number

    def tasks_of(self, area_id: str) -> list[Task]:
        return [t for t in self.tasks if t.area == area_id]

    def role(self, unit_id: str, area_id: str) -> str | None:
        """'lead', 'responsible' or None. A lead also listed as responsible counts once, as lead."""
        area = self.areas[area_id]
        if area.lead == unit_id:
            return "lead"
        return "responsible" if unit_id in area.responsible else None

    def areas_of(self, unit_id: str) -> list[tuple[Area, str]]:
        return [(a, r) for a in self.areas.values() if (r := self.role(unit_id, a.id))]


# -- loading with line numbers ---------------------------------------------------------------

class _Map(dict):
    line: int = 0


class _Seq(list):
    line: int = 0


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: same marks, 5x faster
    """SafeLoader whose mappings and lists remember the line they start on."""


def _map(loader, node):
    value = _Map(loader.construct_mapping(node, deep=True))
    value.line = node.start_mark.line + 1
    return value


def _seq(loader, node):
    value = _Seq(loader.construct_sequence(node, deep=True))
    value.line = node.start_mark.line + 1
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _seq)


def _line(value, default: int | None = None) -> int | None:
    return getattr(value, "line", default) or default


class _Checker:
    """Collects every problem in the file, so one build shows them all."""

    def __init__(self, where: str):
        self.where = where
        self.errors: list[AuthorError] = []

    def fail(self, item: str, problem: str, expected: str, line: int | None) -> None:
        self.errors.append(AuthorError(self.where, problem, expected=expected, line=line, item=item))

    def text(self, parent, key: str, item: str) -> dict[str, str]:
        """A ``{zh: ..., en: ...}`` field; a missing or empty language is a missing translation."""
        value = parent.get(key) if isinstance(parent, dict) else None
        line = _line(value, _line(parent))
        if not isinstance(value, dict):
            self.fail(item, f"'{key}' is missing or not a {{zh, en}} mapping",
                      f"{key}: {{zh: ..., en: ...}}", line)
            return {lang: "" for lang in LANGS}
        out = {}
        for lang in LANGS:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.fail(item, f"'{key}' has no {lang} text (missing translation)",
                          f"a non-empty '{key}.{lang}'", line)
                text = ""
            out[lang] = text.strip() if isinstance(text, str) else ""
        return out

    def ident(self, parent, key: str, item: str) -> str:
        value = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(value, str) or not _ID.match(value):
            self.fail(item, f"'{key}' is missing or not an id", f"{key}: lowercase-letters-digits-and-hyphens",
                      _line(parent))
            return ""
        return value


def load(path: Path, where: str | None = None) -> Plan:
    """Read and validate the plan; every problem found stops with file, line, item, expectation.
    Read once while the file is unchanged: each language build and each `mkdocs serve` rebuild
    asks again."""
    where = where or path.name
    try:
        stat = path.stat()
    except FileNotFoundError:
        stat = None
    key = (str(path), where, stat and (stat.st_mtime_ns, stat.st_size))
    if _loaded.get("key") != key:
        _loaded.update(key=key, plan=_read(path, where))
    return _loaded["plan"]


_loaded: dict = {}


def _read(path: Path, where: str) -> Plan:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise AuthorErrors([AuthorError(where, "file not found", expected="the plan as data")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise AuthorErrors([AuthorError(where, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                        expected="valid YAML", line=mark.line + 1 if mark else None)]) from None
    return validate(raw, where)


def validate(raw, where: str) -> Plan:
    check = _Checker(where)
    if not isinstance(raw, dict):
        raise AuthorErrors([AuthorError(where, "the file is not a mapping",
                                        expected="keys task_count, units, areas, tasks")])
    for key in ("units", "areas", "tasks"):
        if not isinstance(raw.get(key), list) or not raw[key]:
            check.fail(key, f"'{key}' is missing or empty", f"a non-empty list under '{key}:'", _line(raw))
    if check.errors:
        raise AuthorErrors(check.errors)

    units = _units(raw["units"], check)
    areas = _areas(raw["areas"], units, check)
    tasks = _tasks(raw["tasks"], raw.get("task_count"), areas, check, _line(raw))

    in_matrix = {a.lead for a in areas.values()} | {u for a in areas.values() for u in a.responsible}
    for unit_id in units:
        if unit_id not in in_matrix:
            check.fail(f"unit {unit_id}", "unit is defined but named in no area (missing from the matrix)",
                       "the unit as lead or in 'responsible' of at least one area, or remove it",
                       _line(next(u for u in raw["units"] if isinstance(u, dict) and u.get("id") == unit_id)))
    for area in areas.values():
        if area.id and not any(t.area == area.id for t in tasks):
            check.fail(f"area {area.id}", "area has no tasks", "at least one task with this area", None)
    if check.errors:
        raise AuthorErrors(check.errors)
    return Plan(units=units, areas=areas, tasks=tuple(sorted(tasks, key=lambda t: t.number)))


def _units(items, check: _Checker) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for i, item in enumerate(items, 1):
        label = f"unit #{i}"
        unit_id = check.ident(item, "id", label)
        label = f"unit {unit_id}" if unit_id else label
        if unit_id in units:
            check.fail(label, "duplicate unit id", "each unit defined once", _line(item))
        unit = Unit(unit_id, check.text(item, "name", label), check.text(item, "description", label))
        if unit_id:
            units[unit_id] = unit
    return units


def _areas(items, units: dict[str, Unit], check: _Checker) -> dict[str, Area]:
    areas: dict[str, Area] = {}
    known = ", ".join(units) or "none"
    for i, item in enumerate(items, 1):
        label = f"area #{i}"
        area_id = check.ident(item, "id", label)
        label = f"area {area_id}" if area_id else label
        line = _line(item)
        if area_id in areas:
            check.fail(label, "duplicate area id", "each area defined once", line)
        lead = item.get("lead") if isinstance(item, dict) else None
        if not lead:
            check.fail(label, "area has no lead unit", "lead: UNIT-ID (牵头单位)", line)
        elif lead not in units:
            check.fail(label, f"lead unit '{lead}' is not defined under units", f"one of: {known}", line)
        responsible = item.get("responsible") if isinstance(item, dict) else None
        if not isinstance(responsible, list):
            check.fail(label, "'responsible' is missing", "responsible: [UNIT-ID, ...] (责任单位)", line)
            responsible = []
        seen: set[str] = set()
        for unit_id in responsible:
            if unit_id not in units:
                check.fail(label, f"responsible unit '{unit_id}' is not defined under units",
                           f"one of: {known}", _line(responsible, line))
            if unit_id == lead:
                check.fail(label, f"lead unit '{unit_id}' is also listed as responsible",
                           "the lead recorded once, as lead; say in the area's 'note' that the source lists it twice",
                           _line(responsible, line))
            if unit_id in seen:
                check.fail(label, f"unit '{unit_id}' listed twice", "each unit once per area",
                           _line(responsible, line))
            seen.add(unit_id)
        note = check.text(item, "note", label) if isinstance(item, dict) and "note" in item else None
        area = Area(area_id, check.text(item, "numeral", label), check.text(item, "name", label),
                    check.text(item, "title", label), lead or "", tuple(responsible), note)
        if area_id:
            areas[area_id] = area
    return areas


def _tasks(items, task_count, areas: dict[str, Area], check: _Checker, top_line) -> list[Task]:
    tasks: list[Task] = []
    numbers: dict[int, int | None] = {}
    for i, item in enumerate(items, 1):
        line = _line(item)
        number = item.get("number") if isinstance(item, dict) else None
        label = f"task {number}" if isinstance(number, int) else f"task #{i}"
        if not isinstance(number, int) or isinstance(number, bool):
            check.fail(label, "task has no number", "number: an integer from 1", line)
            number = 0
        elif number in numbers:
            check.fail(label, f"duplicate task number {number} (first on line {numbers[number]})",
                       "each number once", line)
        else:
            numbers[number] = line
        area = item.get("area") if isinstance(item, dict) else None
        if not area:
            check.fail(label, "task has no area, so no lead unit",
                       f"area: one of {', '.join(areas)}", line)
        elif area not in areas:
            check.fail(label, f"area '{area}' is not defined, so the task has no lead unit",
                       f"area: one of {', '.join(areas)}", line)
        tasks.append(Task(number, area or "", check.text(item, "title", label), check.text(item, "text", label)))
    if not isinstance(task_count, int):
        check.fail("task_count", "task_count is missing", "task_count: the number of tasks in the source (25)",
                   top_line)
    else:
        missing = [n for n in range(1, task_count + 1) if n not in numbers]
        extra = sorted(n for n in numbers if not 1 <= n <= task_count)
        if missing:
            check.fail("tasks", f"task number(s) missing: {', '.join(map(str, missing))}",
                       f"tasks numbered 1..{task_count}, each once", _line(items))
        if extra:
            check.fail("tasks", f"task number(s) out of range: {', '.join(map(str, extra))}",
                       f"tasks numbered 1..{task_count}, each once", _line(items))
    return tasks


# -- rendering --------------------------------------------------------------------------------

Link = Callable[[str], "str | None"]   # unit id -> link to its duty sheet, or None


def _label(key: str, lang: str) -> str:
    return LABELS[key][lang]


def _labels(lang: str) -> dict[str, str]:
    return {k: v[lang] for k, v in LABELS.items()}


def _area_name(area: Area, lang: str, field: str = "title") -> str:
    """'（一）强化家庭保护' / '(1) Strengthening family protection'."""
    return f"{area.numeral[lang]}{'' if lang == 'zh' else ' '}{getattr(area, field)[lang]}"


def _heading(level: int, text: str, hid: str) -> str:
    return f"{'#' * level} {text} {{ #{hid} }}"


def _unit_ref(plan: Plan, unit_id: str, lang: str, link: Link | None) -> str:
    name = plan.units[unit_id].name[lang]
    href = link(unit_id) if link else None
    return f"[{name}]({href})" if href else name


def _area_units(plan: Plan, area: Area, lang: str, link: Link | None,
                env: jinja2.Environment | None) -> str:
    """HTML block: the area's lead and responsible units, linked to their duty sheets, and its note."""
    def unit(unit_id: str) -> dict:
        return {"name": plan.units[unit_id].name[lang], "href": link(unit_id) if link else None}
    html = _env(env).get_template("partials/plan-area-units.html").render(
        lead=unit(area.lead), responsible=[unit(u) for u in area.responsible],
        note=area.note[lang] if area.note else None, labels=_labels(lang))
    return rawhtml.block(html)


def _task_block(task: Task, lang: str, level: int) -> list[str]:
    text = task.text[lang]
    plain = plaintext.paragraph(text)
    return [_heading(level, f"{task.number}. {task.title[lang]}", f"task-{task.number}"), "",
            rawhtml.block(plain) if plain else text, ""]


def render_tasks(plan: Plan, lang: str, area_id: str | None = None, level: int | None = None,
                 unit_link: Link | None = None, env: jinja2.Environment | None = None) -> str:
    """Markdown: all areas (headed, level 3 by default) or one area's units and tasks."""
    out: list[str] = []
    if area_id is None:
        level = level or 3
        for area in plan.areas.values():
            out += [_heading(level, _area_name(area, lang), f"area-{area.id}"), ""]
            out += [_area_units(plan, area, lang, unit_link, env)]
            for task in plan.tasks_of(area.id):
                out += _task_block(task, lang, level + 1)
    else:
        area = plan.areas[area_id]
        out += [_area_units(plan, area, lang, unit_link, env)]
        for task in plan.tasks_of(area.id):
            out += _task_block(task, lang, level or 3)
    return "\n".join(out).rstrip() + "\n"


def render_task(plan: Plan, number: int, lang: str, level: int | None = None,
                unit_link: Link | None = None) -> str:
    """Markdown: one task in full, with its area and lead unit (e.g. task 9 on the reporting page)."""
    task = next(t for t in plan.tasks if t.number == number)
    area = plan.areas[task.area]
    out = _task_block(task, lang, level or 3)
    colon = _label("colon", lang)
    out.append(f"**{_label('area', lang)}**{colon}{_area_name(area, lang)}"
               f"{_label('sep', lang)}**{_label('lead_unit', lang)}**{colon}"
               f"{_unit_ref(plan, area.lead, lang, unit_link)}")
    return "\n".join(out).rstrip() + "\n"


def render_unit(plan: Plan, unit_id: str, lang: str, level: int | None = None,
                unit_link: Link | None = None, env: jinja2.Environment | None = None) -> str:
    """Markdown: a unit's duty sheet - its role in each area and the full text of each task.

    Only the unit's heading and description are searchable: the areas and tasks are found once,
    on the plan and protection pages (repeated on up to 16 duty sheets they crowded every search
    for a task or an area out of the results)."""
    level = level or 2
    unit = plan.units[unit_id]
    roles = plan.areas_of(unit_id)
    rows = [{"area_id": area.id, "area": _area_name(area, lang, "name"), "role": role,
             "lead": plan.units[area.lead].name[lang], "tasks": [t.number for t in plan.tasks_of(area.id)]}
            for area, role in roles]
    head = _env(env).get_template("partials/plan-unit-roles.html").render(
        description=unit.description[lang], rows=rows, labels=_labels(lang))
    out = [_heading(level, unit.name[lang], f"unit-{unit.id}"), rawhtml.block(head),
           '<div class="plan-unit-areas" data-search-exclude markdown>', ""]
    for area, role in roles:
        role_note = f"（{_label(role, lang)}）" if lang == "zh" else f" ({_label(role, lang)})"
        out += [_heading(level, _area_name(area, lang) + role_note, f"area-{area.id}"),
                _area_units(plan, area, lang, unit_link, env)]
        for task in plan.tasks_of(area.id):
            out += _task_block(task, lang, level + 1)
    out += ["</div>", ""]
    return "\n".join(out).rstrip() + "\n"


def _env(env: jinja2.Environment | None) -> jinja2.Environment:
    return env or jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)


def render_matrix(plan: Plan, lang: str, unit_url: Link | None = None,
                  env: jinja2.Environment | None = None) -> str:
    """HTML: units x areas, each cell lead / responsible / empty, with caption and header scopes."""
    rows = []
    for unit in plan.units.values():
        cells = [plan.role(unit.id, a.id) for a in plan.areas.values()]
        count = sum(len(plan.tasks_of(a.id)) for a, _ in plan.areas_of(unit.id))
        rows.append({"name": unit.name[lang], "href": unit_url(unit.id) if unit_url else None,
                     "cells": cells, "count": count})
    notes = [f"{_area_name(a, lang, 'name')}{_label('colon', lang)}{a.note[lang]}"
             for a in plan.areas.values() if a.note]
    html = _env(env).get_template("partials/plan-matrix.html").render(
        lang=lang, rows=rows, areas=[{"id": a.id, "name": a.name[lang]} for a in plan.areas.values()],
        labels=_labels(lang), notes=notes)
    return "\n" + html.strip() + "\n"


def render_unit_list(plan: Plan, lang: str, unit_url: Link | None = None,
                     env: jinja2.Environment | None = None) -> str:
    """HTML: every unit with its description, the areas it leads or shares, and its duty sheet."""
    rows = []
    for unit in plan.units.values():
        roles = plan.areas_of(unit.id)
        rows.append({"id": unit.id, "name": unit.name[lang], "description": unit.description[lang],
                     "href": unit_url(unit.id) if unit_url else None,
                     "lead": [a.name[lang] for a, r in roles if r == "lead"],
                     "responsible": [a.name[lang] for a, r in roles if r == "responsible"]})
    html = _env(env).get_template("partials/plan-units.html").render(
        lang=lang, rows=rows, labels=_labels(lang))
    return "\n" + html.strip() + "\n"


def render(plan: Plan, args: str, lang: str, where: str, line: int | None = None,
           unit_md: Link | None = None, unit_url: Link | None = None,
           env: jinja2.Environment | None = None) -> str:
    """Dispatch one marker's arguments; a wrong marker stops with the page, line and the choices."""
    words = args.split()
    options = dict(w.split("=", 1) for w in words if "=" in w)
    words = [w for w in words if "=" not in w]
    usage = "tasks [AREA] | task N | matrix | unit UNIT-ID | unit-list, optionally level=1..5"
    if not words:
        raise AuthorError(where, "empty <!-- md:plan --> marker", expected=usage, line=line)
    level = None
    if "level" in options:
        if not options["level"].isdigit() or not 1 <= int(options["level"]) <= 5:
            raise AuthorError(where, f"bad level={options['level']}", expected="level=1..5", line=line)
        level = int(options["level"])
    unknown = set(options) - {"level"}
    if unknown:
        raise AuthorError(where, f"unknown option(s) {', '.join(sorted(unknown))}", expected=usage, line=line)
    kind, rest = words[0], words[1:]
    if kind == "tasks" and len(rest) <= 1:
        if rest and rest[0] not in plan.areas:
            raise AuthorError(where, f"unknown area '{rest[0]}' in <!-- md:plan tasks -->",
                              expected=f"one of: {', '.join(plan.areas)}", line=line)
        return render_tasks(plan, lang, rest[0] if rest else None, level, unit_url, env)
    if kind == "unit" and len(rest) == 1:
        if rest[0] not in plan.units:
            raise AuthorError(where, f"unknown unit '{rest[0]}' in <!-- md:plan unit -->",
                              expected=f"one of: {', '.join(plan.units)}", line=line)
        return render_unit(plan, rest[0], lang, level, unit_url, env)
    if kind == "task" and len(rest) == 1:
        task = next((t for t in plan.tasks if str(t.number) == rest[0]), None)
        if task is None:
            raise AuthorError(where, f"unknown task '{rest[0]}' in <!-- md:plan task -->",
                              expected=f"a task number 1..{len(plan.tasks)}", line=line)
        return render_task(plan, task.number, lang, level, unit_md)
    if kind == "matrix" and not rest:
        return render_matrix(plan, lang, unit_url, env)
    if kind == "unit-list" and not rest:
        return render_unit_list(plan, lang, unit_url, env)
    raise AuthorError(where, f"unknown plan marker arguments '{args}'", expected=usage, line=line)
