"""The running totals always in view: the selection's program and the selected unit."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from designer.model import Item, Program
from designer.model.totals import format_hours
from designer.ui.colours import FIGURES, PANEL, colour, follow_scheme
from designer.ui.document import Document
from designer.ui.fields import FittedLabel
from designer.ui.labels import tr
from designer.ui.tree_model import TreeNode

# How long edits pause before a screen reader is told the program's new figures: once,
# after the designer stops typing, not on every keystroke.
ANNOUNCE_AFTER_MS = 1000


class FiguresLine(FittedLabel):
    """The program's hours and credits: where the line is too wide for the pane, the
    explanation of the rounding goes whole onto a second line ("422 h = 16 ECTS" over
    "(16.88 rounded down)"), rather than be cut in the middle of a word."""

    def lines(self, width: int) -> str:
        text = self.text()
        if self.fontMetrics().horizontalAdvance(text) <= width:
            return text
        return text.replace(" (", "\n(", 1)


class TotalsBar(QFrame):
    """Program hours, ECTS with its rounding, weeks and courses; the selected unit's hours."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.setObjectName("totalsBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Its figures, read as one text: the description says the program and its figures,
        # and follows them (see _describe).
        self.setAccessibleName(tr("Running totals"))
        self._program: Program | None = None  # the program whose figures are described
        self._figures = ""  # its figures, as last described
        self._announced = ""  # and as last announced
        self.announce_timer = QTimer(self)
        self.announce_timer.setSingleShot(True)
        self.announce_timer.setInterval(ANNOUNCE_AFTER_MS)
        self.announce_timer.timeout.connect(self._announce)
        self.document = document
        self.node: TreeNode | None = None
        self.rows: list[TreeNode] = []  # the rows selected, when several are
        # Their texts change on every keystroke: they must not ask for more width, or the
        # splitter beside the tree would move while the designer types. A long title is
        # elided, whole in its tooltip; the figures wrap.
        self.program_title = FittedLabel(one_line=True)
        self.program_title.setStyleSheet("font-weight: 600;")
        self.ects = FiguresLine()
        self.ects.setObjectName("programTotals")
        self.pace = FittedLabel()
        self.pace.setObjectName("programPace")
        self.selected = QLabel()
        self.selected.setObjectName("selectedHours")
        # Rows of a box rather than cells of a grid: a grid gave a label spanning its two
        # columns one line where it needed two (the figures wrapped in a narrow pane).
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)  # room for the Outcomes table below
        layout.setSpacing(2)
        layout.addWidget(self.program_title)
        # The large figures have the whole width: beside them, "Selected: 240 min" cut
        # "422 h = 16 ECTS (16.88 rounded down)" short in a window 1280 pixels wide.
        layout.addWidget(self.ects)
        last = QHBoxLayout()
        last.addWidget(self.pace, 1)
        last.addWidget(self.selected)
        layout.addLayout(last)
        self._colour()
        follow_scheme(self._colour)
        self._held = 0  # inside held(): how deep
        catalog = document.catalog
        for signal in (catalog.field_changed, catalog.inserted, catalog.removed):
            signal.connect(self._on_change)
        document.totals.changed.connect(self._on_change)
        self.refresh()

    def _colour(self) -> None:
        """The bar's own background, with figures that read on it: in dark mode the pale
        background kept the palette's light text, unreadable."""
        self.setStyleSheet(f"#totalsBar {{ background: {colour(PANEL)}; border-radius: 6px; }}")
        self.ects.setStyleSheet(f"font-size: 15pt; font-weight: 600; color: {colour(FIGURES)};")

    def close_document(self) -> None:
        catalog = self.document.catalog
        for signal in (catalog.field_changed, catalog.inserted, catalog.removed):
            signal.disconnect(self._on_change)
        self.document.totals.changed.disconnect(self._on_change)

    def show_node(self, node: TreeNode | None, rows: list[TreeNode] | None = None) -> None:
        """Show the program of node (the current row) and what is selected: node, or the
        rows, when several are, as their sum."""
        self.node = node
        self.rows = rows if rows and len(rows) > 1 else []
        self.refresh()

    @contextmanager
    def held(self) -> Iterator[None]:
        """The changes made inside shown once, after them: a step that deleted 529 rows
        refreshed the bar 10,000 times, a third of its time."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                self.refresh()

    def _on_change(self, *args: Any) -> None:
        if not self._held:
            self.refresh()

    def refresh(self) -> None:
        node = self.node
        program = node.program() if node is not None else None
        if program is None and len(self.document.catalog.programs) == 1:
            program = self.document.catalog.programs[0]
        # By identity: `in` on the list would compare models field by field, program by
        # program (500 of them), on every edit.
        if program is None or self.document.catalog.get_or_none(program.id) is not program:
            self.ects.setText("")
            if self.document.catalog.programs:
                self.program_title.setText(tr("No program selected"))
                self.pace.setText(tr("Select a unit to see its program's workload and credits."))
            else:  # nothing to select yet
                self.program_title.setText(tr("No program yet"))
                self.pace.setText(
                    tr("Add one with Insert > Add Program (Ctrl+Shift+P) to start a certificate.")
                )
            self.selected.setText("")
            self._describe(None)
            return
        settings = self.document.catalog.settings
        figures = self.document.totals.program(program)
        self.program_title.setText(program.title or tr("(untitled program)"))
        self.ects.setText(figures.ects_text(settings.rounding))
        courses = (
            tr("1 course") if figures.courses == 1 else tr("{0} courses").format(figures.courses)
        )
        weeks = tr("1 week") if figures.weeks == 1 else tr("{0} weeks").format(figures.weeks)
        self.pace.setText(
            tr("{0} at {1} h a week · {2}").format(
                weeks, format_hours(settings.weekly_hours), courses
            )
        )
        unit = node.unit if node is not None else None
        if unit is not None and self.document.catalog.get_or_none(unit.id) is not unit:
            unit = None  # gone in the step held (an undo), before the selection follows
        if self.rows:
            self.selected.setText(self._sum_of_rows())
        elif unit is None or isinstance(unit, Program):
            self.selected.setText("")
        elif isinstance(unit, Item):
            self.selected.setText(tr("Selected: {0} min").format(format_hours(unit.minutes)))
        else:
            hours = format_hours(self.document.totals.hours(unit))
            self.selected.setText(tr("Selected: {0} h").format(hours))
        self._describe(program)

    def _describe(self, program: Program | None) -> None:
        """What a screen reader reads of the bar: its lines as one text. When an edit (not
        another row selected) changes the program's figures, they are announced once the
        edits pause."""
        texts = (self.ects.text(), self.pace.text(), self.selected.text())
        figures = "; ".join(text for text in texts[:2] if text)
        whole = "; ".join(text for text in texts if text)
        self.setAccessibleDescription(f"{self.program_title.text()}: {whole}")
        if program is not None and program is self._program and figures != self._figures:
            self.announce_timer.start()
        elif program is not self._program:
            self.announce_timer.stop()
            self._announced = figures  # read with the row selected: nothing to announce
        self._program, self._figures = program, figures

    def _announce(self) -> None:
        if self._program is not None and self._figures != self._announced:
            self._announced = self._figures
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, self._figures))

    def _sum_of_rows(self) -> str:
        """The selected units' hours together, as a spreadsheet sums a selection; a unit
        selected where two parents show it (a shared course) counts once."""
        catalog, totals = self.document.catalog, self.document.totals
        units = {row.unit.id: row.unit for row in self.rows if row.unit is not None}
        hours = math.fsum(
            totals.hours(unit) for unit in units.values() if catalog.get_or_none(unit.id) is unit
        )
        return tr("{0} selected: {1} h").format(len(units), format_hours(hours))
