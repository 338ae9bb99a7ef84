"""Importing the sample's workbook after edits a review found lost or misreported: edits
on a sheet then hidden, a title emptied by a merge or taken for a date, a formula's error
blamed on the totals below it, and the Overview and Outcomes sheets' names swapped.

Edited with openpyxl, as Excel saves a workbook, and saved again by LibreOffice (lo_calc)
or edited in Calc itself (lo_edit), then imported.
"""

from datetime import datetime, time

import openpyxl
import pytest
from lo_calc import ABSENT, SOFFICE, _soffice
from project import SAMPLE
from xlsx_helpers import problems_of, sample_edited_in_calc

from designer.excel import export_workbook, import_workbook
from designer.storage import dumps, load

FS = "Full Stack Developer"
WEEK_1 = "csharp-w1"  # B30; its items in rows 31 ("Welcome to C# and .NET") and 32
HIDDEN = "(the sheet is hidden: unhide it to see this)"
DATE = (
    "the spreadsheet took what was typed for a date or time, as it takes 3-4, 1/2 or 1:30; "
    "type it again with an apostrophe before it ('3-4), or format the cell as text first"
)
EMPTIED = (
    "a cell merged over or cleared empties it; type it back (unmerge the cells first), or "
    "clear it in Curriculum Designer if it is meant to be empty"
)


def changed(path, edits):
    """Make edits (a function of the openpyxl workbook) to the workbook at path."""
    book = openpyxl.load_workbook(path)
    edits(book)
    book.save(path)
    return path


def items(catalog):
    return catalog.modules[WEEK_1].items


@pytest.fixture(scope="module")
def in_calc(tmp_path_factory):
    """The sample's workbook edited with openpyxl, each way, then saved again by
    LibreOffice Calc, by name."""
    if SOFFICE is None:
        pytest.skip(ABSENT)
    folder = tmp_path_factory.mktemp("resaved")
    source = folder / "sample.xlsx"
    export_workbook(load(SAMPLE), source)
    edits = {
        "hidden": lambda book: _edit_then_hide(book, "hidden"),
        "merged": lambda book: book[FS].merge_cells("B31:B32"),
        "date": lambda book: book[FS].__setitem__("B31", datetime(2024, 3, 4)),
        "swapped": _swap_and_edit,
    }
    paths = []
    for name, each in edits.items():
        book = openpyxl.load_workbook(source)
        each(book)
        path = folder / f"{name}.xlsx"
        book.save(path)
        paths.append(path)
    out = folder / "calc"
    _soffice(
        folder,
        ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out)]
        + [str(path) for path in paths],
    )
    return {name: out / f"{name}.xlsx" for name in edits}


def _edit_then_hide(book, state):
    sheet = book[FS]
    sheet["B31"] = "Edited, then hidden"
    sheet["D32"] = 45
    sheet.sheet_state = state
    book["Overview"]["A5"] = "MS-FSD-2"
    book["Overview"].sheet_state = state


def _swap_and_edit(book):
    book["Overview"]["A5"] = "MS-FSD-2"
    book["Outcomes"]["C5"] = "Apply"
    overview, outcomes = book["Overview"], book["Outcomes"]
    overview.title, outcomes.title, overview.title = "swap", "Overview", "Outcomes"


# ---- D1: hidden sheets -------------------------------------------------------------------


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_edits_on_a_sheet_then_hidden_are_read(exported, state):
    # Only visible sheets were read: the title, the minutes and the code were lost.
    changed(exported, lambda book: _edit_then_hide(book, state))
    catalog = import_workbook(exported)
    assert items(catalog)[0].title == "Edited, then hidden"
    assert items(catalog)[1].minutes == 45
    assert catalog.program("full-stack").code == "MS-FSD-2"


def test_a_bad_cell_on_a_hidden_sheet_is_named_and_said_to_be_hidden(exported):
    def edits(book):
        book[FS]["D31"] = "ninety"
        book[FS].sheet_state = "hidden"
        book["Outcomes"]["C5"] = "Memorize"  # on a visible sheet: no note
        book["Back-End Developer"].sheet_state = "hidden"  # hidden, but not edited

    changed(exported, edits)
    assert problems_of(exported) == [
        f"Sheet '{FS}', D31: minutes must be a number (such as 45, 45 min, 1.5 h, 1 h 30 "
        f"or 1:30), found 'ninety' {HIDDEN}",
        "Sheet 'Outcomes', C5: Bloom level must be one of Remember, Understand, Apply, "
        "Analyze, Evaluate, Create, found 'Memorize' (the verb “memorize” suggests Remember)",
    ]


def test_edits_on_sheets_hidden_then_saved_by_libreoffice_are_read(in_calc):
    catalog = import_workbook(in_calc["hidden"])
    assert items(catalog)[0].title == "Edited, then hidden"
    assert items(catalog)[1].minutes == 45
    assert catalog.program("full-stack").code == "MS-FSD-2"


# ---- D6: titles and outcome texts emptied -------------------------------------------------


def test_a_title_emptied_by_merging_two_cells_is_named_with_what_it_was(exported):
    # The second item's title became "" without a word.
    changed(exported, lambda book: book[FS].merge_cells("B31:B32"))
    assert problems_of(exported) == [
        f"Sheet '{FS}', B32: the title is empty, where it was “Setting up .NET and Visual "
        f"Studio Code”: {EMPTIED}"
    ]


