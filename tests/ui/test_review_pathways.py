"""The Pathways page as a designer meets it: empty certificates, nothing left to take, long
and right-to-left titles."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption
from window_actions import discard_and_close, open_page

from designer.appsettings import AppSettings
from designer.model import Catalog, Course, Program
from designer.model.edits import Insert, SetField
from designer.storage import save
from designer.ui.main_window import MainWindow

FRONT = "Microsoft Front-End Developer Professional Certificate"
ARABIC = "شهادة تطوير الويب المتقدمة للمحترفين"  # "Advanced Web Development Certificate"


@pytest.fixture
def open_catalog(qtbot, tmp_path):
    """Open a window on a catalog made in the test; closed without saving afterwards."""
    windows = []

    def opened(catalog):
        path = tmp_path / f"catalog{len(windows)}.curriculum.json"
        save(catalog, path)
        window = MainWindow(AppSettings())
        assert window.files.open_file(path)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield opened
    for window in windows:
        discard_and_close(window)


def rows(view):
    return [view.item(i).text() for i in range(view.count())]


def choose(panel, held, target):
    panel.set_held(held)
    panel.target.setCurrentIndex(panel.target.findData(target))


def test_a_certificate_without_courses_is_neither_planned_nor_suggested(window, qtbot):
    # The designer has just added a certificate, and has not given it courses yet.
    catalog = window.document.catalog
    new = Program(id="new", title="New certificate")
    window.document.push([Insert(None, "programs", len(catalog.programs), new)], "Add")
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["front-end"], "new")
    # Not "0 h remain ... Nothing remains: the learner has all of it."
    assert (
        panel.summary.text()
        == "“New certificate” has no courses yet: add some to plan a way to it."
    )
    # Nor the cheapest next certificate at "0 h to go".
    assert not [row for row in rows(panel.ranking) if row.startswith("New certificate")]
    assert len(rows(panel.ranking)) == 3


def test_a_certificate_compared_with_itself_says_nothing_remains_once(window, qtbot):
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["front-end"], "front-end")
    # Not "Credited 212 h; 0 h remain, about 0 weeks at 10 h a week. Nothing remains: ..."
    assert panel.summary.text() == (
        "Credited 212 h: nothing remains, the learner has every course of it."
    )
    assert panel.remaining.count() == 0


def test_courses_left_without_hours_are_not_about_0_weeks(open_catalog, qtbot):
    catalog = Catalog(
        programs=[Program(id="a", title="Alpha", course_ids=["one", "two"])],
        courses=[Course(id="one", title="One", hours=20), Course(id="two", title="Two", hours=0)],
    )
    window = open_catalog(catalog)
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["one"], "a")
    assert panel.summary.text() == "Credited 20 h; 0 h remain. Start with “Two”."
    assert rows(panel.remaining) == ["Two  (0 h)"]


def test_a_learner_holding_the_only_certificate_is_told_there_is_none_next(open_catalog, qtbot):
    catalog = Catalog(
        programs=[Program(id="a", title="Alpha", course_ids=["one"])],
        courses=[Course(id="one", title="One", hours=20)],
    )
    window = open_catalog(catalog)
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["a"], "a")
    assert rows(panel.ranking) == ["None: every certificate is held or has no courses yet."]
    assert not panel.ranking.item(0).flags() & Qt.ItemFlag.ItemIsSelectable


def test_long_titles_keep_the_hours_at_the_end_of_their_rows_in_sight(window, qtbot):
    catalog = window.document.catalog
    long = "Foundations of Coding Full-Stack: " + "a very long subtitle, " * 12 + "end"
    full = catalog.program("full-stack")
    window.document.push(
        [
            SetField(catalog.courses["foundations-of-coding-full-stack"], "title", long),
            SetField(full, "title", full.title + ": " + "and a long tail, " * 12 + "end"),
        ],
        "Rename",
    )
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["front-end"], "full-stack")
    assert rows(panel.remaining)[0] == f"{long}  (39 h)"
    assert rows(panel.ranking)[2].endswith(": 318 h to go")
    holding = rows(panel.holdings).index(long)  # what the learner holds: the same
    for view, row in ((panel.remaining, 0), (panel.ranking, 2), (panel.holdings, holding)):
        qtbot.waitUntil(lambda view=view: view.isVisible())
        # The row does not run on past a sideways scroll with its hours at the far end:
        # it is shortened in its middle, where the title is, and the tip shows it whole.
        text = view.item(row).text()
        assert view.fontMetrics().horizontalAdvance(text) > view.viewport().width()
        assert view.horizontalScrollBar().maximum() == 0
        assert view.textElideMode() == Qt.TextElideMode.ElideMiddle
        assert view.item(row).toolTip() == view.item(row).text()


def x_of(text, index, font):
    """Where the character at index is drawn in a left-to-right row, as a list draws it."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.cursorToX(index)[0]


def test_a_right_to_left_title_keeps_its_hours_after_it(open_catalog, qtbot):
    catalog = Catalog(
        programs=[
            Program(id="a", title="Alpha", course_ids=["one"]),
            Program(id="r", title=ARABIC, course_ids=["two"]),
        ],
        courses=[Course(id="one", title="One", hours=20), Course(id="two", title="Two", hours=15)],
    )
    window = open_catalog(catalog)
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["a"], "a")
    [row] = [row for row in rows(panel.ranking) if ARABIC in row]
    hours = row.index("15 h to go")
    title = [x_of(row, row.index(ARABIC) + i, panel.ranking.font()) for i in range(len(ARABIC))]
    # "…للمحترفين: 15 h to go", not "15 :…للمحترفين h to go" with the hours pulled before it.
    assert x_of(row, hours, panel.ranking.font()) > max(title)


def test_enter_or_a_double_click_on_a_next_certificate_makes_it_the_target(window, qtbot):
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    choose(panel, ["back-end"], "back-end")
    ranking = panel.ranking
    full_stack = "Microsoft Full Stack Developer Professional Certificate: 152 h to go"
    ranking.setFocus()
    ranking.setCurrentRow(rows(ranking).index(full_stack))
    qtbot.keyClick(ranking, Qt.Key.Key_Return)
    assert panel.target.currentData() == "full-stack"
    assert panel.summary.text().startswith("Credited 270 h; 152 h remain")
    # The ranking is for the new target now: Full Stack is no longer in it.
    row = next(i for i in range(ranking.count()) if ranking.item(i).text().startswith(FRONT))
    point = ranking.visualItemRect(ranking.item(row)).center()
    # A double click is a press, a release, then the double-click event, as a mouse sends it.
    qtbot.mouseClick(ranking.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(ranking.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert panel.target.currentData() == "front-end"
