"""Reading back the sample's workbook after edits designers make in a spreadsheet: figures
computed by a formula, rows and columns inserted or deleted, titles pasted with a line
break, Bloom levels written as the taxonomy's -ing forms.

Edited with openpyxl, as Excel saves a workbook (save_results gives a formula the result
Excel would save with it), and in LibreOffice Calc itself (lo_edit.py), then imported.
"""

import openpyxl
import pytest
from xlsx_helpers import edit, problems_of, sample_edited_in_calc, save_results

from designer.excel import import_workbook
from designer.model import Bloom

FS = "Full Stack Developer"  # the sample's first syllabus sheet, sheet 2 of the workbook
FOUNDATIONS = "foundations-of-coding-full-stack"  # C5: hours typed, no modules
WEEK_1 = "csharp-w1"  # B30; its items' minutes in D31 (15 min) and D32 (30 min)


def minutes(catalog, module, index):
    return catalog.modules[module].items[index].minutes


# ---- formulas ----------------------------------------------------------------------------


def test_a_formulas_result_is_read_as_the_figure_it_is_not_as_a_time(exported):
    # 100/60 is 2400 minutes of a day as well as 1.67 hours: it was read as 40 hours, and
    # 10/3 minutes as 4800 minutes. A bare 0.0625 is still 1:30 typed in Calc.
    edit(exported, [(FS, "C5", "=100/60"), (FS, "D31", "=10/3"), (FS, "D32", 0.0625)])
    save_results(exported, 2, {"C5": "1.66666666666667", "D31": "3.33333333333333"})
    catalog = import_workbook(exported)
    assert catalog.courses[FOUNDATIONS].hours == pytest.approx(100 / 60)
    assert minutes(catalog, WEEK_1, 0) == pytest.approx(10 / 3)
    assert minutes(catalog, WEEK_1, 1) == 90


def test_a_formula_saved_without_its_result_is_named_not_read_as_an_empty_cell(exported):
    # openpyxl, and other programs that do not compute, save formulas without their result:
    # the title was read as cleared, and the minutes as "an empty cell".
    edit(exported, [(FS, "B31", "=B30"), (FS, "D32", "=30+15")])
    said = (
        "but not its result: the workbook was saved by a program that does not compute "
        "formulas; open it in Excel or LibreOffice and save it there, or type the value "
        "instead"
    )
    assert problems_of(exported) == [
        f"Sheet '{FS}', B31: the cell holds the formula =B30 {said}",
        f"Sheet '{FS}', D32: the cell holds the formula =30+15 {said}",
    ]


# ---- dates -------------------------------------------------------------------------------

DATE = (
    "the spreadsheet took what was typed for a date, as it takes 3/4 or 1/2: type the "
    "figure as a decimal number or with its unit"
)


def test_a_date_kept_as_its_day_number_is_named_as_a_date(exported):
    # Calc keeps "3/4" (4 March) typed into a minutes cell as 45720 under the cell's
    # format: "must be at most 6000, found 45720" said nothing of a date.
    edit(exported, [(FS, "D31", 45720), (FS, "C5", 46024), (FS, "D32", 7000)])
    assert problems_of(exported) == [
        f"Sheet '{FS}', C5: hours must be at most 2000, found 46024 ({DATE})",
        f"Sheet '{FS}', D31: minutes must be at most 6000, found 45720 ({DATE})",
        f"Sheet '{FS}', D32: minutes must be at most 6000, found 7000",
    ]


# ---- rows and columns inserted or deleted ------------------------------------------------


def test_edits_are_read_when_rows_above_the_header_were_inserted_or_deleted(exported):
    # The sheets were skipped without a word once their header row was no longer row 4.
    book = openpyxl.load_workbook(exported)
    book[FS]["D31"] = 45
    book[FS].delete_rows(3)  # the empty row below the subtitle
    book["Overview"]["A5"] = "MS-FSD-2"
    book["Overview"].insert_rows(1)  # an empty row at the top
    book["Outcomes"]["C5"] = "Apply"
    book["Outcomes"].delete_rows(2)  # the sheet's description
    book.save(exported)
    catalog = import_workbook(exported)
    assert minutes(catalog, WEEK_1, 0) == 45
    assert catalog.program("full-stack").code == "MS-FSD-2"
    assert catalog.program("full-stack").outcomes[0].bloom == Bloom.APPLY


