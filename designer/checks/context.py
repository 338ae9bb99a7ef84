"""What the rules look at: the catalog and its totals, with what several rules derive from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from functools import cached_property
from typing import TypeVar

from designer.bloom import VerbAdvice, analyze
from designer.checks.findings import Finding, Profile, Rule
from designer.model import (
    Catalog,
    Course,
    Item,
    ItemKind,
    Module,
    Outcome,
    Program,
    ProgramTotals,
    Totals,
)
from designer.model.catalog import Node
from designer.model.totals import format_hours, format_number
from designer.progress import Meter

T = TypeVar("T")

SHORT_TEXT = 60  # characters of an outcome's text that name it in a message
# What earns the certificate (domain brief): auto-graded quizzes and graded projects. The
# other kinds (practice and in-video quizzes, peer and self reviews, labs, programming
# assignments, plugins, discussion prompts) are formative, graded or not.
SUMMATIVE = frozenset({ItemKind.GRADED_QUIZ, ItemKind.PROJECT})


def summative(item: Item) -> bool:
    """Whether an item counts towards the certificate: a graded quiz or project, marked graded."""
    return item.graded and item.kind in SUMMATIVE


class Context:
    """One run of the checks over a catalog. Not shared between threads or runs.

    `rule` is the rule being run: `finding` stamps what it reports with its id and severity.
    `meter` counts the units the rules walk, for a progress bar (see `each`).
    """

    def __init__(
        self, catalog: Catalog, totals: Totals, profile: Profile, meter: Meter | None = None
    ) -> None:
        self.catalog = catalog
        self.totals = totals
        self.profile = profile
        self.settings = catalog.settings
        self.meter = meter or Meter(None, 0)
        self.rule: Rule | None = None
        self._program_totals: dict[str, ProgramTotals] = {}
        self._advice: dict[str, VerbAdvice] = {}

    def finding(self, unit: Node | str, message: str, hint: str, field: str = "") -> Finding:
        assert self.rule is not None, "findings are made while a rule runs"
        unit_id = unit if isinstance(unit, str) else unit.id
        return Finding(self.rule.id, self.rule.severity, unit_id, message, hint, field)

    def each(self, units: Collection[T]) -> Iterable[T]:
        """The units a rule walks, counted as it goes: the run reports its progress, and
        stops there when its caller cancels it."""
        return self.meter.each(units)

    # ---- figures ------------------------------------------------------------------------

    def program_totals(self, program: Program) -> ProgramTotals:
        found = self._program_totals.get(program.id)
        if found is None:
            found = self._program_totals[program.id] = self.totals.program(program)
        return found

    def hours(self, unit: Course | Module) -> float:
        return self.totals.hours(unit)

    @staticmethod
    def h(hours: float) -> str:
        """Hours as a message shows them: '422 h', '8.5 h'; under a hundredth of an hour, in
        minutes ('0.2 min', not '0 h')."""
        if 0 < abs(hours) < 0.005:
            return f"{format_number(hours * 60)} min"
        return f"{format_hours(hours)} h"

    # ---- outcomes -----------------------------------------------------------------------

    def advice(self, outcome: Outcome) -> VerbAdvice:
        """Verb help on the outcome's text, once per distinct text."""
        found = self._advice.get(outcome.text)
        if found is None:
            found = self._advice[outcome.text] = analyze(outcome.text)
        return found

    @cached_property
    def outcomes(self) -> list[tuple[Outcome, Program | Course | Module]]:
        """Every outcome with its unit: programs', then courses', then modules'."""
        units: list[Program | Course | Module] = [*self.catalog.programs]
        units.extend(self.catalog.courses.values())
        units.extend(self.catalog.modules.values())
        return [(outcome, unit) for unit in units for outcome in unit.outcomes]

    @cached_property
    def graded_outcomes(self) -> frozenset[str]:
        """Ids of the outcomes that a summative item names (a formative one marked graded
        does not assess them: structure.formative-graded reports it)."""
        return frozenset(
            outcome_id
            for module in self.each(self.catalog.modules.values())
            for item in module.items
            if summative(item)
            for outcome_id in item.outcome_ids
        )

    @cached_property
    def supporters(self) -> dict[str, list[Outcome]]:
        """Outcome id -> the outcomes that name it in their supports."""
        found: dict[str, list[Outcome]] = {}
        for outcome, _ in self.each(self.outcomes):
            for target in outcome.supports:
                found.setdefault(target, []).append(outcome)
        return found

    # ---- structure ----------------------------------------------------------------------

    @staticmethod
    def outlined(course: Course) -> bool:
        """A course given by its hours only (the report's tables): it has no weekly modules."""
        return not course.module_ids

    @cached_property
    def mappable_programs(self) -> frozenset[str]:
        """Programs whose every course has outcomes: only they can be mapped as a whole.

        While some courses are still only outlined, an outcome they would serve cannot be told
        from one that nothing serves.
        """
        return frozenset(
            program.id
            for program in self.catalog.programs
            if program.course_ids
            and all(self.catalog.courses[c].outcomes for c in program.course_ids)
        )

    def detailed(self, course: Course) -> bool:
        """A course with weekly modules that all have their items: its assessment is known."""
        return bool(course.module_ids) and all(
            self.catalog.modules[m].items for m in course.module_ids
        )

    def programs_of(self, unit: Course | Module) -> list[Program]:
        """The programs a course, or a module through its courses, belongs to."""
        users = self.catalog.users
        ids = (
            users(unit.id)
            if isinstance(unit, Course)
            else [p for c in users(unit.id) for p in users(c)]
        )
        return [self.catalog.program(p) for p in dict.fromkeys(ids)]

    # ---- names --------------------------------------------------------------------------

    @cached_property
    def repeated_titles(self) -> frozenset[str]:
        """Titles that more than one module has, such as “Week 1”: not enough to find one."""
        counts = Counter(module.title.strip() for module in self.catalog.modules.values())
        return frozenset(title for title, count in counts.items() if count > 1 and title)

    def name(self, unit: Node) -> str:
        """How a message names a unit: its title in quotes, else its id."""
        return name_of(self.catalog, unit, self.repeated_titles)

    def subject(self, unit: Node) -> str:
        """The name that starts a sentence: “The outcome ...”."""
        return capital(self.name(unit))


