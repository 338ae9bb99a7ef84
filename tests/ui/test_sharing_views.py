"""The stackability matrix and graph, the duplicates view and the pathway panel, driven by hand."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsPathItem
from window_actions import field, open_page, retype, select, tree_index

from designer.model import Course
from designer.model.edits import AddUnit, Insert, SetField
from designer.storage import dumps
from designer.ui.duplicates_view import GROUP_ROLE

FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
ORDER = [FULL, BACK, FRONT, PR]  # rows and columns follow the catalog


def test_the_matrix_shows_shared_hours_and_lists_what_a_pair_shares(window, qtbot):
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    qtbot.waitUntil(lambda: view.up_to_date)  # computed in the background
    table = view.table
    model = table.model()
    front_to_full = model.index(ORDER.index(FRONT), ORDER.index(FULL))
    # Front-End holders keep C# (30 h), Web Development (39 h) and Blazor (35 h) of 422 h.
    assert front_to_full.data() == "104 h\n25 %"
    back_to_full = model.index(ORDER.index(BACK), ORDER.index(FULL))
    assert back_to_full.data() == "270 h\n64 %"
    assert model.index(ORDER.index(PR), ORDER.index(FULL)).data() == ""
    deeper = back_to_full.data(Qt.ItemDataRole.BackgroundRole).color()
    lighter = front_to_full.data(Qt.ItemDataRole.BackgroundRole).color()
    assert deeper.lightness() < lighter.lightness()
    table.scrollTo(front_to_full)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(front_to_full).center()
    )
    shared = [view.shared.item(i).text() for i in range(view.shared.count())]
    assert shared == [
        "Introduction to Programming With C#  (course, 30 h)",
        "Introduction to Web Development  (course, 39 h)",
        "Blazor for Front-End Development  (course, 35 h)",
    ]
    assert "104 h" in view.pair.text()
    item = view.shared.item(1)
    qtbot.mouseClick(
        view.shared.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.shared.visualItemRect(item).center(),
    )
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.title == "Introduction to Web Development"


def test_the_graph_shows_programs_and_shared_courses_and_links_to_the_tree(window, qtbot):
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: window.stackability.up_to_date)
    graph = window.stackability.graph
    assert {
        "full-stack",
        "back-end",
        "front-end",
        "introduction-to-programming-with-csharp",
    } <= set(graph.nodes)
    assert "foundations-of-coding-full-stack" not in graph.nodes  # used by one program only
    node = graph.nodes["introduction-to-programming-with-csharp"]
    point = graph.mapFromScene(node.sceneBoundingRect().center())
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.id == "introduction-to-programming-with-csharp"


def test_the_graph_is_walked_with_the_arrow_keys_and_enter_opens_the_unit(window, qtbot):
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: window.stackability.up_to_date)
    graph = window.stackability.graph
    graph.setFocus()
    assert graph.current() is None
    qtbot.keyClick(graph, Qt.Key.Key_Down)
    # Reading order: top to bottom, then left to right.
    order = sorted(graph.nodes, key=lambda n: (graph.nodes[n].y(), graph.nodes[n].x()))
    assert graph.current() == order[0]
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    qtbot.keyClick(graph, Qt.Key.Key_Left)
    assert graph.current() == order[1]
    qtbot.keyClick(graph, Qt.Key.Key_End)
    qtbot.keyClick(graph, Qt.Key.Key_Down)  # at the last node it stays there
    assert graph.current() == order[-1]
    assert [i.data(0) for i in graph.scene().selectedItems()] == [order[-1]]
    qtbot.keyClick(graph, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.id == order[-1]


def test_the_graph_is_drawn_again_when_what_is_shared_changes(window, qtbot):
    graph = window.stackability.graph
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: window.stackability.up_to_date)
    blazor = "blazor-for-front-end-development"  # shared by Front-End and Full Stack only
    assert blazor in graph.nodes
    open_page(window, qtbot, "Design")
    select(window, qtbot, FRONT, "Blazor for Front-End Development")
    window.delete_action.trigger()
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: window.stackability.up_to_date)
    assert blazor not in graph.nodes
    lines = [i for i in graph.scene().items() if isinstance(i, QGraphicsPathItem)]
    assert len(lines) == 1  # every link, as one path
    shown = lines[0].path().elementCount()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: blazor in graph.nodes)
    lines = [i for i in graph.scene().items() if isinstance(i, QGraphicsPathItem)]
    assert lines[0].path().elementCount() == shown + 4  # two more links, each two points
    node = graph.nodes[blazor]
    point = graph.mapFromScene(node.sceneBoundingRect().center())
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selected_node().unit.id == blazor


def test_the_matrix_follows_edits(window, qtbot):
    select(window, qtbot, FRONT, "Introduction to Web Development")
    editor = window.editor.fields["hours"].editor
    editor.selectAll()
    qtbot.keyClicks(editor, "44")
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(
        lambda: (
            window.stackability.matrix.index(ORDER.index(FRONT), ORDER.index(FULL)).data()
            == "109 h\n26 %"
        )
    )


def test_the_pathway_panel_plans_a_front_end_holder_towards_full_stack(window, qtbot):
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    front = next(
        panel.holdings.item(i)
        for i in range(panel.holdings.count())
        if panel.holdings.item(i).text() == FRONT
    )
    panel.holdings.setCurrentItem(front)
    qtbot.keyClick(panel.holdings, Qt.Key.Key_Space)  # ticks the box
    assert front.checkState() == Qt.CheckState.Checked
    panel.target.setCurrentIndex(panel.target.findText(FULL))
    # 422 - 104 = 318 h remain: 32 weeks at 10 h a week.
    assert panel.summary.text() == (
        "Credited 104 h; 318 h remain, about 32 weeks at 10 h a week. "
        "Start with “Foundations of Coding Full-Stack”."
    )
    remaining = [panel.remaining.item(i).text() for i in range(panel.remaining.count())]
    assert len(remaining) == 9 and remaining[0] == "Foundations of Coding Full-Stack  (39 h)"
    assert "Introduction to Web Development  (39 h)" not in remaining
    ranking = [panel.ranking.item(i).text() for i in range(panel.ranking.count())]
    assert ranking == [f"{PR}: 136 h to go", f"{BACK}: 279 h to go", f"{FULL}: 318 h to go"]


def group_rows(view):
    """The duplicates list's group rows, first column, top to bottom."""
    model = view.list.model()
    return [model.index(row, 0) for row in range(model.rowCount())]


