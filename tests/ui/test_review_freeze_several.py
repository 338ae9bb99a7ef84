"""Edits of many rows at once (Ctrl+A in a filtered tree, then Delete; several courses
Ctrl+clicked) stay one undo step, and the panels follow the selection once per step, not
once per row: following each row took a minute for 529 rows of a large catalog."""

from PySide6.QtCore import QModelIndex, Qt
from test_structure import CSHARP, FULL
from window_actions import DialogAnswers, assert_tree_shows_what_a_fresh_tree_shows, tree_index

from designer.model.edits import AddUnit, Remove, RemoveUnit, SetField, apply_all
from designer.storage import dumps, load

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_matches(window):
    """The rows the filter found among those the tree shows, in the tree's order."""
    found = []

    def look_under(parent):
        for row in range(window.proxy.rowCount(parent)):
            index = window.proxy.index(row, 0, parent)
            node = window.tree_model.node(window.proxy.mapToSource(index))
            if window.proxy.matches(node):
                found.append(node)
            if window.tree.isExpanded(index):
                look_under(index)

    look_under(QModelIndex())
    return found


def count_panel_updates(window, monkeypatch):
    """How many times the panels show the selection (the totals bar shows it each time)."""
    calls = []
    show_node = window.totals_bar.show_node
    monkeypatch.setattr(
        window.totals_bar, "show_node", lambda *args: (calls.append(args), show_node(*args))
    )
    return calls


def filter_and_select_all(window, qtbot, text="data"):
    qtbot.keyClicks(window.filter, text)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_A, CTRL)


def test_ctrl_a_while_filtering_selects_the_matches_as_whole_rows_in_few_ranges(window, qtbot):
    filter_and_select_all(window, qtbot)
    matches = shown_matches(window)
    assert len(matches) > 5
    assert len({type(node.unit) for node in matches}) > 1  # rows of several kinds
    selection = window.tree.selectionModel()
    selected = [
        window.tree_model.node(window.proxy.mapToSource(i)) for i in selection.selectedRows()
    ]
    assert sorted(map(id, selected)) == sorted(map(id, matches))
    # The window's own reading of the selected rows is Qt's, in the same order.
    assert window._selected_rows() == selection.selectedRows()
    # Whole rows, one range for each run of rows under one parent: a range a row made Qt
    # compare every range with every other.
    ranges = selection.selection()
    last_column = window.proxy.columnCount() - 1
    assert all(ranges.at(i).left() == 0 for i in range(ranges.count()))
    assert all(ranges.at(i).right() == last_column for i in range(ranges.count()))
    parents = {(i.parent().row(), i.parent().internalId()) for i in selection.selectedRows()}
    assert ranges.count() < len(matches) and ranges.count() >= len(parents)


def test_delete_of_all_the_rows_found_is_one_step_and_the_panels_follow_it_once(
    window, qtbot, monkeypatch
):
    catalog = window.document.catalog
    before = dumps(catalog)
    steps = window.document.undo_stack.count()
    filter_and_select_all(window, qtbot)
    assert len(window.tree.selectionModel().selectedRows()) > 5
    rows = len(window.selected_nodes())  # a row under another selected one goes with it
    assert rows > 1
    updates = count_panel_updates(window, monkeypatch)
    refreshes = []
    refresh = window.totals_bar.refresh
    monkeypatch.setattr(window.totals_bar, "refresh", lambda: (refreshes.append(1), refresh()))
    answers = DialogAnswers(qtbot)
    answers.answer("Delete")
    window.delete_action.trigger()
    assert window.document.undo_stack.count() == steps + 1
    # The totals are shown once the step is made, not at each of its model edits.
    assert 1 <= len(refreshes) <= 3
    assert window.undo_action.text() == f"Undo Delete {rows} rows"
    # Cleared, then the row near the first one: not once per row that went.
    assert len(updates) <= 2
    assert len(window.selected_nodes()) <= 1
    after = dumps(catalog)
    assert after != before

    updates.clear()
    window.undo_action.trigger()
    assert dumps(catalog) == before
    assert len(updates) <= 2
    # The rows brought back are selected again, all of them.
    assert len(window.selected_nodes()) == rows

    updates.clear()
    window.redo_action.trigger()
    assert dumps(catalog) == after
    assert len(updates) <= 2
    window.undo_action.trigger()
    assert dumps(catalog) == before
    window.filter.clear()
    assert_tree_shows_what_a_fresh_tree_shows(window)


def test_several_courses_deleted_make_one_command_and_undo_restores_the_catalog(
    window, qtbot, monkeypatch
):
    catalog = window.document.catalog
    before = dumps(catalog)
    program = tree_index(window, FULL)
    window.tree.expand(program)
    courses = [window.proxy.index(row, 0, program) for row in range(3)]
    window.tree.setCurrentIndex(courses[0])
    for index in courses[1:]:
        point = window.tree.visualRect(index).center()
        qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, CTRL, point)
    assert len(window.selected_nodes()) == 3
    updates = count_panel_updates(window, monkeypatch)
    DialogAnswers(qtbot).answer("Delete")
    window.delete_action.trigger()
    assert len(updates) <= 2
    stack = window.document.undo_stack
    # One command applying all the rows' edits, not a macro of a command per row.
    assert stack.command(stack.index() - 1).childCount() == 0
    assert window.undo_action.text() == "Undo Delete 3 rows"
    after = dumps(catalog)
    window.undo_action.trigger()
    assert dumps(catalog) == before
    assert len(window.selected_nodes()) == 3
    window.redo_action.trigger()
    assert dumps(catalog) == after
    window.undo_action.trigger()
    assert dumps(catalog) == before
    assert_tree_shows_what_a_fresh_tree_shows(window)


def test_the_panels_are_not_shown_again_after_the_undo_of_a_small_edit(window, qtbot):
    window.tree.expand(tree_index(window, FULL))
    window.tree.setCurrentIndex(tree_index(window, FULL, CSHARP))
    unit = window.editor.unit
    title = window.editor.fields["title"]
    window.document.push([SetField(unit, "title", unit.title + "!")], "Rename")
    window.undo_action.trigger()
    # The same unit stays in the editor, its fields not made again (the cursor stays there).
    assert window.editor.unit is unit
    assert window.editor.fields["title"] is title
    assert window.selected_node().unit is unit


def test_units_put_back_in_runs_between_other_edits_regain_their_places_in_the_pools(
    sample_copy,
):
    catalog = load(sample_copy)
    modules = list(catalog.modules)
    # Two modules used by nothing once taken out of their course, removed in two runs.
    course = next(c for c in catalog.courses.values() if len(c.module_ids) >= 3)
    first, last = course.module_ids[0], course.module_ids[-1]
    assert catalog.users(first) == [course.id] and catalog.users(last) == [course.id]
    edits = [
        Remove(course, "module_ids", len(course.module_ids) - 1),
        RemoveUnit(last),
        Remove(course, "module_ids", 0),
        RemoveUnit(first),
    ]
    inverses = apply_all(catalog, edits)
    assert sum(isinstance(edit, AddUnit) for edit in inverses) == 2
    apply_all(catalog, inverses)
    assert list(catalog.modules) == modules
    assert course.module_ids[0] == first and course.module_ids[-1] == last
