"""Outcomes, workload settings and the unit form, used as a designer would: keys, clicks, files."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QToolBar
from window_actions import field, opened_window, retype, select

from designer.ui.settings_dialog import SettingsDialog

FULL = "Microsoft Full Stack Developer Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
QUIZ = "Module 1 graded quiz"


@pytest.fixture
def odd_window(qtbot, sample_copy):
    """The sample with settings a spin box cannot show at one decimal, and an EQF range
    the level list lacks: both valid in a file."""
    data = json.loads(sample_copy.read_text(encoding="utf-8"))
    data["settings"] = {"hours_per_credit": 27.25, "rounding": "down", "weekly_hours": 7.75}
    data["programs"][0]["eqf_level"] = "5-7"
    sample_copy.write_text(json.dumps(data), encoding="utf-8")
    yield from opened_window(qtbot, sample_copy)


def open_tab(window, qtbot, index):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def click_row(qtbot, entries, row):
    """Put the cursor on a row of a list by clicking its text (not its box)."""
    rect = entries.visualItemRect(entries.item(row))
    qtbot.mouseClick(entries.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert entries.currentRow() == row


def ticked(entries):
    return [
        entries.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(entries.count())
        if entries.item(row).checkState() == Qt.CheckState.Checked
    ]


def press_ok(qtbot, dialog):
    box = dialog.findChild(QDialogButtonBox)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


# ---- outcomes ---------------------------------------------------------------------------


def test_ticking_supports_one_after_another_with_the_keyboard(window, qtbot):
    outcome = window.document.catalog.get("csharp-o1")
    select(window, qtbot, FULL, CSHARP)
    open_tab(window, qtbot, 1)
    supports = window.outcomes.supports
    assert window.outcomes.current() is outcome
    click_row(qtbot, supports, 1)  # MS-FSD #2
    qtbot.keyClick(supports, Qt.Key.Key_Space)
    assert supports.currentRow() == 1  # the cursor stays where the designer is
    qtbot.keyClick(supports, Qt.Key.Key_Down)
    qtbot.keyClick(supports, Qt.Key.Key_Space)  # MS-FSD #3, not MS-FSD #1 again
    assert outcome.supports == [
        "full-stack-o1",
        "back-end-o1",
        "front-end-o1",
        "full-stack-o2",
        "full-stack-o3",
    ]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert outcome.supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]


def test_unticking_what_an_item_checks_one_after_another_with_the_keyboard(window, qtbot):
    quiz = window.document.catalog.get("csharp-w1-i8")
    assert quiz.title == QUIZ and quiz.outcome_ids == ["csharp-w1-o1", "csharp-w1-o2"]
    select(window, qtbot, FULL, CSHARP, WEEK1, QUIZ)
    open_tab(window, qtbot, 1)
    entries = window.outcomes.item_page.outcomes
    click_row(qtbot, entries, 0)
    qtbot.keyClick(entries, Qt.Key.Key_Space)
    qtbot.keyClick(entries, Qt.Key.Key_Down)
    qtbot.keyClick(entries, Qt.Key.Key_Space)
    assert quiz.outcome_ids == []
    assert entries.currentRow() == 1
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert quiz.outcome_ids == ["csharp-w1-o1", "csharp-w1-o2"]


def test_a_support_left_behind_by_a_removed_course_can_be_unticked(window, qtbot):
    outcome = window.document.catalog.get("csharp-o1")
    select(window, qtbot, FRONT, CSHARP)
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)  # one use of a shared course: no question
    assert "front-end-o1" in outcome.supports  # it still names the Front-End outcome
    select(window, qtbot, FULL, CSHARP)
    open_tab(window, qtbot, 1)
    supports = window.outcomes.supports
    assert ticked(supports) == ["full-stack-o1", "back-end-o1", "front-end-o1"]
    row = next(r for r in range(supports.count()) if "MS-FED #1" in supports.item(r).text())
    click_row(qtbot, supports, row)
    qtbot.keyClick(supports, Qt.Key.Key_Space)
    assert outcome.supports == ["full-stack-o1", "back-end-o1"]
    assert window.document.undo_stack.undoText() == "Change alignment"
    window.undo_action.trigger()
    assert outcome.supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]


def test_tab_leaves_the_outcomes_table_for_the_buttons(window, qtbot):
    select(window, qtbot, FULL)
    open_tab(window, qtbot, 1)
    table = window.outcomes.table
    rect = table.visualRect(table.model().index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    table.setFocus()  # as the click gives it in a window that has the keyboard
    assert window.outcomes.current() is window.document.catalog.programs[0].outcomes[1]
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert window.outcomes.add_button.hasFocus()


# ---- workload settings and totals -------------------------------------------------------


def test_ok_in_the_workload_settings_changes_only_what_the_designer_changed(odd_window, qtbot):
    catalog = odd_window.document.catalog
    select(odd_window, qtbot, FULL)
    before = odd_window.totals_bar.ects.text()
    assert before == "422 h = 15 ECTS (15.49 rounded down)"
    dialog = SettingsDialog(odd_window.document, odd_window)
    qtbot.addWidget(dialog)
    dialog.show()
    press_ok(qtbot, dialog)  # nothing changed
    assert (catalog.settings.hours_per_credit, catalog.settings.weekly_hours) == (27.25, 7.75)
    assert not odd_window.document.modified
    assert odd_window.totals_bar.ects.text() == before

    dialog = SettingsDialog(odd_window.document, odd_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.hours_per_credit.line.text() == "27.25"  # as it is, not 27.3
    dialog.rounding.setFocus()
    qtbot.keyClick(dialog.rounding, Qt.Key.Key_Down)  # to the nearest whole credit
    press_ok(qtbot, dialog)
    settings = catalog.settings
    assert (settings.hours_per_credit, settings.rounding, settings.weekly_hours) == (
        27.25,
        "nearest",
        7.75,
    )


def test_the_impact_of_an_hours_change_follows_the_workload_settings(window, qtbot):
    select(window, qtbot, FULL, CSHARP)
    impact = window.editor.impact_note
    assert "MS-FSD: 422 h → 427 h, 16 → 17 ECTS" in impact.text()
    dialog = SettingsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    retype(qtbot, dialog.hours_per_credit.line, "30")
    press_ok(qtbot, dialog)
    assert window.totals_bar.ects.text() == "422 h = 14 ECTS (14.07 rounded down)"
    assert "MS-FSD: 422 h → 427 h, 14 → 14 ECTS" in impact.text()
    window.undo_action.trigger()
    assert window.totals_bar.ects.text() == "422 h = 16 ECTS (16.88 rounded down)"
    assert "MS-FSD: 422 h → 427 h, 16 → 17 ECTS" in impact.text()


def test_a_workload_figure_out_of_range_is_explained_and_kept_until_mended(window, qtbot):
    """The spin boxes dropped the key that took a figure out of range ("32" showed 3) or,
    on leaving the box, put the old figure back without a word; OK then kept the old one."""
    settings = window.document.catalog.settings
    before = settings.model_copy()
    dialog = SettingsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    field = dialog.hours_per_credit
    retype(qtbot, field.line, "20")
    qtbot.keyClick(field.line, Qt.Key.Key_Tab)  # on to the next box
    assert field.line.text() == "20"
    assert field.error.isVisible()
    assert field.error.text() == "The hours per credit must be at least 25 h."
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.focusWidget() is field.line
    assert settings == before and not window.document.modified

    retype(qtbot, dialog.weekly_hours.line, "61")
    assert dialog.weekly_hours.error.text() == "The weekly study hours can be at most 60 h."
    retype(qtbot, field.line, "27,5")  # a decimal comma, as in the unit form
    assert not field.error.isVisible()
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.weekly_hours.line
    retype(qtbot, dialog.weekly_hours.line, "8")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert (settings.hours_per_credit, settings.weekly_hours) == (27.5, 8)
    window.undo_action.trigger()
    assert settings == before


# ---- the unit form ----------------------------------------------------------------------


def test_an_eqf_range_the_list_lacks_is_shown_as_it_is(odd_window, qtbot):
    program = odd_window.document.catalog.programs[0]
    select(odd_window, qtbot, FULL)
    combo = odd_window.editor.fields["eqf_level"].combo
    assert combo.currentText() == "EQF level 5-7"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # back to "Not set", by the keyboard
    assert program.eqf_level is None
    odd_window.undo_action.trigger()
    assert program.eqf_level == "5-7"
    assert combo.currentText() == "EQF level 5-7"


# ---- long texts -------------------------------------------------------------------------

LONG = 40_000  # characters: more than Qt's one-line box keeps unless told


def test_a_title_and_an_outcome_longer_than_a_line_box_keeps_are_edited_whole(qtbot, sample_copy):
    data = json.loads(sample_copy.read_text(encoding="utf-8"))
    [course] = [c for c in data["courses"] if c["title"] == CSHARP]
    course["title"] = "C" * LONG
    course["outcomes"][0]["text"] = "Design " + "o" * LONG
    sample_copy.write_text(json.dumps(data), encoding="utf-8")
    for window in opened_window(qtbot, sample_copy):
        select(window, qtbot, FULL, "C" * LONG)
        title = field(window, "title")
        title.setFocus()
        title.end(False)
        qtbot.keyClick(title, Qt.Key.Key_Backspace)  # one character less, the rest kept
        catalog = window.document.catalog
        assert catalog.courses[course["id"]].title == "C" * (LONG - 1)

        open_tab(window, qtbot, window.tabs.indexOf(window.outcomes))
        text = window.outcomes.text
        window.outcomes.table.selectRow(0)
        assert text.text() == "Design " + "o" * LONG
        text.setFocus()
        text.end(False)
        qtbot.keyClicks(text, "s")
        qtbot.keyClick(text, Qt.Key.Key_Return)
        assert catalog.get(course["outcomes"][0]["id"]).text == "Design " + "o" * LONG + "s"


# ---- figures typed with their unit ------------------------------------------------------


def test_figures_may_be_typed_with_their_unit_or_as_a_duration(window, qtbot):
    catalog = window.document.catalog
    select(window, qtbot, FULL, CSHARP, WEEK1, QUIZ)
    minutes = field(window, "minutes")
    for typed, read in (("45 min", 45), ("1 h 30", 90), ("1:15", 75), ("0,5 h", 30)):
        retype(qtbot, minutes, typed)
        assert window.editor.unit.minutes == read, typed
    assert not window.editor.fields["minutes"].error.isVisible()

    select(window, qtbot, FULL, CSHARP)
    hours = field(window, "hours")
    for typed, read in (("32 h", 32), ("90 min", 1.5), ("12,5", 12.5)):
        retype(qtbot, hours, typed)
        assert catalog.courses["introduction-to-programming-with-csharp"].hours == read, typed

    select(window, qtbot, FULL)
    score = field(window, "min_passing_score")
    retype(qtbot, score, "80 %")
    assert catalog.program("full-stack").min_passing_score == 80
    retype(qtbot, score, "80 min")  # not a unit a score has
    assert "is not a number" in window.editor.fields["min_passing_score"].error.text()
    assert catalog.program("full-stack").min_passing_score == 80


def test_the_outcomes_table_shows_a_course_s_outcomes_one_line_each(window, qtbot):
    window.resize(1400, 900)
    select(window, qtbot, FULL, CSHARP)
    open_tab(window, qtbot, window.tabs.indexOf(window.outcomes))
    table = window.outcomes.table
    qtbot.waitUntil(lambda: table.viewport().height() > 0)
    model = table.model()
    shown = table.viewport().rect()
    rows = [table.visualRect(model.index(row, 0)) for row in range(model.rowCount())]
    assert len(rows) == 3 and all(shown.contains(rect) for rect in rows)  # no scrolling
    line = table.fontMetrics().height()
    assert all(rect.height() < 2 * line for rect in rows)
    # The whole text is in the row's tooltip, and in the box below for the selected one.
    outcome = window.document.catalog.courses["introduction-to-programming-with-csharp"].outcomes[0]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == outcome.text
    assert window.outcomes.text.text() == outcome.text


def test_an_empty_catalog_says_how_to_start_and_then_shows_the_program(empty_window, qtbot):
    bar = empty_window.totals_bar
    assert bar.program_title.text() == "No program yet"
    assert "Insert > Add Program" in bar.pace.text()
    [toolbar] = empty_window.findChildren(QToolBar)
    button = toolbar.widgetForAction(empty_window.add_program_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(empty_window.document.catalog.programs) == 1
    assert bar.program_title.text() != "No program yet"
    assert bar.ects.text().startswith("0 h")
