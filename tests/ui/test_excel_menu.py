"""File > Export to Excel and Import from Excel, driven from the menu."""

import openpyxl
from window_actions import choose_file


def test_export_to_excel_from_the_menu(window, tmp_path):
    target = tmp_path / "syllabi.xlsx"
    choose_file(target)
    window.export_action.trigger()
    assert target.exists()
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[0] == "Overview"
    overview = workbook["Overview"]
    titles = [overview.cell(row, 2).value for row in range(1, overview.max_row + 1)]
    assert "Microsoft Full Stack Developer Professional Certificate" in titles
    assert "Exported" in window.statusBar().currentMessage()


def test_import_a_plain_table_from_the_menu(window, tmp_path, dialogs):
    path = tmp_path / "curriculum.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data Analyst Certificate"
    sheet.append(["No.", "Course", "Learning Hours"])
    sheet.append([1, "Statistics for Analysts", 30])
    sheet.append([2, "SQL for Analysts", 45])
    book.save(path)
    choose_file(path)
    window.import_action.trigger()
    catalog = window.document.catalog
    assert [p.title for p in catalog.programs] == ["Data Analyst Certificate"]
    assert [c.title for c in catalog.courses_of(catalog.programs[0])] == [
        "Statistics for Analysts",
        "SQL for Analysts",
    ]
    assert window.document.totals.hours(catalog.programs[0]) == 75
    assert window.isWindowModified() and window.document.path is None


def test_a_workbook_that_cannot_be_read_leaves_the_open_catalog(window, tmp_path, dialogs):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"this is not a workbook")
    document = window.document
    choose_file(path)
    dialogs.answer("OK")
    window.import_action.trigger()
    assert dialogs.seen[-1].startswith("Cannot import\n")
    assert "“broken.xlsx” cannot be imported. Nothing was changed." in dialogs.seen[-1]
    assert window.document is document
