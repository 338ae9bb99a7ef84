"""The open catalog: its file, its undo stack and the one way edits reach the model."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from designer.model import Catalog, Totals
from designer.model.edits import Edit, apply_all
from designer.storage.load import loads, read
from designer.storage.save import CatalogWriter

MergeKey = tuple[str, str, int]


class EditCommand(QUndoCommand):
    """One user edit: a list of model edits, undone by their inverses.

    Commands with the same merge key (one field of one unit, typed in one go) merge,
    so typing a title is one undo step, not one per keystroke.
    """

    def __init__(
        self,
        catalog: Catalog,
        edits: list[Edit],
        inverses: list[Edit],
        text: str,
        merge_key: MergeKey | None,
    ) -> None:
        super().__init__(text)
        self._catalog = catalog
        self._edits = edits
        self._inverses = inverses
        self._merge_key = merge_key
        self._applied = True  # Document.push applied the edits already

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._inverses = apply_all(self._catalog, self._edits)

    def undo(self) -> None:
        apply_all(self._catalog, self._inverses)

    def size(self) -> int:
        """How many model edits the step makes."""
        return len(self._edits)

    def id(self) -> int:
        return 1 if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, EditCommand) or other._merge_key != self._merge_key:
            return False
        self._edits = other._edits  # keep our inverses: they restore the value before typing
        # Typing that ends where it began (a refused entry going back, a word typed and
        # erased) is no step at all: the stack drops it.
        self.setObsolete(self._edits == self._inverses)
        return True


class DiskChanged(Exception):
    """The file on disk changed since it was opened or saved here."""


class Document(QObject):
    """A catalog being edited.

    Signals:
        path_changed(): the document was saved under another name.
        modified_changed(bool): there are unsaved changes (derived from the undo stack).
    """

    path_changed = Signal()
    modified_changed = Signal(bool)

    def __init__(
        self,
        catalog: Catalog | None = None,
        path: Path | None = None,
        signature: tuple[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.catalog = catalog or Catalog()
        self.totals = Totals(self.catalog)
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        # The file as it was when opened or saved here: Save asks if it is not so any more.
        # Given, it was taken as the file was read (in the opening's worker thread).
        self.disk_signature = signature or (file_signature(path) if path else None)
        self._typing_session = 0
        self._closed = False
        # Inside one_step: the edits pushed so far, and each push's inverses; None outside.
        self._step: tuple[list[Edit], list[list[Edit]]] | None = None

    def close(self) -> None:
        """The window moved on to another document, or closed.

        The totals stop following the catalog, so that nothing of it is left in a
        reference cycle once the views let it go. The undo stack deletes its commands now,
        quietly (the window follows another document): left to the garbage collector,
        which may free a command's Python half before the stack deletes it, deleting
        them crashed the program.
        """
        if self._closed:
            return
        self._closed = True
        self.totals.close()
        self.undo_stack.blockSignals(True)
        self.undo_stack.clear()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    @classmethod
    def open(cls, path: str | Path) -> Document:
        """Load a file; raises CatalogError with every problem, touching nothing else."""
        path = Path(path).resolve()
        return cls(*read_catalog(path))

    @classmethod
    def restored(
        cls, catalog: Catalog, path: Path | None, signature: tuple[int, str] | None
    ) -> Document:
        """Unsaved work brought back after a crash, for the file at path as it was when
        the work was done there (signature): Save asks if another program changed it since."""
        document = cls(catalog, path)
        document.disk_signature = signature
        document.undo_stack.resetClean()  # restored work is unsaved work
        return document

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return self.path.name if self.path else "Untitled"

    def push(self, edits: list[Edit], text: str, merge_key: MergeKey | None = None) -> None:
        """Apply edits as one undoable step; a failing edit leaves the catalog as it was."""
        inverses = apply_all(self.catalog, edits)
        if self._step is not None:
            self._step[0].extend(edits)
            self._step[1].append(inverses)
            return
        self.undo_stack.push(EditCommand(self.catalog, edits, inverses, text, merge_key))

    @contextmanager
    def one_step(self, text: str) -> Iterator[None]:
        """The pushes made inside are one undoable step, each made on the catalog as the
        ones before left it (deleting several rows: where each is depends on those before).

        They make one command, whose undo and redo apply all their edits together: as a
        macro of one command per push, each push was followed apart (a delete of 193 rows
        put units back in the pools in 193 passes). Nothing pushed, no step."""
        if self._step is not None:
            yield  # inside another step: its pushes are that step's
            return
        step: tuple[list[Edit], list[list[Edit]]] = ([], [])
        self._step = step
        try:
            yield
        finally:
            self._step = None
            edits, inverses = step
            if edits:  # undone from the last push back
                undoing = [edit for each in reversed(inverses) for edit in each]
                self.undo_stack.push(EditCommand(self.catalog, edits, undoing, text, None))

    def merge_key(self, node_id: str, field: str) -> MergeKey:
        return (node_id, field, self._typing_session)

    def end_typing(self) -> None:
        """The next keystroke starts a new undo step (called when a field loses focus)."""
        self._typing_session += 1

    def disk_changed(self) -> bool:
        if self.path is None or self.disk_signature is None:
            return False
        return file_signature(self.path) != self.disk_signature

    def save(self, path: str | Path | None = None, overwrite_changes: bool = False) -> None:
        """Save atomically; raises DiskChanged if someone else changed the file meanwhile."""
        writer = self.saving(path, overwrite_changes)
        writer.write()
        self.saved(writer)

    def saving(
        self, path: str | Path | None = None, overwrite_changes: bool = False
    ) -> CatalogWriter:
        """A save to write a piece at a time, then to give to saved (see save, which does
        it all at once); raises DiskChanged as save does. Until the save is written, the
        catalog must not change."""
        target = Path(path).resolve() if path else self.path
        if target is None:
            raise ValueError("a new document needs a file name")
        if target == self.path and not overwrite_changes and self.disk_changed():
            raise DiskChanged(str(target))
        return CatalogWriter(self.catalog, target)

    def saved(self, writer: CatalogWriter) -> None:
        """Put a save written in full in place: the document is that file's now."""
        writer.commit()
        renamed = writer.path != self.path
        self.path = writer.path
        self.disk_signature = (writer.size, writer.sha256.hexdigest())  # as file_signature reads it
        self.undo_stack.setClean()
        if renamed:
            self.path_changed.emit()


def read_catalog(path: Path) -> tuple[Catalog, Path, tuple[int, str]]:
    """Load a catalog file, with the signature of the very bytes loaded: read a second
    time for it, the file could have changed in between (and 60 MB were read twice)."""
    raw = read(path)
    return loads(raw, path), path, (len(raw), hashlib.sha256(raw).hexdigest())


def file_signature(path: Path) -> tuple[int, str] | None:
    """The file's size and SHA-256, read a little at a time: reading a large file whole
    first took twice as long (66 MB: 70 ms against 40 ms), with the window waiting."""
    try:
        with path.open("rb") as file:
            digest = hashlib.file_digest(file, "sha256").hexdigest()
            return file.tell(), digest
    except OSError:
        return None
