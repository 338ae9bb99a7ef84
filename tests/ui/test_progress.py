"""Open, save and export of a large catalog show their progress; Cancel leaves all as it was.

The work of a long operation runs while the test looks at the dialog: the load or the
export is held at a point until the test has seen what the dialog says, and a save,
done in steps between the window's events, writes a piece a step and is looked at each
turn of the event loop, so nothing here depends on how fast the machine is.
"""

import json
import shutil
import threading
from types import SimpleNamespace

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from window_actions import answer_problems, discard_and_close, opened_window, press_ok_in

from benchmarks.generate import generate
from designer.appsettings import AppSettings
from designer.excel import export_workbook
from designer.excel.import_ import SHEET_STEPS
from designer.model.edits import SetField
from designer.storage import dumps, load
from designer.storage.save import AtomicFile, file_pieces
from designer.ui import files, progress_dialog, recovery
from designer.ui.document import read_catalog
from designer.ui.main_window import MainWindow
from designer.ui.progress_dialog import ProgressDialog

PROGRAMS = 50
SHEETS = (
    3 + 2 * PROGRAMS + 2
)  # Overview, Outcomes, _data, two per program, Stackability, Supplement


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    catalog, _ = generate(programs=PROGRAMS, courses=500, seed=1)
    path = tmp_path_factory.mktemp("portfolio") / "portfolio.curriculum.json"
    path.write_bytes(dumps(catalog))
    # Large enough for every dialog, or these tests would test the quiet path.
    assert path.stat().st_size >= files.LARGE_FILE
    assert len(catalog.modules) >= max(files.LARGE_SAVE, files.LARGE_EXPORT)
    return path


@pytest.fixture
def big_window(qtbot, big_file):
    window = MainWindow(AppSettings())
    window.show()
    qtbot.waitExposed(window)
    assert window.files.open_file(big_file)
    yield window
    discard_and_close(window)


@pytest.fixture
def held_load(monkeypatch):
    """Loads wait until the test releases them, so it can look at the dialog meanwhile."""
    held = SimpleNamespace(
        started=threading.Event(), released=threading.Event(), ended=threading.Event()
    )

    def load_when_released(path):
        held.started.set()
        try:
            assert held.released.wait(30), "the test never released the load"
            return read_catalog(path)
        finally:
            held.ended.set()

    monkeypatch.setattr(files, "read_catalog", load_when_released)
    return held


def when_shown(look):
    """Call look(dialog) once a progress dialog is up, and again until it returns True."""

    def check():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProgressDialog) or not look(dialog):
            QTimer.singleShot(10, check)

    QTimer.singleShot(0, check)


def no_progress_dialog_left():
    return not any(isinstance(w, ProgressDialog) for w in QApplication.topLevelWidgets())


def test_opening_a_large_catalog_shows_progress_then_the_tree(empty_window, big_file, held_load):
    seen = []

    def look(dialog):
        seen.append(
            (dialog.windowTitle(), dialog.label.text(), dialog.isVisible(), dialog.cancellable)
        )
        seen.append(dialog.bar.format())  # "24 %", as the window writes percentages
        held_load.released.set()
        return True

    when_shown(look)
    assert empty_window.files.open_file(big_file)
    assert seen == [("Open catalog", "Opening “portfolio.curriculum.json”…", True, True), "%p %"]
    assert empty_window.document.path == big_file.resolve()
    assert empty_window.proxy.rowCount() == PROGRAMS
    assert not empty_window.isWindowModified()
    assert QApplication.activeModalWidget() is None and no_progress_dialog_left()


def test_cancelling_an_open_keeps_the_document(window, qtbot, big_file, held_load, sample_copy):
    document = window.document

    def press_escape(dialog):
        if not held_load.started.is_set():
            return False
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # as Cancel: the load cannot stop, it is left
        return True

    when_shown(press_escape)
    assert not window.files.open_file(big_file)
    assert window.document is document and document.path == sample_copy
    assert window.statusBar().currentMessage() == "Opening cancelled; nothing was changed."
    assert QApplication.activeModalWidget() is None and no_progress_dialog_left()
    held_load.released.set()
    assert held_load.ended.wait(30)  # the load left behind ends unseen
    qtbot.wait(100)
    assert window.document is document and len(document.catalog.programs) == 4


def test_a_broken_large_file_shows_its_problems_and_keeps_the_document(
    window, big_file, held_load, tmp_path
):
    document = window.document
    data = json.loads(big_file.read_text(encoding="utf-8"))
    data["modules"][0]["items"][0]["minutes"] = -3
    broken = tmp_path / "broken.curriculum.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    seen, shown = [], []

    def look(dialog):
        seen.append(dialog.label.text())
        held_load.released.set()
        answer_problems(shown)
        return True

    when_shown(look)
    assert not window.files.open_file(broken)
    assert seen == ["Opening “broken.curriculum.json”…"]
    assert len(shown) == 1
    assert "“broken.curriculum.json” cannot be opened" in shown[0]
    assert "modules[0].items[0].minutes" in shown[0] and "must not be negative" in shown[0]
    assert window.document is document and len(document.catalog.programs) == 4
    assert no_progress_dialog_left()


