"""The curriculum tree model follows the catalog edit by edit and passes Qt's model checks."""

import gc

from PySide6.QtCore import QModelIndex, Qt

from designer.model import Course, Item
from designer.model.edits import Insert, Move, Remove, SetField
from designer.ui.document import Document
from designer.ui.tree_model import (
    HOURS,
    KIND,
    SHARE,
    SHARED,
    TITLE,
    CurriculumTreeModel,
    TreeFilter,
)


def texts(model, parent=QModelIndex(), column=TITLE):
    return [model.index(r, column, parent).data() for r in range(model.rowCount(parent))]


def child(model, *rows):
    index = QModelIndex()
    for row in rows:
        index = model.index(row, 0, index)
    return index


def test_model_passes_qt_checks_through_edits(qtmodeltester, sample):
    document = Document(sample)
    model = CurriculumTreeModel(document)
    qtmodeltester.check(model)
    module = sample.modules["csharp-w1"]
    document.push([SetField(module.items[0], "minutes", 75)], "minutes")
    document.push([Insert(module, "items", 1, Item(id="extra", title="Extra", minutes=5))], "add")
    document.push([Move(module, "items", 0, 3)], "move")
    document.push([Remove(module, "items", 2)], "remove")
    qtmodeltester.check(model)


def test_the_tree_shows_programs_courses_modules_and_items(sample):
    model = CurriculumTreeModel(Document(sample))
    assert texts(model)[0] == "Microsoft Full Stack Developer Professional Certificate"
    full_stack = child(model, 0)
    assert texts(model, full_stack)[1] == "Introduction to Programming With C#"
    assert texts(model, full_stack, HOURS)[:2] == ["39 h", "30 h"]
    assert texts(model, full_stack, SHARE)[1] == "7.1 %"  # 30 of 422 hours
    assert texts(model, full_stack, SHARED)[:2] == ["", "3 programs"]
    csharp = child(model, 0, 1)
    assert texts(model, csharp) == [
        "Week 1: C# fundamentals: syntax, types and variables",
        "Week 2: Control flow and methods",
        "Week 3: Object-oriented programming in C#",
    ]
    assert texts(model, child(model, 0, 1, 0), HOURS)[0] == "15 min"
    # A kind too long for its column ("Programming a…") is read whole on hovering it.
    week_1 = child(model, 0, 1, 0)
    kinds = [model.index(r, KIND, week_1) for r in range(model.rowCount(week_1))]
    tips = [index.data(Qt.ItemDataRole.ToolTipRole) for index in kinds]
    assert "Programming assignment" in tips
    assert tips == [index.data() for index in kinds]


def test_a_shared_course_changes_under_every_program(sample, qtbot):
    document = Document(sample)
    model = CurriculumTreeModel(document)
    places = [child(model, p, 1) for p in range(3)]  # C# is second in the three programs
    for index in places:
        model.rowCount(index)  # expand it
    with qtbot.waitSignal(model.rowsInserted):
        course = sample.courses["introduction-to-programming-with-csharp"]
        document.push([Insert(course, "module_ids", 3, "intro-pr-w1")], "share a module")
    assert [model.rowCount(index) for index in places] == [4, 4, 4]
    assert {index.siblingAtColumn(HOURS).data() for index in places} == {"39 h"}
    assert child(model, 0).siblingAtColumn(HOURS).data() == "431 h"


def test_new_course_in_pool_then_linked_appears(sample):
    document = Document(sample)
    model = CurriculumTreeModel(document)
    pr = child(model, 3)
    assert model.rowCount(pr) == 5
    from designer.model.edits import AddUnit

    document.push(
        [
            AddUnit(Course(id="new", title="Capstone", hours=12)),
            Insert(sample.programs[3], "course_ids", 5, "new"),
        ],
        "add course",
    )
    assert texts(model, pr)[-1] == "Capstone"
    assert model.index(5, HOURS, pr).data() == "12 h"
    assert model.data(model.index(3, HOURS), Qt.ItemDataRole.DisplayRole) == "148 h"


def changed_cells(model):
    """Every (node, column) a dataChanged signal of the model covers, as they come."""
    cells = []

    def record(first, last, roles=()):
        parent = model.node(first.parent())
        for row in range(first.row(), last.row() + 1):
            for column in range(first.column(), last.column() + 1):
                cells.append((parent.children[row], column))

    model.dataChanged.connect(record)
    return cells


