"""Alignment rules: outcomes that serve the level above, are assessed, and are mapped without gaps.

Module outcomes support course outcomes, course outcomes program outcomes (their `supports`).
A rule that needs a level's outcomes skips units that have none yet: outcomes.missing and
structure.outline-only report those.
"""

from __future__ import annotations

from collections.abc import Iterator

from designer.checks.context import Context
from designer.checks.findings import INFO, WARNING, Finding, Rule
from designer.checks.outcomes import level_name
from designer.model import Bloom, Course, Outcome, Program
from designer.model.alignment import addressing, bloom_rank

INTRODUCED_BELOW = bloom_rank(Bloom.APPLY)  # outcomes from Apply up are introduced at a lower level


def module_outcome_unlinked(ctx: Context) -> Iterator[Finding]:
    """The panel's finding: module objectives drifting away from their course's objectives."""
    catalog = ctx.catalog
    for module in ctx.each(catalog.modules.values()):
        courses = [catalog.courses[c] for c in catalog.users(module.id)]
        targets = {o.id for course in courses for o in course.outcomes}
        if not targets:
            continue
        named = " or ".join(ctx.name(c) for c in courses if c.outcomes)
        for outcome in module.outcomes:
            if not targets.intersection(outcome.supports):
                yield ctx.finding(
                    outcome,
                    f"{ctx.subject(outcome)} supports no outcome of its course {named}.",
                    "Tick the course outcome it serves, or reword it towards one: module "
                    "objectives that drift from their course's are a finding of accreditation "
                    "panels.",
                    "supports",
                )


