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
