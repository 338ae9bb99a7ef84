"""File > Export Certificate Supplement, for the selected program, in each format."""

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog
from window_actions import choose_file, select

FRONT = "Microsoft Front-End Developer Professional Certificate"


def test_export_the_selected_programs_supplement_as_html_and_badge(window, qtbot, tmp_path):
    select(window, qtbot, FRONT)
    page = tmp_path / "front-end.html"
    choose_file(page)
    window.supplement_action.trigger()
    text = page.read_text(encoding="utf-8")
    assert FRONT in text and "United States" in text and "EQF" in text
    badge = tmp_path / "front-end.badge.json"
    assert window.files.export_supplement(badge)
    data = json.loads(badge.read_text(encoding="utf-8"))
    assert data["type"] == ["Achievement"] and data["name"] == FRONT


def test_missing_facts_ask_before_a_draft(window, qtbot, tmp_path, dialogs):
    select(window, qtbot, FRONT)
    from designer.model.edits import SetField

    program = window.document.catalog.program("front-end")
    window.document.push([SetField(program, "issuer_country", None)], "clear country")
    dialogs.answer("Cancel")
    assert not window.files.export_supplement(tmp_path / "x.html")
    assert "lacks" in dialogs.seen[-1] and not (tmp_path / "x.html").exists()
    dialogs.answer("Export draft")
    assert window.files.export_supplement(tmp_path / "x.html")
    assert "MISSING" in (tmp_path / "x.html").read_text(encoding="utf-8").upper()
    # Untitled, it is named by its id, not as “”.
    window.document.push([SetField(program, "title", "")], "clear title")
    dialogs.answer("Cancel")
    assert not window.files.export_supplement(tmp_path / "y.html")
    assert "The supplement of “front-end” lacks: title, issuer country." in dialogs.seen[-1]


def test_the_dialog_names_the_program_and_offers_a_file_beside_the_catalog(
    window, qtbot, sample_copy
):
    select(window, qtbot, FRONT, "Introduction to Web Development")  # a course of it
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        seen["title"], seen["files"] = dialog.windowTitle(), dialog.selectedFiles()
        if Path(seen["files"][0]).suffix == ".pdf":
            dialog.accept()  # the name offered, as it is
        else:
            dialog.reject()  # no file offered: nothing to accept

    QTimer.singleShot(0, answer)
    window.supplement_action.trigger()
    assert seen["title"] == f"Export the certificate supplement of “{FRONT}”"
    offered = sample_copy.parent / "MS-FED supplement.pdf"
    assert [Path(file) for file in seen["files"]] == [offered]
    assert offered.read_bytes().startswith(b"%PDF")
