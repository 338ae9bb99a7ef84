"""Two leftovers of the review of freezes on a large catalog: Delete of the rows Ctrl+A
selects in a filtered tree (the places of the units leaving the pools are read once; the
open rows are closed meanwhile), and `*` on a program row (the rows below are opened while
it is closed). These check that both still do what they did."""

from PySide6.QtCore import QModelIndex, Qt
from test_structure import BACK, CSHARP, FULL, PR
from window_actions import DialogAnswers, assert_tree_shows_what_a_fresh_tree_shows, tree_index

CTRL = Qt.KeyboardModifier.ControlModifier


def pools(catalog):
    return list(catalog.courses), list(catalog.modules)


def open_units(window):
    """The units of the open rows, each as its titles from the top."""
    found = []

    def look_under(parent, above):
        for row in range(window.proxy.rowCount(parent)):
            index = window.proxy.index(row, 0, parent)
            if window.tree.isExpanded(index):
                found.append((*above, index.data()))
                look_under(index, (*above, index.data()))

    look_under(QModelIndex(), ())
    return found


def below(model, index):
    """Every row below index, in the tree's order."""
    rows = []
    for row in range(model.rowCount(index)):
        child = model.index(row, 0, index)
        rows.append(child)
        rows.extend(below(model, child))
    return rows


def test_units_deleted_with_ctrl_a_come_back_at_their_places_in_the_pools_and_leave_again(
    window, qtbot
):
    catalog = window.document.catalog
    before = pools(catalog)
    qtbot.keyClicks(window.filter, "data")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_A, CTRL)
    DialogAnswers(qtbot).answer("Delete")
    window.delete_action.trigger()
    after = pools(catalog)
    # Courses left the pool from its middle, not only its end.
    gone = [i for i, unit_id in enumerate(before[0]) if unit_id not in after[0]]
    assert gone and gone[0] < len(after[0])
    window.undo_action.trigger()
    assert pools(catalog) == before
    window.redo_action.trigger()
    assert pools(catalog) == after
    window.undo_action.trigger()
    assert pools(catalog) == before


def test_rows_open_before_a_delete_of_several_rows_are_open_after_it(window, qtbot):
    for titles in [(FULL,), (FULL, CSHARP), (BACK,), (PR,)]:
        window.tree.expand(tree_index(window, *titles))
    window.tree.collapse(tree_index(window, FULL))  # the course inside stays open
    program = tree_index(window, PR)
    first, second = (window.proxy.index(row, 0, program) for row in (0, 1))
    gone = second.data()
    window.tree.expand(second)  # open, and deleted
    opened = open_units(window)
    window.tree.setCurrentIndex(first)
    point = window.tree.visualRect(second).center()
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, CTRL, point)
    assert len(window.selected_nodes()) == 2
    DialogAnswers(qtbot).answer("Delete")
    window.delete_action.trigger()
    assert open_units(window) == [titles for titles in opened if titles != (PR, gone)]
    window.tree.expand(tree_index(window, FULL))
    assert window.tree.isExpanded(tree_index(window, FULL, CSHARP))
    assert_tree_shows_what_a_fresh_tree_shows(window)
    window.undo_action.trigger()
    assert_tree_shows_what_a_fresh_tree_shows(window)


def star(window, qtbot, index):
    window.tree.setCurrentIndex(index)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Asterisk)


def test_star_opens_every_row_below_a_program_and_shows_them_in_order(window, qtbot):
    model = window.proxy
    program = tree_index(window, FULL)
    window.tree.expand(program)  # open already, its courses closed
    others = [model.index(row, 0) for row in range(model.rowCount()) if row != program.row()]
    others_open = [window.tree.isExpanded(index) for index in others]
    star(window, qtbot, program)
    rows = below(model, program)
    assert len(rows) > 20 and any(not model.hasChildren(row) for row in rows)
    assert window.tree.isExpanded(program)
    assert all(window.tree.isExpanded(row) for row in rows if model.hasChildren(row))
    # The tree lays the rows out as shown: each row below the one before, down to the last.
    shown = []
    index = window.tree.indexBelow(program)
    while index.isValid() and len(shown) < len(rows):
        shown.append(index)
        index = window.tree.indexBelow(index)
    assert shown == rows
    assert window.tree.currentIndex() == program
    # The rows of other programs stay as they were.
    assert [window.tree.isExpanded(index) for index in others] == others_open


def test_star_opens_the_rows_below_and_selects_no_title_starting_with_a_star(window, qtbot):
    catalog = window.document.catalog
    other = next(p for p in catalog.programs if p.title == BACK)
    catalog.set_field(other, "title", "*" + other.title)
    program = tree_index(window, FULL)
    star(window, qtbot, program)
    # A key typed in the tree looks for a row whose title starts with it; `*` opens rows.
    assert window.tree.currentIndex() == program
    assert window.selected_node().unit.title == FULL


def test_star_while_filtering_opens_the_rows_the_filter_shows_below(window, qtbot):
    qtbot.keyClicks(window.filter, "data")
    model = window.proxy
    program = model.index(0, 0)
    window.tree.collapseAll()
    star(window, qtbot, program)
    rows = below(model, program)
    assert rows
    assert all(window.tree.isExpanded(row) for row in rows if model.hasChildren(row))
