"""Outcome rules: outcomes at every level, measurable verbs, Bloom levels that fit, EQF reach."""

from __future__ import annotations

from collections.abc import Iterator

from designer.bloom import AMBIGUOUS, NO_VERB, NON_MEASURABLE, TOO_MANY_VERBS
from designer.checks.context import Context
from designer.checks.findings import INFO, WARNING, Finding, Rule
from designer.model import Bloom, Outcome, Program
from designer.model.alignment import bloom_rank

EQF_ABOVE_UNDERSTAND = 5  # from EQF 5 on, learners solve problems, not only understand


def level_name(level: Bloom) -> str:
    return level.value.capitalize()


def levels_text(levels: tuple[Bloom, ...]) -> str:
    names = [level_name(level) for level in levels]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _worded(ctx: Context) -> Iterator[Outcome]:
    """The outcomes that have a text to judge (structure.empty reports the others)."""
    for outcome, _ in ctx.each(ctx.outcomes):
        if outcome.text.strip():
            yield outcome


def missing(ctx: Context) -> Iterator[Finding]:
    """Courses with modules and modules with items that state no outcome.

    A course or module given by its hours only is structure.outline-only's; a program's
    outcomes are the supplement's (supplement.learning-outcomes).
    """
    for course in ctx.each(ctx.catalog.courses.values()):
        if course.module_ids and not course.outcomes:
            yield ctx.finding(
                course,
                f"The course {ctx.name(course)} has no learning outcomes.",
                "Add what a learner can do after the course, and tick the program outcomes "
                "each one supports.",
                "outcomes",
            )
    for module in ctx.each(ctx.catalog.modules.values()):
        if module.items and not module.outcomes:
            yield ctx.finding(
                module,
                f"The module {ctx.name(module)} has no learning objectives.",
                "Add what a learner can do after this week, and tick the course outcomes each "
                "one supports.",
                "outcomes",
            )


def measurable_verb(ctx: Context) -> Iterator[Finding]:
    for outcome in _worded(ctx):
        advice = ctx.advice(outcome)
        if NON_MEASURABLE in advice.flags:
            yield ctx.finding(
                outcome,
                f"{ctx.subject(outcome)} says “{advice.vague}”, which cannot be "
                "observed or measured.",
                "Start with an action verb a learner can be assessed on: explain, apply, "
                "compare, design...",
                "text",
            )


def unknown_verb(ctx: Context) -> Iterator[Finding]:
    for outcome in _worded(ctx):
        if NO_VERB in ctx.advice(outcome).flags:
            yield ctx.finding(
                outcome,
                f"{ctx.subject(outcome)} does not start with an action verb the verb list knows.",
                "Start it with a measurable action verb; if it does, silence this with the verb.",
                "text",
            )


def ambiguous_verb(ctx: Context) -> Iterator[Finding]:
    for outcome in _worded(ctx):
        advice = ctx.advice(outcome)
        if outcome.bloom is None and AMBIGUOUS in advice.flags:
            yield ctx.finding(
                outcome,
                f"{ctx.subject(outcome)} has no Bloom level, and “{advice.verb}” "
                f"can mean {levels_text(advice.candidates)}.",
                "Pick the level you mean.",
                "bloom",
            )


def bloom_missing(ctx: Context) -> Iterator[Finding]:
    for outcome, _ in ctx.each(ctx.outcomes):
        if outcome.bloom is not None:
            continue
        advice = ctx.advice(outcome) if outcome.text.strip() else None
        if advice is not None and AMBIGUOUS in advice.flags:
            continue  # outcomes.ambiguous-verb asks for the choice
        suggested = (
            f"; its verb suggests {level_name(advice.level)}"
            if advice is not None and advice.level is not None
            else ""
        )
        yield ctx.finding(
            outcome,
            f"{ctx.subject(outcome)} has no Bloom level{suggested}.",
            "Set its Bloom level.",
            "bloom",
        )


def bloom_verb(ctx: Context) -> Iterator[Finding]:
    for outcome in _worded(ctx):
        advice = ctx.advice(outcome)
        if outcome.bloom is None or advice.level is None or NON_MEASURABLE in advice.flags:
            continue
        fitting = advice.candidates or (advice.level,)
        if outcome.bloom in fitting:
            continue
        yield ctx.finding(
            outcome,
            f"{ctx.subject(outcome)} is set to {level_name(outcome.bloom)}, but "
            f"“{advice.verb}” usually means {levels_text(fitting)}.",
            "Check the level, or reword the outcome with a verb of the level you mean.",
            "bloom",
        )


def too_many_verbs(ctx: Context) -> Iterator[Finding]:
    for outcome in _worded(ctx):
        if TOO_MANY_VERBS in ctx.advice(outcome).flags:
            yield ctx.finding(
                outcome,
                f"{ctx.subject(outcome)} joins more than two action verbs.",
                "Keep one verb, at most two, so one assessment can check it; split the rest "
                "into outcomes of their own.",
                "text",
            )


def eqf_top(program: Program) -> int | None:
    if program.eqf_level is None:
        return None
    return int(program.eqf_level.split("-")[-1])


def eqf_reach(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    understand = bloom_rank(Bloom.UNDERSTAND)
    for program in catalog.programs:
        top = eqf_top(program)
        if top is None or top < EQF_ABOVE_UNDERSTAND:
            continue
        outcomes = list(program.outcomes)
        for course in catalog.courses_of(program):
            outcomes.extend(course.outcomes)
            for module in catalog.modules_of(course):
                outcomes.extend(module.outcomes)
        ranks = [bloom_rank(o.bloom) for o in outcomes if o.bloom is not None]
        if not ranks or max(ranks) > understand:
            continue
        yield ctx.finding(
            program,
            f"{ctx.name(program)} is at EQF {program.eqf_level}, but none of its outcomes, "
            f"nor its courses' or modules', goes above {level_name(list(Bloom)[max(ranks)])}.",
            f"EQF {top} asks for applying knowledge to solve problems: state what learners "
            "apply, analyse, evaluate or create, or lower the EQF level.",
            "outcomes",
        )


RULES = (
    Rule("outcomes.missing", WARNING, "Outcomes at every level", missing),
    Rule("outcomes.measurable-verb", WARNING, "Measurable verbs", measurable_verb),
    Rule("outcomes.unknown-verb", INFO, "A known action verb first", unknown_verb),
    Rule("outcomes.ambiguous-verb", WARNING, "A level for ambiguous verbs", ambiguous_verb),
    Rule("outcomes.bloom-missing", WARNING, "Bloom level set", bloom_missing),
    Rule("outcomes.bloom-verb", INFO, "Bloom level fits the verb", bloom_verb),
    Rule("outcomes.too-many-verbs", INFO, "At most two action verbs", too_many_verbs),
    Rule("outcomes.eqf-reach", WARNING, "Outcomes reach the EQF level", eqf_reach),
)
