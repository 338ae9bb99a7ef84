"""Progress for long file operations: a modal dialog over work in a worker thread.

Opening, saving and exporting a large catalog take seconds. Done on the UI thread with
nothing shown, the window looks dead. Here the work runs in a plain Python thread while
the dialog says what is going on. The worker never touches a Qt object: it only records
how far it got in a Job, which the UI thread reads a few times a second. Work that a
thread would not take off the UI thread (a save: encoding holds the GIL) is done there
in short steps between the window's events instead (run_in_steps).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from designer.bulk import collector_paused
from designer.progress import Cancelled
from designer.ui.labels import tr

T = TypeVar("T")
POLL_MS = 50  # how often the dialog looks at how far the work is
EXPOSE_WAIT_S = 0.5  # at most this long for the window system to show a new dialog
STEP_SECONDS = 0.015  # a step of work on the UI thread (run_in_steps) goes on this long


class Job:
    """What the worker and the dialog share: how far the work is, whether to stop, the end."""

    def __init__(self) -> None:
        self.position = (0, 0)  # (done, total), one value so it is never read half-written
        self.cancelled = False
        self.finished = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def report(self, done: int, total: int) -> bool:
        """For the work to call: how far it is; False once the designer asked to stop."""
        self.position = (done, total)
        return not self.cancelled

    def run(self, work: Callable[[], object]) -> None:
        """Do the work, in the worker thread.

        The collector is paused meanwhile so that it never runs in this thread: it would
        delete here, off the UI thread, any Qt object left in a reference cycle.
        """
        try:
            with collector_paused():
                self.result = work()
        except BaseException as error:  # raised again on the UI thread, by ProgressDialog.run
            self.error = error
        finally:
            self.finished.set()


class ProgressDialog(QDialog):
    """A label, a bar (busy until the work says how far it is) and maybe a Cancel button.

    Escape and the window's close button do what Cancel does; without a Cancel button
    they do nothing, since the work goes on anyway.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        cancellable: bool = False,
        describe: Callable[[int, int], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.describe = describe
        self.job = Job()
        self.label = QLabel(text)
        self.label.setObjectName("progressLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("progressBar")
        self.bar.setRange(0, 0)
        self.bar.setFormat("%p %")  # "24 %", as every other percentage the window shows
        self.bar.setMinimumWidth(380)
        # The bar is read with what is in progress: the label is its buddy, and its name
        # follows the label's text (see say), which a screen reader is told of.
        self.label.setBuddy(self.bar)
        self.bar.setAccessibleName(text)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setObjectName("progressCancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setVisible(cancellable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)
        self._stoppable = False
        self._loop: QEventLoop | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._work: Callable[[float], tuple[int, int]] | None = None  # see run_in_steps
        self._steps = QTimer(self)
        self._steps.setInterval(0)  # a step each time the window has no events waiting
        self._steps.timeout.connect(self._step)

    @property
    def cancellable(self) -> bool:
        return not self.cancel_button.isHidden()

    def run(self, work: Callable[[], T], stoppable: bool = False) -> T:
        """Do work in a worker thread with this dialog up; return what it returned.

        Raises what the work raised. Work that is stoppable calls job.report and returns
        early once that says False: on Cancel it is waited for, and what it returns is
        returned. Any other work is abandoned on Cancel (left to finish unseen, its
        result dropped) and Cancelled is raised at once. work must not hold this dialog
        (pass it job.report, not the dialog): the worker thread would then be the last
        holder of it, and it would be deleted off the UI thread.
        """
        self._stoppable = stoppable
        self.show_now()
        if self._over():  # cancelled while the dialog came up
            self.hide()
            raise Cancelled
        worker = threading.Thread(
            target=self.job.run, args=(work,), name="designer-progress", daemon=True
        )
        worker.start()
        self._loop = QEventLoop()
        self._timer.start()
        try:
            if not self._over():
                self._loop.exec()
        finally:
            self._timer.stop()
            self._loop = None
            self.hide()
        result: T = self._outcome()
        return result

    def run_in_steps(self, step: Callable[[float], tuple[int, int]]) -> None:
        """Do work on the UI thread a step at a time, between the window's events, with
        this dialog up and its bar following: for work that a worker thread would not keep
        from freezing the window (encoding holds the GIL), or that must stay here.

        step(until) works until time.perf_counter() passes until and says how far the work
        is, (done, total): done == total when it is over. Cancel stops it between two
        steps, and Cancelled is raised. Raises what a step raised.
        """
        self._stoppable = False  # nothing to wait for: Cancel ends it at once
        self._work = step
        self.show_now()
        self._loop = QEventLoop()
        self._steps.start()
        try:
            if not self._over():
                self._loop.exec()
        finally:
            self._steps.stop()
            self._work = None
            self._loop = None
            self.hide()
        self._outcome()

    def show_now(self) -> None:
        """Show the dialog and have it painted before work that may hold the UI thread."""
        self.show()
        handle = self.windowHandle()
        deadline = time.monotonic() + EXPOSE_WAIT_S
        while not handle.isExposed() and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
            time.sleep(0.005)
        self.repaint()

    def cancel(self) -> None:
        """Ask the work to stop; the dialog says so until the work has."""
        if not self.cancellable or self.job.cancelled:
            return
        self.job.cancelled = True
        self.cancel_button.setEnabled(False)
        self.say(tr("Cancelling…"))

    def say(self, text: str) -> None:
        """Show what is in progress above the bar, and name the bar with it."""
        self.label.setText(text)
        self.bar.setAccessibleName(text)

    def reject(self) -> None:
        self.cancel()  # the dialog closes when the work is over, not before

    def _outcome(self) -> Any:
        """What the work returned; raises what it raised, or Cancelled if it did not end."""
        if not self.job.finished.is_set():
            raise Cancelled
        error, self.job.error = self.job.error, None
        if error is not None:
            try:
                raise error
            finally:
                del error  # its traceback holds this frame: no cycle keeps the dialog alive
        return self.job.result

    def _step(self) -> None:
        """A step of the work run_in_steps does, then the bar and the label follow it."""
        if self._work is not None and not self._over():
            try:
                done, total = self._work(time.perf_counter() + STEP_SECONDS)
            except BaseException as error:  # raised again by run_in_steps
                self.job.error = error
                self.job.finished.set()
            else:
                self.job.position = (done, total)
                if done >= total:
                    self.job.finished.set()
        self._poll()

    def _over(self) -> bool:
        return self.job.finished.is_set() or (self.job.cancelled and not self._stoppable)

    def _poll(self) -> None:
        done, total = self.job.position
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if self.describe is not None and not self.job.cancelled:
            self.say(self.describe(done, total))
        if self._over() and self._loop is not None:
            self._loop.quit()
