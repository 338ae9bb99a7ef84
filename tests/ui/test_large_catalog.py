"""A generated catalog of 50 programs in the window: the tree builds only what is shown, and
an edit updates what shows it, in place, without rebuilding the tree or the pages."""

import pytest
from PySide6.QtCore import QModelIndex, Qt
from window_actions import LARGE_PROGRAMS, open_page, opened_window, retype

from designer.model import Course, Item, Module, Totals
from designer.model.edits import SetField
from designer.model.totals import format_hours
from designer.sharing.overlap import overlap_matrix
from designer.ui.tree_model import HOURS

WAIT_MS = 60_000  # background work on a loaded machine; the tests wait for an event


@pytest.fixture
def window(qtbot, large_path):
    yield from opened_window(qtbot, large_path)


def unit_at(window, index):
    return window.tree_model.node(window.proxy.mapToSource(index)).unit


def click(window, qtbot, index):
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tree.currentIndex() == index


def expand(window, qtbot, index):
    """As a designer does: select the row and press the right arrow."""
    click(window, qtbot, index)
    qtbot.keyClick(window.tree, Qt.Key.Key_Right)
    assert window.tree.isExpanded(index)


def an_item(window, qtbot, program_row=0, course_row=0):
    """The first item of the first module of a course, shown and selected in the tree."""
    model = window.tree.model()
    course = model.index(course_row, 0, model.index(program_row, 0))
    expand(window, qtbot, course)
    module = model.index(0, 0, course)
    expand(window, qtbot, module)
    item = model.index(0, 0, module)
    click(window, qtbot, item)
    return course, module, item


def test_opening_builds_tree_nodes_only_for_the_rows_shown(window, qtbot):
    catalog = window.document.catalog
    model = window.tree_model
    window.tree.viewport().repaint()  # every row on screen asked for, arrows included
    expanded = [
        p
        for row, p in enumerate(catalog.programs)
        if window.tree.isExpanded(window.proxy.index(row, 0))
    ]
    assert expanded  # the window opens the first programs
    # The programs, and the courses of the programs open: no module or item yet.
    assert model.built_count() == LARGE_PROGRAMS + sum(len(p.course_ids) for p in expanded)
    assert not any(model.places(module_id) for module_id in catalog.modules)
    units = len(catalog.programs) + len(catalog.courses) + len(catalog.modules)
    units += sum(len(m.items) for m in catalog.modules.values())
    assert model.built_count() < units / 20

    course = window.tree.model().index(0, 0, window.proxy.index(0, 0))
    unit = unit_at(window, course)
    assert isinstance(unit, Course)
    before = model.built_count()
    expand(window, qtbot, course)
    window.tree.viewport().repaint()
    # Its modules now have a node each (this place of the course): their items do not.
    assert model.built_count() == before + len(unit.module_ids)
    assert all(len(model.places(m)) >= 1 for m in unit.module_ids)
    assert [
        window.tree.model().index(r, 0, course).data() for r in range(len(unit.module_ids))
    ] == [catalog.modules[m].title for m in unit.module_ids]
    assert not any(
        model.places(item.id) for m in unit.module_ids for item in catalog.modules[m].items
    )


def test_typing_minutes_updates_the_program_total_in_place(window, qtbot):
    catalog = window.document.catalog
    proxy = window.tree.model()
    course, module, item = an_item(window, qtbot)
    program = catalog.programs[0]
    unit = unit_at(window, item)
    assert isinstance(unit, Item) and isinstance(unit_at(window, module), Module)
    other_course = proxy.index(1, 0, proxy.index(0, 0))
    expand(window, qtbot, other_course)
    click(window, qtbot, item)
    program_hours = proxy.index(0, HOURS)
    before = program_hours.data(), window.totals_bar.ects.text()
    resets = []
    for model in (window.tree_model, window.proxy):
        model.modelReset.connect(lambda: resets.append("reset"))
        model.layoutChanged.connect(lambda: resets.append("layout"))
    built = window.tree_model.built_count()

    minutes = 7 if unit.minutes != 7 else 8
    retype(qtbot, window.editor.fields["minutes"].editor, str(minutes))

    assert unit.minutes == minutes
    fresh = Totals(catalog)
    expected = fresh.program(program)
    fresh.close()
    assert window.totals_bar.ects.text() == expected.ects_text(catalog.settings.rounding)
    assert program_hours.data() == f"{format_hours(expected.hours)} h"
    assert (program_hours.data(), window.totals_bar.ects.text()) != before
    assert item.siblingAtColumn(HOURS).data() == f"{minutes} min"
    assert window.totals_bar.selected.text() == f"Selected: {minutes} min"
    # In place: no reset, nothing rebuilt, and the designer's view as it was.
    assert resets == []
    assert window.tree_model.built_count() == built
    assert window.tree.isExpanded(course) and window.tree.isExpanded(module)
    assert window.tree.isExpanded(other_course)
    assert window.tree.currentIndex() == item
    assert window.editor.unit is unit


