"""Starting the window: which catalog to open, crash recovery, and the error presenter."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from designer.appsettings import AppSettings, load_settings, recovery_path
from designer.errors import CatalogError
from designer.storage import load
from designer.ui.document import Document
from designer.ui.labels import tr
from designer.ui.main_window import MainWindow


def install_error_presenter(window: MainWindow) -> None:
    """Unexpected errors show their traceback in a dialog the user can copy from."""

    def present(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(text)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            tr("Something went wrong"),
            tr(
                "Curriculum Designer hit an unexpected error. Your catalog is "
                "unchanged by it; save your work under a new name to be safe."
            ),
            parent=window,
        )
        box.setDetailedText(text)
        box.exec()

    sys.excepthook = present


def offer_recovery(window: MainWindow) -> bool:
    """After a crash, offer the unsaved work kept in the recovery file."""
    path = recovery_path()
    if not path.exists():
        return False
    try:
        note = json.loads(path.with_suffix(".source").read_text(encoding="utf-8"))
        original = Path(note["original"]) if note.get("original") else None
    except (OSError, ValueError, KeyError):
        original = None
    name = original.name if original else tr("an untitled catalog")
    question = tr(
        "Curriculum Designer did not close normally. Restore the unsaved changes to {0}?"
    ).format(name)
    if not window.confirm(tr("Restore unsaved work"), question, tr("Restore")):
        path.unlink(missing_ok=True)
        return False
    try:
        catalog = load(path)
    except CatalogError as error:
        window.show_problems(error)
        return False
    document = Document(catalog, original)
    document.undo_stack.resetClean()  # restored work is unsaved work
    window.set_document(document)
    window.files.write_recovery(now=True)  # the restored work is on disk again at once
    return True


def start_window(argv: list[str], settings: AppSettings | None = None) -> MainWindow:
    """The window with FILE, else restored work, else the last file, else an empty catalog."""
    settings = settings or load_settings()
    window = MainWindow(settings)
    if offer_recovery(window):
        return window
    if argv:
        window.files.open_file(argv[0])
    elif settings.recent_files:
        last = Path(settings.recent_files[0])
        if last.exists():
            window.files.open_file(last)
    return window


def release_clipboard() -> None:
    """Drop clipboard data we own before Qt shuts down.

    PySide6 (seen with 6.11) crashes when the application is destroyed while the
    clipboard still holds mime data it set.
    """
    clipboard = QApplication.clipboard()
    if clipboard.ownsClipboard() or clipboard.mimeData() is not None:
        clipboard.clear()


def run(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Curriculum Designer")
    app.setOrganizationName("Curriculum Designer")
    window = start_window(argv)
    install_error_presenter(window)
    window.show()
    app.aboutToQuit.connect(release_clipboard)
    return app.exec()
