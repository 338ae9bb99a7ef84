"""A designer's files in the window: gone from disk, cut short, chosen in capitals or as a
workbook, on the recent list after they moved; each says where and what, and loses nothing."""

import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QLineEdit
from window_actions import DialogAnswers, choose_file, opened_window, select

from designer.excel.export import export_workbook
from designer.storage import dumps, load
from designer.ui import recovery

PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
COURSE = "introduction-to-public-relations"


class Answers(DialogAnswers):
    """Answers the next dialogs as DialogAnswers does, but closes a dialog that lacks the
    button, so that a test of a wrong dialog fails rather than waits for ever."""

    def answer(self, button_text: str) -> None:
        def click() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or isinstance(dialog, QFileDialog):
                QTimer.singleShot(10, click)
                return
            buttons = dialog.findChildren(QAbstractButton)
            texts = [dialog.windowTitle(), *(label.text() for label in dialog.findChildren(QLabel))]
            self.seen.append("\n".join(texts + [b.text() for b in buttons]))
            wanted = [b for b in buttons if b.text().replace("&", "") == button_text]
            if wanted:
                wanted[0].click()
            else:
                dialog.reject()

        QTimer.singleShot(0, click)


@pytest.fixture
def dialogs(qtbot):
    return Answers(qtbot)


def rename_course(window, qtbot, text=" (revised)"):
    select(window, qtbot, PR, "Introduction to Public Relations")
    title = window.editor.fields["title"].editor
    title.end(False)
    qtbot.keyClicks(title, text)
    window.document.end_typing()


def look_at_file_dialog(seen):
    """Note where the next file dialog starts and what it offers, then cancel it."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, look)
            return
        seen.append(
            (dialog.directory().absolutePath(), dialog.selectedFiles(), dialog.nameFilters())
        )
        dialog.reject()

    QTimer.singleShot(0, look)


def name_file(path):
    """Type path in the next file dialog's name box and confirm it (selectFile leaves the
    box alone while it has the cursor, as it has once the dialog is up)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(path))
        dialog.accept()

    QTimer.singleShot(0, answer)


# ---- the file or its folder gone from disk -------------------------------------------------


def test_saving_a_file_another_program_deleted_writes_it_again_without_talk_of_overwriting(
    window, qtbot, dialogs, sample_copy
):
    rename_course(window, qtbot)
    sample_copy.unlink()  # another program deletes it
    dialogs.answer("Save")
    window.save_action.trigger()
    said = dialogs.seen[-1]
    assert "was deleted, moved or renamed by another program" in said
    assert str(sample_copy) in said and "overwrite" not in said.lower()
    assert load(sample_copy).courses[COURSE].title.endswith("(revised)")
    assert not window.isWindowModified()


def test_closing_when_the_files_folder_vanished_offers_save_as_and_saves_there(
    qtbot, dialogs, sample_path, tmp_path
):
    folder = tmp_path / "shared drive"
    folder.mkdir()
    original = folder / "catalog.curriculum.json"
    shutil.copyfile(sample_path, original)
    opened = opened_window(qtbot, original)
    window = next(opened)
    rename_course(window, qtbot)
    shutil.rmtree(folder)  # the drive is gone
    dialogs.answer("Save")  # Save the changes?
    dialogs.answer("Save As…")  # the folder is not there any more
    name_file(tmp_path / "rescued")
    assert window.close()
    assert "“catalog.curriculum.json”" in dialogs.seen[-1] and str(folder) in dialogs.seen[-1]
    assert "no longer there" in dialogs.seen[-1]
    rescued = tmp_path / "rescued.curriculum.json"
    assert load(rescued).courses[COURSE].title.endswith("(revised)")
    assert not window.isVisible()
    next(opened, None)  # closes it as every test's window is closed


def test_cannot_save_into_a_missing_folder_says_which_folder_and_that_the_work_is_kept(
    window, qtbot, dialogs, tmp_path
):
    rename_course(window, qtbot)
    target = tmp_path / "gone" / "copy.curriculum.json"
    dialogs.answer("OK")
    assert not window.files.save_as(target)
    said = dialogs.seen[-1]
    assert f"there is no folder {tmp_path / 'gone'}" in said
    assert "problem" not in said and "changes are still here" in said
    assert (
        window.isWindowModified() and window.document.path == tmp_path / "catalog.curriculum.json"
    )


def test_a_file_marked_read_only_is_not_replaced_by_save(window, qtbot, dialogs, sample_copy):
    before = sample_copy.read_bytes()
    sample_copy.chmod(0o444)  # the designer protects the released version
    rename_course(window, qtbot)
    dialogs.answer("OK")
    window.save_action.trigger()
    said = dialogs.seen[-1]
    assert "Cannot save" in said and "the file is read-only" in said and str(sample_copy) in said
    assert sample_copy.read_bytes() == before and window.isWindowModified()
    assert [p.name for p in sample_copy.parent.iterdir() if p.name.endswith(".tmp")] == []


# ---- files that cannot be read as they are -------------------------------------------------


