"""The window in a dark colour scheme (Windows 11, macOS and GNOME dark mode), where Qt gives
the widgets a dark palette. The review found the window's own colours, chosen for a light
base, unreadable there: the tree's other places of a shared course were its light text on a
pale yellow (1.0:1), its Type, Share and Shared columns dark grey on the dark base (2.6:1);
the totals bar kept its pale background under the palette's light text (1.05:1); the verb
check and the Problems list's notes were dark grey (1.5:1), the errors of the forms, the
advice and the Problems list a dark red (2.0 to 2.4:1), the merge's loss warning too (1.6:1);
the Stackability matrix's cells with little or nothing shared glared white among the dark
ones, and the empty graph said it had nothing to show in black (1.3:1).

The colours must read (4.5:1; 3:1 for the large bold figures) in a window opened in dark
mode and in one that was open when the system switched; the light scheme keeps its own."""

import re
from collections import Counter

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsTextItem,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QWidget,
)
from window_actions import open_page, opened_window, retype, select, tree_index

from designer.appsettings import AppSettings
from designer.checks.findings import Finding
from designer.model.edits import SetField
from designer.sharing.duplicates import DuplicateGroup
from designer.ui.duplicates_view import MergeDialog
from designer.ui.main_window import MainWindow
from designer.ui.tree_model import HEADERS, KIND, SHARE, SHARED

FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
CSHARP = "Introduction to Programming With C#"
FOUNDATIONS = "Foundations of Coding Full-Stack"
TEXT = 4.5  # WCAG's least contrast for text
LARGE = 3.0  # ... for large (14 pt bold and over) text
DEFECT = "Understand the basics of C# programs"  # a verb no one can observe: advice in red


def dark_palette() -> QPalette:
    """The palette Qt gives the Fusion style in a dark colour scheme."""
    text = QColor(240, 240, 240)
    window = QColor(50, 50, 50)
    base = window.darker(140)
    mid = window.darker(130)
    palette = QPalette(text, window, window.lighter(150), window.darker(150), mid, text, base)
    palette.setColor(QPalette.ColorRole.Midlight, mid.lighter(110))
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, text)
    palette.setColor(QPalette.ColorRole.Highlight, QColor(48, 140, 198))
    palette.setColor(QPalette.ColorRole.HighlightedText, text)
    disabled = QColor(130, 130, 130)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    placeholder = QColor(text)
    placeholder.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, placeholder)
    return palette


@pytest.fixture
def scheme(qapp):
    """Switches the application between the dark palette and its own; its own at the end."""
    usual = QPalette(qapp.palette())

    def switch(dark: bool) -> None:
        qapp.setPalette(dark_palette() if dark else usual)
        qapp.processEvents()

    try:
        yield switch
    finally:
        switch(False)


@pytest.fixture
def dark_window(scheme, qtbot, sample_copy):
    """The sample in a window opened in dark mode."""
    scheme(True)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    yield from opened_window(qtbot, sample_copy)


@pytest.fixture
def light_window(scheme, qtbot, sample_copy):
    """The sample in a window opened in the light scheme; scheme(True) darkens it."""
    yield from opened_window(qtbot, sample_copy)


def luminance(colour: QColor) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + (0.0722 * linear(colour.blue()))
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def painted_behind(widget: QWidget) -> QColor:
    """The colour most of the widget's place in its window is painted: its background."""
    window = widget.window()
    place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    image = window.grab(place).toImage()
    counts = Counter(
        image.pixel(x, y) for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
    )
    return QColor.fromRgb(counts.most_common(1)[0][0])


def text_colour(label: QLabel) -> QColor:
    label.ensurePolished()  # a style sheet's colour is in the palette once polished
    return label.palette().color(label.foregroundRole())


def row_colours(window, index):
    palette = window.tree.palette()
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    colours = []
    for column in range(len(HEADERS)):
        cell = index.siblingAtColumn(column)
        text = cell.data(Qt.ItemDataRole.ForegroundRole)
        colours.append(
            (
                text.color() if text is not None else palette.color(QPalette.ColorRole.Text),
                background.color() if background is not None else None,
            )
        )
    return colours


