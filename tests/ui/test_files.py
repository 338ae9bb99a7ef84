"""Opening, saving, closing and recovering catalogs, without ever losing the designer's work."""

import gc
import json
import os
import subprocess
import sys
import textwrap
import weakref
from pathlib import Path

from PySide6.QtCore import Qt
from window_actions import choose_file, discard_and_close, select

from designer.appsettings import AppSettings, load_settings
from designer.bulk import keep_out_of_sweeps
from designer.model.edits import SetField
from designer.storage import dumps, load, loads
from designer.ui import document, main_window
from designer.ui.app import start_window
from designer.ui.files import AUTOSAVE_MS
from designer.ui.main_window import MainWindow

PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"
COURSE = "introduction-to-public-relations"


def rename_course(window, qtbot, text=" (revised)"):
    select(window, qtbot, PR, "Introduction to Public Relations")
    title = window.editor.fields["title"].editor
    title.end(False)  # where a click after the title puts the cursor
    qtbot.keyClicks(title, text)
    window.document.end_typing()


def test_unsaved_changes_ask_save_discard_or_cancel(window, qtbot, dialogs, sample_copy):
    rename_course(window, qtbot)
    document = window.document
    dialogs.answer("Cancel")
    window.new_action.trigger()
    assert "Save the changes to “catalog.curriculum.json”?" in dialogs.seen[-1]
    assert window.document is document and window.isWindowModified()
    dialogs.answer("Save")
    window.new_action.trigger()
    assert load(sample_copy).courses["introduction-to-public-relations"].title.endswith("(revised)")
    assert window.document is not document and window.document.catalog.programs == []
    assert window.windowTitle() == "Untitled[*] — Curriculum Designer"


def test_discarding_changes_leaves_the_file_alone(window, qtbot, dialogs, sample_copy):
    before = sample_copy.read_bytes()
    rename_course(window, qtbot)
    dialogs.answer("Discard")
    window.close_action.trigger()
    assert sample_copy.read_bytes() == before and window.document.path is None


def test_save_writes_the_file_and_clears_the_modified_marker(window, qtbot, sample_copy):
    rename_course(window, qtbot)
    assert window.isWindowModified()
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert sample_copy.read_bytes() == dumps(window.document.catalog)
    window.undo_action.trigger()
    assert window.isWindowModified()  # the saved state is behind us now


def test_save_as_and_the_recent_files_survive_a_restart(window, qtbot, tmp_path):
    target = tmp_path / "renamed.curriculum.json"
    assert window.files.save_as(target)
    assert window.windowTitle() == "renamed.curriculum.json[*] — Curriculum Designer"
    assert load_settings().recent_files[0] == str(target)
    titles = [a.text() for a in window.recent_menu.actions()]
    assert titles[0] == str(target)
    window.resize(711, 700)  # fits the offscreen screen, so it is not clamped
    discard_and_close(window)
    again = start_window([])
    try:
        assert again.document.path == target  # the last file opens again
        assert (again.width(), again.height()) == (711, 700)
    finally:
        discard_and_close(again)


def test_a_broken_file_shows_every_problem_and_leaves_the_open_document(
    window, qtbot, dialogs, tmp_path, sample_path
):
    rename_course(window, qtbot)
    document = window.document
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["modules"][0]["items"][0]["minutes"] = -3
    data["programs"][0]["course_ids"].append("missing-course")
    broken = tmp_path / "broken.curriculum.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    dialogs.answer("OK")
    assert not window.files.open_file(broken, asked=True)
    shown = dialogs.seen[-1]
    assert "“broken.curriculum.json” cannot be opened" in shown
    assert f"(in {tmp_path})" in shown  # which folder: the name alone may be in many
    assert "modules[0].items[0].minutes" in shown and "must not be negative" in shown
    assert "programs[0].course_ids[12]" in shown and "missing-course" in shown
    assert window.document is document and window.isWindowModified()
    assert document.catalog.courses["introduction-to-public-relations"].title.endswith("(revised)")


