"""The overlap matrix reports its progress now and then, and stops early when asked to."""

import pytest

from benchmarks.generate import generate
from designer.model import Totals
from designer.progress import Cancelled
from designer.sharing.overlap import overlap_matrix


@pytest.fixture(scope="module")
def portfolio():
    catalog, _ = generate(programs=40, courses=200, seed=3)
    return catalog, Totals(catalog)


def test_progress_counts_up_to_the_total_and_changes_nothing(portfolio, every_step):
    catalog, totals = portfolio
    reports = []
    found = overlap_matrix(catalog, totals, progress=lambda done, total: reports.append(done))
    assert found and found == overlap_matrix(catalog, totals)
    assert reports[0] == 0 and reports[-1] == 2 * len(catalog.programs)
    assert reports == sorted(reports) and len(set(reports)) > 20


def test_returning_false_stops_early(portfolio, every_step):
    catalog, totals = portfolio
    reports = []

    def stop_at_the_tenth_report(done, total):
        reports.append(done)
        return len(reports) < 10

    with pytest.raises(Cancelled):
        overlap_matrix(catalog, totals, progress=stop_at_the_tenth_report)
    assert len(reports) == 10 and reports[-1] < len(catalog.programs)
