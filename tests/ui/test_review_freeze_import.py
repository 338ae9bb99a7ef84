"""A long import stops soon after Cancel; a merge takes only its own groups out of the list."""

import threading
from collections import Counter

import pytest
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from window_actions import generated_file

from designer.excel import export_workbook
from designer.excel.import_ import SHEET_STEPS, import_workbook
from designer.model.edits import apply_all
from designer.progress import Cancelled
from designer.sharing.duplicates import DuplicateGroup
from designer.sharing.merge import plan_merge
from designer.storage import dumps, load
from designer.ui import files
from designer.ui.duplicates_view import GroupsModel
from designer.ui.progress_dialog import ProgressDialog

LONG_SHEET = "Outcomes"  # 1,765 rows for ten programs: the workbook's longest sheet
CANCEL_AT = 200  # rows of it read when Cancel is pressed


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("workbook") / "ten programs.xlsx"
    export_workbook(load(generated_file(tmp_path_factory, 10)), path)
    return path


@pytest.fixture
def rows_read(monkeypatch):
    """How many rows of each sheet the import has read so far."""
    read: Counter[str] = Counter()
    real = ReadOnlyWorksheet.iter_rows

    def counted(sheet, *args, **kwargs):
        for row in real(sheet, *args, **kwargs):
            read[sheet.title] += 1
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", counted)
    return read


def test_a_long_sheet_is_counted_row_by_row_and_the_import_stops_within_it(workbook, rows_read):
    reports = []

    def progress(done, total):
        reports.append((done, total, rows_read[LONG_SHEET]))
        return rows_read[LONG_SHEET] < CANCEL_AT

    with pytest.raises(Cancelled):
        import_workbook(workbook, progress=progress)
    in_sheet = [done for done, _, rows in reports if 0 < rows < CANCEL_AT]
    # The progress moved on while the sheet was read, not only once it was over.
    assert len(set(in_sheet)) > 1 and in_sheet[-1] % SHEET_STEPS
    # Stopped at the report after the press, far before the sheet's end (1,765 rows).
    assert CANCEL_AT <= rows_read[LONG_SHEET] < 2 * CANCEL_AT


def test_cancel_in_the_dialog_stops_a_workbook_import_within_its_long_sheet(
    window, workbook, rows_read, monkeypatch
):
    monkeypatch.setattr(files, "LARGE_WORKBOOK", 0)  # the dialog and its worker, however small
    document = window.document
    before = dumps(document.catalog)
    reached, pressed = threading.Event(), threading.Event()
    real = ReadOnlyWorksheet.iter_rows

    def held(sheet, *args, **kwargs):
        # In the worker: once CANCEL_AT rows of the long sheet are read, wait for the press.
        for row in real(sheet, *args, **kwargs):
            if sheet.title == LONG_SHEET and rows_read[LONG_SHEET] == CANCEL_AT:
                reached.set()
                assert pressed.wait(30), "Cancel was never pressed"
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows", held)

    def press_cancel():
        dialog = next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, ProgressDialog)), None
        )
        if not reached.is_set() or dialog is None or not dialog.isVisible():
            QTimer.singleShot(10, press_cancel)
            return
        dialog.cancel_button.click()
        pressed.set()

    QTimer.singleShot(0, press_cancel)
    assert not window.files.import_excel(workbook)
    assert rows_read[LONG_SHEET] < 2 * CANCEL_AT  # of 1,765
    assert window.document is document and dumps(document.catalog) == before
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was changed."


def test_a_merge_takes_the_groups_naming_its_units_out_in_runs(window, monkeypatch):
    view = window.duplicates
    catalog = window.document.catalog
    survivor, merged = "foundations-of-coding-back-end", "foundations-of-coding-front-end"
    others = list(catalog.courses)[:2]
    stale = DuplicateGroup("near", "course", (survivor, merged), 0.9, "alike")
    kept = DuplicateGroup("near", "course", tuple(others), 0.9, "alike")
    # Rows 2-4 and 7 name the unit that goes; the selected row 3 is one of them.
    groups = [kept, kept, stale, stale, stale, kept, kept, stale, kept]
    view.model.set_groups(groups)
    view.list.setCurrentIndex(view.model.index(3, 0))
    removed = []
    real = GroupsModel.beginRemoveRows

    def remove_rows(model, parent, first, last):
        removed.append((first, last))
        real(model, parent, first, last)

    monkeypatch.setattr(GroupsModel, "beginRemoveRows", remove_rows)
    expected = load(window.document.path)
    apply_all(expected, plan_merge(expected, survivor, [merged]))

    window.document.push(plan_merge(catalog, survivor, [merged]), "Merge")

    assert removed == [(7, 7), (2, 4)]  # one removal for each run of rows, from the last
    assert view.groups == [kept] * 5
    # The row that took the selected one's place is selected, as before.
    assert view.model.group_row(view.list.currentIndex()) == 2
    assert dumps(catalog) == dumps(expected)
