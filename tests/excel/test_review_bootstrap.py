"""Plain tables with a course's outcomes on the rows under it, its cells merged or left empty.

A course with several outcomes is written one outcome a row: the rows under the course's
row leave the course cell empty or merge it over them, and the hours stay on the first
row (or are merged too). Those rows add outcomes to the course; they never make a second
copy of it, count its hours twice, or are dropped without a word.
"""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lo_calc import ABSENT, SOFFICE, _soffice
from xlsx_helpers import problems_of

from designer.cli import main
from designer.excel import import_workbook
from designer.model import Bloom, Catalog, Totals
from designer.storage import load

HEADER = ["Course", "Hours", "Outcome", "Bloom level"]
# Intro (10 h) with three outcomes, one a row, then Advanced (20 h).
INTRO = [
    HEADER,
    ["Intro", 10, "Explain X", "Understand"],
    [None, None, "Apply Y", "Apply"],
    [None, None, "Analyse Z", "Analyse"],
    ["Advanced", 20, "Evaluate W", "Evaluate"],
]
INTRO_OUTCOMES = [
    ("Explain X", Bloom.UNDERSTAND),
    ("Apply Y", Bloom.APPLY),
    ("Analyse Z", Bloom.ANALYZE),
]


def workbook(path: Path, rows: list[list[Any]], merged: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data Science"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def courses(catalog: Catalog) -> list[tuple[str, float | None, list[tuple[str, Bloom | None]]]]:
    (program,) = catalog.programs
    return [
        (c.title, c.hours, [(o.text, o.bloom) for o in c.outcomes])
        for c in catalog.courses_of(program)
    ]


def program_hours(catalog: Catalog) -> float:
    return Totals(catalog).program(catalog.programs[0]).hours


# Left empty, merged, and merged with the hours cell too: the same course either way.
LAYOUTS = {"empty": (), "merged": ("A2:A4",), "merged with hours": ("A2:A4", "B2:B4")}


@pytest.mark.parametrize("merged", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_outcome_rows_under_a_course_add_its_outcomes(tmp_path, merged):
    catalog = import_workbook(workbook(tmp_path / "t.xlsx", INTRO, merged))
    assert courses(catalog) == [
        ("Intro", 10, INTRO_OUTCOMES),
        ("Advanced", 20, [("Evaluate W", Bloom.EVALUATE)]),
    ]
    assert program_hours(catalog) == 30


@pytest.mark.parametrize("merged", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_a_wrong_bloom_level_on_an_outcome_row_is_reported_at_its_cell(tmp_path, merged):
    rows = [list(row) for row in INTRO]
    rows[3][3] = "Memorize"
    path = workbook(tmp_path / "t.xlsx", rows, merged)
    assert problems_of(path) == [
        "Sheet 'Data Science', D4: Bloom level must be one of Remember, Understand, Apply, "
        "Analyze, Evaluate, Create, found 'Memorize' (the verb “memorize” suggests Remember)"
    ]


def test_the_command_refuses_a_wrong_level_on_an_outcome_row_and_writes_nothing(tmp_path, capsys):
    rows = [list(row) for row in INTRO]
    rows[2][3] = "Memorize"
    path, out = workbook(tmp_path / "t.xlsx", rows), tmp_path / "new.curriculum.json"
    assert main(["import-xlsx", str(path), "-o", str(out)]) == 2
    assert "Sheet 'Data Science', D3: Bloom level must be one of" in capsys.readouterr().err
    assert not out.exists()
    rows[2][3] = "Apply"
    assert main(["import-xlsx", str(workbook(path, rows)), "-o", str(out)]) == 0
    assert [o.text for o in load(out).courses["intro"].outcomes] == [t for t, _ in INTRO_OUTCOMES]
    assert "Data Science: 2 courses, 30 h" in capsys.readouterr().err


def test_merged_course_and_hours_cells_are_one_course_counted_once(tmp_path):
    rows = [HEADER, ["Intro", 10, "X", "Apply"], [None, None, "Y", "Apply"], ["Advanced", 20]]
    catalog = import_workbook(workbook(tmp_path / "t.xlsx", rows, ("A2:A3", "B2:B3")))
    assert [c.id for c in catalog.courses.values()] == ["intro", "advanced"]
    assert courses(catalog)[0] == ("Intro", 10, [("X", Bloom.APPLY), ("Y", Bloom.APPLY)])
    assert program_hours(catalog) == 30


def test_a_course_typed_twice_is_still_refused(tmp_path):
    rows = [HEADER, ["Intro", 10, "X", "Apply"], ["Intro", 10, "X", "Apply"], ["Advanced", 20]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows)) == [
        "Sheet 'Data Science', A3: the course 'Intro' is listed twice in this program"
    ]


@pytest.mark.parametrize("hours", [10, None], ids=["hours filled down", "hours once"])
def test_a_course_title_filled_down_its_outcome_rows_is_one_course(tmp_path, hours):
    # Read as two courses, "Intro" counted 10 h twice: 40 h where the table says 30.
    rows = [HEADER, ["Intro", 10, "X", "Apply"], ["Intro", hours, "Y", "Apply"], ["Advanced", 20]]
    catalog = import_workbook(workbook(tmp_path / "t.xlsx", rows))
    assert [c.id for c in catalog.courses.values()] == ["intro", "advanced"]
    assert courses(catalog)[0] == ("Intro", 10, [("X", Bloom.APPLY), ("Y", Bloom.APPLY)])
    assert program_hours(catalog) == 30


def test_a_course_title_filled_down_with_other_hours_is_refused(tmp_path):
    rows = [HEADER, ["Intro", 10, "X", "Apply"], ["Intro", 12, "Y", "Apply"], ["Advanced", 20]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows)) == [
        "Sheet 'Data Science', B3: the course 'Intro' again, with hours other than on row 2: "
        "give a course's hours once, on its first row"
    ]


def test_hours_of_their_own_under_a_merged_course_cell_are_refused(tmp_path):
    rows = [HEADER, ["Intro", 10, "X", "Apply"], [None, 5, "Y", "Apply"], ["Advanced", 20]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows, ("A2:A3",))) == [
        "Sheet 'Data Science', B3: this row is part of 'Intro' above (its title cell is "
        "merged from row 2), whose duration is on row 2: leave this cell empty, or unmerge "
        "the title cell to make this row a unit of its own"
    ]


