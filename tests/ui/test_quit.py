"""Quitting after edits: no traceback, no crash, however the window goes."""

import os

import shiboken6
from project import run_python
from window_actions import select

from designer.appsettings import AppSettings
from designer.ui.main_window import MainWindow

PR = "Microsoft Public Relations and Communications Associate Professional Certificate"

# Said by Qt's offscreen platform, which the tests use, whatever the window does.
OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints()"


def rename_course(window, qtbot):
    select(window, qtbot, PR, "Introduction to Public Relations")
    title = window.editor.fields["title"].editor
    title.end(False)
    qtbot.keyClicks(title, " (revised)")
    window.document.end_typing()


def test_a_window_deleted_without_closing_leaves_nothing_to_call_back(qtbot, sample_copy):
    # At interpreter exit, PySide deletes the windows and documents left open in any order,
    # with no close event. The document's undo stack, cleared as it went, then said it was
    # clean to the window's file actions, which stopped the recovery copy with timers
    # deleted along with the window: "RuntimeError: Internal C++ object (QTimer) already
    # deleted" once the benchmark had edited, and nothing had closed its window.
    window = MainWindow(AppSettings())
    window.show()
    qtbot.waitExposed(window)
    assert window.files.open_file(sample_copy)
    rename_course(window, qtbot)
    window.files.write_recovery(now=True)  # the autosave came: the clean state is watched
    assert window.isWindowModified() and window.files.recovery_path.exists()
    document = window.document
    shiboken6.delete(window)  # as at exit: not closed first
    shiboken6.delete(document)


def test_quitting_after_edits_a_copy_and_an_autosave_exits_cleanly(
    sample_copy, tmp_path, private_settings
):
    # The application as started from the command line, quit with File > Quit and Discard
    # while the checks of the edit may still run in the background.
    script = f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from designer.ui import app
        from designer.ui.main_window import MainWindow

        def discard():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, discard)
                return
            box.button(QMessageBox.StandardButton.Discard).click()

        def edit_and_quit():
            found = QApplication.topLevelWidgets()
            window = next(w for w in found if isinstance(w, MainWindow))
            window.tree.setCurrentIndex(window.tree.model().index(0, 0))
            window.copy_action.trigger()  # our data on the clipboard: it crashed the exit
            window.paste_action.trigger()  # an edit
            window.files.write_recovery(now=True)
            assert window.files.recovery_path.exists()
            QTimer.singleShot(0, discard)
            window.quit_action.trigger()

        QApplication([])
        QTimer.singleShot(0, edit_and_quit)
        sys.exit(app.run([{str(sample_copy)!r}]))
        """
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    result = run_python(script, env)
    said = [line for line in result.stderr.splitlines() if line != OFFSCREEN_NOTE]
    assert result.returncode == 0, result.stderr
    assert said == []
    assert not list(private_settings.glob("recovery-*"))  # discarded: nothing to offer
