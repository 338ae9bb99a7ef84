"""Opening, saving, closing and recovering catalogs, without ever losing the designer's work."""

import json
import weakref

from PySide6.QtCore import Qt
from window_actions import discard_and_close, select

from designer.appsettings import AppSettings, load_settings, recovery_path
from designer.storage import dumps, load
from designer.ui.app import start_window
from designer.ui.files import AUTOSAVE_MS
from designer.ui.main_window import MainWindow

PR = "Microsoft Public Relations and Communications Associate Professional Certificate"


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


def test_unsaved_work_is_offered_back_after_a_crash(qtbot, sample_copy, dialogs):
    window = MainWindow(AppSettings())
    window.files.open_file(sample_copy)
    assert (
        window.files.autosave.isActive()
        and window.files.autosave.interval() == AUTOSAVE_MS == 60_000
    )
    rename_course(window, qtbot, " after crash")
    window.files.autosave.timeout.emit()  # a minute went by
    qtbot.waitUntil(recovery_path().exists)  # written between the window's events
    # The program dies here: no close, no save. The next start finds the recovery file.
    window.files.autosave.stop()
    window.document.undo_stack.setClean()
    dialogs.answer("Restore")
    restored = start_window([])
    try:
        assert "did not close normally" in dialogs.seen[-1]
        assert "catalog.curriculum.json" in dialogs.seen[-1]
        course = restored.document.catalog.courses["introduction-to-public-relations"]
        assert course.title == "Introduction to Public Relations after crash"
        assert restored.document.path == sample_copy and restored.isWindowModified()
        assert "after crash" not in sample_copy.read_text(encoding="utf-8")
    finally:
        discard_and_close(restored)
        window.deleteLater()


def test_declining_recovery_opens_normally(qtbot, sample_copy, dialogs):
    window = MainWindow(AppSettings())
    window.files.open_file(sample_copy)
    rename_course(window, qtbot)
    window.files.write_recovery()
    qtbot.waitUntil(recovery_path().exists)
    window.document.undo_stack.setClean()
    window.deleteLater()
    dialogs.answer("Cancel")
    again = start_window([str(sample_copy)])
    try:
        assert not recovery_path().exists()
        assert again.document.path == sample_copy and not again.isWindowModified()
    finally:
        discard_and_close(again)


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