def test_titles_and_outcome_texts_cleared_are_named_a_code_or_eqf_level_is_not(exported):
    def edits(book):
        book["Overview"]["A5"] = None  # a code cleared: a code is often left out
        book["Overview"]["C5"] = None  # and an EQF level
        book["Overview"]["B6"] = "   "  # a program's title
        book[FS]["A1"] = None  # the title of the program's sheet
        book["Outcomes"]["B5"] = None  # an outcome's text
        book[FS]["B29"] = None  # a course's heading

    changed(exported, edits)
    assert problems_of(exported) == [
        "Sheet 'Overview', B6: the title is empty, where it was “Microsoft Back-End "
        f"Developer Professional Certificate”: {EMPTIED}",
        f"Sheet '{FS}', A1: the title is empty, where it was “Microsoft Full Stack Developer "
        f"Professional Certificate”: {EMPTIED}",
        f"Sheet '{FS}', B29: the title is empty, where it was “Introduction to Programming "
        f"With C#”: {EMPTIED}",
        "Sheet 'Outcomes', B5: the outcome's text is empty, where it was “Develop "
        f"full-stack web applications with C#, .NET and Bla...”: {EMPTIED}",
    ]
    book = openpyxl.load_workbook(exported)
    book["Overview"]["B6"] = "Microsoft Back-End Developer Professional Certificate"
    book[FS]["A1"] = "Microsoft Full Stack Developer Professional Certificate"
    book[FS]["B29"] = "Introduction to Programming With C#"
    book["Outcomes"]["B5"] = "Build full-stack web applications."
    book.save(exported)
    catalog = import_workbook(exported)
    program = catalog.program("full-stack")
    assert (program.code, program.eqf_level) == ("", None)
    assert program.outcomes[0].text == "Build full-stack web applications."


def test_a_unit_exported_without_a_title_comes_back_and_takes_one_typed(sample, tmp_path):
    # The model allows an empty title (checks warns of it): the export's blank cell is no
    # edit, and a title typed into it is read.
    sample.modules[WEEK_1].items[1].title = ""
    path = tmp_path / "untitled.xlsx"
    export_workbook(sample, path)
    assert dumps(import_workbook(path)) == dumps(sample)
    changed(path, lambda book: book[FS].__setitem__("B32", "Setting up"))
    assert items(import_workbook(path))[1].title == "Setting up"


def test_a_title_emptied_by_a_merge_saved_by_libreoffice_is_named(in_calc):
    assert problems_of(in_calc["merged"]) == [
        f"Sheet '{FS}', B32: the title is empty, where it was “Setting up .NET and Visual "
        f"Studio Code”: {EMPTIED}"
    ]


# ---- D5: texts taken for dates -----------------------------------------------------------


def test_a_title_or_outcome_the_spreadsheet_took_for_a_date_or_time_is_named(exported):
    # The title was imported as "2024-03-04 00:00:00".
    def edits(book):
        book[FS]["B31"] = datetime(2024, 3, 4)  # "3-4" typed
        book["Outcomes"]["B6"] = time(1, 30)  # "1:30" typed
        book["Overview"]["C5"] = datetime(2024, 5, 6)  # EQF level "5-6" typed

    changed(exported, edits)
    assert problems_of(exported) == [
        f"Sheet 'Overview', C5: EQF level must be text, found the date 2024-05-06: {DATE}",
        f"Sheet '{FS}', B31: title must be text, found the date 2024-03-04: {DATE}",
        f"Sheet 'Outcomes', B6: outcome text must be text, found the time 01:30: {DATE}",
    ]


def test_a_title_taken_for_a_date_saved_by_libreoffice_is_named(in_calc):
    assert problems_of(in_calc["date"]) == [
        f"Sheet '{FS}', B31: title must be text, found the date 2024-03-04: {DATE}"
    ]


# ---- D8: a formula's error ---------------------------------------------------------------


@pytest.fixture(scope="module")
def errors_in_calc(tmp_path_factory):
    edits = {
        "value": [("type", FS, "D31", "=A1*2")],
        "div0": [("type", FS, "D32", "=1/0")],
    }
    return sample_edited_in_calc(tmp_path_factory.mktemp("calc"), edits)


def test_a_formulas_error_is_named_at_its_cell_not_at_the_totals_it_reaches(errors_in_calc):
    # The Total, ECTS and Weeks rows (17 to 19), showing #VALUE! too, were named as rows
    # added without an id.
    said = "minutes must be a number (such as 45, 45 min, 1.5 h, 1 h 30 or 1:30), found"
    assert problems_of(errors_in_calc["value"]) == [f"Sheet '{FS}', D31: {said} '#VALUE!'"]
    assert problems_of(errors_in_calc["div0"]) == [f"Sheet '{FS}', D32: {said} '#DIV/0!'"]


def test_a_row_of_errors_added_below_the_table_is_still_named(exported):
    changed(exported, lambda book: book[FS].__setitem__("B20", "#N/A"))
    assert problems_of(exported) == [
        f"Sheet '{FS}', row 20: a row without a Curriculum Designer id (column H) is not "
        "read: add units in Curriculum Designer and export again; headings and totals are "
        "not imported (found “#N/A”)"
    ]


# ---- D7: the Overview and Outcomes sheets' names swapped ------------------------------------


def test_the_overview_and_outcomes_are_known_by_their_header_when_names_are_swapped(exported):
    # 74 problems: each sheet was read as the one whose name it had.
    changed(exported, _swap_and_edit)
    catalog = import_workbook(exported)
    assert catalog.program("full-stack").code == "MS-FSD-2"
    assert catalog.program("full-stack").outcomes[0].bloom.value == "apply"


def test_swapped_overview_and_outcomes_saved_by_libreoffice_are_read(in_calc):
    catalog = import_workbook(in_calc["swapped"])
    assert catalog.program("full-stack").code == "MS-FSD-2"
    assert catalog.program("full-stack").outcomes[0].bloom.value == "apply"
