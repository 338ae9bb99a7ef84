"""An item's Outcomes tab: which of its module's outcomes it checks, ticked by the designer."""

from PySide6.QtCore import Qt
from test_problems import rows
from test_structure import drag
from window_actions import select, tree_index

from designer.model.edits import SetField

FULL = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
WEEK2 = "Week 2: Control flow and methods"
DECLARE = "Declare variables of the built-in C# types and convert between them."
EXPLAIN = "Explain how value types and reference types are stored."


def open_outcomes_tab(window, qtbot):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert window.tabs.currentWidget() is window.outcomes
    return window.outcomes.item_page


def shown(page):
    entries = [page.outcomes.item(row) for row in range(page.outcomes.count())]
    return [(e.text(), e.checkState() == Qt.CheckState.Checked) for e in entries]


def toggle(page, qtbot, row):
    """Click the row, then press Space, as a designer ticks a box with the keyboard."""
    entry = page.outcomes.item(row)
    rect = page.outcomes.visualItemRect(entry)
    qtbot.mouseClick(page.outcomes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.outcomes, Qt.Key.Key_Space)


def test_ticking_an_outcome_for_an_item_is_one_undoable_edit(window, qtbot):
    item = window.document.catalog.get("csharp-w1-i4")
    select(window, qtbot, FULL, CSHARP, WEEK1, "Your first console program")
    page = open_outcomes_tab(window, qtbot)
    assert page.isVisible() and not window.outcomes.table.isVisible()
    assert shown(page) == [
        (f"#1 (Apply): {DECLARE}", False),
        (f"#2 (Understand): {EXPLAIN}", False),
    ]
    assert "not graded" in page.note.text()
    toggle(page, qtbot, 0)
    assert item.outcome_ids == ["csharp-w1-o1"]
    assert shown(page)[0] == (f"#1 (Apply): {DECLARE}", True)
    assert window.document.undo_stack.undoText() == "Change what Your first console program checks"
    window.undo_action.trigger()
    assert item.outcome_ids == [] and shown(page)[0][1] is False
    # A program, course or module shows its own outcomes again.
    select(window, qtbot, FULL, CSHARP, WEEK1)
    assert window.outcomes.table.isVisible() and not page.isVisible()


def test_unticking_the_only_graded_check_of_an_outcome_raises_a_warning(window, qtbot):
    panel = window.problems

    def unassessed():
        return [r.text(2) for r in rows(panel) if "checked by no graded item" in r.text(2)]

    qtbot.waitUntil(lambda: panel.up_to_date)
    assert unassessed() == []
    select(window, qtbot, FULL, CSHARP, WEEK1, "Module 1 graded quiz")
    page = open_outcomes_tab(window, qtbot)
    assert "graded item assesses" in page.note.text()
    assert [ticked for _, ticked in shown(page)] == [True, True]
    toggle(page, qtbot, 1)
    qtbot.waitUntil(lambda: len(unassessed()) == 1)
    assert "Explain how value types" in unassessed()[0]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: unassessed() == [])


def test_an_item_moved_to_another_week_lists_the_outcomes_it_still_names(window, qtbot):
    catalog = window.document.catalog
    quiz = catalog.get("csharp-w2-i7")
    drag(
        window,
        tree_index(window, FULL, CSHARP, WEEK2, "Module 2 graded quiz"),
        tree_index(window, FULL, CSHARP, WEEK1),
    )
    select(window, qtbot, FULL, CSHARP, WEEK1, "Module 2 graded quiz")
    page = open_outcomes_tab(window, qtbot)
    texts = [text for text, _ in shown(page)]
    assert [ticked for _, ticked in shown(page)] == [False, False, True, True, True]
    assert texts[:2] == [f"#1 (Apply): {DECLARE}", f"#2 (Understand): {EXPLAIN}"]
    assert [text.split(" (")[0] for text in texts[2:]] == [
        "MS-FSD-02-W2 #1",
        "MS-FSD-02-W2 #2",
        "MS-FSD-02-W2 #3",
    ]
    toggle(page, qtbot, 2)
    assert quiz.outcome_ids == ["csharp-w2-o2", "csharp-w2-o3"]
    assert len(shown(page)) == 4
    # Renaming an outcome the item names shows at once.
    outcome = catalog.get("csharp-w1-o1")
    window.document.push([SetField(outcome, "text", "Declare typed variables.")], "rename")
    assert shown(page)[0] == ("#1 (Apply): Declare typed variables.", False)


def test_titles_show_as_typed_in_the_outcomes_headings(window, qtbot):
    catalog = window.document.catalog
    item, week = catalog.get("csharp-w1-i4"), catalog.get("csharp-w1")
    window.document.push([SetField(item, "title", "Lab <b>2</b> & more")], "rename")
    window.document.push([SetField(week, "title", "Week <1>")], "rename")
    select(window, qtbot, FULL, CSHARP, "Week <1>", "Lab <b>2</b> & more")
    page = open_outcomes_tab(window, qtbot)
    assert page.heading.text().endswith(" Lab <b>2</b> & more")  # plain text, as typed
    select(window, qtbot, FULL, CSHARP, "Week <1>")
    assert window.outcomes.heading.text().endswith(" Week <1>")