def course_outcome_unsupported(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for course in ctx.each(catalog.courses.values()):
        modules = catalog.modules_of(course)
        supported = {target for m in modules for o in m.outcomes for target in o.supports}
        if not any(m.outcomes for m in modules):
            continue
        for outcome in course.outcomes:
            if outcome.id not in supported:
                yield ctx.finding(
                    outcome,
                    f"{ctx.subject(outcome)} is supported by none of its modules' objectives.",
                    "Tick it in the objectives of the weeks that teach it, or add a week that "
                    "does.",
                )


def course_outcome_unlinked(ctx: Context) -> Iterator[Finding]:
    for course in ctx.each(ctx.catalog.courses.values()):
        programs = [p for p in ctx.programs_of(course) if p.outcomes]
        targets = {o.id for program in programs for o in program.outcomes}
        if not targets:
            continue
        for outcome in course.outcomes:
            if not targets.intersection(outcome.supports):
                named = " or ".join(ctx.name(p) for p in programs)
                yield ctx.finding(
                    outcome,
                    f"{ctx.subject(outcome)} supports no outcome of {named}.",
                    "Tick the program outcome it serves, or reword it towards one.",
                    "supports",
                )


def _addressing(ctx: Context, course: Course, outcome_id: str) -> list[Outcome]:
    """The course's outcomes and its modules' that serve a program outcome, directly or not."""
    own, weekly = addressing(ctx.catalog, course, outcome_id)
    return own + weekly


def _mappable(ctx: Context) -> Iterator[tuple[Program, list[Course]]]:
    for program in ctx.each(ctx.catalog.programs):
        if program.id in ctx.mappable_programs:
            yield program, ctx.catalog.courses_of(program)


def program_outcome_unreached(ctx: Context) -> Iterator[Finding]:
    for program, courses in _mappable(ctx):
        for outcome in program.outcomes:
            if not any(_addressing(ctx, course, outcome.id) for course in courses):
                yield ctx.finding(
                    outcome,
                    f"{ctx.subject(outcome)} is served by none of its courses' outcomes.",
                    "Tick it in the outcomes of the courses that teach it, or add a course "
                    "that does.",
                )


class _Assessed:
    """Whether an outcome is assessed: a graded item names it, or one that supports it."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.known: dict[str, bool] = {}

    def __call__(self, outcome_id: str) -> bool:
        found = self.known.get(outcome_id)
        if found is None:
            self.known[outcome_id] = False  # an outcome supporting itself in a cycle
            found = outcome_id in self.ctx.graded_outcomes or any(
                self(s.id) for s in self.ctx.supporters.get(outcome_id, ())
            )
            self.known[outcome_id] = found
        return found


def not_assessed(ctx: Context) -> Iterator[Finding]:
    """Outcomes no graded item checks, at the levels where the items are known.

    Module outcomes where the module has items; course outcomes that a module objective
    serves, where every module of the course has items; program outcomes that a course
    serves, where every course of the program is detailed so.
    """
    catalog = ctx.catalog
    assessed = _Assessed(ctx)
    hint = (
        "Select a graded quiz or project that checks it and tick it in the item's "
        "Outcomes tab, or add one."
    )
    for program, courses in _mappable(ctx):
        if not all(ctx.detailed(course) for course in courses):
            continue
        for outcome in program.outcomes:
            reached = any(_addressing(ctx, course, outcome.id) for course in courses)
            if reached and not assessed(outcome.id):
                yield ctx.finding(
                    outcome, f"{ctx.subject(outcome)} is assessed in none of its courses.", hint
                )
    for course in ctx.each(catalog.courses.values()):
        if not ctx.detailed(course):
            continue
        for outcome in course.outcomes:
            if ctx.supporters.get(outcome.id) and not assessed(outcome.id):
                yield ctx.finding(
                    outcome, f"{ctx.subject(outcome)} is assessed in none of its weeks.", hint
                )
    for module in ctx.each(catalog.modules.values()):
        if not module.items:
            continue
        for outcome in module.outcomes:
            if not assessed(outcome.id):
                yield ctx.finding(
                    outcome, f"{ctx.subject(outcome)} is checked by no graded item.", hint
                )


def _reach(
    ctx: Context, program: Program, courses: list[Course]
) -> Iterator[tuple[Outcome, list[tuple[Course, int, int]]]]:
    """Each levelled program outcome with the courses that address it: (course, lowest, highest)."""
    for outcome in program.outcomes:
        if outcome.bloom is None:
            continue
        reached = []
        for course in courses:
            ranks = [bloom_rank(o.bloom) for o in _addressing(ctx, course, outcome.id) if o.bloom]
            if ranks:
                reached.append((course, min(ranks), max(ranks)))
        if reached:
            yield outcome, reached


def never_mastered(ctx: Context) -> Iterator[Finding]:
    for program, courses in _mappable(ctx):
        for outcome, reached in _reach(ctx, program, courses):
            assert outcome.bloom is not None
            highest = max(top for _, _, top in reached)
            if highest >= bloom_rank(outcome.bloom):
                continue
            where = ", ".join(ctx.name(course) for course, _, _ in reached)
            yield ctx.finding(
                outcome,
                f"{ctx.subject(outcome)} is at {level_name(outcome.bloom)}, but its courses "
                f"take it no further than {level_name(list(Bloom)[highest])} ({where}): "
                "introduced, never mastered.",
                f"Have a later course, such as the capstone, reach {level_name(outcome.bloom)}, or "
                "lower the outcome's level.",
                "bloom",
            )


def never_introduced(ctx: Context) -> Iterator[Finding]:
    for program, courses in _mappable(ctx):
        for outcome, reached in _reach(ctx, program, courses):
            assert outcome.bloom is not None
            level = bloom_rank(outcome.bloom)
            if level < INTRODUCED_BELOW:
                continue
            first, lowest, _ = reached[0]
            if lowest < level:
                continue  # introduced below its level where it first comes
            yield ctx.finding(
                outcome,
                f"{ctx.subject(outcome)} is mastered ({level_name(outcome.bloom)}) in "
                f"{ctx.name(first)}, the first course that addresses it, without being "
                "introduced at a lower level before.",
                "Have an earlier course, or an earlier week of this one, introduce it at a "
                "lower Bloom level.",
            )


RULES = (
    Rule(
        "alignment.module-outcome-unlinked",
        WARNING,
        "Module objectives serve their course",
        module_outcome_unlinked,
    ),
    Rule(
        "alignment.course-outcome-unsupported",
        WARNING,
        "Course outcomes served by modules",
        course_outcome_unsupported,
    ),
    Rule(
        "alignment.course-outcome-unlinked",
        WARNING,
        "Course outcomes serve the program",
        course_outcome_unlinked,
    ),
    Rule(
        "alignment.program-outcome-unreached",
        WARNING,
        "Program outcomes reached",
        program_outcome_unreached,
    ),
    Rule("alignment.not-assessed", WARNING, "Outcomes assessed", not_assessed),
    Rule("alignment.map-never-mastered", WARNING, "Curriculum map: mastered", never_mastered),
    Rule(
        "alignment.map-never-introduced",
        INFO,
        "Curriculum map: introduced first",
        never_introduced,
    ),
)
