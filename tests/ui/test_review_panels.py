"""The Duplicates page, the Problems panel and the supplement export, used as a designer would:
a problem whose unit has gone or is in no program, silenced rules switched on again, the
keyboard and long titles on the Duplicates page, an export to a place that cannot be written."""

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog
from window_actions import open_page, opened_window, select, tree_index


@pytest.fixture
def sample_copy(unsilenced_copy):
    """The sample as these tests work on it: its Full Stack 422 h warning not silenced."""
    return unsilenced_copy


FULL = "Microsoft Full Stack Developer Professional Certificate"
BACK = "Microsoft Back-End Developer Professional Certificate"
FRONT = "Microsoft Front-End Developer Professional Certificate"


def finding_rows(panel):
    """(index, finding) of each row the problems list shows."""
    model = panel.list.model()
    return [(model.index(r, 0), model.finding(model.index(r, 0))) for r in range(model.rowCount())]


def double_click(qtbot, view, index):
    """Click, then double-click a row, as a mouse does."""
    view.scrollTo(index)
    point = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def when_dialog(kind, act):
    """Run act(dialog) on the next modal dialog of this kind, once it shows."""

    def check():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, check)
            return
        act(dialog)

    QTimer.singleShot(0, check)


# ---- the Problems panel ----------------------------------------------------------------------


@pytest.fixture
def aside_window(qtbot, sample_path, tmp_path):
    """A window on the sample with one more course, which no program uses, and its outcome."""
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    outcome = {"id": "kept-aside-o1", "text": "Explain the basics", "bloom": None}
    course = {"id": "kept-aside", "title": "Course kept aside", "hours": 20.0}
    data["courses"].append({**course, "outcomes": [outcome]})
    path = tmp_path / "aside.curriculum.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    yield from opened_window(qtbot, path)


def test_a_problem_of_an_outcome_in_no_program_says_so_instead_of_failing(aside_window, qtbot):
    window = aside_window
    panel = window.problems
    qtbot.waitUntil(lambda: panel.up_to_date)
    [(index, _)] = [(i, f) for i, f in finding_rows(panel) if f.unit == "kept-aside-o1"]
    double_click(qtbot, panel.list, index)  # failed with an AssertionError
    message = window.statusBar().currentMessage()
    assert message == "“Course kept aside” is in no program, so the tree does not show it."


def test_a_problem_of_a_deleted_unit_does_not_lead_to_another_units_field(window, qtbot, dialogs):
    panel = window.problems
    select(window, qtbot, FULL, "Full-Stack Developer Capstone Project")
    window.add_course_action.trigger()  # Insert > Add Course
    assert window.selected_node().unit.title == "New course"
    new_id = window.selected_node().unit.id
    qtbot.waitUntil(
        lambda: panel.up_to_date and any(f.unit == new_id for _, f in finding_rows(panel))
    )
    [(index, finding)] = [(i, f) for i, f in finding_rows(panel) if f.unit == new_id]
    assert finding.field == "hours"  # "has no weekly modules and no hours"
    window.tree.setFocus()
    dialogs.answer("Delete")
    qtbot.keyClick(window.tree, Qt.Key.Key_Delete)
    assert new_id not in window.document.catalog
    window.activateWindow()  # active again once the question is gone, as after a click
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The checks have not run again yet: the row is still there, and says its unit has gone.
    shown = window.selected_node().unit
    assert shown.id != new_id and finding_rows(panel)[index.row()][1] is finding
    double_click(qtbot, panel.list, index)
    hours = window.editor.fields["hours"].editor
    assert window.editor.unit is shown and not hours.hasFocus()  # the capstone's hours had it
    assert index.siblingAtColumn(1).data() == f"{new_id} (deleted)"
    assert window.statusBar().currentMessage() == (
        f"The unit of this problem ({new_id}) was deleted: the checks run again."
    )
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert not any(f.unit == new_id for _, f in finding_rows(panel))


def total_hours(panel):
    return [
        (i, f)
        for i, f in finding_rows(panel)
        if (f.rule, f.unit) == ("workload.total-hours", "full-stack")
    ]