def held_at_five_sheets(monkeypatch, name):
    """files.<name> (the export or the import) stops at its first report of five sheets or
    more until the test releases it; held.done is what it reported (the export reports
    each sheet, the import every hundredth of a second)."""
    held = SimpleNamespace(at=threading.Event(), released=threading.Event(), done=0)
    real = getattr(files, name)

    def run(*args, progress, **kwargs):
        def watched(done, total):
            if done >= 5 and not held.at.is_set():
                progress(done, total)  # for the dialog to show
                held.done = done
                held.at.set()
                assert held.released.wait(30), f"the test never released {name}"
            return progress(done, total)

        return real(*args, progress=watched, **kwargs)

    monkeypatch.setattr(files, name, run)
    return held


def rename_first_program(document):
    """An edit, so that there is something to save, export or recover."""
    document.push([SetField(document.catalog.programs[0], "title", "Renamed")], "Rename")


@pytest.fixture
def held_export(monkeypatch):
    return held_at_five_sheets(monkeypatch, "export_workbook")


def test_a_large_export_shows_each_sheet_and_writes_the_workbook(big_window, tmp_path, held_export):
    document = big_window.document
    rename_first_program(document)
    target = tmp_path / "portfolio.xlsx"
    seen = []

    def look(dialog):
        if not held_export.at.is_set() or "sheet 6" not in dialog.label.text():
            return False
        seen.append((dialog.label.text(), dialog.bar.value(), dialog.bar.maximum()))
        big_window.files.autosave.timeout.emit()  # waits: the export reads the catalog
        seen.append(big_window.files.recovery_path.exists())
        dialog.grab().save(str(tmp_path / "progress.png"))
        held_export.released.set()
        return True

    when_shown(look)
    assert big_window.files.export_excel(target)
    assert seen == [(f"Writing sheet 6 of {SHEETS}…", 5, SHEETS), False]
    assert (tmp_path / "progress.png").stat().st_size > 0
    book = openpyxl.load_workbook(target, read_only=True)
    assert len(book.sheetnames) == SHEETS and book.sheetnames[0] == "Overview"
    book.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["portfolio.xlsx", "progress.png"]
    assert big_window.statusBar().currentMessage() == f"Exported {target}"
    assert no_progress_dialog_left()


@pytest.mark.parametrize("existing", [False, True])
def test_cancelling_a_large_export_leaves_no_workbook(
    big_window, qtbot, tmp_path, held_export, existing
):
    target = tmp_path / "portfolio.xlsx"
    if existing:
        target.write_bytes(b"last week's workbook")
    seen = []

    def press_cancel(dialog):
        if not held_export.at.is_set() or "sheet 6" not in dialog.label.text():
            return False
        seen.append(dialog.label.text())
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        seen.append((dialog.label.text(), dialog.cancel_button.isEnabled(), dialog.isVisible()))
        held_export.released.set()
        return True

    when_shown(press_cancel)
    assert not big_window.files.export_excel(target)
    assert seen == [f"Writing sheet 6 of {SHEETS}…", ("Cancelling…", False, True)]
    if existing:
        assert target.read_bytes() == b"last week's workbook"
        assert [p.name for p in tmp_path.iterdir()] == ["portfolio.xlsx"]
    else:
        assert not target.exists() and list(tmp_path.iterdir()) == []
    assert big_window.statusBar().currentMessage() == "Export cancelled; nothing was written."
    assert no_progress_dialog_left()


