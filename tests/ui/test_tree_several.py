"""Several rows of the tree selected at once (Ctrl+click, Shift+click), deleted, cut, copied
and pasted in one step; the edits that take one row are off while several are selected."""

import json

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from test_structure import BACK, CSHARP, FRONT, FULL, PR, WEEK1, another_window, drag, titles_under
from window_actions import (
    DialogAnswers,
    assert_tree_shows_what_a_fresh_tree_shows,
    select,
    tree_index,
)

from designer.storage import dumps
from designer.ui.tree_model import SHARED, SNIPPETS_MIME

INTRO_PR = "Introduction to Public Relations"
PR_WEEK1 = "Week 1: What public relations is"
PR_WEEK3 = "Week 3: Planning a PR campaign"
CONTENT = "Content Development and Management"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def click(window, qtbot, *titles, keys=Qt.KeyboardModifier.NoModifier):
    """Click the row at these titles, with the keys held, as the mouse does."""
    index = tree_index(window, *titles)
    window.tree.scrollTo(index)
    point = window.tree.visualRect(index).center()
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, keys, point)


def open_row(window, qtbot, *titles):
    """Select the row at these titles and open it, to show what is under it."""
    select(window, qtbot, *titles)
    window.tree.expand(tree_index(window, *titles))


def select_an_item_twice(window, qtbot):
    """Select one item where two of the courses that share its module show it: the C#
    course is in three programs, so its first module's rows show three times."""
    for program in (FULL, BACK):
        open_row(window, qtbot, program, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Types and variables")
    click(window, qtbot, BACK, CSHARP, WEEK1, "Types and variables", keys=CTRL)


def item_titles(window, module_id):
    return [item.title for item in window.document.catalog.modules[module_id].items]


def selected_titles(window):
    return [node.unit.title for node in window.selected_nodes()]


def test_ctrl_click_selects_two_items_and_delete_removes_both_in_one_step(window, qtbot):
    before = dumps(window.document.catalog)
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter", keys=CTRL)
    assert "2 rows selected" in window.statusBar().currentMessage()
    # Their workload together, as a spreadsheet sums a selection: 45 + 240 min.
    assert window.totals_bar.selected.text() == "2 selected: 4.75 h"
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    titles = item_titles(window, "csharp-w1")
    assert "Variables and data types" not in titles and "Temperature converter" not in titles
    assert len(titles) == 6
    # The row that took the first one's place is selected, alone.
    assert window.selected_node().unit.title == "Your first console program"
    assert len(window.selected_nodes()) == 1
    assert window.undo_action.text() == "Undo Delete 2 rows"
    window.undo_action.trigger()
    assert dumps(window.document.catalog) == before
    window.redo_action.trigger()
    assert len(item_titles(window, "csharp-w1")) == 6


def test_shift_click_selects_a_run_and_a_row_under_a_selected_one_goes_with_it(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Welcome to C# and .NET")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Types and variables", keys=SHIFT)
    # The module too: its items go with it, not one by one (and not twice).
    click(window, qtbot, FULL, CSHARP, "Week 2: Control flow and methods", keys=CTRL)
    assert len(window.selected_nodes()) == 6
    answers = DialogAnswers(qtbot)
    answers.answer("Delete")  # the module is used nowhere else: asked once, for all
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(answers.seen) == 1 and "6 selected rows" in answers.seen[0]
    assert "Week 2: Control flow and methods" in answers.seen[0]
    catalog = window.document.catalog
    assert item_titles(window, "csharp-w1")[:2] == [
        "Temperature converter",
        "Where will you use C#?",
    ]
    assert "csharp-w2" not in catalog.modules
    window.undo_action.trigger()
    assert "csharp-w2" in catalog.modules and len(item_titles(window, "csharp-w1")) == 8


def test_undo_of_deleting_rows_of_two_modules_selects_all_it_brings_back(window, qtbot):
    week2 = "Week 2: Control flow and methods"
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    open_row(window, qtbot, FULL, CSHARP, week2)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter", keys=CTRL)
    click(window, qtbot, FULL, CSHARP, week2, "Writing methods", keys=CTRL)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(window.selected_nodes()) == 1
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    # All three, where they are back, ready to be deleted again or moved.
    assert selected_titles(window) == [
        "Variables and data types",
        "Temperature converter",
        "Writing methods",
    ]
    assert "3 rows selected" in window.statusBar().currentMessage()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(item_titles(window, "csharp-w1")) == 6
    assert len(item_titles(window, "csharp-w2")) == 6


def test_a_no_to_the_question_deletes_none_of_them(window, qtbot):
    before = dumps(window.document.catalog)
    open_row(window, qtbot, PR)
    click(window, qtbot, PR, INTRO_PR)
    click(window, qtbot, FULL, keys=CTRL)
    answers = DialogAnswers(qtbot)
    answers.answer("Cancel")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert f"“{INTRO_PR}”" in answers.seen[0] and "“Microsoft Full Stack" in answers.seen[0]
    assert dumps(window.document.catalog) == before
    assert window.document.undo_stack.count() == 0


def test_the_same_item_selected_where_two_courses_share_its_module_is_deleted_once(window, qtbot):
    select_an_item_twice(window, qtbot)
    # One item: its 30 minutes count once in the selection's sum, not twice.
    assert window.totals_bar.selected.text() == "1 selected: 0.5 h"
    assert len(window.selected_nodes()) == 2
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    titles = item_titles(window, "csharp-w1")
    assert "Types and variables" not in titles and len(titles) == 7
    # Named as the one deletion it is, not "Delete 2 rows".
    assert window.undo_action.text() == "Undo Delete Types and variables"


def test_edits_for_one_row_are_off_while_several_are_selected(window, qtbot):
    select(window, qtbot, FULL)
    click(window, qtbot, BACK, keys=CTRL)
    # Two programs: Cut and Copy take them both (see the tests of copying several rows).
    assert window.cut_action.isEnabled() and window.copy_action.isEnabled()
    for action in (
        window.duplicate_action,
        window.move_up_action,
        window.move_down_action,
        window.independent_action,
    ):
        assert not action.isEnabled(), action.text()
    assert window.delete_action.isEnabled() and window.rename_action.isEnabled()
    # The panels show the row clicked last; a plain click selects one row again.
    assert window.selected_node().unit.title == BACK
    click(window, qtbot, FRONT)
    assert len(window.selected_nodes()) == 1 and window.copy_action.isEnabled()


def right_click(window, qtbot, *titles):
    index = tree_index(window, *titles)
    point = window.tree.visualRect(index).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, window.tree.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(window.tree.viewport(), event)
    qtbot.waitUntil(window.tree_menu.isVisible)
    return window.tree_menu


@pytest.mark.qt_log_ignore("This plugin does not support")  # the menu, offscreen
def test_a_right_click_on_a_selected_row_keeps_the_others_and_its_delete_takes_all(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter", keys=CTRL)
    menu = right_click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types")
    assert len(window.selected_nodes()) == 2
    delete = next(a for a in menu.actions() if a.text().replace("&", "") == "Delete")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(delete).center())
    assert len(item_titles(window, "csharp-w1")) == 6
    # Outside the selection, a right-click selects that row alone.
    menu = right_click(window, qtbot, FULL, CSHARP)
    menu.close()
    assert [n.unit.title for n in window.selected_nodes()] == [CSHARP]


def test_ctrl_z_selects_the_row_it_brings_back_alone_though_ctrl_is_held(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    assert [n.unit.title for n in window.selected_nodes()] == ["Temperature converter"]


def test_the_program_figures_show_whole_beside_a_selected_item(window, qtbot):
    window.resize(1280, 800)
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    bar = window.totals_bar
    assert bar.ects.text() == "422 h = 16 ECTS (16.88 rounded down)"
    assert bar.selected.text() == "Selected: 240 min"
    # Not cut short by the selection's figure beside it ("… (16.88 rounded dov").
    qtbot.waitUntil(lambda: bar.selected.width() >= bar.selected.sizeHint().width())
    assert bar.ects.width() >= bar.ects.fontMetrics().horizontalAdvance(bar.ects.text())


def test_copy_of_two_items_pastes_both_in_tree_order_in_one_step(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    # Clicked bottom first: they are copied in the tree's order all the same.
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types", keys=CTRL)
    assert "Delete, Cut, Copy and a drag take them all" in window.statusBar().currentMessage()
    qtbot.keyClick(window.tree, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "Variables and data types\nTemperature converter"
    before = dumps(window.document.catalog)
    select(window, qtbot, PR, INTRO_PR, PR_WEEK1)
    qtbot.keyClick(window.tree, Qt.Key.Key_V, CTRL)
    assert titles_under(window, PR, INTRO_PR, PR_WEEK1)[-2:] == [
        "Variables and data types",
        "Temperature converter",
    ]
    # Copies, with ids of their own; the two rows pasted are selected, ready to move on.
    pasted = window.document.catalog.modules["intro-pr-w1"].items[-2:]
    assert not {item.id for item in pasted} & {"csharp-w1-i3", "csharp-w1-i6"}
    assert selected_titles(window) == ["Variables and data types", "Temperature converter"]
    assert window.undo_action.text() == "Undo Paste 2 items"
    window.undo_action.trigger()
    assert dumps(window.document.catalog) == before
    # Pasted again, the two rows are selected again.
    window.redo_action.trigger()
    assert selected_titles(window) == ["Variables and data types", "Temperature converter"]


def test_cut_of_two_modules_and_paste_moves_them_each_in_one_step(window, qtbot, monkeypatch):
    catalog = window.document.catalog
    asked = []
    monkeypatch.setattr(window, "confirm", lambda *question: asked.append(question))
    before = dumps(catalog)
    items = [item.id for item in catalog.modules["intro-pr-w3"].items]
    open_row(window, qtbot, PR, INTRO_PR)
    click(window, qtbot, PR, INTRO_PR, PR_WEEK1)
    click(window, qtbot, PR, INTRO_PR, PR_WEEK3, keys=CTRL)
    qtbot.keyClick(window.tree, Qt.Key.Key_X, CTRL)
    # Used nowhere else, they leave the catalog without a question: Paste brings them back.
    assert asked == [] and "intro-pr-w1" not in catalog.modules
    assert titles_under(window, PR, INTRO_PR) == ["Week 2: Audiences, publics and messages"]
    assert window.undo_action.text() == "Undo Cut 2 rows"
    assert "Cut 2 modules" in window.statusBar().currentMessage()
    select(window, qtbot, PR, CONTENT)
    qtbot.keyClick(window.tree, Qt.Key.Key_V, CTRL)
    # The same modules and items (their ids), not copies: moved.
    assert catalog.courses["content-development-and-management"].module_ids == [
        "intro-pr-w1",
        "intro-pr-w3",
    ]
    assert [item.id for item in catalog.modules["intro-pr-w3"].items] == items
    assert titles_under(window, PR, CONTENT) == [PR_WEEK1, PR_WEEK3]
    assert window.undo_action.text() == "Undo Paste 2 modules"
    after = dumps(catalog)
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert dumps(catalog) == before
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert dumps(catalog) == after


def by_id(catalog):
    """The catalog's data with every list of units in the order of their ids."""
    data = json.loads(dumps(catalog))
    for name in ("programs", "courses", "modules"):
        data[name].sort(key=lambda unit: unit["id"])
    return data


def test_two_cut_programs_pasted_elsewhere_are_as_before_with_their_alignments(
    window, qtbot, monkeypatch
):
    catalog = window.document.catalog
    monkeypatch.setattr(window, "confirm", lambda *question: pytest.fail(str(question)))
    csharp = catalog.courses["introduction-to-programming-with-csharp"]
    before, before_data = dumps(catalog), by_id(catalog)
    select(window, qtbot, FULL)
    click(window, qtbot, BACK, keys=CTRL)
    window.cut_action.trigger()
    # The C# course stays (the front-end program uses it); its outcomes no longer support
    # the outcomes of the programs cut, which are gone.
    assert csharp.outcomes[0].supports == ["front-end-o1"]
    select(window, qtbot, PR)
    window.paste_action.trigger()
    assert [p.id for p in catalog.programs] == ["front-end", "pr-communications"] + [
        "full-stack",
        "back-end",
    ]
    # The same programs, courses and modules, sharing and supporting as before.
    assert csharp.outcomes[0].supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]
    assert by_id(catalog) == before_data
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert dumps(catalog) == before


def test_rows_of_two_kinds_cannot_be_cut_or_copied_and_the_status_bar_says_why(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    click(window, qtbot, FULL, CSHARP, "Week 2: Control flow and methods", keys=CTRL)
    assert "Cut and Copy take rows of one kind" in window.statusBar().currentMessage()
    assert not window.cut_action.isEnabled() and not window.copy_action.isEnabled()
    before = dumps(window.document.catalog)
    QApplication.clipboard().setText("copied before")
    qtbot.keyClick(window.tree, Qt.Key.Key_C, CTRL)
    qtbot.keyClick(window.tree, Qt.Key.Key_X, CTRL)
    # The clipboard keeps what it had: not the current row's title, as the tree view's own
    # Ctrl+C would put there.
    assert QApplication.clipboard().text() == "copied before"
    assert dumps(window.document.catalog) == before


def test_an_item_selected_twice_in_a_shared_module_is_pasted_once(window, qtbot):
    select_an_item_twice(window, qtbot)
    click(window, qtbot, BACK, CSHARP, WEEK1, "Temperature converter", keys=CTRL)
    window.copy_action.trigger()
    select(window, qtbot, PR, INTRO_PR, PR_WEEK1)
    window.paste_action.trigger()
    titles = titles_under(window, PR, INTRO_PR, PR_WEEK1)
    assert len(titles) == 10 and titles[-2:] == ["Types and variables", "Temperature converter"]


def test_rows_copied_by_a_version_that_wrote_them_wrong_are_not_pasted(window, qtbot):
    data = QMimeData()
    data.setData(SNIPPETS_MIME, b'{"snippets": []}')
    QApplication.clipboard().setMimeData(data)
    select(window, qtbot, PR, INTRO_PR, PR_WEEK1)
    window.paste_action.trigger()
    assert "cannot be pasted here" in window.statusBar().currentMessage()
    assert "no unit" in window.statusBar().currentMessage()
    assert window.document.undo_stack.count() == 0


TWO_ITEMS = ["Variables and data types", "Temperature converter"]


def drag_selection(window, *target, copy=False, into=None):
    """Drag the selected rows onto the row at these titles, as the tree starts a drag: with
    the indexes of every column of the selected rows, in the order they were selected."""
    rows = window.tree.selectionModel().selectedIndexes()
    drag(window, rows, tree_index(into or window, *target), copy=copy, into=into)


def select_two_items(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    # Clicked bottom first: they are dragged in the tree's order all the same.
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types", keys=CTRL)


def test_two_items_dragged_into_another_module_move_there_in_one_step(window, qtbot):
    catalog = window.document.catalog
    before = dumps(catalog)
    moved = [item.id for item in catalog.modules["csharp-w1"].items if item.title in TWO_ITEMS]
    open_row(window, qtbot, PR, INTRO_PR)
    select_two_items(window, qtbot)
    drag_selection(window, PR, INTRO_PR, PR_WEEK1)
    # The same items (their ids), not copies, at the end of the module, in the tree's order.
    assert [item.id for item in catalog.modules["intro-pr-w1"].items[-2:]] == moved
    assert not set(TWO_ITEMS) & set(item_titles(window, "csharp-w1"))
    assert titles_under(window, PR, INTRO_PR, PR_WEEK1)[-2:] == TWO_ITEMS
    assert selected_titles(window) == TWO_ITEMS
    assert window.undo_action.text() == "Undo Move 2 items"
    after = dumps(catalog)
    window.undo_action.trigger()
    assert dumps(catalog) == before
    window.redo_action.trigger()
    assert dumps(catalog) == after


def test_two_items_dragged_onto_a_sibling_below_them_go_below_it(window, qtbot):
    catalog = window.document.catalog
    titles = item_titles(window, "csharp-w1")
    select_two_items(window, qtbot)
    drag_selection(window, FULL, CSHARP, WEEK1, "Types and variables")
    rest = [title for title in titles if title not in TWO_ITEMS]
    at = rest.index("Types and variables") + 1
    assert item_titles(window, "csharp-w1") == rest[:at] + TWO_ITEMS + rest[at:]
    assert window.undo_action.text() == "Undo Move 2 items"
    window.undo_action.trigger()
    assert [item.title for item in catalog.modules["csharp-w1"].items] == titles
    # Dropped onto one of themselves, they stay where they are: no step to undo.
    count = window.document.undo_stack.count()
    select_two_items(window, qtbot)
    drag_selection(window, FULL, CSHARP, WEEK1, "Temperature converter")
    assert item_titles(window, "csharp-w1") == titles
    assert window.document.undo_stack.count() == count


def test_two_items_ctrl_dragged_into_another_module_are_copied_in_one_step(window, qtbot):
    catalog = window.document.catalog
    before = dumps(catalog)
    open_row(window, qtbot, PR, INTRO_PR)
    select_two_items(window, qtbot)
    drag_selection(window, PR, INTRO_PR, PR_WEEK1, copy=True)
    copies = catalog.modules["intro-pr-w1"].items[-2:]
    assert [item.title for item in copies] == TWO_ITEMS
    assert not {item.id for item in copies} & {"csharp-w1-i3", "csharp-w1-i6"}
    assert set(TWO_ITEMS) <= set(item_titles(window, "csharp-w1"))  # still there
    assert window.undo_action.text() == "Undo Copy 2 items"
    window.undo_action.trigger()
    assert dumps(catalog) == before


def test_two_courses_dragged_onto_another_program_are_shared_there(window, qtbot):
    catalog = window.document.catalog
    before = dumps(catalog)
    courses = ["introduction-to-public-relations", "content-development-and-management"]
    open_row(window, qtbot, PR)
    click(window, qtbot, PR, INTRO_PR)
    click(window, qtbot, PR, CONTENT, keys=CTRL)
    drag_selection(window, FRONT)
    assert catalog.program("front-end").course_ids[-2:] == courses
    for course in courses:
        assert catalog.users(course) == ["pr-communications", "front-end"]
    assert titles_under(window, FRONT)[-2:] == [INTRO_PR, CONTENT]
    assert "2 courses are now shared" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "Undo Share 2 courses"
    window.undo_action.trigger()
    assert dumps(catalog) == before


def test_two_items_dropped_where_items_cannot_go_change_nothing_and_say_so(window, qtbot):
    before = dumps(window.document.catalog)
    select_two_items(window, qtbot)
    drag_selection(window, FRONT)
    assert dumps(window.document.catalog) == before
    assert window.document.undo_stack.count() == 0
    assert "An item goes into a module" in window.statusBar().currentMessage()


def test_rows_of_two_kinds_are_not_dragged_and_the_status_bar_says_why(window, qtbot):
    before = dumps(window.document.catalog)
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    click(window, qtbot, FULL, CSHARP, "Week 2: Control flow and methods", keys=CTRL)
    assert "to drag them, select rows of one kind" in window.statusBar().currentMessage()
    rows = window.tree.selectionModel().selectedIndexes()
    assert window.tree.model().mimeData(rows).formats() == []
    drag_selection(window, PR, INTRO_PR)
    assert dumps(window.document.catalog) == before


def test_two_items_dragged_into_another_window_are_copied_there(window, qtbot, tmp_path):
    opening = another_window(qtbot, tmp_path)
    other = next(opening)
    before = dumps(window.document.catalog)
    select(other, qtbot, "Data Analyst", "Statistics")
    other.add_module_action.trigger()  # a module to drop them into
    other_before = dumps(other.document.catalog)
    select_two_items(window, qtbot)
    drag_selection(window, "Data Analyst", "Statistics", "Week 1", into=other)
    assert titles_under(other, "Data Analyst", "Statistics", "Week 1") == TWO_ITEMS
    assert other.document.undo_stack.undoText() == "Copy 2 items"
    assert dumps(window.document.catalog) == before
    other.undo_action.trigger()
    assert dumps(other.document.catalog) == other_before
    next(opening, None)


SECURITY = "Security and Authentication"


def test_two_programs_copied_into_another_window_share_their_common_courses(
    window, qtbot, tmp_path
):
    opening = another_window(qtbot, tmp_path)
    other = next(opening)
    click(window, qtbot, FULL)
    click(window, qtbot, BACK, keys=CTRL)
    qtbot.keyClick(window.tree, Qt.Key.Key_C, CTRL)
    other.activateWindow()  # as a click on it does: its keys are its own
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    select(other, qtbot, "Data Analyst")
    qtbot.keyClick(other.tree, Qt.Key.Key_V, CTRL)
    catalog = other.document.catalog
    full, back = catalog.programs[1:]
    assert [full.title, back.title] == [FULL, BACK]
    # The seven courses both certificates take are one course each, as where they came
    # from: the tree marks them shared, and an edit of one shows under both programs.
    common = [i for i in full.course_ids if i in back.course_ids]
    titles = [catalog.courses[i].title for i in common]
    assert titles[:2] == [CSHARP, "Back-End Development with .NET"]
    assert len(common) == 7 and len(catalog.courses) == 2 + 12 + 8 - 7
    open_row(other, qtbot, BACK)
    shared = tree_index(other, BACK, CSHARP).siblingAtColumn(SHARED)
    assert other.tree.model().data(shared) == "2 programs"
    assert other.undo_action.text() == "Undo Paste 2 programs"
    other.undo_action.trigger()
    assert len(catalog.courses) == 2


def test_a_course_two_programs_share_selected_under_both_is_asked_about(window, qtbot):
    # The course is the full-stack and back-end programs' only: deleted from both, it
    # leaves the catalog, as a course one program uses does after a question.
    catalog = window.document.catalog
    before = dumps(catalog)
    for program in (FULL, BACK):
        window.tree.expand(tree_index(window, program))
    click(window, qtbot, FULL, SECURITY)
    click(window, qtbot, BACK, SECURITY, keys=CTRL)
    answers = DialogAnswers(qtbot)
    answers.answer("Cancel")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(answers.seen) == 1 and f"“{SECURITY}”" in answers.seen[0]
    assert dumps(catalog) == before
    answers.answer("Delete")
    window.delete_action.trigger()
    assert "security-and-authentication" not in catalog.courses
    window.undo_action.trigger()
    assert dumps(catalog) == before


def test_a_module_and_one_of_its_items_selected_are_deleted_with_the_module(window, qtbot):
    # The item clicked last, its fields show; the item goes with the module, as it does
    # with more rows selected: Delete took the item alone and left the module.
    catalog = window.document.catalog
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter", keys=CTRL)
    # One row to edit, not "1 rows selected", nor several.
    assert "rows selected" not in window.statusBar().currentMessage()
    assert window.copy_action.isEnabled()
    answers = DialogAnswers(qtbot)
    answers.answer("Delete")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert len(answers.seen) == 1 and f"“{WEEK1}” is used nowhere else" in answers.seen[0]
    assert "csharp-w1" not in catalog.modules
    assert titles_under(window, FULL, CSHARP)[0] == "Week 2: Control flow and methods"


def test_a_module_and_one_of_its_items_cut_and_pasted_move_the_module(window, qtbot):
    catalog = window.document.catalog
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter", keys=CTRL)
    window.cut_action.trigger()
    assert QApplication.clipboard().text() == WEEK1
    assert f"Cut “{WEEK1}”" in window.statusBar().currentMessage()
    select(window, qtbot, PR, INTRO_PR)
    window.paste_action.trigger()
    assert titles_under(window, PR, INTRO_PR)[-1] == WEEK1
    # The same module, moved, with the item clicked: not the item alone.
    assert "csharp-w1" not in catalog.courses["introduction-to-programming-with-csharp"].module_ids
    assert "Temperature converter" in item_titles(window, "csharp-w1")


def test_ctrl_click_taking_the_current_row_out_leaves_the_other_one_to_edit(window, qtbot):
    select(window, qtbot, FULL)
    click(window, qtbot, BACK, keys=CTRL)
    click(window, qtbot, BACK, keys=CTRL)  # the row clicked last is selected no longer
    # The row still selected is the one the Details show and the edits take: they were
    # blank, and Delete, Cut and Copy off, with a row selected.
    assert selected_titles(window) == [FULL]
    assert window.selected_node().unit.title == FULL
    assert window.editor.unit.title == FULL
    for action in (window.delete_action, window.copy_action, window.rename_action):
        assert action.isEnabled(), action.text()


def test_cut_courses_pasted_where_two_are_already_say_both(window, qtbot):
    catalog = window.document.catalog
    before = dumps(catalog)
    window.tree.expand(tree_index(window, BACK))
    click(window, qtbot, BACK, SECURITY)
    click(window, qtbot, BACK, "Deployment and DevOps", keys=CTRL)
    click(window, qtbot, BACK, "Foundations of Coding Back-End", keys=CTRL)
    window.cut_action.trigger()
    select(window, qtbot, FULL)
    window.paste_action.trigger()
    # The full-stack program has the first two: the status bar named only the last one.
    message = window.statusBar().currentMessage()
    assert f"“{SECURITY}”" in message and "“Deployment and DevOps”" in message
    assert catalog.program("full-stack").course_ids.count("security-and-authentication") == 1
    assert titles_under(window, FULL)[-1] == "Foundations of Coding Back-End"
    after = dumps(catalog)
    for _ in range(2):
        window.undo_action.trigger()
        window.undo_action.trigger()
        assert dumps(catalog) == before
        assert_tree_shows_what_a_fresh_tree_shows(window)
        window.redo_action.trigger()
        window.redo_action.trigger()
        assert dumps(catalog) == after
        assert_tree_shows_what_a_fresh_tree_shows(window)


def test_the_status_bar_no_longer_says_rows_are_selected_once_they_are_deleted(window, qtbot):
    open_row(window, qtbot, FULL, CSHARP, WEEK1)
    click(window, qtbot, FULL, CSHARP, WEEK1, "Variables and data types")
    click(window, qtbot, FULL, CSHARP, WEEK1, "Module 1 graded quiz", keys=SHIFT)
    assert "6 rows selected" in window.statusBar().currentMessage()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert selected_titles(window) == ["Setting up .NET and Visual Studio Code"]
    # It said "2 rows selected" (the selection as the rows went) with one row selected.
    assert "rows selected" not in window.statusBar().currentMessage()
    assert window.totals_bar.selected.text() == "Selected: 30 min"
    assert window.editor.unit.title == "Setting up .NET and Visual Studio Code"


def test_ctrl_a_while_filtering_selects_the_rows_found_not_the_programs_above_them(window, qtbot):
    qtbot.keyClicks(window.filter, "peer")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_A, CTRL)
    # The C# course's second module shows under the three programs that take the course.
    grade = "Review a peer's grade calculator"
    assert selected_titles(window) == [grade, grade, grade, "Review a peer's message map"]
    answers = DialogAnswers(qtbot)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert answers.seen == []  # items leave no program: nothing to ask
    assert grade not in item_titles(window, "csharp-w2")
    assert "Review a peer's message map" not in item_titles(window, "intro-pr-w2")
    assert window.undo_action.text() == "Undo Delete 2 rows"
    assert len(window.document.catalog.programs) == 4
