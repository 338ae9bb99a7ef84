"""The stackability view: how much of each certificate another covers, as matrix and graph."""

from __future__ import annotations

import itertools
from typing import Any, NamedTuple

import networkx as nx
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QShortcut,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from designer.model import Program
from designer.model.totals import format_hours
from designer.progress import ProgressCallback
from designer.sharing.overlap import Overlap, overlap_matrix, pair_graph, sharing_graph
from designer.ui.background import Work
from designer.ui.colours import CHOSEN, follow_scheme, is_dark, qcolour
from designer.ui.document import Document
from designer.ui.fields import FittedLabel
from designer.ui.labels import tr
from designer.ui.live_view import BackgroundView

Index = QModelIndex | QPersistentModelIndex
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
PAIR_PROMPT = "Click a cell to see what the two certificates share."  # translated when shown
NO_PROGRAMS = (  # translated when shown
    "No certificates yet: add them (Insert > Add Program) to see what they share."
)
ONE_PROGRAM = "Add a second certificate to see what the two share."  # translated when shown
# A certificate's name in the matrix's headers, in pixels, by the header's orientation: a
# title (or a long code) cut to it leaves the cells in view; the tooltip has it whole. The
# columns are as narrow as their cells, and follow the rows' order (wider with a larger
# font, as the cells are: see StackabilityView).
HEADER_NAME_WIDTHS = {Qt.Orientation.Vertical: 130, Qt.Orientation.Horizontal: 66}
# A name in the graph, in pixels at life size, by the kind of node: longer ones are cut.
NODE_NAME_WIDTHS = {"program": 150, "course": 280}
ZOOM_STEP = 1.25  # one notch of the wheel, or one Ctrl+= / Ctrl+-
MOST_ZOOM = 4.0  # four times life size: a course's name is large enough by far
# The graph opens no smaller than this, with scroll bars if it does not fit: smaller, its
# names are too small to read (Fit, or zooming out, still shows it whole).
READABLE_ZOOM = 0.8
# From this many certificates the graph first shows the chosen pair's part only: the whole
# of 500 fits the page at 2 %, too small to read.
AROUND_FROM = 50
PAIR_GRAPH_PROMPT = (  # translated when shown
    "Click a cell of the matrix: the graph shows its two certificates, the courses they "
    "share, and the other certificates that share those."
)


GraphShape = tuple[tuple[Any, ...], tuple[Any, ...]]


def graph_shape(graph: nx.Graph) -> GraphShape:
    """What the sharing graph draws: its nodes with their labels, and its edges."""
    nodes = tuple((node, tuple(sorted(data.items()))) for node, data in graph.nodes(data=True))
    return nodes, tuple(graph.edges())


def node_text(unit_id: str, attributes: dict[str, Any], font: QFont) -> str:
    """The name on a node of the sharing graph, cut to its kind's width."""
    # Programs by code keep the picture readable; the full title is in the tooltip.
    name = attributes.get("code") or attributes.get("label", unit_id)
    width = NODE_NAME_WIDTHS[attributes.get("kind", "course")]
    return QFontMetricsF(font).elidedText(name, Qt.TextElideMode.ElideRight, width)


def header_name(program: Program, width: int, font: QFont) -> str:
    """A certificate's code, else its title, cut to the width of a matrix header."""
    name = program.code or program.title
    return QFontMetricsF(font).elidedText(name, Qt.TextElideMode.ElideRight, width)


def chosen_pen() -> QPen:
    """The bold outline of the two certificates of the pair chosen in the matrix: a dark
    blue on the light base, a light one on the dark base (the dark blue was lost in it)."""
    return QPen(qcolour(CHOSEN), 3.5)


