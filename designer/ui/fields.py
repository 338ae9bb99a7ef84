"""Form fields bound to one field of a unit: they refuse bad input and push undoable edits."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QValidator,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.model.durations import text_duration
from designer.ui.colours import ERROR, colour, follow_scheme
from designer.ui.labels import tr


def leaves_undo_to_window(event: QEvent) -> bool:
    """True for the Undo and Redo keys pressed in a text box, to be left to the window.

    A text box takes them for its own history of keystrokes, which the catalog knows
    nothing of; filtered out here, they reach the window's Undo and Redo, which take back
    the typing in the box as one step with the rest of the edits (use as an event filter).
    """
    if event.type() != QEvent.Type.ShortcutOverride:
        return False
    assert isinstance(event, QKeyEvent)
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(
        QKeySequence.StandardKey.Redo
    )


def fit_columns(view: QTreeView, columns: Iterable[tuple[int, int, Iterable[str]]]) -> None:
    """Each column (its index, its least width, its longest values) as wide as its header
    and those values in the view's font, and no narrower than the least width: fixed
    widths cut "Workload" at a 12 pt font, a share to "10.…" and a duplicate's level to
    "course, near-…" at 14 pt."""
    header = view.header()
    cells, headings = view.fontMetrics(), header.fontMetrics()
    for column, least, values in columns:
        heading = str(view.model().headerData(column, Qt.Orientation.Horizontal))
        fitted = max(headings.horizontalAdvance(heading), *map(cells.horizontalAdvance, values))
        header.resizeSection(column, max(least, fitted + 16))


class FittedLabel(QLabel):
    """A plain text that takes the width it is given and never asks for more: wrapped at
    its spaces, a word too long for a line (a title typed without spaces) elided with "…",
    the whole text in the tooltip; one_line elides the whole text on one line.

    A word-wrapped QLabel is as wide as its longest word: a 120-letter title made the pane
    wider and moved the splitter, or cut every field of the form. text() is the whole text.
    """

    def __init__(self, text: str = "", one_line: bool = False) -> None:
        super().__init__()
        self.one_line = one_line
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(not one_line)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self._show_tooltip()

    def lines(self, width: int) -> str:
        """The text to lay out in this width, before eliding (a subclass may break it)."""
        return self.text()

    def shown(self, width: int) -> str:
        """The text as drawn in this width: every line or word that does not fit elided."""
        metrics = self.fontMetrics()
        text = self.lines(width)
        if self.one_line:
            return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        words = re.split(r"(\s+)", text)
        return "".join(
            metrics.elidedText(word, Qt.TextElideMode.ElideRight, width)
            if not word.isspace() and metrics.horizontalAdvance(word) > width
            else word
            for word in words
        )

    def _flags(self) -> int:
        flags = self.alignment().value
        return flags if self.one_line else flags | Qt.TextFlag.TextWordWrap.value

    def _text_width(self, width: int) -> int:
        margins = self.contentsMargins()
        return max(width - margins.left() - margins.right() - 2 * max(self.margin(), 0), 1)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        self.ensurePolished()  # the font of a style sheet
        width = self._text_width(width)
        if self.one_line:
            height = self.fontMetrics().height()
        else:
            bounds = QRect(0, 0, width, 1_000_000)
            shown = self.fontMetrics().boundingRect(bounds, self._flags(), self.shown(width))
            height = shown.height()
        margins = self.contentsMargins()
        return height + margins.top() + margins.bottom() + 2 * max(self.margin(), 0)

    def sizeHint(self) -> QSize:  # noqa: N802
        self.ensurePolished()
        width = self.fontMetrics().horizontalAdvance(self.text()) + 4
        return QSize(width, self.heightForWidth(self.width() if self.isVisible() else width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, self.heightForWidth(self.width()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        margin = max(self.margin(), 0)
        rect.adjust(margin, margin, -margin, -margin)
        self.style().drawItemText(
            painter,
            rect,
            self._flags(),
            self.palette(),
            self.isEnabled(),
            self.shown(rect.width()),
            self.foregroundRole(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._show_tooltip()

    def _show_tooltip(self) -> None:
        width = self._text_width(self.width())
        self.setToolTip("" if self.shown(width) == self.lines(width) else self.text())


class Field(QWidget):
    """One editable value with its own error line.

    Signals:
        edited(value): the user entered a valid new value.
        finished(): the user left the field (ends one undo step of typing).
    """

    edited = Signal(object)
    finished = Signal()
    # Whether Ctrl+Z and its like in the box are left to the window's Undo (an edit of the
    # catalog); a box that edits nothing (a what-if figure) keeps them for its own text.
    undo_in_window = True

    def __init__(self, editor: QWidget) -> None:
        super().__init__()
        self.editor = editor
        self.error = FittedLabel()
        self.error.setObjectName("fieldError")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self._colour_error()
        follow_scheme(self._colour_error)
        editor.installEventFilter(self)
        # For a field whose typing is read as it goes (_entered): the unit's value as last
        # shown or entered, and as it was when this run of typing began. A refused entry
        # puts that back, rather than keep what the keystroke before it gave (typing 3900
        # where at most 2000 is allowed must not leave 390).
        self._value: Any = None
        self._before: Any = None
        self._typing = False
        self._description = ""  # the box's own, while an error stands in for it
        self.finished.connect(self._stop_typing)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.finished.emit()
        return self.undo_in_window and leaves_undo_to_window(event)

    def _entered(self, value: Any, error: str) -> None:
        """What was typed, read: the error shown, and the value entered (refused, the one
        before this run of typing)."""
        if not self._typing:
            self._typing, self._before = True, self._value
        self.show_error(error)
        self._value = self._before if error else value
        self.edited.emit(self._value)

    def _stop_typing(self) -> None:
        self._typing = False

    def show_error(self, message: str) -> None:
        # A screen reader reads the error with the box, as its description; the box's own
        # description (what the figure means) comes back once the error goes.
        if message and not self.error.text():
            self._description = self.editor.accessibleDescription()
        if message or self.error.text():
            self.editor.setAccessibleDescription(message or self._description)
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self._outline()

    def _colour_error(self) -> None:
        """The error's text and the box's outline in red, a red that reads in the scheme the
        window is drawn in (the light one's dark red was unreadable on a dark base)."""
        self.error.setStyleSheet(f"color: {colour(ERROR)};")
        self._outline()

    def _outline(self) -> None:
        """The box outlined in red while it shows an error. Not the error's colour, set once
        for each scheme: the error is shown again at each key typed."""
        outline = f"border: 1px solid {colour(ERROR)};" if self.error.text() else ""
        self.editor.setStyleSheet(outline)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError


# A line break with the spaces around it, and the control characters no one means to type.
_LINE_BREAK = re.compile("[ \t]*(?:\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029])[ \t]*")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def one_line(text: str) -> str:
    """Text pasted into a one-line box, as one line: each line break (and the spaces
    around it) a space, or nothing at either end, a tab a space, other control characters
    left out. The box showed a pasted line break as nothing, but kept it: the tree cut the
    row there, and the workbook and the commands' tables got it (a control character
    too, shown as '�'). The spaces typed are kept, at the end too: a word may follow."""
    if text.isprintable():
        return text
    text = _LINE_BREAK.sub(lambda m: " " if m.start() > 0 and m.end() < len(text) else "", text)
    return _CONTROL.sub("", text.replace("\t", " "))


class _OneLine(QValidator):
    """Keeps what is typed or pasted into a box to one line (one_line), the cursor after
    the same characters."""

    def validate(self, text: str, position: int) -> object:
        # The text before the cursor, as one_line makes it within the whole ("x" stands
        # for what follows, so that a line break just before the cursor is a space).
        before = len(one_line(text[:position] + "x")) - 1
        return QValidator.State.Acceptable, one_line(text), before


def line_edit() -> QLineEdit:
    """A one-line text box that holds a text of any length: Qt's keeps 32,767 characters,
    so a longer title read from a file was shown cut, and the next key saved it so."""
    editor = QLineEdit()
    editor.setMaxLength(2**31 - 1)
    editor.setValidator(_OneLine(editor))
    return editor


# A multi-line box shows this many lines at least, and grows with its text up to the most.
FEWEST_LINES, MOST_LINES = 3, 15


class TextField(Field):
    """A text, on one line or several.

    parse, when given, reads what was typed: the value to store, or why it is refused
    (shown under the box; the unit keeps the value it had before the typing began).
    """

    def __init__(
        self,
        multiline: bool = False,
        placeholder: str = "",
        parse: Callable[[str], tuple[str, str]] | None = None,
    ) -> None:
        editor: QLineEdit | QPlainTextEdit
        if multiline:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.textChanged.connect(lambda: self._typed(editor.toPlainText()))
        else:
            editor = line_edit()
            editor.textEdited.connect(self._typed)
        editor.setPlaceholderText(placeholder)
        super().__init__(editor)
        self._setting = False
        self.parse = parse
        self._value = ""
        if multiline:
            self._fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.editor and event.type() == QEvent.Type.Resize:
            self._fit_height()  # a narrower box wraps its text on more lines
        return super().eventFilter(watched, event)

    def _fit_height(self) -> None:
        """A multi-line box as tall as its text, from 3 to 15 lines: a long assessment or
        quality assurance text was read and edited 3 lines at a time, scrolling."""
        editor = self.editor
        if not isinstance(editor, QPlainTextEdit):
            return
        metrics = editor.fontMetrics()
        margin = 2 * (editor.document().documentMargin() + editor.frameWidth())
        # Less the scroll bar's width: the box may be resized before its viewport is.
        scroll_bar = editor.verticalScrollBar().sizeHint().width()
        width = editor.contentsRect().width() - int(2 * editor.document().documentMargin())
        width -= scroll_bar
        text = editor.toPlainText() or " "
        wrapped = metrics.boundingRect(
            QRect(0, 0, max(width, 1), 1_000_000), Qt.TextFlag.TextWordWrap, text
        )
        lines = max(FEWEST_LINES, min(MOST_LINES, round(wrapped.height() / metrics.lineSpacing())))
        height = int(lines * metrics.lineSpacing() + margin + 2)
        if editor.height() != height:
            editor.setFixedHeight(height)

    def _typed(self, text: str) -> None:
        self._fit_height()
        if self._setting:
            return
        if self.parse is None:
            self.edited.emit(text)
        else:
            self._entered(*self.parse(text))

    def value(self) -> str:
        editor = self.editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def set_value(self, value: Any) -> None:
        if self.parse is not None:
            if self._typing and value == self._value:
                return  # the echo of an entry: the text stays as typed ("english" gave en)
            self._typing, self._value = False, value or ""
            self.show_error("")
        if value == self.value():
            return  # the echo of our own edit: leave the cursor where it is
        self._setting = True
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.setPlainText(value or "")
        else:
            assert isinstance(self.editor, QLineEdit)
            self.editor.setText(value or "")
            self.editor.setCursorPosition(0)  # a long title shows its start
        self._setting = False
        self._fit_height()


# The units of NumberField that are durations, as text_duration names them.
DURATIONS = {"min": "minutes", "h": "hours"}


class NumberField(Field):
    """A number typed as text, so a wrong entry can be shown and explained, not swallowed."""

    def __init__(self, unit: str, low: float, high: float, optional: bool, noun: str) -> None:
        self.line = QLineEdit()
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setMaximumWidth(120)
        super().__init__(self.line)
        self.unit, self.low, self.high, self.optional, self.noun = unit, low, high, optional, noun
        self.line.setPlaceholderText(tr("not set") if optional else "0")
        self.line.textEdited.connect(lambda text: self._entered(*self.parse(text)))

    def parse(self, text: str) -> tuple[float | None, str]:
        """The value typed, or an error saying what is wrong with it."""
        text = text.strip()
        if not text:
            return None, "" if self.optional else tr("Enter the {0}.").format(self.noun)
        number = self._number(text)
        if number is None or not math.isfinite(number):
            return None, tr("“{0}” is not a number.").format(text)
        if number < self.low:
            if self.low == 0:
                return None, tr("The {0} cannot be negative.").format(self.noun)
            return None, tr("The {0} must be at least {1:g} {2}.").format(
                self.noun, self.low, self.unit
            )
        if number > self.high:
            return None, tr("The {0} can be at most {1:g} {2}.").format(
                self.noun, self.high, self.unit
            )
        return number, ""

    def _number(self, text: str) -> float | None:
        """The number a text gives: a duration with any unit of time ("1 h 30", "90 min",
        "1:30") for minutes and hours, else a figure, with or without the unit ("80 %").
        A field whose low is below 0 takes negative numbers, and a "+" before a figure."""
        if self.low < 0 and text.startswith("+"):  # a change, up or down: "+5" and "-5"
            text = text[1:].lstrip()
            if text.startswith("-"):
                return None  # "+-5"
        if self.unit in DURATIONS:
            return text_duration(text, DURATIONS[self.unit])
        try:
            return float(text.removesuffix(self.unit).strip().replace(",", "."))
        except ValueError:
            return None

    def value(self) -> float | None:
        return self.parse(self.line.text())[0]

    def set_value(self, value: Any) -> None:
        if self._typing and value == self._value:
            return  # the echo of an entry: the text stays as typed, refused or not
        self._typing, self._value = False, value
        if self.value() == value and not self.error.isVisible():
            return
        self.line.setText("" if value is None else f"{value:g}")
        self.show_error("")


class ChoiceField(Field):
    """A fixed list of (value, label) choices."""

    def __init__(self, choices: list[tuple[Any, str]]) -> None:
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value, label in choices:
            self.combo.addItem(label, value)
        super().__init__(self.combo)
        self.combo.activated.connect(lambda index: self.edited.emit(self.combo.itemData(index)))

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))