@pytest.fixture(scope="module")
def big_workbook(big_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("workbook") / "portfolio.xlsx"
    export_workbook(load(big_file), path)
    assert path.stat().st_size >= files.LARGE_WORKBOOK  # or these tests test the quiet path
    return path


@pytest.fixture
def held_import(monkeypatch):
    return held_at_five_sheets(monkeypatch, "import_workbook")


def test_a_large_import_shows_each_sheet_then_the_catalog(window, big_workbook, held_import):
    seen = []

    def look(dialog):
        if not held_import.at.is_set() or dialog.bar.value() != held_import.done:
            return False
        seen.append((dialog.windowTitle(), dialog.label.text(), dialog.bar.maximum()))
        held_import.released.set()
        return True

    when_shown(look)
    assert window.files.import_excel(big_workbook)
    # The hidden data sheet, then every sheet, each counted in SHEET_STEPS over its rows.
    shown = f"Reading sheet {held_import.done // SHEET_STEPS + 1} of {SHEETS}…"
    assert seen == [("Import from Excel", shown, SHEETS * SHEET_STEPS)]
    assert len(window.document.catalog.programs) == PROGRAMS
    assert window.isWindowModified() and window.document.path is None
    assert no_progress_dialog_left()


def test_cancelling_a_large_import_keeps_the_document(
    window, qtbot, big_workbook, held_import, sample_copy
):
    document = window.document

    def press_cancel(dialog):
        if not held_import.at.is_set() or dialog.bar.value() != held_import.done:
            return False
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.label.text() == "Cancelling…"
        held_import.released.set()
        return True

    when_shown(press_cancel)
    assert not window.files.import_excel(big_workbook)
    assert window.document is document and document.path == sample_copy
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was changed."
    assert no_progress_dialog_left()


def each_turn(look):
    """Call look() at each turn of the window's event loop, until it returns True."""
    ticker = QTimer()
    ticker.setInterval(0)

    def turn():
        if look():
            ticker.stop()

    ticker.timeout.connect(turn)
    ticker.start()
    return ticker  # kept by the test, or it would be deleted


def saving_dialog():
    dialog = QApplication.activeModalWidget()
    return dialog if isinstance(dialog, ProgressDialog) else None


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture
def step_by_piece(monkeypatch):
    """A save's steps write a piece each, however fast the machine: many steps to watch."""
    monkeypatch.setattr(progress_dialog, "STEP_SECONDS", 0)


@pytest.fixture
def big_copy(qtbot, big_file, tmp_path):
    """A window on a copy of the large file, which its saves may replace."""
    path = tmp_path / "portfolio.curriculum.json"
    shutil.copyfile(big_file, path)
    yield from opened_window(qtbot, path)


def test_a_large_save_moves_its_bar_while_the_window_runs_and_loads_back_equal(
    big_window, tmp_path, step_by_piece
):
    document = big_window.document
    rename_first_program(document)
    target = tmp_path / "copy.curriculum.json"
    seen, values = [], []

    def look():
        dialog = saving_dialog()
        if dialog is None:
            return False
        if not values:
            seen.append((dialog.windowTitle(), dialog.label.text(), dialog.cancellable))
            big_window.files.autosave.timeout.emit()  # waits: the save reads the catalog
            seen.append((big_window.files.recovery.writing, len(leftovers(tmp_path))))
        values.append((dialog.bar.value(), dialog.bar.maximum()))
        return False

    turns = each_turn(look)  # the window's event loop, turning while the file is written
    assert big_window.files.save_as(target)
    turns.stop()
    assert seen == [
        ("Save catalog", "Saving “copy.curriculum.json”…", True),
        (False, 1),  # no recovery copy; the new file is written beside the old one
    ]
    pieces_count = len(file_pieces(document.catalog))
    busy = sum(maximum == 0 for _, maximum in values)  # until the first piece is written
    assert {maximum for _, maximum in values[busy:]} == {pieces_count}
    shown = [value for value, _ in values[busy:]]
    assert shown == sorted(shown) and len(set(shown)) >= pieces_count - 1  # a turn a piece
    assert target.read_bytes() == dumps(document.catalog)
    assert dumps(load(target)) == dumps(document.catalog)
    assert load(target).programs[0].title == "Renamed" and leftovers(tmp_path) == []
    assert document.path == target and not big_window.isWindowModified()
    assert big_window.settings.recent_files[0] == str(target)
    assert big_window.statusBar().currentMessage() == f"Saved {target}"
    assert not big_window.files.recovery_path.exists()
    assert no_progress_dialog_left()


def test_cancelling_a_large_save_leaves_the_file_as_it_was_and_the_work_unsaved(
    big_copy, qtbot, step_by_piece
):
    window, path = big_copy, big_copy.document.path
    before = path.read_bytes()
    document = window.document
    rename_first_program(document)
    seen = []

    def press_cancel():
        dialog = saving_dialog()
        if dialog is None or dialog.bar.value() < 3:
            return False
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        seen.append((dialog.label.text(), dialog.cancel_button.isEnabled()))
        return True

    turns = each_turn(press_cancel)
    window.save_action.trigger()  # File > Save
    turns.stop()
    assert seen == [("Cancelling…", False)]
    assert path.read_bytes() == before and leftovers(path.parent) == []
    assert window.isWindowModified() and document.modified and document.path == path
    assert window.statusBar().currentMessage() == "Save cancelled; the file was not changed."
    assert window.files.recovery.writing  # the recovery copy, put off by the save, is begun
    assert no_progress_dialog_left()
    assert window.files.save()  # and a save that is let run saves
    assert path.read_bytes() == dumps(document.catalog) and not window.isWindowModified()


def answer_cannot_save(shown):
    """Press OK in the "Cannot save" message, once it comes, and keep what it said."""
    press_ok_in(shown, lambda box: box.windowTitle() == "Cannot save")


def test_a_large_save_that_fails_midway_says_why_and_leaves_the_file_as_it_was(
    big_copy, step_by_piece, monkeypatch
):
    window, path = big_copy, big_copy.document.path
    before = path.read_bytes()
    document = window.document
    rename_first_program(document)
    real_write, written = AtomicFile.write, []

    def fills_the_disk(self, data):
        if len(written) == 5:
            raise OSError(28, "No space left on device")
        written.append(len(data))
        real_write(self, data)

    monkeypatch.setattr(AtomicFile, "write", fills_the_disk)
    shown = []
    answer_cannot_save(shown)
    assert not window.files.save()
    assert len(shown) == 1 and "cannot save: No space left on device" in shown[0]
    assert path.read_bytes() == before and leftovers(path.parent) == []
    assert window.isWindowModified() and document.path == path
    assert no_progress_dialog_left()


def test_a_large_save_into_a_folder_removed_meanwhile_says_why(big_window, tmp_path, step_by_piece):
    folder = tmp_path / "shared drive"
    folder.mkdir()
    target = folder / "copy.curriculum.json"

    def remove_the_folder():
        dialog = saving_dialog()
        if dialog is None or dialog.bar.value() < 3:
            return False
        shutil.rmtree(folder)
        return True

    turns = each_turn(remove_the_folder)
    shown = []
    answer_cannot_save(shown)
    assert not big_window.files.save_as(target)
    turns.stop()
    assert len(shown) == 1 and f"cannot save: there is no folder {folder}" in shown[0]
    assert list(tmp_path.iterdir()) == []  # nothing left behind, not even the folder
    assert big_window.document.path != target
    assert no_progress_dialog_left()


def test_the_autosave_of_a_large_catalog_leaves_the_window_free_and_follows_edits(
    big_window, qtbot, monkeypatch
):
    monkeypatch.setattr(recovery, "STEP_SECONDS", 0)  # a piece a step, on any machine
    document, writer = big_window.document, big_window.files.recovery
    program = document.catalog.programs[0]
    folder = big_window.files.recovery_path.parent

    def unfinished():
        return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]

    document.push([SetField(program, "title", "Renamed")], "Rename")
    turns = []  # the window's event loop, turning while the copy is written
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: turns.append(writer.writing))
    ticker.start()
    big_window.files.autosave.timeout.emit()
    assert (
        writer.writing and not big_window.files.recovery_path.exists()
    )  # begun, not written at once
    with qtbot.waitSignal(writer.written, timeout=20_000):
        pass
    ticker.stop()
    # The window handled its events between every two pieces of the copy.
    assert turns.count(True) >= len(file_pieces(document.catalog)) - 1
    assert load(big_window.files.recovery_path).programs[0].title == "Renamed"
    assert unfinished() == []

    # An edit while the next copy is written drops that copy; the last whole one stays.
    document.push([SetField(program, "title", "Renamed twice")], "Rename")
    big_window.files.autosave.timeout.emit()
    assert writer.writing and len(unfinished()) == 1
    document.push([SetField(program, "title", "Renamed thrice")], "Rename")
    assert writer.writing and unfinished() == []
    assert load(big_window.files.recovery_path).programs[0].title == "Renamed"
    with qtbot.waitSignal(writer.written, timeout=20_000):
        pass  # once edits pause
    assert dumps(load(big_window.files.recovery_path)) == dumps(document.catalog)
    assert load(big_window.files.recovery_path).programs[0].title == "Renamed thrice"
    assert unfinished() == []


def test_a_recovery_copy_that_cannot_be_written_says_why_and_keeps_the_last_one(
    big_window, qtbot, monkeypatch
):
    document = big_window.document
    rename_first_program(document)
    big_window.files.write_recovery(now=True)
    kept = big_window.files.recovery_path.read_bytes()

    def full_disk(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(AtomicFile, "write", full_disk)
    document.push([SetField(document.catalog.programs[0], "title", "Renamed again")], "Rename")
    big_window.files.autosave.timeout.emit()
    qtbot.waitUntil(lambda: not big_window.files.recovery.writing)
    message = big_window.statusBar().currentMessage()
    assert message == "Could not write the recovery copy: No space left on device"
    assert big_window.files.recovery_path.read_bytes() == kept
    assert [p for p in big_window.files.recovery_path.parent.iterdir() if p.suffix == ".tmp"] == []
    assert document.catalog.programs[0].title == "Renamed again"  # the work is untouched
    monkeypatch.undo()  # the disk has room again for the window's settings, as it closes
