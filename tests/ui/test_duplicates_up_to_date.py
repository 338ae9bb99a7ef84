"""The Duplicates page comes up to date promptly after files opened one after another.

Opening a file makes the window's views again; the old ones are deleted when the event
loop next runs, and only then is their catalog let go of and the collector's sweep run
(MainWindow.set_document). The undo-integrity property opens the sample for each of its
examples with no event loop between: the old views of all of them went at its next wait,
on the Duplicates page, each with a sweep of every object of the process (70 ms, and
more in a long test session), and the page's search, waited for 5 s, once came too late.
One sweep does for the catalogs let go of together.
"""

import time

from window_actions import open_page

from designer.ui import main_window

OPENS = 6
SWEEP_SECONDS = 1.0  # as a sweep of a long session's objects might take on a slow machine


def test_files_opened_one_after_another_are_swept_once(
    empty_window, qtbot, sample_copy, monkeypatch
):
    window = empty_window
    sweeps = []

    def sweep(sweep=True):
        sweeps.append(sweep)
        time.sleep(SWEEP_SECONDS)

    monkeypatch.setattr(main_window, "keep_out_of_sweeps", sweep)
    for _ in range(OPENS):
        assert window.files.open_file(sample_copy)
    assert not sweeps  # the old views are still there: no event loop ran since
    view = window.duplicates
    open_page(window, qtbot, "Duplicates")
    view.refresh()
    # Six sweeps of a second each, one after another, left no time for the search.
    qtbot.waitUntil(lambda: view.up_to_date)
    qtbot.waitUntil(lambda: bool(sweeps))
    qtbot.wait(100)  # any other sweep would have run by now: the old views are all gone
    assert sweeps == [True]
