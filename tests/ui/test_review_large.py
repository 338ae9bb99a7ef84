"""A provider's portfolio in the window, used as a designer uses it: the tree's filter
typed and cleared, and units renamed and moved while it is on."""

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from window_actions import opened_window, retype

from benchmarks.generate import generate
from designer.storage import save
from designer.ui import tree_model

PROGRAMS = 50


@pytest.fixture(scope="module")
def large_path(tmp_path_factory):
    catalog, _ = generate(programs=PROGRAMS, courses=500, seed=1)
    path = tmp_path_factory.mktemp("review") / "large.curriculum.json"
    save(catalog, path)
    return path


@pytest.fixture
def window(qtbot, large_path):
    yield from opened_window(qtbot, large_path)


def open_nodes(window):
    """The tree nodes of the rows open in the tree, in the tree's order."""
    proxy, found = window.tree.model(), []

    def walk(parent):
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if window.tree.isExpanded(index):
                found.append(window.tree_model.node(proxy.mapToSource(index)))
                walk(index)

    walk(QModelIndex())
    return found


def click(window, qtbot, index):
    window.tree.scrollTo(index)
    rect = window.tree.visualRect(index)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tree.currentIndex() == index


# ---- the tree's filter ------------------------------------------------------------------


def test_the_filter_changes_with_no_row_open_and_clearing_it_restores_the_tree(
    window, qtbot, monkeypatch
):
    """Qt moves a persistent index for each open row, for each run of rows a change of the
    filter hides or shows: with the 300 rows the last text opened, each keystroke, and
    clearing the filter, froze the window 0.5-0.9 s (500 programs). The rows close before
    each change; the designer's own are open again when the filter is cleared."""
    proxy = window.tree.model()
    course = proxy.index(0, 0, proxy.index(2, 0))
    click(window, qtbot, course)
    qtbot.keyClick(window.tree, Qt.Key.Key_Right)  # the designer opens a course
    before = open_nodes(window)
    assert window.tree_model.node(proxy.mapToSource(course)) in before
    open_at_change = []
    real_set_text = window.proxy.set_text

    def set_text(text):
        open_at_change.append(len(open_nodes(window)))
        real_set_text(text)

    monkeypatch.setattr(window.proxy, "set_text", set_text)

    qtbot.keyClicks(window.filter, "s")  # in nearly every title: the first matches open
    assert len(open_nodes(window)) > 100
    qtbot.keyClicks(window.filter, "ql")
    wanted = [window.tree_model.node(proxy.mapToSource(i)) for i in proxy.rows_to_open()]
    assert wanted and open_nodes(window) == wanted
    # The designer picks a row the filter found, deep in a program they had not opened.
    found = proxy.rows_to_open()[-1]
    click(window, qtbot, found)
    chosen = window.selected_node()

    window.filter.clear()
    assert open_at_change == [0, 0, 0, 0]
    assert proxy.rowCount() == PROGRAMS
    # The tree as the designer left it, and the row they found still in view.
    assert window.selected_node() is chosen
    node, opened = chosen.parent, open_nodes(window)
    while node.parent is not None:
        assert node in opened
        node = node.parent
    assert [n for n in opened if n in before] == before
    assert len(opened) <= len(before) + 3  # the rows above it at most: none of the filter's


def test_a_title_typed_while_filtering_is_searched_without_reading_every_unit_again(
    window, qtbot, monkeypatch
):
    """Each keystroke of a title used to make the filter read the texts of all 150,000
    units again (half a second a keystroke); the filter still follows the new title."""
    catalog = window.document.catalog
    program = catalog.programs[1]
    course = catalog.courses[program.course_ids[0]]
    qtbot.keyClicks(window.filter, course.title)
    proxy = window.tree.model()
    shown = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    program_row = next(i for i in shown if i.data() == program.title)
    course_row = next(
        proxy.index(r, 0, program_row)
        for r in range(proxy.rowCount(program_row))
        if proxy.index(r, 0, program_row).data() == course.title
    )
    click(window, qtbot, course_row)
    assert window.editor.unit is course
    read = []

    def searched(unit):
        read.append(unit.id)
        return real(unit)

    real = tree_model._searched
    monkeypatch.setattr(tree_model, "_searched", searched)

    def course_shown():
        rows = [proxy.index(r, 0) for r in range(proxy.rowCount())]
        rows = [i for i in rows if i.data() == program.title]
        return bool(rows) and any(
            proxy.index(r, 0, rows[0]).data() == course.title
            for r in range(proxy.rowCount(rows[0]))
        )

    title = window.editor.fields["title"].editor
    title.setFocus()
    before = course.title
    qtbot.keyClicks(title, "X")  # at the start: the title still holds what is searched
    assert course.title == "X" + before
    qtbot.wait(50)  # the filter looks again once the event loop runs
    assert course_shown()
    retype(qtbot, title, "Zebra crossing basics")  # no longer what is searched
    qtbot.waitUntil(lambda: not course_shown())
    assert read and set(read) == {course.id}


def test_moving_a_unit_in_a_filtered_tree_does_not_read_every_unit_again(
    window, qtbot, monkeypatch
):
    """A move changes no text: each Ctrl+Down used to make the filter read the texts of
    all 150,000 units again (0.45 s a key)."""
    catalog = window.document.catalog
    proxy = window.tree.model()
    qtbot.keyClicks(window.filter, "in")
    programs = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    program_row = QPersistentModelIndex(next(i for i in programs if proxy.rowCount(i) > 2))
    program = window.tree_model.node(proxy.mapToSource(program_row)).unit

    def shown():
        return [proxy.index(r, 0, program_row).data() for r in range(proxy.rowCount(program_row))]

    before = shown()
    course = catalog.courses_of(program)[0]
    assert before[0] == course.title
    click(window, qtbot, proxy.index(0, 0, program_row))
    read = []

    def searched(unit):
        read.append(unit.id)
        return real(unit)

    real = tree_model._searched
    monkeypatch.setattr(tree_model, "_searched", searched)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)  # the event loop runs: the filter would read the texts again now
    assert window.document.undo_stack.count() == 1
    assert shown() == [before[1], before[0], *before[2:]]  # past the next row shown
    assert window.selected_node().unit is course
    window.undo_action.trigger()
    qtbot.wait(50)
    assert shown() == before
    assert read == []
