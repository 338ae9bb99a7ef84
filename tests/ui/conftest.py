"""Windows on real catalogs, and a hand that answers the dialogs they open."""

import json
import shutil
import threading

import pytest
from window_actions import (
    LARGE_PROGRAMS,
    DialogAnswers,
    discard_and_close,
    generated_file,
    opened_window,
)

from designer.appsettings import AppSettings
from designer.checks import run_checks
from designer.sharing.duplicates import find_duplicates
from designer.ui import duplicates_view, problems
from designer.ui.app import release_clipboard
from designer.ui.main_window import MainWindow


@pytest.fixture(autouse=True, scope="session")
def clipboard_released_at_exit(qapp):
    yield
    release_clipboard()


@pytest.fixture
def sample_copy(sample_path, tmp_path):
    path = tmp_path / "catalog.curriculum.json"
    shutil.copyfile(sample_path, path)
    return path


@pytest.fixture
def unsilenced_copy(sample_path, tmp_path):
    """The sample with the warnings its accredited figures raise switched on again."""
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    data["silenced"] = []
    path = tmp_path / "catalog.curriculum.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, sample_copy):
    yield from opened_window(qtbot, sample_copy)


@pytest.fixture(scope="session")
def large_path(tmp_path_factory):
    """A generated portfolio of LARGE_PROGRAMS programs, which no test changes on disk."""
    return generated_file(tmp_path_factory, LARGE_PROGRAMS)


@pytest.fixture
def empty_window(qtbot):
    # Not qtbot.addWidget: it closes windows before this fixture can discard their changes.
    window = MainWindow(AppSettings())
    window.show()
    qtbot.waitExposed(window)
    yield window
    discard_and_close(window)


@pytest.fixture
def dialogs(qtbot):
    return DialogAnswers(qtbot)


class Gate:
    """Holds background work at its first progress report until opened.

    While held, the work keeps asking its progress callback, so a cancel still stops it.
    """

    def __init__(self) -> None:
        self.opened = threading.Event()

    def around(self, function):
        def gated(*args, progress, **kwargs):
            def report(done, total):
                while not self.opened.wait(0.01):
                    if progress(done, total) is False:
                        return False
                return progress(done, total)

            return function(*args, progress=report, **kwargs)

        return gated


@pytest.fixture
def gate(monkeypatch):
    gate = Gate()
    monkeypatch.setattr(problems, "run_checks", gate.around(run_checks))
    monkeypatch.setattr(duplicates_view, "find_duplicates", gate.around(find_duplicates))
    yield gate
    gate.opened.set()
