"""The Duplicates page after an edit, the merge dialog's warnings, and pairs marked not
duplicates taken back (review of duplicates and merging, defects 1, 2, 3 and 5)."""

import pytest
from edited_copies import CSHARP, course_copy_in_front_end, week_copy_in_the_same_course
from PySide6.QtCore import Qt
from test_sharing_views import click_row, group_rows
from window_actions import field, open_page, opened_window, retype, select

from designer.storage import dumps, load, save

FULL = "Microsoft Full Stack Developer Professional Certificate"
FOUNDATIONS = ("foundations-of-coding-full-stack", "foundations-of-coding-back-end")


@pytest.fixture
def same_course_window(qtbot, sample_path, tmp_path):
    """The sample with a copy of C# Week 2, "Week 4", in the same course."""
    catalog = load(sample_path)
    week_copy_in_the_same_course(catalog)
    path = tmp_path / "same course.curriculum.json"
    save(catalog, path)
    yield from opened_window(qtbot, path)


@pytest.fixture
def course_copy_window(qtbot, sample_path, tmp_path):
    """The sample with Front-End on a copy of the C# course whose Week 3 has an outcome of
    other words and whose Week 1 has an item of other minutes."""
    catalog = load(sample_path)
    copy = course_copy_in_front_end(catalog)
    catalog.set_field(copy, "title", "Introduction to Programming in C#")
    path = tmp_path / "course copy.curriculum.json"
    save(catalog, path)
    yield from opened_window(qtbot, path)


def shown_duplicates(window, qtbot):
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date)
    return view


def group_with(view, units):
    return next(g for g in group_rows(view) if set(view.model.group_of(g).units) == set(units))


# ---- 1. a stale list: Merge and Ignore wait ------------------------------------------------


def test_after_a_merge_no_row_names_the_merged_unit_and_ignore_writes_no_unknown_id(
    window, qtbot, dialogs
):
    view = shown_duplicates(window, qtbot)
    catalog = window.document.catalog
    assert any("foundations-of-coding-back-end" in g.units for g in view.groups[1:])
    click_row(qtbot, view, group_with(view, FOUNDATIONS))
    dialogs.answer("Merge")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert "foundations-of-coding-back-end" not in catalog
    # At once, before the search has run again: no row names the course that left.
    assert view.groups and all("foundations-of-coding-back-end" not in g.units for g in view.groups)
    click_row(qtbot, view, group_rows(view)[0])
    # The list is stale until the search has run: the actions say so and wait.
    assert not view.up_to_date
    assert not view.ignore_button.isEnabled() and not view.merge_button.isEnabled()
    assert view.merge_button.toolTip() == "The list is being brought up to date after an edit."
    qtbot.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton)
    assert catalog.ignored_duplicates == []
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.ignore_button.isEnabled() and view.merge_button.isEnabled()
    qtbot.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton)
    assert catalog.ignored_duplicates
    assert all(a in catalog and b in catalog for a, b in catalog.ignored_duplicates)


def test_an_edit_elsewhere_holds_the_actions_until_the_list_is_current(window, qtbot):
    view = shown_duplicates(window, qtbot)
    click_row(qtbot, view, group_with(view, FOUNDATIONS))
    assert view.merge_button.isEnabled()
    window.pages.setCurrentIndex(0)
    select(window, qtbot, FULL, "Foundations of Coding Full-Stack")
    retype(qtbot, field(window, "title"), "Coding Foundations")
    open_page(window, qtbot, "Duplicates")
    assert not view.up_to_date
    assert not view.merge_button.isEnabled() and not view.ignore_button.isEnabled()
    qtbot.waitUntil(lambda: view.up_to_date)
    click_row(qtbot, view, group_rows(view)[0])
    assert view.merge_button.isEnabled() and view.ignore_button.isEnabled()


def test_a_merge_asked_for_while_searching_again_says_so_and_does_nothing(window, qtbot):
    view = shown_duplicates(window, qtbot)
    click_row(qtbot, view, group_with(view, FOUNDATIONS))
    before = dumps(window.document.catalog)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    assert not view.merge_button.isEnabled()
    # What a click queued before the search started does: no dialog, a word in the status bar.
    view.merge_selected()
    assert window.statusBar().currentMessage() == (
        "This pair may have changed since the search; looking again."
    )
    assert dumps(window.document.catalog) == before
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.merge_button.isEnabled()


# ---- 2 and 3. the merge dialog says what goes ----------------------------------------------


