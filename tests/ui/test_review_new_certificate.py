"""A first certificate built from nothing, as a new designer would: an empty window, a
program, its outcomes, a course of weekly modules, items with minutes and what they check,
the totals, undo and redo, saving and opening again, all with the keys and the mouse."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QToolBar
from window_actions import choose_file, field, retype, select, tree_index

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
PROGRAM, COURSE, MODULE, ITEM, OUTCOME = (
    Qt.Key.Key_P,
    Qt.Key.Key_C,
    Qt.Key.Key_M,
    Qt.Key.Key_I,
    Qt.Key.Key_O,
)


def press(window, qtbot, key, modifiers=CTRL_SHIFT):
    """Press keys where the cursor is (the window, if nothing has it)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def type_here(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def click_toolbar(window, qtbot, action):
    [toolbar] = window.findChildren(QToolBar)
    qtbot.mouseClick(toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def click_box(qtbot, box):
    """Click a check box on its square (the box stretches across the form)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def open_tab(window, qtbot, index):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def titles_under(window, *titles):
    index = tree_index(window, *titles)
    model = window.tree.model()
    return [model.index(row, 0, index).data() for row in range(model.rowCount(index))]


def start_course(window, qtbot):
    """A program with one course, added and titled with the keys."""
    press(window, qtbot, PROGRAM)
    type_here(qtbot, "Data Analyst")
    press(window, qtbot, COURSE)
    type_here(qtbot, "SQL for Analysts")


def start_item(window, qtbot):
    """A first item, in a first week of a first course: the one the tests edit."""
    start_course(window, qtbot)
    press(window, qtbot, MODULE)
    press(window, qtbot, ITEM)
    return window.selected_node().unit


def test_the_graded_box_marks_an_item_graded_by_a_click_and_by_space(empty_window, qtbot):
    window = empty_window
    item = start_item(window, qtbot)
    box = field(window, "graded")
    click_box(qtbot, box)
    assert item.graded and box.isChecked()
    assert window.undo_action.text() == "Undo Edit graded"
    assert QApplication.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not item.graded and not box.isChecked()
    window.undo_action.trigger()
    assert item.graded and field(window, "graded").isChecked()


def test_each_choice_and_tick_in_the_details_is_one_step_of_undo(empty_window, qtbot):
    window = empty_window
    item = start_item(window, qtbot)
    type_here(qtbot, "Quiz")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    kinds = field(window, "kind")
    assert QApplication.focusWidget() is kinds
    qtbot.keyClick(kinds, Qt.Key.Key_Down)  # Reading
    qtbot.keyClick(kinds, Qt.Key.Key_Down)  # Practice quiz
    box = field(window, "graded")
    click_box(qtbot, box)
    click_box(qtbot, box)  # ticked and unticked again
    assert (item.kind.value, item.graded) == ("practice_quiz", False)
    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (item.kind.value, item.graded) == ("practice_quiz", True)
    assert field(window, "graded").isChecked()
    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (item.kind.value, item.graded) == ("reading", False)
    assert field(window, "kind").currentText() == "Reading"
    assert item.title == "Quiz"


def test_adding_a_unit_where_it_cannot_go_says_what_it_goes_into(empty_window, qtbot):
    window = empty_window
    press(window, qtbot, COURSE)
    assert window.statusBar().currentMessage() == (
        "A course goes into a program: add a program first (Insert > Add Program)."
    )
    press(window, qtbot, PROGRAM)
    press(window, qtbot, ITEM)
    assert window.statusBar().currentMessage() == (
        "An item goes into a module: add a module first (Insert > Add Module)."
    )
    press(window, qtbot, COURSE)
    press(window, qtbot, MODULE)
    select(window, qtbot, "New program")
    press(window, qtbot, ITEM)
    assert window.statusBar().currentMessage() == (
        "An item goes into a module: select a module or one of its items first."
    )
    assert [len(m.items) for m in window.document.catalog.modules.values()] == [0]


def test_weekly_modules_and_new_courses_added_one_after_another_are_told_apart(empty_window, qtbot):
    window = empty_window
    press(window, qtbot, PROGRAM)
    type_here(qtbot, "Data Analyst")
    click_toolbar(window, qtbot, window.add_course_action)
    click_toolbar(window, qtbot, window.add_course_action)
    assert titles_under(window, "Data Analyst") == ["New course", "New course 2"]
    for _ in range(3):
        click_toolbar(window, qtbot, window.add_module_action)
    assert titles_under(window, "Data Analyst", "New course 2") == ["Week 1", "Week 2", "Week 3"]
    # The title is selected, to be typed over at once.
    title = field(window, "title")
    assert QApplication.focusWidget() is title and title.selectedText() == "Week 3"
    select(window, qtbot, "Data Analyst", "New course 2", "Week 1")
    click_toolbar(window, qtbot, window.add_module_action)  # after Week 1: Week 2 is taken
    assert titles_under(window, "Data Analyst", "New course 2") == [
        "Week 1",
        "Week 4",
        "Week 2",
        "Week 3",
    ]
    press(window, qtbot, ITEM)
    press(window, qtbot, ITEM)
    assert titles_under(window, "Data Analyst", "New course 2", "Week 4") == [
        "New item",
        "New item 2",
    ]


def test_the_supports_list_says_why_it_has_nothing_to_tick(empty_window, qtbot):
    window = empty_window
    start_course(window, qtbot)
    press(window, qtbot, MODULE)
    press(window, qtbot, OUTCOME)
    type_here(qtbot, "Write SELECT queries")
    note = window.outcomes.supports_note
    assert window.outcomes.supports.count() == 0
    assert note.isVisible()
    assert note.text() == (
        "Nothing to tick yet: “SQL for Analysts” has no outcomes. Select it to write them."
    )
    select(window, qtbot, "Data Analyst", "SQL for Analysts")
    press(window, qtbot, OUTCOME)
    type_here(qtbot, "Query relational data")
    select(window, qtbot, "Data Analyst", "SQL for Analysts", "Week 1")
    assert not note.isVisible()
    supports = window.outcomes.supports
    assert [supports.item(r).text() for r in range(supports.count())] == [
        "SQL for Analysts #1: Query relational data"
    ]


def test_undoing_the_unit_being_typed_in_leaves_the_cursor_in_the_tree(empty_window, qtbot):
    window = empty_window
    start_item(window, qtbot)
    type_here(qtbot, "Intro video")
    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the title
    assert window.selected_node().unit.title == "New item"
    press(window, qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the item
    assert window.selected_node().unit.title == "Week 1"
    assert QApplication.focusWidget() is window.tree
    # The tree's keys work at once: Up selects the course.
    press(window, qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.NoModifier)
    assert window.selected_node().unit.title == "SQL for Analysts"


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_certificate_built_from_nothing_is_saved_and_opened_again(empty_window, qtbot, tmp_path):
    window = empty_window
    bar = window.totals_bar
    start_course(window, qtbot)
    select(window, qtbot, "Data Analyst")
    press(window, qtbot, OUTCOME)
    type_here(qtbot, "Analyze business data with SQL")
    qtbot.mouseClick(window.outcomes.accept_button, Qt.MouseButton.LeftButton)  # Use Analyze
    select(window, qtbot, "Data Analyst", "SQL for Analysts")
    press(window, qtbot, MODULE)
    type_here(qtbot, "Week 1: SELECT basics")
    press(window, qtbot, OUTCOME)
    type_here(qtbot, "Understand SELECT")
    assert "Not measurable" in window.outcomes.advice.text()
    retype(qtbot, window.outcomes.text, "Write SELECT queries")
    for title, kind, minutes in (("Intro", "Video", "12"), ("Quiz", "Graded quiz", "1 h 30")):
        press(window, qtbot, ITEM)
        type_here(qtbot, title)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        type_here(qtbot, kind)  # the kind box finds it as it is typed
        assert field(window, "kind").currentText() == kind
        retype(qtbot, field(window, "minutes"), minutes)
    assert bar.ects.text() == "1.7 h = 0 ECTS (0.07 rounded down)"
    assert bar.selected.text() == "Selected: 90 min"
    assert field(window, "graded").isChecked()  # ticked with the kind Graded quiz
    open_tab(window, qtbot, 1)
    checks = window.outcomes.item_page.outcomes
    rect = checks.visualItemRect(checks.item(0))
    qtbot.mouseClick(checks.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(checks, Qt.Key.Key_Space)  # ticks "#1: Write SELECT queries"
    quiz = window.selected_node().unit
    assert quiz.graded and len(quiz.outcome_ids) == 1

    path = tmp_path / "analyst.curriculum.json"
    choose_file(path)
    press(window, qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.modified
    window.files.new_file()
    assert window.totals_bar.program_title.text() == "No program yet"
    assert window.files.open_file(path)
    assert window.totals_bar.ects.text() == "1.7 h = 0 ECTS (0.07 rounded down)"
    select(window, qtbot, "Data Analyst", "SQL for Analysts", "Week 1: SELECT basics", "Quiz")
    reopened = window.selected_node().unit
    assert reopened.graded and reopened.minutes == 90
    module = window.document.catalog.owner(reopened.id)
    assert reopened.outcome_ids == [module.outcomes[0].id]
    assert window.document.catalog.programs[0].outcomes[0].bloom.value == "analyze"


def test_choosing_graded_quiz_ticks_graded_in_the_same_step_of_undo(empty_window, qtbot):
    window = empty_window
    item = start_item(window, qtbot)
    kinds = field(window, "kind")
    kinds.setFocus()
    qtbot.keyClick(kinds, Qt.Key.Key_Down)  # Reading
    qtbot.keyClick(kinds, Qt.Key.Key_Down)  # Practice quiz
    qtbot.keyClick(kinds, Qt.Key.Key_Down)  # Graded quiz
    assert (item.kind.value, item.graded) == ("graded_quiz", True)
    assert field(window, "graded").isChecked()
    window.undo_action.trigger()
    assert (item.kind.value, item.graded) == ("practice_quiz", False)
    assert not field(window, "graded").isChecked()
