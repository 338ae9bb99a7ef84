"""Supplement rules: what each certificate's supplement must state, from the program's fields.

The accreditation was granted on the condition of a supplement stating six facts: learning
outcomes, issuer country, ECTS workload, EQF level, type of assessment and mode of study;
missing one is an error. The EU standard elements for micro-credentials add a title, the
awarding body (the issuer's name stands in for it) and the type of quality assurance: the
export asks for them as it does for the six, so they are errors too (as warnings, Problems
passed a program whose export was then refused). The learner, the date of issue and the
grade are filled in at issue time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from designer.checks.context import Context
from designer.checks.findings import ERROR, Finding, Rule
from designer.model import Program
from designer.model.totals import format_number

Check = Callable[[Context], Iterator[Finding]]


def _field_rule(
    rule_id: str,
    severity: str,
    title: str,
    field: str,
    missing: Callable[[Program], bool],
    what: str,
    hint: str,
) -> Rule:
    """A rule for one fact the supplement takes from one of the program's fields."""

    def check(ctx: Context) -> Iterator[Finding]:
        for program in ctx.catalog.programs:
            if missing(program):
                yield ctx.finding(
                    program,
                    f"{ctx.name(program)} has no {what}, which its certificate supplement "
                    "must state.",
                    hint,
                    field,
                )

    return Rule(rule_id, severity, title, check)


def ects(ctx: Context) -> Iterator[Finding]:
    for program in ctx.catalog.programs:
        figures = ctx.program_totals(program)
        # A program with no course yet too: its export is refused for want of credits.
        if figures.ects <= 0:
            credit = ctx.h(ctx.settings.hours_per_credit)
            if not program.course_ids:
                hint = f"Add its courses, with their hours: one credit is {credit}."
            elif figures.hours > 0:  # hours there are, but less than a credit's
                hint = f"Add work to its courses until they reach a credit's {credit}."
            else:
                hint = f"Give its courses their hours: one credit is {credit}."
            # 24.997 h earn 0 ECTS: "25 h" would be a credit's worth (see format_credit_hours).
            hours = ctx.h(figures.hours)
            if figures.hours >= 0.005:
                hours = f"{figures.hours_text(ctx.settings.rounding)} h"
            yield ctx.finding(
                program,
                f"{ctx.name(program)} earns {format_number(figures.ects)} ECTS "
                f"({hours}): its certificate supplement must state the "
                "workload in ECTS credits.",
                hint,
                "hours",
            )


def mode_of_study(ctx: Context) -> Iterator[Finding]:
    for program in ctx.catalog.programs:
        # The fields by the names the Details form gives them ("Mode of study", "Pace").
        fields = (("mode of study", "delivery", program.delivery), ("pace", "pace", program.pace))
        missing = [(word, field) for word, field, value in fields if value is None]
        if missing:
            yield ctx.finding(
                program,
                f"{ctx.name(program)} has no {' and no '.join(w for w, _ in missing)}: its "
                "certificate supplement must state how it is studied (such as online, "
                "part-time).",
                "Set its mode of study (online, blended, on-site) and its pace (part-time, "
                "full-time).",
                missing[0][1],
            )


RULES = (
    _field_rule(
        "supplement.learning-outcomes",
        ERROR,
        "Supplement: learning outcomes",
        "outcomes",
        # An outcome without text is left out of the supplement: it does not count.
        lambda p: not any(outcome.text.strip() for outcome in p.outcomes),
        "learning outcomes",
        "Add the certificate's learning outcomes, each starting with a measurable verb.",
    ),
    _field_rule(
        "supplement.issuer-country",
        ERROR,
        "Supplement: issuer country",
        "issuer_country",
        lambda p: p.issuer_country is None,
        "issuer country",
        "Set the issuer's country (an ISO 3166 code such as US).",
    ),
    Rule("supplement.ects", ERROR, "Supplement: workload in ECTS", ects),
    _field_rule(
        "supplement.eqf-level",
        ERROR,
        "Supplement: EQF level",
        "eqf_level",
        lambda p: p.eqf_level is None,
        "EQF level",
        "Set its EQF level (1-8, or a range such as 5-6); the descriptors help to choose.",
    ),
    _field_rule(
        "supplement.assessment",
        ERROR,
        "Supplement: type of assessment",
        "assessment",
        lambda p: not p.assessment.strip(),
        "type of assessment",
        "Describe what a learner must pass to earn it, e.g. graded quizzes and a capstone project.",
    ),
    Rule("supplement.mode-of-study", ERROR, "Supplement: mode of study", mode_of_study),
    _field_rule(
        "supplement.title",
        ERROR,
        "Supplement: title",
        "title",
        lambda p: not p.title.strip(),
        "title",
        "Give the certificate its title.",
    ),
    _field_rule(
        "supplement.awarding-body",
        ERROR,
        "Supplement: awarding body",
        "awarding_body",
        lambda p: not p.awarding_body.strip() and not p.issuer_name.strip(),
        "awarding body",
        "Name the body that awards the certificate, or its issuer (an EU standard element).",
    ),
    _field_rule(
        "supplement.quality-assurance",
        ERROR,
        "Supplement: quality assurance",
        "quality_assurance",
        lambda p: not p.quality_assurance.strip(),
        "type of quality assurance",
        "Say how its quality is assured, e.g. the accreditation it holds (an EU standard element).",
    ),
)
