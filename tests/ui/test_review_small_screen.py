"""The window on a laptop's screen (1280 x 720: 1280 x 690 of room once maximised) with the
larger font a designer with a large-text setting has (14 pt). The review found: the window
grew taller than the screen once a unit was selected (its Problems panel and status bar off
it); the Silence question was wider than the screen, OK and Cancel off it; the tree cut its
"Workload" header and a share to "10.…"; the Stackability matrix cut its cells to "270 …"
(the share hidden) and its columns' codes to "MS-F…".

And after it: the Duplicates list cut its Level to "course, near-…"; a program's Details
and an outcome's fields scrolled sideways in their pane, the Title box cut at the right
(the country list as wide as its longest country, the Bloom level and Knowledge boxes on
one row); the Workload Settings dialog, dragged to its least size, overlapped its notes
with the boxes below them and cut the rounding. Later: the Duplicates list cut its reasons
("titles 84 % alike; hours 39 …") in its narrowest window, and elided titles beside an
empty Why in a wide one; the Pathways page's headings, each on one line, made the window
at least 1,069 pixels wide, wider than a 1024-pixel screen."""

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QScrollArea,
    QWidget,
)
from window_actions import open_page, opened_window, select

from designer.ui.settings_dialog import SettingsDialog
from designer.ui.tree_model import HOURS, SHARE, SHARED

FULL = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
WELCOME = "Welcome to C# and .NET"
LAPTOP = (1280, 690)  # a 1280 x 720 screen, less the window's title bar
SMALL_SCREEN = (1024, 738)  # a 1024 x 768 screen (or 1280 x 960 at 125 %), less the title bar
LARGE_POINTS = 14
PADDING = 8  # the room a view or a header leaves around a cell's text, at least


@pytest.fixture
def large_window(qapp, qtbot, sample_copy):
    """The sample in a window made with a 14 pt application font."""
    usual = qapp.font()
    larger = QFont(usual)
    larger.setPointSize(LARGE_POINTS)
    qapp.setFont(larger)
    try:
        yield from opened_window(qtbot, sample_copy)
    finally:
        qapp.setFont(usual)


def sized(window, qtbot, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
    qtbot.wait(20)  # laid out


def reads_whole(metrics, text, width):
    return metrics.horizontalAdvance(text) + PADDING <= width


def test_the_window_stays_within_a_laptop_screen_at_a_large_font_whatever_is_selected(
    large_window, qtbot
):
    window = large_window
    sized(window, qtbot, *LAPTOP)
    window.tabs.setCurrentWidget(window.outcomes)  # the taller of the two tabs
    for titles in ((FULL,), (FULL, CSHARP), (FULL, CSHARP, WEEK1), (FULL, CSHARP, WEEK1, WELCOME)):
        select(window, qtbot, *titles)
        qtbot.wait(50)
        minimum = window.minimumSizeHint()
        assert minimum.width() <= LAPTOP[0] and minimum.height() <= LAPTOP[1], titles
        assert window.size().toTuple() == LAPTOP, titles  # it did not grow off the screen
        counts = window.problem_counts  # the status bar, at the bottom
        assert window.rect().contains(counts.mapTo(window, counts.rect().bottomRight()))


def test_the_silence_question_fits_a_laptop_screen_with_its_buttons_at_a_large_font(
    large_window, qtbot
):
    panel = large_window.problems
    qtbot.waitUntil(lambda: panel.up_to_date and panel.model.rowCount() > 0, timeout=60_000)
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, look)
            return
        [question] = dialog.findChildren(QLabel)
        seen["width"] = dialog.frameGeometry().width()
        seen["buttons"] = [
            button.mapTo(dialog, button.rect().bottomRight()).x()
            for button in dialog.findChild(QDialogButtonBox).buttons()
        ]
        seen["question"] = question.text()
        seen["lines fit"] = question.height() >= question.heightForWidth(question.width())
        seen["whole"] = question.wordWrap() or reads_whole(
            question.fontMetrics(), question.text(), question.width()
        )
        dialog.reject()

    QTimer.singleShot(0, look)
    qtbot.mouseClick(panel.silence_button, Qt.MouseButton.LeftButton)
    assert seen["question"].startswith("Why does “")
    assert seen["width"] <= LAPTOP[0]
    assert len(seen["buttons"]) == 2 and all(x <= LAPTOP[0] for x in seen["buttons"])
    assert seen["whole"] and seen["lines fit"]  # the question reads whole, every line of it


