"""The window's own colours, for the light and the dark colour scheme.

Each is a pair: the light one the window was designed with, and a dark one of the same
meaning (red for a defect, amber for a choice to make...) light enough to read on the dark
base Qt gives the widgets when the system is in dark mode. In dark mode the light colours
were unreadable: dark red and grey text on a dark base, the palette's light text on a pale
totals bar or a pale yellow row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

ERROR = ("#b3261e", "#ff8a80")
WARNING = ("#8a5a00", "#ffb74d")
NOTE = ("#3c4043", "#bdc1c6")  # an advice or a problem of no consequence
SECONDARY = ("#5f6368", "#9aa0a6")  # the tree's greyed columns: type, share, shared
SHARED_PLACE = ("#fff1b8", "#403300")  # the other places of the selected shared unit
PANEL = ("#f3f6fb", "#2b3441")  # the totals bar
FIGURES = ("#1a4d8f", "#8ab4f8")  # the totals bar's hours and credits
LOSS = ("#a40000", "#ff8a80")  # a merge that loses workload
CHOSEN = ("#174a8c", "#8ab4f8")  # the outline of the graph's chosen pair of certificates


def is_dark() -> bool:
    """Whether the window is drawn light on dark: the palette says, whatever the system
    calls its scheme (an application palette set by hand counts too)."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colour(pair: tuple[str, str]) -> str:
    """The colour of the pair for the scheme the window is drawn in, as '#rrggbb'."""
    return pair[1] if is_dark() else pair[0]


def qcolour(pair: tuple[str, str]) -> QColor:
    return QColor(colour(pair))


class _Scheme(QObject):
    """Says when the application's palette changed: Qt tells the windows
    (ApplicationPaletteChange), not the widgets inside them, and a widget with a style sheet
    may hear nothing at all of it."""

    changed = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.changed.emit()
        return False


_scheme = _Scheme()


def watch_scheme(window: QWidget) -> None:
    """Have the changes of palette this window is told of followed (follow_scheme)."""
    window.installEventFilter(_scheme)


def follow_scheme(apply: Callable[[], None]) -> None:
    """Call apply whenever the application's palette changes (the system went dark or
    light while the window was open), told by a window watch_scheme watches. Models'
    colours follow by themselves, read as the views paint; a colour put in a style sheet
    or a text stays until set again. Give a method of a widget: it is called no more
    once the widget is deleted."""
    _scheme.changed.connect(apply)


class _CheckBoxes(QStyledItemDelegate):
    """Entries whose unticked check boxes show in the dark scheme: Fusion outlines a box in
    a shade darker than the window's colour, which on a list's dark base is the base itself
    (1.0:1), so only the ticked ones could be seen. Given a light grey to darken, the
    outline is a mid grey (3.2:1 on the base)."""

    BEHIND_IN_DARK = "#9aa0a6"

    def initStyleOption(  # noqa: N802  # Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if is_dark():
            palette = QPalette(option.palette)  # type: ignore[attr-defined]
            palette.setColor(QPalette.ColorRole.Window, QColor(self.BEHIND_IN_DARK))
            option.palette = palette  # type: ignore[attr-defined]


def show_check_boxes(view: QAbstractItemView) -> None:
    """Have the check boxes of the view's entries drawn so that they show in either scheme."""
    view.setItemDelegate(_CheckBoxes(view))
