"""A designer builds and edits curricula in the window; totals follow every keystroke."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_actions import field, retype, select, tree_index

from designer.model import Bloom

WELCOME_VIDEO = (
    "Microsoft Full Stack Developer Professional Certificate",
    "Introduction to Programming With C#",
    "Week 1: C# fundamentals: syntax, types and variables",
    "Welcome to C# and .NET",
)


def totals_text(window):
    bar = window.totals_bar
    return bar.program_title.text(), bar.ects.text(), bar.pace.text(), bar.selected.text()


def row_texts(window, *titles):
    index = tree_index(window, *titles)
    return [index.siblingAtColumn(c).data() for c in range(5)]


def shortcut(qtbot, window, key):
    qtbot.keyClick(
        window.tree, key, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )


def test_build_a_program_from_an_empty_window_with_the_keyboard(empty_window, qtbot):
    window = empty_window
    window.activateWindow()
    window.tree.setFocus()
    shortcut(qtbot, window, Qt.Key.Key_P)
    qtbot.keyClicks(field(window, "title"), "Data Analyst Certificate")
    window.tree.setFocus()
    shortcut(qtbot, window, Qt.Key.Key_C)
    qtbot.keyClicks(field(window, "title"), "Statistics")
    window.tree.setFocus()
    shortcut(qtbot, window, Qt.Key.Key_M)
    qtbot.keyClicks(field(window, "title"), "Week 1: Describing data")
    for title, minutes in (("Averages and spread", "90"), ("Practice quiz", "30")):
        window.tree.setFocus()
        shortcut(qtbot, window, Qt.Key.Key_I)
        qtbot.keyClicks(field(window, "title"), title)
        retype(qtbot, field(window, "minutes"), minutes)
    assert totals_text(window)[1:3] == (
        "2 h = 0 ECTS (0.08 rounded down)",
        "1 week at 10 h a week · 1 course",
    )
    select(window, qtbot, "Data Analyst Certificate", "Statistics")
    shortcut(qtbot, window, Qt.Key.Key_C)
    qtbot.keyClicks(field(window, "title"), "SQL for analysts")
    retype(qtbot, field(window, "hours"), "48")

    assert totals_text(window) == (
        "Data Analyst Certificate",
        "50 h = 2 ECTS",
        "5 weeks at 10 h a week · 2 courses",
        "Selected: 48 h",
    )
    assert row_texts(window, "Data Analyst Certificate") == [
        "Data Analyst Certificate",
        "Program",
        "50 h",
        "",
        "",
    ]
    assert row_texts(window, "Data Analyst Certificate", "Statistics") == [
        "Statistics",
        "Course",
        "2 h",
        "4.0 %",
        "",
    ]
    assert row_texts(window, "Data Analyst Certificate", "SQL for analysts")[2:4] == [
        "48 h",
        "96.0 %",
    ]
    week = ("Data Analyst Certificate", "Statistics", "Week 1: Describing data")
    assert row_texts(window, *week)[2] == "2 h"
    assert row_texts(window, *week, "Averages and spread")[1:3] == ["Video", "90 min"]
    assert row_texts(window, *week, "Practice quiz")[2] == "30 min"
    assert window.isWindowModified()


def test_typing_item_minutes_updates_module_course_and_program_totals(window, qtbot):
    select(window, qtbot, *WELCOME_VIDEO)
    minutes = field(window, "minutes")
    assert minutes.text() == "15"
    retype(qtbot, minutes, "195")  # three hours more
    assert totals_text(window)[1:] == (
        "425 h = 17 ECTS",
        "43 weeks at 10 h a week · 12 courses",
        "Selected: 195 min",
    )
    path = (
        "Microsoft Full Stack Developer Professional Certificate",
        "Introduction to Programming With C#",
    )
    assert row_texts(window, *path)[2] == "33 h"
    assert (
        row_texts(window, *path, "Week 1: C# fundamentals: syntax, types and variables")[2]
        == "13 h"
    )
    # One undo step for the whole number typed.
    window.document.end_typing()
    window.undo_action.trigger()
    assert minutes.text() == "15"
    assert totals_text(window)[1] == "422 h = 16 ECTS (16.88 rounded down)"


def test_editing_a_shared_course_changes_every_program(window, qtbot):
    programs = [
        "Microsoft Full Stack Developer Professional Certificate",
        "Microsoft Back-End Developer Professional Certificate",
        "Microsoft Front-End Developer Professional Certificate",
    ]
    select(window, qtbot, programs[2], "Introduction to Web Development")
    assert row_texts(window, programs[2], "Introduction to Web Development")[4] == "2 programs"
    retype(qtbot, field(window, "hours"), "44")
    assert [row_texts(window, p)[2] for p in programs] == ["427 h", "309 h", "217 h"]
    assert totals_text(window)[1] == "217 h = 8 ECTS (8.68 rounded down)"
    select(window, qtbot, programs[0])
    assert totals_text(window)[1] == "427 h = 17 ECTS (17.08 rounded down)"


def test_selecting_a_shared_course_highlights_its_other_places(window, qtbot):
    index = select(
        window,
        qtbot,
        "Microsoft Back-End Developer Professional Certificate",
        "Introduction to Programming With C#",
    )
    model = window.tree.model()
    highlighted = []
    for row in range(model.rowCount()):
        program = model.index(row, 0)
        for child in range(model.rowCount(program)):
            if model.index(child, 0, program).data(Qt.ItemDataRole.BackgroundRole) is not None:
                highlighted.append(program.data())
    assert len(highlighted) == 3 and index.isValid()


def test_invalid_input_is_refused_at_the_field_with_a_reason(window, qtbot):
    select(window, qtbot, *WELCOME_VIDEO)
    item = window.editor.unit
    reached = []
    window.document.catalog.field_changed.connect(lambda node, name, old, new: reached.append(new))
    number = window.editor.fields["minutes"]
    for text, reason in (("-5", "cannot be negative"), ("ten", "is not a number")):
        retype(qtbot, number.editor, text)
        assert number.error.isVisible() and reason in number.error.text()
        assert item.minutes == 15 and reached == []
    number.editor.selectAll()
    qtbot.keyClick(number.editor, Qt.Key.Key_Delete)
    assert "Enter the minutes" in number.error.text() and item.minutes == 15
    # Typing 90000 passes through 9, 90 and 900, which are fine; 9000 and 90000 are refused,
    # which puts back the minutes as they were before the typing.
    retype(qtbot, number.editor, "90000")
    assert "at most 6000" in number.error.text()
    assert reached == [9, 90, 900, 15] and item.minutes == 15
    retype(qtbot, number.editor, "20")
    assert not number.error.isVisible() and item.minutes == 20
    assert all(0 <= value <= 6000 for value in reached)


def test_typing_a_title_is_one_undo_step_and_marks_the_window_modified(window, qtbot):
    select(
        window,
        qtbot,
        "Microsoft Public Relations and Communications Associate Professional Certificate",
        "Introduction to Public Relations",
    )
    assert not window.isWindowModified()
    assert window.windowTitle() == "catalog.curriculum.json[*] — Curriculum Designer"
    field(window, "title").end(False)  # as a click after the title puts it
    qtbot.keyClicks(field(window, "title"), " (revised)")
    assert window.document.catalog.courses["introduction-to-public-relations"].title.endswith(
        "(revised)"
    )
    assert window.isWindowModified()
    assert window.document.undo_stack.count() == 1
    window.undo_action.trigger()
    assert field(window, "title").text() == "Introduction to Public Relations"
    assert not window.isWindowModified()


def test_the_filter_narrows_the_tree_as_the_designer_types(window, qtbot):
    qtbot.keyClicks(window.filter, "devops")
    model = window.tree.model()
    programs = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert programs == [
        "Microsoft Full Stack Developer Professional Certificate",
        "Microsoft Back-End Developer Professional Certificate",
    ]
    assert [model.index(0, 0, model.index(r, 0)).data() for r in range(2)] == [
        "Deployment and DevOps",
        "Deployment and DevOps",
    ]
    assert model.rowCount(model.index(0, 0)) == 1
    window.filter.clear()
    qtbot.keyClicks(window.filter, "tracing their execution")  # an outcome's words
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Microsoft Full Stack Developer Professional Certificate",
        "Microsoft Back-End Developer Professional Certificate",
        "Microsoft Front-End Developer Professional Certificate",
    ]


def test_ctrl_f_on_any_page_puts_the_cursor_in_the_filter(window, qtbot):
    qtbot.keyClicks(window.filter, "old search")
    window.pages.setCurrentWidget(window.pathways)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.pathways, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == 0  # the Design page, where the tree is
    assert window.filter.hasFocus() and window.filter.selectedText() == "old search"
    qtbot.keyClicks(QApplication.focusWidget(), "devops")  # replaces the selected text
    assert window.filter.text() == "devops"
    model = window.tree.model()
    assert model.rowCount() == 2


def test_outcome_verbs_suggest_a_level_and_weak_phrasing_is_flagged(window, qtbot):
    select(
        window,
        qtbot,
        "Microsoft Public Relations and Communications Associate Professional Certificate",
        "Introduction to Public Relations",
    )
    window.add_outcome_action.trigger()
    outcomes = window.outcomes
    assert window.tabs.currentWidget() is outcomes
    qtbot.keyClicks(outcomes.text, "Understand the basics of media relations")
    assert "Not measurable" in outcomes.advice.text()
    row = len(outcomes.owner.outcomes) - 1
    assert "not measurable" in outcomes.table.model().index(row, 3).data()
    assert "The level it means: Understand." in outcomes.advice.text()
    outcomes.text.selectAll()
    qtbot.keyClicks(outcomes.text, "Learn how to write a press release")
    assert "cannot show “learn”" in outcomes.advice.text()
    assert "The level it means: Create." in outcomes.advice.text()  # to write
    qtbot.wait(10)  # laid out
    advice = outcomes.advice  # each of its lines in view, the level's too
    assert advice.height() >= advice.heightForWidth(advice.width())
    outcomes.text.selectAll()
    qtbot.keyClicks(outcomes.text, "Design a media plan for a product launch")
    assert "“design” suggests Create" in outcomes.advice.text()
    assert outcomes.accept_button.isVisible() and outcomes.accept_button.text() == "Use Create"
    qtbot.mouseClick(outcomes.accept_button, Qt.MouseButton.LeftButton)
    outcome = outcomes.owner.outcomes[row]
    assert outcome.bloom == Bloom.CREATE and outcomes.level.currentText() == "Create"
    assert outcomes.table.model().index(row, 1).data() == "Create"
    outcomes.text.selectAll()
    qtbot.keyClicks(outcomes.text, "Compare press releases with news stories")
    assert "ambiguous" in outcomes.advice.text()
    # Alignment: tick a program outcome this course outcome supports.
    supports = outcomes.supports
    first = supports.item(0)
    target = first.data(Qt.ItemDataRole.UserRole)
    assert first.text().startswith("MS-PRC #1: Plan public relations campaigns")
    first.setCheckState(Qt.CheckState.Checked)
    assert outcome.supports == [target]
    assert supports.item(0).checkState() == Qt.CheckState.Checked
    window.undo_action.trigger()
    assert outcome.supports == [] and supports.item(0).checkState() == Qt.CheckState.Unchecked


def test_the_editor_shows_declared_against_computed_hours_and_eqf_descriptors(window, qtbot):
    select(
        window,
        qtbot,
        "Microsoft Full Stack Developer Professional Certificate",
        "Introduction to Programming With C#",
    )
    note = window.editor.hours_note
    assert note.text() == "Its modules add up to 30 h."
    retype(qtbot, field(window, "hours"), "32")
    assert "Declared 32 h does not match: the modules count." in note.text()
    assert totals_text(window)[1] == "422 h = 16 ECTS (16.88 rounded down)"  # children count
    select(window, qtbot, "Microsoft Front-End Developer Professional Certificate")
    descriptors = window.editor.eqf_note.text()
    assert "Level 5" in descriptors and "Level 6" in descriptors
    assert "critical understanding of theories and principles" in descriptors
    level = window.editor.fields["eqf_level"].combo
    level.setCurrentIndex(level.findData("7"))
    level.activated.emit(level.currentIndex())
    assert window.document.catalog.program("front-end").eqf_level == "7"
    assert "Level 7" in window.editor.eqf_note.text()
    assert "Level 5" not in window.editor.eqf_note.text()


def test_the_form_holds_still_while_typing_and_long_texts_show_their_start(window, qtbot):
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() == 1400)
    splitter = window.pages.widget(0)
    select(window, qtbot, *WELCOME_VIDEO[:-1], "Temperature converter")
    sizes = splitter.sizes()
    retype(qtbot, field(window, "minutes"), "241.5")  # a longer total in the totals bar
    assert window.totals_bar.ects.text().startswith("422.02 h")
    qtbot.wait(100)  # the layouts settle
    assert splitter.sizes() == sizes  # the tree keeps its width under the cursor
    program = "Microsoft Public Relations and Communications Associate Professional Certificate"
    select(window, qtbot, program)
    assert field(window, "title").cursorPosition() == 0  # "Microsoft Public…", not "…cate"
    window.tabs.setCurrentWidget(window.outcomes)
    outcomes = window.outcomes
    assert outcomes.text.cursorPosition() == 0
    # A program's outcomes support nothing: no Supports column or list takes room.
    assert outcomes.table.isColumnHidden(2) and not outcomes.supports.isVisible()
    select(window, qtbot, program, "Introduction to Public Relations")
    assert not outcomes.table.isColumnHidden(2) and outcomes.supports.isVisible()


def test_renaming_the_selected_unit_while_filtering_carries_on(window, qtbot):
    full = "Microsoft Full Stack Developer Professional Certificate"
    qtbot.keyClicks(window.filter, "Scalability")
    select(window, qtbot, full, "Performance Optimization and Scalability")
    retype(qtbot, field(window, "title"), "Performance Tuning")
    qtbot.wait(100)  # the filter runs again on the new title: this crashed the window
    course = window.document.catalog.courses["performance-optimization-and-scalability"]
    assert course.title == "Performance Tuning"
    window.filter.clear()
    assert tree_index(window, full, "Performance Tuning").isValid()


def test_the_weeks_beside_the_hours_count_the_hours_shown(empty_window, qtbot):
    """600.24 minutes are 10.004 h, shown "10 h": one week at 10 h a week, not two."""
    window = empty_window
    window.activateWindow()
    for key, title in ((Qt.Key.Key_P, "Data"), (Qt.Key.Key_C, "SQL"), (Qt.Key.Key_M, "Week 1")):
        window.tree.setFocus()
        shortcut(qtbot, window, key)
        qtbot.keyClicks(field(window, "title"), title)
    window.tree.setFocus()
    shortcut(qtbot, window, Qt.Key.Key_I)
    retype(qtbot, field(window, "minutes"), "600.24")
    assert totals_text(window)[1:3] == (
        "10 h = 0 ECTS (0.40 rounded down)",
        "1 week at 10 h a week · 1 course",
    )
