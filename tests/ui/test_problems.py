"""The problems panel lists what breaks the rules, follows edits, filters, and leads to the unit."""

import pytest
from PySide6.QtCore import Qt
from window_actions import DialogAnswers, discard_and_close, select

from designer.appsettings import AppSettings
from designer.ui.main_window import MainWindow
from designer.ui.problems import FINDING_ROLE


@pytest.fixture
def sample_copy(unsilenced_copy):
    """The sample as these tests work on it: its Full Stack 422 h warning not silenced."""
    return unsilenced_copy


FULL = "Microsoft Full Stack Developer Professional Certificate"


class Row:
    """One row of the problems list, read as the designer sees it."""

    def __init__(self, panel, row):
        self.index = panel.list.model().index(row, 0)
        self.texts = [self.index.siblingAtColumn(c).data() for c in range(5)]
        self.rule = self.index.data(FINDING_ROLE).rule  # the Rule column shows its title

    def text(self, column):
        return self.texts[column]


def rows(panel):
    return [Row(panel, r) for r in range(panel.list.model().rowCount())]


def total_hours_rows(panel):
    return [r for r in rows(panel) if r.text(1) == FULL and "422" in r.text(2)]


def test_the_sample_shows_full_stack_over_the_hours_limit(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: panel.list.model().rowCount() > 0)
    [row] = total_hours_rows(panel)
    assert row.text(0) == "warning"
    assert window.problem_counts.text() == panel.summary()
    assert "warning" in window.problem_counts.text()


def test_fixing_the_hours_clears_the_warning_as_the_designer_types(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)
    select(window, qtbot, FULL, "Full-Stack Developer Capstone Project")
    hours = window.editor.fields["hours"].editor
    hours.selectAll()
    qtbot.keyClicks(hours, "3")  # 422 - 5 + 3 = 420 h
    qtbot.waitUntil(lambda: total_hours_rows(panel) == [])
    assert not any(r.text(1) == FULL and "420" in r.text(2) for r in rows(panel))
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)


def test_a_renamed_unit_shows_its_new_name_in_the_list_at_once(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)
    select(window, qtbot, FULL)
    title = window.editor.fields["title"].editor
    title.end(False)
    qtbot.keyClicks(title, " (2027)")
    # Before the checks run again, the row of its finding already names it so.
    assert not panel.up_to_date
    renamed = [r for r in rows(panel) if r.text(1) == FULL + " (2027)" and "422" in r.text(2)]
    assert len(renamed) == 1 and not total_hours_rows(panel)
    index = renamed[0].index.siblingAtColumn(1)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == FULL + " (2027)"


def test_filters_by_severity_and_rule(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: panel.list.model().rowCount() > 0)
    panel.severity.setCurrentIndex(panel.severity.findData("warning"))
    assert {r.text(0) for r in rows(panel)} == {"warning"}
    rule = rows(panel)[0].rule
    panel.severity.setCurrentIndex(0)
    panel.rule.setCurrentIndex(panel.rule.findData(rule))
    assert {r.rule for r in rows(panel)} == {rule}


def test_double_click_goes_to_the_unit(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)
    [row] = total_hours_rows(panel)
    panel.list.scrollTo(row.index)
    rect = panel.list.visualRect(row.index)
    # A double click is a press, a release, then the double-click event, as a mouse sends it.
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.title == FULL


