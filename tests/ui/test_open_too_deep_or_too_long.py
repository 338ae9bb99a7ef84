"""File > Open refuses JSON nested too deeply or a number too long to read, with the place,
in the window and in the background load of a large file, and keeps the open catalog."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from window_actions import answer_problems

from designer.ui import files

HEAD = b'{"format": "curriculum-designer", "version": '
DEEP = HEAD + b'3, "programs": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
LONG = HEAD + b"9" * 5000 + b"}"


@pytest.mark.parametrize("large", [False, True], ids=["small", "large"])
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (DEEP, "line 1, column 160: nested too deeply: more than 100 levels of [ ] and { }"),
        (LONG, "line 1, column 46: a number of more than 4300 digits, too long to read"),
    ],
    ids=["deep", "long"],
)
def test_the_file_is_refused_with_its_place_and_the_open_catalog_stays(
    window, tmp_path, content, problem, large
):
    document = window.document
    path = tmp_path / "odd.curriculum.json"
    padding = b" " * files.LARGE_FILE if large else b""  # JSON may end in spaces
    path.write_bytes(content + padding)
    shown = []
    answer_problems(shown)
    assert not window.files.open_file(path, asked=True)
    assert len(shown) == 1
    assert "“odd.curriculum.json” cannot be opened" in shown[0] and problem in shown[0]
    assert window.document is document and len(document.catalog.programs) == 4


def test_a_long_list_of_problems_keeps_the_message_on_the_screen(window, tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    path = tmp_path / "many.curriculum.json"
    path.write_text(text.replace('"minutes": ', '"minutes": -'), encoding="utf-8")
    seen = []

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        seen.append((box.windowTitle(), box.informativeText(), box.detailedText(), box.height()))
        box.grab().save(str(tmp_path / "problems.png"))
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, look)
    assert not window.files.open_file(path, asked=True)
    title, listed, details, height = seen[0]
    problems = details.splitlines()
    # Every item of the sample has a negative duration: each one is named under Show
    # Details, the first eight in the message, which stays shorter than a small screen.
    assert title == "Cannot open" and len(problems) == text.count('"minutes": ') > 40
    assert all("must not be negative" in problem for problem in problems)
    assert listed.splitlines() == [
        *problems[:8],
        f"… and {len(problems) - 8} more: see Show Details.",
    ]
    assert height < 600