def assert_tree_reads(window, qtbot):
    """The shared C# course selected: its other places highlighted, each cell legible."""
    select(window, qtbot, FULL, CSHARP)
    palette = window.tree.palette()
    bases = [
        palette.color(QPalette.ColorRole.Base),
        palette.color(QPalette.ColorRole.AlternateBase),
    ]
    other_place = tree_index(window, BACK, CSHARP)
    colours = row_colours(window, other_place)
    assert all(background is not None for _, background in colours)  # highlighted
    for column, (text, background) in enumerate(colours):
        assert contrast(text, background) >= TEXT, (HEADERS[column], text.name(), background.name())
    plain = tree_index(window, BACK, "Foundations of Coding Back-End")
    for column in (KIND, SHARE, SHARED):
        text, background = row_colours(window, plain)[column]
        assert background is None
        for base in bases:
            assert contrast(text, base) >= TEXT, (HEADERS[column], text.name(), base.name())
    return colours


def assert_totals_bar_reads(window):
    bar = window.totals_bar
    background = painted_behind(bar)
    for label in (bar.program_title, bar.pace, bar.selected):
        assert contrast(text_colour(label), background) >= TEXT, (label.text(), background.name())
    figures = text_colour(bar.ects)  # 15 pt, bold
    assert contrast(figures, background) >= LARGE, (figures.name(), background.name())
    return background, figures


def assert_outcomes_read(window, qtbot):
    """The verb check of each outcome of C#, and the advice under the outcome typed."""
    select(window, qtbot, FULL, CSHARP)
    window.tabs.setCurrentWidget(window.outcomes)
    editor = window.outcomes
    table = editor.table
    base = table.palette().color(QPalette.ColorRole.Base)
    model = table.model()
    checks = [model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole) for row in range(3)]
    for brush in checks:
        assert contrast(brush.color(), base) >= TEXT, (brush.color().name(), base.name())
    table.selectRow(0)
    retype(qtbot, editor.text, DEFECT)
    assert "Not measurable" in editor.advice.text()
    advice, behind = text_colour(editor.advice), painted_behind(editor.advice)
    assert contrast(advice, behind) >= TEXT, (advice.name(), behind.name())
    return [brush.color().name() for brush in checks], advice.name()


def assert_severities_read(window, qtbot):
    problems = window.problems
    qtbot.waitUntil(lambda: problems.up_to_date)
    unit = window.document.catalog.programs[0].id
    problems.model.set_rows(
        [Finding(f"x.{s}", s, unit, "What", "How") for s in ("error", "warning", "info")]
    )
    base = problems.list.palette().color(QPalette.ColorRole.Base)
    colours = []
    for row in range(3):
        brush = problems.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
        assert contrast(brush.color(), base) >= TEXT, (row, brush.color().name(), base.name())
        colours.append(brush.color().name())
    return colours


def assert_form_errors_read(window, qtbot):
    """A refused entry's message, and a course's declared hours its modules contradict."""
    select(window, qtbot, FULL, CSHARP)
    course = window.selected_node().unit
    window.tabs.setCurrentWidget(window.editor)
    window.document.push([SetField(course, "hours", 31)], "Declared hours")
    field = window.editor.fields["hours"]
    retype(qtbot, field.editor, "-4")
    assert field.error.isVisible()
    red, behind = text_colour(field.error), painted_behind(field.error)
    assert contrast(red, behind) >= TEXT, (red.name(), behind.name())
    note = window.editor.hours_note
    [warning] = re.findall(r"color:\s*(#[0-9a-fA-F]{6})", note.text())
    assert contrast(QColor(warning), painted_behind(note)) >= TEXT, warning
    return red.name(), warning, field.editor.styleSheet()


# ---- a window opened in dark mode ----------------------------------------------------------


def test_the_tree_highlights_a_shared_course_s_other_places_legibly_in_dark_mode(
    dark_window, qtbot
):
    colours = assert_tree_reads(dark_window, qtbot)
    # The highlight still stands out of the dark base (it was a pale yellow, white text on it).
    base = dark_window.tree.palette().color(QPalette.ColorRole.Base)
    assert colours[0][1] != base and colours[0][1].lightness() < 128


def test_the_totals_bar_reads_in_dark_mode(dark_window, qtbot):
    select(dark_window, qtbot, FULL, CSHARP)
    background, _ = assert_totals_bar_reads(dark_window)
    assert background.lightness() < 128  # not a pale patch in the dark window


def test_the_verb_check_and_the_advice_read_in_dark_mode(dark_window, qtbot):
    assert_outcomes_read(dark_window, qtbot)


