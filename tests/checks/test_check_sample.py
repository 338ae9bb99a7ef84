"""The checks on the bundled sample: the report's four certificates give a short, sensible list."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from designer.checks import (
    DEFAULT_PROFILE,
    PROFILES,
    SEVERITIES,
    Finding,
    UnknownProfile,
    rule_titles,
    run_checks,
)
from designer.model import Totals

BARE_COURSES = 19  # of the sample's 21 courses, all but C# and Introduction to PR


def run(catalog, profile: str = DEFAULT_PROFILE) -> list[Finding]:
    return run_checks(catalog, Totals(catalog), profile)


def test_the_sample_has_no_errors_and_its_four_warnings_silenced(sample):
    found = run(sample)
    assert not [f for f in found if f.severity in ("error", "warning")]
    every = run_checks(sample, Totals(sample), include_silenced=True)
    warnings = [(f.rule, f.unit) for f in every if f.severity == "warning"]
    assert warnings == [
        ("workload.total-hours", "full-stack"),
        ("structure.capstone-last", "back-end"),
        ("structure.capstone-last", "front-end"),
        ("structure.capstone-last", "pr-communications"),
    ]


def test_full_stack_is_over_the_hours_and_public_relations_is_fine(sample):
    every = run_checks(sample, Totals(sample), include_silenced=True)
    hours = [f for f in every if f.rule == "workload.total-hours"]
    assert [f.unit for f in hours] == ["full-stack"]  # the PR certificate's 136 h are fine
    assert "422 h" in hours[0].message and "420 h" in hours[0].message
    assert hours[0].severity == "warning" and hours[0].field == "hours"


def test_the_sample_states_every_supplement_fact(sample):
    assert not [f for f in run(sample) if f.rule.startswith("supplement.")]


def test_each_course_given_by_its_hours_only_gets_one_info_finding(sample):
    found = run(sample)
    bare = [c.id for c in sample.courses.values() if not c.module_ids]
    assert len(bare) == BARE_COURSES
    for course_id in bare:
        about = [f for f in found if f.unit == course_id]
        assert [(f.rule, f.severity) for f in about] == [("structure.outline-only", "info")]


def test_the_sample_s_info_findings(sample):
    info = [(f.rule, f.unit) for f in run(sample) if f.severity == "info"]
    advice = [pair for pair in info if pair[0] != "structure.outline-only"]
    # "Integrate" is a Create or Analyze verb, set to Apply. ("Declare variables", set to
    # Apply, is one of the levels "declare" has: no advice.)
    assert advice == [("outcomes.bloom-verb", "full-stack-o2")]
    assert len(info) == BARE_COURSES + 1


def test_findings_come_errors_first_then_in_catalog_order(sample):
    sample.program("back-end").eqf_level = None  # an error, on the second program
    found = run(sample)
    assert (found[0].rule, found[0].unit) == ("supplement.eqf-level", "back-end")
    ranks = [SEVERITIES.index(f.severity) for f in found]
    assert ranks == sorted(ranks)
    info = [f.unit for f in found if f.severity == "info"]
    # Full Stack's outcome, then its courses in order (its 2nd, C#, is not bare).
    assert info[:3] == [
        "full-stack-o2",
        "foundations-of-coding-full-stack",
        "introduction-to-web-development",
    ]


def test_the_higher_education_profile_adds_its_rule_and_the_sample_passes_it(sample):
    # The same findings, by rule, unit and severity (the hours range is worded for each).
    def found(profile):
        return [(f.rule, f.unit, f.severity) for f in run(sample, profile)]

    assert found("higher-education") == found("entry-level")
    entry, higher = rule_titles("entry-level"), rule_titles("higher-education")
    assert set(higher) - set(entry) == {"workload.min-ects"}
    assert higher["workload.total-hours"] == "Total within 130-420 hours"


def test_profiles_have_names_titles_and_rules_with_unique_ids():
    assert DEFAULT_PROFILE == "entry-level"
    assert set(PROFILES) == {"entry-level", "higher-education"}
    for name, profile in PROFILES.items():
        assert profile.name == name and profile.title
        ids = [rule.id for rule in profile.rules]
        assert len(ids) == len(set(ids))
        assert all(rule.severity in SEVERITIES for rule in profile.rules)


def test_an_unknown_profile_is_refused_with_the_profiles_named(sample):
    with pytest.raises(UnknownProfile, match="entry-level.*higher-education"):
        run(sample, "university")


def test_checking_the_sample_takes_well_under_a_tenth_of_a_second(sample):
    totals = Totals(sample)
    run_checks(sample, totals)  # the verb list is read once
    best = min(_timed(lambda: run_checks(sample, totals)) for _ in range(5))
    assert best < 0.05


def _timed(call) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def test_the_checks_do_not_import_qt(sample_path):
    code = (
        "import sys\n"
        "from designer.checks import run_checks\n"
        "from designer.checks.commands import add_commands\n"
        "from designer.model import Totals\n"
        "from designer.storage import load\n"
        f"catalog = load({str(sample_path)!r})\n"
        "run_checks(catalog, Totals(catalog))\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
