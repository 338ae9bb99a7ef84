"""The roadmap page: a course's or program's outcomes across its weeks or courses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from designer.model import Course, Item, Module, Outcome, Program, distinct_titles
from designer.model.catalog import Parent
from designer.roadmap import Roadmap, roadmap, svg_text
from designer.roadmap.layout import INTRODUCED, MASTERED, bloom_name
from designer.roadmap.png import RenderError, write_png
from designer.roadmap.svg import write_problem, write_svg_text
from designer.ui.document import Document
from designer.ui.fields import searchable
from designer.ui.labels import tr
from designer.ui.live_view import LiveView

# Shown in place of the roadmap while there is nothing to draw: the page was a blank grey
# area. (Only the courses of programs are offered, so an empty list means no program.)
NO_PROGRAMS = (  # translated when shown
    "No program yet: add one (Insert > Add Program) to see where its outcomes are "
    "introduced, reinforced and mastered."
)
GAPS_SAID = 5  # the roadmap's description names this many gaps, and counts the others


def describe(found: Roadmap) -> str:
    """The roadmap in words, for a screen reader: for each week or course, the outcomes it
    introduces and masters (with their Bloom level), then the gaps, as the picture shows."""
    columns = len(found.columns)
    kind = found.column_kind.lower()
    parts = [
        f"{found.title}.",
        f"{columns} {kind}{'s' if columns != 1 else ''}, "
        f"{sum(row.id is not None for row in found.rows)} {found.row_kind.lower()}s.",
    ]
    for number, column in enumerate(found.columns):
        said = []
        for mark, verb in ((INTRODUCED, "introduces"), (MASTERED, "masters")):
            outcomes: dict[str, str] = {}
            for cell in found.cells:
                if cell.column == number and mark in cell.marks:
                    outcomes[found.rows[cell.row].label] = bloom_name(cell.bloom)
            if outcomes:
                said.append(f"{verb} " + ", ".join(f"{o} ({b})" for o, b in outcomes.items()))
        if said:
            name = (
                column.heading if found.kind == "course" else f"{column.heading} ({column.title})"
            )
            parts.append(f"{name}: {'; '.join(said)}.")
    if not found.gaps:
        parts.append("No gaps.")
        return " ".join(parts)
    # The columns with nothing in them in one sentence, by their headings: a gap each, with
    # its title, they made most of the text.
    empty = {gap.id for gap in found.gaps_of("empty column")}
    if empty:
        headings = ", ".join(c.heading for c in found.columns if c.id in empty)
        what = "with no outcomes" if found.kind == "course" else "addressing no outcome"
        parts.append(f"{found.column_kind}s {what}: {headings}.")
    gaps = [gap.message for gap in found.gaps if gap.kind != "empty column"]
    if gaps:
        more = len(gaps) - GAPS_SAID
        listed = "; ".join(gaps[:GAPS_SAID]) + (f"; and {more} more" if more > 0 else "")
        parts.append(f"Gaps: {listed}.")
    return " ".join(parts)


class SvgCanvas(QWidget):
    """Draws an SVG at its own size (scrolled when larger than the page)."""

    def __init__(self) -> None:
        super().__init__()
        self.renderer = QSvgRenderer(self)

    def load(self, svg: str) -> None:
        self.renderer.load(QByteArray(svg.encode("utf-8")))
        self.setFixedSize(self.renderer.defaultSize())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.renderer.defaultSize()

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.renderer.render(painter)


class RoadmapView(LiveView):
    """Pick a program or a course; see where each outcome is introduced and mastered."""

    def __init__(self, document: Document) -> None:
        super().__init__(document, delay_ms=400)
        self.svg = ""
        # What the last refresh left out of date: the list of programs and courses (their
        # names), and the roadmap drawn, of the unit with the id _drawn. Refilling the list
        # (5,500 entries at 500 programs) and drawing on every edit froze the window 0.2 s.
        self._names_stale = True
        self._drawing_stale = True
        self._drawn: str | None = None
        catalog = document.catalog
        catalog.field_changed.connect(self._field_changed)
        for signal in (catalog.inserted, catalog.removed, catalog.moved):
            signal.connect(self._list_changed)
        for signal in (catalog.unit_added, catalog.unit_removed):
            signal.connect(self._unit_changed)
        self._listening = True
        # The program or course the designer chose, kept while an edit takes it away: the
        # undo that brings it back brings its roadmap back, not the first program's.
        self._chosen: str | None = None
        self.unit = QComboBox()
        self.unit.setObjectName("roadmapUnit")
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit.setMinimumContentsLength(30)
        # A portfolio offers thousands of courses: typing any part of a title lists those
        # that hold it, to pick from (the list keeps what is shown until one is picked).
        searchable(self.unit)
        line = self.unit.lineEdit()
        assert line is not None
        line.setPlaceholderText(tr("Type part of a title to find a program or course"))
        # Text that picked nothing goes back to the name of what is shown.
        line.editingFinished.connect(
            lambda: line.setText(self.unit.itemText(self.unit.currentIndex()))
        )
        self.export_svg = QPushButton(tr("Export SVG…"))
        self.export_png = QPushButton(tr("Export PNG…"))
        self.canvas = SvgCanvas()
        self.canvas.setObjectName("roadmapCanvas")
        self.canvas.setAccessibleName(tr("Roadmap"))
        self.scroll_area = scroll = QScrollArea()
        scroll.setAccessibleName(tr("Roadmap"))  # it takes the cursor: the arrows scroll it
        scroll.setWidget(self.canvas)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note = QLabel(tr(NO_PROGRAMS))
        self.empty_note.setObjectName("roadmapEmpty")
        self.empty_note.setWordWrap(True)
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.hide()
        top = QHBoxLayout()
        label = QLabel(tr("Roadmap &of"))
        label.setBuddy(self.unit)
        top.addWidget(label)
        top.addWidget(self.unit, 1)
        top.addWidget(self.export_svg)
        top.addWidget(self.export_png)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty_note, 1)
        self.unit.currentIndexChanged.connect(self._choose)
        self.export_svg.clicked.connect(lambda: self.export(None, "svg"))
        self.export_png.clicked.connect(lambda: self.export(None, "png"))

    def close_document(self) -> None:
        super().close_document()
        catalog = self.document.catalog
        if self._listening:
            self._listening = False
            catalog.field_changed.disconnect(self._field_changed)
            for signal in (catalog.inserted, catalog.removed, catalog.moved):
                signal.disconnect(self._list_changed)
            for signal in (catalog.unit_added, catalog.unit_removed):
                signal.disconnect(self._unit_changed)

    def refresh(self) -> None:
        """The list of programs and courses, if the edits since the last refresh changed
        it, and the roadmap, if they changed what it shows."""
        if self._names_stale:
            self._names_stale = False
            self._fill()
        if self._drawing_stale or self.unit.currentData() != self._drawn:
            self._draw()

    def _fill(self) -> None:
        """Offer every program and every course a program uses, keeping the choice. A
        course without weeks is offered too, marked so: a designer who looks for it finds
        it, and its roadmap fills in as its weeks are added."""
        catalog = self.document.catalog
        names = distinct_titles(catalog)
        self.unit.blockSignals(True)
        self.unit.clear()
        for program in catalog.programs:
            self.unit.addItem(tr("Program: {0}").format(names[program.id]), program.id)
        courses = [c for c in catalog.courses.values() if catalog.users(c.id)]
        for course in sorted(courses, key=lambda c: names[c.id].casefold()):
            label = tr("Course: {0}") if course.module_ids else tr("Course: {0} (no weeks yet)")
            self.unit.addItem(label.format(names[course.id]), course.id)
        index = self.unit.findData(self._chosen) if self._chosen is not None else -1
        self.unit.setCurrentIndex(index if index >= 0 else 0)
        if self._chosen is None:  # the first program, shown until the designer picks
            self._chosen = self.unit.currentData()
        self.unit.blockSignals(False)

    # ---- what an edit changed -----------------------------------------------------------

    def _field_changed(self, node: object, field: str, old: object, new: object) -> None:
        if isinstance(node, Program | Course) and field in ("title", "code"):
            self._names_stale = True
        self._touched(node)

    def _list_changed(self, parent: Parent, list_name: str, *args: object) -> None:
        # The programs, the courses they use (and where: "(in MS-BED)"), and whether a
        # course has weeks yet make the list.
        if (
            (parent is None and list_name == "programs")
            or list_name == "course_ids"
            or (
                isinstance(parent, Course)
                and list_name == "module_ids"
                and len(parent.module_ids) <= 1
            )
        ):
            self._names_stale = True
        if parent is not None or list_name == "programs":
            self._touched(parent)

    def _unit_changed(self, unit: object) -> None:
        if isinstance(unit, Course):
            self._names_stale = True

    def _touched(self, node: object) -> None:
        """The roadmap is out of date if node is, or is part of, the unit it shows."""
        if self._drawing_stale or self._drawn is None:
            return
        catalog = self.document.catalog
        try:
            if isinstance(node, Item | Outcome):
                node = catalog.owner(node.id)
            if not isinstance(node, Program | Course | Module):  # the settings, the programs
                self._drawing_stale = True
                return
            units = {node.id}
            if isinstance(node, Module):
                units.update(catalog.users(node.id))
            if not isinstance(node, Program):
                units.update(p for c in list(units) for p in catalog.users(c))
        except KeyError:  # gone from the catalog already: draw again to be sure
            self._drawing_stale = True
            return
        if self._drawn in units:
            self._drawing_stale = True

    def show_roadmap(self, unit_id: str) -> None:
        index = self.unit.findData(unit_id)
        if index >= 0:
            self.unit.setCurrentIndex(index)

    def _choose(self, *args: object) -> None:
        self._chosen = self.unit.currentData()
        if self._names_stale:
            # The list is refilled once edits pause: until then it may offer a unit an edit
            # took away (a program added, then undone), and drawing it raised UnknownUnit.
            # Refilled now, the choice is kept if the unit is still there.
            self.refresh()
            return
        self._draw()

    def _draw(self, *args: object) -> None:
        unit_id = self.unit.currentData()
        self._drawn, self._drawing_stale = unit_id, False
        # Nothing to export before there is a roadmap (the buttons did nothing, silently).
        for button in (self.export_svg, self.export_png):
            button.setEnabled(unit_id is not None)
        self.empty_note.setVisible(unit_id is None)
        self.scroll_area.setVisible(unit_id is not None)
        if unit_id is None:
            self.svg = ""
            self.canvas.load('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')
            self._say("")
            return
        found = roadmap(self.document.catalog, self.document.totals, unit_id)
        self.svg = svg_text(found)
        self.canvas.load(self.svg)
        self._say(describe(found))

    def _say(self, text: str) -> None:
        """A picture says nothing to a screen reader: the roadmap in words, on the picture
        and on the scrolled area that takes the cursor."""
        self.canvas.setAccessibleDescription(text)
        self.scroll_area.setAccessibleDescription(text)

    def export(self, path: str | Path | None, kind: str) -> bool:
        if not self.svg:
            return False
        if path is None:
            pattern = tr("SVG pictures (*.svg)") if kind == "svg" else tr("PNG pictures (*.png)")
            path, _ = QFileDialog.getSaveFileName(self, tr("Export roadmap"), "", pattern)
            if not path:
                return False
        try:
            if kind == "svg":
                write_svg_text(self.svg, path)
            else:
                write_png(self.svg, path)
        except (OSError, RenderError) as error:
            QMessageBox.warning(self, tr("Cannot export"), write_problem(path, error))
            return False
        return True
