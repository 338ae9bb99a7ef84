"""What the File menu does: new, open, save, recent files, recovery, Excel export and import."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from designer.appsettings import recovery_path, save_settings
from designer.errors import CatalogError
from designer.excel.export import export_workbook
from designer.excel.import_ import SHEET_STEPS, import_workbook
from designer.model import Catalog
from designer.progress import Cancelled, ProgressCallback
from designer.storage import EXTENSION
from designer.supplement import FORMATS, missing_facts, supplement_facts, write_supplement
from designer.ui.document import DiskChanged, Document, read_catalog
from designer.ui.labels import tr
from designer.ui.progress_dialog import ProgressDialog
from designer.ui.recovery import RecoveryWriter, delete_copy, lock_for, new_token, take_lock

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

T = TypeVar("T")

AUTOSAVE_MS = 60_000
# From these sizes on, an operation takes long enough (a few tenths of a second and up)
# to show its progress; below them it is done as it always was, without a dialog.
LARGE_FILE = 4_000_000  # bytes of a catalog file to open
LARGE_SAVE = 2_000  # modules of a catalog to save
LARGE_EXPORT = 500  # modules of a catalog to export: the workbook takes ten times longer
LARGE_WORKBOOK = 1_000_000  # bytes of a workbook to import (500 programs: 19 MB, 40 s)
GIVE_WAY = 0.0005  # seconds an import's worker pauses at each report (every 10 ms)
ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "samples" / "microsoft-certificates.curriculum.json"
FILE_FILTER = "Curriculum catalogs (*" + EXTENSION + ");;JSON files (*.json);;All files (*)"
EXCEL_FILTER = "Excel workbooks (*.xlsx)"
# Open reads a workbook too (as Import from Excel does): one chosen there was refused as
# a catalog file that "is not UTF-8 text".
OPEN_FILTER = (
    "Catalogs and workbooks (*" + EXTENSION + " *.xlsx);;" + FILE_FILTER + ";;" + EXCEL_FILTER
)
# Said when there is no program to write a supplement of (translated when shown).
NO_SUPPLEMENT = "Add a program first: a supplement is per program."
SUPPLEMENT_FILTERS = {
    "pdf": "PDF document (*.pdf)",
    "html": "Web page (*.html)",
    "badge": "Open Badges 3.0 achievement (*.badge.json)",
    "elm": "European Learning Model (*.elm.jsonld)",
}


def _file_size(path: str | Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # loading it says what is wrong


def _reading_text(done: int, total: int) -> str:
    """What the import dialog says while the sheet done reaches into is being read (the
    import counts SHEET_STEPS for each sheet)."""
    if not total:
        return tr("Opening the workbook…")
    sheets = max(total // SHEET_STEPS, 1)
    sheet = min(done // SHEET_STEPS + 1, sheets)
    return tr("Reading sheet {0} of {1}…").format(f"{sheet:,}", f"{sheets:,}")


def _sheet_text(done: int, total: int) -> str:
    """What the export dialog says while the sheet after done is being written."""
    if not total:
        return tr("Preparing the workbook…")
    if done >= total - 1:
        return tr("Writing sheet {0} of {1} and saving the workbook…").format(
            f"{total:,}", f"{total:,}"
        )
    return tr("Writing sheet {0} of {1}…").format(f"{done + 1:,}", f"{total:,}")


def _file_name(text: str) -> str:
    """A text as the start of a file's name: what no file system allows in one, dropped."""
    kept = "".join(" " if c in '<>:"/\\|?*' or not c.isprintable() else c for c in text)
    return " ".join(kept.split())[:80] or "program"


def _format_of(path: Path) -> str | None:
    """The supplement format a file name asks for by its ending, if it names one."""
    name = path.name.lower()
    return next((key for key, ending in FORMATS.items() if name.endswith(ending)), None)


