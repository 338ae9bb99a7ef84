"""Edits that once froze the window on a large catalog, done as a designer does them:
what they show stays right now that they do less (the speed is in benchmarks/window.py)."""

from PySide6.QtCore import Qt
from window_actions import open_page

from designer.model import Course
from designer.model.edits import AddUnit, Insert, SetField


def test_a_tick_on_the_pathways_page_names_courses_as_renamed_meanwhile(window, qtbot):
    # A tick reuses the names the page worked out when it last refreshed: a course renamed
    # while the page shows must still show its new name once the page has refreshed.
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    catalog = window.document.catalog
    target = panel.target.currentData()
    course = catalog.courses[catalog.program(target).course_ids[0]]
    window.document.push([SetField(course, "title", "Renamed course")], "rename")
    qtbot.waitUntil(lambda: not panel.refresh_timer.isActive())
    # The learner holds another certificate: the target's first course still remains.
    other = next(
        row
        for row in range(panel.holdings.count())
        if panel.holdings.item(row).data(Qt.ItemDataRole.UserRole + 1) not in (target, course.id)
    )
    panel.holdings.item(other).setCheckState(Qt.CheckState.Checked)
    texts = [panel.remaining.item(i).text() for i in range(panel.remaining.count())]
    assert any(text.startswith("Renamed course  (") for text in texts)


def test_a_tick_right_after_a_course_is_added_names_the_new_course(window, qtbot):
    # A tick reuses the names of the last refresh: a course added since (an undo, a paste
    # while the page shows) is not among them until the page refreshes as edits pause.
    open_page(window, qtbot, "Pathways")
    panel = window.pathways
    catalog = window.document.catalog
    qtbot.waitUntil(lambda: not panel.refresh_timer.isActive())
    target = catalog.program(panel.target.currentData())
    course = Course(id="brand-new", title="A brand new course", hours=12)
    window.document.push(
        [AddUnit(course), Insert(target, "course_ids", 0, course.id)], "add a course"
    )
    assert panel.refresh_timer.isActive()  # not refreshed yet
    other = next(
        row
        for row in range(panel.holdings.count())
        if panel.holdings.item(row).data(Qt.ItemDataRole.UserRole + 1) != target.id
    )
    panel.holdings.item(other).setCheckState(Qt.CheckState.Checked)
    texts = [panel.remaining.item(i).text() for i in range(panel.remaining.count())]
    assert "A brand new course  (12 h)" in texts