def test_an_items_minutes_refresh_its_cell_and_every_share_in_its_programs(sample):
    document = Document(sample)
    model = CurriculumTreeModel(document)
    full_stack = child(model, 0)
    csharp = child(model, 0, 1)
    week = child(model, 0, 1, 0)
    for index in (full_stack, csharp, week):
        model.rowCount(index)  # shown, as if expanded
    signals = []
    model.dataChanged.connect(lambda *args: signals.append(args))
    cells = changed_cells(model)
    item = sample.modules["csharp-w1"].items[0]

    document.push([SetField(item, "minutes", 75)], "minutes")

    item_node = model.node(child(model, 0, 1, 0, 0))
    assert (item_node, HOURS) in cells  # its own "75 min"
    assert model.index(0, HOURS, week).data() == "75 min"
    # Every share below the programs using C# (the program's hours changed), one signal
    # per list of rows rather than one per row.
    for parent in (full_stack, csharp, week):
        for row in range(model.rowCount(parent)):
            assert (model.node(model.index(row, 0, parent)), SHARE) in cells
    rows = sum(model.rowCount(parent) for parent in (full_stack, csharp, week))
    assert len(signals) < rows / 2


def test_the_filter_answers_whether_a_row_has_children_without_building_them(sample):
    model = CurriculumTreeModel(Document(sample))
    proxy = TreeFilter()
    proxy.setSourceModel(model)
    program = proxy.index(3, 0)
    assert proxy.hasChildren(program)
    assert model.built_count() == 4  # the programs only: no course asked for yet
    proxy.set_text("Introduction to Public Relations")
    assert proxy.rowCount() == 1 and proxy.hasChildren(proxy.index(0, 0))
    proxy.set_text("no unit is called this")
    assert proxy.rowCount() == 0


def test_rows_asked_for_while_a_change_is_announced_are_not_changed_twice(sample):
    # The totals hear of a change before the tree does, and their news makes a view ask
    # for a unit's rows: the tree builds them then, the change already in.
    document = Document(sample)
    model = CurriculumTreeModel(document)
    asked: list[int] = []

    def a_view_asks_for_rows(top_left, bottom_right, roles=()):
        if top_left.column() <= HOURS <= bottom_right.column():
            asked.append(model.rowCount(top_left.siblingAtColumn(0)))

    model.dataChanged.connect(a_view_asks_for_rows)
    full_stack = child(model, 0)
    csharp = model.index(1, 0, full_stack)
    assert model.node(csharp).children is None  # never opened
    course = sample.courses["introduction-to-programming-with-csharp"]
    document.push([Insert(course, "module_ids", 0, "intro-pr-w1")], "share")
    document.push([Move(course, "module_ids", 0, 3)], "move")
    # Unbuilt as the totals spoke, built while they did: the week comes once, in its place.
    assert asked
    assert texts(model, csharp) == [
        "Week 1: C# fundamentals: syntax, types and variables",
        "Week 2: Control flow and methods",
        "Week 3: Object-oriented programming in C#",
        "Week 1: What public relations is",
    ]
    for place in model.places(course.id):  # under each program that has the course
        assert place.children is None or [n.unit.id for n in place.children] == course.module_ids


def test_a_units_outcomes_table_passes_qt_checks_through_edits(qtmodeltester, sample):
    # The catalog announces an insertion or a move once made: the table must still show
    # the rows as they were until it has told Qt which ones change.
    from designer.model import Outcome
    from designer.ui.outcomes import OutcomesTable

    document = Document(sample)
    course = sample.courses["introduction-to-programming-with-csharp"]
    table = OutcomesTable(document, course)
    qtmodeltester.check(table, force_py=True)
    document.push([Insert(course, "outcomes", 0, Outcome(id="new-o", text="Design it"))], "add")
    document.push([Move(course, "outcomes", 0, 2)], "move")
    document.push([Remove(course, "outcomes", 2)], "remove")
    document.push([Insert(course.outcomes[0], "supports", 0, "front-end-o2")], "align")
    assert [table.index(r, 0).data() for r in range(table.rowCount())] == [
        o.text for o in course.outcomes
    ]
    assert table.index(0, 2).data().startswith("MS-FED #2, ")
    table.close()


def test_an_index_of_a_removed_row_still_answers(sample):
    # Qt's views and proxies keep indexes and may ask about them after the row went; an
    # index points to its tree node, which must then still be there to answer.
    document = Document(sample)
    model = CurriculumTreeModel(document)
    csharp = child(model, 0, 1)
    week = model.index(0, 0, csharp)
    model.rowCount(week)  # the course, a week and its items are built
    document.push([Remove(sample.programs[0], "course_ids", 1)], "remove C#")
    gc.collect()  # a freed course node would be gone now, its memory reused
    for _ in range(1000):
        Document(sample)
    # Rows no longer in the tree: the course and what is under it answer as rows of none.
    assert not model.parent(csharp).isValid() and not model.parent(week).isValid()
    assert csharp.data() == "Introduction to Programming With C#"
    assert model.rowCount(csharp) == 3