def click_row(qtbot, view, index):
    """Scroll a row into sight and click it, as a designer does."""
    view.list.scrollTo(index)
    qtbot.waitUntil(lambda: view.list.visualRect(index).isValid())  # laid out
    point = view.list.visualRect(index).center()
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.list.currentIndex() == index


def unit_rows(view, group):
    model = view.list.model()
    return [model.index(row, 0, group).data() for row in range(model.rowCount(group))]


def test_ignoring_a_near_duplicate_is_remembered_and_undoable(window, qtbot):
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date)
    groups = group_rows(view)
    foundations = [g for g in groups if "Foundations of Coding" in g.data()]
    assert foundations and all("alike" in g.siblingAtColumn(3).data() for g in foundations)
    assert not any("Public Relations" in g.data() for g in groups)
    last = groups[-1].data(GROUP_ROLE)
    click_row(qtbot, view, foundations[0])
    qtbot.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton)
    pair = window.document.catalog.ignored_duplicates[0]
    assert set(pair) <= {
        "foundations-of-coding-full-stack",
        "foundations-of-coding-back-end",
        "foundations-of-coding-front-end",
    }
    assert len(group_rows(view)) == len(groups) - 1
    # The groups below moved up a row; each still lists its own units.
    below = group_rows(view)[-1]
    assert below.data(GROUP_ROLE) == last
    view.list.expand(below)
    assert [u.split(" — ")[0] for u in unit_rows(view, below)] == [
        window.document.catalog.get(u).title for u in last.units
    ]
    qtbot.waitUntil(lambda: view.up_to_date)  # searched again: still ignored
    assert len(group_rows(view)) == len(groups) - 1
    window.undo_action.trigger()
    assert window.document.catalog.ignored_duplicates == []


