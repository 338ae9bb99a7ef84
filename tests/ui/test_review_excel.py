"""File > Import from Excel on the sample's workbook edited as designers edit it: what the
window shows of the edits read back, and of the cells it cannot read."""

import openpyxl
from window_actions import answer_problems, choose_file

from designer.excel import export_workbook

FS = "Full Stack Developer"


def test_an_imported_title_with_a_line_break_shows_whole_in_the_tree(window, tmp_path):
    path = tmp_path / "edited.xlsx"
    export_workbook(window.document.catalog, path)
    book = openpyxl.load_workbook(path)
    book[FS]["B30"] = "Week 1:\nC# basics "  # typed with Alt+Enter
    book[FS].delete_rows(3)  # the empty row above the course table
    book.save(path)
    choose_file(path)
    window.import_action.trigger()
    window.show_unit("csharp-w1")
    # The tree showed "Week 1:..." (the line break hid the rest), and the edits of a sheet
    # whose header row had moved up were dropped.
    assert window.tree.currentIndex().data() == "Week 1: C# basics"


def test_a_formula_saved_without_its_result_is_named_in_the_dialog(window, tmp_path):
    path = tmp_path / "scripted.xlsx"
    export_workbook(window.document.catalog, path)
    book = openpyxl.load_workbook(path)
    book[FS]["B31"] = "=B30"  # openpyxl saves no result: it read as a cleared title
    book.save(path)
    document = window.document
    shown: list[str] = []
    answer_problems(shown)
    choose_file(path)
    window.import_action.trigger()
    assert window.document is document
    assert "Sheet 'Full Stack Developer', B31: the cell holds the formula =B30" in shown[0]
