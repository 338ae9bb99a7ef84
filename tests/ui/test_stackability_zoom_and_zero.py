"""The Stackability page: a course shared before it has hours is shared everywhere the page
says so, and the sharing graph zooms (Ctrl+wheel, Ctrl+= / Ctrl+-, Ctrl+0 and Fit)."""

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem
from window_actions import generated_file, open_page, opened_window

from designer.excel.export import export_workbook
from designer.model import Course, Program
from designer.model.edits import AddUnit, Insert

FULL = "Microsoft Full Stack Developer Professional Certificate"
PR = "Microsoft Public Relations and Communications Associate Professional Certificate"
WAIT_MS = 60_000  # background work on a loaded machine; the tests wait for an event


def cell(view, source_title, target_title):
    """The matrix cell of a holder of source aiming for target."""
    titles = [p.title for p in view.matrix.programs]
    return view.matrix.index(titles.index(source_title), titles.index(target_title))


def click_cell(qtbot, view, index):
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def share_new_course(window, *program_ids):
    """A course just added (no modules, no hours yet) that these programs list."""
    catalog = window.document.catalog
    course = Course(id="c-new", title="Portfolio Workshop")
    edits = [AddUnit(course)]
    for program_id in program_ids:
        program = catalog.program(program_id)
        edits.append(Insert(program, "course_ids", len(program.course_ids), course.id))
    window.document.push(edits, "share a new course")


def on_screen(graph, shape):
    """Where a node of the graph is drawn, in the graph's viewport."""
    return graph.mapFromScene(shape.sceneBoundingRect()).boundingRect()


def whole_graph_in_view(graph):
    view = graph.viewport().rect()
    return all(view.contains(on_screen(graph, shape)) for shape in graph.nodes.values())


def wheel(graph, at, notches, modifiers=Qt.KeyboardModifier.ControlModifier):
    """Turn the mouse wheel over the graph, with Ctrl held unless told otherwise."""
    point = QPointF(at)
    event = QWheelEvent(
        point,
        QPointF(graph.viewport().mapToGlobal(at)),
        QPoint(),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(graph.viewport(), event)


def shown_graph(window, qtbot):
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: window.stackability.up_to_date, timeout=WAIT_MS)
    return window.stackability.graph


def test_a_course_shared_before_it_has_hours_is_shared_in_the_matrix_its_text_and_graph(
    window, qtbot
):
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    share_new_course(window, "full-stack", "pr-communications")
    qtbot.waitUntil(lambda: view.up_to_date)
    assert "c-new" in view.graph.nodes  # the graph links both certificates to it
    assert cell(view, PR, FULL).data() == "0 h\n0 %"
    assert cell(view, FULL, PR).data() == "0 h\n0 %"
    click_cell(qtbot, view, cell(view, PR, FULL))
    assert view.pair.text() == f"{PR} and {FULL} share these, with no hours in them yet:"
    shared = [view.shared.item(i).text() for i in range(view.shared.count())]
    assert shared == ["Portfolio Workshop  (course, 0 h)"]


def test_a_new_certificate_without_hours_is_covered_whole_by_one_that_has_all_it_lists(
    window, qtbot, tmp_path
):
    """Its 0 h total divides nothing: a holder of Full Stack has all of it (100 %)."""
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    draft = Program(id="draft", title="Draft Certificate", code="DRAFT")
    window.document.push([Insert(None, "programs", 4, draft)], "add a certificate")
    share_new_course(window, "full-stack", "draft")
    qtbot.waitUntil(lambda: view.up_to_date)
    assert cell(view, FULL, draft.title).data() == "0 h\n100 %"
    assert cell(view, draft.title, FULL).data() == "0 h\n0 %"
    assert "(100 %): contains" in cell(view, FULL, draft.title).data(Qt.ItemDataRole.ToolTipRole)
    # The workbook says the same: shared hours, then the share of the next program.
    path = tmp_path / "out.xlsx"
    export_workbook(window.document.catalog, path)
    sheet = openpyxl.load_workbook(path)["Stackability"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] == "MS-FSD"]
    headers = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "Holds \\ next")
    column = headers.index("DRAFT")
    assert [row[column] for row in rows] == [0, 1]  # 0 h, 100 %
    prc = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "MS-PRC")
    assert prc[column] == "—"  # shares nothing


