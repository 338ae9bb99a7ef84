"""A learner's way to a certificate from what they hold, and what a change of hours affects."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from designer.model.catalog import Catalog
from designer.model.totals import EPSILON, Totals, program_totals
from designer.model.units import Course, Item, Module, Program


@dataclass(frozen=True)
class Pathway:
    """What is left of the target program for a learner with some programs or courses.

    credited: the target's courses the learner has, whole (directly, through a program,
        or because they hold every one of its modules).
    remaining: the target's other courses in the target's order; a course some of whose
        modules the learner has is here too, and those modules' hours are credited.
    start: the first remaining course, None when nothing remains.
    partly: the remaining courses some of whose modules the learner has, with the hours
        credited for them.
    """

    target: str
    credited_hours: float
    remaining_hours: float
    remaining_weeks: int
    credited: tuple[str, ...]
    remaining: tuple[str, ...]
    start: str | None
    partly: dict[str, float] = field(default_factory=dict)

    def hours_left(self, totals: Totals, course_id: str) -> float:
        """A remaining course's hours, less those of the modules the learner has."""
        return max(totals.hours(course_id) - self.partly.get(course_id, 0.0), 0.0)


@dataclass(frozen=True)
class Impact:
    """A program's hours and ECTS credits before and after a unit's hours change."""

    program: str
    hours_before: float
    hours_after: float
    ects_before: float
    ects_after: float


@dataclass(frozen=True)
class _Held:
    programs: frozenset[str]
    courses: frozenset[str]
    modules: frozenset[str]


def _held(catalog: Catalog, holdings: Iterable[str]) -> _Held:
    """The programs, courses and modules a learner has completed, from program or course ids."""
    programs: set[str] = set()
    courses: set[str] = set()
    for unit_id in holdings:
        unit = catalog.get_or_none(unit_id)
        if isinstance(unit, Program):
            programs.add(unit.id)
            courses.update(unit.course_ids)
        elif isinstance(unit, Course):
            courses.add(unit.id)
        else:
            raise KeyError(f"no program or course with id {unit_id!r}")
    modules = {m for c in courses for m in catalog.courses[c].module_ids}
    return _Held(frozenset(programs), frozenset(courses), frozenset(modules))


def _pathway(catalog: Catalog, totals: Totals, held: _Held, target: Program) -> Pathway:
    credited: list[str] = []
    remaining: list[str] = []
    partly: dict[str, float] = {}
    credited_hours = 0.0
    for course_id in target.course_ids:
        module_ids = catalog.courses[course_id].module_ids
        if course_id in held.courses or (module_ids and held.modules.issuperset(module_ids)):
            credited.append(course_id)
            credited_hours += totals.hours(course_id)
            continue
        remaining.append(course_id)
        held_hours = sum(totals.hours(m) for m in module_ids if m in held.modules)
        if held_hours > 0:
            partly[course_id] = held_hours
        credited_hours += held_hours
    target_hours = totals.hours(target)
    credited_hours = min(round(credited_hours, 9), target_hours)
    remaining_hours = max(round(target_hours - credited_hours, 9), 0.0)
    weeks = program_totals(remaining_hours, len(remaining), catalog.settings).weeks
    return Pathway(
        target=target.id,
        credited_hours=credited_hours,
        remaining_hours=remaining_hours,
        remaining_weeks=weeks,
        credited=tuple(credited),
        remaining=tuple(remaining),
        start=remaining[0] if remaining else None,
        partly=partly,
    )


def pathway(catalog: Catalog, totals: Totals, holdings: Iterable[str], target_id: str) -> Pathway:
    """The learner's way to the target program from the programs and courses they hold.

    Raises KeyError for a holding that is no program or course, or a target that is no program.
    """
    return _pathway(catalog, totals, _held(catalog, holdings), catalog.program(target_id))


def next_programs(
    catalog: Catalog, totals: Totals, holdings: Iterable[str]
) -> list[tuple[str, float]]:
    """Every program the learner does not hold, with the hours still missing, cheapest first.

    A program without courses yet is left out: there is nothing to earn it with, and its
    0 h would put it first, as if the learner nearly had it.
    """
    held = _held(catalog, holdings)
    found = [
        (program.id, _pathway(catalog, totals, held, program).remaining_hours)
        for program in catalog.programs
        if program.id not in held.programs and program.course_ids
    ]
    # sorted() is stable: equal hours keep the catalog's order.
    return sorted(found, key=lambda pair: pair[1])


def impact(catalog: Catalog, totals: Totals, unit_id: str, delta_hours: float) -> list[Impact]:
    """Each program containing the unit, with its hours and ECTS if the unit's hours change.

    A module counts once for each of a program's courses that uses it; a unit's hours cannot
    fall below zero. Programs come in the catalog's order.
    """
    unit = catalog.get(unit_id)
    uses: Counter[str] = Counter()
    if isinstance(unit, Program):
        uses[unit.id] = 1
    elif isinstance(unit, Course):
        uses.update(catalog.users(unit.id))
    elif isinstance(unit, Module | Item):
        module = unit if isinstance(unit, Module) else catalog.owner(unit.id)
        for course_id in catalog.users(module.id):
            uses.update(catalog.users(course_id))
    else:
        raise KeyError(f"{unit_id} is an outcome: it has no hours")
    delta = max(delta_hours, -totals.hours(unit))
    settings = catalog.settings
    found = []
    for program in catalog.programs:
        count = uses.get(program.id, 0)
        if not count:
            continue
        before = totals.program(program)
        after_hours = max(round(before.hours + count * delta, 9), 0.0)
        if abs(after_hours - before.hours) < EPSILON:
            after_hours = before.hours
        after = program_totals(after_hours, before.courses, settings)
        found.append(Impact(program.id, before.hours, after.hours, before.ects, after.ects))
    return found
