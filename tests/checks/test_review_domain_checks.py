"""The domain review's defects in the checks and the sample, as a designer would see them."""

from __future__ import annotations

import argparse
from dataclasses import replace

import pytest
from checks_catalogs import certificate

from designer.checks import Finding, run_checks
from designer.checks.commands import add_commands
from designer.model import Catalog, Item, ItemKind, Module, Totals
from designer.storage import save

DETAILED_WEEKS = (
    "csharp-w1",
    "csharp-w2",
    "csharp-w3",
    "intro-pr-w1",
    "intro-pr-w2",
    "intro-pr-w3",
)
FORMATIVE = {
    ItemKind.PRACTICE_QUIZ,
    ItemKind.IN_VIDEO_QUIZ,
    ItemKind.PEER_REVIEW,
    ItemKind.SELF_REVIEW,
    ItemKind.PLUGIN,
    ItemKind.LAB,
    ItemKind.PROGRAMMING_ASSIGNMENT,
    ItemKind.DISCUSSION_PROMPT,
}


def check_output(catalog: Catalog, tmp_path, capsys) -> list[str]:
    """The lines `curriculum-designer check` prints for the catalog saved to a file."""
    path = tmp_path / "checked.curriculum.json"
    save(catalog, path)
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers())
    args = parser.parse_args(["check", str(path)])
    args.run(args)
    return capsys.readouterr().out.splitlines()


def lines_of(lines: list[str], rule: str) -> list[str]:
    return [line for line in lines if f" {rule} " in line]


def findings(catalog: Catalog, rule: str, include_silenced: bool = False) -> list[Finding]:
    found = run_checks(catalog, Totals(catalog), include_silenced=include_silenced)
    return [f for f in found if f.rule == rule]


# ---- D1: a course's size --------------------------------------------------------------------


def test_a_200_hour_course_and_a_1_hour_course_are_told_their_typical_size(
    sample, tmp_path, capsys
):
    sample.set_field(sample.courses["content-development-and-management"], "hours", 200.0)
    sample.set_field(sample.courses["media-relations-and-crisis-management"], "hours", 1.0)
    lines = check_output(sample, tmp_path, capsys)
    big, small = lines_of(lines, "workload.course-hours")
    assert big.startswith("info ")
    assert "“Content Development and Management” takes 200 h; a course is typically 20-50 h" in big
    assert "(Split it into two courses" in big
    assert "“Media Relations and Crisis Management” takes 1 h" in small
    assert "(Add the weeks it still lacks" in small


def test_the_sample_s_courses_and_its_5_hour_capstone_are_of_a_fitting_size(sample):
    # The Full Stack capstone is 5 h, as accredited: a capstone may be shorter than 20 h.
    # Weeks are not judged: the sample's detailed courses have 3 illustrative weeks.
    assert findings(sample, "workload.course-hours") == []


def test_a_short_course_that_is_not_a_capstone_is_told(sample):
    course = sample.courses["full-stack-developer-capstone-project"]
    sample.set_field(course, "title", "Full-Stack Developer Portfolio")
    (finding,) = findings(sample, "workload.course-hours")
    assert finding.unit == course.id and "takes 5 h" in finding.message


# ---- D2: a graded quiz ends each week; formative items are not graded -------------------------


def test_a_week_whose_only_graded_item_is_a_peer_review_has_no_graded_quiz(
    sample, tmp_path, capsys
):
    week = sample.modules["csharp-w2"]
    quiz = sample.remove(week, "items", len(week.items) - 1)
    peer_review = replace(quiz, kind=ItemKind.PEER_REVIEW)  # graded, names the outcomes
    sample.insert(week, "items", len(week.items), peer_review)
    lines = check_output(sample, tmp_path, capsys)
    (error,) = lines_of(lines, "structure.module-graded")
    assert error.startswith("error ")
    assert "“Week 2: Control flow and methods” has no graded quiz" in error
    (formative,) = lines_of(lines, "structure.formative-graded")
    assert formative.startswith("warning ")
    assert "is marked graded, but a peer review is formative assessment" in formative
    assert "(Untick graded" in formative
    # Its outcomes are named by a formative item only: not assessed for the certificate.
    assessed = {f.unit for f in findings(sample, "alignment.not-assessed")}
    assert {"csharp-w2-o1", "csharp-w2-o2", "csharp-w2-o3"} <= assessed


def test_a_practice_quiz_marked_graded_does_not_end_the_week_as_its_graded_quiz(sample):
    week = sample.modules["csharp-w1"]
    index = next(n for n, i in enumerate(week.items) if i.kind is ItemKind.PRACTICE_QUIZ)
    practice = sample.remove(week, "items", index)
    sample.insert(week, "items", len(week.items), replace(practice, graded=True))  # last
    (finding,) = findings(sample, "structure.module-ends-graded")
    assert "ends with the practice quiz “Types and variables”, not with its graded quiz" in (
        finding.message
    )
    assert finding.hint == "Move the graded quiz “Module 1 graded quiz” to the end of the week."
    (formative,) = findings(sample, "structure.formative-graded")
    assert formative.unit == practice.id


def test_a_graded_project_ends_a_capstone_week_but_not_another_course_s():
    parts = certificate()
    for module_id in ("c1-w1", "c4-w1"):  # Web Foundations; Web Developer Capstone Project
        quiz = parts.module(module_id).items[-1]
        quiz.kind = ItemKind.PROJECT
    found = parts.findings()
    assert [(f.rule, f.unit) for f in found] == [("structure.module-graded", "c1-w1")]


# ---- D3: the sample agrees with domain.md and its own assessment texts ------------------------


