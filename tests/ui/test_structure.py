"""Adding, deleting, sharing, copying and moving units in the tree, all undoable."""

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from window_actions import opened_window, select, tree_index

from designer.model import Catalog, Course, Program, Settings
from designer.storage import dumps, save

FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"


def drag(window, source, target, copy=False, into=None):
    """Drag source (an index, or a list of the indexes of several rows) onto target in the
    tree as the mouse would, Ctrl held for a copy; the target in the tree of the window
    into, if given (another window, as another process)."""
    data = window.tree.model().mimeData(source if isinstance(source, list) else [source])
    view = (into or window).tree
    view.scrollTo(target)
    point = QPointF(view.visualRect(target).center())
    action = Qt.DropAction.CopyAction if copy else Qt.DropAction.MoveAction
    keys = Qt.KeyboardModifier.ControlModifier if copy else Qt.KeyboardModifier.NoModifier
    buttons = Qt.MouseButton.LeftButton
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    enter = QDragEnterEvent(point.toPoint(), actions, data, buttons, keys)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(point.toPoint(), actions, data, buttons, keys)
    move.setDropAction(action)
    QApplication.sendEvent(view.viewport(), move)
    drop = QDropEvent(point, actions, data, buttons, keys)
    drop.setDropAction(action)
    QApplication.sendEvent(view.viewport(), drop)


def titles_under(window, *path):
    model = window.tree.model()
    parent = tree_index(window, *path)
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def hours_of(window, *path):
    return tree_index(window, *path).siblingAtColumn(2).data()


def test_dragging_a_course_onto_another_program_shares_it(window, qtbot):
    catalog = window.document.catalog
    drag(
        window,
        tree_index(window, PR, "Introduction to Public Relations"),
        tree_index(window, FRONT),
    )
    assert titles_under(window, FRONT)[-1] == "Introduction to Public Relations"
    assert catalog.users("introduction-to-public-relations") == ["pr-communications", "front-end"]
    assert hours_of(window, FRONT) == "238 h"
    assert (
        tree_index(window, FRONT, "Introduction to Public Relations").siblingAtColumn(4).data()
        == "2 programs"
    )
    # An edit to it now changes both programs.
    select(
        window,
        qtbot,
        FRONT,
        "Introduction to Public Relations",
        "Week 1: What public relations is",
        "PR in the modern organisation",
    )
    window.editor.fields["minutes"].editor.selectAll()
    qtbot.keyClicks(window.editor.fields["minutes"].editor, "90")
    assert (hours_of(window, FRONT), hours_of(window, PR)) == ("239 h", "137 h")


def test_ctrl_dragging_a_course_copies_it(window):
    catalog = window.document.catalog
    before = len(catalog.courses)
    drag(
        window,
        tree_index(window, PR, "Introduction to Public Relations"),
        tree_index(window, FRONT),
        copy=True,
    )
    copy = catalog.courses_of(catalog.program("front-end"))[-1]
    assert copy.title == "Introduction to Public Relations"
    assert copy.id != "introduction-to-public-relations"
    assert len(catalog.courses) == before + 1
    assert len(copy.module_ids) == 3 and not set(copy.module_ids) & {"intro-pr-w1"}
    assert catalog.users("introduction-to-public-relations") == ["pr-communications"]
    assert hours_of(window, FRONT) == "238 h"


def test_dragging_within_a_program_reorders(window):
    drag(
        window,
        tree_index(window, PR, "Stakeholder Relations and Reporting"),
        tree_index(window, PR, "Content Development and Management"),
    )
    assert titles_under(window, PR)[:3] == [
        "Introduction to Public Relations",
        "Stakeholder Relations and Reporting",
        "Content Development and Management",
    ]
    window.undo_action.trigger()
    assert titles_under(window, PR)[1] == "Content Development and Management"


def test_deleting_a_shared_course_removes_only_that_use(window, qtbot):
    select(window, qtbot, FRONT, CSHARP)
    window.delete_action.trigger()
    assert CSHARP not in titles_under(window, FRONT)
    assert CSHARP in titles_under(window, FULL) and CSHARP in titles_under(window, BACK)
    assert hours_of(window, FRONT) == "182 h"


def test_deleting_the_last_use_asks_first(window, qtbot, dialogs):
    catalog = window.document.catalog
    select(window, qtbot, PR, "Introduction to Public Relations")
    dialogs.answer("Cancel")
    window.delete_action.trigger()
    assert "used nowhere else" in dialogs.seen[-1]
    assert "Introduction to Public Relations" in titles_under(window, PR)
    dialogs.answer("Delete")
    window.delete_action.trigger()
    assert "introduction-to-public-relations" not in catalog.courses
    assert "intro-pr-w1" not in catalog.modules  # its modules went with it
    assert hours_of(window, PR) == "110 h"
    window.undo_action.trigger()
    assert "Introduction to Public Relations" in titles_under(window, PR)
    assert catalog.modules["intro-pr-w1"].items[0].title == "PR in the modern organisation"


