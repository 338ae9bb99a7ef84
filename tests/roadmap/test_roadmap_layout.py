"""The roadmap's data: cells by week and course outcome, by course and program outcome, gaps."""

import json

import pytest

from designer.model import Bloom, Catalog, Course, Module, Outcome, Program, Totals
from designer.roadmap import UnknownUnit, roadmap
from designer.roadmap.layout import INTRODUCED, MASTERED

CSHARP = "introduction-to-programming-with-csharp"
RANKS = [level.value for level in Bloom]


@pytest.fixture
def sample_json(sample_path):
    return json.loads(sample_path.read_text(encoding="utf-8"))


def by_id(document, kind):
    return {unit["id"]: unit for unit in document[kind]}


def test_csharp_roadmap_has_a_column_per_week_and_a_row_per_course_outcome(sample, sample_json):
    course = by_id(sample_json, "courses")[CSHARP]
    found = roadmap(sample, Totals(sample), CSHARP)
    assert [c.id for c in found.columns] == course["module_ids"]
    assert len(found.columns) == 3
    assert [r.id for r in found.rows] == [o["id"] for o in course["outcomes"]]
    assert len(found.rows) == 3
    assert [c.heading for c in found.columns] == ["Week 1", "Week 2", "Week 3"]


def test_each_module_outcome_sits_in_its_week_and_the_row_it_serves(sample, sample_json):
    course = by_id(sample_json, "courses")[CSHARP]
    modules = by_id(sample_json, "modules")
    rows = [o["id"] for o in course["outcomes"]]
    expected = set()
    for column, module_id in enumerate(course["module_ids"]):
        for outcome in modules[module_id]["outcomes"]:
            for supported in outcome["supports"]:
                expected.add((rows.index(supported), column, outcome["text"], outcome["bloom"]))
    found = roadmap(sample, Totals(sample), CSHARP)
    placed = {(c.row, c.column, c.text, c.bloom.value) for c in found.cells}
    assert placed == expected
    assert len(found.cells) == 7
    assert not found.gaps


def test_course_cells_are_numbered_by_week_and_position(sample):
    found = roadmap(sample, Totals(sample), CSHARP)
    assert [c.label for c in found.cells_at(0, 1)] == ["2.1", "2.2"]


def full_stack_reach(document):
    """For each program outcome of Full Stack: {course id: highest Bloom rank reached}."""
    program = by_id(document, "programs")["full-stack"]
    courses, modules = by_id(document, "courses"), by_id(document, "modules")
    reach: dict[str, dict[str, int]] = {o["id"]: {} for o in program["outcomes"]}
    for course_id in program["course_ids"]:
        course = courses[course_id]
        for target in reach:
            through = {o["id"] for o in course.get("outcomes", []) if target in o["supports"]}
            ranks = [
                RANKS.index(o["bloom"])
                for o in course.get("outcomes", [])
                if target in o["supports"]
            ]
            for module_id in course.get("module_ids", []):
                for o in modules[module_id].get("outcomes", []):
                    if target in o["supports"] or through & set(o["supports"]):
                        ranks.append(RANKS.index(o["bloom"]))
            if ranks:
                reach[target][course_id] = max(ranks)
    return program, reach


def test_full_stack_marks_where_csharp_introduces_and_masters_outcomes(sample, sample_json):
    program, reach = full_stack_reach(sample_json)
    found = roadmap(sample, Totals(sample), "full-stack")
    assert [c.id for c in found.columns] == program["course_ids"]
    csharp = program["course_ids"].index(CSHARP)
    by_csharp = [target for target, courses in reach.items() if CSHARP in courses]
    assert by_csharp  # the sample's C# course serves Full Stack outcomes
    for target in by_csharp:
        row = [r.id for r in found.rows].index(target)
        (cell,) = found.cells_at(row, csharp)
        assert cell.bloom.value == RANKS[reach[target][CSHARP]]
        # C# is the only course of the sample with outcomes: first and highest at once.
        assert set(cell.marks) == {INTRODUCED, MASTERED}


def test_full_stack_outcomes_addressed_by_no_course_are_gaps(sample, sample_json):
    _, reach = full_stack_reach(sample_json)
    never = [target for target, courses in reach.items() if not courses]
    assert never
    found = roadmap(sample, Totals(sample), "full-stack")
    assert [gap.id for gap in found.gaps_of("not addressed")] == never
    for target in never:
        row = [r.id for r in found.rows].index(target)
        assert not found.rows[row].addressed
        assert not [c for c in found.cells if c.row == row]


def test_an_outcome_never_reached_at_its_own_level_is_reported(sample):
    found = roadmap(sample, Totals(sample), "full-stack")
    (gap,) = found.gaps_of("below level")
    assert gap.id == "full-stack-o3"
    assert "Analyze" in gap.message and "Evaluate" in gap.message


def test_courses_serving_no_program_outcome_are_empty_columns(sample, sample_json):
    program, reach = full_stack_reach(sample_json)
    serving = {course for courses in reach.values() for course in courses}
    found = roadmap(sample, Totals(sample), "full-stack")
    assert [gap.id for gap in found.gaps_of("empty column")] == [
        c for c in program["course_ids"] if c not in serving
    ]