def capital(text: str) -> str:
    """The text with its first letter in capitals, the rest as it is."""
    return text[:1].upper() + text[1:]


def short(text: str, limit: int = SHORT_TEXT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


def name_of(catalog: Catalog, unit: Node, repeated: Collection[str] = ()) -> str:
    """A unit as messages name it: “Its title” (a program: its code), else its id; an outcome
    with its unit; a module whose title is one of `repeated` with its course."""
    if isinstance(unit, Outcome):
        owner = catalog.owner(unit.id)
        text = f"“{short(unit.text)}”" if unit.text.strip() else unit.id
        return f"the outcome {text} of {name_of(catalog, owner, repeated)}"
    if isinstance(unit, Program) and unit.code.strip():
        return unit.code.strip()  # "MS-FSD": short, and how designers call their certificates
    name = f"“{unit.title}”" if unit.title.strip() else unit.id
    if isinstance(unit, Module) and unit.title.strip() in repeated:
        courses = catalog.users(unit.id)
        if courses:  # “Week 1” of “Web Foundations”: which week 1 it is
            name += f" of {name_of(catalog, catalog.courses[courses[0]])}"
    return name


def unit_title(catalog: Catalog, unit_id: str) -> str:
    """A unit's title for a list of findings: its title, its id, or an outcome's short text."""
    unit = catalog.get_or_none(unit_id)
    if unit is None:
        return unit_id
    if isinstance(unit, Outcome):
        return f"outcome “{short(unit.text, 50)}”" if unit.text.strip() else f"outcome {unit.id}"
    if isinstance(unit, Item):
        return unit.title.strip() or f"item {unit.id}"
    return unit.title.strip() or unit.id