def test_deleting_a_program_unlinks_the_outcomes_that_supported_it(window, qtbot, dialogs):
    catalog = window.document.catalog
    original = dumps(catalog)
    select(window, qtbot, FULL)
    dialogs.answer("Delete")  # "Delete the program …? 3 of its courses …"
    window.delete_action.trigger()
    assert "3 of its courses are used by no other program" in dialogs.seen[0]
    assert FULL not in [p.title for p in catalog.programs]
    assert "full-stack-o1" not in catalog.get("csharp-o1").supports
    assert "full-stack-integration" not in catalog.courses  # used only by Full Stack
    assert "introduction-to-programming-with-csharp" in catalog.courses
    window.undo_action.trigger()
    assert dumps(catalog) == original


def test_make_independent_copy_of_a_shared_course(window, qtbot):
    catalog = window.document.catalog
    select(window, qtbot, FRONT, CSHARP)
    window.independent_action.trigger()
    mine = catalog.courses_of(catalog.program("front-end"))[1]
    assert mine.title == CSHARP and mine.id != "introduction-to-programming-with-csharp"
    assert sorted(catalog.users("introduction-to-programming-with-csharp")) == [
        "back-end",
        "full-stack",
    ]
    assert tree_index(window, FRONT, CSHARP).siblingAtColumn(4).data() == ""
    # Its outcomes still support the program outcomes the shared one supported.
    assert mine.outcomes[0].supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]
    # An edit to the copy no longer reaches the other programs.
    week = catalog.modules[mine.module_ids[0]]
    window.document.push([], "nothing")
    from designer.model.edits import SetField

    window.document.push([SetField(week.items[0], "minutes", 75)], "minutes")
    assert (hours_of(window, FRONT), hours_of(window, FULL)) == ("213 h", "422 h")


def test_independent_copy_of_a_course_whose_item_checks_a_later_weeks_outcome(window, qtbot):
    # Week 2's graded quiz, dragged into week 1, still checks week 2's outcomes. The copy
    # adds its weeks one by one: the quiz's copy must not name week 2's copy before it is in.
    catalog = window.document.catalog
    week2 = "Week 2: Control flow and methods"
    drag(
        window,
        tree_index(window, FRONT, CSHARP, week2, "Module 2 graded quiz"),
        tree_index(window, FRONT, CSHARP, WEEK1),
    )
    assert titles_under(window, FRONT, CSHARP, WEEK1)[-1] == "Module 2 graded quiz"
    before = dumps(catalog)
    select(window, qtbot, FRONT, CSHARP)
    window.independent_action.trigger()
    mine = catalog.courses_of(catalog.program("front-end"))[1]
    assert mine.id != "introduction-to-programming-with-csharp"
    first, second = catalog.modules_of(mine)[:2]
    assert first.items[-1].outcome_ids == [o.id for o in second.outcomes]
    assert titles_under(window, FRONT, CSHARP, WEEK1)[-1] == "Module 2 graded quiz"
    window.undo_action.trigger()
    assert dumps(catalog) == before


def test_copy_and_paste_a_module_into_another_course(window, qtbot):
    catalog = window.document.catalog
    select(window, qtbot, FULL, CSHARP, WEEK1)
    window.copy_action.trigger()
    select(window, qtbot, PR, "Content Development and Management")
    window.paste_action.trigger()
    assert titles_under(window, PR, "Content Development and Management") == [WEEK1]
    pasted = catalog.modules_of(catalog.courses["content-development-and-management"])[0]
    assert pasted.id != "csharp-w1" and pasted.items[0].id != "csharp-w1-i1"
    assert hours_of(window, PR, "Content Development and Management") == "10 h"
    assert hours_of(window, PR) == "114 h"  # 32 declared hours give way to its 10 h module


def test_add_duplicate_and_move_items(window, qtbot):
    select(window, qtbot, FULL, CSHARP, WEEK1, "Welcome to C# and .NET")
    window.duplicate_action.trigger()
    items = titles_under(window, FULL, CSHARP, WEEK1)
    assert items[:2] == ["Welcome to C# and .NET", "Welcome to C# and .NET"]
    assert hours_of(window, FULL, CSHARP, WEEK1) == "10.25 h"
    window.move_down_action.trigger()
    assert titles_under(window, FULL, CSHARP, WEEK1)[1:3] == [
        "Setting up .NET and Visual Studio Code",
        "Welcome to C# and .NET",
    ]
    window.move_up_action.trigger()
    window.add_item_action.trigger()
    assert titles_under(window, FULL, CSHARP, WEEK1)[2] == "New item"