def test_the_pathway_panel_shows_edits_made_while_it_was_hidden(window, qtbot):
    catalog = window.document.catalog
    panel = window.pathways
    open_page(window, qtbot, "Pathways")
    program = catalog.programs[0]
    panel.target.setCurrentIndex(panel.target.findData(program.id))
    first = panel.holdings.item(0)
    summary = panel.summary.text()
    assert summary.startswith("Credited 0 h; ")

    open_page(window, qtbot, "Design")
    *_, item = an_item(window, qtbot)
    unit = unit_at(window, item)
    retype(qtbot, window.editor.fields["minutes"].editor, str(unit.minutes + 60))
    assert panel.summary.text() == summary  # hidden: nothing computed yet
    open_page(window, qtbot, "Pathways")
    remaining = Totals(catalog)
    hours = remaining.hours(program)
    remaining.close()
    assert panel.summary.text().startswith(f"Credited 0 h; {format_hours(hours)} h remain")
    assert panel.summary.text() != summary
    # Only figures changed: the 600 holdings were kept, not listed again.
    assert panel.holdings.item(0) is first

    # Shown, it follows an undo once edits pause.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: panel.summary.text() == summary)

    # A new title is listed again.
    open_page(window, qtbot, "Design")
    program_index = window.tree.model().index(0, 0)
    click(window, qtbot, program_index)
    retype(qtbot, window.editor.fields["title"].editor, "Renamed certificate")
    open_page(window, qtbot, "Pathways")
    assert panel.holdings.item(0).text() == "Renamed certificate"
    assert panel.target.currentText() == "Renamed certificate"


def cell(view, source, target):
    matrix = view.matrix
    return matrix.index(matrix.programs.index(source), matrix.programs.index(target)).data()


def test_the_stackability_page_follows_edits_and_keeps_its_graph_when_only_hours_or_names_change(
    window, qtbot
):
    catalog = window.document.catalog
    view = window.stackability
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    assert view.around.isChecked()  # 50 certificates: the graph starts with a pair
    qtbot.mouseClick(view.around, Qt.MouseButton.LeftButton)  # the whole portfolio
    # A course two programs share, and one of its items.
    course = next(
        c for c in catalog.courses.values() if len(catalog.users(c.id)) >= 2 and c.module_ids
    )
    source, target = (catalog.program(p) for p in catalog.users(course.id)[:2])
    before = cell(view, source, target)
    graph_node = view.graph.nodes[course.id]
    item = catalog.modules[course.module_ids[0]].items[0]

    open_page(window, qtbot, "Design")
    window.show_unit(item.id)
    assert window.editor.unit is item
    retype(qtbot, window.editor.fields["minutes"].editor, str(item.minutes + 120))
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    found = overlap_matrix(catalog, window.document.totals)[(source.id, target.id)]
    assert (
        cell(view, source, target)
        == f"{format_hours(found.shared_hours)} h\n{100 * found.coverage:.0f} %"
    )
    assert cell(view, source, target) != before
    assert view.graph.nodes[course.id] is graph_node  # what is shared did not change

    open_page(window, qtbot, "Design")
    window.show_unit(course.id)
    retype(qtbot, window.editor.fields["title"].editor, "A shared course renamed")
    open_page(window, qtbot, "Stackability")
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    # The same shape, renamed where it stands.
    assert view.graph.nodes[course.id] is graph_node
    assert graph_node.toolTip() == "A shared course renamed"
    label = graph_node.childItems()[0]
    assert label.text() == "A shared course renamed"
    assert graph_node.rect().contains(label.mapRectToParent(label.boundingRect()))


def test_a_filtered_tree_still_finds_units_below_unopened_rows(window, qtbot):
    catalog = window.document.catalog
    module = catalog.modules[catalog.courses[catalog.programs[-1].course_ids[-1]].module_ids[-1]]
    window.filter.setText(module.title)
    proxy = window.tree.model()
    found = []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            found.append(index.data())
            if proxy.hasChildren(index):
                walk(index)

    walk(QModelIndex())
    assert module.title in found
    assert catalog.programs[-1].title in found
    window.filter.clear()
    assert proxy.rowCount() == LARGE_PROGRAMS


def test_a_short_filter_opens_the_first_matches_not_the_whole_tree(window, qtbot):
    qtbot.keyClicks(window.filter, "s")  # in nearly every title
    proxy = window.tree.model()
    opened = [
        proxy.index(r, 0)
        for r in range(proxy.rowCount())
        if window.tree.isExpanded(proxy.index(r, 0))
    ]
    assert opened  # the first matches show in their context
    assert window.tree.isExpanded(proxy.index(0, 0))
    assert not window.tree.isExpanded(proxy.index(proxy.rowCount() - 1, 0))
    units = sum(len(m.items) for m in window.document.catalog.modules.values())
    assert window.tree_model.built_count() < units / 5
    qtbot.keyClicks(window.filter, "ql")
    catalog = window.document.catalog
    expected = [p.title for p in catalog.programs if mentions(catalog, p, "sql")]
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == expected


def mentions(catalog, unit, text):
    """Whether the unit, or one below it, has the text in its title, code or outcomes."""
    texts = [unit.title, getattr(unit, "code", "")]
    texts += [o.text for o in getattr(unit, "outcomes", [])]
    if any(text in t.casefold() for t in texts):
        return True
    if isinstance(unit, Item):
        return False
    if isinstance(unit, Module):
        below = unit.items
    elif isinstance(unit, Course):
        below = catalog.modules_of(unit)
    else:
        below = catalog.courses_of(unit)
    return any(mentions(catalog, b, text) for b in below)


def test_the_filter_follows_edits_made_while_it_is_on(window, qtbot):
    catalog = window.document.catalog
    program = catalog.programs[-1]
    course = catalog.courses[program.course_ids[0]]
    qtbot.keyClicks(window.filter, "zebra crossing")
    proxy = window.tree.model()
    assert proxy.rowCount() == 0
    window.document.push([SetField(course, "title", "Zebra Crossing Basics")], "rename")
    qtbot.waitUntil(lambda: proxy.rowCount() >= 1)
    programs = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert program.title in programs
    shown = tree_rows(proxy, proxy.index(programs.index(program.title), 0))
    assert "Zebra Crossing Basics" in shown
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: proxy.rowCount() == 0)


def tree_rows(proxy, parent):
    return [proxy.index(r, 0, parent).data() for r in range(proxy.rowCount(parent))]