@pytest.mark.parametrize("last", [False, True], ids=["inside", "last row"])
def test_hours_and_an_outcome_without_a_course_title_are_refused(tmp_path, last):
    """Not an outcome row (it has hours), nor an unlabelled total (it has an outcome)."""
    rows = [HEADER, ["Intro", 10, "X", "Apply"], [None, 5, "Y", "Apply"]]
    rows += [] if last else [["Advanced", 20]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows)) == [
        "Sheet 'Data Science', A3: the course title is missing (a row with hours is a "
        "course; a row that adds an outcome to the course above leaves the hours empty)"
    ]


def test_a_bloom_level_without_an_outcome_is_reported(tmp_path):
    rows = [HEADER, ["Intro", 10, "X", "Apply"], [None, None, None, "Create"], ["Advanced", 20]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows)) == [
        "Sheet 'Data Science', D3: the Bloom level 'Create' has no outcome beside it: write "
        "the outcome in its column, or clear the level"
    ]


def test_an_outcome_row_above_every_course_is_reported(tmp_path):
    rows = [HEADER, [None, None, "X", "Apply"], ["Intro", 10]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows)) == [
        "Sheet 'Data Science', A2: the course title is missing"
    ]


def test_an_hours_cell_merged_over_two_courses_is_refused(tmp_path):
    rows = [HEADER, ["Intro", 10], ["Advanced", None]]
    assert problems_of(workbook(tmp_path / "t.xlsx", rows, ("B2:B3",))) == [
        "Sheet 'Data Science', B3: hours must be a number, found a cell merged from row 2: "
        "a merged cell's hours count once, for row 2; unmerge it and give each course its hours"
    ]