def shown_rows(tree, parent=QModelIndex()):
    """The rows the tree shows, below parent."""
    model = tree.model()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        if tree.isExpanded(index):
            yield from shown_rows(tree, index)


def test_the_trees_workload_share_and_shared_read_whole_at_a_large_font(large_window, qtbot):
    window = large_window
    sized(window, qtbot, *LAPTOP)
    select(window, qtbot, FULL, CSHARP, WEEK1, WELCOME)  # items show their minutes
    tree = window.tree
    header = tree.header()
    model = tree.model()
    for column in (HOURS, SHARE, SHARED):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert reads_whole(header.fontMetrics(), title, header.sectionSize(column)), title
    texts = {column: set() for column in (HOURS, SHARE, SHARED)}
    for index in shown_rows(tree):
        for column, seen in texts.items():
            seen.add(index.siblingAtColumn(column).data())
    assert "15 min" in texts[HOURS] and "10.2 %" in texts[SHARE]
    assert "3 programs" in texts[SHARED]
    for column, seen in texts.items():
        for text in seen - {None, ""}:
            assert reads_whole(tree.fontMetrics(), text, tree.columnWidth(column)), text


def test_each_stackability_cell_shows_its_hours_and_share_at_a_large_font(large_window, qtbot):
    window = large_window
    sized(window, qtbot, *LAPTOP)
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    qtbot.waitUntil(lambda: view.up_to_date, timeout=60_000)
    table, matrix = view.table, view.matrix
    metrics = table.fontMetrics()
    shown = 0
    for row in range(matrix.rowCount()):
        for column in range(matrix.columnCount()):
            lines = matrix.index(row, column).data().splitlines()
            assert len(lines) * metrics.lineSpacing() + PADDING <= table.rowHeight(row)
            for line in lines:
                assert reads_whole(metrics, line, table.columnWidth(column)), line
            shown += len(lines) == 2
    assert shown >= 6  # the sample's pairs that share courses: "270 h" over "87 %"...
    for section, program in enumerate(matrix.programs):
        # The columns are named by the certificates' codes, whole ("MS-FSD", not "MS-F…").
        assert matrix.headerData(section, Qt.Orientation.Horizontal) == program.code


def test_the_duplicates_level_and_score_read_whole_at_a_large_font(large_window, qtbot):
    window = large_window
    sized(window, qtbot, *LAPTOP)
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() > 0, timeout=60_000)
    listed, model, header = view.list, view.model, view.list.header()
    for column in (1, 2):  # Level and Score
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert reads_whole(header.fontMetrics(), title, header.sectionSize(column)), title
    levels = [model.index(row, 1).data() for row in range(model.rowCount())]
    assert "course, near-duplicate" in levels  # the sample's three pairs
    for row in range(model.rowCount()):
        for column in (1, 2):
            text = model.index(row, column).data()
            assert reads_whole(listed.fontMetrics(), text, listed.columnWidth(column)), text


def cut_at_the_side(area: QScrollArea, widgets: list[QWidget]) -> list[str]:
    """The names of the widgets not whole within the width of the scroll area's pane."""
    viewport = area.viewport()
    cut = []
    for widget in widgets:
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        if left < 0 or left + widget.width() > viewport.width():
            cut.append(widget.accessibleName() or widget.objectName())
    return cut


def assert_fields_fit_their_pane(window, qtbot, size):
    """A program's Details (the longest form) and a course's outcome fields lie whole
    within their pane's width, the window at size() once the unit is shown: no sideways
    scroll bar, no field cut at the right."""
    select(window, qtbot, FULL)
    window.tabs.setCurrentWidget(window.editor)
    sized(window, qtbot, *size())
    editor = window.editor
    assert editor.widget().width() <= editor.viewport().width()
    assert not editor.horizontalScrollBar().isVisible()
    fields = list(editor.fields.values())  # each its box with the error line under it
    assert len(fields) > 10 and cut_at_the_side(editor, fields) == []
    title = editor.fields["title"]
    qtbot.waitUntil(lambda: title.editor.width() == title.width())  # its own layout's turn
    assert cut_at_the_side(editor, [title.editor]) == []
    select(window, qtbot, FULL, CSHARP)
    window.tabs.setCurrentWidget(window.outcomes)
    sized(window, qtbot, *size())
    outcomes = window.outcomes
    area = outcomes.findChild(QScrollArea, "outcomeDetails")
    assert outcomes.detail.width() <= area.viewport().width()
    assert not area.horizontalScrollBar().isVisible()
    boxes = [outcomes.text, outcomes.level, outcomes.knowledge, outcomes.supports]
    assert cut_at_the_side(area, boxes) == []