def test_opening_a_group_lists_its_units_and_a_double_click_finds_one(window, qtbot):
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date)
    group = next(g for g in group_rows(view) if "Foundations of Coding Full-Stack" in g.data())
    assert not view.list.isExpanded(group)
    view.list.setFocus()
    click_row(qtbot, view, group)
    qtbot.keyClick(view.list, Qt.Key.Key_Right)  # opens the group
    assert view.list.isExpanded(group)
    units = unit_rows(view, group)
    assert len(units) == len(group.data(GROUP_ROLE).units) >= 2
    assert f"Foundations of Coding Full-Stack — in {FULL}" in units
    # A unit's row is one text, where the unit is used: it spans the list, not cut short.
    assert all(view.list.isFirstColumnSpanned(row, group) for row in range(len(units)))
    model = view.list.model()
    child = model.index(units.index(f"Foundations of Coding Full-Stack — in {FULL}"), 0, group)
    click_row(qtbot, view, child)
    point = view.list.visualRect(child).center()
    qtbot.mouseDClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.title == "Foundations of Coding Full-Stack"


def test_merging_an_identical_copy_makes_one_shared_course_and_undoes(window, qtbot, dialogs):
    from test_structure import drag

    drag(
        window,
        tree_index(window, PR, "Introduction to Public Relations"),
        tree_index(window, FRONT),
        copy=True,
    )
    before_merge = dumps(window.document.catalog)
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    view.refresh()
    qtbot.waitUntil(lambda: view.up_to_date)
    identical = next(
        g for g in group_rows(view) if g.siblingAtColumn(1).data() == "course, identical"
    )
    click_row(qtbot, view, identical)
    groups = len(group_rows(view))
    dialogs.answer("Merge")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    # The merged group leaves the list at once, not when the search has run again.
    assert len(group_rows(view)) == groups - 1
    assert all(g.siblingAtColumn(1).data() != "course, identical" for g in group_rows(view))
    catalog = window.document.catalog
    [course] = [
        c for c in catalog.courses.values() if c.title == "Introduction to Public Relations"
    ]
    assert sorted(catalog.users(course.id)) == ["front-end", "pr-communications"]
    assert "What differs:" in dialogs.seen[-1]
    assert "No differences: the units are identical." in dialogs.seen[-1]
    window.undo_action.trigger()
    assert dumps(catalog) == before_merge


def test_the_editor_of_a_shared_course_shows_its_uses_and_the_impact_of_a_change(window, qtbot):
    select(window, qtbot, FULL, "Introduction to Programming With C#")
    editor = window.editor
    assert editor.usage_note.text() == f"{FULL}, {BACK}, {FRONT}"
    assert editor.impact_note.text().split("\n") == [
        "MS-FSD: 422 h → 427 h, 16 → 17 ECTS",
        "MS-BED: 309 h → 314 h, 12 → 12 ECTS",
        "MS-FED: 212 h → 217 h, 8 → 8 ECTS",
    ]
    retype(qtbot, editor.impact_delta.line, "-10")
    assert editor.impact_note.text().split("\n")[0] == "MS-FSD: 422 h → 412 h, 16 → 16 ECTS"


NOTHING = "Nothing to show until the change above is corrected."


def test_the_impact_box_explains_a_change_it_cannot_use_and_edits_nothing(window, qtbot):
    """The spin box kept 300 of a typed 3000 without a word, and took -40 h off a 30 h
    course as if it were -30 h."""
    select(window, qtbot, FULL, "Introduction to Programming With C#")  # 30 h
    document = window.document
    before, steps = dumps(document.catalog), document.undo_stack.count()
    box, note = window.editor.impact_delta, window.editor.impact_note

    def shown():
        message = "" if box.error.isHidden() else box.error.text()
        return box.line.text(), message, note.text().split("\n")[0]

    assert shown() == ("5", "", "MS-FSD: 422 h → 427 h, 16 → 17 ECTS")
    for typed, message in (
        ("3000", "The change in hours can be at most 2000 h."),
        ("-3000", "The change in hours must be at least -2000 h."),
        ("ten", "“ten” is not a number."),
        ("+-5", "“+-5” is not a number."),
        ("-40", "This course has 30 h: a change of -40 h would take it below 0 h."),
    ):
        retype(qtbot, box.line, typed)
        assert shown() == (typed, message, NOTHING)
    box.line.selectAll()
    qtbot.keyClick(box.line, Qt.Key.Key_Backspace)  # the box emptied
    assert shown() == ("", "Enter the change in hours.", NOTHING)
    for typed, figures in (
        ("7,5", "MS-FSD: 422 h → 429.5 h, 16 → 17 ECTS"),
        ("+2", "MS-FSD: 422 h → 424 h, 16 → 16 ECTS"),
        ("-30", "MS-FSD: 422 h → 392 h, 16 → 15 ECTS"),  # the whole course, down to 0 h
        ("1 h 30", "MS-FSD: 422 h → 423.5 h, 16 → 16 ECTS"),
    ):
        retype(qtbot, box.line, typed)
        assert shown() == (typed, "", figures)
    assert dumps(document.catalog) == before and document.undo_stack.count() == steps
    assert not document.modified


