"""The window on a large catalog: open to the painted tree, select, expand, type; peak memory.

    python benchmarks/window.py FILE [--against SAMPLE] [--rounds N] [--all]

Each round opens FILE, then the 4-program sample, each in a fresh child process (its own
QApplication, QT_QPA_PLATFORM=offscreen, its own settings folder), so that the peak memory
(VmHWM) is the window's alone and every "open" starts cold. In the child the window is
shown empty, as after starting the application; then File > Open's own path
(`window.files.open_file`) is timed until the new tree has painted its rows. Each operation
is then driven as a user drives it (QTest clicks and keys, the toolbar's actions) and timed
until the widget showing its result has repainted: a paint event reached it after the
action, with the result in place. After each edit the child keeps processing events for
0.8 s (longer than the pages' refresh delays), then until no page computes in the
background, and records the longest single stretch the event loop was blocked: the freeze
a designer would feel once they stop typing. After switching to a page (Stackability,
Duplicates...) it records the same ("after_page_..."); "autosave" is the longest stretch
while the minute's recovery copy is written.

The rows of `run.py` (ROWS) come from `window_rows`; `--all` here prints every operation
measured (the ordinary edits of the issue), not only the ones with a row.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "microsoft-certificates.curriculum.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # rows.py, run as a script too
from rows import Row, seconds  # noqa: E402

SETTLE = 0.8  # seconds of events after an edit: the pages refresh 300-500 ms after edits pause
PER_CHILD = 3  # repeats of each operation in one child process
ROW_OPERATIONS = ["select_program", "expand_course", "type_minutes"]
ALL_OPERATIONS = [
    "select_program",
    "select_course",
    "select_module",
    "select_item",
    "expand_course",
    "expand_module",
    "expand_course_during_checks",
    "type_minutes",
    "type_title",
    "undo",
    "redo",
    "insert_item",
    "delete_item",
    "switch_tab",
    "page_stackability",
    "page_duplicates",
    "page_pathways",
    "page_roadmap",
    "autosave",
    *[
        "select_program_outcomes",
        "select_item_outcomes",
        "add_outcome",
        "type_outcome",
        "bloom_level",
        "tick_supports",
        "tick_item_outcome",
        "remove_outcome",
        "duplicate_course",
        "move_course",
        "paste_program",
        "delete_program",
        "undo_delete_program",
        "problems_severity",
        "problems_rule",
        "problems_profile",
        "go_to_problem",
        "ignore_duplicates",
        "tick_holding",
    ],
]
# Not in --all: a filter of one letter took minutes before TreeFilter.rows_to_open.
# filter_keystroke's first repeat is also reported alone, as "filter_first_keystroke".
OTHER_OPERATIONS = ["filter_keystroke", "insert_item_filtered", "delete_item_filtered"]
FILTERED = "data"  # the filter's text for the edits made while it is on (both catalogs)
PAUSE = 0.3  # seconds from clicking into the filter to typing its first letter
FAST = 0.1  # seconds: the most an ordinary edit may block the window
OPEN_TARGET = 5.0  # seconds to the first painted tree
MEMORY_TARGET = 1536  # MB of peak resident memory for the window with the catalog open


# ---- the child: one window, one catalog -------------------------------------------------


def peak_memory_mb() -> tuple[float, str]:
    """The process's peak resident memory: VmHWM, or ru_maxrss where /proc is missing."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024, "VmHWM"
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "ru_maxrss"