def test_workload_settings_change_the_credits_and_undo(window, qtbot, dialogs):
    from designer.ui.settings_dialog import SettingsDialog

    select(window, qtbot, FULL)
    dialog = SettingsDialog(window.document, window)
    dialog.hours_per_credit.line.setText("30")
    dialog.rounding.setCurrentIndex(dialog.rounding.findData("nearest"))
    dialog.accept()
    assert window.totals_bar.ects.text() == "422 h = 14 ECTS (14.07 rounded)"
    window.undo_action.trigger()
    assert window.totals_bar.ects.text() == "422 h = 16 ECTS (16.88 rounded down)"


def test_undo_every_edit_back_to_the_file_then_redo_them_all(window, qtbot, sample_copy):
    catalog = window.document.catalog
    snapshots = [dumps(catalog)]
    select(window, qtbot, FULL, CSHARP, WEEK1, "Welcome to C# and .NET")
    qtbot.keyClicks(window.editor.fields["minutes"].editor, "0")  # 15 -> 150
    snapshots.append(dumps(catalog))
    window.document.end_typing()
    select(window, qtbot, FRONT, "Introduction to Web Development")
    window.editor.fields["hours"].editor.selectAll()
    qtbot.keyClicks(window.editor.fields["hours"].editor, "41")
    snapshots.append(dumps(catalog))
    drag(
        window, tree_index(window, PR, "Introduction to Public Relations"), tree_index(window, BACK)
    )
    snapshots.append(dumps(catalog))
    select(window, qtbot, FULL, "Full-Stack Integration")
    window.add_course_action.trigger()
    snapshots.append(dumps(catalog))
    assert hours_of(window, FULL) == "426.25 h"
    stack = window.document.undo_stack
    steps = stack.count()
    for expected in reversed(snapshots[:-1]):
        window.undo_action.trigger()
        assert dumps(catalog) == expected or stack.index() > 0
    assert stack.index() == 0 and dumps(catalog) == sample_copy.read_bytes()
    assert hours_of(window, FULL) == "422 h" and not window.isWindowModified()
    for _ in range(steps):
        window.redo_action.trigger()
    assert dumps(catalog) == snapshots[-1]
    assert hours_of(window, FULL) == "426.25 h"


def another_window(qtbot, tmp_path):
    """A window on another catalog: one program of two courses."""
    program = Program(id="analyst", title="Data Analyst", course_ids=["stats", "sql"])
    courses = [Course(id="stats", title="Statistics", hours=30), Course(id="sql", title="SQL")]
    path = tmp_path / "other.curriculum.json"
    save(Catalog(Settings(), [program], courses), path)
    return opened_window(qtbot, path)


def test_a_course_dragged_into_another_windows_tree_is_copied_there(window, qtbot, tmp_path):
    opening = another_window(qtbot, tmp_path)
    other = next(opening)
    before, other_before = dumps(window.document.catalog), dumps(other.document.catalog)
    # Its row is the first under the fourth program: the other tree has no such row.
    course = tree_index(window, PR, "Introduction to Public Relations")
    drag(window, course, tree_index(other, "Data Analyst"), into=other)
    assert titles_under(other, "Data Analyst") == [
        "Statistics",
        "SQL",
        "Introduction to Public Relations",
    ]
    copied = other.document.catalog.courses_of(other.document.catalog.program("analyst"))[-1]
    assert copied.id != "introduction-to-public-relations"
    assert [m.title for m in other.document.catalog.modules_of(copied)] == [
        m.title
        for m in window.document.catalog.modules_of(
            window.document.catalog.courses["introduction-to-public-relations"]
        )
    ]
    assert other.document.undo_stack.undoText() == "Copy Introduction to Public Relations"
    assert dumps(window.document.catalog) == before  # the source window is as it was
    other.undo_action.trigger()
    assert dumps(other.document.catalog) == other_before
    # A unit that cannot go where it is dropped (a module onto a program) changes nothing.
    week = tree_index(window, FULL, CSHARP, WEEK1)
    drag(window, week, tree_index(other, "Data Analyst"), into=other)
    assert dumps(other.document.catalog) == other_before
    next(opening, None)


def test_a_copied_unit_another_version_wrote_is_refused_with_a_message(window, qtbot):
    data = QMimeData()
    data.setData(
        "application/x-curriculum-designer-snippet",
        b'{"kind": "course", "unit": {"id": "c1", "title": "Old", "hours": "lots"}}',
    )
    QApplication.clipboard().setMimeData(data)
    before = dumps(window.document.catalog)
    select(window, qtbot, PR)
    window.paste_action.trigger()
    assert window.statusBar().currentMessage() == (
        "The copied unit cannot be pasted here: it comes from another version of Curriculum "
        "Designer (hours: Input should be a valid number)."
    )
    assert dumps(window.document.catalog) == before
    assert not window.document.modified