def test_a_deleted_header_row_or_a_column_inserted_before_the_ids_is_named(exported):
    book = openpyxl.load_workbook(exported)
    book[FS]["D31"] = 45
    book[FS].delete_rows(4)  # the header row of the course table
    book["Outcomes"]["C5"] = "Apply"
    book["Outcomes"].insert_cols(7)  # a column of notes, before the hidden ids
    book["Overview"].delete_cols(6)  # the ECTS column
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'Overview': the hidden ids of the rows, written in column H, are now in "
        "column G (see G4): a column was inserted or deleted before them, so the columns "
        "of the sheet cannot be read; put the column back, or undo the change",
        f"Sheet '{FS}': the header row of the sheet, with “Curriculum Designer id” in its "
        "hidden column H, is not in its first 20 rows (deleted, or rows inserted above "
        "it?), so no row of the sheet can be told apart and none is read: put the header "
        "row back where it was, or undo the change",
        "Sheet 'Outcomes': the hidden ids of the rows, written in column H, are now in "
        "column I (see I4): a column was inserted or deleted before them, so the columns "
        "of the sheet cannot be read; delete the inserted column, or undo the change",
    ]


# ---- text --------------------------------------------------------------------------------


def test_a_title_or_outcome_with_a_line_break_or_spaces_around_it_is_read_as_one_line(
    exported, sample
):
    # A line break (Alt+Enter, or pasted) hid the rest of the title in the tree, and
    # spaces at the end were kept unseen.
    outcome = sample.program("full-stack").outcomes[1].text
    edit(
        exported,
        [
            (FS, "B30", "Week 1:\nC# basics  "),
            (FS, "B31", " Welcome to C#\r\nand .NET"),
            (FS, "B24", outcome + "  "),  # only spaces added: no edit
        ],
    )
    catalog = import_workbook(exported)
    assert catalog.modules[WEEK_1].title == "Week 1: C# basics"
    assert catalog.modules[WEEK_1].items[0].title == "Welcome to C# and .NET"
    assert catalog.program("full-stack").outcomes[1].text == outcome


# ---- Bloom levels ------------------------------------------------------------------------


def test_bloom_levels_written_in_their_ing_form_are_read(exported):
    edit(exported, [("Outcomes", "C5", "Applying"), ("Outcomes", "C6", "analysing")])
    outcomes = import_workbook(exported).program("full-stack").outcomes
    assert [outcomes[0].bloom, outcomes[1].bloom] == [Bloom.APPLY, Bloom.ANALYZE]


def test_a_cell_naming_two_levels_a_verb_or_a_number_is_named(exported):
    # Two levels were read as the first, silently; a verb got no hint.
    edit(
        exported,
        [
            ("Outcomes", "C5", "Understand/Apply"),
            ("Outcomes", "C6", "Design"),
            ("Outcomes", "C7", 3),
        ],
    )
    levels = "Remember, Understand, Apply, Analyze, Evaluate, Create"
    assert problems_of(exported) == [
        "Sheet 'Outcomes', C5: Bloom level: 'Understand/Apply' names Understand and Apply, "
        "but an outcome has one level; keep the one it reaches",
        f"Sheet 'Outcomes', C6: Bloom level must be one of {levels}, found 'Design' (the "
        "verb “design” suggests Create)",
        f"Sheet 'Outcomes', C7: Bloom level must be one of {levels}, found '3'",
    ]


def test_an_eqf_level_written_with_its_name_is_read_and_a_wrong_one_named_plainly(exported):
    edit(exported, [("Overview", "C5", "EQF 7"), ("Overview", "C6", "Level 5 – 6")])
    catalog = import_workbook(exported)
    assert [p.eqf_level for p in catalog.programs[:2]] == ["7", "5-6"]
    edit(exported, [("Overview", "C7", "EQF 9"), ("Overview", "C8", "high")])
    # The message said "eqf_level: EQF level must be ...".
    assert problems_of(exported) == [
        "Sheet 'Overview', C7: EQF level must be 1 to 8, or a range such as 5-6",
        "Sheet 'Overview', C8: EQF level must be 1 to 8, or a range such as 5-6",
    ]


