"""A learner's way to a certificate from what they hold, and what changing a course's hours does."""

import math

import pytest
from report import TABLES

from designer.model import Course, Module, Program, Totals
from designer.model.edits import AddUnit, Insert, Remove, apply_all
from designer.sharing.pathway import impact, next_programs, pathway

# Full Stack's courses in its order, with their hours from the report's table, by hand.
FULL_STACK = TABLES["full-stack"]
FRONT_END_HAS = {
    "Introduction to Programming With C#",
    "Introduction to Web Development",
    "Blazor for Front-End Development",
}
BACK_END_HAS = {
    "Introduction to Programming With C#",
    "Back-End Development with .NET",
    "Database Integration and Management",
    "Security and Authentication",
    "Performance Optimization and Scalability",
    "Data Structures and Algorithms",
    "Deployment and DevOps",
}


def titles(catalog, course_ids):
    return [catalog.courses[c].title for c in course_ids]


def test_a_front_end_holder_on_the_way_to_full_stack(sample):
    path = pathway(sample, Totals(sample), ["front-end"], "full-stack")
    assert path.credited_hours == 30 + 39 + 35 == 104
    assert path.remaining_hours == 422 - 104 == 318
    assert path.remaining_weeks == math.ceil(318 / 10) == 32
    assert titles(sample, path.credited) == [t for t, _ in FULL_STACK if t in FRONT_END_HAS]
    assert titles(sample, path.remaining) == [t for t, _ in FULL_STACK if t not in FRONT_END_HAS]
    assert sample.courses[path.start].title == "Foundations of Coding Full-Stack"


def test_a_back_end_holder_on_the_way_to_full_stack(sample):
    path = pathway(sample, Totals(sample), ["back-end"], "full-stack")
    assert path.credited_hours == 30 + 43 + 27 + 39 + 47 + 47 + 37 == 270
    assert path.remaining_hours == 39 + 39 + 35 + 34 + 5 == 152
    assert path.remaining_weeks == 16
    assert titles(sample, path.remaining) == [
        "Foundations of Coding Full-Stack",
        "Introduction to Web Development",
        "Blazor for Front-End Development",
        "Full-Stack Integration",
        "Full-Stack Developer Capstone Project",
    ]
    assert path.start == path.remaining[0]


def test_holding_the_target_itself_leaves_nothing(sample):
    path = pathway(sample, Totals(sample), ["full-stack"], "full-stack")
    assert (path.remaining_hours, path.remaining_weeks, path.remaining, path.start) == (
        0,
        0,
        (),
        None,
    )
    assert path.credited_hours == 422


def test_completed_courses_count_as_well_as_programs(sample):
    totals = Totals(sample)
    path = pathway(sample, totals, ["introduction-to-programming-with-csharp"], "back-end")
    assert path.credited_hours == 30
    assert path.remaining_hours == 309 - 30
    both = pathway(sample, totals, ["front-end", "back-end-development-with-dotnet"], "full-stack")
    assert both.credited_hours == 104 + 43


def test_a_back_end_holder_is_closest_to_public_relations_then_full_stack(sample):
    ranking = next_programs(sample, Totals(sample), ["back-end"])
    # Nothing of Public Relations is shared: all 136 h; Full Stack 422 - 270; Front-End 212 - 30.
    assert ranking == [("pr-communications", 136), ("full-stack", 152), ("front-end", 182)]


def test_unknown_holdings_are_refused(sample):
    with pytest.raises(KeyError):
        pathway(sample, Totals(sample), ["no-such-thing"], "full-stack")
    with pytest.raises(KeyError):
        pathway(sample, Totals(sample), ["front-end"], "introduction-to-web-development")


def test_a_course_made_partly_of_held_weeks_gets_those_weeks_credited(sample):
    # A refresher course: two of the C# course's three weeks, and a new week of its own.
    linq = Module(id="linq", title="Week 3: LINQ", hours=10)
    refresher = Course(
        id="csharp-refresher", title="C# Refresher", module_ids=["csharp-w1", "csharp-w2", "linq"]
    )
    bridge = Program(id="bridge", title="Bridge", course_ids=[])
    apply_all(
        sample,
        [
            AddUnit(linq),
            AddUnit(refresher),
            Insert(None, "programs", len(sample.programs), bridge),
            Insert(bridge, "course_ids", 0, "csharp-refresher"),
            Insert(bridge, "course_ids", 1, "ui-ux-design-principles"),
        ],
    )
    totals = Totals(sample)
    path = pathway(sample, totals, ["back-end"], "bridge")
    # Weeks 1 and 2 of C# are 10 h each; the refresher stays, for its new week.
    assert path.credited_hours == 10 + 10
    assert path.credited == ()
    assert path.remaining == ("csharp-refresher", "ui-ux-design-principles")
    assert path.remaining_hours == 10 + 29
    assert path.start == "csharp-refresher"
    # The list of what remains says what is left of the refresher: its new week.
    assert path.partly == {"csharp-refresher": 20}
    assert [path.hours_left(totals, c) for c in path.remaining] == [10, 29]
    # Holding every one of its weeks credits the refresher outright.
    apply_all(sample, [Remove(refresher, "module_ids", 2)])
    path = pathway(sample, totals, ["introduction-to-programming-with-csharp"], "bridge")
    assert path.credited == ("csharp-refresher",)
    assert path.remaining == ("ui-ux-design-principles",)


def test_five_more_hours_of_the_shared_csharp_course_change_three_programs(sample):
    changes = impact(sample, Totals(sample), "introduction-to-programming-with-csharp", 5)
    # ECTS = hours / 25 rounded down: 422/25 = 16.88, 427/25 = 17.08; 309 -> 314; 212 -> 217.
    assert [
        (c.program, c.hours_before, c.hours_after, c.ects_before, c.ects_after) for c in changes
    ] == [
        ("full-stack", 422, 427, 16, 17),
        ("back-end", 309, 314, 12, 12),
        ("front-end", 212, 217, 8, 8),
    ]


def test_a_weeks_hours_reach_every_program_through_its_course(sample):
    changes = impact(sample, Totals(sample), "csharp-w1", -10)
    assert [(c.program, c.hours_after, c.ects_after) for c in changes] == [
        ("full-stack", 412, 16),
        ("back-end", 299, 11),
        ("front-end", 202, 8),
    ]
    # A unit cannot lose more hours than it has.
    floor = impact(sample, Totals(sample), "csharp-w1", -1000)
    assert floor[0].hours_after == 422 - 10


def test_impact_follows_the_rounding_setting(sample):
    sample.set_settings("rounding", "nearest")
    changes = impact(sample, Totals(sample), "introduction-to-public-relations", -4)
    # 136/25 = 5.44 -> 5; 132/25 = 5.28 -> 5; with +2: 138/25 = 5.52 -> 6.
    assert [(c.ects_before, c.ects_after) for c in changes] == [(5, 5)]
    up = impact(sample, Totals(sample), "introduction-to-public-relations", 2)
    assert [(c.program, c.hours_after, c.ects_after) for c in up] == [("pr-communications", 138, 6)]


def test_a_certificate_without_courses_is_no_next_certificate(sample):
    # Just added, no courses yet: at 0 h it would come first, as if the learner nearly had it.
    apply_all(sample, [Insert(None, "programs", 0, Program(id="new", title="New"))])
    ranking = next_programs(sample, Totals(sample), ["back-end"])
    assert ranking == [("pr-communications", 136), ("full-stack", 152), ("front-end", 182)]