def searchable(combo: QComboBox) -> QCompleter:
    """Make a combo box one to type in: typing any part of an entry, in any case, lists the
    entries that hold it to pick from; what is typed is never added as an entry."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCompleter(completer)
    return completer


class SearchChoiceField(ChoiceField):
    """A long list of choices found by typing any part of a label, or a value ("US"): the
    list shows what matches, and a pick or Enter chooses (one undo step, not one a key).

    A closed list of 250 countries took each key as a choice of its own: "Ger" made three
    edits (Gabon, Georgia, Germany), and neither "US" nor "Korea" could be typed.
    """

    def __init__(self, choices: list[tuple[Any, str]], noun: str) -> None:
        super().__init__(choices)
        self.noun = noun
        # As wide as the form gives it (a dozen letters at least), not as its longest entry:
        # "South Georgia and the South Sandwich Islands (GS)" made the Details form wider
        # than its pane at a 14 pt font, every field cut at the right.
        self.combo.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        metrics = self.combo.fontMetrics()
        self.combo.setMinimumWidth(metrics.horizontalAdvance("X" * 12))
        completer = searchable(self.combo)
        completer.activated.connect(self._choose)  # the text of the entry picked
        # Its list of every entry is as wide as the longest still, not cut to the box's
        # width (Qt keeps it on the screen). Not the list of what matches the typing: Qt
        # places that one by the box's width, and a wider one ran off the screen's edge.
        labels = (self.combo.itemText(row) for row in range(self.combo.count()))
        view = self.combo.view()
        longest = max(map(metrics.horizontalAdvance, labels), default=0)
        view.setMinimumWidth(longest + view.verticalScrollBar().sizeHint().width() + 16)
        line = self.combo.lineEdit()
        assert line is not None
        if self.combo.itemData(0) is None:
            line.setPlaceholderText(self.combo.itemText(0))
        line.editingFinished.connect(lambda: self._choose(line.text()))

    def matches(self, text: str) -> list[int]:
        """The rows a text names: a label, its name before "(" or a value exactly ("Niger",
        "NE"), else every label holding it ("germ")."""
        wanted = text.strip().casefold()
        rows = range(1 if self.combo.itemData(0) is None else 0, self.combo.count())
        labels = {row: self.combo.itemText(row).casefold() for row in rows}
        exact = [
            row
            for row, label in labels.items()
            if wanted in (label, label.rsplit(" (", 1)[0], str(self.combo.itemData(row)).casefold())
        ]
        return exact or [row for row, label in labels.items() if wanted in label]

    def _choose(self, text: str) -> None:
        if not text.strip() or (text == self.combo.itemText(0) and self.combo.itemData(0) is None):
            self.show_error("")
            self.edited.emit(None)  # cleared: not set
            return
        rows = self.matches(text)
        if len(rows) != 1:
            message = (
                tr("No {0} matches “{1}”.")
                if not rows
                else tr("“{1}” matches {2} entries: pick the {0} in the list.")
            )
            self.show_error(message.format(self.noun, text.strip(), len(rows)))
            return
        self.show_error("")
        self.combo.setCurrentIndex(rows[0])
        self.edited.emit(self.combo.itemData(rows[0]))

    def set_value(self, value: Any) -> None:
        super().set_value(value)
        # Not "Atlantis" refused before; and not set is an empty box to type in, not
        # "Not set" for the first keys to be added to.
        row = self.combo.currentIndex()
        self.combo.setEditText("" if self.combo.itemData(row) is None else self.combo.itemText(row))
        self.show_error("")


class CheckField(Field):
    def __init__(self, label: str) -> None:
        self.box = QCheckBox(label)
        super().__init__(self.box)
        # Not clicked.connect(self.edited.emit): PySide6 took the emit for clicked()
        # without its argument, and each click raised a TypeError, recording nothing.
        self.box.clicked.connect(self._clicked)

    def _clicked(self, checked: bool) -> None:
        self.edited.emit(checked)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


FieldFactory = Callable[[], Field]
