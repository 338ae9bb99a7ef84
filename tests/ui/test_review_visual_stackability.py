"""The Stackability page as the visual review saw it: certificates without a code (or with a
long one) in the matrix and the graph, the page with no certificates, the chosen pair's
graph, and the graph's names readable at the window's usual size."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsRectItem, QGraphicsTextItem
from window_actions import open_page, opened_window

from designer.ui.stackability import NODE_NAME_WIDTHS

FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
ORDER = [FULL, BACK, FRONT, PR]  # rows and columns follow the catalog
LONG_CODE = "MS-FSD-2026-FULL-STACK-DEVELOPER-PROFESSIONAL-CERT"
WAIT_MS = 60_000


@pytest.fixture
def uncoded_window(qtbot, sample_path, tmp_path):
    """The sample with its certificates' codes emptied (a code is optional), and one long."""
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    programs = data["programs"]
    for program in programs:
        program["code"] = ""
    programs[1]["code"] = LONG_CODE  # Back-End
    path = tmp_path / "uncoded.curriculum.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    yield from opened_window(qtbot, path)


def stackability_at(window, qtbot, width=1280, height=800):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    qtbot.wait(20)  # the layouts follow the size
    return view


def header(view, orientation, section):
    model = view.table.model()
    return (
        model.headerData(section, orientation),
        model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole),
    )


def on_screen(graph, item):
    return graph.mapFromScene(item.sceneBoundingRect()).boundingRect()


def test_uncoded_certificates_head_the_matrix_by_cut_titles_and_every_cell_shows(
    uncoded_window, qtbot
):
    view = stackability_at(uncoded_window, qtbot)
    table = view.table
    rows, columns = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    text, tip = header(view, rows, 0)
    assert text.endswith("…") and FULL.startswith(text[:-1]) and len(text) < len(FULL)
    assert tip == f"Holds: {FULL}"
    text, tip = header(view, columns, 3)
    assert text.endswith("…") and PR.startswith(text[:-1])
    assert tip == f"Aims for: {PR}"
    # The long code is cut too; the tooltip has the title and the code whole.
    text, tip = header(view, columns, 1)
    assert text.endswith("…") and LONG_CODE.startswith(text[:-1])
    assert tip == f"Aims for: {BACK} ({LONG_CODE})"
    # Each column's name fits its column: cut at the end, never clipped at both.
    metrics = QFontMetricsF(table.horizontalHeader().font())
    for column in range(4):
        width = metrics.horizontalAdvance(header(view, columns, column)[0])
        assert width < table.horizontalHeader().sectionSize(column) - 6
    # The row names leave room for every cell at 1280 x 800.
    assert table.verticalHeader().width() < 200
    for row in range(4):
        for column in range(4):
            cell = table.visualRect(view.matrix.index(row, column))
            assert table.viewport().rect().contains(cell), (row, column)


def test_uncoded_certificates_in_the_graph_have_cut_names_and_their_titles_as_tooltips(
    uncoded_window, qtbot
):
    view = stackability_at(uncoded_window, qtbot)
    graph = view.graph
    full = graph.nodes["full-stack"]
    assert isinstance(full, QGraphicsRectItem)
    label = full.childItems()[0].text()
    assert label.endswith("…") and FULL.startswith(label[:-1])
    assert full.toolTip() == FULL
    for program_id in ("full-stack", "back-end", "front-end", "pr-communications"):
        box = graph.nodes[program_id].rect()
        assert box.width() <= NODE_NAME_WIDTHS["program"] + 20  # not a wide box
    # Its name is drawn as large as the course names, readable.
    assert on_screen(graph, full.childItems()[0]).height() >= 10


def test_the_page_without_certificates_says_so_and_offers_no_zoom_until_one_is_added(
    empty_window, qtbot
):
    window = empty_window
    view = stackability_at(window, qtbot)
    controls = (view.zoom_in_button, view.zoom_out_button, view.fit_button)
    assert view.pair.text().startswith("No certificates yet")
    texts = [
        i.toPlainText() for i in view.graph.scene().items() if isinstance(i, QGraphicsTextItem)
    ]
    assert texts and texts[0].startswith("No certificates yet")
    assert not any(button.isEnabled() for button in controls)
    assert not view.around.isEnabled()
    assert not any(shortcut.isEnabled() for shortcut in view.zoom_controls)

    window.add_program_action.trigger()
    view = stackability_at(window, qtbot)
    assert all(button.isEnabled() for button in controls)
    assert not view.around.isEnabled()  # no pair to choose from one certificate
    assert view.pair.text() == "Add a second certificate to see what the two share."
    assert list(view.graph.nodes) == [window.document.catalog.programs[0].id]
    text, tip = header(view, Qt.Orientation.Horizontal, 0)
    assert text.endswith("…") and "New program".startswith(text[:-1])
    assert tip == "Aims for: New program"

    window.add_program_action.trigger()
    view = stackability_at(window, qtbot)
    assert view.around.isEnabled()
    assert view.pair.text() == "Click a cell to see what the two certificates share."

    window.undo_action.trigger()
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    assert view.pair.text().startswith("No certificates yet")
    assert not any(button.isEnabled() for button in controls)
    assert not view.around.isEnabled()


def test_only_the_chosen_pair_shows_the_two_and_what_they_share(window, qtbot):
    view = stackability_at(window, qtbot)
    graph = view.graph
    qtbot.mouseClick(view.around, Qt.MouseButton.LeftButton)
    assert view.around.isChecked()

    def choose(source, target):
        index = view.matrix.index(ORDER.index(source), ORDER.index(target))
        rect = view.table.visualRect(index)
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    # Front-End and Back-End share C# alone, which Full Stack uses as well; not the courses
    # Front-End shares with Full Stack only.
    choose(FRONT, BACK)
    csharp = "introduction-to-programming-with-csharp"
    assert set(graph.nodes) == {"front-end", "back-end", "full-stack", csharp}
    outlines = {unit_id: shape.pen().widthF() for unit_id, shape in graph.nodes.items()}
    assert outlines["front-end"] == outlines["back-end"] > outlines["full-stack"]
    # Public Relations and Full Stack share nothing: the two, alone.
    choose(PR, FULL)
    assert view.pair.text().endswith("share nothing.")
    assert set(graph.nodes) == {"pr-communications", "full-stack"}


def test_the_sample_s_graph_opens_whole_with_readable_names_at_1280_by_800(window, qtbot):
    view = stackability_at(window, qtbot)
    graph = view.graph
    assert graph.zoom >= 0.8
    viewport = graph.viewport().rect()
    assert all(viewport.contains(on_screen(graph, shape)) for shape in graph.nodes.values())
    courses = [s for s in graph.nodes.values() if isinstance(s, QGraphicsEllipseItem)]
    for course in courses:  # the window's own text is 14 px high here
        assert on_screen(graph, course.childItems()[0]).height() >= 10, course.toolTip()


def test_a_smaller_window_keeps_the_graph_s_names_readable_and_fit_shows_it_whole(window, qtbot):
    view = stackability_at(window, qtbot, 1024, 640)
    graph = view.graph
    viewport = graph.viewport().rect()
    shapes = graph.nodes.values()
    # Scrolled (or dragged along), rather than shrunk past reading.
    assert graph.zoom == pytest.approx(0.8)
    assert not all(viewport.contains(on_screen(graph, shape)) for shape in shapes)
    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert graph.zoom < 0.8
    assert all(viewport.contains(on_screen(graph, shape)) for shape in shapes)