def test_a_program_dragged_into_another_catalog_brings_copies_of_its_courses(
    window, qtbot, tmp_path
):
    opening = another_window(qtbot, tmp_path)
    other = next(opening)
    source, target = window.document.catalog, other.document.catalog
    other_before = dumps(target)
    drag(window, tree_index(window, FULL), tree_index(other, "Data Analyst"), into=other)
    # Dropped onto a program: it goes just before it.
    copy = target.programs[0]
    assert [p.title for p in target.programs] == [FULL, "Data Analyst"]
    original = source.program("full-stack")
    assert [c.title for c in target.courses_of(copy)] == [
        c.title for c in source.courses_of(original)
    ]
    assert not set(copy.course_ids) & set(original.course_ids)  # copies, with new ids
    assert hours_of(other, FULL) == "422 h"
    # The copied courses' outcomes still support the copied program's outcomes.
    csharp = target.courses_of(copy)[1]
    assert csharp.outcomes[0].supports == [copy.outcomes[0].id]
    week1 = target.modules_of(csharp)[0]
    assert week1.items[-1].outcome_ids == [o.id for o in week1.outcomes]
    other.undo_action.trigger()
    assert dumps(target) == other_before
    next(opening, None)


def test_a_program_duplicated_in_its_own_catalog_still_shares_its_courses(window, qtbot):
    catalog = window.document.catalog
    courses = dict(catalog.courses)
    select(window, qtbot, FRONT)
    window.duplicate_action.trigger()
    copies = [p for p in catalog.programs if p.title == FRONT]
    assert len(copies) == 2 and copies[0].course_ids == copies[1].course_ids
    assert catalog.courses == courses


def test_cut_and_paste_moves_the_same_course_without_asking(window, qtbot, monkeypatch):
    catalog = window.document.catalog
    asked = []
    monkeypatch.setattr(window, "confirm", lambda *question: asked.append(question))
    intro = "introduction-to-public-relations"  # used by Public Relations only
    weeks = ["intro-pr-w1", "intro-pr-w2", "intro-pr-w3"]
    items = [i.id for i in catalog.modules["intro-pr-w1"].items]
    select(window, qtbot, PR, "Introduction to Public Relations")
    window.cut_action.trigger()
    assert asked == [] and intro not in catalog.courses  # gone with the cut, no question
    assert "intro-pr-w1" not in catalog.modules
    assert "paste it" in window.statusBar().currentMessage()
    select(window, qtbot, FRONT)
    window.paste_action.trigger()
    # The same course, modules and items (their ids), not copies: moved.
    assert catalog.users(intro) == ["front-end"] and catalog.courses[intro].module_ids == weeks
    assert [i.id for i in catalog.modules["intro-pr-w1"].items] == items
    assert len(catalog.courses) == 21
    assert titles_under(window, FRONT)[-1] == "Introduction to Public Relations"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert catalog.users(intro) == ["pr-communications"]


def test_a_cut_program_pasted_elsewhere_is_supported_again_by_its_shared_course(
    window, qtbot, monkeypatch
):
    catalog = window.document.catalog
    monkeypatch.setattr(window, "confirm", lambda *question: True)
    csharp = catalog.courses["introduction-to-programming-with-csharp"]
    before = dumps(catalog)
    select(window, qtbot, FULL)
    window.cut_action.trigger()
    # The C# course stays (two other programs use it); its outcome no longer supports the
    # cut program's, which is gone.
    assert "full-stack-o1" not in csharp.outcomes[0].supports
    select(window, qtbot, PR)
    window.paste_action.trigger()
    assert [p.id for p in catalog.programs][-1] == "full-stack"
    assert csharp.outcomes[0].supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert dumps(catalog) == before


def test_cut_of_a_shared_course_pasted_elsewhere_shares_it_there(window, qtbot):
    catalog = window.document.catalog
    blazor = "blazor-for-front-end-development"
    select(window, qtbot, FRONT, "Blazor for Front-End Development")
    window.cut_action.trigger()
    assert catalog.users(blazor) == ["full-stack"]
    select(window, qtbot, PR)
    window.paste_action.trigger()
    assert catalog.users(blazor) == ["full-stack", "pr-communications"]
    assert len(catalog.courses) == 21  # no second Blazor
    window.paste_action.trigger()  # the same course twice in one program: refused
    assert "already there" in window.statusBar().currentMessage()
    assert catalog.program("pr-communications").course_ids.count(blazor) == 1
