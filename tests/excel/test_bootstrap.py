"""Bootstrapping a catalog from the tables a designer already has."""

import openpyxl
import pytest
from xlsx_helpers import REPORT, report_sheet, report_workbook, save_results

from designer.errors import CatalogError
from designer.excel import import_workbook
from designer.model import Bloom, ItemKind, Totals


def test_the_reports_tables_become_four_programs_with_shared_courses(tmp_path):
    catalog = import_workbook(report_workbook(tmp_path / "report.xlsx"))
    totals = Totals(catalog)
    figures = [totals.program(p) for p in catalog.programs]
    assert [p.title for p in catalog.programs] == [title for _, title, _ in REPORT]
    assert [(f.courses, f.hours, f.ects) for f in figures] == [
        (12, 422, 16),
        (8, 309, 12),
        (6, 212, 8),
        (5, 136, 5),
    ]
    for program, (_, _, rows) in zip(catalog.programs, REPORT, strict=True):
        courses = catalog.courses_of(program)
        assert [(c.title, c.hours) for c in courses] == list(rows)
    # The same title and hours in several sheets is one course, as in the sample.
    assert len(catalog.courses) == 21
    csharp = catalog.courses["introduction-to-programming-with-csharp"]
    assert len(catalog.programs_using(csharp.id)) == 3
    assert catalog.courses["back-end-development-with-dotnet"].hours == 43


@pytest.mark.parametrize(
    "hours_header",
    ["Learning Hours", "Workload", "Stunden", "HOURS", "Workload (h)", "  learning   hours "],
)
def test_hours_columns_go_by_many_names(tmp_path, hours_header):
    book = openpyxl.Workbook()
    report_sheet(book.active, "Program", [("A course", 30)], header=("Nr.", "Course", hours_header))
    book.save(tmp_path / "t.xlsx")
    catalog = import_workbook(tmp_path / "t.xlsx")
    assert [(c.title, c.hours) for c in catalog.courses.values()] == [("A course", 30)]


def test_without_a_title_cell_the_sheet_names_the_program(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Data Analyst"
    report_sheet(book.active, None, [("Statistics", 40)], total=False)
    book.save(tmp_path / "t.xlsx")
    assert import_workbook(tmp_path / "t.xlsx").programs[0].title == "Data Analyst"


def test_courses_with_modules_items_outcomes_and_merged_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Python"
    sheet.append(["Program:", "Python for Everybody"])
    sheet.append(["Course", "Module", "Item", "Type", "Minutes", "Outcome", "Bloom level"])
    sheet.append(["Basics", "Week 1", "Welcome", "Video", 10, "Write a script", "apply"])
    sheet.append([None, None, "Variables", "Reading", 20])
    sheet.append([None, None, "Quiz 1", "Graded quiz", 30])
    sheet.append([None, "Week 2", "Loops", "video", 60])
    sheet.append(["Data", "Week 1", "Files", "Lab", 90, "Parse a file", "Analyse"])
    sheet.merge_cells("A3:A6")  # the course spans its rows
    sheet.append([])
    sheet.append(["Note: durations are estimates."])
    sheet.merge_cells("A9:G9")  # a note across the table
    book.save(tmp_path / "t.xlsx")

    catalog = import_workbook(tmp_path / "t.xlsx")
    totals = Totals(catalog)
    program = catalog.programs[0]
    assert program.title == "Python for Everybody"
    basics, data = catalog.courses_of(program)
    assert [m.title for m in catalog.modules_of(basics)] == ["Week 1", "Week 2"]
    week1 = catalog.modules_of(basics)[0]
    assert [(i.title, i.kind, i.minutes) for i in week1.items] == [
        ("Welcome", ItemKind.VIDEO, 10),
        ("Variables", ItemKind.READING, 20),
        ("Quiz 1", ItemKind.GRADED_QUIZ, 30),
    ]
    assert [item.graded for item in week1.items] == [False, False, True]
    assert [(o.text, o.bloom) for o in week1.outcomes] == [("Write a script", Bloom.APPLY)]
    assert totals.hours(basics) == 2 and totals.hours(data) == 1.5
    assert catalog.modules_of(data)[0].outcomes[0].bloom is Bloom.ANALYZE


def test_formula_cells_count_with_their_saved_results(tmp_path):
    book = openpyxl.Workbook()
    report_sheet(book.active, "Program", [("A", "=30+9"), ("B", "=2*10")])
    book.save(tmp_path / "t.xlsx")
    save_results(tmp_path / "t.xlsx", 1, {"C4": 39, "C5": 20, "C6": 59})
    catalog = import_workbook(tmp_path / "t.xlsx")
    assert [c.hours for c in catalog.courses.values()] == [39, 20]


def test_a_formula_without_a_saved_result_is_reported(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Full Stack"
    report_sheet(book.active, "Program", [("A", "=30+9"), ("B", 20)])
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(CatalogError) as caught:
        import_workbook(tmp_path / "t.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        "Sheet 'Full Stack', C4: a formula without a saved result: open the workbook in "
        "Excel or LibreOffice, save it, and import it again"
    ]


def test_hidden_sheets_are_skipped(tmp_path):
    path = report_workbook(tmp_path / "report.xlsx", REPORT[:1])
    book = openpyxl.load_workbook(path)
    hidden = book.create_sheet("Scratch")
    hidden.append(["Course", "Hours"])
    hidden.append(["Half-finished", "tbd"])
    hidden.sheet_state = "hidden"
    book.save(path)
    catalog = import_workbook(path)
    assert [p.title for p in catalog.programs] == [REPORT[0][1]]


def test_a_total_that_disagrees_with_the_rows_is_reported(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Full Stack"
    report_sheet(book.active, "Program", [("A", 30), ("B", 20)], total=False)
    book.active.append([None, "Total", 60])
    book.save(tmp_path / "t.xlsx")
    with pytest.raises(CatalogError) as caught:
        import_workbook(tmp_path / "t.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        "Sheet 'Full Stack', C6: the total says 60 h, but the courses above add up to 50 h"
    ]


def test_text_hours_and_empty_rows_inside_the_table(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    report_sheet(sheet, "Program", [("A", "30 h"), ("B", "7,5")], total=False)
    sheet.append([])
    sheet.append([3, "C", 12])
    book.save(tmp_path / "t.xlsx")
    catalog = import_workbook(tmp_path / "t.xlsx")
    assert [(c.title, c.hours) for c in catalog.courses.values()] == [
        ("A", 30),
        ("B", 7.5),
        ("C", 12),
    ]
