"""The merge preview says what a merge deletes inside the merged course's modules, and which
courses and programs lose workload (review of duplicates and merging, defects 2 and 3)."""

from edited_copies import (
    CSHARP,
    copy_of,
    course_copy_in_front_end,
    week_copy_in_the_same_course,
)

from designer.model import Totals
from designer.model.edits import Insert, SetField, apply_all
from designer.sharing.merge import plan_merge, preview_merge


def test_a_course_merge_lists_what_its_modules_lose(sample):
    copy = course_copy_in_front_end(sample)
    item = sample.modules_of(copy)[0].items[2]
    preview = preview_merge(sample, CSHARP, [copy.id])
    inside = "\n".join(preview.inside)
    assert (
        "outcome “Design a class hierarchy for a zoo.” is deleted "
        "(the survivor's “Week 3: Object-oriented programming in C#” has no such outcome)"
    ) in inside
    assert f"item “{item.title}” has {item.minutes:g} min, in the survivor's" in inside
    assert f"{item.minutes - 5:g} min" in inside
    assert "its items are in another order than in the survivor's “Week 2" in inside
    assert len(preview.inside) == 3  # the rest of the weeks is the same
    # And it is a loss: after the merge that outcome is nowhere.
    apply_all(sample, plan_merge(sample, CSHARP, [copy.id]))
    texts = [o.text for node in sample.walk() for o in getattr(node, "outcomes", [])]
    assert "Design a class hierarchy for a zoo." not in texts


def test_a_merged_course_module_without_a_match_is_listed_with_what_it_holds(sample):
    copy = course_copy_in_front_end(sample)
    week4 = copy_of(sample, sample.modules["csharp-w2"])
    apply_all(
        sample,
        [
            SetField(week4, "title", "Week 4: Generics"),
            Insert(copy, "module_ids", len(copy.module_ids), week4.id),
        ],
    )
    preview = preview_merge(sample, CSHARP, [copy.id])
    [line] = [line for line in preview.inside if "Week 4: Generics" in line]
    assert "has no match in the survivor and is deleted" in line
    assert all(f"outcome “{o.text}”" in line for o in week4.outcomes)
    assert all(f"item “{i.title}” ({i.kind.value}" in line for i in week4.items)


def test_an_identical_copy_shows_nothing_inside(sample):
    copy = copy_of(sample, sample.courses[CSHARP])
    apply_all(sample, [Insert(sample.program("front-end"), "course_ids", 6, copy.id)])
    assert preview_merge(sample, CSHARP, [copy.id]).inside == ()


def test_merging_two_modules_of_one_course_warns_of_the_hours_it_loses(sample):
    """The course lists the survivor once: it loses a week, and so do its programs."""
    course = sample.courses[CSHARP]
    week4 = week_copy_in_the_same_course(sample)
    totals = Totals(sample)
    assert totals.hours(course) == 40
    preview = preview_merge(sample, "csharp-w2", [week4.id], totals)
    assert preview.lost_units == (
        "“Introduction to Programming With C#” already holds the module "
        "“Week 2: Control flow and methods”: it keeps it once and loses the module "
        "“Week 4: Control flow and method”, 40 h → 30 h",
    )
    assert preview.workload == (
        "MS-FSD: 432 h → 422 h, 17 → 16 ECTS",
        "MS-BED: 319 h → 309 h, 12 → 12 ECTS",
        "MS-FED: 222 h → 212 h, 8 → 8 ECTS",
    )
    # The figures are those the merge gives.
    apply_all(sample, plan_merge(sample, "csharp-w2", [week4.id]))
    assert totals.hours(course) == 30
    assert [totals.hours(p) for p in sample.programs[:3]] == [422, 309, 212]


def test_merging_two_courses_of_one_program_warns_that_it_loses_a_course(sample):
    copy = copy_of(sample, sample.courses["foundations-of-coding-back-end"])
    back = sample.program("back-end")
    apply_all(sample, [Insert(back, "course_ids", len(back.course_ids), copy.id)])
    preview = preview_merge(sample, "foundations-of-coding-back-end", [copy.id])
    [lost] = preview.lost_units
    assert lost.startswith("“Microsoft Back-End Developer Professional Certificate” already holds")
    assert lost.endswith("348 h → 309 h")
    assert preview.workload == ("MS-BED: 348 h → 309 h, 13 → 12 ECTS",)


def test_a_merge_into_a_unit_of_other_hours_shows_the_programs_new_totals(sample):
    preview = preview_merge(
        sample, "foundations-of-coding-full-stack", ["foundations-of-coding-front-end"]
    )
    assert preview.lost_units == ()
    assert preview.workload == ("MS-FED: 212 h → 209 h, 8 → 8 ECTS",)
