"""The Roadmap page draws a course's or program's outcomes and exports them."""

import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

CSHARP = "introduction-to-programming-with-csharp"


def test_the_roadmap_page_shows_a_course_and_exports_svg_and_png(window, tmp_path):
    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    labels = [view.unit.itemText(i) for i in range(view.unit.count())]
    assert "Course: Introduction to Programming With C#" in labels
    view.show_roadmap(CSHARP)
    assert "Outcome roadmap: Introduction to Programming With C#" in view.svg
    assert view.canvas.width() > 600 and view.canvas.height() > 300
    svg = tmp_path / "roadmap.svg"
    png = tmp_path / "roadmap.png"
    assert view.export(svg, "svg") and view.export(png, "png")
    ElementTree.parse(svg)  # well-formed
    assert QImage(str(png)).width() == 1600


def test_the_roadmap_follows_edits(window, qtbot):
    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    view.show_roadmap(CSHARP)
    outcome = window.document.catalog.get("csharp-w1-o1")
    from designer.model.edits import SetField

    window.document.push([SetField(outcome, "text", "Use the <new> & improved wording")], "edit")
    qtbot.waitUntil(lambda: "Use the &lt;new&gt; &amp; improved wording" in view.svg)


def test_the_chosen_course_comes_back_with_the_undo_that_brings_it_back(window, qtbot):
    from designer.model.edits import plan_delete

    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    view.show_roadmap(CSHARP)
    catalog = window.document.catalog
    users = [p for p in catalog.programs if CSHARP in p.course_ids]
    edits = [
        e for p in users for e in plan_delete(catalog, p, "course_ids", p.course_ids.index(CSHARP))
    ]
    window.document.push(edits, "Remove C# everywhere")
    # No program uses it: it is no longer offered, and a program is shown instead.
    qtbot.waitUntil(lambda: view.unit.findData(CSHARP) < 0)
    assert view.unit.currentData() == "full-stack"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view.unit.findData(CSHARP) >= 0)
    assert view.unit.currentData() == CSHARP
    assert "Outcome roadmap: Introduction to Programming With C#" in view.svg


# The offscreen platform cannot raise a popup or give it the keyboard, and says so.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_typing_part_of_a_title_finds_the_course_to_draw(window, qtbot):
    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    courses = [view.unit.itemText(i) for i in range(view.unit.count())][4:]
    assert courses == sorted(courses, key=str.casefold)  # by title, not the pool's order
    view.unit.setFocus()
    view.unit.lineEdit().selectAll()
    qtbot.keyClicks(view.unit.lineEdit(), "public")
    popup = view.unit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    found = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert found == [
        "Program: Microsoft Public Relations and Communications Associate Professional Certificate",
        "Course: Introduction to Public Relations",
    ]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert view.unit.currentData() == "introduction-to-public-relations"
    qtbot.waitUntil(lambda: "Outcome roadmap: Introduction to Public Relations" in view.svg)
    # Text that finds nothing goes back to the name of the roadmap shown.
    view.unit.lineEdit().selectAll()
    qtbot.keyClicks(view.unit.lineEdit(), "zzz")
    qtbot.keyClick(view.unit.lineEdit(), Qt.Key.Key_Return)
    assert view.unit.currentData() == "introduction-to-public-relations"
    assert view.unit.lineEdit().text() == "Course: Introduction to Public Relations"


def test_a_course_without_weeks_is_offered_and_fills_in_as_its_weeks_come(window, qtbot):
    from designer.model import Module
    from designer.model.edits import AddUnit, Insert

    window.pages.setCurrentWidget(window.roadmap)
    view = window.roadmap
    course = window.document.catalog.courses["foundations-of-coding-back-end"]
    index = view.unit.findData(course.id)
    assert view.unit.itemText(index) == "Course: Foundations of Coding Back-End (no weeks yet)"
    view.unit.setCurrentIndex(index)
    assert "no weeks yet" in view.svg
    week = Module(id="fcb-w1", title="Week 1: Thinking like a programmer", hours=5)
    edits = [AddUnit(week), Insert(course, "module_ids", 0, week.id)]
    window.document.push(edits, "Add a week")
    qtbot.waitUntil(lambda: view.unit.itemText(index) == "Course: Foundations of Coding Back-End")
    assert view.unit.currentData() == course.id
    qtbot.waitUntil(lambda: "Course · 1 week · " in view.svg)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: "no weeks yet" in view.svg)


def test_the_export_buttons_wait_for_a_roadmap(empty_window, qtbot):
    """On an empty catalog they did nothing, and said nothing."""
    view = empty_window.roadmap
    empty_window.pages.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.unit.count() == 0 or view.unit.currentData() is None)
    assert not view.export_svg.isEnabled() and not view.export_png.isEnabled()
    empty_window.add_program_action.trigger()
    qtbot.waitUntil(lambda: view.export_svg.isEnabled() and view.export_png.isEnabled())
    empty_window.undo_action.trigger()
    qtbot.waitUntil(lambda: not view.export_svg.isEnabled())
