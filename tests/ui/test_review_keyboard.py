"""The window with the keyboard alone, and for a screen reader: the Tab order of the Design
page, lists and tables that Tab leaves, the pages from anywhere (Ctrl+1 to Ctrl+5 and the
View menu), the menus' keys and letters, the cursor after New, Open and Close, and the
names a screen reader reads for the fields, lists, tables and pictures."""

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from window_actions import field, select

FULL_STACK = "Microsoft Full Stack Developer Professional Certificate"
FIRST_COURSE = "Foundations of Coding Full-Stack"


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """Press a key where the cursor is, as the designer would."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_tab_from_the_details_tab_goes_through_the_fields_then_to_the_problems(window, qtbot):
    # The fields are made for each selection, after the rest of the window: Tab went from
    # the Details tab to the Problems panel, and reached the fields only after it.
    select(window, qtbot, FULL_STACK, FIRST_COURSE)
    window.tabs.tabBar().setFocus()
    visited = []
    for _ in range(6):
        press(qtbot, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    fields = [field(window, name) for name in ("title", "code", "description", "hours")]
    assert visited[:4] == fields
    assert visited[4] is window.editor.impact_delta.line  # the what-if figure under the hours
    assert visited[5] is window.problems.profile
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.editor.impact_delta.line
    field(window, "title").setFocus()
    press(qtbot, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is window.tabs.tabBar()


def test_tab_leaves_the_problems_list_and_the_matrix_instead_of_going_cell_by_cell(window, qtbot):
    qtbot.waitUntil(lambda: window.problems.model.rowCount() > 1)
    window.problems.list.setFocus()
    window.problems.list.setCurrentIndex(window.problems.model.index(0, 0))
    press(qtbot, Qt.Key.Key_Tab)
    # It went on to the next cell of the same finding, through five columns of every one.
    assert QApplication.focusWidget() is not window.problems.list

    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    stackability = window.stackability
    qtbot.waitUntil(lambda: stackability.matrix.rowCount() > 1)
    assert QApplication.focusWidget() is stackability.table
    stackability.table.setCurrentIndex(stackability.matrix.index(0, 0))
    press(qtbot, Qt.Key.Key_Right)  # the arrows go from cell to cell, showing each pair
    assert "already has" in stackability.pair.text()
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is stackability.shared


def test_ctrl_and_a_digit_show_each_page_from_anywhere_with_the_cursor_in_it(window, qtbot):
    # Ctrl+Tab changes the page only from the tree or a page: in a field of the Details it
    # changes the tab, and in the Problems panel it does nothing.
    window.problems.list.setFocus()
    mains = {
        Qt.Key.Key_2: window.stackability.table,
        Qt.Key.Key_3: window.duplicates.list,
        Qt.Key.Key_4: window.pathways.holdings,
        Qt.Key.Key_5: window.roadmap.unit,
        Qt.Key.Key_1: window.tree,
    }
    for page, (key, main) in zip((1, 2, 3, 4, 0), mains.items(), strict=True):
        press(qtbot, key, Qt.KeyboardModifier.ControlModifier)
        assert window.pages.currentIndex() == page
        assert QApplication.focusWidget() is main
    titles = [action.text() for action in window.view_menu.actions() if action.text()]
    assert titles[:5] == ["&Design", "&Stackability", "D&uplicates", "&Pathways", "&Roadmap"]


def test_the_problems_panel_closed_by_its_button_comes_back_from_the_view_menu(window, qtbot):
    # Closed, it stayed closed for good (the window keeps its layout), the keyboard having
    # no way to it: the mouse's menu on the toolbar was the only one.
    window.problems_dock.close()
    assert not window.problems_dock.isVisible()
    toggle = next(a for a in window.view_menu.actions() if a.text() == "Pro&blems Panel")
    toggle.trigger()
    assert window.problems_dock.isVisible()


def test_after_new_open_and_close_the_cursor_is_in_the_tree(window, qtbot, sample_copy):
    # The views are made anew: the widget that had the cursor went, and no key did
    # anything until the designer clicked somewhere.
    window.filter.setFocus()
    assert window.files.open_file(sample_copy)
    assert QApplication.focusWidget() is window.tree
    window.filter.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.tree
    assert window.files.open_file(sample_copy)
    window.filter.setFocus()
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)  # Close: not Ctrl+F4 alone
    assert window.document.path is None
    assert QApplication.focusWidget() is window.tree


def test_redo_and_close_answer_every_key_the_platform_gives_them(window, qtbot):
    # The actions took the first key of the platform's list only: Ctrl+W did not close,
    # and Ctrl+Shift+Z did not redo where Ctrl+Y comes first.
    for action, standard in (
        (window.close_action, QKeySequence.StandardKey.Close),
        (window.redo_action, QKeySequence.StandardKey.Redo),
        (window.paste_action, QKeySequence.StandardKey.Paste),
    ):
        assert action.shortcuts() == QKeySequence.keyBindings(standard)


def test_every_menu_entry_has_a_key_or_a_letter_and_no_key_is_taken_twice(window):
    def entries(menu: QMenu):
        for action in menu.actions():
            if action.isSeparator() or action.menu() is window.recent_menu:
                continue
            yield action

    bar = window.menuBar().actions()
    letters = [QKeySequence.mnemonic(a.text()) for a in bar]
    assert all(not key.isEmpty() for key in letters)
    assert len(set(letters)) == len(letters)
    for menu in (a.menu() for a in bar):
        actions = list(entries(menu))
        missing = [a.text() for a in actions if a.shortcut().isEmpty() and "&" not in a.text()]
        assert missing == [], menu.title()
        mnemonics = Counter(
            QKeySequence.mnemonic(a.text()).toString() for a in actions if "&" in a.text()
        )
        assert [m for m, n in mnemonics.items() if n > 1] == [], menu.title()
    keys = Counter(
        key.toString() for action in window.findChildren(QAction) for key in action.shortcuts()
    )
    assert [key for key, count in keys.items() if count > 1] == []


def test_the_labels_of_the_details_name_their_fields_and_their_letters_reach_them(window, qtbot):
    # Each box sat alone in a widget beside its label: a screen reader read "edit text"
    # with no name, and the labels had no Alt+letter.
    select(window, qtbot, FULL_STACK)
    names = {
        "title": "Title",
        "code": "Code",
        "issuer_name": "Issuer",
        "min_passing_score": "Minimum passing score",
        "quality_assurance": "Quality assurance",
    }
    for name, label in names.items():
        interface = QAccessible.queryAccessibleInterface(field(window, name))
        assert interface.text(QAccessible.Text.Name) == label
    window.tree.setFocus()
    press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is field(window, "code")
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is field(window, "min_passing_score")


def test_lists_tables_and_pictures_have_names_a_screen_reader_reads(window, qtbot):
    named = [
        window.filter,
        window.tree,
        window.outcomes.table,
        window.outcomes.level,
        window.outcomes.knowledge,
        window.problems.list,
        window.problems.severity,
        window.problems.rule,
        window.stackability.table,
        window.stackability.shared,
        window.stackability.graph,
        window.duplicates.list,
        window.pathways.holdings,
        window.pathways.remaining,
        window.pathways.ranking,
        window.roadmap.canvas,
    ]
    assert [w.objectName() or type(w).__name__ for w in named if not w.accessibleName()] == []
    window.show_page(4)
    qtbot.waitUntil(lambda: bool(window.roadmap.svg))
    # What it is the roadmap of, then what it shows (test_review_accessibility.py).
    title = window.roadmap.unit.currentText().split(": ", 1)[1]  # "Program: …"
    assert window.roadmap.canvas.accessibleDescription().startswith(f"Outcome roadmap: {title}.")


def test_an_ampersand_in_a_title_or_a_file_name_is_shown_not_taken_for_a_letter(
    window, qtbot, tmp_path, sample_path
):
    # "Undo Delete R&D Basics" showed as "Undo Delete RD Basics", with the D underlined.
    select(window, qtbot, FULL_STACK, "Introduction to Web Development")  # shared: no question
    window.document.catalog.set_field(window.selected_node().unit, "title", "R&D Basics")
    window.delete_action.trigger()
    undo = window.undo_action.text()
    assert undo == "Undo Delete R&&D Basics" and QKeySequence.mnemonic(undo).isEmpty()
    window.undo_action.trigger()
    assert window.redo_action.text() == "Redo Delete R&&D Basics"
    copy = tmp_path / "R&D.curriculum.json"
    copy.write_bytes(sample_path.read_bytes())
    window.document.undo_stack.setClean()
    assert window.files.open_file(copy)
    entry = window.recent_menu.actions()[0]
    assert entry.iconText() == str(copy) and QKeySequence.mnemonic(entry.text()).isEmpty()