# ---- in LibreOffice Calc -----------------------------------------------------------------


@pytest.fixture(scope="module")
def in_calc(tmp_path_factory):
    edits = {
        # Formulas typed in Calc, whose results look like times; and a time typed.
        "formulas": [
            ("type", FS, "C5", "=100/60"),
            ("type", FS, "D31", "=10/3"),
            ("type", FS, "D32", "1:30"),
        ],
        # An empty row inserted at the top, one deleted (the Overview's blank row 3).
        "rows": [
            ("insert_rows", FS, 1, 1),
            ("type", FS, "D32", "45"),  # D31 before the insertion
            ("delete_rows", "Overview", 3, 1),
            ("type", "Overview", "A4", "MS-FSD-2"),  # A5 before the deletion
        ],
        # A fraction typed, which Calc takes for a date.
        "fraction": [("type", FS, "D31", "3/4")],
        # A column of notes inserted before the hidden ids.
        "column": [("insert_columns", "Outcomes", 6, 1), ("type", "Outcomes", "G5", "check")],
    }
    return sample_edited_in_calc(tmp_path_factory.mktemp("calc"), edits)


def test_formulas_typed_in_calc_are_read_as_their_results_and_a_time_as_a_time(in_calc):
    catalog = import_workbook(in_calc["formulas"])
    assert catalog.courses[FOUNDATIONS].hours == pytest.approx(100 / 60)
    assert minutes(catalog, WEEK_1, 0) == pytest.approx(10 / 3)
    assert minutes(catalog, WEEK_1, 1) == 90


def test_rows_inserted_or_deleted_above_the_header_in_calc_keep_the_edits(in_calc):
    catalog = import_workbook(in_calc["rows"])
    assert minutes(catalog, WEEK_1, 0) == 45
    assert catalog.program("full-stack").code == "MS-FSD-2"


def test_a_column_inserted_in_calc_before_the_ids_is_named(in_calc):
    assert problems_of(in_calc["column"]) == [
        "Sheet 'Outcomes': the hidden ids of the rows, written in column H, are now in "
        "column I (see I4): a column was inserted or deleted before them, so the columns "
        "of the sheet cannot be read; delete the inserted column, or undo the change"
    ]


def test_a_fraction_typed_in_calc_is_named_as_the_date_calc_made_of_it(in_calc):
    (problem,) = problems_of(in_calc["fraction"])
    assert problem.startswith(f"Sheet '{FS}', D31: minutes must be at most 6000, found ")
    assert problem.endswith(f" ({DATE})")


def test_a_sheet_is_sized_by_its_dimension_or_else_read_row_by_row(tmp_path):
    """openpyxl, opening a workbook to read, looked for each sheet's size through all its
    rows when the sheet states none (our export's don't): 18 s for a 500-program workbook
    before the first row. The size is now read where the sheet states it, before its rows."""
    from designer.excel.reading import open_workbook

    sized, streamed = tmp_path / "sized.xlsx", tmp_path / "streamed.xlsx"
    book = openpyxl.Workbook()
    for row in range(1, 51):
        book.active.append([row, f"row {row}"])
    book.save(sized)
    book = openpyxl.Workbook(write_only=True)  # writes no size, as our export
    sheet = book.create_sheet("Rows")
    for row in range(1, 51):
        sheet.append([row, f"row {row}"])
    book.save(streamed)
    with open_workbook(sized, read_only=True, data_only=True) as opened:
        assert (opened.active.max_row, opened.active.max_column) == (50, 2)
        assert [r[0] for r in opened.active.iter_rows(values_only=True)] == list(range(1, 51))
    with open_workbook(streamed, read_only=True, data_only=True) as opened:
        rows = list(opened["Rows"].iter_rows(values_only=True))
        assert [r[0] for r in rows] == list(range(1, 51)) and rows[-1][1] == "row 50"