def test_merging_two_weeks_of_one_course_warns_of_the_lost_week_and_the_totals(
    same_course_window, qtbot, dialogs
):
    window = same_course_window
    view = shown_duplicates(window, qtbot)
    [group] = [g for g in group_rows(view) if view.model.group_of(g).level == "module"]
    click_row(qtbot, view, group)
    assert view.model.group_of(group).units[0] == "csharp-w2"  # the survivor offered first
    dialogs.answer("Cancel")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    [said] = dialogs.seen
    assert "Warning: this merge takes hours off the workload (totals below):" in said
    assert (
        "“Introduction to Programming With C#” already holds the module "
        "“Week 2: Control flow and methods”: it keeps it once and loses the module "
        "“Week 4: Control flow and method”, 40 h → 30 h"
    ) in said
    assert "Workload before and after the merge:" in said
    for line in (
        "MS-FSD: 432 h → 422 h, 17 → 16 ECTS",
        "MS-BED: 319 h → 309 h, 12 → 12 ECTS",
        "MS-FED: 222 h → 212 h, 8 → 8 ECTS",
    ):
        assert line in said
    assert window.document.totals.hours(window.document.catalog.courses[CSHARP]) == 40


def test_merging_a_course_copy_lists_what_its_weeks_lose(course_copy_window, qtbot, dialogs):
    window = course_copy_window
    view = shown_duplicates(window, qtbot)
    catalog = window.document.catalog
    [copy_id] = [
        c.id for c in catalog.courses.values() if c.title == "Introduction to Programming in C#"
    ]
    click_row(qtbot, view, group_with(view, (CSHARP, copy_id)))
    dialogs.answer("Cancel")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    [said] = dialogs.seen
    assert "Deleted with the merged course's modules, or different in them:" in said
    assert "outcome “Design a class hierarchy for a zoo.” is deleted" in said
    assert "item “Variables and data types” has 50 min" in said


# ---- 5. pairs marked not duplicates, taken back after reopening ----------------------------


def test_a_pair_marked_not_duplicates_is_listed_after_reopening_and_taken_back(
    window, qtbot, tmp_path
):
    view = shown_duplicates(window, qtbot)
    listed = len(view.groups)
    click_row(qtbot, view, group_with(view, FOUNDATIONS))
    qtbot.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "ignored.curriculum.json"
    window.document.save(path)
    assert window.files.open_file(path)
    view = shown_duplicates(window, qtbot)
    assert len(view.groups) == listed - 1
    toggle = view.show_ignored_button
    assert toggle.text() == "Marked not duplicates (1)"
    assert not view.ignored_panel.isVisible()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert view.ignored_panel.isVisible()
    pairs = [view.ignored_list.item(i).text() for i in range(view.ignored_list.count())]
    assert pairs == ["Foundations of Coding Back-End | Foundations of Coding Full-Stack"]
    window.grab().save(str(tmp_path / "ignored pairs.png"))
    before = dumps(window.document.catalog)
    item = view.ignored_list.item(0)
    qtbot.mouseClick(
        view.ignored_list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.ignored_list.visualItemRect(item).center(),
    )
    qtbot.mouseClick(view.take_back_button, Qt.MouseButton.LeftButton)
    assert window.document.catalog.ignored_duplicates == []
    assert window.document.undo_stack.undoText() == "Take back not duplicates"
    assert view.ignored_list.count() == 0 and not view.take_back_button.isEnabled()
    assert toggle.text() == "Marked not duplicates (0)"
    qtbot.waitUntil(lambda: view.up_to_date)
    assert len(view.groups) == listed  # the pair is considered again
    window.undo_action.trigger()
    assert dumps(window.document.catalog) == before
    assert view.ignored_list.count() == 1


def test_a_pair_naming_a_unit_not_in_the_catalog_can_be_taken_back(qtbot, sample_path, tmp_path):
    catalog = load(sample_path)
    catalog.ignored_duplicates.append(("foundations-of-coding-back-end", "gone-course"))
    path = tmp_path / "unknown.curriculum.json"
    save(catalog, path)
    for window in opened_window(qtbot, path):
        view = shown_duplicates(window, qtbot)
        qtbot.mouseClick(view.show_ignored_button, Qt.MouseButton.LeftButton)
        assert view.ignored_list.item(0).text() == (
            "Foundations of Coding Back-End | gone-course (not in the catalog)"
        )
        qtbot.mouseClick(view.take_back_button, Qt.MouseButton.LeftButton)
        assert window.document.catalog.ignored_duplicates == []
