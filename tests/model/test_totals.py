"""Workload rollup, ECTS rounding, and incremental totals that always equal a full recompute."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from project import SAMPLE

from designer.model import Catalog, Course, Item, Module, Program, Settings, Totals
from designer.model.totals import format_number, program_totals, round_credits
from designer.storage import load


def small_catalog() -> Catalog:
    module = Module(id="m1", hours=2, items=[Item(id="i1", minutes=30), Item(id="i2", minutes=45)])
    bare_module = Module(id="m2", hours=3)
    detailed = Course(id="c1", hours=10, module_ids=["m1", "m2"])
    bare = Course(id="c2", hours=39)
    program = Program(id="p1", course_ids=["c1", "c2"])
    other = Program(id="p2", course_ids=["c2"])
    return Catalog(Settings(), [program, other], [detailed, bare], [module, bare_module])


def test_units_without_children_count_their_declared_hours():
    catalog = small_catalog()
    totals = Totals(catalog)
    assert totals.hours("m2") == 3
    assert totals.hours("c2") == 39
    assert totals.hours("p2") == 39


def test_units_with_children_count_their_children_and_keep_a_differing_declaration():
    catalog = small_catalog()
    totals = Totals(catalog)
    assert totals.hours("m1") == 1.25  # 30 + 45 minutes, not the declared 2 h
    assert totals.hours("c1") == 4.25  # 1.25 + 3, not the declared 10 h
    assert totals.hours("p1") == 43.25
    assert catalog.modules["m1"].hours == 2  # the declaration is kept...
    mismatches = {(m.unit.id, m.declared, m.computed) for m in totals.mismatches()}
    assert mismatches == {("m1", 2, 1.25), ("c1", 10, 4.25)}  # ...and reported


def test_a_declaration_that_agrees_is_not_a_mismatch():
    catalog = small_catalog()
    totals = Totals(catalog)
    catalog.set_field(catalog.modules["m1"], "hours", 1.25)
    catalog.set_field(catalog.courses["c1"], "hours", 4.25)
    assert totals.mismatches() == []


@pytest.mark.parametrize(
    ("credits", "rounding", "expected"),
    [
        (16.88, "down", 16),
        (16.88, "nearest", 17),
        (16.5, "nearest", 17),
        (16.49, "nearest", 16),
        (16.88, "half", 17),
        (16.7, "half", 16.5),
        (16.2, "half", 16),
        (12.0, "down", 12),
        (11.999999999999, "down", 12),  # float noise from summing minutes is not a lost credit
    ],
)
def test_rounding_policies(credits, rounding, expected):
    assert round_credits(credits, rounding) == expected


@pytest.mark.parametrize(
    ("hours", "rounding", "text"),
    [
        (449.9, "down", "449.9 h = 17 ECTS (17.99 rounded down)"),  # 17.996: not "18.00"
        (437.4, "nearest", "437.4 h = 17 ECTS (17.49 rounded)"),  # 17.496: not "17.50"
        (422, "nearest", "422 h = 17 ECTS (16.88 rounded)"),
        (450, "down", "450 h = 18 ECTS"),
    ],
)
def test_the_credits_shown_before_rounding_never_contradict_the_ects(hours, rounding, text):
    figures = program_totals(hours, 1, Settings(rounding=rounding))
    assert figures.ects_text(rounding) == text


@pytest.mark.parametrize(
    ("hours", "rounding", "text"),
    [
        # 425 h would be 17 ECTS: the hours are cut to two decimals, not rounded up.
        (424.9967, "down", "424.99 h = 16 ECTS (16.99 rounded down)"),
        (412.4967, "nearest", "412.49 h = 16 ECTS (16.49 rounded)"),
        (24.9967, "down", "24.99 h = 0 ECTS (0.99 rounded down)"),
        (425.0033, "down", "425 h = 17 ECTS (17.00 rounded down)"),  # 425 h: still 17
        (421.9967, "down", "422 h = 16 ECTS (16.88 rounded down)"),  # no boundary crossed
    ],
)
def test_the_hours_shown_never_round_up_into_another_credit(hours, rounding, text):
    figures = program_totals(hours, 1, Settings(rounding=rounding))
    assert figures.ects_text(rounding) == text


def test_ects_weeks_and_text_follow_the_catalog_settings(sample):
    totals = Totals(sample)
    full_stack = sample.program("full-stack")
    figures = totals.program(full_stack)
    assert (figures.ects, figures.weeks) == (16, 43)
    assert figures.ects_text("down") == "422 h = 16 ECTS (16.88 rounded down)"
    sample.set_settings("hours_per_credit", 30)
    sample.set_settings("rounding", "nearest")
    sample.set_settings("weekly_hours", 8)
    figures = totals.program(full_stack)
    assert (figures.ects, figures.weeks) == (14, 53)  # 422 / 30 = 14.07; 422 / 8 = 52.75


def test_editing_a_shared_course_updates_every_program_using_it(sample):
    totals = Totals(sample)
    seen = []
    totals.changed.connect(seen.append)
    module = sample.modules["csharp-w1"]
    sample.set_field(module.items[0], "minutes", module.items[0].minutes + 60)
    hours = {p.id: totals.hours(p) for p in sample.programs}
    assert hours == {"full-stack": 423, "back-end": 310, "front-end": 213, "pr-communications": 136}
    assert seen[-1] >= {
        "csharp-w1",
        "introduction-to-programming-with-csharp",
        "full-stack",
        "back-end",
        "front-end",
    }
    assert "pr-communications" not in seen[-1]


def fresh_figures(catalog: Catalog) -> dict[str, float]:
    totals = Totals(catalog)
    units = [*catalog.programs, *catalog.courses.values(), *catalog.modules.values()]
    return {unit.id: totals.hours(unit) for unit in units}


edits = st.sampled_from(
    [
        "minutes",
        "module hours",
        "course hours",
        "add item",
        "remove item",
        "add module ref",
        "remove module ref",
        "add course ref",
        "remove course ref",
        "new course",
        "remove program",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_incremental_totals_equal_a_full_recompute_after_random_edits(data):
    catalog = load(SAMPLE)
    totals = Totals(catalog)
    for _ in range(data.draw(st.integers(1, 12))):
        edit = data.draw(edits)
        modules = list(catalog.modules.values())
        courses = list(catalog.courses.values())
        pick = lambda options: data.draw(st.sampled_from(options))  # noqa: E731
        if edit == "minutes":
            item = pick([i for m in modules for i in m.items])
            catalog.set_field(item, "minutes", data.draw(st.integers(0, 600)))
        elif edit == "module hours":
            catalog.set_field(pick(modules), "hours", data.draw(st.none() | st.integers(0, 40)))
        elif edit == "course hours":
            catalog.set_field(pick(courses), "hours", data.draw(st.none() | st.integers(0, 60)))
        elif edit == "add item":
            module = pick(modules)
            item = Item(id=catalog.new_id("i"), minutes=data.draw(st.integers(0, 300)))
            catalog.insert(module, "items", data.draw(st.integers(0, 9)), item)
        elif edit == "remove item":
            module = pick(modules)
            if module.items:
                catalog.remove(module, "items", data.draw(st.integers(0, len(module.items) - 1)))
        elif edit == "add module ref":
            course = pick(courses)
            free = [m.id for m in modules if m.id not in course.module_ids]
            catalog.insert(course, "module_ids", 0, pick(free))
        elif edit == "remove module ref":
            course = pick(courses)
            if course.module_ids:
                catalog.remove(course, "module_ids", len(course.module_ids) - 1)
        elif edit == "add course ref" and catalog.programs:
            program = pick(catalog.programs)
            free = [c.id for c in courses if c.id not in program.course_ids]
            if free:
                catalog.insert(program, "course_ids", 0, pick(free))
        elif edit == "remove course ref" and catalog.programs:
            program = pick(catalog.programs)
            if program.course_ids:
                catalog.remove(program, "course_ids", 0)
        elif edit == "new course":
            course = Course(
                id=catalog.new_id("c"),
                hours=data.draw(st.integers(0, 50)),
                module_ids=data.draw(
                    st.lists(st.sampled_from([m.id for m in modules]), unique=True, max_size=2)
                ),
            )
            catalog.add_unit(course)
            if catalog.programs:
                catalog.insert(pick(catalog.programs), "course_ids", 0, course.id)
        elif edit == "remove program" and catalog.programs:
            for outcome in catalog.programs[0].outcomes:
                for user_id in catalog.named_by(outcome.id):
                    user = catalog.get(user_id)
                    catalog.remove(user, "supports", user.supports.index(outcome.id))
            catalog.remove(None, "programs", 0)
        expected = fresh_figures(catalog)
        assert {unit_id: totals.hours(unit_id) for unit_id in expected} == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "shown"),
    [(10.125, "10.13"), (30.125, "30.13"), (0.285, "0.29"), (9.996, "10"), (-1.5, "-1.5")],
)
def test_hours_round_halves_up_as_a_spreadsheet_does(value, shown):
    # 607.5 min are 10.125 h: the tree said "10.12 h", the exported workbook "10.13".
    assert format_number(value) == shown


@pytest.mark.parametrize(
    ("hours", "shown", "weeks"),
    [(420.004, "420 h", 42), (420.006, "420.01 h", 43), (10.004, "10 h", 1), (0.004, "0 h", 0)],
)
def test_weeks_are_those_of_the_hours_shown(hours, shown, weeks):
    """The weeks beside the hours count the hours as shown: "420 h" is not 43 weeks at 10 h
    a week because the unrounded hours are 420.004."""
    figures = program_totals(hours, 1, Settings())
    assert figures.ects_text("down").startswith(shown + " = ")
    assert figures.weeks == weeks