def test_a_file_cut_short_or_empty_says_so_and_where_and_the_work_stays(
    window, qtbot, dialogs, sample_path, tmp_path
):
    rename_course(window, qtbot)
    document = window.document
    raw = sample_path.read_bytes()
    cut = tmp_path / "cut.curriculum.json"
    cut.write_bytes(raw[:5000])  # in the middle of a text in quotes
    lines = raw[:5000].decode().split("\n")
    dialogs.answer("OK")
    assert not window.files.open_file(cut, asked=True)
    said = dialogs.seen[-1]
    assert "“cut.curriculum.json” cannot be opened" in said
    assert f"line {len(lines)}, column {len(lines[-1]) + 1}" in said  # where it stops
    assert "cut short" in said and "starting at" not in said
    empty = tmp_path / "empty.curriculum.json"
    empty.write_bytes(b"")
    dialogs.answer("OK")
    assert not window.files.open_file(empty, asked=True)
    assert "the file is empty" in dialogs.seen[-1]
    assert "Expecting value" not in dialogs.seen[-1]
    assert window.document is document and window.isWindowModified()
    assert document.catalog.courses[COURSE].title.endswith("(revised)")


def problems_shown(window, monkeypatch):
    """The errors the window would show in its "cannot be opened" message, kept instead."""
    shown = []
    monkeypatch.setattr(window, "show_problems", lambda error, importing=False: shown.append(error))
    return shown


def test_a_catalog_saved_by_notepad_with_a_byte_order_mark_opens(
    window, qtbot, tmp_path, monkeypatch
):
    shown = problems_shown(window, monkeypatch)
    marked = tmp_path / "notepad.curriculum.json"
    marked.write_bytes(b"\xef\xbb\xbf" + window.files.document.path.read_bytes())
    window.files.open_file(marked)
    assert [str(error) for error in shown] == []  # not "Unexpected UTF-8 BOM (… utf-8-sig)"
    assert window.document.path == marked and len(window.document.catalog.programs) == 4


def test_file_open_reads_an_excel_workbook_as_a_new_unsaved_catalog(
    window, qtbot, tmp_path, monkeypatch
):
    shown = problems_shown(window, monkeypatch)
    book = tmp_path / "plan.xlsx"
    export_workbook(window.document.catalog, book)
    seen = []
    look_at_file_dialog(seen)
    window.open_action.trigger()
    assert any("*.xlsx" in name for name in seen[-1][2])  # the dialog shows workbooks
    choose_file(book)
    window.open_action.trigger()
    assert [str(error) for error in shown] == []  # not "… is not UTF-8 text"
    assert len(window.document.catalog.programs) == 4
    assert window.document.path is None and window.isWindowModified()
    assert book.read_bytes().startswith(b"PK")  # the workbook is left as it was


# ---- where the dialogs start, and the names typed in them --------------------------------


def test_save_as_and_open_start_beside_the_open_file(window, qtbot, sample_copy, monkeypatch):
    monkeypatch.chdir("/")  # started from anywhere: a desktop icon, a terminal
    seen = []
    look_at_file_dialog(seen)
    window.save_as_action.trigger()
    folder, files, _ = seen[-1]
    assert folder == str(sample_copy.parent) and files == [str(sample_copy)]
    look_at_file_dialog(seen)
    window.open_action.trigger()
    assert seen[-1][0] == str(sample_copy.parent)


def test_save_as_keeps_an_ending_typed_in_capitals(window, qtbot, tmp_path):
    choose_file(tmp_path / "Plan.JSON")
    assert window.files.save_as()
    assert window.document.path == tmp_path / "Plan.JSON"
    assert (tmp_path / "Plan.JSON").read_bytes() == dumps(window.document.catalog)
    assert not (tmp_path / "Plan.JSON.curriculum.json").exists()
    assert window.windowTitle() == "Plan.JSON[*] — Curriculum Designer"


# ---- the recent files ------------------------------------------------------------------------


def test_a_recent_file_that_is_gone_says_where_and_can_be_taken_off_the_list(
    window, qtbot, dialogs, sample_copy, tmp_path
):
    other = tmp_path / "moved.curriculum.json"
    shutil.copyfile(sample_copy, other)
    assert window.files.open_file(other)
    assert window.files.open_file(sample_copy)
    rename_course(window, qtbot)
    other.unlink()  # moved away by the designer, in another program
    entry = next(a for a in window.recent_menu.actions() if a.text() == str(other))
    dialogs.answer("Cancel")
    entry.trigger()
    said = dialogs.seen[-1]
    assert "“moved.curriculum.json” is no longer in" in said and str(tmp_path) in said
    assert "Save the changes" not in "\n".join(dialogs.seen)  # nothing to save for it
    assert str(other) in window.settings.recent_files  # kept: its drive may come back
    dialogs.answer("Take Off")
    entry.trigger()
    assert str(other) not in window.settings.recent_files
    assert [a.text() for a in window.recent_menu.actions()] == [str(sample_copy)]
    assert window.document.path == sample_copy and window.isWindowModified()


# ---- the recovery copy ------------------------------------------------------------------


def test_a_recovery_note_that_cannot_be_written_is_told_in_the_status_bar(
    window, qtbot, monkeypatch
):
    def disk_full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "write_atomically", disk_full)
    rename_course(window, qtbot)
    window.files.write_recovery(now=True)  # raised out of the autosave before
    message = window.statusBar().currentMessage()
    assert message == "Could not write the recovery copy: No space left on device"
    assert not window.files.recovery.writing
