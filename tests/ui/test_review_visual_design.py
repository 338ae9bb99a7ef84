"""The Design page's right-hand side at the sizes designers have: 1280 x 800, 1024 x 640,
and with titles longer than the pane (a 120-letter title typed without spaces)."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from window_actions import opened_window, retype
from window_actions import select as select_row

from designer.model.edits import SetField

FULL = "Microsoft Full Stack Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
WEEK1 = "Week 1: C# fundamentals: syntax, types and variables"
LONG_PROGRAM = (
    "Advanced Professional Certificate in Cloud Native Full Stack Software Engineering "
    "and DevOps Practices for Enterprise Teams"
)
UNBROKEN_PROGRAM = ("Supercalifragilisticexpialidocious" * 4)[:120]
UNBROKEN_COURSE = ("IntroSupercalifragilisticexpialidocious" * 4)[:120]


@pytest.fixture
def long_window(qtbot, sample_copy):
    """The sample with a long program title, and a program and a shared course (C#) whose
    titles are 120 letters without a space."""
    data = json.loads(sample_copy.read_text(encoding="utf-8"))
    data["programs"][0]["title"] = LONG_PROGRAM
    data["programs"][1]["title"] = UNBROKEN_PROGRAM
    data["programs"][1]["code"] = ""  # named by its title
    course = next(c for c in data["courses"] if c["title"] == CSHARP)
    course["title"] = UNBROKEN_COURSE
    sample_copy.write_text(json.dumps(data), encoding="utf-8")
    yield from opened_window(qtbot, sample_copy)


def sized(window, qtbot, width, height):
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height))
    qtbot.wait(20)  # laid out


def select(window, qtbot, *titles):
    """Click the row with these titles, and let the panes lay out what it shows."""
    select_row(window, qtbot, *titles)
    qtbot.wait(50)


def open_tab(window, qtbot, widget):
    bar = window.tabs.tabBar()
    index = window.tabs.indexOf(widget)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentWidget() is widget
    qtbot.wait(20)


def drawn(label):
    """The lines a fitted label draws, and the width it has for them."""
    width = label.contentsRect().width()
    return label.shown(width).split("\n"), width


def fits(qtbot, label):
    """Each line a label draws (each word, where it wraps) is within its width, and the
    label is as high as its lines (once the pane has laid them out)."""
    lines, width = drawn(label)
    parts = lines if label.one_line else " ".join(lines).split()
    assert all(label.fontMetrics().horizontalAdvance(part) <= width for part in parts)
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))


def assert_whole(qtbot, label):
    """Every word of the label drawn, within its width and height."""
    lines, _ = drawn(label)
    assert " ".join(lines) == label.text() and "…" not in "".join(lines)
    fits(qtbot, label)


def assert_elided_with_tooltip(qtbot, label, whole):
    lines, _ = drawn(label)
    assert label.text() == whole and label.toolTip() == whole
    assert "…" in "".join(lines)
    fits(qtbot, label)


def splitter(window):
    return window.pages.widget(0)


# ---- the totals bar ---------------------------------------------------------------------


def test_the_credits_line_is_read_whole_on_a_1024_by_640_screen(window, qtbot):
    sized(window, qtbot, 1024, 640)
    select(window, qtbot, FULL, CSHARP)
    ects = window.totals_bar.ects
    assert ects.text() == "422 h = 16 ECTS (16.88 rounded down)"
    assert_whole(qtbot, ects)
    lines, _ = drawn(ects)
    assert lines == ["422 h = 16 ECTS", "(16.88 rounded down)"]  # the explanation below


def test_the_credits_rounded_to_half_credits_are_read_whole_at_1280_by_800(window, qtbot):
    sized(window, qtbot, 1280, 800)
    settings = window.document.catalog.settings
    edits = [SetField(settings, "hours_per_credit", 27.5), SetField(settings, "rounding", "half")]
    window.document.push(edits, "Workload settings")
    select(window, qtbot, FULL, CSHARP)
    ects = window.totals_bar.ects
    assert ects.text() == "422 h = 15.5 ECTS (15.35 rounded to half credits)"
    assert_whole(qtbot, ects)
    assert drawn(ects)[0][-1] == "(15.35 rounded to half credits)"
    assert ects.toolTip() == ""  # nothing hidden


def test_a_long_program_title_is_elided_with_the_whole_title_in_its_tooltip(long_window, qtbot):
    sized(long_window, qtbot, 1280, 800)
    title = long_window.totals_bar.program_title
    select(long_window, qtbot, LONG_PROGRAM)
    assert_elided_with_tooltip(qtbot, title, LONG_PROGRAM)
    assert len(drawn(title)[0]) == 1  # one line, ending in "…"
    select(long_window, qtbot, FULL.replace("Full Stack", "Front-End"))
    assert title.toolTip() == ""  # a title that fits is shown whole, with no tooltip
    assert_whole(qtbot, title)


# ---- long titles keep the panes as wide as the designer made them ----------------------


def test_a_long_title_in_used_by_keeps_the_details_form_within_its_pane(long_window, qtbot):
    sized(long_window, qtbot, 1280, 800)
    select(long_window, qtbot, LONG_PROGRAM, UNBROKEN_COURSE)
    editor = long_window.editor
    page = editor.widget()
    assert not editor.horizontalScrollBar().isVisible()
    assert page.width() <= editor.viewport().width()
    for name in ("title", "code", "description", "hours"):
        field = editor.fields[name]
        right = field.mapTo(page, field.rect().topRight()).x()
        assert right <= editor.viewport().width(), name  # not cut at the pane's edge
    usage = editor.usage_note
    users = usage.text().split(", ")
    assert users[0] == LONG_PROGRAM and UNBROKEN_PROGRAM in users
    assert_elided_with_tooltip(qtbot, usage, usage.text())
    right = usage.mapTo(page, usage.rect().topRight()).x()
    assert right <= editor.viewport().width()


UNREAD_LANGUAGE = "<b>" + "x" * 300 + "</b>"


@pytest.fixture
def unread_language_window(qtbot, sample_copy):
    """The sample with a language no code names, as a file may hold (the field refuses it)."""
    data = json.loads(sample_copy.read_text(encoding="utf-8"))
    data["programs"][0]["language"] = UNREAD_LANGUAGE
    sample_copy.write_text(json.dumps(data), encoding="utf-8")
    yield from opened_window(qtbot, sample_copy)


def test_a_language_the_file_holds_unread_keeps_the_details_form_within_its_pane(
    unread_language_window, qtbot
):
    """Its note, a word-wrapped rich text, was as wide as the word (2,300 px), and cut
    every field of the form."""
    window = unread_language_window
    sized(window, qtbot, 1280, 800)
    select(window, qtbot, FULL)
    editor = window.editor
    assert not editor.horizontalScrollBar().isVisible()
    assert editor.widget().width() <= editor.viewport().width()
    note = editor.language_note
    assert note.text() == (
        f"“{UNREAD_LANGUAGE}” is no language code the supplement knows: retype it (English, or en)."
    )  # as it stands in the file: no markup read in it
    assert_elided_with_tooltip(qtbot, note, note.text())
    assert "#b3261e" in note.styleSheet()  # in red, as a problem
    retype(qtbot, editor.fields["language"].editor, "en")
    assert note.text() == "English: stored as “en”." and note.styleSheet() == ""


def test_showing_a_unit_with_a_long_title_does_not_move_the_splitter(long_window, qtbot):
    sized(long_window, qtbot, 1280, 800)
    sizes = splitter(long_window).sizes()
    select(long_window, qtbot, FULL.replace("Full Stack", "Front-End"))
    open_tab(long_window, qtbot, long_window.outcomes)
    select(long_window, qtbot, LONG_PROGRAM, UNBROKEN_COURSE)
    assert splitter(long_window).sizes() == sizes
    outcomes = long_window.outcomes
    whole = f"Outcomes of the course: {UNBROKEN_COURSE}"
    assert_elided_with_tooltip(qtbot, outcomes.heading, whole)
    supports = outcomes.supports
    assert not supports.horizontalScrollBar().isVisible()
    entries = [supports.item(row) for row in range(supports.count())]
    assert all(entry.toolTip() == entry.text() for entry in entries)
    # Wrapped to the list's width (a word wider than it is drawn elided), not scrolled.
    assert all(supports.visualItemRect(entry).left() == 0 for entry in entries)
    assert supports.horizontalScrollBar().value() == 0
    select(long_window, qtbot, LONG_PROGRAM, UNBROKEN_COURSE, WEEK1)
    select(long_window, qtbot, LONG_PROGRAM, UNBROKEN_COURSE, WEEK1, "Your first console program")
    assert splitter(long_window).sizes() == sizes
    open_tab(long_window, qtbot, long_window.editor)
    select(long_window, qtbot, UNBROKEN_PROGRAM)
    assert splitter(long_window).sizes() == sizes


# ---- the outcomes table and the smallest screen -----------------------------------------


def test_the_outcomes_table_gives_the_outcome_its_width_and_five_rows(window, qtbot):
    sized(window, qtbot, 1280, 800)
    select(window, qtbot, FULL, CSHARP)
    open_tab(window, qtbot, window.outcomes)
    table = window.outcomes.table
    model = table.model()
    assert model.rowCount() == 3
    assert table.viewport().height() >= 5 * table.rowHeight(0)  # room for five outcomes
    text = table.columnWidth(0)
    assert text >= table.viewport().width() / 2
    assert all(table.columnWidth(column) < text for column in (1, 2, 3))
    assert all(table.visualRect(model.index(row, 0)).height() > 0 for row in range(3))


def test_the_window_fits_a_1024_by_640_screen_with_every_panel_usable(window, qtbot):
    sized(window, qtbot, 1024, 640)
    select(window, qtbot, FULL, CSHARP)
    open_tab(window, qtbot, window.outcomes)
    assert window.size().toTuple() == (1024, 640)
    assert window.minimumSizeHint().height() <= 640
    counts = window.problem_counts  # the status bar, at the bottom
    assert counts.isVisible()
    assert window.rect().contains(counts.mapTo(window, counts.rect().bottomRight()))
    assert window.problems.isVisible() and window.problems.height() > 0
    table = window.outcomes.table
    header = table.horizontalHeader()
    # The Outcome column and its header read whole; the others elide, whole in a tooltip.
    assert table.columnWidth(0) >= table.viewport().width() / 2
    assert header.sectionSize(0) >= header.fontMetrics().horizontalAdvance("Outcome") + 8
    model = table.model()
    for column in range(4):
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert (
            model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            == title
        )
    for column in (1, 2, 3):
        index = model.index(0, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole)  # the whole text of an elided cell
    assert table.viewport().height() >= 3 * table.rowHeight(0)  # the course's three outcomes
    # The selected outcome's fields below scroll within the pane: the box is reachable.
    details = window.findChildren(QScrollArea, "outcomeDetails")
    [details] = [d for d in details if d.isVisible()]
    details.ensureWidgetVisible(window.outcomes.text)
    qtbot.wait(20)
    box = window.outcomes.text
    assert details.viewport().rect().contains(box.mapTo(details.viewport(), box.rect().center()))
    assert_whole(qtbot, window.totals_bar.ects)


@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_the_outcomes_bloom_levels_read_whole_beside_the_outcome_text(window, qtbot, size):
    """The Bloom level keeps its width before the Supports and Verb check columns share
    the rest: shared alike, "Understand" and the header "Bloom level" were cut at 1280 px."""
    sized(window, qtbot, *size)
    select(window, qtbot, FULL, CSHARP, "Week 1: C# fundamentals: syntax, types and variables")
    open_tab(window, qtbot, window.outcomes)
    table = window.outcomes.table
    assert table.model().index(1, 1).data() == "Understand"
    header = table.horizontalHeader()
    needed = max(
        header.fontMetrics().horizontalAdvance("Bloom level"),
        table.fontMetrics().horizontalAdvance("Understand"),
    )
    assert table.columnWidth(1) >= needed + 8
    assert table.columnWidth(0) >= table.viewport().width() / 2
