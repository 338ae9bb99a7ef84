"""A page that recomputes from the catalog when shown, and shortly after edits while shown."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from designer.ui.background import Task, Work, WorkStatus
from designer.ui.document import Document

STOP_WAIT = 5.0  # seconds to wait for a cancelled worker when the document closes


class LiveView(QWidget):
    """Base of the pages that summarise the whole catalog.

    Such a summary is too costly to redo on every keystroke, and pointless while hidden:
    it is redone once edits pause, or when the page is next shown.

    Signals:
        unit_chosen(str): the designer asked to see this unit in the tree.
    """

    unit_chosen = Signal(str)

    def __init__(self, document: Document, delay_ms: int) -> None:
        super().__init__()
        self.document = document
        self._following = True
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(delay_ms)
        self.refresh_timer.timeout.connect(self._refresh_now)
        self._stale = True
        document.undo_stack.indexChanged.connect(self._schedule)

    def refresh(self) -> None:
        """Recompute and show; subclasses fill this in."""
        raise NotImplementedError

    def close_document(self) -> None:
        """The document is closed or replaced: follow it no more."""
        self.refresh_timer.stop()
        if self._following:
            self._following = False
            self.document.undo_stack.indexChanged.disconnect(self._schedule)

    def _refresh_now(self) -> None:
        self._stale = False
        self.refresh()

    def _schedule(self, *args: Any) -> None:
        if self.isVisible():
            self.refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._refresh_now()


class BackgroundView(LiveView):
    """A LiveView whose summary can take seconds on a large catalog: it is computed in a
    worker thread while the window stays usable, with progress and Cancel.

    The summary on screen stays until the next one comes; while work on it shows progress,
    and after a Cancel, it is greyed and its actions are off (`greyed`), as it is, or may
    be, out of date. An edit cancels the running work at once (the catalog must not change
    under it, and its result would be stale) and starts it again when edits pause.

    Subclasses give `work()` and `show_result()`, put `self.status` in their layout, call
    `grey_while_working` with the widget that shows the summary, and may override
    `update_actions`.

    Signals:
        result_shown(): a new summary is on screen, computed on the catalog as it is.
    """

    result_shown = Signal()

    def __init__(
        self, document: Document, delay_ms: int, cancelled_text: str, failed_text: str
    ) -> None:
        super().__init__(document, delay_ms)
        self.task: Task | None = None
        self.status = WorkStatus()
        self.status.cancel_clicked.connect(self.cancel)
        self.status.run_again_clicked.connect(self.refresh)
        self.status.shown_changed.connect(self._set_greyed)
        self.cancelled_text = cancelled_text
        self.failed_text = failed_text  # {0}: the error
        self.greyed = False
        self._greyed_widget: QWidget | None = None
        self._edits = 0  # edits seen: a result of work started before the last one is stale
        self._edits_at_start = 0
        self._current = False  # the summary on screen is of the catalog as it is
        self._closed = False

    # ---- for subclasses -----------------------------------------------------------------

    def work(self) -> tuple[Work, str]:
        """What to compute, and what to say while it runs.

        Read what the work needs (the catalog, options) now, on the UI thread; the
        returned function runs in the worker thread and must only read the catalog.
        """
        raise NotImplementedError

    def show_result(self, result: Any) -> None:
        """Show what the work computed."""
        raise NotImplementedError

    def update_actions(self) -> None:
        """Enable the actions that need a current summary, or not (see `greyed`)."""

    def grey_while_working(self, widget: QWidget) -> None:
        """Grey this widget, the summary, while it is or may be out of date."""
        self._greyed_widget = widget

    # ---- running ------------------------------------------------------------------------

    @property
    def up_to_date(self) -> bool:
        """The summary on screen was computed on the catalog as it is, with nothing pending."""
        return self._current and self.task is None and not self.refresh_timer.isActive()

    def refresh(self) -> None:
        """Compute the summary again in the background (any running work is given up)."""
        if self._closed:
            return
        self.refresh_timer.stop()  # this run covers the edits it waited for
        self._stale = False
        self._stop()
        self._current = False
        work, text = self.work()
        self.task = Task(work, type(self).__name__)
        self.task.progressed.connect(self.status.progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self._edits_at_start = self._edits
        self.task.start()
        self.status.working(text)

    def cancel(self) -> None:
        """The designer's Cancel: stop, and offer to run again."""
        if self.task is None:
            return
        self._stop()
        self.status.stopped(self.cancelled_text)

    def close_document(self) -> None:
        """Stop the work for good and wait for its thread: the document is going away."""
        super().close_document()
        self._closed = True
        task = self.task
        self._stop()
        if task is not None:
            task.wait(STOP_WAIT)

    def _stop(self) -> None:
        if self.task is not None:
            self.task.cancel()  # from now on it delivers nothing
            self.task = None

    def _schedule(self, *args: Any) -> None:
        self._edits += 1
        self._current = False
        if self.task is not None:
            self._stop()
            if self.status.shown:
                self.status.busy()  # it starts again when edits pause
            else:
                self.status.idle()  # quick work: nothing to show until it runs again
        super()._schedule(*args)

    def _succeeded(self, result: Any) -> None:
        self.task = None
        if self._closed or self._edits != self._edits_at_start:
            return  # computed on a catalog that changed since (a cancel normally drops it)
        self.show_result(result)
        self._current = True
        self.status.idle()
        self.update_actions()
        self.result_shown.emit()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.status.stopped(self.failed_text.format(f"{type(error).__name__}: {error}"))
        sys.excepthook(type(error), error, error.__traceback__)

    def _set_greyed(self, greyed: bool) -> None:
        self.greyed = greyed
        widget = self._greyed_widget
        if widget is not None:
            # Grey text on the window's colour, as disabled widgets look, yet still usable:
            # the designer may scroll and open what the last summary found.
            palette = QPalette(self.palette())
            if greyed:
                grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
                palette.setColor(QPalette.ColorRole.Text, grey)
                palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
                palette.setColor(
                    QPalette.ColorRole.AlternateBase, palette.color(QPalette.ColorRole.Window)
                )
            widget.setPalette(palette)
        self.update_actions()
