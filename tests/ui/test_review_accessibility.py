"""A review for a designer who uses a screen reader or no mouse: what a screen reader reads
of the errors and advice shown beside a box, the tree's menu from the keyboard (the Menu
key, Shift+F10) and its letters, and the cursor when the Problems panel comes back."""

from collections import Counter

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAction, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QMenu
from window_actions import field, retype, select

from designer.model import Bloom
from designer.model.edits import SetField
from designer.progress import Cancelled
from designer.ui.background import WorkStatus
from designer.ui.progress_dialog import ProgressDialog
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


# ---- A second review: the Problems panel's key, the Outcomes letters, the progress bar's
# name, the totals read as one text and announced, the roadmap in words.

CSHARP_ID = "introduction-to-programming-with-csharp"


def test_f6_puts_the_cursor_in_the_problems_panel_and_back_showing_it_if_closed(window, qtbot):
    # No key reached the panel: only Tab through every field, or Shift+Tab from the tabs.
    select(window, qtbot, FULL_STACK, CSHARP)
    title = field(window, "title")
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.problems.list
    qtbot.keyClick(window.problems.list, Qt.Key.Key_F6)  # and back to where it was
    assert QApplication.focusWidget() is title
    window.problems_dock.close()
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.problems_dock.isVisible()
    assert QApplication.focusWidget() is window.problems.list
    # The View menu names the key, which no other action or shortcut of the window takes.
    entry = next(a for a in window.view_menu.actions() if QKeySequence("F6") in a.shortcuts())
    assert entry.text() == "&Go to Problems" and "F6" in entry.statusTip()
    keys = [key.toString() for action in window.findChildren(QAction) for key in action.shortcuts()]
    keys += [shortcut.key().toString() for shortcut in window.findChildren(QShortcut)]
    assert keys.count("F6") == 1 and keys.count("Shift+F6") == 1


def visible_letters(window) -> Counter:
    """The Alt letters the window shows: its menu bar's, and those of its visible labels
    and buttons."""
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if widget.isVisible():
            texts.append(widget.text())
    letters = (QKeySequence.mnemonic(text).toString() for text in texts)
    return Counter(letter for letter in letters if letter)


def labelled_by(widget) -> list[str]:
    """The names of the labels a screen reader is told label the widget."""
    relations = QAccessible.queryAccessibleInterface(widget).relations(
        QAccessible.RelationFlag.Label
    )
    return [label.text(QAccessible.Text.Name) for label, _ in relations]


def test_alt_and_a_letter_reach_each_outcome_field_labelled_by_its_label(window, qtbot):
    # The labels had no letter, and Bloom level and Knowledge were not linked to their
    # boxes: Alt+letter reached none of them, and the boxes were read by their own names.
    select(window, qtbot, FULL_STACK, CSHARP)
    window.tabs.setCurrentWidget(window.outcomes)
    outcomes = window.outcomes
    fields = {
        "O": (outcomes.text, "Outcome"),
        "B": (outcomes.level, "Bloom level"),
        "K": (outcomes.knowledge, "Knowledge"),
        "S": (outcomes.supports, "Supports"),
    }
    letters = visible_letters(window)
    assert [letter for letter, count in letters.items() if count > 1] == []
    for letter, (box, label) in fields.items():
        assert letters[f"Alt+{letter}"] == 1
        window.tree.setFocus()
        qtbot.keyClick(
            window.tree, getattr(Qt.Key, f"Key_{letter}"), Qt.KeyboardModifier.AltModifier
        )
        assert QApplication.focusWidget() is box, label
        assert labelled_by(box) == [label]


def test_the_progress_bar_is_read_with_what_is_in_progress(window, qtbot):
    # The bar had no name: a screen reader heard "progress bar, 40 %", not of what.
    dialog = ProgressDialog(
        window,
        "Save",
        "Saving “catalog.curriculum.json”…",
        cancellable=True,
        describe=lambda done, total: f"Saving part {done} of {total}…",
    )
    heard: list[str] = []

    def step(until: float) -> tuple[int, int]:
        heard.append(read(dialog.bar, QAccessible.Text.Name))
        if len(heard) == 3:
            dialog.cancel()
        return len(heard), 5

    with pytest.raises(Cancelled):
        dialog.run_in_steps(step)
    assert heard == [
        "Saving “catalog.curriculum.json”…",
        "Saving part 1 of 5…",
        "Saving part 2 of 5…",
    ]
    assert read(dialog.bar, QAccessible.Text.Name) == "Cancelling…" == dialog.label.text()
    assert labelled_by(dialog.bar) == ["Cancelling…"]
    # So is the bar of a page's work under way (the Problems panel's checks, say).
    status = WorkStatus()
    qtbot.addWidget(status)
    status.working("Checking the catalog…")
    assert read(status.bar, QAccessible.Text.Name) == "Checking the catalog…"


def test_the_totals_are_read_as_one_text_and_an_edit_that_changes_them_is_announced(
    window, qtbot, monkeypatch
):
    # Plain labels: read one by one in review mode, and nothing said when they changed.
    heard: list[str] = []

    def update(event) -> None:
        if event.type() == QAccessible.Event.Announcement:
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    bar = window.totals_bar
    select(window, qtbot, *WELCOME_VIDEO, "Welcome to C# and .NET")
    before = read(bar)
    assert read(bar, QAccessible.Text.Name) == "Running totals"
    assert before.startswith(f"{FULL_STACK}: ")
    assert bar.ects.text() in before and " ECTS " in before
    assert bar.pace.text() in before and "Selected: " in before
    retype(qtbot, field(window, "minutes"), "600")  # three keystrokes, three new totals
    now = read(bar)
    assert now != before and bar.ects.text() in now and "Selected: 600 min" in now
    assert heard == []  # not on each keystroke: once typing pauses (a second)
    qtbot.waitUntil(lambda: bool(heard), timeout=3000)
    assert heard == [f"{bar.ects.text()}; {bar.pace.text()}"]
    select(window, qtbot, FULL_STACK)
    select(window, qtbot, window.document.catalog.programs[-1].title)
    qtbot.wait(1300)
    assert len(heard) == 1  # another row selected: read with the row, not announced


def test_the_roadmap_says_in_words_what_it_shows_and_follows_edits(window, qtbot):
    # A screen reader got "Roadmap" and the course's title: nothing of what it shows.
    window.show_page(4)
    view = window.roadmap
    view.show_roadmap(CSHARP_ID)
    said = read(view.scroll_area)  # the part that takes the cursor
    assert said == read(view.canvas)
    assert said.startswith("Outcome roadmap: Introduction to Programming With C#. 3 weeks")
    assert "Week 2: introduces O3 (Analyze); masters O1 (Apply), O3 (Analyze)." in said
    assert said.endswith("Week 3: introduces O2 (Create); masters O2 (Create). No gaps.")
    outcome = window.document.catalog.get("csharp-w3-o1")
    window.document.push([SetField(outcome, "bloom", Bloom.APPLY)], "Edit outcome")
    qtbot.waitUntil(
        lambda: "Week 3: introduces O2 (Apply); masters O2 (Analyze)." in read(view.canvas)
    )
    assert "Gaps: O2 reaches Analyze at most, below its own level Create." in read(view.canvas)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: read(view.canvas) == said)
    view.show_roadmap("full-stack")
    said = read(view.canvas)
    assert "Course 2 (Introduction to Programming With C#): introduces O1 (Create)" in said
    assert "Courses addressing no outcome: Course 1, Course 3," in said
    assert "O2 is addressed by no course" in said
