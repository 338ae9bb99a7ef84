"""On a large catalog the checks and the duplicate search run in the background: the window
keeps handling events, shows progress, cancels, follows edits and never shows stale results.

Most tests hold the background work at its first progress report (the `gate` fixture) until
they have done what they test while it runs, so that nothing depends on how fast it is.
"""

import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from window_actions import discard_and_close

from benchmarks.generate import generate
from designer.appsettings import AppSettings
from designer.checks import DEFAULT_PROFILE, run_checks
from designer.model.edits import SetField
from designer.model.totals import format_hours
from designer.sharing.duplicates import find_duplicates
from designer.sharing.overlap import overlap_matrix
from designer.ui import background, problems, stackability
from designer.ui.background import Task
from designer.ui.document import Document
from designer.ui.main_window import MainWindow

PROGRAMS, COURSES = 50, 500  # about a second of checks, a little more of duplicate search
WAIT_MS = 120_000  # ample for a loaded machine; the tests wait for an event, not for time


def large_window(qtbot):
    catalog, _ = generate(programs=PROGRAMS, courses=COURSES, seed=1)
    window = MainWindow(AppSettings(), Document(catalog))
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def big_window(qtbot):
    window = large_window(qtbot)
    yield window
    discard_and_close(window)


def units(catalog):
    return len(catalog.programs) + len(catalog.courses) + len(catalog.modules)


def test_the_checks_show_progress_then_the_same_findings_as_checking_directly(
    big_window, qtbot, gate
):
    panel = big_window.problems
    document = big_window.document
    qtbot.waitUntil(lambda: panel.status.shown)  # opening the window started them
    counted = units(document.catalog)
    assert panel.status.label.text() == f"Checking {counted:,} programs, courses and modules…"
    assert big_window.problem_counts.text() == "Checking…"  # not "0 errors" before any check
    assert panel.status.bar.isVisible() and panel.status.cancel_button.isVisible()
    assert not panel.status.run_button.isVisible()
    assert panel.greyed and not panel.silence_button.isEnabled()
    assert not panel.up_to_date
    list_place = panel.list.geometry()
    gate.opened.set()
    qtbot.waitUntil(lambda: panel.up_to_date, timeout=WAIT_MS)
    assert not panel.status.isVisible()
    assert not panel.greyed and not panel.silence_button.isEnabled()  # no problem selected
    panel.list.selectRow(0)
    assert panel.silence_button.isEnabled()
    # The strip keeps its room once it has shown: the list stays where it was.
    assert panel.list.geometry() == list_place
    expected = run_checks(document.catalog, document.totals, DEFAULT_PROFILE)
    assert expected and panel.findings == expected
    assert panel.list.model().rowCount() == len(expected)
    assert big_window.problem_counts.text() == panel.summary()
    assert "warnings" in big_window.problem_counts.text()


def test_the_window_handles_events_while_the_checks_run(big_window, qtbot):
    panel = big_window.problems
    qtbot.waitUntil(lambda: panel.up_to_date, timeout=WAIT_MS)  # the run that opening started
    seen = []  # the progress bar's value at each timer tick while the checks ran

    def tick():
        if panel.task is not None:
            seen.append(panel.status.bar.value())
        big_window.tree.viewport().update()  # the tree repaints through its Python model

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    reports = []
    panel.refresh()
    panel.task.progressed.connect(lambda done, total: reports.append(done))
    timer.start()
    qtbot.waitUntil(lambda: panel.up_to_date, timeout=WAIT_MS)
    timer.stop()
    # The timer fired again and again while the worker checked, and the progress it reported
    # in between reached the bar: the UI thread kept handling events.
    assert len(seen) >= 3
    assert len(set(seen)) >= 2
    assert len(reports) >= 2 and reports == sorted(reports)
    assert panel.findings == run_checks(big_window.document.catalog, big_window.document.totals)