@pytest.fixture(scope="module")
def thirty_path(tmp_path_factory):
    return generated_file(tmp_path_factory, 30)


@pytest.fixture
def thirty_window(qtbot, thirty_path):
    yield from opened_window(qtbot, thirty_path)


def test_no_name_in_the_graph_of_30_certificates_is_hidden_under_another(thirty_window, qtbot):
    graph = shown_graph(thirty_window, qtbot)
    assert len(thirty_window.document.catalog.programs) == 30
    shapes = list(graph.nodes.values())
    assert len(shapes) > 60
    for n, shape in enumerate(shapes):  # hidden, a name would stay hidden at any zoom
        assert not any(
            shape.sceneBoundingRect().intersects(other.sceneBoundingRect())
            for other in shapes[n + 1 :]
        ), shape.toolTip()


def test_ctrl_wheel_zooms_the_graph_of_30_certificates_about_the_pointer(thirty_window, qtbot):
    graph = shown_graph(thirty_window, qtbot)
    view = thirty_window.stackability
    # It opens with its names readable, too large to be whole; Fit (Ctrl+0) shows it whole.
    assert graph.zoom == pytest.approx(0.8) and not whole_graph_in_view(graph)
    qtbot.keyClick(view.table, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert whole_graph_in_view(graph)
    middle = graph.viewport().rect().center()
    courses = [shape for shape in graph.nodes.values() if isinstance(shape, QGraphicsEllipseItem)]
    course = min(courses, key=lambda s: (on_screen(graph, s).center() - middle).manhattanLength())
    fitted = on_screen(graph, course)
    pointer = fitted.center()
    wheel(graph, pointer, 3)
    zoomed = on_screen(graph, course)
    assert zoomed.width() == pytest.approx(fitted.width() * 1.25**3, rel=0.05)
    # Still under the pointer, to the rounding of both to whole pixels.
    assert (zoomed.center() - pointer).manhattanLength() <= 3
    assert not whole_graph_in_view(graph)
    assert view.zoom_label.text() == f"{100 * graph.transform().m11():.0f} %"
    # The wheel alone scrolls and does not zoom; turned back with Ctrl, it is as it was.
    wheel(graph, pointer, -1, Qt.KeyboardModifier.NoModifier)
    assert on_screen(graph, course).width() == pytest.approx(zoomed.width(), rel=0.01)
    assert on_screen(graph, course).center() != zoomed.center()
    wheel(graph, pointer, -3)
    assert on_screen(graph, course).width() == pytest.approx(fitted.width(), rel=0.01)
    assert whole_graph_in_view(graph)


def test_the_zoom_keys_and_the_fit_button_keep_the_zoom_within_limits(window, qtbot):
    graph = shown_graph(window, qtbot)
    view = window.stackability
    csharp = graph.nodes["introduction-to-programming-with-csharp"]
    life_size = csharp.sceneBoundingRect().width()
    assert whole_graph_in_view(graph)  # a small catalog opens fitted
    fitted = on_screen(graph, csharp).width()
    ctrl = Qt.KeyboardModifier.ControlModifier
    # The designer clicks the graph's background, then presses the keys.
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    qtbot.keyClick(graph, Qt.Key.Key_Equal, ctrl)
    assert on_screen(graph, csharp).width() == pytest.approx(fitted * 1.25, rel=0.02)
    qtbot.keyClick(graph, Qt.Key.Key_Plus, ctrl)  # Ctrl++ (QKeySequence.ZoomIn) too
    assert on_screen(graph, csharp).width() == pytest.approx(fitted * 1.25**2, rel=0.02)
    for _ in range(20):
        qtbot.keyClick(graph, Qt.Key.Key_Equal, ctrl)
    # No further than four times life size.
    assert on_screen(graph, csharp).width() == pytest.approx(4 * life_size, rel=0.02)
    assert view.zoom_label.text() == "400 %"
    # From the matrix too: Ctrl+- zooms the graph out, no further than the whole graph.
    click_cell(qtbot, view, cell(view, PR, FULL))
    assert view.table.hasFocus()
    for _ in range(30):
        qtbot.keyClick(view.table, Qt.Key.Key_Minus, ctrl)
    assert whole_graph_in_view(graph)
    assert on_screen(graph, csharp).width() == pytest.approx(fitted, rel=0.02)
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, ctrl)
    assert not whole_graph_in_view(graph)
    qtbot.keyClick(view.table, Qt.Key.Key_0, ctrl)
    assert whole_graph_in_view(graph)
    # Zoomed in again, the Fit button shows the whole graph.
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, ctrl)
    qtbot.keyClick(view.table, Qt.Key.Key_Equal, ctrl)
    assert not whole_graph_in_view(graph)
    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert whole_graph_in_view(graph)
    assert on_screen(graph, csharp).width() == pytest.approx(fitted, rel=0.02)
    qtbot.mouseClick(view.zoom_in_button, Qt.MouseButton.LeftButton)
    assert on_screen(graph, csharp).width() == pytest.approx(fitted * 1.25, rel=0.02)
    qtbot.mouseClick(view.zoom_out_button, Qt.MouseButton.LeftButton)
    assert on_screen(graph, csharp).width() == pytest.approx(fitted, rel=0.02)