def test_saving_over_a_file_changed_on_disk_warns_first(window, qtbot, dialogs, sample_copy):
    rename_course(window, qtbot)
    sample_copy.write_text(
        sample_copy.read_text(encoding="utf-8").replace("MS-PRC", "PR-1"), encoding="utf-8"
    )
    theirs = sample_copy.read_bytes()
    dialogs.answer("Cancel")
    assert not window.files.save()
    assert "was changed by another program" in dialogs.seen[-1]
    assert sample_copy.read_bytes() == theirs and window.isWindowModified()
    dialogs.answer("Overwrite")
    assert window.files.save()
    assert sample_copy.read_bytes() == dumps(window.document.catalog)


def test_a_file_changed_while_it_opens_is_not_overwritten_unasked(
    window, qtbot, dialogs, sample_copy, monkeypatch
):
    """Another program writes the file just after Curriculum Designer read it: the catalog
    shown is the one read, so a save must ask before putting it over theirs."""
    theirs = sample_copy.read_text(encoding="utf-8").replace("MS-PRC", "PR-1")

    def loads_then_changed(raw, path):
        catalog = loads(raw, path)
        sample_copy.write_text(theirs, encoding="utf-8")
        return catalog

    monkeypatch.setattr(document, "loads", loads_then_changed)
    assert window.files.open_file(sample_copy, asked=True)
    monkeypatch.undo()
    rename_course(window, qtbot)
    dialogs.answer("Cancel")
    assert not window.files.save()
    assert "was changed by another program" in dialogs.seen[-1]
    assert sample_copy.read_text(encoding="utf-8") == theirs


def crash(window):
    """The program dies here: no close, no save. Its recovery copy is left with no live
    owner, as after a real crash (where the lock names a process that is gone)."""
    window.files.autosave.stop()
    window.files.recovery_lock.unlock()


def crashed_window(qtbot, path, text):
    """A window on path with a course renamed (text added), its recovery copy written,
    then crashed."""
    window = MainWindow(AppSettings())
    window.files.open_file(path)
    rename_course(window, qtbot, text)
    window.files.write_recovery(now=True)
    crash(window)
    return window


def test_unsaved_work_is_offered_back_after_a_crash(qtbot, sample_copy, dialogs):
    window = MainWindow(AppSettings())
    window.files.open_file(sample_copy)
    assert (
        window.files.autosave.isActive()
        and window.files.autosave.interval() == AUTOSAVE_MS == 60_000
    )
    rename_course(window, qtbot, " after crash")
    window.files.autosave.timeout.emit()  # a minute went by
    qtbot.waitUntil(window.files.recovery_path.exists)  # written between the window's events
    crash(window)
    dialogs.answer("Restore")
    restored = start_window([])
    try:
        assert "did not close normally" in dialogs.seen[-1]
        assert "catalog.curriculum.json" in dialogs.seen[-1]
        course = restored.document.catalog.courses["introduction-to-public-relations"]
        assert course.title == "Introduction to Public Relations after crash"
        assert restored.document.path == sample_copy and restored.isWindowModified()
        assert "after crash" not in sample_copy.read_text(encoding="utf-8")
        # The restored work is the new window's own copy now, and the old one is gone.
        assert not window.files.recovery_path.exists()
        assert load(restored.files.recovery_path).courses[course.id].title == course.title
    finally:
        discard_and_close(restored)
        discard_and_close(window)


def test_discarding_recovered_work_opens_normally(qtbot, sample_copy, dialogs):
    window = MainWindow(AppSettings())
    window.files.open_file(sample_copy)
    rename_course(window, qtbot)
    window.files.write_recovery()
    qtbot.waitUntil(window.files.recovery_path.exists)
    crash(window)
    dialogs.answer("Discard")
    again = start_window([str(sample_copy)])
    try:
        assert "Discard deletes the unsaved changes for good" in dialogs.seen[-1]
        assert not window.files.recovery_path.exists()
        assert again.document.path == sample_copy and not again.isWindowModified()
    finally:
        discard_and_close(again)
        discard_and_close(window)


def test_cancelling_the_recovery_question_keeps_the_work_for_the_next_start(
    qtbot, sample_copy, dialogs
):
    # Cancel (and Escape) deleted the unsaved work for good.
    window = crashed_window(qtbot, sample_copy, " kept")
    dialogs.answer("Cancel")
    again = start_window([str(sample_copy)])
    try:
        assert window.files.recovery_path.exists() and not again.isWindowModified()
    finally:
        discard_and_close(again)
    dialogs.answer("Restore")
    restored = start_window([])
    try:
        course = restored.document.catalog.courses["introduction-to-public-relations"]
        assert course.title.endswith(" kept")
    finally:
        discard_and_close(restored)
        discard_and_close(window)