def test_a_decrease_refused_for_a_course_is_taken_once_it_has_the_hours(window, qtbot):
    select(window, qtbot, FULL, "Introduction to Programming With C#")  # 30 h
    box, note = window.editor.impact_delta, window.editor.impact_note
    retype(qtbot, box.line, "-40")
    assert "This course has 30 h" in box.error.text() and note.text() == NOTHING
    # Its first item, 15 minutes, made 10 h longer: the course has 40 h to lose.
    document = window.document
    item = document.catalog.modules["csharp-w1"].items[0]
    document.push([SetField(item, "minutes", 615.0)], "Edit minutes")
    assert box.error.isHidden()
    assert note.text().split("\n")[0] == "MS-FSD: 432 h → 392 h, 17 → 15 ECTS"
    document.push([SetField(item, "minutes", 15.0)], "Edit minutes")
    assert not box.error.isHidden() and "This course has 30 h" in box.error.text()
    assert note.text() == NOTHING and box.line.text() == "-40"


def test_undo_keys_in_the_impact_box_take_back_its_typing_not_an_edit(window, qtbot):
    select(window, qtbot, FULL, "Introduction to Programming With C#")
    retype(qtbot, field(window, "title"), "C# Basics")
    box, note = window.editor.impact_delta, window.editor.impact_note
    retype(qtbot, box.line, "3000")
    assert not box.error.isHidden()
    qtbot.keyClick(box.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.selected_node().unit.title == "C# Basics"  # the window's Undo left alone
    assert window.document.undo_stack.undoText() == "Edit title"
    # The box's own typing taken back, its message and the figures with it.
    assert box.line.text() == "5" and box.error.isHidden()
    assert note.text().split("\n")[0] == "MS-FSD: 422 h → 427 h, 16 → 17 ECTS"


def shared_course_then_undone(window):
    """A 20 h course shared by Front-End and Back-End, added as one step and undone."""
    catalog = window.document.catalog
    course = Course(id="c-bridge", title="Bridge Course", hours=20)
    front, back = catalog.program("front-end"), catalog.program("back-end")
    window.document.push(
        [
            AddUnit(course),
            Insert(front, "course_ids", 0, course.id),
            Insert(back, "course_ids", 0, course.id),
        ],
        "share a bridge course",
    )


def test_a_cell_clicked_before_the_matrix_follows_an_undo_shows_what_still_exists(window, qtbot):
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    shared_course_then_undone(window)
    qtbot.waitUntil(lambda: view.up_to_date)
    model = view.table.model()
    front_to_back = model.index(ORDER.index(FRONT), ORDER.index(BACK))
    assert front_to_back.data() == "50 h\n15 %"  # C# and the bridge course
    window.undo_action.trigger()  # the bridge course is gone; the matrix is redone soon
    rect = view.table.visualRect(front_to_back)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shared = [view.shared.item(i).text() for i in range(view.shared.count())]
    assert shared == ["Introduction to Programming With C#  (course, 30 h)"]
    qtbot.waitUntil(lambda: view.up_to_date)
    assert front_to_back.data() == "30 h\n10 %"
    assert view.pair.text().startswith("Click a cell")  # it described the old figures
    # The arrow keys show the pair of the cell they move to, as a click does.
    view.table.setFocus()
    view.table.setCurrentIndex(front_to_back)
    qtbot.keyClick(view.table, Qt.Key.Key_Left)  # Front-End -> Full Stack
    assert "104 h" in view.pair.text() and view.shared.count() == 3


def test_a_holding_undone_before_the_pathways_follow_is_left_out(window, qtbot):
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    shared_course_then_undone(window)
    found = panel.holdings.findItems
    qtbot.waitUntil(lambda: bool(found("Bridge Course", Qt.MatchFlag.MatchExactly)))
    [bridge] = found("Bridge Course", Qt.MatchFlag.MatchExactly)
    bridge.setCheckState(Qt.CheckState.Checked)
    window.undo_action.trigger()  # the lists are filled again once edits pause
    panel.target.setCurrentIndex(panel.target.findText(BACK))
    assert panel.summary.text().startswith("Credited 0 h; 309 h remain")