def child(path: str, operations: list[str], repeat: int) -> dict[str, Any]:
    """Open path in a fresh window and time each operation repeat times (in this process)."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

    from designer.appsettings import AppSettings
    from designer.model import Bloom, Course, Item, Module, Outcome, Program
    from designer.model.edits import Insert, SetField
    from designer.ui.live_view import BackgroundView
    from designer.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    pauses: list[float] = []  # the garbage collector's passes of 50 ms or more
    started_at = [0.0]

    def collecting(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started_at[0] = time.perf_counter()
        elif time.perf_counter() - started_at[0] >= 0.05:
            pauses.append(time.perf_counter() - started_at[0])

    gc.callbacks.append(collecting)

    class PaintCount(QObject):
        """Counts the paint events a widget receives."""

        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.widget: QWidget | None = None

        def watch(self, widget: QWidget) -> None:
            if widget is not self.widget:
                if self.widget is not None:
                    self.widget.removeEventFilter(self)
                widget.installEventFilter(self)
                self.widget = widget

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    paints = PaintCount()

    def idle(seconds: float) -> float:
        """Process events for this long; the longest one pass of the event loop took."""
        end = time.perf_counter() + seconds
        longest = 0.0
        while time.perf_counter() < end:
            started = time.perf_counter()
            app.processEvents()
            longest = max(longest, time.perf_counter() - started)
            time.sleep(0.002)
        return longest

    def background_work() -> bool:
        """Whether a page's summary is computed in a worker thread (designer.ui.background),
        or computed and not yet shown (the result waits for the event loop)."""
        running = any(t.name.startswith("background") for t in threading.enumerate())
        return running or any(view.task is not None for view in window.findChildren(BackgroundView))

    def settle() -> float:
        """Events for SETTLE, then until no page computes in the background: the longest
        pass of the event loop meanwhile (a page shows its result on the UI thread)."""
        longest = idle(SETTLE)
        end = time.perf_counter() + 120
        while background_work() and time.perf_counter() < end:
            longest = max(longest, idle(0.05))
        return longest

    def quiet() -> None:
        """Until no summary is computed in the background: it shares the interpreter (the
        GIL) with the window, so an operation timed meanwhile would measure both."""
        end = time.perf_counter() + 120
        while background_work() and time.perf_counter() < end:
            idle(0.05)

    def timed(
        action: Callable[[], object],
        done: Callable[[], bool],
        widget: QWidget,
        wait_for_quiet: bool = True,
    ) -> float:
        """Seconds from the action to the first paint of widget with done() true."""
        if wait_for_quiet:
            quiet()
        paints.watch(widget)
        before = paints.count
        started = time.perf_counter()
        action()
        while not (paints.count > before and done()):
            app.processEvents()
            if time.perf_counter() - started > 120:
                raise TimeoutError(
                    f"the window did not show the result within 120 s (result in place: "
                    f"{done()}, painted since: {paints.count > before})"
                )
        return time.perf_counter() - started

    window = MainWindow(AppSettings())
    window.show()
    window.activateWindow()  # focus moves as a designer's clicks move it
    QTest.qWaitForWindowExposed(window)
    active = QTest.qWaitForWindowActive(window)
    idle(0.2)
    target = Path(path).resolve()

    # ---- open: File > Open's path, until the new tree has painted its rows --------------
    started = time.perf_counter()
    window.files.open_file(target)
    while window.document.path != target:  # in case opening ever returns before the load
        app.processEvents()
    paints.watch(window.tree.viewport())
    waited = time.perf_counter()
    while not (paints.count and window.tree.model().rowCount() > 0):
        app.processEvents()
        if time.perf_counter() - waited > 5 and not paints.count:
            window.tree.viewport().update()  # painted before we watched: ask once more
            waited = time.perf_counter()
    results: dict[str, Any] = {"open": [time.perf_counter() - started]}
    results["after_open"] = [idle(SETTLE)]
    tree = window.tree
    model = tree.model()
    catalog = window.document.catalog
    freezes: list[float] = []

    def unit_at(index: QModelIndex) -> Any:
        return window.tree_model.node(window.proxy.mapToSource(index)).unit

    def programs() -> int:
        return min(model.rowCount(), 4)

    def reaches(index: QModelIndex, levels: int) -> bool:
        """Whether a unit has descendants that many levels down (the sample's mostly not)."""
        if levels == 0:
            return True
        rows = (model.index(r, 0, index) for r in range(model.rowCount(index)))
        return any(reaches(row, levels - 1) for row in rows)

    def path_to(i: int, depth: int, below: int = 0) -> QModelIndex:
        """The i'th choice of a unit depth levels down (program, course, module, item),
        among those with descendants below levels further down, in the whole tree (the
        filter, if a filtering operation left it on, is cleared)."""
        if window.filter.text():
            window.filter.clear()
            idle(SETTLE)
        index = model.index(i % programs(), 0)
        for level in range(1, depth):
            tree.expand(index)
            rows = [model.index(r, 0, index) for r in range(model.rowCount(index))]
            rows = [row for row in rows if reaches(row, depth - level - 1 + below)]
            index = rows[(i // programs() if level == 1 else 0) % len(rows)]
        tree.scrollTo(index)
        idle(0.05)
        return index

    def click(index: QModelIndex) -> None:
        # The focus leaves the field typed in, which ends that undo step (as a click does).
        tree.setFocus()
        tree.scrollTo(index)
        QTest.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
        )

    def select(i: int, depth: int) -> float:
        index = path_to(i, depth)
        unit = unit_at(index)
        # Something else selected first (the parent, or another program), so the click
        # changes the selection.
        other = index.parent() if depth > 1 else model.index((i + 1) % programs(), 0)
        click(other)
        idle(0.05)
        index = path_to(i, depth)
        return timed(
            lambda: click(index),
            lambda: window.editor.unit is unit and window.totals_bar.node is not None,
            tree.viewport(),
        )

    def expand(i: int, depth: int, during_checks: bool = False) -> float:
        # An index not expanded yet; its children are built when first shown.
        index = path_to(i, depth, below=1)
        for _ in range(50):
            if not tree.isExpanded(index):
                break
            i += 1
            index = path_to(i, depth, below=1)
        click(index)
        tree.setFocus()
        idle(0.05)
        if during_checks:
            # An edit, then a pause long enough for the pages to start their summaries.
            quiet()
            item = next(i for m in catalog.modules.values() for i in m.items)
            window.document.push([SetField(item, "minutes", item.minutes + 1)], "minutes")
            end = time.perf_counter() + 3
            while not background_work() and time.perf_counter() < end:
                idle(0.05)
            if not background_work():
                return math.nan  # no work in the background to measure against
        return timed(
            lambda: QTest.keyClick(tree, Qt.Key.Key_Right),
            lambda: tree.isExpanded(index) and model.rowCount(index) > 0,
            tree.viewport(),
            wait_for_quiet=not during_checks,
        )

    def item_selected(i: int) -> tuple[QModelIndex, Item]:
        index = path_to(i, 4)
        click(index)
        idle(0.05)
        unit = unit_at(index)
        assert isinstance(unit, Item)
        return index, unit

    def type_minutes(i: int) -> float:
        index, item = item_selected(i)
        program_row = QPersistentModelIndex(model.index(index.parent().parent().parent().row(), 2))
        line = window.editor.fields["minutes"].editor
        assert isinstance(line, QLineEdit)
        line.setFocus()
        line.selectAll()
        value = next(v for v in range(35 + 5 * i, 1000, 5) if v != item.minutes)
        shown = window.totals_bar.ects.text(), program_row.data()
        took = timed(
            lambda: QTest.keyClicks(line, str(value)),
            lambda: (
                (window.totals_bar.ects.text(), program_row.data()) != shown
                and item.minutes == value
            ),
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    def type_title(i: int) -> float:
        index, item = item_selected(i)
        line = window.editor.fields["title"].editor
        assert isinstance(line, QLineEdit)
        line.setFocus()
        line.end(False)
        title = item.title + "x"
        row = QPersistentModelIndex(index)
        took = timed(
            lambda: QTest.keyClicks(line, "x"), lambda: row.data() == title, tree.viewport()
        )
        freezes.append(settle())
        return took

    def undo_or_redo(i: int, undo: bool) -> float:
        """Undo (or redo) a title typed into an item on screen, so the tree shows it."""
        index, item = item_selected(i)
        line = window.editor.fields["title"].editor
        assert isinstance(line, QLineEdit)
        line.setFocus()
        line.end(False)
        before = item.title
        # Its own undo step, as after leaving the field (an earlier edit of the same title
        # may still be the top of the stack, and typing would merge with it).
        window.document.end_typing()
        QTest.keyClicks(line, "u")
        idle(SETTLE)
        stack = window.document.undo_stack
        if not undo:
            stack.undo()
            idle(SETTLE)
        action = window.undo_action if undo else window.redo_action
        title = before if undo else before + "u"
        row = QPersistentModelIndex(index)
        took = timed(action.trigger, lambda: row.data() == title, tree.viewport())
        freezes.append(settle())
        return took

    def insert_item(i: int) -> float:
        module_index = path_to(i, 3, below=1)
        click(module_index)
        idle(0.05)
        module = unit_at(module_index)
        assert isinstance(module, Module)
        return add_item(module_index, len(module.items))

    def add_item(module_index: Any, count: int) -> float:
        """Add Item to the module clicked, of count items: timed until the new item is in
        the tree and selected (with the filter, if one is on, still on)."""
        text = window.filter.text()
        tree.setFocus()
        took = timed(
            window.add_item_action.trigger,
            lambda: (
                model.rowCount(module_index) == count + 1
                and isinstance(unit_at(tree.currentIndex()), Item)
                and window.filter.text() == text
            ),
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    def delete_row(module_index: Any, count: int) -> float:
        """Delete the item clicked in the module, of count items: timed until its row is
        gone (with the filter, if one is on, still on)."""
        text = window.filter.text()
        tree.setFocus()
        took = timed(
            window.delete_action.trigger,
            lambda: model.rowCount(module_index) == count - 1 and window.filter.text() == text,
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    def delete_item(i: int) -> float:
        # The item insert_item added (or the first one), so the catalog keeps its size.
        module_index = path_to(i, 3, below=1)
        tree.expand(module_index)
        module = unit_at(module_index)
        assert isinstance(module, Module)
        row = next((r for r, item in enumerate(module.items) if item.title == "New item"), 0)
        click(model.index(row, 0, module_index))
        idle(0.05)
        return delete_row(module_index, len(module.items))

    def filter_on() -> None:
        """The filter showing what FILTERED finds, typed as a designer types it."""
        if window.filter.text() == FILTERED:
            return
        window.filter.setFocus()
        window.filter.selectAll()
        QTest.keyClicks(window.filter, FILTERED)
        idle(SETTLE)

    def filtered_module(i: int) -> QPersistentModelIndex:
        """The i'th module (or the first) the filter shows whole, open: a new item in it
        shows too (its own text matches, or its course's)."""
        filter_on()
        found: list[QModelIndex] = []
        for program in (model.index(r, 0) for r in range(model.rowCount())):
            for course in (model.index(r, 0, program) for r in range(model.rowCount(program))):
                for module in (model.index(r, 0, course) for r in range(model.rowCount(course))):
                    unit = unit_at(module)
                    if isinstance(unit, Module) and model.rowCount(module) == len(unit.items):
                        found.append(module)
                if len(found) > i:
                    tree.expand(program)
                    tree.expand(course)
                    tree.expand(found[i])
                    tree.scrollTo(found[i])
                    idle(0.05)
                    return QPersistentModelIndex(found[i])
        raise LookupError(f"no module shown whole for the filter {FILTERED!r}")

    def insert_item_filtered(i: int) -> float:
        """insert_item with the filter on: the tree shows the new item once it is in."""
        module_index = filtered_module(i)
        click(QModelIndex(module_index))
        idle(0.05)
        took = add_item(module_index, model.rowCount(module_index))
        shown_freezes.setdefault("after_insert_item_filtered", []).append(freezes[-1])
        return took

    def delete_item_filtered(i: int) -> float:
        """delete_item with the filter on: the item insert_item_filtered added, or the first."""
        module_index = filtered_module(i)
        rows = [model.index(r, 0, module_index) for r in range(model.rowCount(module_index))]
        titles = [unit_at(row).title for row in rows]
        click(rows[titles.index("New item") if "New item" in titles else 0])
        idle(0.05)
        took = delete_row(module_index, len(rows))
        shown_freezes.setdefault("after_delete_item_filtered", []).append(freezes[-1])
        return took

    def switch_tab(i: int) -> float:
        select(i, 2)  # a course: both tabs have something to show
        idle(0.05)
        bar = window.tabs.tabBar()
        goal = 1 - window.tabs.currentIndex()
        page = window.tabs.widget(goal)
        return timed(
            lambda: QTest.mouseClick(
                bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(goal).center()
            ),
            lambda: window.tabs.currentIndex() == goal,
            page,
        )

    def filter_keystroke(i: int) -> float:
        """One more letter of "sql" typed into the tree's filter. The first repeat clicks
        into the filter and types "s" a designer's pause later: also reported alone, as
        the window's first keystroke in the filter when no edit filtered before it."""
        if i == 0:
            window.filter.clear()
            idle(0.1)
            quiet()
            # The designer's click makes the window active again, as a window manager
            # does (the dialog that showed the file's loading took that from it here).
            window.activateWindow()
            QTest.qWaitForWindowActive(window)
            QTest.mouseClick(window.filter, Qt.MouseButton.LeftButton)
            idle(PAUSE)
        window.filter.setFocus()
        text = window.filter.text() + "sql"[i % 3]
        took = timed(
            lambda: QTest.keyClicks(window.filter, text[-1]),
            lambda: window.filter.text() == text,
            tree.viewport(),
        )
        if i == 0:
            firsts.append(took)
        return took

    def autosave(i: int) -> float:
        """The autosave after an edit: the longest the window is kept from its events
        until the recovery copy is written (a large catalog's is tens of megabytes)."""
        type_minutes(i)
        quiet()
        writer = window.files.recovery
        started = time.perf_counter()
        window.files.autosave.timeout.emit()
        longest = time.perf_counter() - started
        while writer.writing:
            longest = max(longest, idle(0.05))
        return longest

    # ---- the Outcomes tab, structure edits, the panels and pages ------------------------

    def show_tab(page: QWidget) -> None:
        """The editor's tab (Details or Outcomes), clicked as a designer does."""
        bar = window.tabs.tabBar()
        goal = window.tabs.indexOf(page)
        if window.tabs.currentIndex() != goal:
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(goal).center())
            idle(0.05)

    def select_outcomes(i: int, depth: int) -> float:
        """select with the Outcomes tab showing: its table (or an item's list) follows."""
        show_tab(window.outcomes)
        took = select(i, depth)
        show_tab(window.editor)
        return took

    def outcome_owner(i: int, depth: int = 2) -> Course | Module:
        """The i'th course (or module) selected, with the Outcomes tab showing and its first
        outcome selected (one is added first if it has none: the sample's mostly have not)."""
        index = path_to(i, depth)
        click(index)
        idle(0.05)
        unit = unit_at(index)
        assert isinstance(unit, Course | Module)
        if not unit.outcomes:
            outcome = Outcome(id=catalog.new_id("o"), text="Explain the basics.")
            window.document.push([Insert(unit, "outcomes", 0, outcome)], "outcome")
        show_tab(window.outcomes)
        window.outcomes.table.selectRow(0)
        idle(0.05)
        return unit

    def outcome_edit(took: float) -> float:
        freezes.append(settle())
        show_tab(window.editor)
        return took

    def add_outcome(i: int) -> float:
        """The Outcomes tab's Add outcome: until the new row is in the table, selected."""
        unit = outcome_owner(i)
        count = len(unit.outcomes)
        table = window.outcomes.table
        button = window.outcomes.add_button
        took = timed(
            lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton),
            lambda: table.model().rowCount() == count + 1 and table.currentIndex().row() == count,
            table.viewport(),
        )
        return outcome_edit(took)

    def type_outcome(i: int) -> float:
        """A letter typed at the end of an outcome's text: until its row shows it."""
        unit = outcome_owner(i)
        outcome = unit.outcomes[0]
        text = window.outcomes.text
        text.setFocus()
        text.end(False)
        wanted = outcome.text + "x"
        table = window.outcomes.table
        row = QPersistentModelIndex(table.model().index(0, 0))
        took = timed(
            lambda: QTest.keyClicks(text, "x"),
            lambda: outcome.text == wanted and row.data() == wanted,
            table.viewport(),
        )
        window.document.end_typing()
        return outcome_edit(took)

    def bloom_level(i: int) -> float:
        """The Bloom level box's next (or previous) level, chosen with the arrow keys."""
        unit = outcome_owner(i)
        outcome = unit.outcomes[0]
        level = window.outcomes.level
        level.setFocus()
        before = outcome.bloom
        key = Qt.Key.Key_Up if before is list(Bloom)[-1] else Qt.Key.Key_Down
        table = window.outcomes.table
        row = QPersistentModelIndex(table.model().index(0, 1))
        shown = row.data()
        took = timed(
            lambda: QTest.keyClick(level, key),
            lambda: outcome.bloom != before and row.data() != shown,
            table.viewport(),
        )
        return outcome_edit(took)

    def tick(entries: Any, row: int) -> None:
        """Space on a list's row: its tick box changes, as a click on it does."""
        entries.setFocus()
        entries.setCurrentRow(row)
        QTest.keyClick(entries, Qt.Key.Key_Space)

    def tick_supports(i: int) -> float:
        """Tick (or untick) the first box of Supports: the outcome's alignment, in its row."""
        unit = outcome_owner(i)
        outcome = unit.outcomes[0]
        supports = window.outcomes.supports
        if not supports.count():
            return math.nan  # no parent with outcomes (a program's outcomes support nothing)
        before = list(outcome.supports)
        table = window.outcomes.table
        row = QPersistentModelIndex(table.model().index(0, 2))
        shown = row.data()
        took = timed(
            lambda: tick(supports, 0),
            lambda: outcome.supports != before and row.data() != shown,
            supports.viewport(),
        )
        return outcome_edit(took)

    def tick_item_outcome(i: int) -> float:
        """An item's Outcomes tab: tick (or untick) the first of its module's outcomes."""
        index, item = item_selected(i)
        show_tab(window.outcomes)
        entries = window.outcomes.item_page.outcomes
        if not entries.count():
            return outcome_edit(math.nan)  # its module has no outcomes
        before = list(item.outcome_ids)
        took = timed(
            lambda: tick(entries, 0),
            lambda: item.outcome_ids != before and entries.count() > 0,
            entries.viewport(),
        )
        return outcome_edit(took)

    def remove_outcome(i: int) -> float:
        """Remove the last outcome of a course (add_outcome's, if it ran): until its row
        has left the table. The first in a session indexes who names each outcome."""
        unit = outcome_owner(i)
        count = len(unit.outcomes)
        table = window.outcomes.table
        table.selectRow(count - 1)
        idle(0.05)
        button = window.outcomes.remove_button
        took = timed(
            lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton),
            lambda: table.model().rowCount() == count - 1,
            table.viewport(),
        )
        return outcome_edit(took)

    def duplicate_course(i: int) -> float:
        """Edit > Duplicate on a course: until the copy is in the tree after it, selected.
        (The edits on the tree's selection are triggered as their actions, as insert_item's:
        their keys need the window active, which the dialog of a large file's loading took.)"""
        index = path_to(i, 2)
        click(index)
        idle(0.05)
        program = QPersistentModelIndex(index.parent())
        count = model.rowCount(QModelIndex(program))
        original = unit_at(index)
        took = timed(
            window.duplicate_action.trigger,
            lambda: (
                model.rowCount(QModelIndex(program)) == count + 1
                and isinstance(unit_at(tree.currentIndex()), Course)
                and unit_at(tree.currentIndex()) is not original
            ),
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    def move_course(i: int) -> float:
        """Move Down on a program's first course: until it shows in its new row, selected."""
        index = path_to(i, 2)
        if index.row() > 0:
            index = index.siblingAtRow(0)
        click(index)
        idle(0.05)
        course = unit_at(index)
        took = timed(
            window.move_down_action.trigger,
            lambda: tree.currentIndex().row() == 1 and unit_at(tree.currentIndex()) is course,
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    def paste_program(i: int) -> float:
        """Copy, then Paste, on a program: until the copy is in the tree, selected."""
        index = path_to(i, 1)
        click(index)
        idle(0.05)
        window.copy_action.trigger()
        idle(0.05)
        count = model.rowCount()
        original = unit_at(index)
        took = timed(
            window.paste_action.trigger,
            lambda: (
                model.rowCount() == count + 1
                and isinstance(unit_at(tree.currentIndex()), Program)
                and unit_at(tree.currentIndex()) is not original
            ),
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    # Deleting a program asks first: the benchmark answers Delete, as a designer does, and
    # times the deletion from that answer on.
    window.confirm = lambda *args: True  # type: ignore[method-assign]

    def delete_program(i: int, then_undo: bool = False) -> float:
        """Delete on a program (the last one: a copy paste_program made, if it ran), until
        its row has gone; or, then_undo, Undo after it, until the program is back."""
        index = model.index(model.rowCount() - 1 - i % 2, 0)
        click(index)
        idle(0.05)
        count = model.rowCount()
        program = unit_at(index)
        delete = window.delete_action.trigger
        if then_undo:
            delete()
            freezes.append(settle())
            took = timed(
                window.undo_action.trigger,
                lambda: model.rowCount() == count and unit_at(tree.currentIndex()) is program,
                tree.viewport(),
            )
        else:
            took = timed(delete, lambda: model.rowCount() == count - 1, tree.viewport())
        freezes.append(settle())
        return took

    def problems_choice(box: Any, i: int, first: int = 0) -> float:
        """The Down key in one of the Problems panel's filters: until the list shows."""
        problems = window.problems
        quiet()
        box.setCurrentIndex(first + i % max(box.count() - 1 - first, 1))
        idle(0.1)
        box.setFocus()
        goal = box.currentIndex() + 1
        took = timed(
            lambda: QTest.keyClick(box, Qt.Key.Key_Down),
            lambda: box.currentIndex() == goal,
            problems.list.viewport(),
        )
        shown_freezes.setdefault("after_problems_filter", []).append(settle())
        box.setCurrentIndex(0)  # every finding listed again, for the next operation
        idle(0.1)
        return took

    def problems_profile(i: int) -> float:
        """Another profile: the checks run again in the background (the freeze until their
        findings are shown is "after_problems_profile")."""
        box = window.problems.profile
        box.setFocus()
        key = Qt.Key.Key_Up if box.currentIndex() == box.count() - 1 else Qt.Key.Key_Down
        goal = box.currentIndex() + (-1 if key == Qt.Key.Key_Up else 1)
        took = timed(lambda: QTest.keyClick(box, key), lambda: box.currentIndex() == goal, box)
        shown_freezes.setdefault("after_problems_profile", []).append(settle())
        return took

    def go_to_problem(i: int) -> float:
        """Enter on a finding of the Problems panel (as a double click): until the tree
        shows its unit selected, in the editor."""
        problems = window.problems
        quiet()
        rows = problems.model.rows
        if not rows:
            return math.nan
        # The i'th finding along (or the next) whose unit the tree shows: a program's,
        # course's, module's or item's, in a program (not one deleted since the checks).
        for step in range(len(rows)):
            row = (i * 7919 + step) % len(rows)
            shown = catalog.get_or_none(rows[row].unit)
            unit_kind = isinstance(shown, Program | Course | Module | Item)
            if unit_kind and window.tree_model.first_place(rows[row].unit) is not None:
                break
        else:
            return math.nan
        unit = catalog.get(rows[row].unit)
        other = model.index(0 if unit_at(model.index(0, 0)) is not unit else 1, 0)
        click(other)  # something else selected first, so that the tree's selection changes
        idle(0.05)
        problems.list.setFocus()
        problems.list.setCurrentIndex(problems.model.index(row, 0))
        idle(0.05)
        took = timed(
            lambda: QTest.keyClick(problems.list, Qt.Key.Key_Return),
            lambda: window.editor.unit is unit and unit_at(tree.currentIndex()) is unit,
            tree.viewport(),
        )
        freezes.append(settle())
        return took

    def on_page(name: str) -> QWidget:
        bar = window.pages.tabBar()
        goal = next(n for n in range(bar.count()) if bar.tabText(n) == name)
        if window.pages.currentIndex() != goal:
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(goal).center())
            settle()
        return window.pages.widget(goal)

    def ignore_duplicates(i: int) -> float:
        """Not duplicates: ignore, on a group of the Duplicates page: until it has left."""
        on_page("Duplicates")
        view = window.duplicates
        count = view.model.rowCount()
        if not count:
            return math.nan
        view.list.setCurrentIndex(view.model.index(i % count, 0))
        idle(0.05)
        took = timed(
            lambda: QTest.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton),
            lambda: view.model.rowCount() == count - 1,
            view.list.viewport(),
        )
        shown_freezes.setdefault("after_ignore_duplicates", []).append(settle())
        window.pages.setCurrentIndex(0)
        idle(0.1)
        return took

    def tick_holding(i: int) -> float:
        """Space on a holding of the Pathways page (a program, then a course): until the
        tick shows; the pathway and the next certificates are worked out before that."""
        on_page("Pathways")
        panel = window.pathways
        programs = len(catalog.programs)
        row = 1 + i if i % 2 == 0 else programs + i
        row = min(row, panel.holdings.count() - 1)
        held = panel.held()
        took = timed(
            lambda: tick(panel.holdings, row),
            lambda: panel.held() != held,
            panel.holdings.viewport(),
        )
        shown_freezes.setdefault("after_tick_holding", []).append(settle())
        window.pages.setCurrentIndex(0)
        idle(0.1)
        return took

    # The longest freeze after each page's switch, or each edit made while filtering.
    shown_freezes: dict[str, list[float]] = {}
    firsts: list[float] = []  # filter_keystroke's first repeat

    def page(name: str) -> Callable[[int], float]:
        operation = f"page_{name.lower()}"

        def switch(i: int) -> float:
            type_minutes(i)  # an edit first: the page has something new to show
            bar = window.pages.tabBar()
            goal = next(n for n in range(bar.count()) if bar.tabText(n) == name)
            widget = window.pages.widget(goal)
            took = timed(
                lambda: QTest.mouseClick(
                    bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(goal).center()
                ),
                lambda: window.pages.currentIndex() == goal,
                widget,
            )
            # The page then computes in the background and shows its result.
            shown_freezes.setdefault(f"after_{operation}", []).append(settle())
            window.pages.setCurrentIndex(0)
            idle(0.1)
            return took

        return switch

    kinds = {1: Program, 2: Course, 3: Module, 4: Item}
    measures: dict[str, Callable[[int], float]] = {
        "select_program": lambda i: select(i, 1),
        "select_course": lambda i: select(i, 2),
        "select_module": lambda i: select(i, 3),
        "select_item": lambda i: select(i, 4),
        "expand_course": lambda i: expand(i, 2),
        "expand_module": lambda i: expand(i, 3),
        "expand_course_during_checks": lambda i: expand(i, 2, during_checks=True),
        "type_minutes": type_minutes,
        "type_title": type_title,
        "undo": lambda i: undo_or_redo(i, undo=True),
        "redo": lambda i: undo_or_redo(i, undo=False),
        "insert_item": insert_item,
        "delete_item": delete_item,
        "switch_tab": switch_tab,
        "filter_keystroke": filter_keystroke,
        "insert_item_filtered": insert_item_filtered,
        "delete_item_filtered": delete_item_filtered,
        "autosave": autosave,
        "page_stackability": page("Stackability"),
        "page_duplicates": page("Duplicates"),
        "page_pathways": page("Pathways"),
        "page_roadmap": page("Roadmap"),
        "select_program_outcomes": lambda i: select_outcomes(i, 1),
        "select_item_outcomes": lambda i: select_outcomes(i, 4),
        "add_outcome": add_outcome,
        "type_outcome": type_outcome,
        "bloom_level": bloom_level,
        "tick_supports": tick_supports,
        "tick_item_outcome": tick_item_outcome,
        "remove_outcome": remove_outcome,
        "duplicate_course": duplicate_course,
        "move_course": move_course,
        "paste_program": paste_program,
        "delete_program": delete_program,
        "undo_delete_program": lambda i: delete_program(i, then_undo=True),
        "problems_severity": lambda i: problems_choice(window.problems.severity, i),
        "problems_rule": lambda i: problems_choice(window.problems.rule, i),
        "problems_profile": problems_profile,
        "go_to_problem": go_to_problem,
        "ignore_duplicates": ignore_duplicates,
        "tick_holding": tick_holding,
    }
    assert kinds and catalog.programs
    for operation in operations:
        results[operation] = [measures[operation](i) for i in range(repeat)]
    results["freeze_after_edit"] = freezes
    if firsts:
        results["filter_first_keystroke"] = firsts
    results.update(shown_freezes)
    results["gc_pauses"] = pauses
    results["window_active"] = active
    results["peak_mb"], results["memory_how"] = peak_memory_mb()
    items = sum(len(m.items) for m in catalog.modules.values())
    results["size"] = [len(catalog.programs), len(catalog.courses), items]
    window.document.undo_stack.setClean()
    window.close()
    return results


def quit_child() -> None:
    """What the application does as it quits (designer.ui.app.run, on aboutToQuit), which
    the child never did, as it runs no exec(): its exit crashed, or took minutes.

    The window closes, if an operation that failed left it open: its pages' checks stop,
    and the recovery copy is deleted. The background work stops: left running, each of its
    progress reports waited half a second for the event loop. The clipboard lets go of the
    data copy_action put there: Qt deleted it after Python had finished, and PySide6
    crashed (SIGSEGV) as it did.
    """
    from PySide6.QtWidgets import QApplication

    from designer.ui.app import release_clipboard
    from designer.ui.background import stop_all
    from designer.ui.main_window import MainWindow

    if QApplication.instance() is None:
        return
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow) and window.isVisible():
            window.document.undo_stack.setClean()  # no question about unsaved changes
            window.close()
    stop_all()
    release_clipboard()


# ---- the parent: rounds of children, medians ----------------------------------------------


def run_child(path: Path, operations: list[str], repeat: int) -> dict[str, Any]:
    """One fresh process with its own settings folder; its results as a dict."""
    with tempfile.TemporaryDirectory(prefix="bench-window-") as config:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CURRICULUM_DESIGNER_CONFIG=config)
        command = [sys.executable, __file__, "--child", str(path), "--repeat", str(repeat)]
        command += ["--operations", ",".join(operations)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"window child failed ({done.returncode}): {done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


class Measured(NamedTuple):
    ours: dict[str, list[float]]  # operation -> every time measured, over all rounds
    baseline: dict[str, list[float]]
    ours_peak: list[float]  # MB, one per child
    baseline_peak: list[float]
    memory_how: str
    size: list[int]  # programs, courses, items of ours
    rounds: int


def measure(
    path: Path,
    operations: list[str],
    rounds: int,
    budget: float = 1e9,
    against: Path = SAMPLE,
    repeat: int = PER_CHILD,
) -> Measured:
    """Rounds of (ours, then the sample), each in a fresh child; fewer if over budget."""
    ours: dict[str, list[float]] = {}
    base: dict[str, list[float]] = {}
    peaks: tuple[list[float], list[float]] = ([], [])
    how, size = "", []
    started = time.perf_counter()
    done = 0
    while done < rounds:
        for n, (file, into) in enumerate(((path, ours), (against, base))):
            result = run_child(file, operations, repeat)
            for name, times in result.items():
                if isinstance(times, list) and name not in ("size",):
                    into.setdefault(name, []).extend(times)
            peaks[n].append(result["peak_mb"])
            how = result["memory_how"]
            if n == 0:
                size = result["size"]
        done += 1
        per_round = (time.perf_counter() - started) / done
        if done >= 1 and time.perf_counter() - started + per_round > budget:
            break
    return Measured(ours, base, peaks[0], peaks[1], how, size, done)


# ---- the rows of run.py -------------------------------------------------------------------


def _measured(ctx: Any) -> Measured:
    """Measured once for all the window rows, on the run's catalog saved to a file."""
    if "window" not in ctx.results:
        from designer.storage import save

        with tempfile.TemporaryDirectory(prefix="bench-window-") as folder:
            path = Path(folder, "generated.curriculum.json")
            save(ctx.catalog, path)
            ctx.results["window"] = measure(path, ROW_OPERATIONS, ctx.repeat, ctx.budget)
    measured: Measured = ctx.results["window"]
    return measured


def _programs(ctx: Any) -> int:
    return len(ctx.catalog.programs)


def _time_row(ctx: Any, operation: str, name: str, limit: float) -> Row:
    measured = _measured(ctx)
    ours = statistics.median(measured.ours[operation])
    base = statistics.median(measured.baseline[operation])
    worst = max(measured.ours[operation])
    target = f"ours <= {seconds(limit)}"
    note = (
        f"median of {len(measured.ours[operation])} ({measured.rounds} fresh windows, "
        f"{len(measured.ours[operation]) // measured.rounds} each); slowest {seconds(worst)}; "
        f"the sample's slowest {seconds(max(measured.baseline[operation]))}"
    )
    return Row(name, ours, base, ours / base, target, ours <= limit, note)


def row_window_open(ctx: Any) -> Row:
    measured = _measured(ctx)
    programs, courses, items = measured.size
    ours = statistics.median(measured.ours["open"])
    base = statistics.median(measured.baseline["open"])
    after = statistics.median(measured.ours["after_open"])
    note = (
        f"median of {measured.rounds}, each in a fresh process; {programs} programs, "
        f"{courses:,} courses, {items:,} items against the sample's 4 programs; "
        f"File > Open's path (window.files.open_file) until the tree has painted; then the "
        f"longest freeze in the next {SETTLE} s: {seconds(after)} (the sample: "
        f"{seconds(statistics.median(measured.baseline['after_open']))})"
    )
    name = f"window: open the file to the painted tree ({programs} programs)"
    target = f"ours <= {seconds(OPEN_TARGET)}"
    return Row(name, ours, base, ours / base, target, ours <= OPEN_TARGET, note)


def row_window_select(ctx: Any) -> Row:
    return _time_row(ctx, "select_program", "window: select a program", FAST)


def row_window_expand(ctx: Any) -> Row:
    return _time_row(ctx, "expand_course", "window: expand a course (children built)", FAST)


def row_window_minutes(ctx: Any) -> Row:
    row = _time_row(ctx, "type_minutes", "window: type minutes, program total shown", FAST)
    return row._replace(note=row.note + "; two keystrokes, each an edit the totals follow")


def row_window_freeze(ctx: Any) -> Row:
    measured = _measured(ctx)
    ours = max(measured.ours["freeze_after_edit"])
    base = max(measured.baseline["freeze_after_edit"])
    note = (
        f"the longest pass of the event loop in the {SETTLE} s after each minutes edit, "
        f"then until no page computes in the background (the pages' deferred refreshes, "
        f"the checks' findings shown), the worst of "
        f"{len(measured.ours['freeze_after_edit'])}; median "
        f"{seconds(statistics.median(measured.ours['freeze_after_edit']))}"
    )
    pauses = measured.ours.get("gc_pauses", [])
    if pauses:
        note += (
            f"; the garbage collector paused the window for 50 ms or more {len(pauses)} "
            f"times in {measured.rounds} sessions, the longest {seconds(max(pauses))} "
            f"(the sample: {len(measured.baseline.get('gc_pauses', []))} times)"
        )
    name = "window: longest freeze after an edit"
    ratio = ours / base if base > 0 else "-"
    return Row(name, ours, base, ratio, f"ours <= {seconds(FAST)}", ours <= FAST, note)


def row_window_memory(ctx: Any) -> Row:
    measured = _measured(ctx)
    ours = max(measured.ours_peak)
    base = max(measured.baseline_peak)
    note = (
        f"the peak resident memory ({measured.memory_how}) of the window's process, from "
        f"start to the last operation, the highest of {measured.rounds} fresh processes; "
        f"Qt, PySide6 and the imports alone are about the sample's figure"
    )
    name = "window: peak memory of the process"
    target = f"ours <= {MEMORY_TARGET / 1024:.1f} GB"
    return Row(
        name,
        f"{ours:,.0f} MB",
        f"{base:,.0f} MB",
        f"{ours / base:.2f}x",
        target,
        ours <= MEMORY_TARGET,
        note,
    )


WINDOW_ROWS = [
    row_window_open,
    row_window_select,
    row_window_expand,
    row_window_minutes,
    row_window_freeze,
    row_window_memory,
]
WINDOW_RATIO = (
    "window: ratio = the generated catalog's time / the 4-program sample's (for comparison "
    "only: the target is the absolute time, as the sample's operations take milliseconds); "
    "each round opens both in fresh offscreen windows, operations driven with QTest"
)


# ---- by hand ------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--against", type=Path, default=SAMPLE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=PER_CHILD, help="per child process")
    parser.add_argument("--all", action="store_true", help="every ordinary edit, not just rows")
    parser.add_argument("--operations", help="comma-separated operations")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.operations:
        operations = [o for o in args.operations.split(",") if o]
    else:
        operations = ALL_OPERATIONS if args.all else ROW_OPERATIONS
    if args.child:
        try:
            print(json.dumps(child(str(args.file), operations, args.repeat)), flush=True)
        finally:
            quit_child()  # an error, if any, is then the last thing the parent reads
        return 0
    measured = measure(args.file, operations, args.rounds, against=args.against, repeat=args.repeat)
    print(f"{args.file} {measured.size} against {args.against.name}: medians (slowest)")
    afters = [name for name in measured.ours if name.startswith("after_") and name != "after_open"]
    firsts = ["filter_first_keystroke"] if "filter_keystroke" in operations else []
    names = ["open", "after_open", *operations, *firsts, *afters, "freeze_after_edit"]
    for name in [*names, "gc_pauses"]:
        ours = [t for t in measured.ours.get(name, []) if not math.isnan(t)]
        base = [t for t in measured.baseline.get(name, []) if not math.isnan(t)]
        if ours:
            sample = (
                f"{seconds(statistics.median(base)):>8s} ({seconds(max(base)):>8s})"
                if base
                else "       -"
            )
            print(
                f"  {name:28s} {seconds(statistics.median(ours)):>9s} "
                f"({seconds(max(ours)):>8s})   sample {sample}"
            )
    peaks = max(measured.ours_peak), max(measured.baseline_peak)
    print(f"  peak memory {peaks[0]:,.0f} MB, sample {peaks[1]:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
