"""Structure rules: courses per certificate, a capstone last, weekly modules that end graded."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designer.checks.context import Context
from designer.checks.findings import ERROR, INFO, WARNING, Finding, Rule
from designer.model import Course, Item, ItemKind, Module

MIN_COURSES = 4
LESSONS = (4, 6)  # a weekly module holds 4-6 lessons
CAPSTONE = re.compile(r"\bcapstone\b|\bfinal project\b", re.IGNORECASE)


def kind_words(item: Item) -> str:
    return item.kind.value.replace("_", " ")


def empty_units(ctx: Context) -> Iterator[Finding]:
    catalog = ctx.catalog
    for program in catalog.programs:
        if not program.course_ids:
            yield ctx.finding(
                program,
                f"{ctx.name(program)} has no courses yet.",
                "Add its courses, or delete the program.",
                "course_ids",
            )
    for course in ctx.each(catalog.courses.values()):
        yield from _untitled(ctx, course, "course")
        if not course.module_ids and not course.hours:
            yield ctx.finding(
                course,
                f"The course {ctx.name(course)} has no weekly modules and no hours.",
                "Add its weekly modules, or give the hours it takes.",
                "hours",
            )
    for module in ctx.each(catalog.modules.values()):
        yield from _untitled(ctx, module, "module")
        if not module.items and not module.hours:
            yield ctx.finding(
                module,
                f"The module {ctx.name(module)} has no items and no hours.",
                "Add its videos, readings, quizzes..., or give the hours it takes.",
                "items",
            )
        for item in module.items:
            yield from _untitled(ctx, item, kind_words(item))
            if item.minutes == 0:
                yield ctx.finding(
                    item,
                    f"The {kind_words(item)} {ctx.name(item)} in {ctx.name(module)} takes "
                    "0 minutes, so it adds nothing to the workload.",
                    "Give the minutes a learner spends on it; the workload counts everything.",
                    "minutes",
                )
    for outcome, unit in ctx.each(ctx.outcomes):
        if not outcome.text.strip():
            yield ctx.finding(
                outcome,
                f"An outcome of {ctx.name(unit)} ({outcome.id}) has no text.",
                "Write what the learner can do, starting with a measurable verb, or delete it.",
                "text",
            )


def _untitled(ctx: Context, unit: Course | Module | Item, kind: str) -> Iterator[Finding]:
    """A unit without a title (a program's is a rule of the supplement)."""
    if not unit.title.strip():
        yield ctx.finding(
            unit,
            f"A {kind} ({unit.id}) has no title.",
            "Give it the title learners see in the syllabus.",
            "title",
        )


def outline_only(ctx: Context) -> Iterator[Finding]:
    """One finding per unit given by its hours alone; the rules that need its parts skip it."""
    for course in ctx.each(ctx.catalog.courses.values()):
        if course.module_ids or not course.hours:
            continue
        if course.outcomes:
            missing, skipped = "no weekly modules", "weeks and assessments"
        else:
            missing, skipped = "no weekly modules or outcomes", "weeks, assessments and outcomes"
        yield ctx.finding(
            course,
            f"The course {ctx.name(course)} has only its hours ({ctx.h(ctx.hours(course))}), "
            f"{missing} yet: the checks of {skipped} skip it.",
            "Add its weekly modules, with their items and outcomes, when you design it in detail.",
            "module_ids",
        )
    for module in ctx.each(ctx.catalog.modules.values()):
        if module.items or not module.hours:
            continue
        yield ctx.finding(
            module,
            f"The module {ctx.name(module)} has only its hours ({ctx.h(ctx.hours(module))}), "
            "no items yet: the checks of lessons and graded assessments skip it.",
            "Add its items (videos, readings, quizzes...) when you design it in detail.",
            "items",
        )


def min_courses(ctx: Context) -> Iterator[Finding]:
    for program in ctx.catalog.programs:
        count = len(program.course_ids)
        if 0 < count < MIN_COURSES:
            yield ctx.finding(
                program,
                f"{ctx.name(program)} has {count} course{'s' if count != 1 else ''}; "
                f"a professional certificate has at least {MIN_COURSES}.",
                f"Add {MIN_COURSES - count} more, or offer it as part of a larger certificate.",
                "course_ids",
            )


def is_capstone(course: Course) -> bool:
    return bool(CAPSTONE.search(course.title) or CAPSTONE.search(course.code))


def capstone_last(ctx: Context) -> Iterator[Finding]:
    for program in ctx.catalog.programs:
        courses = ctx.catalog.courses_of(program)
        if not courses or is_capstone(courses[-1]):
            continue
        capstones = [c for c in courses if is_capstone(c)]
        last = ctx.name(courses[-1])
        if capstones:
            message = (
                f"{ctx.name(program)} ends with {last}, not with its capstone "
                f"{ctx.name(capstones[-1])}."
            )
            hint = "Move the capstone project to the end of the program."
        else:
            message = (
                f"{ctx.name(program)} has no capstone project: its last course is {last}, "
                "and no course's title names a capstone."
            )
            hint = (
                "End the program with a capstone project course (say “Capstone” in its title); "
                "if the last course is one under another name, silence this with that reason."
            )
        yield ctx.finding(program, message, hint, "course_ids")


def module_graded(ctx: Context) -> Iterator[Finding]:
    for module in ctx.each(ctx.catalog.modules.values()):
        if module.items and not any(item.graded for item in module.items):
            yield ctx.finding(
                module,
                f"The module {ctx.name(module)} has no graded item: nothing in this week "
                "counts towards the certificate.",
                "End the week with a graded quiz on its outcomes (an item marked graded).",
                "items",
            )


def module_ends_graded(ctx: Context) -> Iterator[Finding]:
    for module in ctx.each(ctx.catalog.modules.values()):
        if not module.items or module.items[-1].graded:
            continue
        graded = [item for item in module.items if item.graded]
        if not graded:
            continue  # module_graded reports it
        last = module.items[-1]
        yield ctx.finding(
            module,
            f"The module {ctx.name(module)} ends with the {kind_words(last)} {ctx.name(last)}, "
            "not with its graded assessment.",
            f"Move the {kind_words(graded[-1])} {ctx.name(graded[-1])} to the end of the week.",
            "items",
        )


def graded_quiz_ungraded(ctx: Context) -> Iterator[Finding]:
    for module in ctx.each(ctx.catalog.modules.values()):
        for item in module.items:
            if item.kind is ItemKind.GRADED_QUIZ and not item.graded:
                yield ctx.finding(
                    item,
                    f"The graded quiz {ctx.name(item)} in {ctx.name(module)} is not marked graded.",
                    "Mark it graded, or make it a practice quiz.",
                    "graded",
                )


def lessons(module: Module) -> int:
    """A week's lessons: its items that are not graded assessments."""
    return sum(not item.graded for item in module.items)


def module_lessons(ctx: Context) -> Iterator[Finding]:
    low, high = LESSONS
    for module in ctx.each(ctx.catalog.modules.values()):
        count = lessons(module)
        if not module.items or low <= count <= high:
            continue
        advice = "Split the week, or fold some of them together." if count > high else ""
        advice = advice or "Add lessons, or merge the week with the next one."
        yield ctx.finding(
            module,
            f"The module {ctx.name(module)} has {count} lesson item{'s' if count != 1 else ''} "
            f"besides its graded assessments; a week usually holds {low}-{high} lessons.",
            advice,
            "items",
        )


RULES = (
    Rule("structure.empty", WARNING, "Empty units", empty_units),
    Rule("structure.outline-only", INFO, "Units given by their hours only", outline_only),
    Rule("structure.min-courses", WARNING, "At least 4 courses", min_courses),
    Rule("structure.capstone-last", WARNING, "A capstone project last", capstone_last),
    Rule("structure.module-graded", ERROR, "A graded item in every module", module_graded),
    Rule(
        "structure.module-ends-graded",
        WARNING,
        "Modules end with their graded assessment",
        module_ends_graded,
    ),
    Rule(
        "structure.graded-quiz-ungraded",
        ERROR,
        "Graded quizzes marked graded",
        graded_quiz_ungraded,
    ),
    Rule("structure.module-lessons", INFO, "4-6 lessons a module", module_lessons),
)
