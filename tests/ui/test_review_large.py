"""A provider's portfolio in the window, used as a designer uses it: the tree's filter
typed and cleared, and units renamed, moved, added and deleted while it is on."""

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from window_actions import LARGE_PROGRAMS, opened_window, retype

from designer.model import Course, Item, Module, Program
from designer.model.edits import SetField
from designer.ui import tree_model


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
    assert proxy.rowCount() == LARGE_PROGRAMS
    # The tree as the designer left it, and the row they found still in view.
    assert window.selected_node() is chosen
    node, opened = chosen.parent, open_nodes(window)
    while node.parent is not None:
        assert node in opened
        node = node.parent
    assert [n for n in opened if n in before] == before
    assert len(opened) <= len(before) + 3  # the rows above it at most: none of the filter's


def test_a_title_typed_while_filtering_is_searched_without_reading_every_unit_again(
    window, qtbot, reads
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
    reads.clear()  # what the filter read when the text was typed

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
    assert reads and set(reads) == {course.id}


def test_moving_a_unit_in_a_filtered_tree_does_not_read_every_unit_again(window, qtbot, reads):
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
    reads.clear()  # what the filter read when the text was typed
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)  # the event loop runs: the filter would read the texts again now
    assert window.document.undo_stack.count() == 1
    assert shown() == [before[1], before[0], *before[2:]]  # past the next row shown
    assert window.selected_node().unit is course
    window.undo_action.trigger()
    qtbot.wait(50)
    assert shown() == before
    assert reads == []


# ---- units added and deleted while filtering, and the filter's first keystroke -----------

FOUND = "data"  # in hundreds of the generated titles; not in "New item"


@pytest.fixture
def reads(monkeypatch):
    """The ids of the units whose texts the filter reads from now on, in order."""
    read = []
    real = tree_model._searched

    def searched(unit):
        read.append(unit.id)
        return real(unit)

    monkeypatch.setattr(tree_model, "_searched", searched)
    return read


def matches(unit, text):
    """Whether text is in the unit's title, code or outcomes (an item's title)."""
    texts = [unit.title]
    if not isinstance(unit, Item):
        texts += [unit.code, *(outcome.text for outcome in unit.outcomes)]
    return any(text in each.casefold() for each in texts)


def rows_to_find(catalog, text):
    """The rows the filter is to show for text, worked out from the catalog alone: the units
    that match, the units above them and everything in them, as (depth, unit id)."""

    def children(unit):
        if isinstance(unit, Program):
            return catalog.courses_of(unit)
        if isinstance(unit, Course):
            return catalog.modules_of(unit)
        return unit.items if isinstance(unit, Module) else []

    def walk(unit, depth, inside):
        """The unit's rows, and whether it or a unit below it matches."""
        own = matches(unit, text)
        below, found = [], own
        for child in children(unit):
            rows, child_found = walk(child, depth + 1, inside or own)
            below += rows
            found = found or child_found
        return ([(depth, unit.id), *below] if inside or found else []), found

    return [row for program in catalog.programs for row in walk(program, 0, False)[0]]


def child_rows(window, parent=QModelIndex()):
    proxy = window.tree.model()
    return [proxy.index(row, 0, parent) for row in range(proxy.rowCount(parent))]


def unit_of(window, row):
    return window.tree_model.node(window.proxy.mapToSource(row)).unit


def shown_rows(window):
    """Every row the tree shows, open or not, as (depth, unit id), in the tree's order."""
    rows = []

    def walk(parent, depth):
        for row in child_rows(window, parent):
            rows.append((depth, unit_of(window, row).id))
            walk(row, depth + 1)

    walk(QModelIndex(), 0)
    return rows


def assert_shows_what_retyping_shows(window, qtbot, text=FOUND):
    """The filter is on, and the tree shows what its text finds in the catalog as it now
    is: what clearing the filter and typing the text again shows."""
    qtbot.wait(50)  # the filter looks again once the event loop runs
    assert window.filter.text() == text
    rows = shown_rows(window)
    assert rows == rows_to_find(window.document.catalog, text)
    window.filter.clear()
    qtbot.keyClicks(window.filter, text)
    assert shown_rows(window) == rows


def module_rows(window):
    """The rows of the modules the tree shows, in its order."""
    for program in child_rows(window):
        for course in child_rows(window, program):
            yield from child_rows(window, course)


def click_module_shown_whole(window, qtbot):
    """Filter by FOUND, and click the first module the tree shows with all its items (it,
    or its course, matches): a new item in it shows too. The module, and its row."""
    qtbot.keyClicks(window.filter, FOUND)
    row = next(
        row
        for row in module_rows(window)
        if 0 < len(child_rows(window, row)) == len(unit_of(window, row).items)
    )
    click(window, qtbot, row)
    return unit_of(window, row), QPersistentModelIndex(row)


