"""A review for a designer who uses a screen reader or no mouse: what a screen reader reads
of the errors and advice shown beside a box, the tree's menu from the keyboard (the Menu
key, Shift+F10) and its letters, and the cursor when the Problems panel comes back."""

from collections import Counter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from window_actions import field, retype, select

from designer.ui.settings_dialog import SettingsDialog

FULL_STACK = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WELCOME_VIDEO = (FULL_STACK, CSHARP, "Week 1: C# fundamentals: syntax, types and variables")
POPUP_WARNINGS = ".*(does not support raise|grabbing the keyboard).*"


def read(widget, text=QAccessible.Text.Description) -> str:
    """What a screen reader reads of the widget: its name or its description."""
    return QAccessible.queryAccessibleInterface(widget).text(text)


def test_the_reason_a_box_refuses_a_figure_is_read_with_the_box(window, qtbot):
    # The reason showed under the box in red, but the box said nothing of it: a screen
    # reader read "Minutes, edit text, -5", the minutes unchanged without a word.
    select(window, qtbot, *WELCOME_VIDEO, "Welcome to C# and .NET")
    minutes = field(window, "minutes")
    retype(qtbot, minutes, "-5")
    assert read(minutes) == "The minutes cannot be negative."
    retype(qtbot, minutes, "20")
    assert "negative" not in read(minutes)


def test_a_workload_figure_refused_is_read_then_the_box_says_what_it_means_again(window, qtbot):
    dialog = SettingsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.hours_per_credit.line
    meaning = read(box)
    assert meaning.startswith("One ECTS credit is 25 to 30 hours")
    retype(qtbot, box, "40")
    assert read(box) == "The hours per credit can be at most 30 h."
    retype(qtbot, box, "27")
    assert read(box) == meaning
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()


def test_the_verb_advice_on_an_outcome_is_read_with_its_box(window, qtbot):
    # "Not measurable" and the ambiguous verb's levels showed under the Outcome box only:
    # a screen reader in the box never heard them.
    select(window, qtbot, FULL_STACK, CSHARP)
    window.add_outcome_action.trigger()
    outcomes = window.outcomes
    qtbot.keyClicks(outcomes.text, "Understand the basics of classes")
    assert "Not measurable" in read(outcomes.text)
    assert "The level it means: Understand." in read(outcomes.text)
    outcomes.text.selectAll()
    qtbot.keyClick(outcomes.text, Qt.Key.Key_Delete)
    assert "Not measurable" not in read(outcomes.text)


def test_a_filter_that_finds_nothing_is_read_with_the_filter(window, qtbot):
    retype(qtbot, window.filter, "zzzznotfound")
    assert read(window.filter).startswith("No unit matches “zzzznotfound”")
    retype(qtbot, window.filter, "capstone")
    assert "No unit matches" not in read(window.filter)


def open_tree_menu_from_the_keyboard(window, qtbot) -> list[str]:
    """Press the Menu key in the tree: the texts of the menu it opens. Qt sends the focus
    widget a keyboard context-menu event at the centre of its input cursor rectangle
    (QWidgetWindow::handleContextMenuEvent); the offscreen platform sends none for the key."""
    tree = window.tree
    point = tree.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
    texts: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, read_menu)
            return
        texts.extend(action.text() for action in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, tree.mapToGlobal(point))
    QApplication.sendEvent(tree, event)
    qtbot.waitUntil(lambda: bool(texts))
    return texts


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_menu_key_in_the_tree_offers_the_edits_of_the_current_row(window, qtbot):
    # Qt places a keyboard menu in the tree's coordinates, not its viewport's: the menu
    # selected the row below the header's height, and Delete deleted another unit.
    index = select(window, qtbot, FULL_STACK, CSHARP)
    window.tree.setFocus()
    open_tree_menu_from_the_keyboard(window, qtbot)
    assert window.tree.currentIndex() == index
    assert window.selected_node().unit.title == CSHARP


@pytest.mark.qt_log_ignore(POPUP_WARNINGS)
def test_the_letters_of_the_tree_menu_are_each_taken_once(window, qtbot):
    # Add Program and Paste both had P, Add Course and Copy C, Add Item and Cut T: the
    # letter went to the first of them and the other could not be reached by its letter.
    select(window, qtbot, FULL_STACK, CSHARP)
    window.tree.setFocus()
    texts = [text for text in open_tree_menu_from_the_keyboard(window, qtbot) if text]
    assert all("&" in text for text in texts)
    letters = Counter(QKeySequence.mnemonic(text).toString() for text in texts)
    assert [letter for letter, count in letters.items() if count > 1] == []


def test_the_problems_panel_shown_from_the_view_menu_has_the_cursor(window, qtbot):
    # Shown again, it left the cursor where it was: the designer went on with Tab through
    # every field of the Details to reach it.
    window.problems_dock.close()
    window.tree.setFocus()
    toggle = next(a for a in window.view_menu.actions() if a.text() == "Pro&blems Panel")
    toggle.trigger()
    assert window.problems_dock.isVisible()
    assert QApplication.focusWidget() is window.problems.list
