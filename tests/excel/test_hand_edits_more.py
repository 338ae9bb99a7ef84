"""More hand edits of an exported workbook: times typed into minutes and hours, the
Overview and Outcomes sheets renamed, and outcomes put in a new order.

As in test_hand_edits.py, the workbooks are edited with openpyxl, as Excel saves them,
and in LibreOffice Calc itself (lo_edit.py), then read back with the import.
"""

from datetime import datetime, time, timedelta

import openpyxl
import pytest
from project import SAMPLE
from test_hand_edits import reorder
from xlsx_helpers import problems_of, sample_edited_in_calc

from designer.excel import export_workbook, import_workbook
from designer.model import Bloom
from designer.storage import dumps, load

FS = "Full Stack Developer"
CSHARP = "introduction-to-programming-with-csharp"
FOUNDATIONS = "foundations-of-coding-full-stack"  # row 5 of FS: hours typed, no modules


def set_cells(path, changes):
    """Set cells with a number format of their own: (sheet, cell, value, format) each."""
    book = openpyxl.load_workbook(path)
    for sheet, cell, value, number_format in changes:
        book[sheet][cell] = value
        book[sheet][cell].number_format = number_format
    book.save(path)


# ---- times typed into minutes and hours --------------------------------------------------


@pytest.fixture(scope="module")
def typed_in_calc(tmp_path_factory):
    """The sample's workbook with times typed into Calc, by name."""
    edits = {
        "times": [
            ("type", FS, "D31", "1:30"),  # was 15 minutes
            ("type", FS, "D32", "0:45"),  # was 30
            ("type", FS, "D33", "12.5"),  # a figure, not a time
            ("type", FS, "D34", "3:00"),  # was 120: 0.125 of a day, three decimals
            ("type", FS, "C5", "39:30"),  # a course's hours, was 39
        ],
        "wrong times": [
            ("type", FS, "C5", "2001:00"),
            ("type", FS, "D31", "-1:30"),
            ("type", FS, "D32", "101:00"),
        ],
    }
    return sample_edited_in_calc(tmp_path_factory.mktemp("calc"), edits)


def test_times_typed_in_calc_are_read_as_the_minutes_and_hours_they_are(typed_in_calc, sample):
    # Calc keeps the cell's own format ("0 min"): the cell holds 0.0625, 1:30 of a day.
    book = openpyxl.load_workbook(typed_in_calc["times"], read_only=True)
    assert book[FS]["D31"].value == 0.0625
    assert book[FS]["D31"].number_format == '0" min"'
    book.close()
    catalog = import_workbook(typed_in_calc["times"])
    assert catalog.get("csharp-w1-i1").minutes == 90
    assert catalog.get("csharp-w1-i2").minutes == 45
    assert catalog.get("csharp-w1-i3").minutes == 12.5
    assert catalog.get("csharp-w1-i4").minutes == 180
    assert catalog.courses[FOUNDATIONS].hours == 39.5
    items = {item.id: item for item in sample.modules["csharp-w1"].items}
    items["csharp-w1-i1"].minutes = 90
    items["csharp-w1-i2"].minutes = 45
    items["csharp-w1-i3"].minutes = 12.5
    items["csharp-w1-i4"].minutes = 180
    sample.courses[FOUNDATIONS].hours = 39.5
    assert dumps(catalog) == dumps(sample)


def test_times_typed_in_calc_out_of_bounds_are_named_in_hours_and_minutes(typed_in_calc):
    assert problems_of(typed_in_calc["wrong times"]) == [
        f"Sheet '{FS}', C5: hours must be at most 2000, found 2001",
        f"Sheet '{FS}', D31: minutes must not be negative, found -90",
        f"Sheet '{FS}', D32: minutes must be at most 6000, found 6060",
    ]