def test_an_item_added_deleted_and_undone_while_filtering_is_the_only_unit_read(
    window, qtbot, reads
):
    """Each unit added or deleted while filtering made the filter read the texts of all
    150,000 units again: 0.25-0.5 s for each add, delete, paste or undo."""
    module, module_row = click_module_shown_whole(window, qtbot)
    reads.clear()
    window.add_item_action.trigger()
    item = module.items[-1]
    assert window.selected_node().unit is item and item.title == "New item"
    qtbot.wait(50)  # the filter would look again now
    assert reads == [item.id]
    assert_shows_what_retyping_shows(window, qtbot)

    row = next(row for row in child_rows(window, module_row) if unit_of(window, row) is item)
    click(window, qtbot, row)
    window.delete_action.trigger()
    assert item not in module.items
    qtbot.wait(50)
    assert reads == [item.id]  # none since the add
    assert_shows_what_retyping_shows(window, qtbot)

    window.undo_action.trigger()
    assert module.items[-1] is item
    qtbot.wait(50)
    assert reads == [item.id, item.id]
    assert_shows_what_retyping_shows(window, qtbot)

    # Named, it is found by its own title, below a module the text does not find.
    assert window.editor.unit is item
    retype(qtbot, window.editor.fields["title"].editor, "Quokka quiz")
    retype(qtbot, window.filter, "quokka")
    assert_shows_what_retyping_shows(window, qtbot, "quokka")
    assert (3, item.id) in shown_rows(window) and set(reads) == {item.id}


def test_a_module_duplicated_deleted_and_undone_while_filtering_reads_only_its_texts(
    window, qtbot, reads, dialogs
):
    """A module duplicated, then deleted from the catalog and the deletion undone and
    redone: only the new module's texts are read, when it comes into the catalog."""
    catalog = window.document.catalog
    module, module_row = click_module_shown_whole(window, qtbot)
    reads.clear()
    window.duplicate_action.trigger()
    copy = window.selected_node().unit
    assert isinstance(copy, Module) and copy is not module and copy.title == module.title
    qtbot.wait(50)
    assert reads == [copy.id]  # and its items' titles, read without _searched
    assert_shows_what_retyping_shows(window, qtbot)

    rows = child_rows(window, module_row.parent())
    click(window, qtbot, next(row for row in rows if unit_of(window, row) is copy))
    dialogs.answer("Delete")  # used nowhere else: it leaves the catalog
    window.delete_action.trigger()
    assert copy.id not in catalog.modules and "used nowhere else" in dialogs.seen[0]
    window.undo_action.trigger()
    assert catalog.modules[copy.id] is copy
    window.redo_action.trigger()
    assert copy.id not in catalog.modules
    qtbot.wait(50)
    assert reads == [copy.id, copy.id]  # once more by the undo, which put it back
    assert_shows_what_retyping_shows(window, qtbot)


def test_a_copy_of_an_item_found_pasted_beside_it_while_filtering_shows(window, qtbot, reads):
    """Pasted into a module the tree shows for that item alone, the copy is selected and
    shown with the filter still on; only its texts are read."""
    qtbot.keyClicks(window.filter, FOUND)
    module_row = next(
        row
        for row in module_rows(window)
        if 0 < len(child_rows(window, row)) < len(unit_of(window, row).items)
    )
    module, found_row = unit_of(window, module_row), child_rows(window, module_row)[0]
    found = unit_of(window, found_row)
    assert matches(found, FOUND) and not matches(module, FOUND)
    click(window, qtbot, found_row)
    window.copy_action.trigger()
    reads.clear()
    window.paste_action.trigger()
    pasted = module.items[module.items.index(found) + 1]
    assert pasted.title == found.title and pasted is not found
    # Selected as it came in, the copy is shown: the filter stays on (the window cleared
    # it, the copy being hidden until the filter looked again).
    assert window.filter.text() == FOUND
    assert window.selected_node().unit is pasted
    assert reads == [pasted.id]
    assert_shows_what_retyping_shows(window, qtbot)

    window.undo_action.trigger()  # (undo and redo leave the filter as it is)
    assert pasted not in module.items
    assert_shows_what_retyping_shows(window, qtbot)
    window.redo_action.trigger()
    assert pasted in module.items
    assert_shows_what_retyping_shows(window, qtbot)
    assert reads == [pasted.id, pasted.id]


