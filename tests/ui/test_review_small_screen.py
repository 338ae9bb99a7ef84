"""The window on a laptop's screen (1280 x 720: 1280 x 690 of room once maximised) with the
larger font a designer with a large-text setting has (14 pt). The review found: the window
grew taller than the screen once a unit was selected (its Problems panel and status bar off
it); the Silence question was wider than the screen, OK and Cancel off it; the tree cut its
"Workload" header and a share to "10.…"; the Stackability matrix cut its cells to "270 …"
(the share hidden) and its columns' codes to "MS-F…"."""

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QLabel
from window_actions import open_page, opened_window, select

from designer.ui.tree_model import HOURS, SHARE, SHARED

FULL = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
WELCOME = "Welcome to C# and .NET"
LAPTOP = (1280, 690)  # a 1280 x 720 screen, less the window's title bar
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
