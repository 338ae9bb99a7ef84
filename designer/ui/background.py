"""Work that takes seconds on a large catalog, run in a worker thread so the window stays usable.

A Task calls `work(progress)` in a Python thread; what the worker reports reaches the UI
thread as queued Qt signals. The work's progress callback, called every hundredth of a
second (designer.progress), is where the worker notices a cancel, and where it gives way
to the UI thread: Python runs one thread at a time, and switching every 5 ms is not enough
for a window that calls into Python thousands of times to paint a view (see
Task._progress).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from designer.bulk import FREE_SLICE
from designer.progress import Cancelled, ProgressCallback
from designer.ui.labels import tr

Work = Callable[[ProgressCallback], Any]

SHOW_AFTER_MS = 300  # work quicker than this (a small catalog) shows no progress at all
CATCH_UP_WAIT = 0.5  # seconds a worker waits at most for the UI thread to take its last report
BAR_STEPS = 1000  # the progress bar's range, whatever the work's count of steps

_running: set[Task] = set()  # tasks whose thread has not been seen to end yet


class Task(QObject):
    """One call of `work(progress)` in a worker thread, its news delivered on the UI thread.

    Signals, emitted on the thread that made the task (the UI thread):
        progressed(int, int): done and total, as the work reported them.
        succeeded(object): the work's result.
        failed(object): the exception the work raised.
        cancelled(): the work stopped, or ended, after cancel().
    The last of them is exactly one of succeeded, failed and cancelled. Once cancel() has
    returned, neither progress nor a result nor an error comes: whatever the work computed
    is dropped, so a caller that cancels when the catalog changes never sees stale results.

    The task belongs to the application rather than to a view, and deletes itself once its
    thread has ended: a view may go away while its work still runs.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    # From the worker thread to this object's own slots, which run on the UI thread.
    _reported = Signal(int, int)
    _ended = Signal(object, object)

    def __init__(self, work: Work, name: str = "work") -> None:
        super().__init__(QCoreApplication.instance())
        self.work = work
        self._stop = threading.Event()
        self._taken = threading.Event()  # the UI thread took the last progress report
        self._taken.set()
        self._thread = threading.Thread(target=self._run, name=f"background {name}")
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._on_ended, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        _watch_quit()
        _running.add(self)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; nothing of it is delivered."""
        self._stop.set()
        self._taken.set()  # a worker waiting for the UI thread stops waiting

    @property
    def is_cancelled(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._thread.is_alive()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker thread to end; whether it did within the timeout (seconds).

        Cancel first: a worker that goes on waits for the UI thread at each report.
        """
        if self._thread.ident is not None:
            self._thread.join(timeout)
        return not self._thread.is_alive()

    # ---- in the worker thread -----------------------------------------------------------

    def _run(self) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = self.work(self._progress)
        except Cancelled:
            self._stop.set()
        except Exception as exc:  # delivered to the UI thread, which reports it
            error = exc
        self._ended.emit(result, error)

    def _progress(self, done: int, total: int) -> bool:
        # Python switches threads every 5 ms, but the UI thread needs the GIL for every call
        # into Python (each of a Python model's data() calls while a view paints), and waits
        # up to 5 ms for each against a busy worker: a repaint of the tree took seconds. So
        # the worker waits here until the UI thread has taken its last report: while the UI
        # thread is busy, the worker pauses and lets it finish; when it is idle, it took the
        # report long ago and the worker goes straight on.
        self._taken.wait(CATCH_UP_WAIT)
        if self._stop.is_set():
            return False
        self._taken.clear()
        self._reported.emit(done, total)
        return True

    # ---- in the UI thread ---------------------------------------------------------------

    def _on_reported(self, done: int, total: int) -> None:
        self._taken.set()
        if not self._stop.is_set():
            self.progressed.emit(done, total)

    def _on_ended(self, result: Any, error: BaseException | None) -> None:
        self._thread.join()  # it emitted _ended as its last act: a moment at most
        _running.discard(self)
        if self._stop.is_set():
            self.cancelled.emit()
        elif error is not None:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
        self.deleteLater()