def test_a_shared_course_taken_out_of_a_program_while_filtering_leaves_it_out(window, qtbot, reads):
    """A shared course, the only unit the text finds in one of its programs: taken out of
    that program, the program is no longer shown, and no unit's texts are read."""
    catalog = window.document.catalog
    qtbot.keyClicks(window.filter, FOUND)
    program_row, course_row = next(
        (program, courses[0])
        for program in child_rows(window)
        if not matches(unit_of(window, program), FOUND)
        and len(courses := child_rows(window, program)) == 1
        and len(catalog.users(unit_of(window, courses[0]).id)) > 1
    )
    program, course = unit_of(window, program_row), unit_of(window, course_row)
    click(window, qtbot, course_row)
    reads.clear()
    window.delete_action.trigger()  # a shared course: no question
    assert course.id not in program.course_ids and len(catalog.users(course.id)) > 0
    retype(qtbot, window.filter, FOUND)  # cleared to show the row selected next, hidden
    assert (0, program.id) not in shown_rows(window)
    assert_shows_what_retyping_shows(window, qtbot)

    window.undo_action.trigger()
    assert_shows_what_retyping_shows(window, qtbot)
    assert (0, program.id) in shown_rows(window)
    window.redo_action.trigger()
    assert_shows_what_retyping_shows(window, qtbot)
    assert (0, program.id) not in shown_rows(window)
    assert reads == []


def index_ready(window):
    """Whether the filter has read every unit's texts (its slices are over)."""
    return window.proxy._index is not None and window.proxy._steps is None


