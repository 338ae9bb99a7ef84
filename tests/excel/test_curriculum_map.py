"""The curriculum map: I / R / M from the alignment of course and module outcomes, gaps."""

import openpyxl

from designer.excel import export_workbook
from designer.excel.curriculum_map import curriculum_map
from designer.model import Bloom, Catalog, Course, Module, Outcome, Program, Settings


def mapped_catalog() -> Catalog:
    program = Program(
        id="p",
        title="Data Analyst",
        outcomes=[
            Outcome(id="p1", text="Analyse data", bloom=Bloom.ANALYZE),
            Outcome(id="p2", text="Present findings", bloom=Bloom.CREATE),
        ],
        course_ids=["c1", "c2", "c3", "c4"],
    )
    courses = [
        # c1 addresses p1 itself, at Apply.
        Course(
            id="c1",
            title="Basics",
            hours=20,
            outcomes=[Outcome(id="c1o", text="Use", bloom=Bloom.APPLY, supports=["p1"])],
        ),
        # c2 reaches p1 at Analyze through a module outcome that supports its course outcome.
        Course(
            id="c2",
            title="Methods",
            module_ids=["m2"],
            outcomes=[Outcome(id="c2o", text="Know", bloom=Bloom.UNDERSTAND, supports=["p1"])],
        ),
        # c3 addresses p1 again at Apply: it reinforces.
        Course(
            id="c3",
            title="Practice",
            hours=20,
            outcomes=[Outcome(id="c3o", text="Do", bloom=Bloom.APPLY, supports=["p1"])],
        ),
        # c4 addresses nothing.
        Course(id="c4", title="Elective", hours=20),
    ]
    module = Module(
        id="m2",
        title="Week 1",
        hours=10,
        outcomes=[Outcome(id="m2o", text="Compare", bloom=Bloom.ANALYZE, supports=["c2o"])],
    )
    return Catalog(Settings(), [program], courses, [module])


def test_first_course_introduces_highest_bloom_masters_others_reinforce():
    catalog = mapped_catalog()
    found = curriculum_map(catalog, catalog.program("p"))
    assert found.marks == {("p1", "c1"): "I", ("p1", "c2"): "M", ("p1", "c3"): "R"}
    assert found.addressed_by("p2") == 0
    assert found.addresses("c4") == 0


def test_a_single_course_both_introduces_and_masters():
    catalog = mapped_catalog()
    catalog.program("p").course_ids = ["c1"]
    assert curriculum_map(catalog, catalog.program("p")).marks == {("p1", "c1"): "I/M"}


def test_map_sheet_marks_and_highlights_gaps(tmp_path):
    path = tmp_path / "map.xlsx"
    export_workbook(mapped_catalog(), path)
    sheet = openpyxl.load_workbook(path)["Map Data Analyst"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0] == (
        "No.",
        "Program outcome",
        "Bloom level",
        "1 Basics",
        "2 Methods",
        "3 Practice",
        "4 Elective",
        "Addressed by",
    )
    assert rows[1] == ("O1", "Analyse data", "Analyze", "I", "M", "R", None, "3 courses")
    assert rows[2] == (
        "O2",
        "Present findings",
        "Create",
        None,
        None,
        None,
        None,
        "no course: a gap",
    )
    assert rows[3][1:7] == ("Outcomes addressed", None, "1", "1", "1", "none")
    red = "00FFC7CE"
    assert sheet["B6"].fill.fgColor.rgb == red  # the outcome no course addresses
    assert sheet["G4"].fill.fgColor.rgb == red  # the course that addresses nothing
    assert sheet["D4"].fill.fgColor.rgb != red