def test_every_severity_of_the_problems_list_reads_in_dark_mode(dark_window, qtbot):
    assert_severities_read(dark_window, qtbot)


def test_the_forms_errors_read_in_dark_mode(dark_window, qtbot):
    assert_form_errors_read(dark_window, qtbot)


def test_an_unknown_language_code_is_said_legibly_in_dark_mode(dark_window, qtbot):
    window = dark_window
    select(window, qtbot, FULL)
    program = window.selected_node().unit
    window.tabs.setCurrentWidget(window.editor)
    window.document.catalog.set_field(program, "language", "xx")  # as a file may hold it
    window.editor.unit = None
    window.editor.show_unit(program)
    note = window.editor.language_note
    window.editor.ensureWidgetVisible(note)
    qtbot.waitUntil(note.isVisible)
    assert "no language code" in note.text()
    red, behind = text_colour(note), painted_behind(note)
    assert contrast(red, behind) >= TEXT, (red.name(), behind.name())


def test_the_merge_warning_of_a_loss_of_workload_reads_in_dark_mode(dark_window, qtbot):
    window = dark_window
    catalog = window.document.catalog
    ids = [c.id for c in catalog.courses.values() if c.title in (FOUNDATIONS, CSHARP)]
    group = DuplicateGroup(kind="near", level="course", units=tuple(ids), score=0.5, reason="")
    dialog = MergeDialog(window.document, group, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    index = next(
        i for i in range(dialog.survivor.count()) if FOUNDATIONS in dialog.survivor.itemText(i)
    )
    dialog.survivor.setCurrentIndex(index)  # C# and its three weeks merged away
    assert dialog.warning.text().startswith("Warning")
    red, behind = text_colour(dialog.warning), painted_behind(dialog.warning)
    assert contrast(red, behind) >= TEXT, (red.name(), behind.name())
    dialog.reject()


def test_the_stackability_matrix_is_dark_with_legible_cells_in_dark_mode(dark_window, qtbot):
    window = dark_window
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    qtbot.waitUntil(lambda: view.up_to_date)
    model = view.table.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            if row == column:
                continue
            cell = model.index(row, column)
            text = cell.data(Qt.ItemDataRole.ForegroundRole).color()
            background = cell.data(Qt.ItemDataRole.BackgroundRole).color()
            # Nothing shared was a white cell, glaring among the dark diagonal and headers.
            assert background.lightness() < 128, (row, column, background.name())
            assert contrast(text, background) >= TEXT, (row, column, text.name())


def choose_back_and_front(window, qtbot):
    """The Stackability page's graph of Back-End and Front-End alone, chosen in the matrix;
    their outlines and that of Full Stack (which shares C# with them, not chosen)."""
    open_page(window, qtbot, "Stackability")
    view = window.stackability
    qtbot.waitUntil(lambda: view.up_to_date)
    if not view.around.isChecked():
        qtbot.mouseClick(view.around, Qt.MouseButton.LeftButton)
    rect = view.table.visualRect(view.matrix.index(1, 2))  # Back-End's row, Front-End's column
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    nodes = view.graph.nodes
    return nodes["back-end"].pen(), nodes["front-end"].pen(), nodes["full-stack"].pen()


def test_the_graph_s_chosen_pair_stands_out_in_dark_mode(light_window, scheme, qtbot):
    """The two certificates of the chosen pair were outlined in a dark blue, lost on the
    dark base (1.9:1): the pair looked like the others, only smaller."""
    window = light_window
    back, front, full = choose_back_and_front(window, qtbot)
    assert back.color().name() == front.color().name() == "#174a8c"  # the light scheme's
    scheme(True)  # the system goes dark, the pair still chosen
    nodes = window.stackability.graph.nodes
    back, front, full = (nodes[i].pen() for i in ("back-end", "front-end", "full-stack"))
    base = window.stackability.graph.palette().color(QPalette.ColorRole.Base)
    for pen in (back, front):
        assert contrast(pen.color(), base) >= LARGE, pen.color().name()
        assert pen.widthF() > full.widthF()
    assert choose_back_and_front(window, qtbot) == (back, front, full)  # drawn again: the same


def test_the_empty_graph_says_so_legibly_once_the_system_goes_dark(scheme, qtbot):
    window = MainWindow(AppSettings())  # no catalog: no certificates
    window.show()
    qtbot.waitExposed(window)
    try:
        open_page(window, qtbot, "Stackability")
        graph = window.stackability.graph
        qtbot.waitUntil(lambda: window.stackability.up_to_date)
        [said] = [item for item in graph.scene().items() if isinstance(item, QGraphicsTextItem)]
        assert said.defaultTextColor().name() == "#000000"  # the light scheme's
        scheme(True)
        base = graph.palette().color(QPalette.ColorRole.Base)
        assert contrast(said.defaultTextColor(), base) >= TEXT, said.defaultTextColor().name()
    finally:
        window.close()
        window.deleteLater()


def check_box_contrast(view, row) -> float:
    """How the most visible pixel of an entry's check box stands out from the list's base."""
    entry = view.item(row)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = view.visualItemRect(entry)
    view.itemDelegate().initStyleOption(option, view.indexFromItem(entry))
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    image = view.viewport().grab(box).toImage()
    base = view.palette().color(QPalette.ColorRole.Base)
    pixels = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return max(contrast(pixel, base) for pixel in pixels)


def test_unticked_check_boxes_show_in_dark_mode(dark_window, qtbot):
    """The Supports list, the item's outcomes and the Pathways' holdings: Fusion outlined a
    list entry's box in a shade of the base: only the ticked ones showed
    (the tick), the others were text with nothing to click beside it (1.0:1)."""
    window = dark_window
    select(window, qtbot, FULL, CSHARP, "Week 1: C# fundamentals: syntax, types and variables")
    window.tabs.setCurrentWidget(window.outcomes)
    window.outcomes.table.selectRow(0)
    supports = window.outcomes.supports
    ticked = [supports.item(r).checkState() == Qt.CheckState.Checked for r in range(3)]
    assert ticked == [True, False, False]
    for row in range(3):
        assert check_box_contrast(supports, row) >= LARGE, row  # WCAG's 3:1 for a control

    select(
        window,
        qtbot,
        FULL,
        CSHARP,
        "Week 1: C# fundamentals: syntax, types and variables",
        "Welcome to C# and .NET",
    )
    window.tabs.setCurrentWidget(window.outcomes)
    checks = window.outcomes.item_page.outcomes
    assert checks.count() == 2
    assert checks.item(0).checkState() == Qt.CheckState.Unchecked
    for row in range(2):
        assert check_box_contrast(checks, row) >= LARGE, row

    open_page(window, qtbot, "Pathways")
    holdings = window.pathways.holdings
    assert holdings.count() > 4
    assert holdings.item(0).checkState() == Qt.CheckState.Unchecked
    for row in range(4):
        assert check_box_contrast(holdings, row) >= LARGE, row


# ---- the light scheme, and a switch while the window is open -------------------------------


def test_a_switch_to_dark_mode_while_open_is_followed_and_the_light_colours_come_back(
    light_window, scheme, qtbot
):
    window = light_window
    light_tree = [(t.name(), b.name()) for t, b in assert_tree_reads(window, qtbot)]
    assert light_tree[0] == ("#000000", "#fff1b8")  # the light scheme's, as before
    assert light_tree[KIND] == ("#5f6368", "#fff1b8")
    light_bar = assert_totals_bar_reads(window)
    assert (light_bar[0].name(), light_bar[1].name()) == ("#f3f6fb", "#1a4d8f")
    assert assert_severities_read(window, qtbot) == ["#b3261e", "#8a5a00", "#3c4043"]

    scheme(True)  # the system goes dark
    assert_tree_reads(window, qtbot)
    background, _ = assert_totals_bar_reads(window)
    assert background.lightness() < 128
    assert_severities_read(window, qtbot)
    assert_outcomes_read(window, qtbot)
    red, warning, border = assert_form_errors_read(window, qtbot)

    scheme(False)  # and light again: the colours it had
    assert [(t.name(), b.name()) for t, b in assert_tree_reads(window, qtbot)] == light_tree
    bar = assert_totals_bar_reads(window)
    assert (bar[0].name(), bar[1].name()) == ("#f3f6fb", "#1a4d8f")
    assert assert_severities_read(window, qtbot) == ["#b3261e", "#8a5a00", "#3c4043"]
    field = window.editor.fields["hours"]
    assert text_colour(field.error).name() == "#b3261e"
    assert field.editor.styleSheet() == "border: 1px solid #b3261e;"
    assert "color:#b3261e" in window.editor.hours_note.text()
    assert text_colour(window.outcomes.advice).name() == "#b3261e"
