"""The recovery copy of unsaved work, written a little at a time while the designer edits.

Each window has its own copy (recovery-TOKEN.curriculum.json in the config folder), with
a note of the file it is for (.source) and a lock file (.lock) naming the process that
owns it. A copy whose lock no live process holds is left by a crash: the next start
offers it. A window only ever deletes its own copy.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from designer.appsettings import recovery_copies
from designer.errors import CatalogError
from designer.storage.save import CatalogWriter, write_atomically
from designer.ui.document import Document
from designer.ui.progress_dialog import STEP_SECONDS  # a step of writing (a piece at least)

RETRY_MS = 2_000  # after an edit cut a copy short, start again once edits pause this long


class RecoveryWriter(QObject):
    """Writes a document's recovery copy in pieces, between the window's events.

    A large catalog takes half a second to write, which froze the window each time the
    autosave came round. Here each step writes for at most STEP_SECONDS. An edit meanwhile
    would make the pieces still to come disagree with those written, so the copy is
    dropped and begun again once edits pause. The copy replaces the previous one only
    when complete, so there is always a whole one on disk.

    Signals:
        written(): a copy is complete.
        failed(str): a copy could not be written, with the reason.
    """

    written = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.path = Path()
        self._file: CatalogWriter | None = None
        self._steps = QTimer(self)
        self._steps.setInterval(0)  # a step each time the window has no events waiting
        self._steps.timeout.connect(self._step)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._begin)

    @property
    def writing(self) -> bool:
        """A copy is under way, or waits for edits to pause."""
        return self._file is not None or self._retry.isActive()

    def start(self, document: Document, path: Path) -> None:
        """Write document's copy to path, starting now."""
        self.cancel()
        self.document, self.path = document, path
        document.undo_stack.indexChanged.connect(self._edited)
        self._begin()

    def finish_now(self) -> None:
        """Write what is left of the copy at once (the window waits)."""
        if self._retry.isActive():
            self._retry.stop()
            self._begin()
        while self._file is not None:
            self._step(until=float("inf"))

    def cancel(self) -> None:
        """Stop, leaving the previous copy (if any) as it was."""
        self._drop()
        self._retry.stop()
        if self.document is not None:
            self.document.undo_stack.indexChanged.disconnect(self._edited)
            self.document = None

    def _begin(self) -> None:
        assert self.document is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = CatalogWriter(self.document.catalog, self.path)
        except (OSError, CatalogError) as error:
            self._fail(error)
            return
        self._steps.start()

    def _edited(self) -> None:
        self._drop()
        self._retry.start()  # each edit puts it off again

    def _step(self, until: float | None = None) -> None:
        deadline = time.perf_counter() + STEP_SECONDS if until is None else until
        assert self._file is not None and self.document is not None
        try:
            if self._file.write(deadline):  # a piece at least, however short the step
                self._commit(self._file, self.document)
        # A full disk (CatalogError, or OSError from the note); a text that is not Unicode.
        except (CatalogError, OSError, ValueError, TypeError) as error:
            self._fail(error)

    def _commit(self, file: CatalogWriter, document: Document) -> None:
        self._steps.stop()
        self._file = None
        file.commit()
        note = {
            "original": str(document.path) if document.path else None,
            "signature": document.disk_signature,  # so Save asks if the file changed since
        }
        write_atomically(note_path(self.path), json.dumps(note).encode("utf-8"))
        self.cancel()  # done: the edits from now on are for the next autosave
        self.written.emit()

    def _drop(self) -> None:
        self._steps.stop()
        if self._file is not None:
            self._file.discard()
            self._file = None

    def _fail(self, error: Exception) -> None:
        self.cancel()
        if isinstance(error, CatalogError) and isinstance(error.__cause__, OSError):
            error = error.__cause__  # the system's reason, not the save's message
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.failed.emit(reason)


def new_token() -> str:
    """A name for one window's recovery copy, unlike any other window's, in any process."""
    return f"{os.getpid()}-{uuid.uuid4().hex[:8]}"


def note_path(copy: Path) -> Path:
    """The note of which file a recovery copy is for."""
    return copy.with_suffix(".source")


def lock_for(copy: Path) -> QLockFile:
    """The lock that says which process owns a recovery copy (not yet taken)."""
    lock = QLockFile(str(copy.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # held as long as its process lives, however long that is
    return lock


def take_lock(lock: QLockFile) -> bool:
    """Own the lock; False when a live process owns it already (or it cannot be made)."""
    if lock.isLocked():
        return True
    with suppress(OSError):
        Path(lock.fileName()).parent.mkdir(parents=True, exist_ok=True)
    if lock.tryLock(0):
        return True
    # A lock that names no process (emptied by a power cut: it is not synced as the copy
    # is) is no process's: Qt never takes it as stale, and its work was never offered.
    # The copy is made after its lock is written, so a lock beside a copy is never new.
    pid, _, _ = lock.getLockInfo()  # (0, "", "") when it names none
    if pid <= 0:
        lock.removeStaleLockFile()
        return lock.tryLock(0)
    return False


def delete_copy(copy: Path) -> None:
    """Delete a recovery copy and its note (what cannot be deleted stays)."""
    for path in (copy, note_path(copy)):
        with suppress(OSError):
            path.unlink(missing_ok=True)


def orphaned_copies() -> list[tuple[Path, QLockFile]]:
    """The recovery copies no live process owns (their window crashed), the newest first,
    each with its lock, now held by the caller."""
    found = []
    for copy in recovery_copies():
        lock = lock_for(copy)
        if take_lock(lock):
            found.append((copy, lock))
    return found