def test_the_sample_marks_no_formative_item_graded_and_ends_each_week_with_a_graded_quiz(sample):
    for module_id in DETAILED_WEEKS:
        items = sample.modules[module_id].items
        assert not [i.id for i in items if i.graded and i.kind in FORMATIVE]
        assert items[-1].kind is ItemKind.GRADED_QUIZ and items[-1].graded
    for rule in ("formative-graded", "module-graded", "module-ends-graded", "module-lessons"):
        assert findings(sample, f"structure.{rule}") == []


def test_the_sample_keeps_its_accredited_hours_and_credits(sample):
    totals = Totals(sample)
    figures = {p.code: totals.program(p) for p in sample.programs}
    assert {code: (f.hours, f.ects) for code, f in figures.items()} == {
        "MS-FSD": (422, 16),
        "MS-BED": (309, 12),
        "MS-FED": (212, 8),
        "MS-PRC": (136, 5),
    }
    assert [totals.hours(sample.modules[m]) for m in DETAILED_WEEKS] == [10, 10, 10, 9, 9, 8]


# ---- D6: the pace against the weekly hours --------------------------------------------------


def test_part_time_at_40_hours_a_week_is_a_warning_on_each_program(sample, tmp_path, capsys):
    sample.set_settings("weekly_hours", 40.0)
    lines = lines_of(check_output(sample, tmp_path, capsys), "workload.pace")
    assert len(lines) == 4 and all(line.startswith("warning ") for line in lines)
    assert (
        "MS-FSD is studied part-time, but the workload settings plan 40 h a week: that is "
        in (lines[0])
    )
    assert "full-time study" in lines[0]


def test_full_time_at_10_hours_a_week_is_a_warning_too(sample):
    sample.set_field(sample.program("full-stack"), "pace", "full-time")
    (finding,) = findings(sample, "workload.pace")
    assert "studied full-time, but the workload settings plan 10 h a week" in finding.message
    assert finding.field == "pace"


def test_the_sample_s_pace_agrees_with_its_weekly_hours(sample):
    assert findings(sample, "workload.pace") == []


# ---- D7: the pass mark -----------------------------------------------------------------------


def test_a_pass_mark_of_8_percent_is_told_and_so_is_the_80_percent_the_text_states(
    sample, tmp_path, capsys
):
    sample.set_field(sample.program("pr-communications"), "min_passing_score", 8.0)
    lines = check_output(sample, tmp_path, capsys)
    (low,) = lines_of(lines, "structure.pass-mark")
    assert low.startswith("warning ") and "MS-PRC's pass mark is 8 %" in low
    (stated,) = lines_of(lines, "structure.pass-mark-stated")
    assert "says “80 % to pass”, but its pass mark is 8 %" in stated


def test_the_sample_s_pass_marks_agree_with_its_assessment_texts(sample):
    assert findings(sample, "structure.pass-mark") == []
    assert findings(sample, "structure.pass-mark-stated") == []


# ---- D9: a course being detailed --------------------------------------------------------------


def test_a_course_with_its_first_week_detailed_is_first_told_to_add_its_remaining_weeks(sample):
    course = sample.courses["foundations-of-coding-full-stack"]
    week = Module(
        id="fcfs-w1",
        title="Week 1: How the web works",
        items=[Item(id="fcfs-w1-i1", title="The web", kind=ItemKind.READING, minutes=600)],
    )
    sample.add_unit(week)
    sample.insert(course, "module_ids", 0, week.id)
    (finding,) = [f for f in findings(sample, "workload.declared-mismatch") if f.unit == course.id]
    assert finding.hint == (
        "If it is still being detailed, add its remaining weeks (29 h); if not, set its hours "
        "to 10 h, or clear them to count its modules."
    )


# ---- D10: the typical size and the accredited sample -------------------------------------------


def test_the_total_hours_finding_calls_130_to_420_hours_typical(sample):
    (finding,) = findings(sample, "workload.total-hours", include_silenced=True)
    assert "above the typical 130-420 h" in finding.message
    assert "silence this with that reason" in finding.hint


def test_the_shipped_accredited_certificates_show_no_warning(sample, tmp_path, capsys):
    lines = check_output(sample, tmp_path, capsys)
    assert lines[-1] == "0 errors, 0 warnings, 20 info (profile entry-level; 4 silenced)"
    silenced = {(s.rule, s.unit): s.reason for s in sample.silenced}
    assert set(silenced) == {
        ("workload.total-hours", "full-stack"),
        ("structure.capstone-last", "back-end"),
        ("structure.capstone-last", "front-end"),
        ("structure.capstone-last", "pr-communications"),
    }
    assert "FIBAA" in silenced["workload.total-hours", "full-stack"]
    assert "job-relevant project" in silenced["structure.capstone-last", "back-end"]


# ---- D13: items, not lessons ----------------------------------------------------------------


@pytest.mark.parametrize("count", [4, 15, 30])
def test_a_week_of_4_to_30_items_is_fine(count):
    parts = certificate()
    items = parts.module("c1-w1").items
    extra = [
        Item(id=f"c1-w1-x{n}", title=f"Element {n}", kind=ItemKind.VIDEO, minutes=1)
        for n in range(count - len(items))
    ]
    del items[: max(0, len(items) - count)]
    items[:0] = extra
    assert not [f for f in parts.findings() if f.rule == "structure.module-lessons"]


def test_a_week_of_3_items_is_told_in_items():
    parts = certificate()
    del parts.module("c1-w1").items[:3]
    (finding,) = [f for f in parts.findings() if f.rule == "structure.module-lessons"]
    assert finding.message == (
        "The module “Web Foundations, week 1” has 3 items; a week of 4-6 lessons usually "
        "holds 4-30 items."
    )
    assert "lesson items" not in finding.message
