"""Structure rules: courses per certificate, a capstone last, weeks that end with a graded quiz."""

from __future__ import annotations

import re
from collections.abc import Iterator

from designer.checks.context import SUMMATIVE, Context, summative
from designer.checks.findings import ERROR, INFO, WARNING, Finding, Rule
from designer.model import Course, Item, ItemKind, Module
from designer.model.totals import format_number

MIN_COURSES = 4
ITEMS = (4, 30)  # a weekly module of 4-6 lessons, each a few items (a video, a reading...)
CAPSTONE = re.compile(r"\bcapstone\b|\bfinal project\b", re.IGNORECASE)
MIN_PASS_MARK = 50  # percent; the report's four certificates ask for 80
PASS_TEXT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%\s*to pass", re.IGNORECASE)


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
                f"{ctx.name(program)} ends with {last}, not with a capstone project, as a "
                "certificate typically does: no course's title names a capstone."
            )
            hint = (
                "End the program with a capstone project course (say “Capstone” in its title); "
                "if the last course is one under another name, or each course ends with its "
                "own project, silence this with that reason."
            )
        yield ctx.finding(program, message, hint, "course_ids")


def week_assessments(ctx: Context, module: Module) -> list[Item]:
    """The items a week may end with: its graded quizzes, and in a capstone course its
    graded projects too."""
    capstone = any(is_capstone(ctx.catalog.courses[c]) for c in ctx.catalog.users(module.id))
    return [
        item
        for item in module.items
        if summative(item) and (item.kind is ItemKind.GRADED_QUIZ or capstone)
    ]


def module_graded(ctx: Context) -> Iterator[Finding]:
    for module in ctx.each(ctx.catalog.modules.values()):
        if module.items and not week_assessments(ctx, module):
            yield ctx.finding(
                module,
                f"The module {ctx.name(module)} has no graded quiz: nothing in this week "
                "checks its outcomes for the certificate.",
                "End the week with a graded quiz on its outcomes (an item of the kind "
                "graded quiz, marked graded).",
                "items",
            )


def module_ends_graded(ctx: Context) -> Iterator[Finding]:
    for module in ctx.each(ctx.catalog.modules.values()):
        graded = week_assessments(ctx, module)
        if not graded or module.items[-1] in graded:
            continue  # module_graded reports a week without one
        last = module.items[-1]
        yield ctx.finding(
            module,
            f"The module {ctx.name(module)} ends with the {kind_words(last)} {ctx.name(last)}, "
            f"not with its {kind_words(graded[-1])}.",
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


def formative_graded(ctx: Context) -> Iterator[Finding]:
    """Items marked graded that cannot count towards the certificate: the checks, and the
    supplement's kinds of assessment, would count them as summative."""
    for module in ctx.each(ctx.catalog.modules.values()):
        for item in module.items:
            if not item.graded or item.kind in SUMMATIVE:
                continue
            kind = kind_words(item)
            if item.kind in (ItemKind.VIDEO, ItemKind.READING):
                what = f"a {kind} is not an assessment"
            else:
                what = f"a {kind} is formative assessment (practice and feedback, not a grade)"
            yield ctx.finding(
                item,
                f"The {kind} {ctx.name(item)} in {ctx.name(module)} is marked graded, but {what}.",
                "Untick graded: the week's graded quiz (or a graded project) earns the "
                "certificate. If this item does count towards the grade, make it a graded quiz "
                "or a project.",
                "graded",
            )


def module_items(ctx: Context) -> Iterator[Finding]:
    # The model has no lessons: an item is one element of a lesson (a video, a reading, a
    # quiz...), so a week of 4-6 lessons is told by its items.
    low, high = ITEMS
    for module in ctx.each(ctx.catalog.modules.values()):
        count = len(module.items)
        if not module.items or low <= count <= high:
            continue
        if count > high:
            advice = "Split the week, or fold some of its items together."
        else:
            advice = "Add the videos, readings and practice its lessons need, or merge the week "
            advice += "with the next one."
        yield ctx.finding(
            module,
            f"The module {ctx.name(module)} has {count} item{'s' if count != 1 else ''}; "
            f"a week of 4-6 lessons usually holds {low}-{high} items.",
            advice,
            "items",
        )


def stated_pass_marks(text: str) -> list[float]:
    """The figures an assessment text gives as "NN % to pass"."""
    return [float(figure.replace(",", ".")) for figure in PASS_TEXT.findall(text)]


def pass_mark(ctx: Context) -> Iterator[Finding]:
    for program in ctx.catalog.programs:
        score = program.min_passing_score
        if score is not None and score < MIN_PASS_MARK:
            yield ctx.finding(
                program,
                f"{ctx.name(program)}'s pass mark is {format_number(score)} %: a learner "
                f"would pass with less than half of the points (certificates ask for "
                f"{MIN_PASS_MARK} % or more, often 80 %).",
                "Check the figure for a typo (8 for 80); if the mark is meant, silence this "
                "with the reason.",
                "min_passing_score",
            )


def pass_mark_stated(ctx: Context) -> Iterator[Finding]:
    for program in ctx.catalog.programs:
        score = program.min_passing_score
        if score is None:
            continue
        stated = [f for f in stated_pass_marks(program.assessment) if f != score]
        if stated:
            yield ctx.finding(
                program,
                f"{ctx.name(program)}'s type of assessment says “{format_number(stated[0])} % "
                f"to pass”, but its pass mark is {format_number(score)} %: its certificate "
                "supplement prints both.",
                "Correct the pass mark or the assessment text, so that they agree.",
                "min_passing_score",
            )


RULES = (
    Rule("structure.empty", WARNING, "Empty units", empty_units),
    Rule("structure.outline-only", INFO, "Units given by their hours only", outline_only),
    Rule("structure.min-courses", WARNING, "At least 4 courses", min_courses),
    Rule("structure.capstone-last", WARNING, "A capstone project last", capstone_last),
    Rule("structure.module-graded", ERROR, "A graded quiz in every module", module_graded),
    Rule(
        "structure.module-ends-graded",
        WARNING,
        "Modules end with their graded quiz",
        module_ends_graded,
    ),
    Rule(
        "structure.graded-quiz-ungraded",
        ERROR,
        "Graded quizzes marked graded",
        graded_quiz_ungraded,
    ),
    Rule(
        "structure.formative-graded",
        WARNING,
        "Only quizzes and projects marked graded",
        formative_graded,
    ),
    # The id keeps its old name, which silenced findings in saved files refer to.
    Rule("structure.module-lessons", INFO, "4-30 items a module", module_items),
    Rule("structure.pass-mark", WARNING, "A pass mark of 50 % or more", pass_mark),
    Rule(
        "structure.pass-mark-stated",
        WARNING,
        "The pass mark the assessment states",
        pass_mark_stated,
    ),
)