def test_an_empty_start_offers_the_sample_in_one_click(qtbot):
    window = start_window([])
    try:
        window.show()
        assert window.document.catalog.programs == []
        assert window.sample_button.isVisible()
        qtbot.mouseClick(window.sample_button, Qt.MouseButton.LeftButton)
        assert len(window.document.catalog.programs) == 4
        assert window.totals_bar.program_title.text() == "No program selected"
    finally:
        discard_and_close(window)


def test_opening_another_file_lets_the_previous_catalog_go(window, qtbot, sample_copy, tmp_path):
    """Nothing of the window keeps the previous catalog, and the objects the collector no
    longer looks at (designer.bulk) include none of it once the next file is open."""
    qtbot.waitUntil(lambda: window.problems.up_to_date)  # its checks ran on the catalog
    select(window, qtbot, "Microsoft Full Stack Developer Professional Certificate")
    previous = weakref.ref(window.document.catalog)
    other = tmp_path / "other.curriculum.json"
    other.write_bytes(sample_copy.read_bytes())
    assert window.files.open_file(other)
    assert window.document.path == other
    qtbot.wait(10)  # the old views go once the event loop runs
    assert previous() is None


def test_the_new_catalog_is_frozen_out_of_sweeps_once_the_previous_is_gone(
    window, qtbot, sample_copy, tmp_path, monkeypatch
):
    """The sweep that frees what the previous document left in cycles walks every object;
    run while the old views, and through them the old catalog, still existed, it walked
    both catalogs (0.9 s at 500 programs, not 0.45 s)."""
    qtbot.waitUntil(lambda: window.problems.up_to_date)  # no check holds the catalog now
    previous = weakref.ref(window.document.catalog)
    swept = []

    def sweep(sweep=True):
        swept.append(previous() is not None)
        keep_out_of_sweeps(sweep=sweep)

    monkeypatch.setattr(main_window, "keep_out_of_sweeps", sweep)
    other = tmp_path / "other.curriculum.json"
    other.write_bytes(sample_copy.read_bytes())
    assert window.files.open_file(other)
    qtbot.waitUntil(lambda: bool(swept))
    assert swept == [False]  # the previous catalog was gone when the sweep ran
    tracked = {id(o) for o in gc.get_objects()}  # frozen objects are not among them
    assert id(window.document.catalog.programs[0]) not in tracked


def test_opening_another_file_after_edits_lets_their_undo_history_go(
    window, qtbot, dialogs, sample_copy, tmp_path
):
    rename_course(window, qtbot)
    previous = window.document
    assert previous.undo_stack.count() == 1 and window.isWindowModified()
    other = tmp_path / "other.curriculum.json"
    other.write_bytes(sample_copy.read_bytes())
    dialogs.answer("Discard")
    assert window.files.open_file(other)
    # The edits were deleted as the file changed, not left for the garbage collector (which
    # could free an edit's Python half first, and crashed deleting it).
    assert previous.undo_stack.count() == 0
    assert not window.isWindowModified() and not window.undo_action.isEnabled()
    rename_course(window, qtbot, " again")  # the new document's history is its own
    assert window.document.undo_stack.count() == 1 and window.isWindowModified()


# ---- names typed without their ending ---------------------------------------------------


def test_save_as_asks_before_replacing_the_file_the_added_ending_names(
    window, qtbot, dialogs, tmp_path
):
    other = tmp_path / "budget.curriculum.json"
    other.write_text("another catalog", encoding="utf-8")
    rename_course(window, qtbot)
    choose_file(tmp_path / "budget")  # typed without the ending: the dialog asks nothing
    dialogs.answer("Cancel")
    assert not window.files.save_as()
    assert "“budget.curriculum.json” already exists" in dialogs.seen[-1]
    assert other.read_text(encoding="utf-8") == "another catalog"
    assert window.document.path == tmp_path / "catalog.curriculum.json"
    choose_file(tmp_path / "budget")
    dialogs.answer("Replace")
    assert window.files.save_as()
    assert other.read_bytes() == dumps(window.document.catalog)
    assert window.document.path == other


