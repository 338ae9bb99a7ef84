"""A page that recomputes from the catalog when shown, and shortly after edits while shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from designer.ui.document import Document


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
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(delay_ms)
        self.refresh_timer.timeout.connect(self._refresh_now)
        self._stale = True
        document.undo_stack.indexChanged.connect(self._schedule)

    def refresh(self) -> None:
        """Recompute and show; subclasses fill this in."""
        raise NotImplementedError

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
