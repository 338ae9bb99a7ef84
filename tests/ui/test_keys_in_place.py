"""Keys act where the cursor is: a key pressed in a field or a table never edits the tree's
selection, a refused entry changes nothing, and the cursor only goes to a title it renames."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from window_actions import DialogAnswers, field, retype, select, tree_index

FULL = "Microsoft Full Stack Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
CTRL = Qt.KeyboardModifier.ControlModifier


def test_adding_a_unit_the_filter_hides_shows_it_and_names_it_not_the_selection(window, qtbot):
    catalog = window.document.catalog
    csharp = catalog.courses["introduction-to-programming-with-csharp"]
    qtbot.keyClicks(window.filter, "Week 2")
    select(window, qtbot, FULL, CSHARP)
    window.tree.setFocus()
    keys = CTRL | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.tree, Qt.Key.Key_M, keys)  # Add Module
    qtbot.keyClicks(field(window, "title"), "Week 4: LINQ")

    assert csharp.title == CSHARP  # the shared course kept its title in its three programs
    assert [m.title for m in catalog.modules_of(csharp)][-1] == "Week 4: LINQ"
    assert window.filter.text() == ""  # cleared, so the new module shows, selected
    assert window.selected_node().unit.title == "Week 4: LINQ"


def test_delete_and_ctrl_arrows_in_the_outcomes_table_act_on_outcomes(window, qtbot):
    catalog = window.document.catalog
    csharp = catalog.courses["introduction-to-programming-with-csharp"]
    first, second, third = (o.text for o in csharp.outcomes[:3])
    select(window, qtbot, FULL, CSHARP)
    window.tabs.setCurrentWidget(window.outcomes)
    table = window.outcomes.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Down, CTRL)  # moves the outcome down
    assert [o.text for o in csharp.outcomes[:3]] == [second, first, third]
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # removes the outcome
    assert [o.text for o in csharp.outcomes[:2]] == [first, third]
    assert window.document.undo_stack.undoText() == "Remove outcome"
    assert "introduction-to-programming-with-csharp" in catalog.programs[0].course_ids


def test_keys_pressed_in_fields_and_panels_leave_the_tree_alone(window, qtbot, monkeypatch):
    catalog = window.document.catalog
    asked = []  # "Delete it?" questions, answered No
    monkeypatch.setattr(window, "confirm", lambda *question: asked.append(question) and False)
    select(window, qtbot, FULL, CSHARP)
    order = list(catalog.programs[0].course_ids)
    description = field(window, "description")
    description.setFocus()
    qtbot.keyClick(description, Qt.Key.Key_Up, CTRL)
    title = field(window, "title")
    title.setFocus()
    qtbot.keyClick(title, Qt.Key.Key_D, CTRL)
    problems = window.problems.findChild(QTableView)
    problems.setFocus()
    qtbot.keyClick(problems, Qt.Key.Key_Delete)  # no "Delete it?" question either

    select(window, qtbot, FULL, CSHARP, WEEK1, "Welcome to C# and .NET")
    module = catalog.modules["csharp-w1"]
    items = list(module.items)
    for name in ("kind", "graded"):
        window.editor.fields[name].editor.setFocus()
        qtbot.keyClick(window.editor.fields[name].editor, Qt.Key.Key_Delete)

    assert catalog.programs[0].course_ids == order and asked == []
    assert len(catalog.courses) == 21 and module.items == items
    assert window.document.undo_stack.count() == 0
    # In the tree the same keys still edit the selection.
    select(window, qtbot, FULL, CSHARP)
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, CTRL)
    assert catalog.programs[0].course_ids[0] == "introduction-to-programming-with-csharp"


def test_ctrl_z_in_a_field_takes_back_the_typing_with_the_window_undo(window, qtbot):
    catalog = window.document.catalog
    select(window, qtbot, FULL, CSHARP, WEEK1)
    retype(qtbot, field(window, "title"), "Week 1: Basics")
    select(window, qtbot, PR, "Introduction to Public Relations")
    title = field(window, "title")
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " (revised)")
    assert window.undo_action.text() == "Undo Edit title"

    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == "Introduction to Public Relations"
    assert catalog.courses["introduction-to-public-relations"].title == title.text()
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)  # the step before, in another unit
    assert catalog.modules["csharp-w1"].title == WEEK1
    assert not window.isWindowModified() and window.document.undo_stack.index() == 0
    assert window.selected_node().unit.id == "csharp-w1"  # shown with what it changed
    qtbot.keyClick(field(window, "title"), Qt.Key.Key_Y, CTRL)
    assert catalog.modules["csharp-w1"].title == "Week 1: Basics"


def test_a_refused_entry_puts_back_the_value_before_the_typing(window, qtbot):
    catalog = window.document.catalog
    course = catalog.courses["foundations-of-coding-full-stack"]
    select(window, qtbot, FULL, "Foundations of Coding Full-Stack")
    hours = window.editor.fields["hours"]
    retype(qtbot, hours.editor, "3900")  # passes through 3, 39 and 390 first

    assert "at most 2000" in hours.error.text() and hours.editor.text() == "3900"
    assert course.hours == 39 and window.totals_bar.ects.text().startswith("422 h = 16 ECTS")
    assert window.document.undo_stack.count() == 0  # nothing changed: no step
    hours.editor.clearFocus()
    retype(qtbot, hours.editor, "40")
    assert course.hours == 40 and not hours.error.isVisible()


def test_deleting_a_program_asks_first_naming_the_courses_that_go_with_it(window, qtbot):
    catalog = window.document.catalog
    answers = DialogAnswers(qtbot)
    select(window, qtbot, PR)
    answers.answer("Cancel")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert "5 of its courses are used by no other program" in answers.seen[0]
    assert len(catalog.programs) == 4
    answers.answer("Delete")
    window.activateWindow()  # active again once the question is gone, as after a click
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert [p.title for p in catalog.programs][-1] != PR and len(catalog.courses) == 16
    window.undo_action.trigger()
    assert len(catalog.programs) == 4 and tree_index(window, PR).isValid()


def test_ctrl_up_in_a_filtered_tree_never_swaps_with_a_hidden_row(window, qtbot):
    catalog = window.document.catalog
    order = list(catalog.programs[0].course_ids)
    qtbot.keyClicks(window.filter, "Development")
    model = window.tree.model()

    def shown():
        program = tree_index(window, FULL)
        return [model.index(r, 0, program).data() for r in range(model.rowCount(program))]

    web, blazor, back_end = shown()
    assert web == "Introduction to Web Development"  # C# and Foundations, above it, hidden
    select(window, qtbot, FULL, web)
    qtbot.keyClick(window.tree, Qt.Key.Key_Up, CTRL)  # nothing shown above it: no move
    assert catalog.programs[0].course_ids == order and window.document.undo_stack.count() == 0
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, CTRL)
    assert shown() == [blazor, web, back_end]
    assert window.selected_node().unit.title == web


def test_undo_and_redo_select_what_they_change(window, qtbot, monkeypatch):
    monkeypatch.setattr(window, "confirm", lambda *question: True)  # "Delete it?": yes
    content = "Content Development and Management"
    select(window, qtbot, PR, content)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert window.selected_node().unit.title != content
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    assert window.selected_node().unit.title == content  # brought back, and shown
    assert window.redo_action.text() == f"Redo Delete {content}"

    select(window, qtbot, FULL, CSHARP, WEEK1)
    qtbot.keyClick(window.tree, Qt.Key.Key_D, CTRL)  # Duplicate: the copy is selected
    copy = window.selected_node().unit
    assert copy.title == WEEK1 and copy.id != "csharp-w1"
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)
    assert window.selected_node().unit.id == "csharp-w1"  # back on the original

    select(window, qtbot, FULL, CSHARP)
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, CTRL)
    select(window, qtbot, PR)
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, CTRL)  # the move, in another program
    assert window.selected_node().unit.title == CSHARP
    assert window.selected_node().parent.unit.title == FULL
