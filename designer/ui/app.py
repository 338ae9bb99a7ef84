"""Starting the window: which catalog to open, crash recovery, and the error presenter."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from designer.appsettings import AppSettings, load_settings
from designer.display import has_display
from designer.errors import CatalogError
from designer.storage import load
from designer.ui.document import Document
from designer.ui.labels import tr
from designer.ui.main_window import MainWindow
from designer.ui.recovery import delete_copy, note_path, orphaned_copies


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
    """After a crash, offer the unsaved work its window kept in a recovery copy.

    Only copies that no running window owns are offered (another window of this or another
    running copy of the program is not a crash). When several windows crashed, the newest
    copy is offered; the others stay for the next starts, one each, and the question says
    how many are left.
    """
    orphans = orphaned_copies()
    if not orphans:
        return False
    for _, lock in orphans[1:]:
        lock.unlock()  # left as they are, for a later start
    copy, lock = orphans[0]
    try:
        return _offer(window, copy, len(orphans) - 1)
    finally:
        lock.unlock()


def _offer(window: MainWindow, copy: Path, others: int) -> bool:
    # The file it is for, and that file as it was when the work was done on it.
    signature: tuple[int, str] | None = None
    try:
        note = json.loads(note_path(copy).read_text(encoding="utf-8"))
        original = Path(note["original"]) if note.get("original") else None
        kept = note.get("signature")
        signature = (int(kept[0]), str(kept[1])) if kept else None
    except (OSError, ValueError, LookupError, TypeError, AttributeError):
        note, original = {}, None
    name = original.name if original else tr("an untitled catalog")
    question = tr(
        "Curriculum Designer did not close normally. Restore the unsaved changes to {0}?"
    ).format(name)
    if others:
        later = tr("(The unsaved work of {0} more window(s) is offered at the next start.)")
        question += " " + later.format(others)
    box = QMessageBox(
        QMessageBox.Icon.Question, tr("Restore unsaved work"), question, parent=window
    )
    restore = box.addButton(tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    # Cancel (or Escape) deleted the work for good, as Discard does now.
    box.setInformativeText(
        tr("Discard deletes the unsaved changes for good; Cancel keeps them for the next start.")
    )
    box.exec()
    if box.clickedButton() is discard:
        delete_copy(copy)
    if box.clickedButton() is not restore:
        return False
    try:
        catalog = load(copy)
    except CatalogError as error:
        _keep_damaged(window, copy, error)
        return False
    if "signature" in note:
        document = Document.restored(catalog, original, signature)
    else:  # a copy from an earlier version, which kept none: the file as it is now
        document = Document(catalog, original)
        document.undo_stack.resetClean()
    window.set_document(document)
    window.files.write_recovery(now=True)  # the restored work is on disk again at once
    if window.files.recovery_path.exists():
        delete_copy(copy)  # now kept as this window's own copy
    # Else (a full disk) the old copy stays, offered again at the next start: deleted, it
    # was the only copy of the work.
    return True


def _keep_damaged(window: MainWindow, copy: Path, error: CatalogError) -> None:
    """A recovery copy that cannot be read is put aside, not deleted: it may be mended."""
    kept = copy.with_name(copy.name + ".damaged")
    try:
        copy.replace(kept)
    except OSError:
        kept = copy
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Cannot restore"),
        tr(
            "The unsaved work cannot be restored: its recovery copy is damaged. Nothing was "
            "changed; the copy is kept as {0}."
        ).format(kept),
        parent=window,
    )
    box.setInformativeText("\n".join(str(p) for p in error.problems))
    box.exec()


def start_window(argv: list[str], settings: AppSettings | None = None) -> MainWindow:
    """The window with FILE, else restored work, else the last file, else an empty catalog."""
    settings = settings or load_settings()
    window = MainWindow(settings)
    if offer_recovery(window):
        asked = Path(argv[0]).resolve() if argv else None
        if asked is not None and asked != window.document.path and asked.is_file():
            # The file asked for is not dropped without a word: one click away.
            window.files.remember(asked)
            window.show_message(
                tr("The unsaved work is restored here; {0} is under File > Open Recent.").format(
                    asked.name
                )
            )
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
    chosen = os.environ.get("QT_QPA_PLATFORM")  # offscreen, as for the tests: no display needed
    if QApplication.instance() is None and not has_display() and not chosen:
        # Qt would abort, with a message about its platform plugins and no way on.
        print(
            "curriculum-designer: there is no display to open the window on (neither DISPLAY "
            "nor WAYLAND_DISPLAY is set); the commands work without one: see "
            "curriculum-designer --help",
            file=sys.stderr,
        )
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Curriculum Designer")
    app.setOrganizationName("Curriculum Designer")
    window = start_window(argv)
    install_error_presenter(window)
    window.show()
    app.aboutToQuit.connect(release_clipboard)
    return app.exec()