def test_a_silenced_rule_can_be_seen_with_its_reason_and_switched_on_again(
    window, qtbot, sample_copy
):
    panel = window.problems
    qtbot.waitUntil(lambda: len(total_hours(panel)) == 1)
    [(index, _)] = total_hours(panel)
    qtbot.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualRect(index).center()
    )

    def give_reason(dialog):
        dialog.setTextValue("Accredited with 422 h.")
        dialog.accept()

    when_dialog(QInputDialog, give_reason)
    qtbot.mouseClick(panel.silence_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.up_to_date)
    assert total_hours(panel) == [] and panel.silenced_note.isVisible()
    assert panel.silenced_note.text() == "1 silenced"

    seen = []

    def unsilence(dialog):
        table = dialog.table
        seen.append([table.item(0, c).text() for c in range(3)])
        lift = dialog.lift_button
        seen.append(lift.isEnabled())  # nothing chosen yet
        rect = table.visualItemRect(table.item(0, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(lift, Qt.MouseButton.LeftButton)
        seen.append(table.rowCount())
        dialog.reject()

    when_dialog(QDialog, unsilence)
    qtbot.mouseClick(panel.silenced_note, Qt.MouseButton.LeftButton)
    assert seen == [
        [
            "Total within 130-420 hours (workload.total-hours)",
            FULL,
            "Accredited with 422 h.",
        ],
        False,
        0,
    ]
    assert window.document.catalog.silenced == []
    assert window.undo_action.text() == "Undo Unsilence workload.total-hours"
    assert not panel.silenced_note.isVisible()  # at once, before the checks run again
    qtbot.waitUntil(lambda: len(total_hours(panel)) == 1 and panel.up_to_date)
    window.files.save()
    assert "Accredited with 422 h." not in sample_copy.read_text(encoding="utf-8")
    window.undo_action.trigger()  # silenced again
    assert [s.reason for s in window.document.catalog.silenced] == ["Accredited with 422 h."]
    assert panel.silenced_note.text() == "1 silenced"
    qtbot.waitUntil(lambda: total_hours(panel) == [] and panel.up_to_date)


# ---- the Duplicates page -------------------------------------------------------------------


def test_enter_on_a_unit_of_a_duplicate_group_finds_it_in_the_tree(window, qtbot):
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date)
    model = view.list.model()
    group = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data().startswith("Foundations of Coding Back-End")
    )
    view.list.setFocus()
    view.list.setCurrentIndex(group)
    qtbot.keyClick(view.list, Qt.Key.Key_Right)  # opens the group
    qtbot.keyClick(view.list, Qt.Key.Key_Down)  # its first unit
    assert view.list.currentIndex().parent() == group
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert window.pages.currentIndex() == 0
    assert window.selected_node().unit.title == "Foundations of Coding Back-End"


LONG = " for developers who want to learn every part of the trade, step by step" * 3


def test_long_titles_show_whole_in_tooltips_and_the_merge_dialog_stays_on_screen(window, qtbot):
    for program, course in (
        (BACK, "Foundations of Coding Back-End"),
        (FRONT, "Foundations of Coding Front-End"),
    ):
        select(window, qtbot, program, course)
        title = window.editor.fields["title"].editor
        title.end(False)
        qtbot.keyClicks(title, LONG)
    back, front = "Foundations of Coding Back-End" + LONG, "Foundations of Coding Front-End" + LONG
    assert tree_index(window, BACK, back).isValid()
    open_page(window, qtbot, "Duplicates")
    view = window.duplicates
    qtbot.waitUntil(lambda: view.up_to_date)
    model = view.list.model()
    group = next(
        model.index(r, 0) for r in range(model.rowCount()) if back in model.index(r, 0).data()
    )
    assert group.data(Qt.ItemDataRole.ToolTipRole) == f"{back}\n{front}"
    view.list.expand(group)
    unit = model.index(0, 0, group)
    assert unit.data(Qt.ItemDataRole.ToolTipRole) == f"{back} — in {BACK}"
    view.list.scrollTo(group)
    qtbot.mouseClick(
        view.list.viewport(), Qt.MouseButton.LeftButton, pos=view.list.visualRect(group).center()
    )
    sizes = []

    def look(dialog):
        sizes.append(dialog.width())
        survivor = dialog.survivor
        sizes.append(survivor.itemData(0, Qt.ItemDataRole.ToolTipRole))
        dialog.reject()

    when_dialog(QDialog, look)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    width, tip = sizes
    assert width <= 1000  # it grew to 2,700 pixels, its buttons off the screen
    assert tip == f"{back}  (39 h; used by MS-BED)"


# ---- the certificate supplement ----------------------------------------------------------------


def test_a_pdf_to_a_missing_folder_names_the_file_and_the_reason(window, qtbot, tmp_path, dialogs):
    select(window, qtbot, FRONT)
    target = tmp_path / "no such folder" / "front-end.pdf"
    dialogs.answer("OK")
    assert not window.files.export_supplement(target)
    [message] = dialogs.seen
    assert f"{target}: there is no folder {target.parent}" in message
    assert ".part" not in message
    assert list(tmp_path.iterdir()) == [tmp_path / "catalog.curriculum.json"]
