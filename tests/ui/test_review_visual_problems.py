"""The Problems panel and the Duplicates page as the designer sees them (visual review,
findings 3, 4, 16 to 22): one name per severity, Silence… only with a problem selected,
columns that follow the window, rules by their titles, no all-clear before the checks have
run, counts that name what they count, a merge preview without ids, and a page that keeps
its layout."""

import pytest
from edited_copies import CSHARP, course_copy_in_front_end
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_review_duplicates import group_with, shown_duplicates
from test_sharing_views import click_row, group_rows
from window_actions import discard_and_close, open_page, opened_window

from designer.appsettings import AppSettings
from designer.checks import rule_titles
from designer.storage import load, save
from designer.ui.document import Document
from designer.ui.main_window import MainWindow
from designer.ui.problems import FINDING_ROLE, RULE_COLUMN

FOUNDATIONS = (
    "foundations-of-coding-full-stack",
    "foundations-of-coding-back-end",
    "foundations-of-coding-front-end",
)
ALL_CLEAR = "0 errors · 0 warnings · 0 notes"


def checked(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: panel.up_to_date and panel.model.rowCount() > 0)
    return panel


def shown(panel, row, column):
    return panel.model.index(row, column).data()


# ---- 3. one name for the lowest severity ----------------------------------------------------


def test_the_lowest_severity_is_a_note_in_the_column_the_filter_and_the_status_bar(window, qtbot):
    panel = checked(window, qtbot)
    filters = [panel.severity.itemText(i) for i in range(panel.severity.count())]
    assert filters == ["All severities", "Errors", "Warnings", "Notes"]
    panel.severity.setCurrentIndex(panel.severity.findText("Notes"))
    notes = panel.model.rowCount()
    assert notes > 0
    assert {shown(panel, row, 0) for row in range(notes)} == {"note"}
    assert f"{notes} notes" in window.problem_counts.text()
    assert "info" not in window.problem_counts.text()


# ---- 4. Silence… needs a problem ---------------------------------------------------------


def test_silence_is_off_until_a_problem_is_selected(window, qtbot):
    panel = checked(window, qtbot)
    assert not panel.silence_button.isEnabled()
    rect = panel.list.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.silence_button.isEnabled()
    panel.list.clearSelection()
    assert not panel.silence_button.isEnabled()


def test_silence_is_off_on_an_empty_list(empty_window, qtbot):
    panel = empty_window.problems
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert panel.model.rowCount() == 0
    assert not panel.silence_button.isEnabled()


# ---- 16. the columns follow the window --------------------------------------------------


def test_the_problem_and_its_fix_take_the_width_and_the_rule_stays_narrow(window, qtbot):
    panel = checked(window, qtbot)
    header = panel.list.horizontalHeader()
    widths = {}
    for width in (1024, 1600):
        window.resize(width, 700)
        qtbot.waitUntil(lambda w=width: window.width() == w)
        QApplication.processEvents()
        widths[width] = [header.sectionSize(c) for c in range(5)]
        assert not panel.list.horizontalScrollBar().isVisible()
        assert sum(widths[width]) <= panel.list.viewport().width()
        assert (
            header.sectionViewportPosition(RULE_COLUMN) + header.sectionSize(RULE_COLUMN)
            <= panel.list.viewport().width()
        )
    narrow, wide = widths[1024], widths[1600]
    assert wide[2] > narrow[2] and wide[3] > narrow[3]  # the message and hint stretch
    assert wide[RULE_COLUMN] == narrow[RULE_COLUMN] <= 200


# ---- 18. rules by their titles ------------------------------------------------------------


def test_the_rule_column_and_filter_show_the_rule_titles_with_the_id_in_a_tooltip(window, qtbot):
    panel = checked(window, qtbot)
    titles = rule_titles(panel.profile.currentData())
    finding = panel.model.index(0, 0).data(FINDING_ROLE)
    index = panel.model.index(0, RULE_COLUMN)
    assert index.data() == titles[finding.rule]
    assert finding.rule in index.data(Qt.ItemDataRole.ToolTipRole)
    assert not any("." in panel.rule.itemText(i) for i in range(panel.rule.count()))
    panel.rule.setCurrentIndex(panel.rule.findText(titles[finding.rule]))
    rows = range(panel.model.rowCount())
    assert {panel.model.index(r, 0).data(FINDING_ROLE).rule for r in rows} == {finding.rule}
    assert {shown(panel, r, RULE_COLUMN) for r in rows} == {titles[finding.rule]}


# ---- 21 and 22. no all-clear while checking; the counts name what they count ----------------


