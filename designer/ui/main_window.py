"""The main window: the curriculum tree, the editor panels, the totals, menus and files."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from designer.appsettings import AppSettings, save_settings
from designer.bulk import keep_out_of_sweeps
from designer.checks import Finding, unit_title
from designer.errors import CatalogError
from designer.model import Catalog, Course, Item, Module, Outcome, Program
from designer.model.catalog import Node, Parent
from designer.model.events import Signal
from designer.ui.background import free_between_events
from designer.ui.colours import watch_scheme
from designer.ui.document import Document, EditCommand
from designer.ui.duplicates_view import DuplicatesView
from designer.ui.editor import UnitEditor
from designer.ui.fields import FittedLabel, fit_columns
from designer.ui.files import NO_SUPPLEMENT, SAMPLE, FileActions
from designer.ui.help import KeysDialog, about_box
from designer.ui.labels import tr
from designer.ui.outcomes import OutcomesEditor
from designer.ui.pathway_panel import PathwayPanel
from designer.ui.problems import ProblemsPanel
from designer.ui.roadmap_view import RoadmapView
from designer.ui.settings_dialog import SettingsDialog
from designer.ui.stackability import StackabilityView
from designer.ui.structure import StructureActions
from designer.ui.totals_bar import TotalsBar
from designer.ui.tree_model import (
    HOURS,
    KIND,
    LIST_OF,
    SHARE,
    SHARED,
    TITLE,
    CurriculumTreeModel,
    TreeFilter,
    TreeNode,
    in_tree_order,
)

# The lists whose values are rows of the tree: the catalog's programs, and the units' parts.
TREE_LISTS = {"programs", *LIST_OF.values()}
LARGE_STEP = 50  # model edits: an undo or redo of more shows no unit meanwhile


PROBLEMS_HEIGHT = 190  # pixels: four rows of the Problems panel
# From this many modules, a catalog is swept in over 0.1 s (see set_document).
SWEEP_MODULES = 4_000

# The window's pages, in the order of their tabs: (View menu entry, action's name).
PAGES = [
    ("&Design", "page_design"),
    ("&Stackability", "page_stackability"),
    ("D&uplicates", "page_duplicates"),
    ("&Pathways", "page_pathways"),
    ("&Roadmap", "page_roadmap"),
]

# How many of a file's problems the message lists; all are under its Show Details.
PROBLEMS_SHOWN = 8

# Why an action is off, in its tooltip (translated when shown).
NO_OUTCOME_OWNER = "Select a program, course or module to add an outcome to."
ITEM_OUTCOMES = "An item checks its module's outcomes: select the module to add one there."
NOTHING_TO_EXPORT = "The catalog is empty: add a program first (Insert > Add Program)."
# What View > Go to Problems (F6) and View > Problems Panel do (translated when shown).
GO_TO_PROBLEMS = (
    "F6 puts the cursor in the Problems panel (showing it if closed); F6 there takes it back."
)
# Under the tree's filter while it shows no row (translated when shown).
NO_MATCH = "No unit matches “{0}”: clear the filter (the × in the box) to see every unit."


class MainWindow(QMainWindow):
    """One window, one catalog document."""

    tree_model: CurriculumTreeModel
    tree: QTreeView
    editor: UnitEditor
    outcomes: OutcomesEditor
    totals_bar: TotalsBar
    problems: ProblemsPanel
    duplicates: DuplicatesView
    stackability: StackabilityView

    def __init__(self, settings: AppSettings, document: Document | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.document = document or Document()
        self.structure = StructureActions(self)
        self.files = FileActions(self)
        self.problem_counts = QLabel()
        self.problem_counts.setObjectName("problemCounts")
        self.statusBar().addPermanentWidget(self.problem_counts)
        self._sized = False  # the Problems panel's height set, on the first show
        self._make_actions()
        self._make_menus()
        self._build_views()
        watch_scheme(self)  # the colours of its views follow a switch to or from dark mode
        self.resize(1400, 900)
        self._restore_geometry()

    # ---- building -----------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(tr(text), self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            # Every key the platform gives it (Close: Ctrl+W and Ctrl+F4; Redo: Ctrl+Y and
            # Ctrl+Shift+Z), not the first one alone.
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        plain = text.replace("&", "").replace("…", "")
        action.setObjectName(name or plain.lower().replace(" ", "_"))
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        s = self.structure
        f = self.files
        self.new_action = self._action("&New", f.new_file, keys.New)
        self.open_action = self._action("&Open…", f.choose_and_open, keys.Open)
        self.sample_action = self._action(
            "Open the Sam&ple", lambda: f.open_file(SAMPLE), name="open_sample"
        )
        self.save_action = self._action("&Save", f.save, keys.Save)
        self.save_as_action = self._action("Save &As…", lambda: f.save_as(), keys.SaveAs)
        self.close_action = self._action("&Close", f.new_file, keys.Close)
        self.export_action = self._action(
            "&Export to Excel…", lambda: f.export_excel(), name="export_excel"
        )
        self.import_action = self._action(
            "&Import from Excel…", lambda: f.import_excel(), name="import_excel"
        )
        self.supplement_action = self._action(
            "Export Certificate S&upplement…", lambda: f.export_supplement(), name="supplement"
        )
        self.settings_action = self._action(
            "&Workload Settings…", self.edit_settings, name="workload_settings"
        )
        self.quit_action = self._action("&Quit", self.close, keys.Quit)
        self.undo_action = self._action("Undo", self.undo, keys.Undo)
        self.redo_action = self._action("Redo", self.redo, keys.Redo)
        self.rename_action = self._action("Re&name", self.rename_selected, "F2")
        self.cut_action = self._action("Cu&t", s.cut, keys.Cut)
        self.copy_action = self._action("&Copy", s.copy, keys.Copy)
        self.paste_action = self._action("&Paste", s.paste, keys.Paste)
        self.delete_action = self._action("De&lete", s.delete, keys.Delete)
        self.duplicate_action = self._action("&Duplicate", s.duplicate, "Ctrl+D")
        self.move_up_action = self._action("Move &Up", lambda: s.move(-1), "Ctrl+Up")
        self.move_down_action = self._action("Move Do&wn", lambda: s.move(1), "Ctrl+Down")
        self.independent_action = self._action(
            "Make &Independent Copy", s.make_independent, name="make_independent"
        )
        self.add_program_action = self._action(
            "Add P&rogram", lambda: s.add(Program), "Ctrl+Shift+P"
        )
        self.add_course_action = self._action("Add Cour&se", lambda: s.add(Course), "Ctrl+Shift+C")
        self.add_module_action = self._action("Add &Module", lambda: s.add(Module), "Ctrl+Shift+M")
        self.add_item_action = self._action("Add It&em", lambda: s.add(Item), "Ctrl+Shift+I")
        self.add_outcome_action = self._action("Add &Outcome", self.add_outcome, "Ctrl+Shift+O")
        # An Insert action that cannot add where the selection is, is off (see
        # _enable_inserts); its key still says why, in the status bar, rather than nothing.
        self._keys_when_off: dict[QAction, QShortcut] = {}
        for action in self.insert_actions()[1:]:
            key = QShortcut(action.shortcut(), self)
            key.setEnabled(False)  # never with the action's own: the key would be ambiguous
            key.activated.connect(partial(self._say_why_off, action))
            self._keys_when_off[action] = key
        self._catalog_state: tuple[bool, ...] | None = None  # see _enable_catalog_actions
        self.find_action = self._action("&Find…", self.focus_filter, keys.Find)
        # The pages, from anywhere in the window: Ctrl+Tab changes page only from the tree
        # or the page itself (in the Details form it changes tab, in the Problems panel
        # nothing), and the keyboard had no other way to them.
        self.page_actions = [
            self._page_action(page, text, name) for page, (text, name) in enumerate(PAGES)
        ]
        # The Problems panel from anywhere in the window, shown if closed; pressed there, back
        # to where the cursor was. F6 (and Shift+F6) is the key desktop apps give to moving
        # between a window's panes: only Tab through every field reached the panel.
        self.problems_action = self._action("&Go to Problems", self.go_to_problems)
        self.problems_action.setShortcuts([QKeySequence("F6"), QKeySequence("Shift+F6")])
        self.problems_action.setStatusTip(tr(GO_TO_PROBLEMS))
        self._before_problems: QWidget | None = None  # where F6 in the panel goes back to
        # F1, the key for help, lists every key; no menu said what the program is.
        self.keys_action = self._action("&Keyboard Shortcuts…", self.show_keys, "F1")
        self.about_action = self._action("&About Curriculum Designer", self.show_about)
        # The keys of edits on the tree's selection work in the tree only (see _build_views):
        # Delete or Ctrl+Up pressed in a field, a table or a list is that widget's own.
        for action in self.tree_actions():
            self.removeAction(action)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _page_action(self, page: int, text: str, name: str) -> QAction:
        def show() -> None:
            self.show_page(page)

        return self._action(text, show, f"Ctrl+{page + 1}", name)

    def insert_actions(self) -> list[QAction]:
        """The Insert menu's actions, also offered by a right-click in the tree."""
        return [
            self.add_program_action,
            self.add_course_action,
            self.add_module_action,
            self.add_item_action,
            self.add_outcome_action,
        ]

    def tree_actions(self) -> list[QAction]:
        """The edits of the tree's selection that have keys."""
        return [
            self.rename_action,
            self.cut_action,
            self.copy_action,
            self.paste_action,
            self.duplicate_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
        ]

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(tr("Open &Recent"))
        file_menu.addAction(self.sample_action)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_action, self.import_action, self.supplement_action])
        file_menu.addSeparator()
        file_menu.addActions([self.settings_action, self.quit_action])
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions(
            [
                self.rename_action,
                self.cut_action,
                self.copy_action,
                self.paste_action,
                self.duplicate_action,
                self.delete_action,
            ]
        )
        edit_menu.addSeparator()
        edit_menu.addActions([self.move_up_action, self.move_down_action, self.independent_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        insert_menu = bar.addMenu(tr("&Insert"))
        insert_menu.addActions(self.insert_actions())
        self.view_menu = bar.addMenu(tr("&View"))
        self.view_menu.addActions(self.page_actions)
        self.view_menu.addSeparator()
        toolbar = self.addToolBar(tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions(
            [
                self.add_program_action,
                self.add_course_action,
                self.add_module_action,
                self.add_item_action,
                self.add_outcome_action,
                self.delete_action,
            ]
        )
        # Closed with its title bar's button or the mouse's menu, the toolbar and the
        # Problems panel stayed closed (the window keeps its layout): they come back here.
        toolbar.toggleViewAction().setText(tr("&Toolbar"))
        self.view_menu.addAction(toolbar.toggleViewAction())
        self.view_menu.addAction(self.problems_action)  # the panel's entry goes before it
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.keys_action, self.about_action])
        self.files.fill_recent_menu()

    def _build_views(self) -> None:
        """(Re)build every view over the current document."""
        old = self.centralWidget()
        if old is not None:
            self.tree_model.close()
            # Qt owns the model once a proxy has used it, and no parent would delete it:
            # it kept the previous catalog alive for good. Deleted now, not later, so that
            # keep_out_of_sweeps (set_document) collects that catalog at once; the old tree,
            # itself deleted later, shows nothing meanwhile.
            self.tree.setModel(None)
            shiboken6.delete(self.tree_model)
            self.editor.close_document()
            self.outcomes.close_document()
            self.roadmap.close_document()  # it follows the catalog's changes
            self.totals_bar.close_document()
            self._stop_background_work()
        document = self.document
        self.tree_model = CurriculumTreeModel(document)
        self.tree_model.drop_handler = self.structure.drop
        self.tree_model.copy_handler = self.structure.drop_copy
        self.proxy = TreeFilter()
        self.proxy.setSourceModel(self.tree_model)

        self.filter = QLineEdit()
        self.filter.setObjectName("treeFilter")
        self.filter.setPlaceholderText(tr("Filter by title, code or outcome…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(tr("Filter the tree"))
        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)  # the cursor coming into it: see eventFilter
        # The rows the designer had open when the filter came on, put back when it goes.
        self._open_before_filter: list[QPersistentModelIndex] | None = None
        # A text that finds nothing left a blank tree, without a word: said under the box
        # while the tree shows no row (an edit may make it find something, or nothing).
        # A FittedLabel: a word-wrapped QLabel is as wide as its longest word, and a text
        # pasted without spaces made the window thousands of pixels wide.
        self.no_match = FittedLabel()  # plain text: the designer's, as typed
        self.no_match.setObjectName("filterNoMatch")
        self.no_match.hide()
        for change in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            change.connect(self._say_if_no_match)
        self.tree = QTreeView()
        self.tree.setObjectName("curriculumTree")
        self.tree.setAccessibleName(tr("Curriculum tree"))
        self.tree.setAccessibleDescription(
            tr("Programs, their courses, weekly modules and items, with hours")
        )
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        # Ctrl+click and Shift+click (or Shift+arrows) select several rows, to delete them in
        # one go; the panels show the current row.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAlternatingRowColors(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, HOURS, SHARE, SHARED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # As wide as their header and a long value in the window's font.
        fit_columns(
            self.tree,
            [
                (KIND, 112, [tr("Practice quiz")]),
                (HOURS, 70, ["240 min"]),
                (SHARE, 64, ["100.0 %"]),
                (SHARED, 92, [tr("12 programs")]),
            ],
        )
        self._rows_message = ""  # what the status bar says of several rows selected
        # Inside many_rows_changing: how deep, and whether the selection changed meanwhile.
        self._selection_held = 0
        self._selection_moved = False
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self._shown: TreeNode | None = None  # the row the panels show (selected_node)
        # Queued: Qt tells of a new current row after the selection that comes with it.
        self.tree.selectionModel().currentChanged.connect(
            self._current_changed, Qt.ConnectionType.QueuedConnection
        )
        self._enable_edits_of(None)
        # F2 (or Rename) renames a row in place; a double-click opens it, as before.
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.installEventFilter(self)  # its own Ctrl+C: see eventFilter
        self.tree.customContextMenuRequested.connect(self._show_tree_menu)
        self.tree_menu: QMenu | None = None  # the last one shown
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.tree)
        self.sample_button = QPushButton(tr("Open the bundled sample: four Microsoft certificates"))
        self.sample_button.setObjectName("openSampleButton")
        self.sample_button.clicked.connect(self.sample_action.trigger)
        left_layout.addWidget(self.sample_button)
        self._show_sample_button()
        document.catalog.inserted.connect(self._show_sample_button)
        document.catalog.removed.connect(self._show_sample_button)
        self._catalog_state = None
        self._enable_catalog_actions()
        for signal in (
            document.catalog.inserted,
            document.catalog.removed,
            document.catalog.unit_added,
            document.catalog.unit_removed,
        ):
            signal.connect(self._enable_catalog_actions)
        self.tree.addActions(self.tree_actions())

        self.totals_bar = TotalsBar(document)
        self.editor = UnitEditor(document)
        self.outcomes = OutcomesEditor(document)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, tr("Details"))
        self.tabs.addTab(self.outcomes, tr("Outcomes"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.totals_bar)
        right_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([800, 600])
        self.stackability = StackabilityView(document)
        self.duplicates = DuplicatesView(document)
        self.pathways = PathwayPanel(document)
        self.roadmap: RoadmapView = RoadmapView(document)
        self.pages = QTabWidget()
        self.pages.setObjectName("pages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(splitter, tr("Design"))
        self.pages.addTab(self.stackability, tr("Stackability"))
        self.pages.addTab(self.duplicates, tr("Duplicates"))
        self.pages.addTab(self.pathways, tr("Pathways"))
        self.pages.addTab(self.roadmap, tr("Roadmap"))
        for view in (self.stackability, self.duplicates, self.pathways, self.roadmap):
            view.unit_chosen.connect(self.show_unit)
        self.setCentralWidget(self.pages)
        self.problems = ProblemsPanel(document)
        self.problems.finding_chosen.connect(self.go_to_finding)
        self.problems.counts_changed.connect(self.problem_counts.setText)
        self.problem_counts.setText(self.problems.counts)  # not the previous catalog's
        old_dock = getattr(self, "problems_dock", None)
        # The panel as high as it was (Open and New make it again); at first a quarter of
        # the window at most (see showEvent).
        dock_height = old_dock.height() if old_dock is not None else PROBLEMS_HEIGHT
        if old_dock is not None:
            # Released now rather than with deleteLater(): a deferred delete that ran
            # inside a later modal dialog's event loop crashed PySide6.
            self.removeDockWidget(old_dock)
            old_dock.setParent(None)
        self.problems_dock = QDockWidget(tr("Problems"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.resizeDocks([self.problems_dock], [dock_height], Qt.Orientation.Vertical)
        if old_dock is not None:
            self.view_menu.removeAction(old_dock.toggleViewAction())
        problems_toggle = self.problems_dock.toggleViewAction()
        problems_toggle.setText(tr("Pro&blems Panel"))
        problems_toggle.setStatusTip(tr(GO_TO_PROBLEMS))
        self.view_menu.insertAction(self.problems_action, problems_toggle)
        problems_toggle.triggered.connect(self._problems_shown)
        for program_row in range(min(self.proxy.rowCount(), 8)):
            self.tree.expand(self.proxy.index(program_row, 0))

        # The cursor in the tree, whatever had it went with the previous views: after New,
        # Open or Close no key did anything until the designer clicked somewhere.
        self.tree.setFocus()

        self.undo_action.setEnabled(document.undo_stack.canUndo())
        self.redo_action.setEnabled(document.undo_stack.canRedo())
        document.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        document.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        document.undo_stack.undoTextChanged.connect(self._name_undo)
        document.undo_stack.redoTextChanged.connect(self._name_redo)
        self._name_undo(document.undo_stack.undoText())
        self._name_redo(document.undo_stack.redoText())
        document.modified_changed.connect(self._update_title)
        document.path_changed.connect(self._update_title)
        self._update_title()

    def _name_undo(self, step: str) -> None:
        """The menu says which edit Undo takes back (Undo Move “Blazor…”); the toolbar
        button keeps its short name. An "&" of a title is doubled: alone, the menu would
        underline the letter after it and drop the "&" ("R&D" showed as "RD")."""
        step = step.replace("&", "&&")
        self.undo_action.setText(tr("Undo {0}").format(step) if step else tr("Undo"))
        self.undo_action.setIconText(tr("Undo"))

    def _name_redo(self, step: str) -> None:
        step = step.replace("&", "&&")
        self.redo_action.setText(tr("Redo {0}").format(step) if step else tr("Redo"))
        self.redo_action.setIconText(tr("Redo"))

    def _show_sample_button(self, *change: object) -> None:
        """The way to the sample stays in view while the catalog has no program."""
        self.sample_button.setVisible(not self.document.catalog.programs and SAMPLE.exists())

    # ---- selection ----------------------------------------------------------------------

    def selected_node(self) -> TreeNode | None:
        """The row the panels show and the edits of one row take: the current row when it
        is selected, else the one row selected. Ctrl+End (or Ctrl+Home, Ctrl+Page Down)
        moves the current row and leaves the selection: Insert's actions, on as the
        selected row allowed, said "select a program first" and added nothing, and Rename
        did nothing."""
        index = self.tree.currentIndex()
        if index.isValid() and self.tree.selectionModel().isSelected(index):
            return self.tree_model.node(self.proxy.mapToSource(index))
        if not self.tree.selectionModel().hasSelection():
            return None
        nodes = self.selected_nodes()
        return nodes[0] if len(nodes) == 1 else None

    def selected_nodes(self) -> list[TreeNode]:
        """The selected rows, in the tree's order; a row under another selected one is left
        out: it goes with that one."""
        rows = self._selected_rows()
        return in_tree_order([self.tree_model.node(self.proxy.mapToSource(i)) for i in rows])

    def _selected_rows(self) -> list[QModelIndex]:
        """The rows selected whole, as QItemSelectionModel.selectedRows() gives them, read
        from the selection's ranges: selectedRows() tests each row against every range,
        asking the tree model for each range's parent (529 rows: 0.6 s)."""
        selection = self.tree.selectionModel()
        last_column = self.proxy.columnCount() - 1
        rows: list[QModelIndex] = []
        seen: set[tuple[int, int]] = set()
        ranges = selection.selection()
        for each in map(ranges.at, range(ranges.count())):
            parent = each.parent()
            whole = each.left() == 0 and each.right() == last_column
            for row in range(each.top(), each.bottom() + 1):
                index = self.proxy.index(row, 0, parent)
                key = (row, index.internalId())  # a row of the filter and its parent's rows
                if key in seen or not (whole or selection.isRowSelected(row, parent)):
                    continue
                seen.add(key)
                rows.append(index)
        return rows

    @contextmanager
    def many_rows_changing(self, clear_panels: bool = True) -> Iterator[None]:
        """An edit of many rows: the selection is cleared before it, and the panels follow
        the selection once, after it (select the rows to show inside). Qt takes each row
        removed out of the selection, testing every range selected, and the panels
        followed each change, reading every selected row again: deleting 529 selected
        rows took a minute. With clear_panels, they show nothing meanwhile: the totals
        and the fields of what they showed were shown again at each change in it.

        The current row is cleared too: a current row removed made Qt make the next one
        current, and the tree lay out all its open rows again, for each row removed.

        If nothing is selected after it, the rows selected before that are still shown are
        selected again, and the current row made current again, as Qt would have left
        them; if the same rows are, the panels are left as they are."""
        before = self._selected_row_nodes()
        current = self.selected_node()
        current_row = self.tree_model.node(self.proxy.mapToSource(self.tree.currentIndex()))
        selection = self.tree.selectionModel()
        if clear_panels:
            selection.clearSelection()  # followed at once: the panels show nothing meanwhile
        self._selection_held += 1
        try:
            selection.clearSelection()
            selection.clearCurrentIndex()
            with self.totals_bar.held():
                yield
            if not selection.currentIndex().isValid() and current_row.parent is not None:
                kept = self._shown_rows([current_row])
                if kept:
                    self._make_current(kept[0], keep=True)
            if not selection.hasSelection():
                self._select_whole_rows(self._shown_rows(before))
        finally:
            self._selection_held -= 1
        if self._selection_held or not (self._selection_moved or clear_panels):
            return
        self._selection_moved = False
        same = self.selected_node() is current and self._selected_row_nodes() == before
        if clear_panels or not same:
            self._selection_changed(QItemSelection(), QItemSelection())

    def _selected_row_nodes(self) -> list[TreeNode]:
        return [self.tree_model.node(self.proxy.mapToSource(i)) for i in self._selected_rows()]

    def _shown_rows(self, nodes: list[TreeNode]) -> list[QModelIndex]:
        """The rows of the tree that show these nodes, those still in the tree and shown."""
        rows = []
        for node in nodes:
            if node.top() is self.tree_model.root:  # not removed, nor inside a removed one
                index = self.proxy.mapFromSource(self.tree_model.index_of(node))
                if index.isValid():
                    rows.append(index)
        return rows

    def _make_current(self, index: QModelIndex, keep: bool = False) -> None:
        """Make the row current, selected alone unless keep (the selection as it is).
        Not setCurrentIndex: it reads the keys held, and the Ctrl of Ctrl+Z made an undo
        add the row it showed to the selection, or take it out."""
        flags = QItemSelectionModel.SelectionFlag
        command = flags.NoUpdate if keep else flags.ClearAndSelect | flags.Rows
        self.tree.selectionModel().setCurrentIndex(index, command)

    def select_node(self, node: TreeNode, reveal: bool = True) -> bool:
        """Select the node in the tree, clearing the filter if it hides it (unless not to
        reveal it); False if it is not shown."""
        self.proxy.catch_up()  # a unit pasted a moment ago, which the filter keeps, shows
        index = self.proxy.mapFromSource(self.tree_model.index_of(node))
        if not index.isValid() and reveal and self.filter.text():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.tree_model.index_of(node))
        if not index.isValid():
            return False
        self._make_current(index)
        self.tree.scrollTo(index)
        return self.selected_node() is node

    def go_to_finding(self, finding: Finding) -> None:
        """Show the unit a finding points at, and put the cursor in the field concerned.

        A unit deleted since the checks ran, or one that no program uses (the tree does not
        show it), is named in the status bar instead: the cursor must not go to the field of
        the unit the editor happens to show."""
        catalog = self.document.catalog
        node = catalog.get_or_none(finding.unit)
        place = catalog.owner(node.id) if isinstance(node, Outcome) else node
        if place is None:
            text = tr("The unit of this problem ({0}) was deleted: the checks run again.")
            self.show_message(text.format(finding.unit))
            return
        if self.tree_model.first_place(place.id) is None:
            text = tr("“{0}” is in no program, so the tree does not show it.")
            self.show_message(text.format(unit_title(catalog, place.id)))
            return
        if isinstance(node, Outcome):
            self.show_unit(catalog.owner(node.id).id)
            self.tabs.setCurrentWidget(self.outcomes)
            self.outcomes.select(node)
            self.outcomes.text.setFocus()
            return
        self.show_unit(finding.unit)
        if finding.field == "outcomes":
            self.tabs.setCurrentWidget(self.outcomes)
        elif finding.field in self.editor.fields:
            self.tabs.setCurrentWidget(self.editor)
            editor = self.editor.fields[finding.field].editor
            self.editor.ensureWidgetVisible(editor)
            editor.setFocus()

    def show_unit(self, unit_id: str) -> None:
        """Bring the Design page forward with the unit selected in the tree."""
        node = self.tree_model.first_place(unit_id)
        if node is None:
            return
        self.pages.setCurrentIndex(0)
        self.filter.clear()
        self.select_node(node)

    def shows_child(self, parent: TreeNode, row: int) -> bool:
        """Whether the tree shows the row'th child of parent (the filter may hide it)."""
        source = self.tree_model.index(row, 0, self.tree_model.index_of(parent))
        return self.proxy.mapFromSource(source).isValid()

    def select_child(
        self, parent: TreeNode, row: int, edit_title: bool = False, reveal: bool = True
    ) -> None:
        """Select the row'th child of parent, e.g. what was just added."""
        parent_index = self.proxy.mapFromSource(self.tree_model.index_of(parent))
        self.tree.expand(parent_index)
        source = self.tree_model.index(row, 0, self.tree_model.index_of(parent))
        if not source.isValid() or not self.select_node(self.tree_model.node(source), reveal):
            return  # the cursor must not go to the title the editor still shows: another's
        if edit_title:
            self.tabs.setCurrentWidget(self.editor)
            title = self.editor.fields.get("title")
            if title is not None and isinstance(title.editor, QLineEdit):
                title.editor.setFocus()
                title.editor.selectAll()

    def select_children(self, parent: TreeNode, rows: range) -> None:
        """Select these rows of parent (what was just pasted), the first current."""
        self.select_child(parent, rows[0])
        self._also_select([(parent, row) for row in rows[1:]])

    def _also_select(self, rows: list[tuple[TreeNode, int]]) -> None:
        """Add these rows (parent node, row) to the selection, those the tree shows, in one
        change: one per row made the panels follow each (an undo of 529 rows: 19 s)."""
        found: list[QModelIndex] = []
        for parent, row in rows:
            source = self.tree_model.index(row, 0, self.tree_model.index_of(parent))
            index = self.proxy.mapFromSource(source)
            if index.isValid():
                found.append(index)
        self._select_whole_rows(found)

    def _select_whole_rows(self, indexes: list[QModelIndex]) -> None:
        """Add these rows of the tree to the selection: one range for each run of rows
        under one parent, each a whole row already. Selected with the Rows flag, or a range
        a row, Qt compared every range with every other, asking the tree model for their
        parents (Ctrl+A, 529 rows: 195,000 calls, more than a second)."""
        # The rows of one parent share their internal id (the filter's record of them).
        runs: dict[int, set[int]] = {}
        one_of: dict[int, QModelIndex] = {}
        for index in indexes:
            runs.setdefault(index.internalId(), set()).add(index.row())
            one_of.setdefault(index.internalId(), index)
        last_column = self.proxy.columnCount() - 1
        selection = QItemSelection()
        for key, found in runs.items():
            parent = one_of[key].parent()
            rows = sorted(found)
            start = 0
            for end in range(1, len(rows) + 1):
                if end == len(rows) or rows[end] != rows[end - 1] + 1:
                    top = self.proxy.index(rows[start], 0, parent)
                    selection.select(top, self.proxy.index(rows[end - 1], last_column, parent))
                    start = end
        if not selection.isEmpty():
            flags = QItemSelectionModel.SelectionFlag
            self.tree.selectionModel().select(selection, flags.Select)

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if self._selection_held:
            self._selection_moved = True  # followed once, at the end (many_rows_changing)
            return
        selection = self.tree.selectionModel()
        indexes = self._selected_rows()
        if len(indexes) == 1 and not selection.isSelected(self.tree.currentIndex()):
            # Ctrl+click took the current row out of two: the row left selected is the one
            # the panels show and the edits take (they were blank, and the edits off).
            self._make_current(indexes[0], keep=True)
        node = self._shown = self.selected_node()
        unit = node.unit if node is not None else None
        self.tree_model.set_highlight(unit.id if unit is not None else None)
        focus = QApplication.focusWidget()
        editing = focus is not None and self.editor.isAncestorOf(focus)
        self.editor.show_unit(unit)
        if editing and QApplication.focusWidget() is None:
            # The field with the cursor went with the unit it showed (an undo took the unit
            # away, or selected another): the cursor goes to the tree, not nowhere, where
            # no key of the tree or the fields did anything.
            self.tree.setFocus()
        self.outcomes.show_unit(unit, node.parent.unit if node and node.parent else None)
        # Rows under another selected row go with it: a module and one of its items are
        # one row to edit ("1 rows selected" said otherwise).
        rows = self.selected_nodes() if len(indexes) > 1 else []
        several = len(rows) > 1
        self.totals_bar.show_node(node, rows)
        one_kind = len({type(row.unit) for row in rows}) == 1
        self._enable_edits_of(unit, several, one_kind)
        if several:
            if one_kind:
                text = tr(
                    "{0} rows selected: Delete, Cut, Copy and a drag take them all; the other "
                    "edits take one row."
                )
            else:
                # Pasted or dropped, they would all go to one place, where only one kind
                # of unit goes.
                text = tr(
                    "{0} rows selected: Delete deletes them all; Cut and Copy take rows of "
                    "one kind, and to drag them, select rows of one kind; the other edits "
                    "take one row."
                )
            self._rows_message = text.format(len(rows))
            self.show_message(self._rows_message)
        elif self.statusBar().currentMessage() == self._rows_message:
            # No longer true: "6 rows selected" stayed after they were deleted.
            self.statusBar().clearMessage()

    def _current_changed(self, *change: object) -> None:
        """The current row moved alone (Ctrl+End) out of several rows selected: the panels
        and the edits follow, as they do when the selection changes."""
        if not self._selection_held and self.selected_node() is not self._shown:
            self._selection_changed(QItemSelection(), QItemSelection())

    def _enable_edits_of(self, unit: object, several: bool = False, one_kind: bool = False) -> None:
        """The edits of a selected row, enabled only when one is selected: with none, they
        did nothing, without a word. With several rows selected, Delete takes them all, and
        Cut and Copy do when they are of one kind (Paste puts them in one place); Rename is
        the current row's, whose fields show; the others are for one row."""
        self.rename_action.setEnabled(unit is not None)
        self.delete_action.setEnabled(unit is not None or several)
        for action in (self.cut_action, self.copy_action):
            action.setEnabled(one_kind if several else unit is not None)
        for action in (
            self.duplicate_action,
            self.move_up_action,
            self.move_down_action,
        ):
            action.setEnabled(unit is not None and not several)
        self.independent_action.setEnabled(
            not several
            and isinstance(unit, Course | Module)
            and len(self.document.catalog.users(unit.id)) > 1
        )
        self._enable_inserts()

    def _enable_inserts(self) -> None:
        """Insert's actions, enabled where they can add: a unit after the selected one of
        its kind, or into the selected unit (or the one above it) that holds its kind; a
        program anywhere; an outcome to the selected program, course or module (an item's
        are its module's). Shown enabled where they could not, they did nothing but write
        why in the status bar."""
        for kind, action in self._add_unit_actions():
            self._enable_with_reason(action, self.structure.why_not_add(kind))
        node = self.selected_node()
        unit = node.unit if node is not None else None
        reason = None
        if not isinstance(unit, Program | Course | Module):
            reason = tr(ITEM_OUTCOMES if isinstance(unit, Item) else NO_OUTCOME_OWNER)
        self._enable_with_reason(self.add_outcome_action, reason)

    def _add_unit_actions(self) -> list[tuple[type[Course | Module | Item], QAction]]:
        return [
            (Course, self.add_course_action),
            (Module, self.add_module_action),
            (Item, self.add_item_action),
        ]

    def _enable_catalog_actions(self, *change: object) -> None:
        """The exports, enabled once the catalog has something to export; and the reasons
        the Insert actions give, which say what to add first while there is none of what
        a unit goes into. Redone only when the catalog gets its first program, course or
        module, or loses its last: it is told of every unit an edit adds or removes."""
        catalog = self.document.catalog
        state = (bool(catalog.programs), bool(catalog.courses), bool(catalog.modules))
        if state == self._catalog_state:
            return
        self._catalog_state = state
        programs, courses, _ = state
        self._enable_with_reason(
            self.export_action, None if programs or courses else tr(NOTHING_TO_EXPORT)
        )
        self._enable_with_reason(self.supplement_action, None if programs else tr(NO_SUPPLEMENT))
        for kind, action in self._add_unit_actions():
            if not action.isEnabled():
                self._enable_with_reason(action, self.structure.place_hint(kind))

    def _enable_with_reason(self, action: QAction, reason: str | None) -> None:
        """Enable the action, or disable it with the reason as its tooltip, which the
        toolbar shows, and its status tip, which its key says (a menu shows neither for an
        entry that is off)."""
        action.setEnabled(reason is None)
        action.setToolTip(reason or "")  # enabled: Qt's own, the action's name
        action.setStatusTip(reason or "")
        key = self._keys_when_off.get(action)
        if key is not None:
            key.setEnabled(reason is not None)

    def _say_why_off(self, action: QAction) -> None:
        """The key of an action that is off: why, in the status bar."""
        self.show_message(action.statusTip())

    def rename_selected(self) -> None:
        """Open the selected row's title for typing, in place, on the Design page: Edit >
        Rename from another page opened it in the hidden tree, and nothing showed."""
        node = self.selected_node()
        if node is None:
            return
        index = self.proxy.mapFromSource(self.tree_model.index_of(node))
        self.pages.setCurrentIndex(0)
        # Pressed again while the title is open for typing, it stays open (Qt refused a
        # second editor, warning "edit: editing failed").
        if self.tree.state() != QAbstractItemView.State.EditingState:
            self.tree.edit(index.siblingAtColumn(TITLE))

    def _show_tree_menu(self, point: QPoint) -> None:
        """The edits of the row right-clicked, which is selected first, as a menu."""
        index = self.tree.indexAt(point)
        if index.isValid():
            # Within the rows selected, they stay selected (Delete takes them all).
            selection = self.tree.selectionModel()
            self._make_current(index, keep=selection.isSelected(index))
        menu = QMenu(self.tree)
        menu.addActions(self.insert_actions())
        menu.addSeparator()
        menu.addActions(self.tree_actions())
        menu.addAction(self.independent_action)
        if self.tree_menu is not None:
            self.tree_menu.deleteLater()
        self.tree_menu = menu
        menu.popup(self.tree.viewport().mapToGlobal(point))

    def _problems_shown(self, shown: bool) -> None:
        """The Problems panel shown from the View menu has the cursor: the keyboard had to
        Tab through every field of the Details to reach it."""
        if shown:
            self.problems.list.setFocus()

    def show_keys(self) -> None:
        """Help > Keyboard Shortcuts (F1): every key, read from the menus' entries."""
        menus = [action.menu() for action in self.menuBar().actions()]
        self.keys_dialog = KeysDialog([m for m in menus if isinstance(m, QMenu)], self)
        self.keys_dialog.open()

    def show_about(self) -> None:
        self.about = about_box(self)
        self.about.open()

    def go_to_problems(self) -> None:
        """F6: the cursor into the Problems panel, which is shown if closed; pressed in the
        panel, the cursor goes back to where it was (else to the page's main list)."""
        focus = QApplication.focusWidget()
        if (
            focus is not None
            and self.problems_dock.isVisible()
            and self.problems_dock.isAncestorOf(focus)
        ):
            back = self._before_problems
            if back is not None and shiboken6.isValid(back) and back.isVisible():
                back.setFocus(Qt.FocusReason.ShortcutFocusReason)
            else:  # it went with the views it was in (Open, New), or is hidden
                self.show_page(self.pages.currentIndex())
            return
        self._before_problems = focus
        self.problems_dock.show()
        self.problems_dock.raise_()
        self.problems.list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _filter_changed(self, text: str) -> None:
        """Show what the text finds, with the first matches open; without a text, the
        tree as the designer had it, and the selected row in view.

        The rows opened for one text close before the next is applied: Qt keeps a
        persistent index for each open row and moves every one of them for each run of
        rows the filter hides or shows, so with the 300 rows a text opens, the next
        keystroke, or clearing the filter, froze the window 0.5-0.9 s (500 programs).
        """
        if self._open_before_filter is None:
            self._open_before_filter = self._open_rows()
        self.tree.collapseAll()
        self.proxy.set_text(text)
        self._say_if_no_match()
        # The tree lays its rows out once, when the event loop is back, rather than on
        # each expand: each laid out the rows below it and resized the scroll bars at once
        # (300 rows: 60-100 ms).
        self.tree.scheduleDelayedItemsLayout()
        if self.proxy.filtering:
            for index in self.proxy.rows_to_open():  # not expandAll: see rows_to_open
                self.tree.expand(index)
            return
        for row in self._open_before_filter:
            self.tree.expand(self.proxy.mapFromSource(row))
        self._open_before_filter = None
        if self.tree.currentIndex().isValid():
            self.tree.scrollTo(self.tree.currentIndex())  # opens the rows above it

    def _say_if_no_match(self, *change: object) -> None:
        """Say under the filter that its text finds no unit, while the tree shows none."""
        empty = self.proxy.filtering and self.proxy.rowCount() == 0
        if empty:
            self.no_match.setText(tr(NO_MATCH).format(" ".join(self.filter.text().split())))
        self.no_match.setVisible(empty)
        self.filter.setAccessibleDescription(self.no_match.text() if empty else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.filter and event.type() == QEvent.Type.FocusIn:
            self.proxy.prepare()  # the filter's index, made while the designer starts typing
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            if event.matches(QKeySequence.StandardKey.Copy):
                # Copy is off (rows of two kinds, or none): the tree view's own Ctrl+C would
                # put the current row's title on the clipboard, in place of the units copied
                # before.
                return True
            if event.matches(QKeySequence.StandardKey.SelectAll) and self.proxy.filtering:
                self._select_matches()
                return True
            if event.key() == Qt.Key.Key_Asterisk and self.tree.currentIndex().isValid():
                self._open_all_below(self.tree.currentIndex())
                return True
        if (
            watched is self.tree
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            # The Menu key or Shift+F10: Qt gives the current row's place in the tree's
            # coordinates, not its viewport's, and the menu took a row further down.
            self._show_tree_menu(self.tree.visualRect(self.tree.currentIndex()).center())
            return True
        return super().eventFilter(watched, event)

    def _open_all_below(self, index: QModelIndex) -> None:
        """Open the row and every row below it that has rows below it (the tree's `*`).

        The tree's own `*` laid out every open row of the tree again, stored each row below
        (items too) as open, a persistent index that Qt then moves on every later change,
        and searched the rows for a title starting with `*` (a key typed is a search):
        110-130 ms for a program of a large catalog. Opened while the row is closed, the
        rows below are only noted as open, and the row opened last lays out its own."""
        self.tree.collapse(index)
        pending = [index]
        while pending:
            parent = pending.pop()
            for row in range(self.proxy.rowCount(parent)):
                child = self.proxy.index(row, 0, parent)
                if self.proxy.hasChildren(child):
                    self.tree.expand(child)
                    pending.append(child)
        self.tree.expand(index)

    def _select_matches(self) -> None:
        """Select the rows the filter found among those shown (Ctrl+A while filtering).
        The tree's own Ctrl+A selected the programs shown above them too, and Delete took
        those, with all they hold."""
        found: list[QModelIndex] = []

        def look_under(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.proxy.matches(self.tree_model.node(self.proxy.mapToSource(index))):
                    found.append(index)
                if self.tree.isExpanded(index):
                    look_under(index)

        look_under(QModelIndex())
        if not found:
            return
        self._make_current(found[0])
        self._select_whole_rows(found)

    def _open_rows(self) -> list[QPersistentModelIndex]:
        """The tree's open rows, as rows of the tree model (which the filter leaves be)."""
        rows: list[QPersistentModelIndex] = []
        pending = [QModelIndex()]
        while pending:
            parent = pending.pop()
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    rows.append(QPersistentModelIndex(self.proxy.mapToSource(index)))
                    pending.append(index)
        return rows

    def undo(self) -> None:
        self.document.end_typing()  # typing after an undo is a new step
        self._show_step(self.document.undo_stack.undo)

    def redo(self) -> None:
        self.document.end_typing()
        self._show_step(self.document.undo_stack.redo)

    def _show_step(self, step: Callable[[], None]) -> None:
        """Take a step of the undo stack, then select in the tree the unit it changed (a
        unit deleted and brought back, a title restored), or the row before one it took
        away."""
        catalog = self.document.catalog
        places: list[tuple[object, int | None]] = []  # (unit, None) or (parent, row)
        # Rows the step put in the tree, as (parent, list, value): the last is where a unit
        # moved or came back to (the first change of a move undone is its removal from the
        # place it was dropped). Where they are is read once the step is over: a row put in
        # before another moves down.
        placed: list[tuple[Parent, str, object]] = []

        def in_list(parent: Parent, list_name: str, index: int, *rest: object) -> None:
            places.append((parent, index if list_name in TREE_LISTS else None))
            if list_name in TREE_LISTS:
                placed.append((parent, list_name, catalog.list_of(parent, list_name)[index]))

        def left_list(parent: object, list_name: str, index: int, value: object) -> None:
            # The row before the one that left (the original of a duplicate), else the parent.
            before = index - 1 if list_name in TREE_LISTS and index > 0 else None
            places.append((parent, before))

        def changed(node: object, *rest: object) -> None:
            places.append((node, None))

        def moved(parent: Parent, list_name: str, old: int, new: int) -> None:
            in_list(parent, list_name, new)

        signals: list[tuple[Signal, Callable[..., None]]] = [
            (catalog.field_changed, changed),
            (catalog.inserted, in_list),
            (catalog.moved, moved),
            (catalog.removed, left_list),
        ]
        for signal, slot in signals:
            signal.connect(slot)
        # A large step may put back or take away hundreds of rows.
        stack = self.document.undo_stack
        command = stack.command(stack.index() - (1 if step == stack.undo else 0))
        large = isinstance(command, EditCommand) and command.size() > LARGE_STEP
        with self.many_rows_changing(clear_panels=large):
            try:
                step()
            finally:
                for signal, slot in signals:
                    signal.disconnect(slot)
            rows = [row for row in map(partial(_row_now, catalog), placed) if row is not None]
            if rows or places:
                self._select_place(*(rows[-1] if rows else places[0]))
            if len(rows) > 1:  # an undo of Delete or a redo of Paste of several rows
                self._add_to_selection(rows[:-1])

    def _add_to_selection(self, rows: list[tuple[Parent, int]]) -> None:
        """Select these rows (parent, row) too, where the tree shows them."""
        tree = self.tree_model
        places: list[tuple[TreeNode, int]] = []
        for parent, row in rows:
            node = tree.root if parent is None else tree.first_place(parent.id)
            if node is not None:
                places.append((node, row))
        self._also_select(places)

    def _select_place(self, unit: object, row: int | None) -> None:
        catalog = self.document.catalog
        if isinstance(unit, Outcome) and unit.id in catalog:
            unit = catalog.owner(unit.id)
        if unit is None and row is not None:
            node: TreeNode | None = self.tree_model.root
        elif isinstance(unit, Program | Course | Module | Item) and unit.id in catalog:
            node = self.tree_model.first_place(unit.id)
        else:
            return
        # Only where the tree shows it: an undo leaves the filter as the designer set it.
        if node is not None and row is not None:
            self.select_child(node, row, reveal=False)
        elif node is not None:
            self.select_node(node, reveal=False)

    def show_page(self, page: int) -> None:
        """Bring this page forward, with the cursor in its main list, table or choice."""
        self.pages.setCurrentIndex(page)
        main = (
            self.tree,
            self.stackability.table,
            self.duplicates.list,
            self.pathways.holdings,
            self.roadmap.unit,
        )[page]
        main.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        """Put the cursor in the tree's filter, on the Design page, its text selected."""
        self.pages.setCurrentIndex(0)
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def add_outcome(self) -> None:
        self.tabs.setCurrentWidget(self.outcomes)
        if self.outcomes.owner is None:
            self.show_message(tr(NO_OUTCOME_OWNER))
            return
        self.outcomes.add_outcome()

    # ---- messages -----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def confirm(self, title: str, question: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=self)
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    def show_problems(self, error: CatalogError, importing: bool = False) -> None:
        """Why a file could not be opened (or a workbook imported): its first problems in
        the message, every one under Show Details, where a long list scrolls and can be
        copied (listed whole, 48 problems made the message taller than the screen)."""
        if importing:
            title, text = tr("Cannot import"), tr("“{0}” cannot be imported. Nothing was changed.")
        else:
            title, text = tr("Cannot open"), tr("“{0}” cannot be opened. Nothing was changed.")
        text = text.format(error.path.name)
        if error.path.parent != Path():  # where the file is: the name alone may be in many
            text += "\n" + tr("(in {0})").format(error.path.parent)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setObjectName("problemsDialog")
        problems = [str(problem) for problem in error.problems]
        shown = problems[:PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            more = tr("… and {0} more: see Show Details.").format(len(problems) - len(shown))
            shown.append(more)
            box.setDetailedText("\n".join(problems))
        box.setInformativeText("\n".join(shown))
        box.exec()

    def _update_title(self, *args: object) -> None:
        self.setWindowTitle(f"{self.document.title}[*] — Curriculum Designer")
        self.setWindowModified(self.document.modified)

    # ---- files --------------------------------------------------------------------------

    def set_document(self, document: Document) -> None:
        previous, self.document = self.document, document
        old_views = self.centralWidget()
        self._build_views()
        previous.close()
        self.files.clear_recovery()
        # Once the old views are deleted (Qt does it when the event loop runs again), and
        # with them the previous catalog: its units are let go of a slice at a time (all
        # at once, they froze the window 0.4 s at 150,000 items), then the sweep walks
        # what is left, not both catalogs.
        if old_views is None:
            keep_out_of_sweeps()
        else:
            units = list(previous.catalog.walk())
            # A large catalog is not swept (see keep_out_of_sweeps): the sweep would walk it.
            sweep = len(document.catalog.modules) < SWEEP_MODULES
            old_views.destroyed.connect(lambda: _let_go(units, sweep))

    def edit_settings(self) -> None:
        SettingsDialog(self.document, self).exec()

    # ---- window -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        """The layout of the last run; a damaged one (edited by hand) is passed over: the
        window would not open, every start, with any unsaved work never offered."""
        for saved, restore in (
            (self.settings.window_geometry, self.restoreGeometry),
            (self.settings.window_state, self.restoreState),
        ):
            try:
                layout = base64.b64decode(saved, validate=True)
            except ValueError:  # binascii.Error is one
                continue
            if layout:
                restore(QByteArray(layout))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._sized and not self.settings.window_state:  # else as the last run left it
            # The Problems panel's own wish, a third of a 1280 x 800 window, left the Outcomes
            # tab above too low for its table and the fields below; on a 640-pixel screen, a
            # quarter of the window.
            height = min(PROBLEMS_HEIGHT, self.height() // 4)
            self.resizeDocks([self.problems_dock], [height], Qt.Orientation.Vertical)
        self._sized = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self.files.ask_to_save():
            event.ignore()
            return
        self.settings.window_geometry = base64.b64encode(bytes(self.saveGeometry().data())).decode()
        self.settings.window_state = base64.b64encode(bytes(self.saveState().data())).decode()
        save_settings(self.settings)
        self.files.clear_recovery()
        self._stop_background_work()
        self.document.close()
        event.accept()

    def _stop_background_work(self) -> None:
        """The pages that compute in a worker thread stop, and wait for it: the catalog
        they read is going away (another file opens, or the window closes)."""
        for view in (self.problems, self.duplicates, self.stackability):
            view.close_document()


_letting_go = 0  # previous catalogs whose units are being let go of (see _let_go)


def _let_go(units: list[Node], sweep: bool) -> None:
    """Let go of a previous catalog's units between events, then sweep (see set_document).

    One sweep for the catalogs let go of together: old views are deleted when the event
    loop next runs, so after several files opened with no event loop between (a script,
    or a test that opens file after file), their views go in one go; a sweep for each,
    every one walking all the objects of the process (70 ms; a quarter of a second in a
    long test session), froze the window for seconds, and the Duplicates page's search
    came in too late for a test that waited 5 s for it. The last catalog let go of
    sweeps for all of them.
    """
    global _letting_go
    _letting_go += 1

    def freed() -> None:
        global _letting_go
        _letting_go -= 1
        if not _letting_go:
            keep_out_of_sweeps(sweep=sweep)

    free_between_events(units, freed)


def _row_now(catalog: Catalog, placed: tuple[Parent, str, object]) -> tuple[Parent, int] | None:
    """The row at which a value an undo step put in a list is, now that the step is over;
    None if it left again."""
    parent, list_name, value = placed
    if parent is not None and parent.id not in catalog:
        return None
    values = catalog.list_of(parent, list_name)
    row = next((row for row, each in enumerate(values) if each is value), None)
    return None if row is None else (parent, row)
