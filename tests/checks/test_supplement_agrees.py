"""What Problems calls an error of a certificate's supplement is what its export refuses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from checks_catalogs import Parts, bare_course, certificate

from designer.checks import ERROR, run_checks
from designer.model import Program
from designer.supplement import missing_facts, supplement_facts

Change = Callable[[Program, Parts], None]


def cleared(**fields: object) -> Change:
    def change(program: Program, parts: Parts) -> None:
        for name, value in fields.items():
            setattr(program, name, value)

    return change


def no_outcomes(program: Program, parts: Parts) -> None:
    for course in parts.courses:
        course.outcomes[0].supports = []
    program.outcomes = []


def under_a_credit(program: Program, parts: Parts) -> None:
    parts.courses.append(bare_course("bare", "A bare course", 20))
    program.course_ids = ["bare"]


CHANGES = {
    "nothing": (cleared(), []),
    "awarding body, the issuer named": (cleared(awarding_body=""), []),
    "awarding body and issuer": (
        cleared(awarding_body="", issuer_name=""),
        ["awarding body"],
    ),
    "quality assurance": (cleared(quality_assurance=" "), ["type of quality assurance"]),
    "outcomes": (no_outcomes, ["learning outcomes"]),
    "issuer country": (cleared(issuer_country=None), ["issuer country"]),
    "EQF level": (cleared(eqf_level=None), ["EQF level"]),
    "assessment": (cleared(assessment=""), ["type of assessment"]),
    "pace": (cleared(pace=None), ["mode of study"]),
    "title": (cleared(title=""), ["title"]),
    "under one credit": (under_a_credit, ["workload in ECTS"]),
}


@pytest.mark.parametrize("change", CHANGES)
def test_problems_and_the_export_agree_on_what_the_supplement_lacks(change):
    """Problems passed a program without awarding body or quality assurance (warnings) that
    the export refused, and the export stated "0 ECTS" of a program Problems faulted."""
    apply, lacking = CHANGES[change]
    parts = certificate()
    apply(parts.program(), parts)
    catalog, totals = parts.build()
    errors = [
        f.rule
        for f in run_checks(catalog, totals, "entry-level")
        if f.unit == "cert" and f.rule.startswith("supplement.") and f.severity == ERROR
    ]
    missing = missing_facts(supplement_facts(catalog, totals, "cert"))
    assert missing == lacking
    assert len(errors) == len(lacking)
