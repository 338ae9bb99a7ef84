"""Silencing a rule for one unit, with a reason kept in the catalog."""

from __future__ import annotations

from checks_catalogs import certificate

from designer.checks import is_silenced, run_checks
from designer.model import Silence, Totals
from designer.storage import dumps, loads

REASON = "The 2025 accreditation accepted 422 h."


def test_a_silence_removes_exactly_that_finding(sample):
    sample.silenced.clear()  # the sample's own, with the accreditation's reasons
    before = run_checks(sample, Totals(sample))
    sample.silenced.append(Silence(rule="workload.total-hours", unit="full-stack", reason=REASON))
    after = run_checks(sample, Totals(sample))
    assert [f for f in before if f not in after] == [
        f for f in before if (f.rule, f.unit) == ("workload.total-hours", "full-stack")
    ]
    assert len(after) == len(before) - 1


def test_include_silenced_brings_it_back(sample):
    sample.silenced.clear()
    sample.silenced.append(Silence(rule="workload.total-hours", unit="full-stack", reason=REASON))
    every = run_checks(sample, Totals(sample), include_silenced=True)
    sample.silenced.clear()
    assert every == run_checks(sample, Totals(sample))
    silenced = [f for f in every if f.rule == "workload.total-hours"]
    sample.silenced.append(Silence(rule="workload.total-hours", unit="full-stack", reason=REASON))
    assert [is_silenced(sample, f) for f in silenced] == [True]


def test_a_silence_is_for_one_rule_on_one_unit(sample):
    sample.silenced.clear()
    sample.silenced.extend(
        [
            Silence(rule="workload.total-hours", unit="back-end", reason="another unit"),
            Silence(rule="structure.capstone-last", unit="full-stack", reason="another rule"),
        ]
    )
    found = {(f.rule, f.unit) for f in run_checks(sample, Totals(sample))}
    assert ("workload.total-hours", "full-stack") in found
    assert ("structure.capstone-last", "back-end") in found


def test_a_silence_saved_in_the_file_still_silences_when_it_is_read_back():
    parts = certificate(weeks=11)
    parts.silenced.append(Silence(rule="workload.total-hours", unit="cert", reason="planned"))
    catalog, _ = parts.build()
    reread = loads(dumps(catalog))
    assert reread.silenced == catalog.silenced
    found = run_checks(reread, Totals(reread))
    assert {f.rule for f in found} == {"workload.course-hours"}  # 110 h courses: info
    assert [f.rule for f in run_checks(reread, Totals(reread), include_silenced=True)] == [
        "workload.total-hours",
        *[f.rule for f in found],
    ]
