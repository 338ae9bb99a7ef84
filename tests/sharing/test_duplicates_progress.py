"""The duplicate search reports its progress now and then, and stops early when asked to."""

import gc

import pytest

from designer.model import Totals
from designer.progress import Cancelled
from designer.sharing.duplicates import find_duplicates


@pytest.mark.parametrize("levels", [("course", "module", "item"), ("course",)])
def test_progress_counts_up_to_the_total_and_changes_nothing(sample, every_step, levels):
    totals = Totals(sample)
    reports = []
    found = find_duplicates(
        sample, totals, levels=levels, progress=lambda done, total: reports.append((done, total))
    )
    assert found and found == find_duplicates(sample, totals, levels=levels)
    [total] = {total for _, total in reports}
    done = [d for d, _ in reports]
    assert done[0] == 0 and done[-1] == total
    assert done == sorted(done)
    assert len(set(done)) > 20


def test_returning_false_stops_the_search_early(sample, every_step):
    reports = []

    def stop_at_the_tenth_report(done, total):
        reports.append((done, total))
        return len(reports) < 10

    with pytest.raises(Cancelled):
        find_duplicates(sample, Totals(sample), progress=stop_at_the_tenth_report)
    assert len(reports) == 10
    done, total = reports[-1]
    assert done < total / 2
    assert gc.isenabled()  # the collector, paused for the search, runs again


def test_raising_cancelled_stops_the_search(sample, every_step):
    reports = []

    def cancel_at_once(done, total):
        reports.append(done)
        raise Cancelled

    with pytest.raises(Cancelled):
        find_duplicates(sample, Totals(sample), progress=cancel_at_once)
    assert reports == [0]