def test_cancel_stops_the_checks_and_run_again_does_them(big_window, qtbot, gate):
    panel = big_window.problems
    document = big_window.document
    qtbot.waitUntil(lambda: panel.status.shown)
    task = panel.task
    qtbot.mouseClick(panel.status.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.task is None
    assert panel.status.label.text() == "Checks cancelled — the problems below may be out of date."
    assert panel.status.run_button.isVisible()
    assert not panel.status.bar.isVisible() and not panel.status.cancel_button.isVisible()
    assert panel.greyed
    assert task.wait(10)  # the worker stopped, though the gate never opened
    QApplication.processEvents()  # what it sent before stopping is handled: nothing shows
    assert panel.findings == [] and not panel.up_to_date
    assert panel.status.run_button.isVisible()

    gate.opened.set()
    qtbot.mouseClick(panel.status.run_button, Qt.MouseButton.LeftButton)
    assert panel.task is not None and panel.status.cancel_button.isVisible()
    qtbot.waitUntil(lambda: panel.up_to_date, timeout=WAIT_MS)
    assert panel.findings == run_checks(document.catalog, document.totals)
    assert not panel.status.isVisible()


def test_an_edit_during_the_checks_starts_them_again_on_the_edited_catalog(big_window, qtbot, gate):
    panel = big_window.problems
    document = big_window.document
    shown = []
    panel.result_shown.connect(lambda: shown.append(list(panel.findings)))
    qtbot.waitUntil(lambda: panel.status.shown)
    interrupted = panel.task
    course = next(c for c in document.catalog.courses.values() if c.module_ids)
    document.push([SetField(course, "hours", 1)], "declare 1 h")
    assert panel.task is None  # given up at once: the catalog changed under it
    assert interrupted.wait(10)
    gate.opened.set()
    qtbot.waitUntil(lambda: panel.up_to_date, timeout=WAIT_MS)
    expected = run_checks(document.catalog, document.totals)
    assert panel.findings == expected
    assert any(
        f.rule == "workload.declared-mismatch" and f.unit == course.id for f in panel.findings
    )
    assert shown == [expected]  # the interrupted run never showed anything


def test_the_duplicate_search_shows_progress_cancels_and_runs_again(big_window, qtbot, gate):
    view = big_window.duplicates
    document = big_window.document
    catalog = document.catalog
    big_window.pages.setCurrentWidget(view)  # shown: it starts searching
    qtbot.waitUntil(lambda: view.status.shown)
    items = sum(len(m.items) for m in catalog.modules.values())
    searched = len(catalog.courses) + len(catalog.modules) + items
    searching = f"Looking for duplicates among {searched:,} courses, modules and items…"
    assert view.status.label.text() == searching
    assert view.greyed and not view.merge_button.isEnabled()
    qtbot.mouseClick(view.status.cancel_button, Qt.MouseButton.LeftButton)
    assert view.status.label.text() == "Search cancelled — the groups below may be out of date."
    assert view.status.run_button.isVisible() and view.groups == []

    gate.opened.set()
    qtbot.mouseClick(view.status.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    expected = find_duplicates(catalog, document.totals)
    assert expected and view.groups == expected
    assert view.list.model().rowCount() == len(expected)
    assert not view.greyed


def test_closing_the_window_while_the_checks_run_stops_them(qtbot, gate):
    window = large_window(qtbot)
    qtbot.waitUntil(lambda: window.problems.status.shown)
    task = window.problems.task
    discard_and_close(window)
    assert not task.is_running()  # closing waited for the worker, which saw the cancel


def test_results_for_a_replaced_catalog_are_dropped(big_window, qtbot, gate):
    old = big_window.problems
    counts = []
    old.counts_changed.connect(counts.append)
    qtbot.waitUntil(lambda: old.status.shown)
    task = old.task
    big_window.set_document(Document())  # File > New while checking
    assert not task.is_running()
    gate.opened.set()
    qtbot.waitUntil(lambda: big_window.problems.up_to_date, timeout=WAIT_MS)
    QApplication.processEvents()
    assert counts == []  # the old panel never reported the old catalog's problems
    assert big_window.problem_counts.text() == big_window.problems.summary()
    assert big_window.problems.findings == []


def test_a_task_cancelled_after_its_work_ended_delivers_only_the_cancel(qtbot):
    task = Task(lambda progress: "a result computed on the catalog as it was")
    delivered = []
    task.succeeded.connect(lambda result: delivered.append(("succeeded", result)))
    task.failed.connect(lambda error: delivered.append(("failed", error)))
    task.cancelled.connect(lambda: delivered.append(("cancelled", None)))
    task.start()
    assert task.wait(10)  # done, its result on its way to the UI thread
    task.cancel()  # an edit came first
    qtbot.waitUntil(lambda: len(delivered) > 0)
    assert delivered == [("cancelled", None)]


def test_the_worker_lets_the_ui_thread_catch_up_before_it_goes_on(qtbot, monkeypatch):
    # A busy worker would otherwise keep the GIL from the UI thread, which needs it for every
    # call into Python while it paints: the worker reports again only once the UI thread
    # took its last report.
    monkeypatch.setattr(background, "CATCH_UP_WAIT", 60)
    taken = []  # reports the UI thread handled
    handled_after = []  # how many it had handled when each report returned to the worker

    def work(progress):
        for done in range(20):
            progress(done, 20)
            handled_after.append(len(taken))
        return len(handled_after)

    task = Task(work)
    task.progressed.connect(lambda done, total: taken.append(done))
    results = []
    task.succeeded.connect(results.append)
    task.start()
    qtbot.waitUntil(lambda: len(results) > 0)
    assert taken == list(range(20))
    # When report n returned, the UI thread had handled the one before the last at least.
    assert all(count >= n - 1 for n, count in enumerate(handled_after))


def test_checks_that_fail_say_so_and_offer_to_run_again(big_window, qtbot, monkeypatch):
    panel = big_window.problems
    qtbot.waitUntil(lambda: panel.up_to_date, timeout=WAIT_MS)

    def broken(*args, progress, **kwargs):
        progress(0, 1)
        raise ValueError("a rule broke")

    monkeypatch.setattr(problems, "run_checks", broken)
    with qtbot.capture_exceptions() as exceptions:
        panel.refresh()
        qtbot.waitUntil(lambda: panel.task is None)
    [(kind, error, _)] = exceptions  # shown to the designer as any unexpected error
    assert kind is ValueError and str(error) == "a rule broke"
    assert panel.status.label.text() == "The checks failed: ValueError: a rule broke"
    assert panel.status.run_button.isVisible() and panel.greyed


def test_the_stackability_page_compares_the_certificates_in_the_background(
    big_window, qtbot, monkeypatch
):
    released = threading.Event()

    def held_overlap_matrix(catalog, totals, progress):
        assert threading.current_thread() is not threading.main_thread()
        released.wait(WAIT_MS / 1000)
        return overlap_matrix(catalog, totals, progress=progress)

    monkeypatch.setattr(stackability, "overlap_matrix", held_overlap_matrix)
    view = big_window.stackability
    big_window.pages.setCurrentWidget(view)  # shown: it starts comparing
    qtbot.waitUntil(lambda: view.status.shown)  # the window went on meanwhile
    assert view.status.label.text() == f"Comparing {PROGRAMS} certificates…"
    assert view.greyed and not view.up_to_date
    released.set()
    qtbot.waitUntil(lambda: view.up_to_date, timeout=WAIT_MS)
    assert not view.status.isVisible() and not view.greyed
    document = big_window.document
    expected = overlap_matrix(document.catalog, document.totals)
    assert expected and view.matrix.cells == expected
    source, target = next(iter(expected))
    row, column = (
        view.matrix.programs.index(document.catalog.program(p)) for p in (source, target)
    )
    assert (
        view.matrix.index(row, column)
        .data()
        .startswith(format_hours(expected[source, target].shared_hours))
    )
