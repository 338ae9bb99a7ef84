"""The checks report their progress now and then, and stop early when asked to."""

import gc

import pytest

from designer import progress
from designer.checks import run_checks
from designer.model import Totals
from designer.progress import Cancelled, Meter


def test_progress_counts_up_to_the_total_and_changes_nothing(sample, every_step):
    reports = []
    found = run_checks(
        sample, Totals(sample), progress=lambda done, total: reports.append((done, total))
    )
    assert found == run_checks(sample, Totals(sample))
    [total] = {total for _, total in reports}
    done = [d for d, _ in reports]
    assert done[0] == 0 and done[-1] == total
    assert done == sorted(done)
    assert len(set(done)) > 20  # it moves while the rules run, not only between them


def test_returning_false_stops_the_checks_early(sample, every_step):
    reports = []

    def stop_at_the_fifth_report(done, total):
        reports.append((done, total))
        return len(reports) < 5

    with pytest.raises(Cancelled):
        run_checks(sample, Totals(sample), progress=stop_at_the_fifth_report)
    assert len(reports) == 5
    done, total = reports[-1]
    assert done < total / 2
    assert gc.isenabled()  # the collector, paused for the run, runs again


def test_raising_cancelled_stops_the_checks(sample, every_step):
    reports = []

    def cancel_at_once(done, total):
        reports.append(done)
        raise Cancelled

    with pytest.raises(Cancelled):
        run_checks(sample, Totals(sample), "higher-education", progress=cancel_at_once)
    assert reports == [0]


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_meter_reports_once_enough_time_has_passed(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(progress, "perf_counter", clock)
    reports = []
    meter = Meter(lambda done, total: reports.append(done), 100)
    meter.start()
    meter.part(50)
    for _ in range(10):
        meter.advance()
    assert reports == [0]  # steps, but no time passed: not worth a report
    clock.now += progress.REPORT_EVERY
    meter.advance()
    assert reports == [0, 11]
    for _ in meter.each(range(60)):  # more than the part holds: the count stops at its end
        pass
    assert meter.done == 50
    meter.part(50)
    meter.finish()
    assert reports[-1] == 100


def test_without_a_callback_the_meter_walks_the_items_as_they_are():
    meter = Meter(None, 10)
    items = [1, 2, 3]
    assert meter.each(items) is items