def test_exports_ask_before_replacing_the_file_the_added_ending_names(
    window, qtbot, dialogs, tmp_path
):
    select(window, qtbot, FRONT)
    report, book = tmp_path / "report.pdf", tmp_path / "book.xlsx"
    report.write_bytes(b"%PDF-1.4 another document")
    book.write_bytes(b"another workbook")
    choose_file(tmp_path / "report")
    dialogs.answer("Cancel")
    assert not window.files.export_supplement()
    assert "“report.pdf” already exists" in dialogs.seen[-1]
    choose_file(tmp_path / "book")
    dialogs.answer("Cancel")
    assert not window.files.export_excel()
    assert "“book.xlsx” already exists" in dialogs.seen[-1]
    assert report.read_bytes() == b"%PDF-1.4 another document"
    assert book.read_bytes() == b"another workbook"
    assert not (tmp_path / "book").exists()
    choose_file(tmp_path / "book")
    dialogs.answer("Replace")
    assert window.files.export_excel()
    assert book.read_bytes().startswith(b"PK")  # a workbook now


def test_a_supplement_that_cannot_be_written_says_why(window, qtbot, dialogs, tmp_path):
    select(window, qtbot, FRONT)
    dialogs.answer("OK")
    assert not window.files.export_supplement(tmp_path / "missing" / "s.pdf", "pdf")
    assert "no folder" in dialogs.seen[-1] and "None" not in dialogs.seen[-1]


# ---- recovery copies: one per window ------------------------------------------------------


def test_each_window_keeps_its_own_recovery_copy(qtbot, dialogs, tmp_path, sample_path):
    a, b = tmp_path / "a.curriculum.json", tmp_path / "b.curriculum.json"
    a.write_bytes(sample_path.read_bytes())
    b.write_bytes(sample_path.read_bytes())
    first, second = MainWindow(AppSettings()), MainWindow(AppSettings())
    try:
        first.files.open_file(a)
        rename_course(first, qtbot, " in A")
        first.files.write_recovery(now=True)
        second.files.open_file(b)  # opening a file leaves the other window's copy alone
        assert first.files.recovery_path.exists()
        rename_course(second, qtbot, " in B")
        second.files.write_recovery(now=True)
        first.files.write_recovery(now=True)  # the next autosave of each window
        assert first.files.recovery_path != second.files.recovery_path
        titles = [load(w.files.recovery_path).courses[COURSE].title for w in (first, second)]
        assert titles == [
            "Introduction to Public Relations in A",
            "Introduction to Public Relations in B",
        ]
        # A second start while both windows live: nothing crashed, nothing is offered.
        third = start_window([str(a)])
        assert dialogs.seen == [] and third.document.path == a
        discard_and_close(third)
        assert first.files.recovery_path.exists() and second.files.recovery_path.exists()
        # Both die: the next start offers the newest, and says one more is left.
        crash(first)
        crash(second)
        dialogs.answer("Restore")
        restored = start_window([])
        assert "more window" in dialogs.seen[-1] and "a.curriculum.json" in dialogs.seen[-1]
        assert restored.document.catalog.courses[COURSE].title.endswith(" in A")
        dialogs.answer("Restore")
        again = start_window([])
        assert "b.curriculum.json" in dialogs.seen[-1] and "more window" not in dialogs.seen[-1]
        assert again.document.catalog.courses[COURSE].title.endswith(" in B")
        discard_and_close(restored)
        discard_and_close(again)
    finally:
        discard_and_close(first)
        discard_and_close(second)


