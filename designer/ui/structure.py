"""Edits to the tree's structure: add, delete, duplicate, move, share, copy and paste."""

from __future__ import annotations

from collections.abc import Iterator, Sized
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from designer.model import Course, Item, Module, Program
from designer.model.copying import (
    ID_PREFIX,
    KINDS,
    Snippet,
    clone,
    clone_all,
    read_snippet,
    read_snippets,
    shared_back,
    snippet,
    snippets,
)
from designer.model.edits import AddUnit, Edit, Insert, Move, Remove, plan_delete
from designer.ui.labels import tr
from designer.ui.tree_model import LIST_OF, SNIPPET_MIME, SNIPPETS_MIME, TreeNode, Unit

if TYPE_CHECKING:
    from designer.model.catalog import Catalog
    from designer.ui.document import Document
    from designer.ui.main_window import MainWindow

CHILD_KIND: dict[type, type[Program | Course | Module | Item]] = {
    type(None): Program,
    Program: Course,
    Course: Module,
    Module: Item,
}
# The kinds of unit a copied snippet can hold, by the name it gives them.
PASTED_KIND = {name: kind for name, kind in KINDS.items() if kind in CHILD_KIND.values()}
PLURAL = {"program": "programs", "course": "courses", "module": "modules", "item": "items"}
NEW_TITLE = {Program: "New program", Course: "New course", Item: "New item"}  # modules: weeks
# Where a new unit of a kind goes, said when the selection is no place for it: "Select
# where the new module goes first" with a program selected did not say that it goes into
# a course. The first text is for a catalog that has none of the units it goes into yet.
PLACE_HINT: dict[type, tuple[str, str]] = {
    Course: (
        "A course goes into a program: add a program first (Insert > Add Program).",
        "A course goes into a program: select a program or one of its courses first.",
    ),
    Module: (
        "A module goes into a course: add a course first (Insert > Add Course).",
        "A module goes into a course: select a course or one of its modules first.",
    ),
    Item: (
        "An item goes into a module: add a module first (Insert > Add Module).",
        "An item goes into a module: select a module or one of its items first.",
    ),
}
# Why Cut and Copy take rows of one kind only: Paste puts them all in one place.
MIXED_KINDS = (
    "Cut and Copy take rows of one kind (items, modules, courses or programs): "
    "they are pasted together, in one place."
)
CANNOT_PASTE = (
    "The copied unit cannot be pasted here: it comes from another version of "
    "Curriculum Designer ({0})."
)
# Where a dragged unit of a kind can be dropped, said when it is dropped where it cannot go:
# the drop did nothing, without a word.
DROP_HINT: dict[type, str] = {
    Program: "A program goes among the programs: drop it onto another program.",
    Course: "A course goes into a program: drop it onto a program or one of its courses.",
    Module: "A module goes into a course: drop it onto a course or one of its modules.",
    Item: "An item goes into a module: drop it onto a module or one of its items.",
}
# What sharing a unit by dragging it did, and the other ways: a designer who meant to move
# it was not told that it now also stays where it was.
SHARED_NOW = {
    Course: "“{0}” is now shared by {1} programs: an edit to it changes them all. "
    "Ctrl+drag copies it instead; Cut and Paste moves it.",
    Module: "“{0}” is now shared by {1} courses: an edit to it changes them all. "
    "Ctrl+drag copies it instead; Cut and Paste moves it.",
}
SHARED_SEVERAL: dict[type, str] = {
    Course: "{0} courses are now shared by “{1}” too: an edit to one changes every program "
    "that has it. Ctrl+drag copies them instead; Cut and Paste moves them.",
    Module: "{0} modules are now shared by “{1}” too: an edit to one changes every course "
    "that has it. Ctrl+drag copies them instead; Cut and Paste moves them.",
}


def _list_name(parent: TreeNode) -> str:
    return "programs" if parent.unit is None else LIST_OF[type(parent.unit)]


def _each_once(nodes: list[TreeNode]) -> list[tuple[Unit, TreeNode]]:
    """The rows' units with the nodes they sit under, each unit once under each parent: an
    item of a shared module, selected where each of the module's courses shows it, is one
    item of one module."""
    unique: dict[tuple[str, str], tuple[Unit, TreeNode]] = {}
    for node in nodes:
        if node.unit is not None and node.parent is not None:
            above = node.parent.unit.id if node.parent.unit is not None else ""
            unique.setdefault((node.unit.id, above), (node.unit, node.parent))
    return list(unique.values())