def press_ctrl_f(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter.hasFocus()


def test_the_first_keystroke_in_the_filter_reads_no_unit(window, qtbot, reads):
    """Reading every unit's texts on the first keystroke froze the window half a second
    (500 programs): they are read a few milliseconds at a time, between the window's
    events, from when the cursor comes into the filter."""
    catalog = window.document.catalog
    units = [*catalog.programs, *catalog.courses.values(), *catalog.modules.values()]
    press_ctrl_f(window, qtbot)
    assert len(reads) < len(units)  # not all at once
    qtbot.waitUntil(lambda: len(reads) == len(units))
    assert sorted(reads) == sorted(unit.id for unit in units)
    reads.clear()
    qtbot.keyClicks(window.filter, FOUND)
    assert reads == []
    assert shown_rows(window) == rows_to_find(catalog, FOUND)


def test_units_added_and_renamed_while_the_filter_gets_ready_are_found(
    window, qtbot, reads, monkeypatch
):
    """Edits made between the slices in which the filter reads the units' texts are in
    what it finds: an item added to a module it had read, a course added to a program,
    a program renamed after it was read."""
    monkeypatch.setattr(tree_model, "SLICE", 0)  # a unit a slice: the edits come between
    catalog = window.document.catalog
    programs = len(catalog.programs)
    # Of the modules in the tree, the one read first, and the program it first shows in.
    module = next(m for m in catalog.modules.values() if window.tree_model.first_place(m.id))
    node = window.tree_model.first_place(module.id)
    others = [row for row in child_rows(window)[:8] if unit_of(window, row) is not node.program()]
    press_ctrl_f(window, qtbot)
    qtbot.waitUntil(lambda: len(reads) > programs)  # the programs come first

    click(window, qtbot, others[0])
    window.add_course_action.trigger()  # the cursor goes to its title, "New course" selected
    course = window.selected_node().unit
    qtbot.keyClicks(QApplication.focusWidget(), "Quokka course")
    assert course.title == "Quokka course"
    read = len(reads)
    qtbot.waitUntil(lambda: module.id in reads[read:])
    click(window, qtbot, window.proxy.mapFromSource(window.tree_model.index_of(node)))
    window.add_item_action.trigger()
    item = module.items[-1]
    qtbot.keyClicks(QApplication.focusWidget(), "Quokka quiz")
    assert item.title == "Quokka quiz"
    read = len(reads)
    qtbot.waitUntil(lambda: len(reads) > read + programs)
    click(window, qtbot, others[1])
    renamed = unit_of(window, others[1])
    retype(qtbot, window.editor.fields["title"].editor, "Quokka certificate")
    assert renamed.title == "Quokka certificate"
    assert not index_ready(window)
    qtbot.waitUntil(lambda: index_ready(window))

    reads.clear()
    window.filter.setFocus()
    qtbot.keyClicks(window.filter, "quokka")
    assert reads == []
    rows = shown_rows(window)
    assert rows == rows_to_find(catalog, "quokka")
    assert {(0, renamed.id), (1, course.id), (3, item.id)} <= set(rows)
    window.filter.clear()
    qtbot.keyClicks(window.filter, FOUND)
    assert shown_rows(window) == rows_to_find(catalog, FOUND)


# ---- a text typed a letter at a time, and titles changed while it is on -------------------


def below(catalog, unit):
    if isinstance(unit, Program):
        return catalog.courses_of(unit)
    if isinstance(unit, Course):
        return catalog.modules_of(unit)
    return unit.items if isinstance(unit, Module) else []


def rows_to_open(catalog, text):
    """The rows the filter is to open for text, worked out from the catalog alone: those
    with a match below them, in the tree's order, the first OPEN_LIMIT of them."""
    found = {}

    def found_in(unit):
        if unit.id not in found:
            found[unit.id] = matches(unit, text) or any(map(found_in, below(catalog, unit)))
        return found[unit.id]

    opened = []

    def walk(unit):
        if len(opened) < tree_model.OPEN_LIMIT and any(map(found_in, below(catalog, unit))):
            opened.append(unit.id)
            for child in below(catalog, unit):
                walk(child)

    for program in catalog.programs:
        walk(program)
    return opened


def assert_arrows_only_where_rows_are_below(window):
    """Each row the tree shows has an arrow (hasChildren) if and only if it has rows."""
    proxy = window.tree.model()
    pending = [QModelIndex()]
    while pending:
        for row in child_rows(window, pending.pop()):
            assert proxy.hasChildren(row) == (proxy.rowCount(row) > 0), unit_of(window, row)
            pending.append(row)


@pytest.mark.parametrize("typed", ["sql", "data"])
def test_each_letter_typed_shows_opens_and_draws_what_its_text_finds(window, qtbot, typed):
    """A letter at a time, the first found in nearly every title: the rows shown are the
    units that match, the units above them and all below them; the first ones with a match
    below them are open, and drawn once the event loop has run."""
    catalog = window.document.catalog
    window.filter.setFocus()
    for length in range(1, len(typed) + 1):
        text = typed[:length]
        qtbot.keyClick(window.filter, text[-1])
        assert window.filter.text() == text
        assert [node.unit.id for node in open_nodes(window)] == rows_to_open(catalog, text)
        qtbot.wait(10)  # the tree lays out its open rows and draws them
        first = window.tree.model().index(0, 0)
        assert window.tree.visualRect(first).isValid()
        assert window.tree.indexAt(window.tree.visualRect(first).center()) == first
        if length > 1:  # (the first letter's rows are nearly the whole catalog)
            assert shown_rows(window) == rows_to_find(catalog, text)
            assert_arrows_only_where_rows_are_below(window)


def test_an_item_renamed_while_filtering_shows_or_goes_when_the_filter_looks_again(
    window, qtbot, reads
):
    """An item shown for its own title, renamed so that it no longer matches: it stays
    until the filter looks again (the rows Qt asks about meanwhile get the last look's
    answers), then goes, and only its texts are read. Undone, it is back; an item not
    shown renamed to match shows."""
    catalog = window.document.catalog
    qtbot.keyClicks(window.filter, FOUND)
    module_row = next(
        row
        for row in module_rows(window)
        if 0 < len(child_rows(window, row)) < len(unit_of(window, row).items)
    )
    item_row = child_rows(window, module_row)[0]
    item, module = unit_of(window, item_row), unit_of(window, module_row)
    assert matches(item, FOUND) and not matches(module, FOUND)
    click(window, qtbot, item_row)
    reads.clear()
    window.document.push([SetField(item, "title", "Quokka quiz")], "rename")
    assert (3, item.id) in shown_rows(window)  # the filter has not looked again yet
    qtbot.wait(50)
    assert (3, item.id) not in shown_rows(window)
    assert_shows_what_retyping_shows(window, qtbot)
    assert set(reads) == {item.id}

    window.undo_action.trigger()
    qtbot.wait(50)
    assert (3, item.id) in shown_rows(window)
    assert_shows_what_retyping_shows(window, qtbot)

    shown = shown_rows(window)
    hidden = next(
        i
        for c in catalog.courses_of(catalog.programs[-1])
        for m in catalog.modules_of(c)
        for i in m.items
        if (3, i.id) not in shown
    )
    window.document.push([SetField(hidden, "title", "Data quokka")], "rename")
    qtbot.wait(50)
    assert (3, hidden.id) in shown_rows(window)
    assert_shows_what_retyping_shows(window, qtbot)


def test_a_letter_typed_right_after_an_edit_finds_what_the_edit_changed(window, qtbot):
    """A longer text is searched for only where the shorter one was found, unless the
    catalog's texts changed since: a course renamed, and a letter typed before the filter
    looked again, finds the course by its new title."""
    catalog = window.document.catalog
    qtbot.keyClicks(window.filter, "da")
    course = next(
        course
        for program in reversed(catalog.programs)
        for course in catalog.courses_of(program)
        if not matches(course, "da")
    )
    window.document.push([SetField(course, "title", "Quokka data course")], "rename")
    qtbot.keyClick(window.filter, "t")  # before the event loop runs
    assert (1, course.id) in shown_rows(window)
    assert shown_rows(window) == rows_to_find(catalog, "dat")
