"""The curriculum tree: programs, their courses, modules and items, over the live catalog."""

from __future__ import annotations

import json
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from operator import is_
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont

from designer.model import Course, Item, Module, Outcome, Program
from designer.model.catalog import Catalog, Parent
from designer.model.copying import snippet, snippets
from designer.model.edits import SetField
from designer.model.totals import format_hours
from designer.ui.colours import SECONDARY, SHARED_PLACE, qcolour
from designer.ui.document import Document
from designer.ui.fields import one_line
from designer.ui.labels import item_kind_label

# Dragged rows: the tree they come from and their paths there. A drop onto the same tree
# moves or shares the units; onto another window's, they travel as what Copy puts on the
# clipboard (SNIPPET_MIME for one row, SNIPPETS_MIME for several) and copies are added.
MIME_TYPE = "application/x-curriculum-designer-tree-path"
SNIPPET_MIME = "application/x-curriculum-designer-snippet"
SNIPPETS_MIME = "application/x-curriculum-designer-snippets"  # several rows: Snippets
Index = QModelIndex | QPersistentModelIndex
Unit = Program | Course | Module | Item
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
OPEN_LIMIT = 300  # rows a filter opens at most: the first matches in full, then programs
# Seconds of indexing for the filter at a time, between the window's events. With 4 ms and
# events between every slice, the index was not always ready for a first letter typed
# 0.3 s after the click into the filter (500 programs).
SLICE = 0.008
SEARCHED_AGAIN = 10_000  # units found by a text, at most, to search again for a longer one

TITLE, KIND, HOURS, SHARE, SHARED = range(5)
# "Workload", not "Hours": items are counted in minutes ("15 min" under "10 h").
HEADERS = ["Title", "Type", "Workload", "Share", "Shared"]
LIST_OF: dict[type, str] = {Program: "course_ids", Course: "module_ids", Module: "items"}
# The roles data() answers; a view asks for about ten per cell each time it paints a row.
ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        NODE_ROLE,
    }
)
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
)
TITLE_FLAGS = ROW_FLAGS | Qt.ItemFlag.ItemIsEditable  # a title is renamed in place (F2)


def row_flags(index: Index) -> Qt.ItemFlag:
    """A row's flags, the same in every row (asked for each row painted): a title can be
    renamed in place, and the space below the rows takes drops."""
    if not index.isValid():
        return Qt.ItemFlag.ItemIsDropEnabled
    return TITLE_FLAGS if index.column() == TITLE else ROW_FLAGS


