"""Renders the main window on the sample (1400 x 900) to PNGs in docs/, for the README.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshot.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    os.environ["CURRICULUM_DESIGNER_CONFIG"] = tempfile.mkdtemp()  # leave real settings alone
    app = QApplication(sys.argv[:1])
    from designer.appsettings import AppSettings
    from designer.ui.main_window import MainWindow

    window = MainWindow(AppSettings())
    window.files.open_file(ROOT / "samples" / "microsoft-certificates.curriculum.json")
    window.resize(1400, 900)
    window.show()
    model = window.tree_model
    csharp = model.index(1, 0, model.index(0, 0))  # Full Stack > Introduction to C#
    window.tree.setCurrentIndex(window.proxy.mapFromSource(csharp))
    window.tree.expand(window.proxy.mapFromSource(csharp))
    window.tabs.setCurrentWidget(window.outcomes)
    shown_when_computed(app, window.problems)  # the checks' findings
    window.grab().save(str(ROOT / "docs" / "main-window.png"))
    window.pages.setCurrentWidget(window.stackability)
    stack = window.stackability
    shown_when_computed(app, stack)
    stack.show_pair(stack.matrix.index(2, 0))  # Front-End holders towards Full Stack
    app.processEvents()
    window.grab().save(str(ROOT / "docs" / "stackability.png"))


def shown_when_computed(app: QApplication, view: Any) -> None:
    """Let the page's background work end and its result show (a minute at most)."""
    deadline = time.monotonic() + 60
    while not view.up_to_date and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


if __name__ == "__main__":
    main()