def test_course_outcomes_serving_none_of_a_programs_outcomes_are_unaligned(sample, sample_json):
    program = by_id(sample_json, "programs")["front-end"]
    mine = {o["id"] for o in program["outcomes"]}
    course = by_id(sample_json, "courses")[CSHARP]
    expected = [o["id"] for o in course["outcomes"] if not mine & set(o["supports"])]
    assert expected
    found = roadmap(sample, Totals(sample), "front-end")
    assert [gap.id for gap in found.gaps_of("unaligned")] == expected
    assert found.rows[-1].id is None
    assert all(cell.unaligned for cell in found.cells if cell.row == len(found.rows) - 1)


def staged_program() -> Catalog:
    """p1 is met at Apply in c1, at Apply again in c2 and at Create in c3; p2 only in c2."""

    def course(number, level, supports):
        return Course(
            id=f"c{number}",
            title=f"Course {number}",
            hours=20,
            outcomes=[Outcome(id=f"c{number}o", text="x", bloom=level, supports=supports)],
        )

    return Catalog(
        courses=[
            course(1, Bloom.APPLY, ["p1"]),
            course(2, Bloom.APPLY, ["p1", "p2"]),
            course(3, Bloom.CREATE, ["p1"]),
        ],
        programs=[
            Program(
                id="p",
                title="Staged",
                course_ids=["c1", "c2", "c3"],
                outcomes=[
                    Outcome(id="p1", text="Build", bloom=Bloom.CREATE),
                    Outcome(id="p2", text="Check", bloom=Bloom.APPLY),
                ],
            )
        ],
    )


def test_introduced_in_the_first_course_and_mastered_where_the_highest_level_is_reached():
    catalog = staged_program()
    found = roadmap(catalog, Totals(catalog), "p")
    marks = {(c.row, c.column): c.marks for c in found.cells}
    assert marks == {
        (0, 0): (INTRODUCED,),
        (0, 1): (),
        (0, 2): (MASTERED,),
        (1, 1): (INTRODUCED, MASTERED),
    }
    assert found.rows[0].reached is Bloom.CREATE
    assert not found.gaps


def gappy_course() -> Catalog:
    modules = [
        Module(
            id="w1",
            title="Week 1: Start",
            outcomes=[
                Outcome(id="w1a", text="Serves o1", bloom=Bloom.UNDERSTAND, supports=["o1"]),
                Outcome(id="w1b", text="Serves nothing", bloom=Bloom.APPLY),
            ],
        ),
        Module(id="w2", title="Week 2: Nothing yet"),
    ]
    course = Course(
        id="c",
        title="Gappy",
        module_ids=["w1", "w2"],
        outcomes=[
            Outcome(id="o1", text="Apply it", bloom=Bloom.APPLY),
            Outcome(id="o2", text="Never served", bloom=Bloom.REMEMBER),
        ],
    )
    return Catalog(courses=[course], modules=modules)


def test_course_gaps_unserved_outcomes_unaligned_outcomes_empty_weeks_and_low_levels():
    catalog = gappy_course()
    found = roadmap(catalog, Totals(catalog), "c")
    assert {(gap.kind, gap.id) for gap in found.gaps} == {
        ("below level", "o1"),
        ("not addressed", "o2"),
        ("unaligned", "w1b"),
        ("empty column", "w2"),
    }
    assert [r.id for r in found.rows] == ["o1", "o2", None]
    (unaligned,) = found.cells_at(2, 0)
    assert unaligned.unaligned and unaligned.text == "Serves nothing"
    # "Week 1: Start" under the heading "Week 1" keeps only "Start".
    assert [c.title for c in found.columns] == ["Start", "Nothing yet"]


def test_only_programs_and_courses_have_roadmaps(sample):
    with pytest.raises(UnknownUnit):
        roadmap(sample, Totals(sample), "csharp-w1")
    with pytest.raises(UnknownUnit):
        roadmap(sample, Totals(sample), "no-such-unit")


def test_a_program_without_outcomes_has_that_one_gap_not_one_per_course():
    # The designer has given the program its courses, and not yet its outcomes.
    catalog = Catalog(
        programs=[Program(id="p", title="New", course_ids=["a", "b"])],
        courses=[
            Course(id="a", title="A", hours=20),
            Course(id="b", title="B", hours=20, outcomes=[Outcome(id="b1", text="Apply B")]),
        ],
    )
    found = roadmap(catalog, Totals(catalog), "p")
    assert [(gap.kind, gap.id) for gap in found.gaps] == [("no outcomes", "p")]
    # B's outcome is still shown, in the row of those serving no program outcome...
    assert [(cell.column, cell.text) for cell in found.cells] == [(1, "Apply B")]
    # ...but B is not said to "address none" of outcomes there are not.
    assert [column.note for column in found.columns] == ["no outcomes yet", ""]


def test_a_course_without_outcomes_has_that_one_gap():
    week = Module(id="w1", outcomes=[Outcome(id="w1a", text="Apply it", bloom=Bloom.APPLY)])
    catalog = Catalog(courses=[Course(id="c", module_ids=["w1"])], modules=[week])
    found = roadmap(catalog, Totals(catalog), "c")
    # Not "Week 1 outcome 1.1 serves no outcome of this course": there is none to serve.
    assert [(gap.kind, gap.id) for gap in found.gaps] == [("no outcomes", "c")]
    assert [cell.text for cell in found.cells] == ["Apply it"]  # still shown, unaligned
