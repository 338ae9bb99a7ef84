"""What the visual review left: one word for an item's type, a workload column not headed
in hours, an empty roadmap that says why, Insert and export actions off where they cannot
act, and a filter that finds nothing saying so."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolBar, QToolButton
from window_actions import field, open_page, retype, select, tree_index

FULL = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
WELCOME = "Welcome to C# and .NET"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def header_texts(window):
    """The tree's column headers, as they read."""
    header = window.tree.header()
    model = header.model()
    return [
        model.headerData(column, Qt.Orientation.Horizontal)
        for column in range(header.count())
        if not header.isSectionHidden(column)
    ]


def label_of(window, name):
    """The text of the Details label whose Alt+letter reaches this field, as it reads."""
    box = field(window, name)
    [label] = [each for each in window.editor.findChildren(QLabel) if each.buddy() is box]
    return label.text().replace("&", "")


def toolbar_button(window, action):
    [toolbar] = window.findChildren(QToolBar)
    return toolbar.widgetForAction(action)


def menu_entry(window, menu_title, text):
    """The entry of a menu of the menu bar, as the menu shows it."""
    [menu] = [
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == menu_title
    ]
    assert isinstance(menu, QMenu)
    [entry] = [a for a in menu.actions() if a.text().replace("&", "").rstrip("…") == text]
    return entry


def press(window, qtbot, key, modifiers=CTRL_SHIFT):
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


# ---- #2: "Type" in the tree, "Kind" in the Details --------------------------------------


