"""Chinese copy: AutoCorrect reports nothing on the zh Markdown and the quiz YAML, and no
lookalike characters (Kangxi radicals, compatibility ideographs, full-width Latin) slip in."""
from __future__ import annotations

import re
from pathlib import Path

import autocorrect_py as autocorrect

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "docs/zh").rglob("*.md")) + sorted((ROOT / "quizzes").glob("*.yml"))

# Characters that look like ordinary CJK or Latin ones but are different code points; they break
# search and copy-paste. Ranges: Kangxi radicals, CJK radicals supplement, CJK compatibility
# ideographs, full-width digits and Latin letters, zero-width characters.
LOOKALIKES = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u200b-\u200d\ufeff]")


def test_autocorrect_reports_nothing():
    problems = []
    for path in SOURCES:
        result = autocorrect.lint_for(path.read_text(encoding="utf-8"), path.name)
        for line in result.lines:
            problems.append(f"{path.relative_to(ROOT)}:{line.line}:{line.col}: {line.old.strip()[:60]!r} -> {line.new.strip()[:60]!r}")
    assert not problems, f"{len(problems)} AutoCorrect findings:\n" + "\n".join(problems[:30])


def test_no_lookalike_characters():
    found = []
    for path in SOURCES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in LOOKALIKES.finditer(line):
                found.append(f"{path.relative_to(ROOT)}:{n}: U+{ord(m.group()):04X} in {line.strip()[:40]!r}")
    assert not found, "\n".join(found[:30])


def test_lint_and_lookalike_checks_can_fail():
    assert autocorrect.lint_for("使用App的时候,请注意。", "x.md").lines
    assert LOOKALIKES.search("\u2f08")  # KANGXI RADICAL MAN, looks like 人