def test_times_in_every_form_openpyxl_gives_them_are_read(exported, sample):
    set_cells(
        exported,
        [
            (FS, "D31", time(1, 30), "h:mm"),  # a time: datetime.time
            (FS, "D32", timedelta(hours=1, minutes=15), "[h]:mm"),  # a duration: timedelta
            (FS, "D33", 25 / 24, "h:mm"),  # a day and more as a clock time: 1900-01-01 01:00
            (FS, "D34", 1 / 48, '0" min"'),  # 0:30 kept in the minutes format, as Calc keeps it
            (FS, "C5", 1.5 / 24, '0" h"'),  # 1:30 in a course's hours
        ],
    )
    book = openpyxl.load_workbook(exported, read_only=True, data_only=True)
    found = [book[FS][cell].value for cell in ("D31", "D32", "D33", "D34")]
    book.close()
    assert found[:3] == [time(1, 30), timedelta(hours=1, minutes=15), datetime(1900, 1, 1, 1)]
    assert found[3] == pytest.approx(1 / 48)
    catalog = import_workbook(exported)
    items = {item.id: item for item in sample.modules["csharp-w1"].items}
    for item_id, value in [("i1", 90), ("i2", 75), ("i3", 1500), ("i4", 30)]:
        items[f"csharp-w1-{item_id}"].minutes = value
    sample.courses[FOUNDATIONS].hours = 1.5
    assert dumps(catalog) == dumps(sample)


def test_a_date_or_a_negative_time_in_minutes_is_named(exported):
    set_cells(
        exported,
        [
            (FS, "D31", datetime(2025, 3, 4), "yyyy-mm-dd"),
            (FS, "D32", -1.5 / 24, '0" min"'),  # -1:30
        ],
    )
    assert problems_of(exported) == [
        f"Sheet '{FS}', D31: minutes must be a number, found the date 2025-03-04 (the "
        "spreadsheet took what was typed for a date, as it takes 3/4 or 1/2: type the "
        "figure as a decimal number or with its unit)",
        f"Sheet '{FS}', D32: minutes must not be negative, found -90",
    ]


# ---- the Overview and Outcomes sheets renamed ----------------------------------------------


def test_renamed_overview_and_outcomes_sheets_are_read_by_their_title_or_header(exported, sample):
    book = openpyxl.load_workbook(exported)
    overview, outcomes = book["Overview"], book["Outcomes"]
    overview.title, outcomes.title = "Übersicht", "Lernziele"
    # The Overview's header translated too: its title (A1) still says which sheet it is.
    for column, header in enumerate(["Kürzel", "Programm", "EQR-Niveau", "Kurse"], 1):
        overview.cell(4, column).value = header
    reorder(overview, 5, [3, 2, 1, 0])  # the programs, last first
    reorder(outcomes, 17, [2, 0, 1])  # the C# course's outcomes: the third first
    assert outcomes["H19"].value == "csharp-o2"
    outcomes["C19"] = "Evaluate"  # was Create
    book.save(exported)
    catalog = import_workbook(exported)
    assert [o.id for o in catalog.courses[CSHARP].outcomes] == [
        "csharp-o3",
        "csharp-o1",
        "csharp-o2",
    ]
    sample.programs.reverse()
    csharp = sample.courses[CSHARP]
    csharp.outcomes.insert(0, csharp.outcomes.pop())
    csharp.outcomes[2].bloom = Bloom.EVALUATE
    assert dumps(catalog) == dumps(sample)