def test_an_items_type_has_one_name_in_the_tree_and_the_details(window, qtbot):
    select(window, qtbot, FULL, CSHARP, WEEK1, WELCOME)
    assert "Type" in header_texts(window)
    assert label_of(window, "kind") == "Type"  # was "Kind"
    window.tree.setFocus()
    press(window, qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # T&ype
    assert QApplication.focusWidget() is field(window, "kind")


# ---- #31: item minutes under an "Hours" header ------------------------------------------


def test_the_column_of_item_minutes_and_module_hours_is_not_headed_hours(window, qtbot):
    select(window, qtbot, FULL, CSHARP, WEEK1, WELCOME)
    model = window.tree.model()
    item, week = (
        tree_index(window, FULL, CSHARP, WEEK1, WELCOME),
        tree_index(window, FULL, CSHARP, WEEK1),
    )
    [column] = [
        c
        for c in range(model.columnCount())
        if model.index(item.row(), c, item.parent()).data() == "15 min"
    ]
    assert week.siblingAtColumn(column).data() == "10 h"  # the same column, in hours
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Workload"
    assert "Hours" not in header_texts(window)


# ---- #6: the Roadmap of an empty catalog ------------------------------------------------


def test_the_roadmap_of_an_empty_catalog_says_what_to_add(empty_window, qtbot):
    window = empty_window
    open_page(window, qtbot, "Roadmap")
    note = window.centralWidget().findChild(QLabel, "roadmapEmpty")
    qtbot.waitUntil(note.isVisible)
    assert note.text().startswith("No program yet: add one (Insert > Add Program)")
    assert not window.roadmap.canvas.isVisible()  # no blank grey area around it
    qtbot.mouseClick(toolbar_button(window, window.add_program_action), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not note.isVisible())
    assert window.roadmap.canvas.isVisible()
    window.undo_action.trigger()
    qtbot.waitUntil(note.isVisible)


# ---- #9: Insert and export actions where they cannot act --------------------------------


def test_on_an_empty_catalog_only_add_program_is_on_and_the_others_say_why(empty_window, qtbot):
    window = empty_window
    off = {
        window.add_course_action: "A course goes into a program: add a program first",
        window.add_module_action: "A module goes into a course: add a course first",
        window.add_item_action: "An item goes into a module: add a module first",
        window.add_outcome_action: "Select a program, course or module",
    }
    assert toolbar_button(window, window.add_program_action).isEnabled()
    for action, why in off.items():
        button = toolbar_button(window, action)
        assert not button.isEnabled()
        assert button.toolTip().startswith(why)
        assert not menu_entry(window, "Insert", action.text().replace("&", "")).isEnabled()
    for text in ("Export to Excel", "Export Certificate Supplement"):
        entry = menu_entry(window, "File", text)
        assert not entry.isEnabled()
        assert "Add Program" in entry.toolTip() or "Add a program" in entry.toolTip()
    # The key of an action that is off still says why, where the designer looks.
    press(window, qtbot, Qt.Key.Key_M)
    assert window.statusBar().currentMessage() == (
        "A module goes into a course: add a course first (Insert > Add Course)."
    )
    assert not window.document.catalog.modules


def test_adding_a_program_turns_on_what_can_go_into_it(empty_window, qtbot):
    window = empty_window
    qtbot.mouseClick(toolbar_button(window, window.add_program_action), Qt.MouseButton.LeftButton)
    assert toolbar_button(window, window.add_course_action).isEnabled()
    assert toolbar_button(window, window.add_outcome_action).isEnabled()
    module = toolbar_button(window, window.add_module_action)
    assert not module.isEnabled()
    assert (
        module.toolTip() == "A module goes into a course: add a course first (Insert > Add Course)."
    )
    assert menu_entry(window, "File", "Export to Excel").isEnabled()
    assert menu_entry(window, "File", "Export Certificate Supplement").isEnabled()
    qtbot.mouseClick(toolbar_button(window, window.add_course_action), Qt.MouseButton.LeftButton)
    assert module.isEnabled() and module.toolTip() == "Add Module"
    qtbot.mouseClick(module, Qt.MouseButton.LeftButton)
    assert len(window.document.catalog.modules) == 1


def test_add_outcome_in_the_toolbar_and_in_the_outcomes_tab_agree(window, qtbot):
    outcome = toolbar_button(window, window.add_outcome_action)
    tab_button = window.outcomes.add_button
    select(window, qtbot, FULL, CSHARP, WEEK1)
    assert outcome.isEnabled() and tab_button.isEnabled()
    index = select(window, qtbot, FULL, CSHARP, WEEK1, WELCOME)  # an item: its module's outcomes
    assert not outcome.isEnabled() and not tab_button.isEnabled()
    assert "select the module" in outcome.toolTip()
    # Ctrl+click takes the row out of the selection: nothing is selected.
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(
        window.tree.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rect.center(),
    )
    assert window.selected_node() is None
    assert not outcome.isEnabled() and not tab_button.isEnabled()
    assert toolbar_button(window, window.add_program_action).isEnabled()
    for action in (window.add_course_action, window.add_module_action, window.add_item_action):
        assert not toolbar_button(window, action).isEnabled()
    course = toolbar_button(window, window.add_course_action)
    assert course.toolTip() == (
        "A course goes into a program: select a program or one of its courses first."
    )
    # Any row inside a program takes a new course: an item's course gets one after it.
    select(window, qtbot, FULL, CSHARP, WEEK1, WELCOME)
    assert course.isEnabled()
    courses = len(window.document.catalog.program("full-stack").course_ids)
    qtbot.mouseClick(course, Qt.MouseButton.LeftButton)
    assert len(window.document.catalog.program("full-stack").course_ids) == courses + 1


# ---- #29: a filter that finds nothing ----------------------------------------------------


def no_match_line(window):
    # In the window's page: those of the catalog it had before are deleted later.
    return window.centralWidget().findChild(QLabel, "filterNoMatch")


def test_a_filter_that_finds_nothing_says_so_until_it_finds_something(window, qtbot):
    line = no_match_line(window)
    assert not line.isVisible()
    retype(qtbot, window.filter, "zzzznotfound")
    assert window.tree.model().rowCount() == 0
    assert line.isVisible()
    assert line.text().startswith("No unit matches “zzzznotfound”")
    retype(qtbot, window.filter, "capstone")
    assert window.tree.model().rowCount() > 0
    assert not line.isVisible()
    retype(qtbot, window.filter, "zzzznotfound")
    assert line.isVisible()
    [clear] = [b for b in window.filter.findChildren(QToolButton) if b.isVisible()]
    qtbot.mouseClick(
        clear, Qt.MouseButton.LeftButton, pos=QPoint(clear.width() // 2, clear.height() // 2)
    )
    assert window.filter.text() == ""
    assert not line.isVisible()


def test_renaming_the_only_unit_found_says_the_filter_finds_nothing(window, qtbot):
    line = no_match_line(window)
    retype(qtbot, window.filter, "Temperature converter")
    qtbot.waitUntil(lambda: tree_index(window, FULL, CSHARP, WEEK1).isValid())
    select(window, qtbot, FULL, CSHARP, WEEK1, "Temperature converter")
    assert not line.isVisible()
    retype(qtbot, field(window, "title"), "Unit converter")
    qtbot.keyClick(field(window, "title"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tree.model().rowCount() == 0)
    qtbot.waitUntil(line.isVisible)
    assert "“Temperature converter”" in line.text()
