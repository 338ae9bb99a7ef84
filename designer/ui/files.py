"""What the File menu does: new, open, save, recent files, recovery, Excel export and import."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from designer.appsettings import recovery_path, save_settings
from designer.errors import CatalogError
from designer.excel.export import export_workbook
from designer.excel.import_ import import_workbook
from designer.storage import EXTENSION
from designer.supplement import FORMATS, missing_facts, supplement_facts, write_supplement
from designer.ui.document import DiskChanged, Document
from designer.ui.labels import tr

if TYPE_CHECKING:
    from designer.ui.main_window import MainWindow

AUTOSAVE_MS = 60_000
ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "samples" / "microsoft-certificates.curriculum.json"
FILE_FILTER = "Curriculum catalogs (*" + EXTENSION + ");;JSON files (*.json);;All files (*)"
EXCEL_FILTER = "Excel workbooks (*.xlsx)"
SUPPLEMENT_FILTERS = {
    "pdf": "PDF document (*.pdf)",
    "html": "Web page (*.html)",
    "badge": "Open Badges 3.0 achievement (*.badge.json)",
    "elm": "European Learning Model (*.elm.jsonld)",
}


def _format_of(path: Path) -> str | None:
    """The supplement format a file name asks for by its ending, if it names one."""
    name = path.name.lower()
    return next((key for key, ending in FORMATS.items() if name.endswith(ending)), None)


class FileActions:
    """Files for one window; the user's work is never lost without a question."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.autosave = QTimer(window)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write_recovery)
        self.autosave.start()

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

    def choose_and_open(self) -> None:
        if not self.ask_to_save():
            return
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Open catalog"), "", tr(FILE_FILTER))
        if path:
            self.open_file(path, asked=True)

    def open_file(self, path: str | Path, asked: bool = False) -> bool:
        if not asked and not self.ask_to_save():
            return False
        try:
            document = Document.open(path)
        except CatalogError as error:
            self.window.show_problems(error)
            return False
        self.window.set_document(document)
        self.remember(document.path)
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, tr("Save catalog"), "", tr(FILE_FILTER)
            )
            if not path:
                return False
            if not str(path).endswith((EXTENSION, ".json")):
                path = str(path) + EXTENSION
        return self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        try:
            self.document.save(path)
        except DiskChanged:
            question = tr(
                "“{0}” was changed by another program since you opened it. "
                "Saving would overwrite those changes."
            ).format(self.document.title)
            if not self.window.confirm(tr("File changed on disk"), question, tr("Overwrite")):
                return False
            self.document.save(path, overwrite_changes=True)
        except CatalogError as error:
            QMessageBox.warning(self.window, tr("Cannot save"), str(error))
            return False
        self.remember(self.document.path)
        self.clear_recovery()
        self.window.show_message(tr("Saved {0}").format(self.document.path))
        return True

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
        try:
            export_workbook(self.document.catalog, path)
        except CatalogError as error:
            QMessageBox.warning(self.window, tr("Cannot export"), str(error))
            return False
        self.window.show_message(tr("Exported {0}").format(path))
        return True

    def import_excel(self, path: str | Path | None = None) -> bool:
        """Read a workbook (our export, or a plain table of courses) as a new, unsaved catalog."""
        if not self.ask_to_save():
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, tr("Import from Excel"), "", tr(EXCEL_FILTER)
            )
            if not path:
                return False
        try:
            catalog = import_workbook(path)
        except CatalogError as error:
            self.window.show_problems(error)
            return False
        document = Document(catalog)
        document.undo_stack.resetClean()  # nothing is saved yet
        self.window.set_document(document)
        return True

    # ---- certificate supplement -------------------------------------------------------

    def export_supplement(self, path: str | Path | None = None, fmt: str = "") -> bool:
        """The selected program's certificate supplement, as PDF, HTML, badge or ELM."""
        node = self.window.selected_node()
        programs = self.document.catalog.programs
        program = node.program() if node is not None else (programs[0] if programs else None)
        if program is None:
            self.window.show_message(tr("Add a program first: a supplement is per program."))
            return False
        if path is None:
            filters = {tr(label): key for key, label in SUPPLEMENT_FILTERS.items()}
            path, chosen = QFileDialog.getSaveFileName(
                self.window, tr("Export certificate supplement"), "", ";;".join(filters)
            )
            if not path:
                return False
            # The file's ending decides; a name without one gets the chosen filter's.
            if _format_of(Path(path)) is None:
                fmt = filters.get(chosen, "pdf")
                path = str(path) + FORMATS[fmt]
        fmt = fmt or _format_of(Path(path)) or "pdf"
        supplement = supplement_facts(self.document.catalog, self.document.totals, program.id)
        missing = missing_facts(supplement)
        if missing:
            question = tr(
                "The supplement of “{0}” lacks: {1}. Export a draft with those places marked?"
            ).format(program.title, ", ".join(missing))
            if not self.window.confirm(tr("Missing facts"), question, tr("Export draft")):
                return False
        try:
            write_supplement(supplement, path, fmt, draft=bool(missing))
        except OSError as error:
            QMessageBox.warning(self.window, tr("Cannot export"), f"{path}: {error.strerror}")
            return False
        self.window.show_message(tr("Exported the supplement to {0}").format(path))
        return True

    # ---- recent files and recovery ------------------------------------------------------

    def remember(self, path: Path | None) -> None:
        if path is not None:
            self.window.settings.add_recent(path)
            save_settings(self.window.settings)
            self.fill_recent_menu()

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for path in self.window.settings.recent_files:
            action = menu.addAction(path)
            action.triggered.connect(lambda checked=False, p=path: self.open_file(p))
        menu.setEnabled(bool(self.window.settings.recent_files))

    def write_recovery(self) -> None:
        if self.document.modified:
            self.document.write_recovery(recovery_path())

    def clear_recovery(self) -> None:
        for path in (recovery_path(), recovery_path().with_suffix(".source")):
            path.unlink(missing_ok=True)