def test_merged_bloom_and_outcome_cells_are_read_once(tmp_path):
    rows = [
        HEADER,
        ["Intro", 10, "X", "Apply"],
        [None, None, "Y", None],  # the level merged from above
        ["Advanced", 20, "Z", "Create"],
        [None, None, None, None],  # the outcome merged from above: one outcome
    ]
    catalog = import_workbook(workbook(tmp_path / "t.xlsx", rows, ("D2:D3", "C4:C5")))
    assert courses(catalog) == [
        ("Intro", 10, [("X", Bloom.APPLY), ("Y", Bloom.APPLY)]),
        ("Advanced", 20, [("Z", Bloom.CREATE)]),
    ]


def test_an_item_merged_over_two_rows_is_one_item_with_its_minutes_once(tmp_path):
    rows = [
        ["Course", "Module", "Item", "Minutes", "Outcome", "Bloom level"],
        ["Basics", "Week 1", "Welcome", 30, "Write a script", "Apply"],
        [None, None, None, None, "Read a script", "Understand"],
        [None, None, "Quiz", 10],
    ]
    merged = ("A2:A4", "B2:B4", "C2:C3", "D2:D3")
    catalog = import_workbook(workbook(tmp_path / "t.xlsx", rows, merged))
    (week,) = catalog.modules_of(catalog.courses["basics"])
    assert [(i.title, i.minutes) for i in week.items] == [("Welcome", 30), ("Quiz", 10)]
    assert [o.text for o in week.outcomes] == ["Write a script", "Read a script"]
    assert program_hours(catalog) == pytest.approx(40 / 60)


@pytest.fixture(scope="module")
def saved_by_calc(tmp_path_factory):
    """The merged layouts as LibreOffice Calc saves them again."""
    if SOFFICE is None:
        pytest.skip(ABSENT)
    folder = tmp_path_factory.mktemp("calc")
    rows = [list(row) for row in INTRO]
    rows[3][3] = "Memorize"
    files = [
        workbook(folder / "merged.xlsx", INTRO, ("A2:A4", "B2:B4")),
        workbook(folder / "wrong-level.xlsx", rows, ("A2:A4",)),
    ]
    out = folder / "resaved"
    convert = ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)]
    _soffice(folder, [*convert, *map(str, files)])
    return {path.stem: out / path.name for path in files}


def test_merged_cells_saved_by_libreoffice_are_one_course(saved_by_calc):
    assert openpyxl.load_workbook(saved_by_calc["merged"]).active.merged_cells.ranges
    catalog = import_workbook(saved_by_calc["merged"])
    assert courses(catalog)[0] == ("Intro", 10, INTRO_OUTCOMES)
    assert program_hours(catalog) == 30


def test_a_wrong_level_under_a_merged_cell_saved_by_libreoffice_is_reported(saved_by_calc):
    assert problems_of(saved_by_calc["wrong-level"]) == [
        "Sheet 'Data Science', D4: Bloom level must be one of Remember, Understand, Apply, "
        "Analyze, Evaluate, Create, found 'Memorize' (the verb “memorize” suggests Remember)"
    ]


def test_a_title_or_outcome_the_spreadsheet_took_for_a_date_or_time_is_named(tmp_path):
    # Typed "3-4" and "1:30", kept as a date and a time: read, they were "2024-03-04
    # 00:00:00" and "01:30:00".
    rows = [
        HEADER,
        [datetime(2024, 3, 4), 10, "Explain X", "Understand"],
        ["Advanced", 20, time(1, 30), "Evaluate"],
    ]
    hint = (
        "the spreadsheet took what was typed for a date or time, as it takes 3-4, 1/2 or "
        "1:30; type it again with an apostrophe before it ('3-4), or format the cell as text "
        "first"
    )
    assert problems_of(workbook(tmp_path / "t.xlsx", rows)) == [
        f"Sheet 'Data Science', A2: a course title must be text, found the date 2024-03-04: {hint}",
        f"Sheet 'Data Science', C3: an outcome must be text, found the time 01:30: {hint}",
    ]