def coverage_colour(coverage: float) -> QColor:
    """White for nothing shared, deepening blue as the coverage grows. In dark mode, from
    the dark base of the views instead: white cells glared among the dark ones (the
    diagonal's, the headers'), and the light text reads on every shade up to the blue."""
    light = QColor("#ffffff")
    if is_dark():
        light = QApplication.palette().color(QPalette.ColorRole.Base)
    deep = QColor("#2f6db5")
    t = max(0.0, min(1.0, coverage))
    return QColor(
        round(light.red() + (deep.red() - light.red()) * t),
        round(light.green() + (deep.green() - light.green()) * t),
        round(light.blue() + (deep.blue() - light.blue()) * t),
    )


class OverlapMatrix(QAbstractTableModel):
    """Rows: the program a learner holds; columns: the program they aim for."""

    def __init__(self) -> None:
        super().__init__()
        self.programs: list[Program] = []
        self.cells: dict[tuple[str, str], Overlap] = {}
        self.header_font = QFont()  # the headers', which names are cut to fit
        self.name_widths = dict(HEADER_NAME_WIDTHS)  # the room for them, by orientation

    def set_data(self, programs: list[Program], cells: dict[tuple[str, str], Overlap]) -> None:
        self.beginResetModel()
        self.programs = list(programs)
        self.cells = cells
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.programs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.programs)

    def overlap_at(self, index: Index) -> Overlap | None:
        source, target = self.programs[index.row()], self.programs[index.column()]
        return self.cells.get((source.id, target.id))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        program = self.programs[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header_name(program, self.name_widths[orientation], self.header_font)
        if role == Qt.ItemDataRole.ToolTipRole:
            held = tr("Holds") if orientation == Qt.Orientation.Vertical else tr("Aims for")
            code = f" ({program.code})" if program.code else ""
            return f"{held}: {program.title}{code}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.row() == index.column():
            if role == Qt.ItemDataRole.DisplayRole:
                return "—"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        overlap = self.overlap_at(index)
        coverage = overlap.coverage if overlap else 0.0
        if role == Qt.ItemDataRole.DisplayRole:
            if overlap is None:
                return ""
            # A shared course without hours yet (a new one) is shared all the same: 0 h.
            return f"{format_hours(overlap.shared_hours)} h\n{100 * coverage:.0f} %"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(coverage_colour(coverage))
        if role == Qt.ItemDataRole.ForegroundRole:
            if is_dark():  # every shade from the dark base to the blue is dark
                return QApplication.palette().brush(QPalette.ColorRole.Text)
            return QBrush(QColor("#ffffff" if coverage > 0.55 else "#202124"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and overlap is not None:
            source, target = self.programs[index.row()], self.programs[index.column()]
            return tr("A holder of {0} has {1} h of {2} ({3:.0f} %): {4}").format(
                source.title,
                format_hours(overlap.shared_hours),
                target.title,
                100 * coverage,
                tr(overlap.relation),
            )
        return None


class SharingGraph(QGraphicsView):
    """Programs and the courses they share, laid out by networkx.

    The whole graph is shown, and stays whole as the view is resized, until the designer
    zooms (Ctrl+wheel, or zoom_in and zoom_out); fit shows it whole again. It opens no
    smaller than READABLE_ZOOM, though: a graph too large for the view at that zoom opens
    at it, centred, with scroll bars, until fit shows it whole.

    From the keyboard, the arrow keys go from node to node in reading order (Home and End
    to the first and last), and Enter or Space opens the node's unit, as a click does.

    Signals:
        unit_clicked(str): the id of the program or course clicked.
        zoomed(float): the scale the graph is now drawn at (1.0: life size).
    """

    unit_clicked = Signal(str)
    zoomed = Signal(float)

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.fitted = True  # the whole graph is in view, and kept so when the view resizes
        self.readable = True  # ... no smaller than READABLE_ZOOM, until fit is asked for
        self.pressed_at = QPoint()  # where the mouse button went down, in the viewport
        self.nodes: dict[str, QGraphicsRectItem | QGraphicsEllipseItem] = {}
        self.structure: tuple[Any, ...] = ()  # the nodes and edges on screen
        bold = QFont()
        bold.setBold(True)
        self.looks = {  # a node's fill, outline and font, by its kind
            "program": (QBrush(QColor("#dbe7f6")), QPen(QColor("#2f6db5"), 1.5), bold),
            "course": (QBrush(QColor("#fff1b8")), QPen(QColor("#b08800")), QFont()),
        }
        follow_scheme(self._recolour)

    def show_graph(self, graph: nx.Graph, empty_text: str = "") -> None:
        """Draw the graph; when only names changed, relabel the shapes on screen instead.
        An empty graph shows empty_text, else that no course is shared yet.

        A large catalog's graph is a thousand shapes: building them again, and deleting
        the old ones, froze the window for a quarter of a second.
        """
        structure = (tuple(graph.nodes), tuple(graph.edges()))
        centre = self.mapToScene(self.viewport().rect().center())
        scene = self.scene()
        if structure == self.structure:
            for node, attributes in graph.nodes(data=True):
                self._label(self.nodes[node[1]], attributes)
        else:
            self.structure = structure
            scene.clear()
            self.nodes = {}
            if graph.number_of_nodes() == 0:
                text = scene.addText(empty_text or tr("No course is shared between programs yet."))
                text.setTextWidth(360)
            else:
                self._draw(graph)
        # The scene is the graph as drawn now, not all it has ever held: the scroll bars
        # reach no further, and a fit shows it all.
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-30, -30, 30, 30))
        if self.fitted:
            self.refit()
        else:
            self.centerOn(centre)  # at the zoom the designer chose, where they were

    def _recolour(self) -> None:
        """What the graph says when it is empty, in the palette's text colour now: a
        scene's text keeps the one of when it was made, black on the dark base once the
        system went dark. The chosen pair's outline too. (The nodes have their own light
        fills, which their black names read on in both schemes.)"""
        for item in self.scene().items():
            if isinstance(item, QGraphicsTextItem):
                item.setDefaultTextColor(QApplication.palette().color(QPalette.ColorRole.Text))
        for shape in self.nodes.values():
            if shape.data(1):
                shape.setPen(chosen_pen())

    def _draw(self, graph: nx.Graph) -> None:
        """The links, as one path, then the nodes over them."""
        scene = self.scene()
        points = self._layout(graph)
        edges = QPainterPath()  # one item for every line: a few thousand of them
        for a, b in graph.edges():
            edges.moveTo(points[a])
            edges.lineTo(points[b])
        pen = QPen(QColor("#9aa0a6"))
        pen.setWidthF(1.2)
        scene.addPath(edges, pen)
        for node, attributes in graph.nodes(data=True):
            self._add_node(node, attributes, points[node])

    @property
    def zoom(self) -> float:
        """The scale the graph is drawn at: 1.0 is life size."""
        return self.transform().m11()

    def fitting_zoom(self) -> float:
        """The scale that shows the whole graph, at most life size: the least zoom."""
        view = QRectF(self.viewport().rect()).adjusted(2, 2, -2, -2)  # no scroll bars then
        area = self.sceneRect()
        if view.isEmpty() or area.isEmpty():
            return 1.0
        # A small graph is not blown up: its names stay the size of the rest of the window's.
        return min(1.0, view.width() / area.width(), view.height() / area.height())

    def fit(self) -> None:
        """Show the whole graph, and keep it whole when the view is resized."""
        self.readable = False
        self.refit()

    def refit(self) -> None:
        """Show the whole graph again, no smaller than READABLE_ZOOM until fit is asked for."""
        self.fitted = True
        zoom = self.fitting_zoom()
        self._set_zoom(max(zoom, READABLE_ZOOM) if self.readable else zoom)
        self.centerOn(self.sceneRect().center())

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_by(self, factor: float, at: QPoint | None = None) -> None:
        """Scale the graph, between the whole graph in view and MOST_ZOOM, keeping what is
        at `at` (a point of the viewport; by default its centre) where it is."""
        if at is None:
            at = self.viewport().rect().center()
        anchor = self.mapToScene(at)
        self.fitted = False
        self._set_zoom(max(self.fitting_zoom(), min(MOST_ZOOM, self.zoom * factor)))
        centre = self.mapToScene(self.viewport().rect().center())
        self.centerOn(centre + anchor - self.mapToScene(at))

    def _set_zoom(self, zoom: float) -> None:
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.zoomed.emit(zoom)

    def wheelEvent(self, event: Any) -> None:  # noqa: N802
        """Ctrl+wheel zooms, about the point under the mouse; the wheel alone scrolls."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        notches = event.angleDelta().y() / 120  # a touchpad sends parts of a notch
        if notches:
            self.zoom_by(ZOOM_STEP**notches, event.position().toPoint())
        event.accept()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.fitted:
            self.refit()

    def _layout(self, graph: nx.Graph) -> dict[Any, QPointF]:
        """Programs on a ring; the courses a set of programs shares stacked between them.

        A node never covers another: it goes to the nearest row with room for it, as a
        name hidden under another would stay hidden at any zoom.
        """
        programs = [n for n, kind in graph.nodes(data="kind") if kind == "program"]
        ring = nx.circular_layout(programs) if len(programs) > 1 else {programs[0]: (0.0, 0.0)}
        # Flatter than a circle: names are wide and low, and so is the page's graph.
        wide = 180 + 24 * len(programs)
        high = 0.6 * wide
        row_height = QFontMetricsF(self.looks["course"][2]).height() + 16
        taken: dict[int, list[tuple[float, float]]] = {}  # the spans of x used in each row

        def place(node: Any, x: float, y: float) -> QPointF:
            """The row nearest y, going up and down in turn, where the node fits at x."""
            font = self.looks[node[0]][2]
            text = node_text(node[1], graph.nodes[node], font)
            half = QFontMetricsF(font).horizontalAdvance(text) / 2 + 24
            left, right = x - half, x + half
            first = round(y / row_height)
            rows = (first + (n + 1) // 2 * (1 if n % 2 else -1) for n in itertools.count())
            row = next(r for r in rows if all(right <= a or left >= b for a, b in taken.get(r, ())))
            taken.setdefault(row, []).append((left, right))
            return QPointF(x, row * row_height)

        points = {n: place(n, float(x) * wide, float(y) * high) for n, (x, y) in ring.items()}
        groups: dict[tuple[Any, ...], list[Any]] = {}
        for node, kind in graph.nodes(data="kind"):
            if kind == "course":
                groups.setdefault(tuple(sorted(graph.neighbors(node))), []).append(node)
        for users, courses in groups.items():
            centre = sum((points[u] for u in users), QPointF()) / len(users)
            # Courses used by two programs sit nearer those two than the middle of the ring.
            centre = centre * (1.25 if len(users) == 2 else 1.0)
            for number, course in enumerate(courses):
                y = centre.y() + (number - (len(courses) - 1) / 2) * row_height
                points[course] = place(course, centre.x(), y)
        return points

    def _add_node(self, node: Any, attributes: dict[str, Any], at: QPointF) -> None:
        kind, unit_id = node
        shape = QGraphicsRectItem() if kind == "program" else QGraphicsEllipseItem()
        brush, _, font = self.looks[kind]
        shape.setBrush(brush)
        shape.setPos(at)
        shape.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        shape.setData(0, unit_id)
        QGraphicsSimpleTextItem(shape).setFont(font)
        self._label(shape, attributes)
        self.scene().addItem(shape)
        self.nodes[unit_id] = shape

    def _label(
        self, shape: QGraphicsRectItem | QGraphicsEllipseItem, attributes: dict[str, Any]
    ) -> None:
        """Name a node's shape and size the shape around the name, centred where it stands;
        outline a certificate of the pair chosen in the matrix boldly."""
        kind = "program" if isinstance(shape, QGraphicsRectItem) else "course"
        chosen = bool(attributes.get("chosen"))
        shape.setData(1, chosen)  # read again when the scheme changes (_recolour)
        shape.setPen(chosen_pen() if chosen else self.looks[kind][1])
        unit_id = shape.data(0)
        label = shape.childItems()[0]
        assert isinstance(label, QGraphicsSimpleTextItem)
        label.setText(node_text(unit_id, attributes, self.looks[kind][2]))
        text = label.boundingRect()
        label.setPos(-text.width() / 2, -text.height() / 2)
        box = QRectF(label.pos(), text.size()).adjusted(-8, -5, 8, 5)
        if isinstance(shape, QGraphicsEllipseItem):
            box = box.adjusted(-6, -2, 6, 2)
        shape.setRect(box)
        shape.setToolTip(attributes.get("label", unit_id))

    def current(self) -> str | None:
        """The id of the node chosen by keyboard or click; None if none is."""
        chosen = [item for item in self.scene().selectedItems() if item.data(0) is not None]
        return chosen[0].data(0) if chosen else None

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        current = self.current()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and current:
            self.unit_clicked.emit(current)
        elif self.nodes and key in (*steps, Qt.Key.Key_Home, Qt.Key.Key_End):
            # Top to bottom, then left to right: the order in which the graph is read.
            order = sorted(self.nodes, key=lambda n: (self.nodes[n].y(), self.nodes[n].x()))
            if key == Qt.Key.Key_Home or (current is None and steps.get(key) == 1):
                self.choose(order[0])
            elif key == Qt.Key.Key_End or current is None:
                self.choose(order[-1])
            else:
                at = order.index(current) + steps[key]
                self.choose(order[min(max(at, 0), len(order) - 1)])
        else:
            super().keyPressEvent(event)

    def choose(self, unit_id: str) -> None:
        """Mark one node as chosen and bring it into view."""
        shape = self.nodes[unit_id]
        self.scene().clearSelection()
        shape.setSelected(True)
        self.ensureVisible(shape)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        super().mousePressEvent(event)
        self.pressed_at = event.position().toPoint()

    def mouseReleaseEvent(self, event: Any) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if (point - self.pressed_at).manhattanLength() >= QApplication.startDragDistance():
            return  # the graph was dragged along, not clicked
        item = self.itemAt(point)
        while item is not None and item.data(0) is None:
            item = item.parentItem()
        if item is not None:
            self.unit_clicked.emit(item.data(0))


class Stackability(NamedTuple):
    """What the page shows, computed in the background."""

    programs: list[Program]
    cells: dict[tuple[str, str], Overlap]
    graph: nx.Graph
    shape: GraphShape


class StackabilityView(BackgroundView):
    """The matrix, the list of what a chosen pair shares, and the sharing graph.

    Computed in the background (a quarter of a second for 500 programs): see BackgroundView.
    """

    def __init__(self, document: Document) -> None:
        super().__init__(
            document,
            delay_ms=300,
            cancelled_text=tr("Cancelled — the overlaps below may be out of date."),
            failed_text=tr("The overlaps could not be computed: {0}"),
        )
        self.shown_shape: GraphShape | None = None  # of the graph on screen
        self.whole: Stackability | None = None  # the last result: the whole graph
        self.chosen: tuple[str, str] | None = None  # ids of the pair of the cell chosen last
        self.matrix = OverlapMatrix()
        self.table = QTableView()
        self.table.setObjectName("overlapMatrix")
        self.table.setAccessibleName(tr("Stackability matrix"))
        # The arrows go from cell to cell (each shows what its pair shares); Tab leaves the
        # matrix for the list below, rather than visiting every cell of it.
        self.table.setTabKeyNavigation(False)
        self.table.setModel(self.matrix)
        self.matrix.header_font = self.table.horizontalHeader().font()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Cells as large as their two lines ("270 h", "87 %") in the window's font, and the
        # columns' names as wide as their cells: 78 x 44 px cut a cell to "270 …" and a
        # code to "MS-F…" at a 14 pt font.
        metrics = self.table.fontMetrics()
        column = max(78, metrics.horizontalAdvance("1,000 h") + 20)
        self.table.horizontalHeader().setDefaultSectionSize(column)
        self.table.verticalHeader().setDefaultSectionSize(max(44, 2 * metrics.lineSpacing() + 12))
        self.matrix.name_widths[Qt.Orientation.Horizontal] = column - 12
        self.caption = QLabel(
            tr(
                "Rows: the certificate a learner holds. Columns: the one they "
                "aim for. Each cell: hours already covered and the share of "
                "the target."
            )
        )
        self.caption.setWordWrap(True)
        # A FittedLabel: a word-wrapped QLabel is as wide as its longest word, and a title
        # typed without spaces made the window thousands of pixels wide (even while
        # another page was shown).
        self.pair = FittedLabel()
        self.shared = QListWidget()
        self.shared.setObjectName("sharedUnits")
        self.shared.setAccessibleName(tr("What the chosen pair shares"))
        self.graph = SharingGraph()
        self.graph.setObjectName("sharingGraph")
        self.graph.setAccessibleName(tr("Sharing graph"))
        self.graph.setAccessibleDescription(
            tr("The certificates and the courses they share; the matrix gives the same figures")
        )
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("graphZoom")
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.zoom_label.setMinimumWidth(
            self.zoom_label.fontMetrics().horizontalAdvance(f"{100 * MOST_ZOOM:.0f} %")
        )
        self.zoom_out_button = QPushButton(tr("Zoom Out"))
        self.zoom_in_button = QPushButton(tr("Zoom In"))
        self.fit_button = QPushButton(tr("Fit"))
        zoom_keys = (
            (self.zoom_in_button, tr("Zoom in (Ctrl+= or Ctrl+wheel)"), self.graph.zoom_in),
            (self.zoom_out_button, tr("Zoom out (Ctrl+- or Ctrl+wheel)"), self.graph.zoom_out),
            (self.fit_button, tr("Show the whole graph (Ctrl+0)"), self.graph.fit),
        )
        for button, tip, slot in zoom_keys:
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys keep acting on the page
            button.clicked.connect(slot)

        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.pair)
        layout.addWidget(self.shared, 2)
        right = QWidget()
        graph_layout = QVBoxLayout(right)
        graph_layout.setContentsMargins(6, 6, 6, 6)
        self.around = QCheckBox(tr("Only the chosen pair"))
        self.around.setObjectName("graphAroundPair")
        self.around.setToolTip(
            tr(
                "Show the two certificates of the cell chosen in the matrix, the courses they "
                "share and the other certificates that share those, not the whole portfolio"
            )
        )
        self.around.toggled.connect(self._show_graph)
        heading = QLabel(tr("Certificates and the courses they share"))
        heading.setWordWrap(True)  # the window may be as narrow as before the pair's box
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(heading, 1)
        zoom_row.addWidget(self.around)
        zoom_row.addWidget(self.zoom_label)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            zoom_row.addWidget(button)
        graph_layout.addLayout(zoom_row)
        graph_layout.addWidget(self.graph)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([700, 700])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.grey_while_working(self.table)
        # The cell under the cursor, however it got there (a click, the arrow keys).
        self.table.selectionModel().currentChanged.connect(lambda index, _: self.show_pair(index))
        self.table.clicked.connect(self.show_pair)
        self.shared.itemActivated.connect(self._unit_activated)
        self.shared.itemClicked.connect(self._unit_activated)
        self.graph.unit_clicked.connect(self.unit_chosen.emit)
        self.graph.zoomed.connect(lambda zoom: self.zoom_label.setText(f"{100 * zoom:.0f} %"))
        self.zoom_controls: list[QWidget | QShortcut] = [
            self.zoom_label,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
        ]
        # The zoom keys work anywhere on the page: the graph is all it zooms.
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.graph.zoom_in),
            ("Ctrl+=", self.graph.zoom_in),  # Ctrl++ without Shift, as most keyboards have it
            (QKeySequence.StandardKey.ZoomOut, self.graph.zoom_out),
            ("Ctrl+0", self.graph.fit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.zoom_controls.append(shortcut)
        self._follow_count(len(document.catalog.programs))  # until the matrix comes

    def work(self) -> tuple[Work, str]:
        catalog, totals = self.document.catalog, self.document.totals

        def compute(progress: ProgressCallback) -> Stackability:
            cells = overlap_matrix(catalog, totals, progress=progress)
            graph = sharing_graph(catalog)
            for program in catalog.programs:
                graph.nodes[("program", program.id)]["code"] = program.code
            return Stackability(list(catalog.programs), cells, graph, graph_shape(graph))

        return compute, tr("Comparing {0} certificates…").format(f"{len(catalog.programs):,}")

    def show_result(self, result: Stackability) -> None:
        self.matrix.set_data(result.programs, result.cells)
        if self.whole is None:  # the document's first: a large portfolio starts with a pair
            self.around.blockSignals(True)
            self.around.setChecked(len(result.programs) >= AROUND_FROM)
            self.around.blockSignals(False)
        self.whole = result
        self._show_graph()
        self.shared.clear()
        self._follow_count(len(result.programs))  # the cell it described may say otherwise now

    def _follow_count(self, count: int) -> None:
        """Prompt for a pair, and offer the controls, as far as this many certificates allow:
        nothing to zoom without one, no pair to choose without two."""
        self.pair.setText(
            tr(NO_PROGRAMS if count == 0 else ONE_PROGRAM if count == 1 else PAIR_PROMPT)
        )
        for control in self.zoom_controls:
            control.setEnabled(count > 0)
        self.around.setEnabled(count > 1)

    def _show_graph(self) -> None:
        """The whole graph, or the chosen pair's part of it (pair_graph)."""
        if self.whole is None:
            return
        graph, shape = self.whole.graph, self.whole.shape
        if self.around.isChecked():
            graph = pair_graph(graph, self.chosen)
            for program_id in self.chosen or ():
                if ("program", program_id) in graph:
                    graph.nodes[("program", program_id)]["chosen"] = True
            shape = graph_shape(graph)
        # Most edits change hours, not what is shared or what it is called: the graph then
        # stays as it is (and a new name only relabels it: see SharingGraph.show_graph).
        if shape != self.shown_shape:
            empty = PAIR_GRAPH_PROMPT if self.whole.programs else NO_PROGRAMS
            self.graph.show_graph(graph, tr(empty))
            self.shown_shape = shape

    def show_pair(self, index: QModelIndex) -> None:
        """What the cell's two certificates share, found in the summary on screen: until
        the next one is shown after an edit, it may name units that have left since."""
        self.shared.clear()
        if not index.isValid() or index.row() == index.column():
            self._follow_count(len(self.matrix.programs))
            return
        source = self.matrix.programs[index.row()]
        target = self.matrix.programs[index.column()]
        self.chosen = (source.id, target.id)
        if self.around.isChecked():
            self._show_graph()
        overlap = self.matrix.overlap_at(index)
        if overlap is None:
            self.pair.setText(tr("{0} and {1} share nothing.").format(source.title, target.title))
            return
        if overlap.shared_hours <= 0:
            self.pair.setText(
                tr("{0} and {1} share these, with no hours in them yet:").format(
                    source.title, target.title
                )
            )
        else:
            self.pair.setText(
                tr("A holder of {0} already has {1} h of {2} ({3:.0f} %):").format(
                    source.title,
                    format_hours(overlap.shared_hours),
                    target.title,
                    100 * overlap.coverage,
                )
            )
        catalog, totals = self.document.catalog, self.document.totals
        for unit_id in (*overlap.shared_courses, *overlap.shared_modules):
            unit = catalog.courses.get(unit_id) or catalog.modules.get(unit_id)
            if unit is None:
                continue  # gone since (the summary is redone once edits pause)
            kind = tr("course") if unit_id in catalog.courses else tr("module")
            text = f"{unit.title}  ({kind}, {format_hours(totals.hours(unit))} h)"
            item = QListWidgetItem(text)
            item.setData(UNIT_ROLE, unit_id)
            self.shared.addItem(item)

    def _unit_activated(self, item: QListWidgetItem) -> None:
        self.unit_chosen.emit(item.data(UNIT_ROLE))