def test_a_second_start_offers_a_running_programs_work_only_once_it_died(
    qtbot, dialogs, sample_copy
):
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from designer.appsettings import AppSettings
        from designer.model.edits import SetField
        from designer.ui.main_window import MainWindow

        app = QApplication(sys.argv[:1])
        window = MainWindow(AppSettings())
        window.files.open_file({str(sample_copy)!r})
        course = window.document.catalog.courses[{COURSE!r}]
        window.document.push([SetField(course, "title", "In the other program")], "rename")
        window.files.write_recovery(now=True)
        print("written", flush=True)
        sys.stdin.readline()  # runs until killed
        """
    )
    command = [sys.executable, "-c", script]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as other:
        try:
            assert other.stdout.readline().strip() == "written"
            second = start_window([str(sample_copy)])  # the other program still runs
            assert dialogs.seen == [] and not second.isWindowModified()
            discard_and_close(second)
        finally:
            other.kill()  # it dies without closing its window
    dialogs.answer("Restore")
    third = start_window([])
    try:
        assert "did not close normally" in dialogs.seen[-1]
        assert third.document.catalog.courses[COURSE].title == "In the other program"
    finally:
        discard_and_close(third)


def test_restored_work_still_asks_before_overwriting_a_file_changed_on_disk(
    qtbot, dialogs, sample_copy
):
    window = MainWindow(AppSettings())
    window.files.open_file(sample_copy)
    rename_course(window, qtbot, " (mine)")
    text = sample_copy.read_text(encoding="utf-8").replace("MS-PRC", "COLLEAGUE-EDIT")
    sample_copy.write_text(text, encoding="utf-8")  # another program changes the file
    window.files.write_recovery(now=True)
    crash(window)
    dialogs.answer("Restore")
    restored = start_window([])
    try:
        assert restored.document.path == sample_copy and restored.isWindowModified()
        dialogs.answer("Cancel")
        assert not restored.files.save()
        assert "was changed by another program" in dialogs.seen[-1]
        assert sample_copy.read_text(encoding="utf-8") == text
    finally:
        discard_and_close(restored)
        discard_and_close(window)


def test_a_damaged_recovery_copy_is_kept_aside_and_named(qtbot, dialogs, sample_copy):
    window = MainWindow(AppSettings())
    window.files.open_file(sample_copy)
    rename_course(window, qtbot)
    window.files.write_recovery(now=True)
    crash(window)
    copy = window.files.recovery_path
    damaged = copy.read_bytes()[: copy.stat().st_size // 2]
    copy.write_bytes(damaged)
    dialogs.answer("Restore")
    dialogs.answer("OK")
    again = start_window([])
    try:
        kept = copy.with_name(copy.name + ".damaged")
        assert kept.read_bytes() == damaged and not copy.exists()
        assert str(kept) in dialogs.seen[-1] and "Nothing was changed" in dialogs.seen[-1]
        assert again.document.path == sample_copy and not again.isWindowModified()
    finally:
        discard_and_close(again)
        discard_and_close(window)
    dialogs.seen.clear()
    later = start_window([])  # not offered again as unsaved work
    assert dialogs.seen == []
    discard_and_close(later)


def test_undoing_back_to_the_saved_state_deletes_the_recovery_copy(window, qtbot, dialogs):
    rename_course(window, qtbot)
    window.files.write_recovery(now=True)
    assert window.files.recovery_path.exists()
    window.undo_action.trigger()
    assert not window.isWindowModified()
    assert not window.files.recovery_path.exists()
    crash(window)
    again = start_window([])  # nothing to offer: the unsaved work was taken back
    assert dialogs.seen == []
    discard_and_close(again)


# ---- names and folders the settings cannot hold -----------------------------------------


def test_a_file_name_that_is_not_utf8_opens_and_saves(qtbot, tmp_path, sample_path):
    latin = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.curriculum.json"))
    latin.write_bytes(sample_path.read_bytes())
    window = start_window([str(latin)])  # curriculum-designer FILE
    try:
        assert window.document.path == latin
        rename_course(window, qtbot)
        assert window.files.save()
        assert load(latin).courses[COURSE].title.endswith("(revised)")
        assert str(latin) not in load_settings().recent_files  # the settings hold UTF-8
    finally:
        discard_and_close(window)


def test_a_settings_folder_that_cannot_be_written_leaves_files_working(
    qtbot, dialogs, sample_copy, tmp_path, monkeypatch
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    monkeypatch.setenv("CURRICULUM_DESIGNER_CONFIG", str(blocker / "config"))
    window = MainWindow(AppSettings())
    window.show()
    assert window.files.open_file(sample_copy)
    assert "Could not save the recent files" in window.statusBar().currentMessage()
    rename_course(window, qtbot)
    window.files.write_recovery(now=True)  # says why it cannot, in the status bar
    assert window.files.save()
    assert load(sample_copy).courses[COURSE].title.endswith("(revised)")
    course = window.document.catalog.courses[COURSE]
    window.document.push([SetField(course, "title", "Changed again")], "Rename")
    dialogs.answer("Discard")
    assert window.close()  # it closes, and lets its document go
    assert window.document.undo_stack.count() == 0 and not window.isVisible()
    assert "Changed again" not in sample_copy.read_text(encoding="utf-8")
    window.deleteLater()
