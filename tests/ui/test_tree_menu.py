"""The tree's own edits: renaming a row in place (F2), the menu of a right-clicked row, the
edits of a selected row disabled with none selected, and the row an undo selects."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from test_structure import drag, titles_under
from window_actions import field, select, tree_index

FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
WEEK2 = "Week 2: Control flow and methods"


def rename(window, qtbot, text):
    """Press F2 in the tree, type text over the title, and press Enter."""
    qtbot.keyClick(window.tree, Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QLineEdit) and window.tree.isAncestorOf(box)
    box.selectAll()
    if text:
        qtbot.keyClicks(box, text)
    else:
        qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    # Qt commits the text and closes the box once back in the event loop.
    qtbot.waitUntil(lambda: window.tree.state() == QAbstractItemView.State.NoState)


def test_f2_renames_a_row_in_place_in_one_undo_step(window, qtbot):
    select(window, qtbot, FULL, CSHARP)
    rename(window, qtbot, "  C# Basics ")
    # A shared course: renamed wherever it is used, and in the Details form.
    assert "C# Basics" in titles_under(window, FULL) and "C# Basics" in titles_under(window, BACK)
    assert field(window, "title").text() == "C# Basics"
    assert window.undo_action.text() == "Undo Rename C# Basics"
    window.undo_action.trigger()
    assert CSHARP in titles_under(window, FULL)
    assert window.tree.currentIndex() == tree_index(window, FULL, CSHARP)


def test_a_blank_title_typed_in_place_is_refused_and_the_old_one_stays(window, qtbot):
    select(window, qtbot, FULL, CSHARP)
    rename(window, qtbot, "")
    assert CSHARP in titles_under(window, FULL)
    assert window.document.undo_stack.count() == 0


def test_a_double_click_still_opens_a_row_rather_than_renaming_it(window, qtbot):
    index = select(window, qtbot, FULL, CSHARP)
    window.tree.collapse(index)
    point = window.tree.visualRect(index).center()
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.tree.isExpanded(index)
    assert not isinstance(QApplication.focusWidget(), QLineEdit)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_right_click_selects_the_row_and_offers_its_edits(window, qtbot):
    index = tree_index(window, FULL, CSHARP, WEEK1)
    window.tree.scrollTo(index)
    point = window.tree.visualRect(index).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, window.tree.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(window.tree.viewport(), event)
    menu = window.tree_menu
    qtbot.waitUntil(menu.isVisible)
    assert window.tree.currentIndex() == index
    texts = [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    assert {"Rename", "Cut", "Copy", "Paste", "Duplicate", "Delete", "Add Item"} <= set(texts)
    duplicate = next(a for a in menu.actions() if a.text() == "&Duplicate")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(duplicate).center())
    assert titles_under(window, FULL, CSHARP)[:2] == [WEEK1, WEEK1]
    assert window.undo_action.text().startswith("Undo Duplicate")


def test_the_edits_of_a_row_are_disabled_while_none_is_selected(empty_window, qtbot):
    window = empty_window
    edits = [
        window.rename_action,
        window.cut_action,
        window.copy_action,
        window.duplicate_action,
        window.delete_action,
        window.move_up_action,
    ]
    assert [a.isEnabled() for a in edits] == [False] * len(edits)
    window.add_program_action.trigger()  # the new program is selected
    assert [a.isEnabled() for a in edits] == [True] * len(edits)


def test_undoing_a_drag_selects_the_item_back_where_it_was(window, qtbot):
    # The first change of the undo is the item leaving Week 1: "Module 1 graded quiz",
    # the row before it there, was selected rather than the item itself.
    item = tree_index(window, FULL, CSHARP, WEEK2, "Writing methods")
    drag(window, item, tree_index(window, FULL, CSHARP, WEEK1))
    assert "Writing methods" in titles_under(window, FULL, CSHARP, WEEK1)
    window.undo_action.trigger()
    assert window.selected_node().unit.title == "Writing methods"
    assert window.selected_node().parent.unit.title == WEEK2
    window.redo_action.trigger()
    assert window.selected_node().unit.title == "Writing methods"
    assert window.selected_node().parent.unit.title == WEEK1
