"""Keys that move the current row and leave the selection (Ctrl+End, Ctrl+Home): the edits
take the row selected, which the panels show. Insert's actions, on as that row allowed,
said "select a program first" and added nothing, and Rename did nothing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from window_actions import select, tree_index

FULL = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
CTRL = Qt.KeyboardModifier.ControlModifier


def titles_under(window, program_title):
    [program] = [p for p in window.document.catalog.programs if p.title == program_title]
    return [course.title for course in window.document.catalog.courses_of(program)]


def move_current_to_the_end(window, qtbot):
    """Ctrl+End: the current row goes to the last row, the selection stays."""
    selected = window.tree.selectionModel().selectedRows()
    qtbot.keyClick(window.tree, Qt.Key.Key_End, CTRL)
    current = window.tree.currentIndex()
    assert current.isValid() and current not in selected
    assert window.tree.selectionModel().selectedRows() == selected
    QApplication.processEvents()  # the window follows the current row once it has moved
    return current


def test_insert_adds_after_the_selected_row_when_the_current_row_is_elsewhere(window, qtbot):
    select(window, qtbot, FULL, CSHARP)
    before = titles_under(window, FULL)
    move_current_to_the_end(window, qtbot)
    assert window.editor.unit.title == CSHARP  # the Details still show the row selected
    assert window.add_course_action.isEnabled()

    window.add_course_action.trigger()

    after = titles_under(window, FULL)
    assert len(after) == len(before) + 1
    assert after[: before.index(CSHARP) + 1] == before[: before.index(CSHARP) + 1]
    assert after[before.index(CSHARP) + 2 :] == before[before.index(CSHARP) + 1 :]
    window.document.undo_stack.undo()
    assert titles_under(window, FULL) == before


def test_rename_opens_the_selected_rows_title_not_the_current_ones(window, qtbot):
    select(window, qtbot, FULL, CSHARP)
    last = move_current_to_the_end(window, qtbot)
    last_title = last.data()
    assert window.rename_action.isEnabled()

    window.rename_action.trigger()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == CSHARP
    editor.selectAll()
    qtbot.keyClicks(editor, "C# from the start")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits the text and closes the box once back in the event loop.
    qtbot.waitUntil(lambda: window.tree.state() == QAbstractItemView.State.NoState)

    assert "C# from the start" in titles_under(window, FULL)
    assert CSHARP not in titles_under(window, FULL)
    assert last.data() == last_title


def test_with_several_rows_selected_the_panels_and_edits_follow_the_current_row_away(window, qtbot):
    select(window, qtbot, FULL, CSHARP)
    other = tree_index(window, FULL, titles_under(window, FULL)[0])
    qtbot.mouseClick(
        window.tree.viewport(),
        Qt.MouseButton.LeftButton,
        CTRL,
        window.tree.visualRect(other).center(),
    )
    assert window.editor.unit is not None  # the current row's, one of the two
    assert window.add_course_action.isEnabled()
    move_current_to_the_end(window, qtbot)
    # Two rows selected and the current one is neither: no row to show or to add after.
    assert window.editor.unit is None
    assert window.selected_node() is None
    assert not window.add_course_action.isEnabled()
    assert not window.rename_action.isEnabled()
    assert window.delete_action.isEnabled()  # Delete takes the rows selected
    count = len(window.document.catalog.courses)
    window.add_course_action.trigger()  # off: adds nothing
    assert len(window.document.catalog.courses) == count