def test_the_status_bar_says_checking_until_the_first_results_arrive(qtbot, sample_path, gate):
    window = MainWindow(AppSettings(), Document(load(sample_path)))
    window.show()
    try:
        qtbot.waitExposed(window)
        panel = window.problems
        assert window.problem_counts.text() == "Checking…"
        qtbot.waitUntil(lambda: panel.status.shown)
        catalog = window.document.catalog
        counted = len(catalog.programs) + len(catalog.courses) + len(catalog.modules)
        said = f"Checking {counted:,} programs, courses and modules…"
        assert panel.status.label.text() == said
        assert window.problem_counts.text() == "Checking…"
        gate.opened.set()
        qtbot.waitUntil(lambda: panel.up_to_date)
        assert window.problem_counts.text() == panel.summary()
        assert window.problem_counts.text() != ALL_CLEAR
    finally:
        discard_and_close(window)


def test_while_the_checks_run_again_the_last_counts_are_marked(window, qtbot, gate):
    gate.opened.set()
    panel = checked(window, qtbot)
    before = window.problem_counts.text()
    gate.opened.clear()  # the next run is held
    panel.refresh()
    qtbot.waitUntil(lambda: panel.status.shown)
    assert window.problem_counts.text() == f"{before} (checking again…)"
    gate.opened.set()
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert window.problem_counts.text() == before


def test_a_new_catalog_does_not_show_the_previous_catalogs_counts(window, qtbot, gate):
    gate.opened.set()
    checked(window, qtbot)
    before = window.problem_counts.text()
    gate.opened.clear()  # the new catalog's checks are held
    window.set_document(Document())  # File > New
    assert window.problem_counts.text() != before
    qtbot.waitUntil(lambda: window.problem_counts.text() == "Checking…")  # the panel shows
    gate.opened.set()
    qtbot.waitUntil(lambda: window.problems.up_to_date)
    assert window.problem_counts.text() == ALL_CLEAR  # checked, and nothing found


def test_the_duplicate_search_names_what_it_counts(window, qtbot, gate):
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.status.shown)
    catalog = window.document.catalog
    items = sum(len(m.items) for m in catalog.modules.values())
    counted = len(catalog.courses) + len(catalog.modules) + items
    said = f"Looking for duplicates among {counted:,} courses, modules and items…"
    assert view.status.label.text() == said
    assert view.status.isVisible()


# ---- 17. the merge preview names units by title --------------------------------------------


def test_the_merge_dialog_names_the_units_by_title_not_by_id(window, qtbot, dialogs):
    view = shown_duplicates(window, qtbot)
    click_row(qtbot, view, group_with(view, FOUNDATIONS[1:]))
    dialogs.answer("Cancel")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    [said] = dialogs.seen
    assert "“Foundations of Coding Front-End”: the title differs" in said
    assert "(foundations-of-coding" not in said


@pytest.fixture
def same_title_window(qtbot, sample_path, tmp_path):
    """Front-End on a copy of the C# course: the same title, another code."""
    catalog = load(sample_path)
    copy = course_copy_in_front_end(catalog)
    catalog.set_field(copy, "code", "MS-FED-CS")
    path = tmp_path / "same title.curriculum.json"
    save(catalog, path)
    yield from opened_window(qtbot, path)


def test_the_merge_dialog_tells_two_units_of_one_title_apart_by_code(
    same_title_window, qtbot, dialogs
):
    window = same_title_window
    view = shown_duplicates(window, qtbot)
    [copy] = [c for c in window.document.catalog.courses.values() if c.code == "MS-FED-CS"]
    click_row(qtbot, view, group_with(view, (CSHARP, copy.id)))
    dialogs.answer("Cancel")
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    [said] = dialogs.seen
    assert "“Introduction to Programming With C#” (MS-FED-CS)" in said
    assert copy.id not in said and f"({CSHARP})" not in said


# ---- 19 and 20. the summary's counts, and a page that keeps its layout -----------------------


def test_the_summary_counts_one_pair_in_the_singular(window, qtbot):
    view = shown_duplicates(window, qtbot)
    assert view.summary.text() == "0 identical groups, 3 near-duplicate pairs"
    for units in (FOUNDATIONS[:2], FOUNDATIONS[::2]):
        click_row(qtbot, view, group_with(view, units))
        qtbot.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.up_to_date)
    assert view.summary.text() == "0 identical groups, 1 near-duplicate pair"
    assert view.summary.isVisible()


def test_the_list_stays_in_place_once_the_search_has_shown_its_progress(window, qtbot, gate):
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    top = view.list.mapTo(window, view.list.rect().topLeft()).y()
    qtbot.waitUntil(lambda: view.status.shown)  # the progress shows, in the summary's place
    assert view.list.mapTo(window, view.list.rect().topLeft()).y() == top
    gate.opened.set()
    qtbot.waitUntil(lambda: view.up_to_date)
    assert view.summary.isVisible() and not view.status.isVisible()
    click_row(qtbot, view, group_rows(view)[0])
    qtbot.mouseClick(view.ignore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.up_to_date)
    QApplication.processEvents()
    # No empty band between the summary and the list: it starts where it started.
    assert view.list.mapTo(window, view.list.rect().topLeft()).y() == top
    summary_bottom = view.summary.mapTo(window, view.summary.rect().bottomLeft()).y()
    assert 0 <= top - summary_bottom <= 16
