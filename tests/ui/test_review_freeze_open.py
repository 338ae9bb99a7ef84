"""File > New then Open, the Roadmap page and the supplement keep the window responsive.

A review found the window blocked for seconds when a large catalog was opened after New
(the previous catalog freed in one go, then a sweep of every object on the window's
thread), the Roadmap page refilling its list of 5,500 programs and courses on every edit,
and the supplement written with no sign of work. Nothing here is timed: the tests check
that the work is done where and when it does not hold the window.
"""

import gc
import threading
import weakref
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from designer.bulk import collector_paused, keep_out_of_sweeps
from designer.model.edits import SetField
from designer.ui import files, main_window
from designer.ui.document import read_catalog
from designer.ui.progress_dialog import ProgressDialog


@pytest.fixture
def held_load(monkeypatch):
    """Opens go through the progress dialog, and the load waits until the test releases it."""
    held = SimpleNamespace(released=threading.Event(), ended=threading.Event())

    def load_when_released(path):
        try:
            assert held.released.wait(30), "the test never released the load"
            return read_catalog(path)
        finally:
            held.ended.set()

    monkeypatch.setattr(files, "LARGE_FILE", 0)
    monkeypatch.setattr(files, "read_catalog", load_when_released)
    return held


def test_opening_after_new_shows_the_dialog_and_runs_events_before_the_load_ends(
    window, qtbot, sample_copy, held_load
):
    window.new_action.trigger()
    qtbot.wait(20)  # the old views go, and the previous catalog a slice at a time
    ticks = []
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(lambda: ticks.append(held_load.ended.is_set()))
    seen = []

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProgressDialog) or len(ticks) < 3:
            QTimer.singleShot(10, look)
            return
        seen.append((dialog.windowTitle(), dialog.isVisible(), held_load.ended.is_set()))
        held_load.released.set()

    ticker.start()
    QTimer.singleShot(0, look)
    assert window.files.open_file(sample_copy)
    ticker.stop()
    assert seen == [("Open catalog", True, False)]
    assert ticks[:3] == [False, False, False]  # the window ran events while the load waited
    assert window.document.path == sample_copy.resolve()
    assert window.document.disk_signature is not None and not window.document.disk_changed()
    assert not window.isWindowModified()


def test_the_previous_catalog_is_let_go_before_the_sweep(window, qtbot, monkeypatch):
    catalog = window.document.catalog
    qtbot.waitUntil(lambda: window.problems.up_to_date)  # no check holds the catalog now
    unit = weakref.ref(next(catalog.walk()))
    item = weakref.ref(next(i for m in catalog.modules.values() for i in m.items))
    del catalog
    swept = []

    def sweep(sweep=True):
        swept.append((unit(), item()))
        keep_out_of_sweeps(sweep=sweep)

    monkeypatch.setattr(main_window, "keep_out_of_sweeps", sweep)
    window.new_action.trigger()
    qtbot.waitUntil(lambda: bool(swept))
    assert swept == [(None, None)]


def test_after_a_large_catalog_opens_the_objects_are_frozen_without_a_sweep(
    window, qtbot, sample_copy, monkeypatch
):
    calls = []
    monkeypatch.setattr(main_window, "SWEEP_MODULES", 1)  # the sample counts as large
    monkeypatch.setattr(main_window, "keep_out_of_sweeps", lambda **kw: calls.append(kw))
    assert window.files.open_file(sample_copy)
    qtbot.waitUntil(lambda: {"sweep": False} in calls)
    assert calls[-1] == {"sweep": False}


class Node:
    """An object in a reference cycle: only the collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_no_sweep_runs_while_a_pause_does_nor_when_told_not_to():
    keep_out_of_sweeps()
    with collector_paused():
        left = weakref.ref(Node())
    keep_out_of_sweeps(sweep=False)
    assert left() is not None
    with collector_paused():  # a file loading in a worker thread
        keep_out_of_sweeps()
        assert left() is not None
    keep_out_of_sweeps()
    assert left() is None
    gc.collect()


# ---- the Roadmap page ---------------------------------------------------------------------


def roadmap_of(window, qtbot, unit_id):
    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    view.show_roadmap(unit_id)
    assert view.unit.currentData() == unit_id
    refills = []
    view.unit.model().rowsInserted.connect(lambda *args: refills.append(1))
    return view, refills


def an_item_of(catalog, program):
    return next(
        i for c in catalog.courses_of(program) for m in catalog.modules_of(c) for i in m.items
    )


def settled(view):
    return not view.refresh_timer.isActive()


def test_an_edit_that_changes_no_name_does_not_refill_the_roadmap_list(window, qtbot):
    catalog = window.document.catalog
    program = catalog.programs[0]
    view, refills = roadmap_of(window, qtbot, program.id)
    count = view.unit.count()
    item = an_item_of(catalog, program)
    window.document.push([SetField(item, "minutes", item.minutes + 5)], "minutes")
    qtbot.waitUntil(lambda: view.refresh_timer.isActive())
    qtbot.waitUntil(lambda: settled(view))
    assert refills == [] and view.unit.count() == count
    window.document.push([SetField(program, "title", "Renamed Program")], "title")
    qtbot.waitUntil(lambda: bool(refills))
    qtbot.waitUntil(lambda: settled(view))
    assert view.unit.currentText() == "Program: Renamed Program"
    assert view.unit.currentData() == program.id and view.unit.count() == count
    assert "Renamed Program" in view.svg


def test_the_roadmap_is_drawn_again_when_its_program_changes_and_only_then(window, qtbot):
    catalog = window.document.catalog
    program = catalog.programs[0]
    view, _ = roadmap_of(window, qtbot, program.id)
    mine = {m for c in catalog.courses_of(program) for m in c.module_ids}
    elsewhere = next(m for m in catalog.modules.values() if m.id not in mine and m.items)
    drawn = view.svg
    item = elsewhere.items[0]
    window.document.push([SetField(item, "minutes", item.minutes + 600)], "minutes")
    qtbot.waitUntil(lambda: view.refresh_timer.isActive())
    qtbot.waitUntil(lambda: settled(view))
    assert view.svg is drawn  # not drawn again: nothing it shows changed
    item = an_item_of(catalog, program)
    window.document.push([SetField(item, "minutes", item.minutes + 600)], "minutes")
    qtbot.waitUntil(lambda: view.svg is not drawn)
    changed = view.svg
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view.svg is not changed)
    assert view.svg == drawn


def test_the_roadmap_follows_a_course_of_its_program_being_renamed(window, qtbot):
    catalog = window.document.catalog
    program = catalog.programs[0]
    view, _ = roadmap_of(window, qtbot, program.id)
    course = next(c for c in catalog.courses_of(program) if c.module_ids)
    window.document.push([SetField(course, "title", "A Course Renamed")], "title")
    qtbot.waitUntil(lambda: "A Course Renamed" in view.svg)
    assert view.unit.findText("Course: A Course Renamed") >= 0


# ---- the supplement -----------------------------------------------------------------------


def test_the_supplement_is_written_under_a_wait_cursor_with_a_status_message(
    window, tmp_path, monkeypatch
):
    seen = []
    write = files.write_supplement

    def watched(*args, **kwargs):
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return write(*args, **kwargs)

    monkeypatch.setattr(files, "write_supplement", watched)
    path = tmp_path / "s.html"
    assert window.files.export_supplement(path)
    assert seen == [(Qt.CursorShape.WaitCursor, f"Writing the supplement to {path}…")]
    assert QApplication.overrideCursor() is None
    assert path.exists()