def answer_text(text):
    """Type text into the next input dialog and confirm it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.setTextValue(text)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_silencing_a_finding_keeps_the_reason_in_the_file_and_undoes(window, qtbot, sample_copy):
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)
    panel.list.setCurrentIndex(total_hours_rows(panel)[0].index)
    answer_text("The 422 h were accredited as they are.")
    qtbot.mouseClick(panel.silence_button, Qt.MouseButton.LeftButton)
    assert total_hours_rows(panel) == []
    assert panel.silenced_note.text() == "1 silenced"
    qtbot.waitUntil(lambda: panel.up_to_date)  # checked again: still silenced
    assert total_hours_rows(panel) == []
    [silence] = window.document.catalog.silenced
    assert (silence.rule, silence.unit) == ("workload.total-hours", "full-stack")
    window.files.save()
    assert "The 422 h were accredited as they are." in sample_copy.read_text(encoding="utf-8")
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)


def silence_full_stack_hours(window, qtbot):
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)
    panel.list.setCurrentIndex(total_hours_rows(panel)[0].index)
    answer_text("Accredited as it is.")
    qtbot.mouseClick(panel.silence_button, Qt.MouseButton.LeftButton)
    assert panel.silenced_note.text() == "1 silenced"


def test_a_deleted_unit_takes_its_silenced_rules_with_it(window, qtbot, sample_copy):
    # The "1 silenced" button stayed, and listed a rule of a program that was gone.
    silence_full_stack_hours(window, qtbot)
    select(window, qtbot, FULL)
    DialogAnswers(qtbot).answer("Delete")
    window.delete_action.trigger()
    panel = window.problems
    assert window.document.catalog.silenced == []
    assert panel.silenced_note.isHidden()
    window.files.save()
    assert "Accredited as it is." not in sample_copy.read_text(encoding="utf-8")
    window.undo_action.trigger()  # the program comes back with its silenced rule
    assert panel.silenced_note.text() == "1 silenced"
    assert window.document.catalog.silenced[0].unit == "full-stack"


def test_a_cut_and_pasted_unit_keeps_its_silenced_rules(window, qtbot):
    silence_full_stack_hours(window, qtbot)
    select(window, qtbot, FULL)
    window.cut_action.trigger()
    select(window, qtbot, "Microsoft Back-End Developer Professional Certificate")
    window.paste_action.trigger()
    assert window.document.catalog.program("full-stack").title == FULL
    assert window.problems.silenced_note.text() == "1 silenced"
    qtbot.waitUntil(lambda: window.problems.up_to_date)
    assert total_hours_rows(window.problems) == []


def test_double_click_puts_the_cursor_in_the_field_concerned(window, qtbot):
    from designer.model.edits import SetField

    course = window.document.catalog.courses["introduction-to-programming-with-csharp"]
    window.document.push([SetField(course, "hours", 32)], "declare 32 h")
    panel = window.problems
    panel.refresh()
    qtbot.waitUntil(lambda: panel.up_to_date)
    [row] = [r for r in rows(panel) if r.rule == "workload.declared-mismatch"]
    panel.list.setCurrentIndex(row.index)
    panel.list.activated.emit(row.index)  # what Enter or a double click sends
    assert window.selected_node().unit is course
    assert window.tabs.currentWidget() is window.editor
    assert window.editor.fields["hours"].editor.hasFocus()


def test_the_selected_problem_stays_selected_as_the_checks_run_again(window, qtbot):
    """Each run of the checks (after every edit) cleared the selection and scrolled the list
    to the top: a designer working down the list lost their place."""
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours_rows(panel)) == 1)
    [row] = total_hours_rows(panel)
    number = row.index.row()
    panel.list.scrollTo(row.index)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.list.visualRect(row.index).center(),
    )
    chosen = panel.selected_finding()
    assert chosen.unit == "full-stack"

    select(window, qtbot, FULL, "Full-Stack Developer Capstone Project")
    title = window.editor.fields["title"].editor
    title.end(False)
    qtbot.keyClicks(title, " II")  # an edit that leaves the finding be
    assert not panel.up_to_date
    qtbot.waitUntil(lambda: panel.up_to_date)
    again = panel.selected_finding()
    assert (again.rule, again.unit) == (chosen.rule, chosen.unit)
    assert panel.list.selectionModel().isRowSelected(panel.list.currentIndex().row())

    hours = window.editor.fields["hours"].editor
    hours.setFocus()
    hours.selectAll()
    qtbot.keyClicks(hours, "3")  # 422 - 5 + 3 = 420 h: the finding is fixed
    qtbot.waitUntil(lambda: total_hours_rows(panel) == [])
    qtbot.waitUntil(lambda: panel.up_to_date)
    shown = rows(panel)
    assert panel.list.currentIndex().row() == min(number, len(shown) - 1)
    assert panel.list.selectionModel().isRowSelected(panel.list.currentIndex().row())


def test_the_rule_filter_says_all_rules_while_the_first_checks_run(qtbot, sample_path):
    window = MainWindow(AppSettings())
    assert window.files.open_file(sample_path)
    window.show()
    assert window.problems.rule.currentText() == "All rules"  # it was blank until then
    qtbot.waitUntil(lambda: window.problems.list.model().rowCount() > 0, timeout=60_000)
    assert window.problems.rule.currentText() == "All rules"
    discard_and_close(window)