def free_between_events(values: list[Any], then: Callable[[], None]) -> None:
    """Let go of the values a slice at a time between the window's events, then call then.

    A large catalog let go of in one go (its last view deleted) is hundreds of thousands
    of objects freed in one step of the interpreter: the window froze 0.4 s after File >
    New or Open. A slice is a few milliseconds' work (see designer.bulk.free_gradually).
    """
    timer = QTimer(QCoreApplication.instance())
    timer.setInterval(0)  # a slice each time the window has no events waiting

    def step() -> None:
        del values[-FREE_SLICE:]
        if not values:
            timer.stop()
            timer.deleteLater()
            then()

    timer.timeout.connect(step)
    timer.start()


def stop_all(timeout: float = 5.0) -> None:
    """Cancel every running task and wait for their threads: before the application quits."""
    tasks = list(_running)
    for task in tasks:
        task.cancel()
    for task in tasks:
        task.wait(timeout)


_quit_watched = False


def _watch_quit() -> None:
    global _quit_watched
    app = QCoreApplication.instance()
    if app is not None and not _quit_watched:
        app.aboutToQuit.connect(stop_all)
        _quit_watched = True


class WorkStatus(QWidget):
    """A strip that tells what a view's background work is doing.

    While the work runs: what it does, a progress bar and Cancel; it appears only once the
    work has run for SHOW_AFTER_MS, so quick work never flashes it. After a cancel or an
    error: a note and Run again. Hidden otherwise, keeping its room once it has shown.

    Signals:
        cancel_clicked(), run_again_clicked(): the buttons.
        shown_changed(bool): the strip appeared or went away (the view greys its results
            while it shows: they are, or may be, out of date).
    """

    cancel_clicked = Signal()
    run_again_clicked = Signal()
    shown_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("workStatus")
        self.label = QLabel()
        self.label.setObjectName("workLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("workProgress")
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setFormat("%p %")
        self.bar.setMaximumWidth(320)
        self.label.setBuddy(self.bar)  # a screen reader reads the bar with what the work does
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("cancelWork")
        self.run_button = QPushButton(tr("Run again"))
        self.run_button.setObjectName("runAgain")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.run_button)
        self.cancel_button.clicked.connect(lambda: self.cancel_clicked.emit())
        self.run_button.clicked.connect(lambda: self.run_again_clicked.emit())
        self.show_timer = QTimer(self)
        self.show_timer.setSingleShot(True)
        self.show_timer.setInterval(SHOW_AFTER_MS)
        self.show_timer.timeout.connect(self._appear)
        self.shown = False
        self.setVisible(False)

    def working(self, text: str) -> None:
        """Work started: say what it does, and show so if it is still running in a moment."""
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.run_button.setVisible(False)
        if not self.shown:
            self.show_timer.start()

    def busy(self) -> None:
        """The work will start again shortly: a bar that says so, with no figure."""
        self.bar.setRange(0, 0)

    def progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, BAR_STEPS)
        self.bar.setValue(BAR_STEPS * done // max(total, 1))

    def stopped(self, text: str) -> None:
        """The work was cancelled or failed: say so, and offer to run it again."""
        self.show_timer.stop()
        self.label.setText(text)
        self.bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.run_button.setVisible(True)
        self._appear()

    def idle(self) -> None:
        """The results are current: nothing to tell."""
        self.show_timer.stop()
        self._set_shown(False)

    def _appear(self) -> None:
        self._set_shown(True)

    def _set_shown(self, shown: bool) -> None:
        if shown and not self.sizePolicy().retainSizeWhenHidden():
            # Once it has shown (the catalog is large), it keeps its room when hidden: the
            # view below then stays in place, and the window is not laid out again on each
            # edit (up to 70 ms with a large catalog's views).
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
        self.setVisible(shown)
        if shown != self.shown:
            self.shown = shown
            self.shown_changed.emit(shown)