class TreeNode:
    """One place in the tree; a shared unit has one node for each place it appears."""

    __slots__ = ("unit", "parent", "children")

    def __init__(self, unit: Unit | None, parent: TreeNode | None) -> None:
        self.unit = unit
        self.parent = parent
        self.children: list[TreeNode] | None = None  # built when first asked for

    def row(self) -> int:
        """The node's row under its parent (never asked of the root or of a removed row)."""
        assert self.parent is not None and self.parent.children is not None
        # Nodes compare by identity, so list.index finds this very node, in C: Qt asks for
        # rows all the time (every parent() call), and a program has 500 siblings.
        return self.parent.children.index(self)

    def top(self) -> TreeNode:
        """The node at the top of its branch: the tree's root, unless the node was removed
        or is inside a removed one (a row removed is cut from its parent, the rows below it
        are not)."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    def program(self) -> Program | None:
        node: TreeNode | None = self
        while node is not None:
            if isinstance(node.unit, Program):
                return node.unit
            node = node.parent
        return None


DropHandler = Callable[[list[TreeNode], TreeNode, int, bool], bool]
CopyHandler = Callable[[QMimeData, TreeNode, int], bool]
Ids = dict[str, None]  # unit ids, as a dict's keys (TreeFilter says why)


class CurriculumTreeModel(QAbstractItemModel):
    """Adapter from the catalog to Qt views; follows the catalog's change signals.

    Signals (what TreeFilter searches changed, shown or not):
        listed(object, object, bool): a unit was added to (True) or removed from (False)
            a list of the tree, parent first (None for the programs); for a course or a
            module, one use of it.
        pooled(object, bool): a course or module joined (True) or left the catalog's pool.
        text_changed(object): a unit's title, code or outcomes, or an outcome's text,
            changed (the unit or the outcome).
    """

    listed = Signal(object, object, bool)
    pooled = Signal(object, bool)
    text_changed = Signal(object)

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.catalog = document.catalog
        self.root = TreeNode(None, None)
        self._places: dict[str, list[TreeNode]] = {}
        # The nodes of removed rows, kept until the tree closes: see _on_about_to_remove.
        self._removed: list[TreeNode] = []
        self.highlight_id: str | None = None
        self._unhighlighted: set[str] = set()  # ids whose rows to repaint (set_highlight)
        self._repaint = QTimer(self)
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(0)
        self._repaint.timeout.connect(self._repaint_highlight)
        self.drop_handler: DropHandler | None = None  # rows dragged inside this tree
        self.copy_handler: CopyHandler | None = None  # rows dragged from another window
        self._token = uuid.uuid4().hex  # tells this tree's drags from other windows'
        self.catalog.inserted.connect(self._on_inserted)
        self.catalog.about_to_remove.connect(self._on_about_to_remove)
        self.catalog.removed.connect(self._on_removed)
        self.catalog.moved.connect(self._on_moved)
        self.catalog.field_changed.connect(self._on_field_changed)
        self.catalog.unit_added.connect(self._on_unit_added)
        self.catalog.unit_removed.connect(self._on_unit_removed)
        document.totals.changed.connect(self._on_totals_changed)

    def close(self) -> None:
        self.catalog.inserted.disconnect(self._on_inserted)
        self.catalog.about_to_remove.disconnect(self._on_about_to_remove)
        self.catalog.removed.disconnect(self._on_removed)
        self.catalog.moved.disconnect(self._on_moved)
        self.catalog.field_changed.disconnect(self._on_field_changed)
        self.catalog.unit_added.disconnect(self._on_unit_added)
        self.catalog.unit_removed.disconnect(self._on_unit_removed)
        self.document.totals.changed.disconnect(self._on_totals_changed)
        # The nodes refer to their parents and children: freed by reference counting once
        # apart, rather than waiting for the collector (which skips the frozen ones).
        nodes = [self.root, *self._removed]
        self._removed = []
        while nodes:
            node = nodes.pop()
            nodes.extend(node.children or ())
            node.parent = node.children = None
        self._places = {}

    # ---- structure ----------------------------------------------------------------------

    def node(self, index: Index) -> TreeNode:
        return index.internalPointer() if index.isValid() else self.root

    def places(self, unit_id: str) -> list[TreeNode]:
        """The tree nodes built so far for a unit."""
        return list(self._places.get(unit_id, ()))

    def built_count(self) -> int:
        """How many tree nodes exist: a node's children are built when first asked for
        (shown), so a large catalog costs what is on screen, not what is in the file."""
        return sum(len(nodes) for nodes in self._places.values())

    def first_place(self, unit_id: str) -> TreeNode | None:
        """A tree node showing the unit, building the path to it if needed."""
        unit = self.catalog.get_or_none(unit_id)
        if unit is None:
            return None
        if isinstance(unit, Program):
            parents = [self.root]
        elif isinstance(unit, Course | Module):
            parents = [p for u in self.catalog.users(unit_id) if (p := self.first_place(u))]
        else:
            owner = self.first_place(self.catalog.owner(unit_id).id)
            parents = [owner] if owner is not None else []
        for parent in parents:
            for node in self._children(parent):
                if node.unit is unit:
                    return node
        return None

    def index_of(self, node: TreeNode, column: int = 0) -> QModelIndex:
        if node is self.root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    def child_units(self, node: TreeNode) -> list[Any]:
        unit = node.unit
        if unit is None:
            return self.catalog.programs
        if isinstance(unit, Program):
            return self.catalog.courses_of(unit)
        if isinstance(unit, Course):
            return self.catalog.modules_of(unit)
        if isinstance(unit, Module):
            return unit.items
        return []

    def _children(self, node: TreeNode) -> list[TreeNode]:
        if node.children is None:
            node.children = [self._new_node(unit, node) for unit in self.child_units(node)]
        return node.children

    def child_nodes(self, node: TreeNode) -> list[TreeNode]:
        """The nodes of the rows below node, built if they were not."""
        return self._children(node)

    def child_node(self, node: TreeNode, row: int) -> TreeNode | None:
        """The node of the row'th row below node (what index() points to, without making
        an index: the filter asks for every row it tests)."""
        children = self._children(node)
        return children[row] if 0 <= row < len(children) else None

    def _new_node(self, unit: Unit, parent: TreeNode) -> TreeNode:
        node = TreeNode(unit, parent)
        self._places.setdefault(unit.id, []).append(node)
        return node

    def _forget(self, node: TreeNode) -> None:
        assert node.unit is not None
        places = self._places[node.unit.id]
        places.remove(next(n for n in places if n is node))
        if not places:
            del self._places[node.unit.id]
        for child in node.children or ():
            self._forget(child)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        # node() and _children() written out: Qt asks for an index on nearly every call it
        # makes through the filter, thousands of times when a filtered tree is laid out.
        node = parent.internalPointer() if parent.isValid() else self.root
        children = node.children if node.children is not None else self._children(node)
        if not (0 <= row < len(children) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    # Qt's parent() is overloaded (QObject's and the model's); this is the model's.
    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent = self.node(index).parent
        return self.index_of(parent) if parent is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if parent.column() > 0:
            return 0
        return len(self._children(self.node(parent)))

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        if parent.column() > 0:
            return False
        node = self.node(parent)
        return bool(node.children) if node.children is not None else bool(self.child_units(node))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return len(HEADERS)

    # ---- data ---------------------------------------------------------------------------

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr(HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (HOURS, SHARE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        node = self.node(index)
        unit = node.unit
        assert unit is not None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, unit, column)
        if role == Qt.ItemDataRole.EditRole:
            return unit.title if column == TITLE else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (HOURS, SHARE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and unit.id == self.highlight_id:
            return QBrush(qcolour(SHARED_PLACE))
        if role == Qt.ItemDataRole.FontRole and isinstance(unit, Program) and column == TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column in (KIND, SHARE, SHARED):
            return QBrush(qcolour(SECONDARY))
        if role == Qt.ItemDataRole.ToolTipRole and column == TITLE:
            return unit.title
        if role == Qt.ItemDataRole.ToolTipRole and column == KIND:
            return self._text(node, unit, column)  # "Programming a…" in a narrow column
        if role == Qt.ItemDataRole.ToolTipRole and column == SHARED:
            users = self.catalog.users(unit.id)
            if len(users) > 1:
                titles = [getattr(self.catalog.get(u), "title", u) for u in users]
                return self.tr("Used by:") + "\n" + "\n".join(titles)
        if role == NODE_ROLE:
            return node
        return None

    def _text(self, node: TreeNode, unit: Unit, column: int) -> str:
        if column == TITLE:
            # A title of spaces alone showed as a blank row.
            return unit.title if unit.title.strip() else self.tr("(untitled)")
        if column == KIND:
            return (
                item_kind_label(unit.kind)
                if isinstance(unit, Item)
                else self.tr(type(unit).__name__)
            )
        totals = self.document.totals
        if column == HOURS:
            if isinstance(unit, Item):
                return f"{format_hours(unit.minutes)} min"
            return f"{format_hours(totals.hours(unit))} h"
        if column == SHARE:
            program = node.program()
            if program is None or program is unit:
                return ""
            whole = totals.hours(program)
            return f"{100 * totals.hours(unit) / whole:.1f} %" if whole else ""
        if column == SHARED and not isinstance(unit, Item):
            count = len(self.catalog.users(unit.id))
            if count > 1:
                noun = self.tr("programs") if isinstance(unit, Course) else self.tr("courses")
                return f"{count} {noun}"
        return ""

    def set_highlight(self, unit_id: str | None) -> None:
        """Mark every place of a unit (the selected one's other appearances).

        The rows are repainted once the event loop is back. The selection also changes
        while the filter hides the selected row (renamed so that it no longer matches),
        inside the proxy's own change of rows: a change of the model's data announced
        then crashed Qt (a segmentation fault).
        """
        old, self.highlight_id = self.highlight_id, unit_id
        self._unhighlighted.update(each for each in (old, unit_id) if each is not None)
        self._repaint.start()

    def _repaint_highlight(self) -> None:
        changed, self._unhighlighted = self._unhighlighted, set()
        for unit_id in changed:
            self._refresh_unit(unit_id, TITLE, SHARED)

    # ---- following the catalog ----------------------------------------------------------

    def _parent_nodes(self, parent: Parent, list_name: str) -> list[TreeNode]:
        """The built nodes whose children this list is."""
        if parent is None:
            return [self.root] if list_name == "programs" else []
        if LIST_OF.get(type(parent)) != list_name:
            return []
        return [n for n in self.places(parent.id) if n.children is not None]

    def _on_inserted(self, parent: Parent, list_name: str, index: int) -> None:
        for node in self._parent_nodes(parent, list_name):
            units = self.child_units(node)
            assert node.children is not None
            if _built_since(node, units):
                continue
            self.beginInsertRows(self.index_of(node), index, index)
            node.children.insert(index, self._new_node(units[index], node))
            self.endInsertRows()
        self._refresh_sharing(parent, list_name, index)
        self._searched_changed(
            parent, list_name, self.catalog.list_of(parent, list_name)[index], True
        )

    def _on_about_to_remove(self, parent: Parent, list_name: str, index: int) -> None:
        # Rows go while the catalog still holds the unit, so views asking about it
        # meanwhile get answers; the tree nodes, not the catalog, give the rows.
        for node in self._parent_nodes(parent, list_name):
            assert node.children is not None
            self.beginRemoveRows(self.index_of(node), index, index)
            removed = node.children.pop(index)
            self._forget(removed)
            # Qt's proxy and views may still hold an index of the row (an index points to
            # its node) and ask about it after endRemoveRows: the node is kept, and answers
            # as a row of no parent, rather than freed under them (a segmentation fault).
            removed.parent = None
            self._removed.append(removed)
            self.endRemoveRows()

    def _on_removed(self, parent: Parent, list_name: str, index: int, value: Any) -> None:
        if isinstance(value, str) and value in self.catalog:
            self._refresh_unit(value, SHARED, SHARED)
        self._searched_changed(parent, list_name, value, False)

    def _searched_changed(self, parent: Parent, list_name: str, value: Any, added: bool) -> None:
        """Tell the filter what a list's change changed of what it searches: a unit's place,
        or a unit's outcomes (the lists of outcome links and of the catalog's notes hold
        nothing it searches)."""
        if list_name == "outcomes":
            self.text_changed.emit(parent)
        elif list_name == ("programs" if parent is None else LIST_OF.get(type(parent))):
            unit = self.catalog.get(value) if isinstance(value, str) else value
            self.listed.emit(parent, unit, added)

    def _on_unit_added(self, unit: Course | Module) -> None:
        self.pooled.emit(unit, True)

    def _on_unit_removed(self, unit: Course | Module) -> None:
        self.pooled.emit(unit, False)

    def _on_moved(self, parent: Parent, list_name: str, old: int, new: int) -> None:
        for node in self._parent_nodes(parent, list_name):
            assert node.children is not None
            if _built_since(node, self.child_units(node)):
                continue
            parent_index = self.index_of(node)
            # Qt wants the row before which the moved row lands, counted before the move.
            destination = new + 1 if new > old else new
            self.beginMoveRows(parent_index, old, old, parent_index, destination)
            node.children.insert(new, node.children.pop(old))
            self.endMoveRows()
        # Nothing for the filter: a move changes no text and no unit's place above another,
        # and the filter maps moved rows itself. Reading every unit's texts again made
        # each Ctrl+Up or Ctrl+Down in a filtered tree take 0.45 s (150,000 items).

    def _on_field_changed(self, node: Any, field: str, old: Any, new: Any) -> None:
        if field in ("title", "kind") and node.id in self._places:
            self._refresh_unit(node.id, TITLE, KIND)
        elif field == "minutes" and node.id in self._places:
            # An item's own figure: the totals announce only the units above it.
            self._refresh_unit(node.id, HOURS, SHARE)
        if field in ("title", "code", "text"):
            self.text_changed.emit(node)

    def _on_totals_changed(self, unit_ids: set[str]) -> None:
        for unit_id in unit_ids:
            self._refresh_unit(unit_id, HOURS, SHARE)
            if isinstance(self.catalog.get_or_none(unit_id), Program):
                # Every share inside a program depends on the program's hours.
                for node in self.places(unit_id):
                    self._refresh_shares_below(node)

    def _refresh_sharing(self, parent: Parent, list_name: str, index: int) -> None:
        if list_name in ("course_ids", "module_ids") and parent is not None:
            self._refresh_unit(getattr(parent, list_name)[index], SHARED, SHARED)

    def _refresh_unit(self, unit_id: str, first: int, last: int) -> None:
        for node in self.places(unit_id):
            row = node.row()
            self.dataChanged.emit(
                self.createIndex(row, first, node), self.createIndex(row, last, node)
            )

    def _refresh_shares_below(self, node: TreeNode) -> None:
        """One signal per built list of children, not one per row: an edit in a program
        with its courses open changes every share in it, and each signal costs the proxy
        and the view a pass of their own."""
        children = node.children
        if not children:
            return
        first, last = children[0], children[-1]
        self.dataChanged.emit(
            self.createIndex(0, SHARE, first),
            self.createIndex(len(children) - 1, SHARE, last),
            [Qt.ItemDataRole.DisplayRole],
        )
        for child in children:
            self._refresh_shares_below(child)

    # ---- drag and drop ------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        return row_flags(index)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """A title renamed in place: one undoable edit. A blank one is refused (the old
        title stays), and the spaces around a title are left out; a line break pasted
        into the box is a space, as in the Details form's title."""
        if role != Qt.ItemDataRole.EditRole or index.column() != TITLE or not index.isValid():
            return False
        unit = self.node(index).unit
        title = one_line(str(value)).strip()
        if unit is None or not title:
            return False
        if title != unit.title:
            self.document.end_typing()
            self.document.push(
                [SetField(unit, "title", title)], self.tr("Rename {0}").format(title)
            )
        return True

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE, SNIPPET_MIME, SNIPPETS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        nodes = in_tree_order([self.node(i) for i in indexes if i.column() == 0])
        units = [node.unit for node in nodes if node.unit is not None]
        if not units or len(units) < len(nodes):
            return data
        if len({type(unit) for unit in units}) > 1:
            # Nothing to drop: rows of several kinds go to no one place (the status bar
            # says so).
            return data
        paths = [_path(node) for node in nodes]
        data.setData(MIME_TYPE, json.dumps({"tree": self._token, "paths": paths}).encode())
        if len(units) == 1:
            data.setData(SNIPPET_MIME, snippet(self.catalog, units[0]).model_dump_json().encode())
        else:
            copied = snippets(self.catalog, units)
            data.setData(SNIPPETS_MIME, copied.model_dump_json().encode())
        data.setText("\n".join(unit.title for unit in units))
        return data

    def node_at_path(self, path: list[int]) -> TreeNode | None:
        node = self.root
        for row in path:
            children = self._children(node)
            if not 0 <= row < len(children):
                return None
            node = children[row]
        return node

    def dropMimeData(  # noqa: N802
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        # The handlers make the change; returning False keeps the view from removing rows.
        dragged = self._dragged_here(data)
        if dragged is not None and self.drop_handler is not None:
            # The rows' nodes now, before any edit: the handler keeps their units and
            # parents, not these paths, which its first edit may change.
            sources = [self.node_at_path(path) for path in dragged]
            if sources and all(s is not None and s.unit is not None for s in sources):
                copy = action == Qt.DropAction.CopyAction
                self.drop_handler([s for s in sources if s], self.node(parent), row, copy)
        elif dragged is None and self.copy_handler is not None:
            self.copy_handler(data, self.node(parent), row)
        return False

    def _dragged_here(self, data: QMimeData) -> list[list[int]] | None:
        """The paths of the rows dragged from this very tree; None for anything else."""
        try:
            dragged = json.loads(bytes(data.data(MIME_TYPE).data()))
        except ValueError:
            return None
        if not isinstance(dragged, dict) or dragged.get("tree") != self._token:
            return None
        paths = dragged.get("paths")
        if not isinstance(paths, list) or not all(isinstance(path, list) for path in paths):
            return None
        return paths if all(type(r) is int for path in paths for r in path) else None


def _path(node: TreeNode) -> list[int]:
    """The rows from the root down to the node."""
    steps: list[int] = []
    while node.parent is not None:
        steps.insert(0, node.row())
        node = node.parent
    return steps


def in_tree_order(nodes: list[TreeNode]) -> list[TreeNode]:
    """The nodes in the tree's order, each once; a node under another of them is left out:
    it goes with that one (the selected rows an edit or a drag takes)."""
    chosen = {id(node) for node in nodes}

    def under_another(node: TreeNode) -> bool:
        above = node.parent
        while above is not None and id(above) not in chosen:
            above = above.parent
        return above is not None

    unique = {id(node): node for node in nodes if not under_another(node)}
    return sorted(unique.values(), key=_path)


class SearchIndex:
    """What TreeFilter searches, casefolded: the texts of every program and of every course
    and module of the pool, and the titles of each module's items, in one text too.

    A module's item titles are searched as one text, a title a line, so that a search
    tests each module once rather than each of its items: a text found in most of
    150,000 titles took a tenth of a second to test and a tenth more to trace up to the
    programs, item by item. What programs and courses list is read from the catalog
    when the filter looks (a few thousand lists)."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}  # program, course or module id -> its texts
        self.items: dict[str, str] = {}  # module id -> its items' titles, one a line
        # Module id -> its items' ids and titles, in the same order. Kept by module: one
        # entry per item made the index take a third longer.
        self.listed: dict[str, tuple[list[str], list[str]]] = {}
        self.changes = 0  # how many times an entry was added, changed or dropped

    def fill(self, catalog: Catalog) -> Iterator[None]:
        """Add every unit, a step per program, course and module (TreeFilter takes the
        steps a few milliseconds at a time)."""
        units: Iterator[Program | Course | Module] = chain(
            catalog.programs, catalog.courses.values(), catalog.modules.values()
        )
        for unit in units:
            self.add(unit)
            yield

    def add(self, unit: Program | Course | Module) -> None:
        """Read a unit's texts, and a module's item titles."""
        self.reread(unit)
        if isinstance(unit, Module):
            self.relist(unit)

    def reread(self, unit: Program | Course | Module) -> str:
        """Read a unit's texts (again); what they are now."""
        self.changes += 1
        self.texts[unit.id] = texts = _searched(unit)
        return texts

    def drop(self, unit: Program | Course | Module) -> None:
        """Forget what add noted."""
        self.changes += 1
        self.texts.pop(unit.id, None)
        self.items.pop(unit.id, None)
        self.listed.pop(unit.id, None)

    def relist(self, module: Module) -> None:
        """Read a module's item titles (again, when one of them changed, came or went)."""
        self.changes += 1
        titles = [item.title for item in module.items]
        self.listed[module.id] = ([item.id for item in module.items], titles)
        # As _searched reads an item: casefolded, here all at once (a fifth of the index's
        # time, one title at a time).
        self.items[module.id] = folded("\n".join(titles))

    def title(self, item_id: str, module_id: str) -> str | None:
        """An item's title as last read, casefolded; None if the module did not list it."""
        ids, titles = self.listed.get(module_id, ([], []))
        try:
            return folded(titles[ids.index(item_id)])
        except ValueError:
            return None


class TreeFilter(QSortFilterProxyModel):
    """Keeps the units whose title, code or outcomes contain the filter text, with context:
    the units above them, and everything below them.

    What to keep is found in one pass over an index of the catalog's texts when the text
    changes (or the catalog, while filtering), so that deciding a row is a lookup. Qt's
    recursive filtering would instead visit every unit below each row it hides, building
    the whole tree: seconds per keystroke on a catalog of 150,000 items.

    The pass tests programs, courses and modules, and each module's items together (see
    SearchIndex); whether an item itself matches is tested when Qt asks about its row,
    only for the items of the rows shown.
    """

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        # Programs, courses and modules (items: see _item_matched), as the keys of dicts:
        # the garbage collector never walks a dict of strings, and walked sets of tens of
        # thousands of ids twice a keystroke (7 ms for a letter most titles contain).
        self._matching: Ids = {}  # ids of the units whose own texts match
        self._above: Ids = {}  # the units with a match below them
        # Items whose title changed, came or went since the filter looked: whether each
        # matched then. Qt asks about rows between an edit and the filter's next look, and
        # must get the answers of that look, as for the other units.
        self._matched_items: dict[str, bool] = {}
        # The last parent asked about, and whether it is, or is inside, a unit that matches:
        # Qt asks about the rows of one parent one after the other.
        self._last_parent: tuple[TreeNode | None, bool] = (None, False)
        # Made in slices once the designer is about to filter (prepare), else on the first
        # keystroke; then each edit changes the entries of the units it concerns, so that
        # a keystroke only searches, and an edit reads no other unit's texts.
        self._index: SearchIndex | None = None
        # The last text searched, what it found (see _search), and the index's changes then.
        self._last_search: tuple[str, Ids, Ids, int] | None = None
        self._steps: Iterator[None] | None = None  # what is left to index, if any
        self._slices = QTimer(self)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._index_slice)
        self._refilter = QTimer(self)  # edits while filtering: once they are all in
        self._refilter.setSingleShot(True)
        self._refilter.setInterval(0)
        self._refilter.timeout.connect(self._filter_again)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802
        assert isinstance(model, CurriculumTreeModel)
        super().setSourceModel(model)
        model.listed.connect(self._listed)
        model.pooled.connect(self._pooled)
        model.text_changed.connect(self._text_changed)

    @property
    def filtering(self) -> bool:
        """Whether a text is set: the tree shows only what it finds."""
        return bool(self._text)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = folded(" ".join(text.split()))
        self._find_kept()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def prepare(self) -> None:
        """Index the catalog from now on, a few milliseconds at a time between the window's
        events, for a filter about to be typed into: made at once on the first keystroke,
        the index froze the window half a second (500 programs)."""
        if self._index is None:
            self._start_index()

    def _start_index(self) -> None:
        model = self.sourceModel()
        assert isinstance(model, CurriculumTreeModel)
        self._index = SearchIndex()
        self._last_search = None
        self._steps = self._index.fill(model.catalog)
        self._slices.start()

    def _index_slice(self) -> None:
        """Index for SLICE seconds, then let the window handle its events."""
        end = time.perf_counter() + SLICE
        for _ in self._steps or ():
            if time.perf_counter() > end:
                return
        self._steps = None
        self._slices.stop()

    def _built_index(self) -> SearchIndex:
        """The whole index: what the slices have not done yet is done now."""
        if self._index is None:
            self._start_index()
        for _ in self._steps or ():
            pass
        self._steps = None
        self._slices.stop()
        assert self._index is not None
        return self._index

    def _listed(self, parent: Parent, unit: Unit, added: bool) -> None:
        """A unit added to a list of the tree or taken out: only its entries change, and
        only a new program's texts, or the titles of an item's module, are read. Reading
        every unit's made each add, delete, paste or undo in a filtered tree take
        0.25-0.5 s (150,000 items).

        A course or module added to a list, or taken out, is one use of a unit that stays
        in the pool: nothing the index holds changes."""
        index = self._index
        if isinstance(unit, Course | Module):
            self._filter_again_if_found(unit)
        elif self._steps is not None:
            self._start_index()  # the slices may have read that list before it changed
        elif isinstance(unit, Item):
            assert isinstance(parent, Module)
            if index is not None and parent.id in index.listed:
                self._keep_item_answer(unit.id, parent.id)
                index.relist(parent)
                self._filter_again_if_found(unit, parent, added)
        elif index is not None:
            (index.add if added else index.drop)(unit)
            self._filter_again_if_found(unit)

    def _pooled(self, unit: Course | Module, added: bool) -> None:
        """A course or module (with what it lists) joined or left the pool."""
        if self._steps is not None:
            self._start_index()
        elif self._index is not None:
            if isinstance(unit, Module):
                for item in unit.items:
                    self._keep_item_answer(item.id, unit.id)
            (self._index.add if added else self._index.drop)(unit)
            self._filter_again_if_found(unit)

    def _keep_item_answer(self, item_id: str, module_id: str) -> None:
        """Note whether an item matched when the filter last looked, before the index's
        entry of its module changes."""
        if self._text and item_id not in self._matched_items:
            self._matched_items[item_id] = self._item_matched(item_id, module_id)

    def _item_matched(self, item_id: str, module_id: str) -> bool:
        """Whether the item was in the module and its title matched when the filter last
        looked (the index's entry of the module is as then, unless noted)."""
        matched = self._matched_items.get(item_id)
        if matched is None:
            assert self._index is not None
            return self._text in (self._index.title(item_id, module_id) or "")
        return matched

    def _filter_again_if_found(
        self, unit: Unit, module: Module | None = None, added: bool = False
    ) -> None:
        """Filter again if the text is found in the unit or below it, and only then: what
        else the tree keeps does not change with the unit's place. Filtering again costs
        a pass over the index and the tree's rows, and the new item a designer adds mostly
        does not match. (An item is given with its module, and whether it came or went.)

        The sets of what to keep are up to date when no filtering is due (each change
        that could alter them made one due), so a unit is found below by them."""
        if not self._text or self._refilter.isActive():
            return
        assert self._index is not None
        index, text = self._index, self._text
        if isinstance(unit, Item):
            assert module is not None
            found = self._item_matched(unit.id, module.id) or (added and text in _searched(unit))
        else:
            found = self._kept(unit.id) or text in index.texts.get(unit.id, "")
            if isinstance(unit, Module):
                found = found or text in index.items.get(unit.id, "")
            else:
                found = found or any(map(self._kept, getattr(unit, LIST_OF[type(unit)])))
        if found:
            self._refilter.start()

    def _text_changed(self, node: Any) -> None:
        """A title or an outcome typed: only its unit's texts are read again, not every
        unit's (a third of a second at 150,000 items, on each keystroke of a title), and
        the tree is filtered again only if the unit now matches, or no longer does."""
        model = self.sourceModel()
        assert isinstance(model, CurriculumTreeModel)
        unit = model.catalog.owner(node.id) if isinstance(node, Outcome) else node
        index = self._index
        if index is None:
            return
        if isinstance(unit, Item):
            module = model.catalog.owner(unit.id)
            assert isinstance(module, Module)
            if module.id not in index.listed:
                return  # read when the slices come to it
            self._keep_item_answer(unit.id, module.id)
            index.relist(module)
            texts = _searched(unit)
            matched = self._item_matched(unit.id, module.id)
        else:
            if unit.id not in index.texts:
                return
            texts = index.reread(unit)
            matched = unit.id in self._matching
        if self._text and (self._text in texts) != matched:
            self._refilter.start()

    def _filter_again(self) -> None:
        if self._text:
            self.set_text(self._text)

    def catch_up(self) -> None:
        """Filter again now if edits made it due: a unit just pasted or added, which the
        filter keeps, is hidden until then."""
        if self._refilter.isActive():
            self._refilter.stop()
            self._filter_again()

    def _find_kept(self) -> None:
        self._matching, self._above = {}, {}
        self._matched_items = {}
        self._last_parent = (None, False)
        if not self._text:
            return
        model = self.sourceModel()
        assert isinstance(model, CurriculumTreeModel)
        catalog = model.catalog
        matching, with_items = self._search(self._text, self._built_index())
        above = dict(with_items)
        # Then a level up at a time, a list at a time: tracing each match up to the units
        # above it took a tenth of a second for a letter most titles contain. (No union of
        # the two is made: for such a letter, each took milliseconds.)
        found, found_below = matching.keys(), above.keys()
        courses = [
            c.id
            for c in catalog.courses.values()
            if not (found.isdisjoint(c.module_ids) and found_below.isdisjoint(c.module_ids))
        ]
        above.update(dict.fromkeys(courses))
        programs = [
            p.id
            for p in catalog.programs
            if not (found.isdisjoint(p.course_ids) and found_below.isdisjoint(p.course_ids))
        ]
        above.update(dict.fromkeys(programs))
        self._matching, self._above = matching, above

    def _search(self, text: str, index: SearchIndex) -> tuple[Ids, Ids]:
        """The programs, courses and modules whose own texts hold text, and the modules
        with an item whose title does.

        A text that holds the last one searched (a letter typed after it) is only where
        that one was: if the index has not changed since, only those units are searched,
        when they are few (looked up one by one, many took longer than a pass over all)."""
        last = self._last_search
        if (
            last is not None
            and last[0] in text
            and last[3] == index.changes
            and len(last[1]) + len(last[2]) < SEARCHED_AGAIN
        ):
            texts, items = index.texts, index.items
            matching = {u: None for u in last[1] if text in texts[u]}
            with_items = {m: None for m in last[2] if text in items[m]}
        else:
            matching = {u: None for u, texts in index.texts.items() if text in texts}
            with_items = {m: None for m, titles in index.items.items() if text in titles}
        self._last_search = (text, matching, with_items, index.changes)
        return matching, with_items

    def matches(self, node: TreeNode) -> bool:
        """Whether the row's own texts hold the filter's text: a match, not a row shown
        above one or inside one."""
        unit = node.unit
        if not self._text or unit is None:
            return False
        if isinstance(unit, Item):
            module = node.parent.unit if node.parent is not None else None
            return module is not None and self._item_matched(unit.id, module.id)
        return unit.id in self._matching

    def _kept(self, unit_id: str) -> bool:
        """Whether a program, course or module matches or has a match below it."""
        return unit_id in self._matching or unit_id in self._above

    def rows_to_open(self, limit: int = OPEN_LIMIT) -> list[QModelIndex]:
        """The rows to expand so that the matches show: those with a match below them, in
        the tree's order, at most limit of them.

        Opening every row kept (QTreeView.expandAll) would, for a short text that most
        titles contain, build and lay out the whole tree, and leave Qt a persistent index
        per open row to move on each later keystroke: minutes on a large catalog.

        Found among the tree model's nodes (a unit with a match below it is kept, so its
        row shows), not the filter's rows: asking for each of those, and for the rows
        below them, took a tenth of the keystroke."""
        model = self.sourceModel()
        assert isinstance(model, CurriculumTreeModel)
        above = self._above

        def with_match_below(nodes: list[TreeNode]) -> list[TreeNode]:
            return [n for n in reversed(nodes) if n.unit is not None and n.unit.id in above]

        found: list[TreeNode] = []
        pending = with_match_below(model.child_nodes(model.root))
        while pending and len(found) < limit:
            node = pending.pop()
            found.append(node)
            pending.extend(with_match_below(model.child_nodes(node)))
        return [self.mapFromSource(model.index_of(node)) for node in found]

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        """Without a filter every row is kept, so the tree's own answer is right: Qt's
        would map the rows below, making the tree build them, for the arrow of every row
        drawn (each program's courses on opening a large catalog).

        With one, a row has rows below it if a match is below it, or if it is (or is
        inside) a unit that matches and has any: Qt's answer would test every row below
        each row the tree lays out, and keep them mapped, to be tested again on each
        later keystroke. Until edits made a filtering due, Qt's answer stands."""
        model = self.sourceModel()
        assert isinstance(model, CurriculumTreeModel)
        source = self.mapToSource(parent)
        if not self._text:
            return model.hasChildren(source)
        node = model.node(source)
        unit = node.unit
        if unit is None or self._refilter.isActive():
            return super().hasChildren(parent)
        if isinstance(unit, Item):
            return False
        return unit.id in self._above or (self._inside_match(node) and model.hasChildren(source))

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The tree model's flags, read here: Qt's would map each row to the tree model's,
        one more call into Python for every row laid out or painted."""
        return row_flags(index)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        if not self._text:
            return True
        model = self.sourceModel()
        assert isinstance(model, CurriculumTreeModel)
        above = model.node(parent)
        node = model.child_node(above, row)
        if node is None or node.unit is None:
            return False
        unit = node.unit
        if isinstance(unit, Item):
            assert above.unit is not None
            if self._item_matched(unit.id, above.unit.id):
                return True
        elif self._kept(unit.id):
            return True
        return self._inside_match(above)  # inside a unit that matches: all of it shows

    def _inside_match(self, node: TreeNode) -> bool:
        """Whether the node's unit, or one above it, matches."""
        last, inside = self._last_parent
        if last is not node:
            above: TreeNode | None = node
            while above is not None and above.unit is not None:
                if above.unit.id in self._matching:
                    break
                above = above.parent
            inside = above is not None and above.unit is not None
            self._last_parent = (node, inside)
        return inside


def _built_since(node: TreeNode, units: list[Any]) -> bool:
    """Whether the node's rows already show the catalog's change being announced.

    The catalog tells its listeners of a change one after the other. One told before the
    tree (the totals) can make the views ask for rows the tree had not built: built then,
    from the catalog as changed, they must not be changed a second time.
    """
    children = node.children
    assert children is not None
    return len(children) == len(units) and all(map(is_, [c.unit for c in children], units))


def _searched(unit: Unit) -> str:
    """What the filter searches in a unit, casefolded: its title, code and outcomes, one a
    line (the filter's text has no line break, so a match never spans two); an item's title."""
    if isinstance(unit, Item):
        return folded(unit.title)
    return folded("\n".join([unit.title, unit.code, *(o.text for o in unit.outcomes)]))


def folded(text: str) -> str:
    """Text as the filter compares it: any case, and an accent the same whether typed as
    one letter (é) or as a letter and a mark (e + U+0301, as PDFs and Mac file names give)."""
    return unicodedata.normalize("NFC", text).casefold()