class FileActions(QObject):
    """Files for one window; the user's work is never lost without a question.

    A QObject of the window's, so that what it connects to a document (the clean state
    that clears the recovery copy) goes with the window. A plain object stayed connected
    after the window was deleted unclosed (at the interpreter's exit, a script's window):
    the document, deleted later, said it was clean, and the recovery copy was stopped with
    the window's deleted timers (RuntimeError: QTimer already deleted).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.autosave = QTimer(window)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_recovery)
        self.autosave.start()
        self.busy = False  # a long operation is under way: the autosave waits
        self.recovery = RecoveryWriter(window)
        self.recovery.failed.connect(self._recovery_failed)
        # This window's own recovery copy, and the lock that says this process owns it.
        self.recovery_path = recovery_path(new_token())
        self.recovery_lock = lock_for(self.recovery_path)
        self._watched: Document | None = None  # the document whose clean state clears it

    @property
    def document(self) -> Document:
        return self.window.document

    def ask_to_save(self) -> bool:
        """Before the document goes away: True to go on (saved or discarded), False to stay."""
        if not self.document.modified:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Unsaved changes"),
            tr("Save the changes to “{0}”?").format(self.document.title),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("unsavedDialog")
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> None:
        if self.ask_to_save():
            self.window.set_document(Document())

    def _start_folder(self) -> str:
        """Where the file dialogs start: beside the open file, else the last file opened
        (the working folder of the program meant nothing to the designer)."""
        recent = self.window.settings.recent_files
        path = self.document.path or (Path(recent[0]) if recent else None)
        return str(path.parent) if path is not None and path.parent.is_dir() else ""

    def choose_and_open(self) -> None:
        if not self.ask_to_save():
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window, tr("Open catalog"), self._start_folder(), tr(OPEN_FILTER)
        )
        if path:
            self.open_file(path, asked=True)

    def open_file(self, path: str | Path, asked: bool = False) -> bool:
        if not asked and not self.ask_to_save():
            return False
        if Path(path).suffix.lower() == ".xlsx":
            return self.import_excel(path, asked=True)
        try:
            if _file_size(path) >= LARGE_FILE:
                document = self._open_large(Path(path))
            else:
                document = Document.open(path)
        except CatalogError as error:
            self.window.show_problems(error)
            return False
        except Cancelled:
            self.window.show_message(tr("Opening cancelled; nothing was changed."))
            return False
        self.window.set_document(document)
        self.remember(document.path)
        return True

    def _open_large(self, path: Path) -> Document:
        """Load in a worker thread under a progress dialog; the document is made here.

        Raises Cancelled when the designer cancels: the load cannot stop midway, so it is
        left to finish unseen and the open document stays as it was.
        """
        path = path.resolve()
        dialog = ProgressDialog(
            self.window,
            tr("Open catalog"),
            tr("Opening “{0}”…").format(path.name),
            cancellable=True,
        )
        with self._showing(dialog):
            # The file's signature (a SHA-256 of 60 MB: 50 ms) is taken there too.
            loaded = dialog.run(lambda: read_catalog(path))
        return Document(*loaded)

    @contextmanager
    def _showing(self, dialog: ProgressDialog) -> Iterator[None]:
        """While a long operation shows dialog: the autosave waits; then the dialog goes."""
        self.busy = True
        try:
            yield
        finally:
            self.busy = False
            dialog.setParent(None)  # deleted now, not by a deferred delete in a later loop

    def save(self) -> bool:
        path = self.document.path
        if path is None:
            return self.save_as()
        if not path.parent.is_dir():
            # Saving there could only fail, with "No such file or directory".
            question = tr(
                "The folder of “{0}”, {1}, is no longer there: it was moved, renamed or "
                "deleted. Save the catalog somewhere else?"
            ).format(path.name, path.parent)
            if not self.window.confirm(tr("Folder not found"), question, tr("Save As…")):
                return False
            return self.save_as()
        return self._save_to(None)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            current = self.document.path
            start = str(current) if current and current.parent.is_dir() else self._start_folder()
            path, _ = QFileDialog.getSaveFileName(
                self.window, tr("Save catalog"), start, tr(FILE_FILTER)
            )
            if not path:
                return False
            if not str(path).lower().endswith((EXTENSION, ".json")):
                path = self._with_ending(path, EXTENSION)
                if path is None:
                    return False
        return self._save_to(Path(path))

    def _with_ending(self, chosen: str, ending: str) -> Path | None:
        """The name chosen in a file dialog, with the ending it lacked. The dialog asked
        about replacing the name as typed, not this one: if it exists, ask here; None
        when the designer would rather not replace it."""
        path = Path(chosen + ending)
        if path.exists():
            question = tr("“{0}” already exists in {1}. Replace it?").format(path.name, path.parent)
            if not self.window.confirm(tr("Replace file"), question, tr("Replace")):
                return None
        return path

    def _save_to(self, path: Path | None) -> bool:
        try:
            try:
                self._write(path)
            except DiskChanged:
                if not self._overwrite_agreed():
                    return False
                self._write(path, overwrite_changes=True)
        except CatalogError as error:
            reasons = "\n".join(f"{error.path}: {problem}" for problem in error.problems)
            text = tr("{0}\n\nNothing was saved; the changes are still here to save elsewhere.")
            QMessageBox.warning(self.window, tr("Cannot save"), text.format(reasons))
            return False
        except Cancelled:
            self.window.show_message(tr("Save cancelled; the file was not changed."))
            return False
        self.remember(self.document.path)
        self.clear_recovery()
        self.window.show_message(tr("Saved {0}").format(self.document.path))
        return True

    def _overwrite_agreed(self) -> bool:
        """The file changed on disk since it was opened here: may the save replace it?"""
        path = self.document.path
        if path is not None and not path.exists():
            # Nothing would be overwritten: "Overwrite those changes" told of changes to lose.
            question = tr(
                "“{0}” was deleted, moved or renamed by another program since you opened it. "
                "Save the catalog again as {1}?"
            ).format(path.name, path)
            return self.window.confirm(tr("File not found"), question, tr("Save"))
        question = tr(
            "“{0}” was changed by another program since you opened it. "
            "Saving would overwrite those changes."
        ).format(self.document.title)
        return self.window.confirm(tr("File changed on disk"), question, tr("Overwrite"))

    def _write(self, path: Path | None, overwrite_changes: bool = False) -> None:
        """Save the document; a large one a step at a time under a dialog with Cancel.

        A worker thread would not keep the window free: encoding holds the GIL. Each step
        writes for a hundredth of a second or two between the window's events instead (at
        once, a save of 150,000 items froze the window half a second). The dialog blocks
        the window, so the catalog cannot change under the save, and the recovery copy
        waits. Cancel (or a failure) drops the save: the file is left as it was, and
        Cancelled (or CatalogError) is raised.
        """
        document = self.document
        if len(document.catalog.modules) < LARGE_SAVE:
            document.save(path, overwrite_changes=overwrite_changes)
            return
        writer = document.saving(path, overwrite_changes)
        dialog = ProgressDialog(
            self.window,
            tr("Save catalog"),
            tr("Saving “{0}”…").format(writer.path.name),
            cancellable=True,
        )

        def step(until: float) -> tuple[int, int]:
            writer.write(until)
            return writer.done, writer.total

        self.recovery.cancel()  # a copy under way would compete with the save for nothing
        try:
            with self._showing(dialog):
                dialog.run_in_steps(step)
            document.saved(writer)
        except BaseException:
            writer.discard()
            self.write_recovery()  # the work is still unsaved: its copy is begun again
            raise

    # ---- Excel --------------------------------------------------------------------------

    def export_excel(self, path: str | Path | None = None) -> bool:
        """Write every program's syllabus, outcomes, map and overlaps to a workbook."""
        if path is None:
            suggested = (
                self.document.path.with_suffix("").with_suffix(".xlsx")
                if (self.document.path)
                else Path("curriculum.xlsx")
            )
            path, _ = QFileDialog.getSaveFileName(
                self.window, tr("Export to Excel"), str(suggested), tr(EXCEL_FILTER)
            )
            if not path:
                return False
            if not path.lower().endswith(".xlsx"):
                path = self._with_ending(path, ".xlsx")
                if path is None:
                    return False
        catalog = self.document.catalog
        try:
            if len(catalog.modules) >= LARGE_EXPORT:
                written = self._export_large(catalog, Path(path))
            else:
                written = export_workbook(catalog, path)
        except CatalogError as error:
            QMessageBox.warning(self.window, tr("Cannot export"), str(error))
            return False
        if not written:
            self.window.show_message(tr("Export cancelled; nothing was written."))
            return False
        self.window.show_message(tr("Exported {0}").format(path))
        return True

    def _export_large(self, catalog: Catalog, path: Path) -> bool:
        """Export in a worker thread, sheet by sheet under a dialog with Cancel.

        The window is blocked by the dialog meanwhile, so the catalog cannot change under
        the export. Cancel stops it after the sheet being written, and the workbook is
        then deleted unseen: the file at path is not touched. False when cancelled.
        """
        return self._sheet_by_sheet(
            tr("Export to Excel"),
            _sheet_text,
            lambda report: export_workbook(catalog, path, progress=report),
        )

    def _sheet_by_sheet(
        self,
        title: str,
        describe: Callable[[int, int], str],
        work: Callable[[ProgressCallback], T],
    ) -> T:
        """work(progress) in a worker thread, under a dialog that follows it, with Cancel
        (the work stops at its next report of progress and raises Cancelled, or returns)."""
        dialog = ProgressDialog(
            self.window, title, describe(0, 0), cancellable=True, describe=describe
        )
        # The work holds no reference to the dialog: the worker thread must never be the
        # last holder of a Qt object, or that object would be deleted off the UI thread.
        report = dialog.job.report
        with self._showing(dialog):
            return dialog.run(lambda: work(report), stoppable=True)

    def import_excel(self, path: str | Path | None = None, asked: bool = False) -> bool:
        """Read a workbook (our export, or a plain table of courses) as a new, unsaved catalog."""
        if not asked and not self.ask_to_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, tr("Import from Excel"), "", tr(EXCEL_FILTER)
            )
            if not path:
                return False
        try:
            if _file_size(path) >= LARGE_WORKBOOK:
                catalog = self._import_large(Path(path))
            else:
                catalog = import_workbook(path)
        except CatalogError as error:
            self.window.show_problems(error, importing=True)
            return False
        except Cancelled:
            self.window.show_message(tr("Import cancelled; nothing was changed."))
            return False
        document = Document(catalog)
        document.undo_stack.resetClean()  # nothing is saved yet
        self.window.set_document(document)
        return True

    def _import_large(self, path: Path) -> Catalog:
        """Read the workbook in a worker thread, row by row under a dialog with Cancel.

        Raises Cancelled when the designer cancels: the reading stops within a hundredth
        of a second or so (at its next report of progress), and the open document stays
        as it was.
        """

        def read(report: ProgressCallback) -> Catalog:
            def give_way(done: int, total: int) -> bool | None:
                # Python switches threads only every 5 ms: at each report the worker
                # lets the window run first, so that the dialog paints and Cancel answers.
                time.sleep(GIVE_WAY)
                return report(done, total)

            return import_workbook(path, progress=give_way)

        return self._sheet_by_sheet(tr("Import from Excel"), _reading_text, read)

    # ---- certificate supplement -------------------------------------------------------

    def export_supplement(self, path: str | Path | None = None, fmt: str = "") -> bool:
        """The selected program's certificate supplement, as PDF, HTML, badge or ELM."""
        node = self.window.selected_node()
        programs = self.document.catalog.programs
        program = node.program() if node is not None else (programs[0] if programs else None)
        if program is None:
            self.window.show_message(tr(NO_SUPPLEMENT))
            return False
        if path is None:
            filters = {tr(label): key for key, label in SUPPLEMENT_FILTERS.items()}
            # The dialog says whose supplement it is (the selected unit's program, else the
            # first), and offers a name for it beside the catalog file.
            title = tr("Export the certificate supplement of “{0}”")
            name = _file_name(program.code or program.title or program.id) + " supplement.pdf"
            folder = self.document.path.parent if self.document.path else Path()
            path, chosen = QFileDialog.getSaveFileName(
                self.window,
                title.format(program.title or program.id),
                str(folder / name),
                ";;".join(filters),
            )
            if not path:
                return False
            # The file's ending decides; a name without one gets the chosen filter's.
            if _format_of(Path(path)) is None:
                fmt = filters.get(chosen, "pdf")
                path = self._with_ending(path, FORMATS[fmt])
                if path is None:
                    return False
        fmt = fmt or _format_of(Path(path)) or "pdf"
        with self._busy(tr("Gathering the facts of “{0}”…").format(program.title or program.id)):
            supplement = supplement_facts(self.document.catalog, self.document.totals, program.id)
        missing = missing_facts(supplement)
        if missing:
            question = tr(
                "The supplement of “{0}” lacks: {1}. Export a draft with those places marked?"
            ).format(program.title or program.id, ", ".join(missing))
            if not self.window.confirm(tr("Missing facts"), question, tr("Export draft")):
                return False
        try:
            with self._busy(tr("Writing the supplement to {0}…").format(path)):
                write_supplement(supplement, path, fmt, draft=bool(missing))
        except OSError as error:
            # Not every error has an errno (the PDF writer says what went wrong in words).
            reason = f"{path}: {error.strerror}" if error.strerror else str(error)
            QMessageBox.warning(self.window, tr("Cannot export"), reason)
            return False
        self.window.show_message(tr("Exported the supplement to {0}").format(path))
        return True

    @contextmanager
    def _busy(self, text: str) -> Iterator[None]:
        """Work of a tenth of a second or two done here at once (a supplement: too short
        for a progress dialog): a wait cursor, and the status bar saying what it is,
        painted before the work holds the window."""
        self.window.show_message(text)
        self.window.statusBar().repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()

    # ---- recent files and recovery ------------------------------------------------------

    def remember(self, path: Path | None) -> None:
        if path is not None:
            self.window.settings.add_recent(path)
            self.fill_recent_menu()
            failure = save_settings(self.window.settings)
            if failure:  # the file itself was opened or saved: only the list is not kept
                self.window.show_message(tr("Could not save the recent files: {0}").format(failure))

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.window.settings.recent_files:
            action = menu.addAction(path.replace("&", "&&"))  # "&" shown, not a letter
            action.triggered.connect(lambda checked=False, p=path: self.open_recent(p))
        menu.setEnabled(bool(self.window.settings.recent_files))

    def open_recent(self, path: str) -> bool:
        """Open a file of the recent list; one that is gone is named with its folder, and
        may be taken off the list (it stayed there, failing the same way each time)."""
        file = Path(path)
        if file.exists():
            return self.open_file(file)
        question = tr(
            "“{0}” is no longer in {1}: it was moved, renamed or deleted, or its drive is "
            "not connected. Nothing was changed. Take it off the recent files?"
        ).format(file.name, file.parent)
        if self.window.confirm(tr("File not found"), question, tr("Take Off")):
            recent = self.window.settings.recent_files
            self.window.settings.recent_files = [p for p in recent if p != path]
            self.fill_recent_menu()
            save_settings(self.window.settings)
        return False

    def write_recovery(self, now: bool = False) -> None:
        """The autosave: the unsaved work, written between events (see RecoveryWriter)."""
        document = self.document
        if not document.modified or self.busy or self.recovery.writing:
            return
        take_lock(self.recovery_lock)  # before the copy exists: it is never left unowned
        if self._watched is not document:
            document.undo_stack.cleanChanged.connect(self._clean_changed)
            self._watched = document
        self.recovery.start(document, self.recovery_path)
        if now:
            self.recovery.finish_now()

    def _clean_changed(self, clean: bool) -> None:
        """Undone back to the saved state (or saved): nothing is left to recover."""
        if clean:
            self.clear_recovery()

    def _recovery_failed(self, reason: str) -> None:
        self.window.show_message(tr("Could not write the recovery copy: {0}").format(reason))

    def clear_recovery(self) -> None:
        """Delete this window's recovery copy (never another window's)."""
        self.recovery.cancel()
        if self._watched is not None:
            self._watched.undo_stack.cleanChanged.disconnect(self._clean_changed)
            self._watched = None
        delete_copy(self.recovery_path)
        self.recovery_lock.unlock()
