"""Long runs of clicks, keys, menu actions and drags in a real window, undone at the end.

A designer's session in miniature: rows are clicked and opened in the tree, units added,
deleted, duplicated, moved, cut and pasted, shared and copied by dragging, titles and
minutes typed. After every step the tree shows, for every row it has built, what a tree
built afresh shows; Qt's model checks watch every change the tree announces; and the
catalog saves to a file that opens again the same. At the end, Undo back to the start
gives the first file back, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from strategies import catalogs
from test_structure import drag
from window_actions import (
    assert_tree_shows_what_a_fresh_tree_shows,
    click_row,
    discard_and_close,
    path,
)

from designer.appsettings import AppSettings
from designer.model import Course, Item, Module
from designer.storage import dumps, loads, save
from designer.ui.main_window import MainWindow

ACTIONS = [
    "add_program_action",
    "add_course_action",
    "add_module_action",
    "add_item_action",
    "delete_action",
    "duplicate_action",
    "move_up_action",
    "move_down_action",
    "cut_action",
    "copy_action",
    "paste_action",
    "independent_action",
    "undo_action",
    "redo_action",
]


class WindowEdits(RuleBasedStateMachine):
    # Set by the edits_in_window fixture: one window for every run of the machine.
    window: MainWindow
    qtbot: QtBot
    folder: Path
    sample: Path
    files: list[bytes]  # files[k]: the catalog's file at undo index k
    table = None  # the outcomes table last shown, and its model tester

    @initialize(catalog=st.none() | catalogs())
    def open(self, catalog) -> None:
        path = self.folder / "catalog.curriculum.json"
        if catalog is None:
            catalog = loads(self.sample.read_bytes())
        save(catalog, path)
        QApplication.clipboard().clear()  # what a previous run copied would paste here
        self.window.document.undo_stack.setClean()
        assert self.window.files.open_file(path)
        self.tester = QAbstractItemModelTester(
            self.window.tree_model, QAbstractItemModelTester.FailureReportingMode.Warning
        )
        self.files = [dumps(self.window.document.catalog)]

    def teardown(self) -> None:
        stack = self.window.document.undo_stack
        while stack.canUndo():
            self.window.undo_action.trigger()
        assert dumps(self.window.document.catalog) == self.files[0]
        assert not self.window.isWindowModified()

    # ---- the tree ---------------------------------------------------------------------------

    def _rows(self) -> list[QModelIndex]:
        """The rows on show: the top ones and those under opened rows."""
        tree, found = self.window.tree, []
        model = tree.model()
        parents = [QModelIndex()]
        while parents:
            parent = parents.pop()
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                found.append(index)
                if tree.isExpanded(index):
                    parents.append(index)
        return found

    @rule(data=st.data())
    def click_row(self, data) -> None:
        """Click a row on show; perhaps open it too (the Right key)."""
        rows = self._rows()
        if rows:
            index = data.draw(st.sampled_from(rows))
            tree = self.window.tree
            click_row(self.qtbot, tree, index)
            assert tree.currentIndex() == index
            note(f"selected {path(index)}")
            if data.draw(st.booleans()):
                self.qtbot.keyClick(tree, Qt.Key.Key_Right)

    @rule(data=st.data())
    def drag_row(self, data) -> None:
        rows = self._rows()
        if len(rows) > 1:
            source, target = data.draw(st.lists(st.sampled_from(rows), min_size=2, max_size=2))
            copy = data.draw(st.booleans())
            note(f"drag {path(source)} onto {path(target)}{' (copy)' if copy else ''}")
            drag(self.window, source, target, copy=copy)
            self._after_edit()

    # ---- actions and typing ---------------------------------------------------------------

    @rule(name=st.sampled_from(ACTIONS))
    def act(self, name: str) -> None:
        getattr(self.window, name).trigger()
        if name in ("undo_action", "redo_action"):
            index = self.window.document.undo_stack.index()
            assert dumps(self.window.document.catalog) == self.files[index]
        else:
            self._after_edit()

    @precondition(lambda self: self.window.editor.unit is not None)
    # Typed keys are ASCII: QTest sends no others.
    @rule(text=st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=6))
    def type_title(self, text: str) -> None:
        self._type("title", text, then_return=True)

    @precondition(lambda self: isinstance(self.window.editor.unit, Item))
    @rule(text=st.sampled_from(["0", "15", "90", "-5", "abc", "7000", "12.5"]))
    def type_minutes(self, text: str) -> None:
        self._type("minutes", text)

    @precondition(lambda self: isinstance(self.window.editor.unit, Course | Module))
    @rule(text=st.sampled_from(["", "1", "5", "x", "40"]))
    def type_hours(self, text: str) -> None:
        self._type("hours", text)

    def _type(self, field: str, text: str, then_return: bool = False) -> None:
        """Type over a field of the Details tab."""
        self._click_tab(0)
        editor = self.window.editor.fields[field].editor
        editor.setFocus()
        editor.selectAll()
        self.qtbot.keyClicks(editor, text)
        if then_return:
            self.qtbot.keyClick(editor, Qt.Key.Key_Return)
        self._after_edit()

    # ---- the Outcomes tab ------------------------------------------------------------------

    def _outcomes_tab(self):
        """Click the Outcomes tab; the page it shows."""
        self._click_tab(1)
        outcomes = self.window.outcomes
        table = outcomes.table.model()
        if table is not None and table is not self.table:
            self.table = table  # a unit's outcomes: Qt's checks watch them too
            self.table_tester = QAbstractItemModelTester(
                table, QAbstractItemModelTester.FailureReportingMode.Warning
            )
        return outcomes

    @rule(button=st.sampled_from(["add_button", "remove_button", "up_button", "down_button"]))
    def outcome_button(self, button: str) -> None:
        outcomes = self._outcomes_tab()
        if outcomes.owner is not None and getattr(outcomes, button).isEnabled():
            self.qtbot.mouseClick(getattr(outcomes, button), Qt.MouseButton.LeftButton)
            self._after_edit()

    @rule(text=st.sampled_from(["Design a plan", "Understand it", "x"]), data=st.data())
    def type_outcome(self, text: str, data) -> None:
        outcomes = self._outcomes_tab()
        if outcomes.owner is not None and outcomes.owner.outcomes:
            row = data.draw(st.integers(0, len(outcomes.owner.outcomes) - 1))
            outcomes.table.selectRow(row)
            outcomes.text.setFocus()
            outcomes.text.selectAll()
            self.qtbot.keyClicks(outcomes.text, text)
            self.qtbot.keyClick(outcomes.text, Qt.Key.Key_Return)
            self._after_edit()

    @rule(row=st.integers(0, 5))
    def tick(self, row: int) -> None:
        """Tick or untick an outcome a unit's outcome supports, or one an item checks."""
        outcomes = self._outcomes_tab()
        for box in (outcomes.supports, outcomes.item_page.outcomes):
            entry = box.item(row) if box.isVisible() else None
            if entry is not None and entry.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                rect = box.visualItemRect(entry)
                self.qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                self.qtbot.keyClick(box, Qt.Key.Key_Space)
                self._after_edit()

    def _click_tab(self, number: int) -> None:
        """Click the Details (0) or Outcomes (1) tab."""
        bar = self.window.tabs.tabBar()
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(number).center())

    def _after_edit(self) -> None:
        stack = self.window.document.undo_stack
        now = dumps(self.window.document.catalog)
        if stack.index() < stack.count():
            # Steps to redo are left, so nothing was done (doing drops them): no change.
            assert now == self.files[stack.index()]
        else:
            self.files = self.files[: stack.index()] + [now]

    # ---- what must hold after every step ----------------------------------------------------

    @invariant()
    def events_are_handled(self) -> None:
        """Between a designer's actions the window's event loop runs: widgets made for the
        opened file show, queued updates happen. (Hypothesis runs invariants in the order
        of their names: this one comes first.)"""
        QApplication.processEvents()

    @invariant()
    def the_tree_shows_what_a_fresh_tree_shows(self) -> None:
        assert_tree_shows_what_a_fresh_tree_shows(self.window)

    @invariant()
    def saves_to_a_file_that_opens_the_same(self) -> None:
        raw = dumps(self.window.document.catalog)
        assert dumps(loads(raw)) == raw


@pytest.fixture
def edits_in_window(qtbot, tmp_path, sample_path, monkeypatch):
    window = MainWindow(AppSettings())
    window.show()
    qtbot.waitExposed(window)
    monkeypatch.setattr(window, "confirm", lambda *args: True)  # "Delete it?": yes
    WindowEdits.window, WindowEdits.qtbot = window, qtbot
    WindowEdits.folder, WindowEdits.sample = tmp_path, sample_path
    yield WindowEdits
    discard_and_close(window)


def test_a_session_of_edits_in_the_window_undoes_to_the_first_file(edits_in_window, qtlog):
    run_state_machine_as_test(
        edits_in_window,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
    # The model tester reports what breaks Qt's rules for models as warnings.
    assert [r.message for r in qtlog.records if "FAIL!" in r.message] == []
