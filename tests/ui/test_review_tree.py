"""Building and rearranging the tree with the mouse and keys: drops that cannot go where
they are dropped say so, a row dropped onto the next one moves below it, a share by drag
is told, a delete in a filtered tree keeps the filter, and a title of spaces shows."""

from PySide6.QtCore import Qt
from test_structure import drag, titles_under
from window_actions import field, retype, select, tree_index

from designer.storage import dumps

FULL = "Microsoft Full Stack Developer Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
INTRO = "Introduction to Public Relations"
CONTENT = "Content Development and Management"
STAKEHOLDER = "Stakeholder Relations and Reporting"


def selected_title(window):
    node = window.selected_node()
    return None if node is None else node.unit.title


def test_a_unit_dropped_where_it_cannot_go_is_refused_with_a_word(window, qtbot):
    before = dumps(window.document.catalog)
    item = tree_index(window, FULL, CSHARP, WEEK1, "Welcome to C# and .NET")
    drag(window, item, tree_index(window, PR, INTRO))  # an item onto a course
    assert window.statusBar().currentMessage() == (
        "An item goes into a module: drop it onto a module or one of its items."
    )
    drag(window, tree_index(window, FULL, CSHARP, WEEK1), tree_index(window, PR))
    assert window.statusBar().currentMessage() == (
        "A module goes into a course: drop it onto a course or one of its modules."
    )
    assert dumps(window.document.catalog) == before and window.document.undo_stack.count() == 0


def test_a_course_dropped_onto_the_next_one_moves_below_it(window, qtbot):
    drag(window, tree_index(window, PR, INTRO), tree_index(window, PR, CONTENT))
    assert titles_under(window, PR)[:2] == [CONTENT, INTRO]  # it did nothing
    assert window.document.undo_stack.count() == 1
    assert selected_title(window) == INTRO
    # Onto the last one, it goes last (it landed before it).
    drag(window, tree_index(window, PR, INTRO), tree_index(window, PR, STAKEHOLDER))
    assert titles_under(window, PR)[-2:] == [STAKEHOLDER, INTRO]
    assert selected_title(window) == INTRO
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert titles_under(window, PR)[:2] == [INTRO, CONTENT]


def test_a_course_dragged_onto_another_program_says_it_is_shared_now(window, qtbot):
    drag(window, tree_index(window, PR, INTRO), tree_index(window, FRONT))
    assert window.document.catalog.users("introduction-to-public-relations") == [
        "pr-communications",
        "front-end",
    ]
    assert window.statusBar().currentMessage() == (
        "“Introduction to Public Relations” is now shared by 2 programs: an edit to it "
        "changes them all. Ctrl+drag copies it instead; Cut and Paste moves it."
    )
    assert selected_title(window) == INTRO
    assert window.selected_node().parent.unit.title == FRONT


def test_deleting_in_a_filtered_tree_keeps_the_filter(window, qtbot):
    qtbot.keyClicks(window.filter, "Development")
    # Shown under Full Stack: Web Development, Blazor, Back-End Development with .NET; the
    # course after the last, Database Integration, is hidden.
    select(window, qtbot, FULL, "Back-End Development with .NET")
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)  # a shared course: no question
    assert window.filter.text() == "Development"  # it was cleared
    assert titles_under(window, FULL) == [
        "Introduction to Web Development",
        "Blazor for Front-End Development",
    ]
    assert selected_title(window) == "Blazor for Front-End Development"
    window.undo_action.trigger()
    assert "Back-End Development with .NET" in titles_under(window, FULL)


def test_a_title_of_spaces_shows_as_untitled_in_the_tree(window, qtbot):
    select(window, qtbot, FULL, CSHARP, WEEK1, "Welcome to C# and .NET")
    retype(qtbot, field(window, "title"), "   ")
    row = (
        tree_index(window, FULL, CSHARP, WEEK1)
        .model()
        .index(0, 0, tree_index(window, FULL, CSHARP, WEEK1))
    )
    assert row.data() == "(untitled)"  # it was a blank row