def test_dragging_the_zoomed_graph_along_does_not_leave_the_page(window, qtbot):
    graph = shown_graph(window, qtbot)
    course = graph.nodes["introduction-to-programming-with-csharp"]
    background = QPoint(3, 3)
    assert graph.itemAt(background) is None
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=background)
    qtbot.keyClick(graph, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert not whole_graph_in_view(graph)
    csharp = on_screen(graph, course).center()
    assert graph.viewport().rect().contains(csharp)
    # Pressed on the background, let go over a course once the graph has moved along.
    qtbot.mousePress(graph.viewport(), Qt.MouseButton.LeftButton, pos=background)
    qtbot.mouseMove(graph.viewport(), csharp)
    qtbot.mouseRelease(graph.viewport(), Qt.MouseButton.LeftButton, pos=csharp)
    assert window.pages.currentWidget() is window.stackability
    assert on_screen(graph, course).center() != csharp  # the graph moved with the mouse
    # A click on the course finds it in the tree, as before.
    csharp = on_screen(graph, course).center()
    qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=csharp)
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.id == "introduction-to-programming-with-csharp"


@pytest.fixture(scope="module")
def sixty_path(tmp_path_factory):
    return generated_file(tmp_path_factory, 60, seed=7)


@pytest.fixture
def sixty_window(qtbot, sixty_path):
    yield from opened_window(qtbot, sixty_path)


def test_a_large_portfolio_s_graph_shows_the_pair_chosen_in_the_matrix(sixty_window, qtbot):
    """The whole graph of 500 certificates fits the page at 2 %: from 50 the graph starts
    with the pair of the cell chosen, and the box shows the whole again."""
    window = sixty_window
    graph = shown_graph(window, qtbot)
    view = window.stackability
    assert view.around.isChecked() and graph.nodes == {}
    prompt = [i for i in graph.scene().items() if hasattr(i, "toPlainText")]
    assert prompt[0].toPlainText().startswith("Click a cell of the matrix")

    catalog = window.document.catalog
    source, target = next(key for key, found in view.whole.cells.items() if found.shared_courses)
    titles = (catalog.program(source).title, catalog.program(target).title)
    click_cell(qtbot, view, cell(view, *titles))
    shown = set(graph.nodes)
    assert {source, target} <= shown
    shared = set(view.whole.cells[(source, target)].shared_courses)
    assert shared <= shown
    users = {p.id for c in shared for p in catalog.programs_using(c)}
    assert users <= shown and len(shown) < view.whole.graph.number_of_nodes()
    outlines = {unit_id: shape.pen().widthF() for unit_id, shape in graph.nodes.items()}
    others = users - {source, target}
    assert others and min(outlines[source], outlines[target]) > max(outlines[o] for o in others)

    qtbot.mouseClick(view.around, Qt.MouseButton.LeftButton)  # the whole portfolio
    assert not view.around.isChecked()
    assert len(graph.nodes) == view.whole.graph.number_of_nodes()
    assert {p.id for p in catalog.programs} <= set(graph.nodes)
    qtbot.mouseClick(view.around, Qt.MouseButton.LeftButton)
    assert set(graph.nodes) == shown


def test_a_small_portfolio_s_graph_shows_every_certificate(window, qtbot):
    graph = shown_graph(window, qtbot)
    assert not window.stackability.around.isChecked()
    assert {"full-stack", "back-end", "front-end", "pr-communications"} <= set(graph.nodes)