def _index_in(entries: list[Any], unit: Unit) -> int:
    """Where a unit is in a list of the catalog: itself (programs, items: found by identity,
    not compared field by field) or its id. ValueError if it is not there, as list.index."""
    if isinstance(unit, Program | Item):
        for number, entry in enumerate(entries):
            if entry is unit:
                return number
        raise ValueError(f"{unit.id} is not in the list")
    return entries.index(unit.id)


class StructureActions:
    """What the Insert and Edit menus and drag and drop do to the tree."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def document(self) -> Document:
        return self.window.document

    @property
    def catalog(self) -> Catalog:
        return self.window.document.catalog

    # ---- adding -------------------------------------------------------------------------

    def add(self, kind: type[Program | Course | Module | Item]) -> None:
        """Add a new unit of this kind in the selection's context, then select it."""
        place = self._place_for(kind, self.window.selected_node())
        if place is None:
            self.window.show_message(self.place_hint(kind))
            return
        parent, row = place
        title = self._new_title(kind, parent, row)
        unit = kind(id=self.catalog.new_id(ID_PREFIX[kind]), title=title)
        edits: list[Edit] = []
        value: object = unit
        if isinstance(unit, Course | Module):
            edits.append(AddUnit(unit))
            value = unit.id
        edits.append(Insert(parent.unit, _list_name(parent), row, value))
        self.document.push(edits, tr("Add {0}").format(tr(kind.__name__.lower())))
        self.window.select_child(parent, row, edit_title=True)

    def _new_title(self, kind: type, parent: TreeNode, row: int) -> str:
        """A title that tells the new unit from the others: weekly modules are numbered by
        their place in the course ("Week 3"), the other kinds from the second on ("New
        course 2"). Three modules all called "New module" could not be told apart in the
        tree or the supports lists, and the Duplicates page listed them as copies."""
        taken: set[str]
        if kind is Program:
            taken = {program.title for program in self.catalog.programs}
        elif kind is Course:  # courses are one pool, which any program may share
            taken = {course.title for course in self.catalog.courses.values()}
        else:
            taken = {unit.title for unit in self.window.tree_model.child_units(parent)}
        if kind is Module:
            number = row + 1
            while tr("Week {0}").format(number) in taken:
                number += 1
            return tr("Week {0}").format(number)
        title, number = tr(NEW_TITLE[kind]), 1
        while title in taken:
            number += 1
            title = f"{tr(NEW_TITLE[kind])} {number}"
        return title

    def why_not_add(self, kind: type[Program | Course | Module | Item]) -> str | None:
        """Why a unit of this kind cannot be added in the selection's context, or None if
        it can (Insert's actions are enabled by it)."""
        if self._place_for(kind, self.window.selected_node()) is not None:
            return None
        return self.place_hint(kind)

    def place_hint(self, kind: type) -> str:
        """What to select (or add) before a unit of this kind can be added."""
        catalog = self.catalog
        places: dict[type, Sized] = {
            Course: catalog.programs,
            Module: catalog.courses,
            Item: catalog.modules,
        }
        none_yet, select_one = PLACE_HINT[kind]
        return tr(select_one if places[kind] else none_yet)

    def _place_for(self, kind: type, node: TreeNode | None) -> tuple[TreeNode, int] | None:
        """The parent node and row for a new unit: after the selected one of its kind,
        or at the end of the selected parent."""
        root = self.window.tree_model.root
        while node is not None:
            unit_type = type(node.unit)
            if unit_type is kind and node.parent is not None:
                return node.parent, node.row() + 1
            if CHILD_KIND.get(unit_type) is kind:
                return node, len(self.window.tree_model.child_units(node))
            node = node.parent
        if kind is Program:
            return root, len(self.catalog.programs)
        return None

    # ---- deleting, moving, duplicating --------------------------------------------------

    def _selection(self) -> tuple[Program | Course | Module | Item, TreeNode, int] | None:
        """The selected unit, the tree node it sits under, and its row there."""
        node = self._selected_row()
        if node is None or node.parent is None or node.unit is None:
            return None
        return node.unit, node.parent, node.row()

    def _selected_row(self) -> TreeNode | None:
        """The one row selected, which an edit of one row takes: not the current row when
        that is under it (a module and one of its items selected: the item goes with the
        module, as when several rows are), nor with several rows selected."""
        nodes = self.window.selected_nodes()
        return nodes[0] if len(nodes) == 1 else None

    def delete(self, cutting: bool = False) -> None:
        """Delete the selected unit, asking first when it leaves the catalog, unless it is
        being cut (it goes to the clipboard, to be pasted elsewhere)."""
        nodes = self.window.selected_nodes()
        if len(nodes) > 1:
            self._delete_several(nodes, cutting)
            return
        selection = self._selection()
        if selection is None:
            return
        unit, parent, row = selection
        question = "" if cutting else self._delete_question(unit, parent)
        if question and not self.window.confirm(tr("Delete"), question, tr("Delete")):
            return
        edits = plan_delete(self.catalog, parent.unit, _list_name(parent), row, forget=not cutting)
        self.document.push(edits, tr("Cut {0}" if cutting else "Delete {0}").format(unit.title))
        self._select_near(parent, row)

    def _delete_several(self, nodes: list[TreeNode], cutting: bool = False) -> None:
        """Delete the selected rows as one step, asking once for those that leave the
        catalog (a program, a course or module used nowhere else), unless they are being
        cut (see delete)."""
        places = _each_once(nodes)
        # The places each unit is deleted from: a course two programs share, selected under
        # both, leaves the catalog as one used by one program does (it was not asked about).
        # A course goes with a program deleted too.
        programs = {unit.id for unit, _ in places if isinstance(unit, Program)}
        taken_from: dict[str, set[str]] = {}
        for unit, parent in places:
            above = parent.unit.id if parent.unit is not None else ""
            taken_from.setdefault(unit.id, set(programs)).add(above)
        leaving = list(
            {
                unit.id: unit
                for unit, _ in places
                if isinstance(unit, Program)
                or (
                    isinstance(unit, Course | Module)
                    and set(self.catalog.users(unit.id)) <= taken_from[unit.id]
                )
            }.values()
        )
        if leaving and not cutting:
            names = ", ".join(f"“{unit.title or unit.id}”" for unit in leaving[:5])
            question = tr(
                "Delete the {0} selected rows? These are used nowhere else and leave the "
                "catalog, with what only they use: {1}{2}."
            ).format(len(places), names, ", …" if len(leaving) > 5 else "")
            if not self.window.confirm(tr("Delete"), question, tr("Delete")):
                return
        first = nodes[0]
        assert first.parent is not None
        parent_of_first, row_of_first = first.parent, first.row()
        if len(places) == 1:
            label = tr("Cut {0}" if cutting else "Delete {0}").format(places[0][0].title)
        else:
            label = tr("Cut {0} rows" if cutting else "Delete {0} rows").format(len(places))
        with self.window.many_rows_changing():
            with self._rows_closed(), self.document.one_step(label):
                # From the last row up: deleting one leaves the places of those above it
                # as they were. A unit an earlier deletion took away with it is passed over.
                for unit, parent in reversed(places):
                    if parent.unit is not None and parent.unit.id not in self.catalog:
                        continue
                    list_name = _list_name(parent)
                    try:
                        row = _index_in(self.catalog.list_of(parent.unit, list_name), unit)
                    except ValueError:
                        continue
                    edits = plan_delete(
                        self.catalog, parent.unit, list_name, row, forget=not cutting
                    )
                    self.document.push(edits, label)
            self._select_near(parent_of_first, row_of_first)

    @contextmanager
    def _rows_closed(self) -> Iterator[None]:
        """The tree's open rows closed while many rows leave, and those left opened again
        after it: Qt keeps a persistent index for each open row and looks at every one of
        them for each row removed, asking the tree model for its parents. With the 260 rows
        a filter opens, that was 0.3 s of a delete of 529 rows (of 0.7 s)."""
        tree, proxy, model = self.window.tree, self.window.proxy, self.window.tree_model
        # The tree holds one of the filter's persistent indexes for each open row: the open
        # rows are found there, those inside a closed row too (open when it opens again).
        opened = [
            model.node(proxy.mapToSource(index))
            for index in proxy.persistentIndexList()
            if tree.isExpanded(index)
        ]
        tree.collapseAll()
        try:
            yield
        finally:
            # Laid out once, when the event loop is back, not after each expand.
            tree.scheduleDelayedItemsLayout()
            for node in opened:
                if node.top() is model.root:  # not removed, nor inside a removed one
                    tree.expand(proxy.mapFromSource(model.index_of(node)))

    def _select_near(self, parent: TreeNode, row: int) -> None:
        """Select the row that took the place of a deleted one, or the nearest the filter
        shows (after it, else before it), else the parent: selecting a hidden one cleared
        the designer's filter."""
        self.window.proxy.catch_up()
        count = len(self.window.tree_model.child_units(parent))
        rows = [*range(row, count), *range(min(row, count) - 1, -1, -1)]
        shown = next((r for r in rows if self.window.shows_child(parent, r)), None)
        if shown is not None:
            self.window.select_child(parent, shown)
        elif parent.parent is not None:
            self.window.select_node(parent, reveal=False)

    def _delete_question(self, unit: Program | Course | Module | Item, parent: TreeNode) -> str:
        """What to ask before deleting a unit that leaves the catalog; "" to ask nothing."""
        if isinstance(unit, Program):
            return self._program_question(unit)
        only_user = [parent.unit.id] if parent.unit is not None else []
        if isinstance(unit, Course | Module) and self.catalog.users(unit.id) == only_user:
            return tr("“{0}” is used nowhere else. Delete it from the catalog?").format(unit.title)
        return ""

    def _program_question(self, program: Program) -> str:
        """What deleting a program takes with it: the courses no other program uses."""
        alone = [c for c in program.course_ids if self.catalog.users(c) == [program.id]]
        question = tr("Delete the program “{0}”?").format(program.title or program.id)
        if not alone:
            return question
        if len(alone) == 1:
            leaving = tr("1 of its courses is used by no other program and leaves with it.")
        else:
            leaving = tr("{0} of its courses are used by no other program and leave with it.")
        return f"{question} {leaving.format(len(alone))}"

    def move(self, step: int) -> None:
        selection = self._selection()
        if selection is None:
            return
        unit, parent, row = selection
        count = len(self.window.tree_model.child_units(parent))
        target = row + step
        # Past the next sibling the tree shows: one the filter hides is stepped over.
        while 0 <= target < count and not self.window.shows_child(parent, target):
            target += step
        if not 0 <= target < count:
            return
        self.document.push(
            [Move(parent.unit, _list_name(parent), row, target)],
            tr("Move {0}").format(unit.title),
        )
        self.window.select_child(parent, target)

    def duplicate(self) -> None:
        selection = self._selection()
        if selection is None:
            return
        unit, parent, row = selection
        label = tr("Duplicate {0}").format(unit.title)
        self._paste(snippet(self.catalog, unit), parent, row + 1, label)

    def make_independent(self) -> None:
        """Give this place its own copy of a shared course or module."""
        selection = self._selection()
        if selection is None or not isinstance(selection[0], Course | Module):
            return
        unit, parent, row = selection
        if len(self.catalog.users(unit.id)) < 2:
            self.window.show_message(tr("“{0}” is not shared.").format(unit.title))
            return
        copy, edits = clone(self.catalog, snippet(self.catalog, unit))
        list_name = _list_name(parent)
        edits += [Remove(parent.unit, list_name, row), Insert(parent.unit, list_name, row, copy.id)]
        self.document.push(edits, tr("Make independent copy of {0}").format(unit.title))
        self.window.select_child(parent, row)

    # ---- clipboard ----------------------------------------------------------------------

    def copy(self, cut: bool = False) -> None:
        nodes = [n for n in self.window.selected_nodes() if n.unit is not None]
        if len(nodes) > 1:
            self._copy_several(nodes, cut)
            return
        node = self._selected_row()
        if node is None or node.unit is None:
            return
        data = QMimeData()
        copied = snippet(self.catalog, node.unit, cut)
        data.setData(SNIPPET_MIME, copied.model_dump_json().encode())
        data.setText(node.unit.title)
        QApplication.clipboard().setMimeData(data)

    def _copy_several(self, nodes: list[TreeNode], cut: bool) -> bool:
        """Put the rows on the clipboard, in the tree's order; False, said in the status bar,
        when they are of several kinds: Paste puts them all in one place."""
        units = [n.unit for n in nodes if n.unit is not None]
        if len({type(unit) for unit in units}) > 1:
            self.window.show_message(tr(MIXED_KINDS))
            return False
        data = QMimeData()
        copied = snippets(self.catalog, units, cut)
        data.setData(SNIPPETS_MIME, copied.model_dump_json().encode())
        data.setText("\n".join(unit.title for unit in units))
        QApplication.clipboard().setMimeData(data)
        return True

    def cut(self) -> None:
        """Move a unit with Paste: it leaves its place now, and Paste puts the same unit
        (not a copy) where it goes; Undo puts it back."""
        nodes = [
            n for n in self.window.selected_nodes() if n.unit is not None and n.parent is not None
        ]
        if len(nodes) > 1:
            if self._copy_several(nodes, cut=True):
                kind = type(nodes[0].unit).__name__.lower()
                self.delete(cutting=True)
                self.window.show_message(
                    tr("Cut {0} {1}: select where they go and paste them.").format(
                        len(nodes), tr(PLURAL[kind])
                    )
                )
            return
        node = self._selected_row()
        if node is None or node.unit is None or node.parent is None:
            return
        self.copy(cut=True)
        self.delete(cutting=True)
        self.window.show_message(
            tr("Cut “{0}”: select where it goes and paste it.").format(node.unit.title)
        )

    def paste(self) -> None:
        data = QApplication.clipboard().mimeData()
        if data is None or not (data.hasFormat(SNIPPETS_MIME) or data.hasFormat(SNIPPET_MIME)):
            self.window.show_message(tr("The clipboard holds no course, module or item."))
            return
        sources = self._snippets_of(data)
        if not sources:
            return
        kind_name = sources[0].kind
        kind = PASTED_KIND.get(kind_name)
        place = self._place_for(kind, self.window.selected_node()) if kind else None
        if place is None:
            self.window.show_message(tr("Select where to paste the {0}.").format(kind_name))
            return
        if len(sources) == 1:
            self._paste(sources[0], place[0], place[1], tr("Paste {0}").format(kind_name))
            return
        label = tr("Paste {0} {1}").format(len(sources), tr(PLURAL[kind_name]))
        self._paste_several(sources, place[0], place[1], label)

    def _snippets_of(self, data: QMimeData) -> list[Snippet]:
        """The units copied from several rows, or the one of one row; none, said in the
        status bar, if the bytes cannot be read (see _snippet_of)."""
        if not data.hasFormat(SNIPPETS_MIME):
            source = self._snippet_of(data)
            return [source] if source is not None else []
        try:
            return read_snippets(bytes(data.data(SNIPPETS_MIME).data()))
        except ValueError as error:
            self.window.show_message(tr(CANNOT_PASTE).format(error))
            return []

    def _snippet_of(self, data: QMimeData) -> Snippet | None:
        """The unit copied or dragged from a window; None, said in the status bar, if the
        bytes cannot be read (another version of Curriculum Designer wrote them)."""
        try:
            return read_snippet(bytes(data.data(SNIPPET_MIME).data()))
        except ValueError as error:
            self.window.show_message(tr(CANNOT_PASTE).format(error))
            return None

    def _paste(self, source: Snippet, parent: TreeNode, row: int, label: str) -> None:
        if self._already_there(source, parent):
            return
        self.document.push(self._paste_edits([source], parent, row), label)
        self.window.select_child(parent, row)

    def _paste_several(
        self, sources: list[Snippet], parent: TreeNode, row: int, label: str
    ) -> None:
        """Paste the units in consecutive rows from row on, in their order, as one step;
        the rows pasted are selected."""
        # Passed over first: a step with nothing in it would still be one to undo. Said
        # together: each said alone, the status bar showed only the last one's name.
        there = [s for s in sources if self._already_there(s, parent, say=False)]
        sources = [s for s in sources if s not in there]
        if not sources:
            self._say_already_there(there)
            return
        self.document.push(self._paste_edits(sources, parent, row), label)
        self.window.select_children(parent, range(row, row + len(sources)))
        # After the selection: selecting several rows says what their edits do.
        self._say_already_there(there)

    def _already_there(self, source: Snippet, parent: TreeNode, say: bool = True) -> bool:
        """Whether the snippet is a cut course or module, still used elsewhere, that parent
        has already (said in the status bar, if say): pasted, it would be there twice."""
        unit_id = str(source.unit.get("id", ""))
        if not shared_back(self.catalog, source):
            return False
        if unit_id not in self.catalog.list_of(parent.unit, _list_name(parent)):
            return False
        if say:
            self._say_already_there([source])
        return True

    def _say_already_there(self, sources: list[Snippet]) -> None:
        """Say which cut units were not pasted, parent having them already."""
        titles = [s.unit.get("title") or s.unit.get("id", "") for s in sources]
        if len(titles) == 1:
            self.window.show_message(tr("“{0}” is already there.").format(titles[0]))
        elif titles:
            names = ", ".join(f"“{title}”" for title in titles)
            self.window.show_message(tr("Already there: {0}.").format(names))

    def _paste_edits(self, sources: list[Snippet], parent: TreeNode, row: int) -> list[Edit]:
        """The edits that paste the snippets' units from row of parent on, together: what
        they share, their copies share."""
        into = (parent.unit, _list_name(parent), row)
        cut = all(source.cut for source in sources)
        return clone_all(self.catalog, sources, into, keep_ids=cut)[1]

    # ---- drag and drop ------------------------------------------------------------------

    def _drop_place(self, kind: type, target: TreeNode, row: int) -> tuple[TreeNode, int] | None:
        """Where a unit of this kind dropped at (target, row) goes: into target, or just
        before target when it is a sibling; None when a unit of that kind cannot go there."""
        parent = target
        if type(target.unit) is kind and target.parent is not None:
            parent, row = target.parent, target.row()
        if CHILD_KIND.get(type(parent.unit)) is not kind:
            return None
        count = len(self.window.tree_model.child_units(parent))
        return parent, count if row < 0 else min(row, count)

    def drop_copy(self, data: QMimeData, target: TreeNode, row: int) -> bool:
        """Units dragged from another window: copies of them go where they were dropped."""
        if not (data.hasFormat(SNIPPETS_MIME) or data.hasFormat(SNIPPET_MIME)):
            return False
        sources = self._snippets_of(data)
        kind = PASTED_KIND.get(sources[0].kind) if sources else None
        if kind is None:
            return False
        place = self._drop_place(kind, target, row)
        if place is None:
            self.window.show_message(tr(DROP_HINT[kind]))
            return False
        if len(sources) > 1:
            label = tr("Copy {0} {1}").format(len(sources), tr(PLURAL[sources[0].kind]))
            self._paste_several(sources, place[0], place[1], label)
            return True
        title = sources[0].unit.get("title") or sources[0].kind
        self._paste(sources[0], place[0], place[1], tr("Copy {0}").format(title))
        return True

    def drop(self, sources: list[TreeNode], target: TreeNode, row: int, copy: bool) -> bool:
        """Rows dragged in this tree: reordered in the same parent, shared into another
        one, or (copy) copies added there."""
        if len(sources) > 1:
            return self._drop_several(sources, target, row, copy)
        return self._drop_one(sources[0], target, row, copy)

    def _drop_several(
        self, sources: list[TreeNode], target: TreeNode, row: int, copy: bool
    ) -> bool:
        """Rows of one kind dropped together: each does what a drop of it alone does there
        (see _drop_one), and they land in consecutive rows, in the tree's order, as one
        step."""
        # The units and the parents they were dragged from, rather than the nodes: an edit
        # may build the tree's rows again.
        dragged = [(unit, parent.unit) for unit, parent in _each_once(sources)]
        units = [unit for unit, _ in dragged]
        kind = type(units[0])
        place = self._drop_place(kind, target, row)
        if place is None:
            self.window.show_message(tr(DROP_HINT[kind]))
            return False
        parent, row = place
        kind_name = kind.__name__.lower()
        if copy:
            copies = snippets(self.catalog, units).snippets
            label = tr("Copy {0} {1}").format(len(copies), tr(PLURAL[kind_name]))
            self._paste_several(copies, parent, row, label)
            return True
        if any(node is target for node in sources):
            return False  # dropped onto one of themselves: they stay where they are
        list_name = _list_name(parent)
        here = [unit for unit, from_unit in dragged if from_unit is parent.unit]
        entries = self.catalog.list_of(parent.unit, list_name)
        if type(target.unit) is kind and here and _index_in(entries, here[0]) < row:
            row += 1  # onto a sibling below them, they go below it, as one row does
        sharing = kind in (Course, Module) and not here
        label = tr("Share {0} {1}" if sharing else "Move {0} {1}").format(
            len(units), tr(PLURAL[kind_name])
        )
        shared: list[Course | Module] = []
        already: list[Unit] = []
        placed = 0
        pushed = False
        with ExitStack() as step:
            # From the last up, each just before the one placed after it: a row already in
            # its place is left there (no edit), and a drop that changes nothing is no
            # step to undo.
            at = row
            for unit, from_unit in reversed(dragged):
                entries = self.catalog.list_of(parent.unit, list_name)
                edits: list[Edit] = []
                if from_unit is parent.unit:
                    old = _index_in(entries, unit)
                    new = at - 1 if old < at else at
                    if new != old:
                        edits = [Move(parent.unit, list_name, old, new)]
                    at = new
                elif isinstance(unit, Item):
                    assert isinstance(from_unit, Module)
                    old = _index_in(from_unit.items, unit)
                    edits = [
                        Remove(from_unit, "items", old),
                        Insert(parent.unit, "items", at, unit),
                    ]
                elif unit.id in entries:
                    already.insert(0, unit)
                    continue
                else:
                    assert isinstance(unit, Course | Module)  # programs stay among programs
                    edits = [Insert(parent.unit, list_name, at, unit.id)]
                    shared.insert(0, unit)
                placed += 1
                if edits:
                    if not pushed:
                        step.enter_context(self.document.one_step(label))
                        pushed = True
                    self.document.push(edits, label)
        if placed:
            self.window.select_children(parent, range(at, at + placed))
        # After the selection: selecting several rows says what their edits do.
        self._said_after_drop(parent, shared, already)
        return placed > 0

    def _said_after_drop(
        self, parent: TreeNode, shared: list[Course | Module], already: list[Unit]
    ) -> None:
        """Say what dropping several rows shared (see SHARED_NOW), and which of them the
        parent had already, left as they were."""
        texts = []
        if len(shared) == 1:
            users = len(self.catalog.users(shared[0].id))
            texts.append(tr(SHARED_NOW[type(shared[0])]).format(shared[0].title, users))
        elif shared:
            assert parent.unit is not None
            texts.append(tr(SHARED_SEVERAL[type(shared[0])]).format(len(shared), parent.unit.title))
        if already:
            assert parent.unit is not None
            names = ", ".join(f"“{unit.title}”" for unit in already)
            texts.append(tr("Already part of “{0}”: {1}.").format(parent.unit.title, names))
        if texts:
            self.window.show_message(" ".join(texts))

    def _drop_one(self, source: TreeNode, target: TreeNode, row: int, copy: bool) -> bool:
        """Reorder in the same parent, share into another one, or (copy) add a copy there."""
        unit = source.unit
        assert unit is not None
        place = self._drop_place(type(unit), target, row)
        if place is None:
            self.window.show_message(tr(DROP_HINT[type(unit)]))
            return False
        parent, row = place
        list_name = _list_name(parent)
        if copy:
            self._paste(snippet(self.catalog, unit), parent, row, tr("Copy {0}").format(unit.title))
            return True
        if parent is source.parent or (source.parent and parent.unit is source.parent.unit):
            old = source.row()
            new = row - 1 if row > old else row
            if type(target.unit) is type(unit):
                # Dropped onto a sibling, it takes its place: below it when moving down
                # (just before it, a drop onto the next row did nothing).
                new = target.row()
            if new != old:
                self.document.push(
                    [Move(parent.unit, list_name, old, new)],
                    tr("Move {0}").format(unit.title),
                )
                self.window.select_child(parent, new)
            return True
        if isinstance(unit, Item):
            source_parent = source.parent
            assert source_parent is not None
            edits: list[Edit] = [
                Remove(source_parent.unit, "items", source.row()),
                Insert(parent.unit, "items", row, unit),
            ]
            self.document.push(edits, tr("Move {0}").format(unit.title))
        else:
            assert parent.unit is not None  # programs only move within the list of programs
            if unit.id in getattr(parent.unit, list_name):
                self.window.show_message(
                    tr("“{0}” is already part of “{1}”.").format(unit.title, parent.unit.title)
                )
                return False
            self.document.push(
                [Insert(parent.unit, list_name, row, unit.id)],
                tr("Share {0}").format(unit.title),
            )
            users = len(self.catalog.users(unit.id))
            self.window.show_message(tr(SHARED_NOW[type(unit)]).format(unit.title, users))
        self.window.select_child(parent, row)
        return True