def test_the_details_and_outcome_fields_fit_their_pane_at_a_large_font(large_window, qtbot):
    assert_fields_fit_their_pane(large_window, qtbot, lambda: LAPTOP)


def test_the_details_and_outcome_fields_fit_their_pane_in_the_smallest_window(window, qtbot):
    assert_fields_fit_their_pane(window, qtbot, lambda: window.minimumSizeHint().toTuple())


def assert_settings_at_their_least_overlap_nothing(window, qtbot):
    """The Workload Settings dialog dragged as small as it goes: each label, box, note and
    button within it and clear of the others, each note tall enough for its lines, the
    rounding box wide enough for its longest entry."""
    dialog = SettingsDialog(window.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(1, 1)
    qtbot.waitUntil(lambda: dialog.size() == dialog.minimumSize())
    qtbot.wait(20)  # laid out
    notes = dialog.findChildren(QLabel, "settingHelp")
    names = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    boxes = [dialog.hours_per_credit.line, dialog.rounding, dialog.weekly_hours.line]
    buttons = dialog.findChild(QDialogButtonBox).buttons()
    assert len(notes) == len(names) == len(boxes) == 3 and len(buttons) == 2
    shown = [*names, *boxes, *notes, *buttons]
    places = [
        widget.geometry().translated(widget.parentWidget().mapTo(dialog, QPoint(0, 0)))
        for widget in shown
    ]
    for place, widget in zip(places, shown, strict=True):
        assert dialog.rect().contains(place), widget.text() if widget in notes else widget
    for first in range(len(shown)):
        for second in range(first + 1, len(shown)):
            assert not places[first].intersects(places[second]), (shown[first], shown[second])
    for note in notes:
        assert note.height() >= note.heightForWidth(note.width()), note.text()
    assert dialog.rounding.width() >= dialog.rounding.minimumSizeHint().width()
    dialog.reject()


def test_the_workload_settings_at_their_least_size_overlap_nothing(window, qtbot):
    assert_settings_at_their_least_overlap_nothing(window, qtbot)


def test_the_workload_settings_at_their_least_size_overlap_nothing_at_a_large_font(
    large_window, qtbot
):
    assert_settings_at_their_least_overlap_nothing(large_window, qtbot)


def test_the_duplicates_reasons_read_whole_and_the_titles_take_the_rest_at_a_large_font(
    large_window, qtbot
):
    window = large_window
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date and view.model.rowCount() > 0, timeout=60_000)
    listed, model = view.list, view.model
    reasons = [model.index(row, 3).data() for row in range(model.rowCount())]
    units_width = {}
    # The narrowest window the page allows at this font, then a laptop's.
    for width in (window.minimumSizeHint().width(), LAPTOP[0]):
        sized(window, qtbot, width, LAPTOP[1])
        for reason in reasons:
            assert reads_whole(listed.fontMetrics(), reason, listed.columnWidth(3)), width
        units_width[width] = listed.columnWidth(0)
        # The titles have what the other columns leave: no empty room beside the reasons.
        widest_reason = max(map(listed.fontMetrics().horizontalAdvance, reasons))
        assert listed.columnWidth(3) <= widest_reason + 2 * PADDING + 4
    assert units_width[LAPTOP[0]] > units_width[window.minimumSizeHint().width()]
    # A width the designer gives the Units column stays as the window changes.
    listed.header().resizeSection(0, 300)
    sized(window, qtbot, LAPTOP[0] - 100, LAPTOP[1])
    assert listed.columnWidth(0) == 300


def test_the_window_fits_a_small_screen_at_a_large_font_on_every_page(large_window, qtbot):
    window = large_window
    bar = window.pages.tabBar()
    for index in range(bar.count()):
        open_page(window, qtbot, bar.tabText(index))
        qtbot.wait(20)
        assert window.minimumSizeHint().width() <= SMALL_SCREEN[0], bar.tabText(index)
    sized(window, qtbot, *SMALL_SCREEN)
    open_page(window, qtbot, "Pathways")
    qtbot.wait(50)
    # The Pathways page's headings wrap to fit, each whole.
    headings = [label for label in window.pathways.findChildren(QLabel) if "<b>" in label.text()]
    assert len(headings) == 3
    for label in headings:
        assert label.isVisible() and label.heightForWidth(label.width()) <= label.height()
