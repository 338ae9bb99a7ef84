"""The Roadmap page draws a course's or program's outcomes and exports them."""

import xml.etree.ElementTree as ElementTree

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