def test_renamed_overview_and_outcomes_sheets_are_checked_for_added_deleted_and_edited_cells(
    exported,
):
    book = openpyxl.load_workbook(exported)
    book["Overview"].title = "Übersicht"
    book["Übersicht"]["B9"] = "Data Analyst"  # a row added under the programs
    book["Outcomes"].title = "Lernziele"
    book["Lernziele"].delete_rows(35)  # the last outcome's row
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'Übersicht', row 9: a row without a Curriculum Designer id (column H) is not "
        "read: add units in Curriculum Designer and export again; headings and totals are "
        "not imported (found “Data Analyst”)",
        "Sheet 'Lernziele': the row of outcome “Select tactics and channels that fit the "
        "objectives and t...” was deleted: units are removed in "
        "Curriculum Designer, so it would stay as it is; put the row back, or remove the "
        "outcome there",
    ]
    # An outcome's Supports, which is not read, changed in the renamed sheet.
    export_workbook(load(SAMPLE), exported)
    book = openpyxl.load_workbook(exported)
    book["Outcomes"].title = "Lernziele"
    book["Lernziele"]["F17"] = "P1.O1"
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'Lernziele', F17: “Supports” of this outcome is not read: change it in "
        "Curriculum Designer (found “P1.O1”; the export wrote “P1.O1, P2.O1, P3.O1”)"
    ]


def test_a_sheet_with_ids_that_is_none_the_export_wrote_is_named(exported):
    book = openpyxl.load_workbook(exported)
    copy = book.copy_worksheet(book["Overview"])
    assert copy.title == "Overview Copy"
    outcomes = book["Outcomes"]
    outcomes.title = "Lernziele"
    for column, header in enumerate(["Nr.", "Lernziel", "Bloom-Stufe"], 1):
        outcomes.cell(4, column).value = header
    outcomes["A1"] = "Lernziele"
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'Lernziele': the sheet has Curriculum Designer ids in column H, but neither "
        "its name, nor its title (A1), nor its header row (row 4) is that of a sheet the "
        "export wrote, so it is not read: give it back its name ('Outcomes')",
        "Sheet 'Overview Copy': the sheet repeats the sheet 'Overview', hidden ids in "
        "column H and all: a copied sheet is not read, since units are added in Curriculum "
        "Designer; delete it",
    ]


# ---- outcomes put in a new order ------------------------------------------------------------


def test_outcome_rows_put_in_a_new_order_give_each_units_outcomes_in_that_order(exported, sample):
    book = openpyxl.load_workbook(exported)
    reorder(book[FS], 23, [2, 0, 1])  # the program's outcomes, on its syllabus sheet
    reorder(book["Outcomes"], 25, [2, 1, 0])  # week 2's outcomes, last first
    book.save(exported)
    catalog = import_workbook(exported)
    assert [o.id for o in catalog.program("full-stack").outcomes] == [
        "full-stack-o3",
        "full-stack-o1",
        "full-stack-o2",
    ]
    program = sample.program("full-stack")
    program.outcomes.insert(0, program.outcomes.pop())
    sample.modules["csharp-w2"].outcomes.reverse()
    assert dumps(catalog) == dumps(sample)


def test_the_outcomes_sheet_sorted_by_bloom_level_gives_each_units_outcomes_so(exported, sample):
    book = openpyxl.load_workbook(exported)
    outcomes = book["Outcomes"]
    levels = ["Remember", "Understand", "Apply", "Analyze", "Evaluate", "Create"]
    shown = [outcomes.cell(row, 3).value for row in range(5, 36)]
    reorder(outcomes, 5, sorted(range(len(shown)), key=lambda n: levels.index(shown[n])))
    book.save(exported)
    catalog = import_workbook(exported)
    for unit in [*sample.programs, *sample.courses.values(), *sample.modules.values()]:
        unit.outcomes.sort(key=lambda outcome: levels.index(outcome.bloom.value.capitalize()))
    assert [o.id for o in catalog.program("full-stack").outcomes] == [
        "full-stack-o2",  # Apply
        "full-stack-o3",  # Evaluate
        "full-stack-o1",  # Create
    ]
    assert dumps(catalog) == dumps(sample)


def test_outcomes_put_in_two_orders_are_named(exported):
    book = openpyxl.load_workbook(exported)
    reorder(book[FS], 23, [2, 1, 0])
    reorder(book["Outcomes"], 5, [1, 0, 2])
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'Outcomes', row 5: the outcomes of program “Microsoft Full Stack Developer "
        "Professional Certificate” are put in one order here and in another at Sheet "
        f"'{FS}', row 23: order them the same way"
    ]
