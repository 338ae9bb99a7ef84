"""Workload rolled up item -> module -> course -> program, and the program's ECTS credits."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, cast

from designer.model.catalog import Catalog, Node, Parent
from designer.model.events import Signal
from designer.model.units import Course, Item, Module, Program, Rounding, Settings

EPSILON = 1e-9
ROUNDING_WORDS = {"down": "rounded down", "nearest": "rounded", "half": "rounded to half credits"}


@dataclass(frozen=True)
class ProgramTotals:
    hours: float
    credits: float  # hours / hours per credit, before rounding
    ects: float  # credits rounded by the catalog's policy
    weeks: int  # at the catalog's weekly pace
    courses: int
    hours_per_credit: float

    def hours_text(self, rounding: Rounding) -> str:
        """The hours as stated beside the credits: '422', or '424.99' (not '425') for 16 ECTS."""
        return format_credit_hours(self.hours, self.ects, self.hours_per_credit, rounding)

    def ects_text(self, rounding: Rounding) -> str:
        """E.g. '422 h = 16 ECTS (16.88 rounded down)'."""
        text = f"{self.hours_text(rounding)} h = {format_number(self.ects)} ECTS"
        if abs(self.credits - self.ects) > EPSILON:
            # Two decimals that round as the credits do: 17.996 rounded down is 17.99, not
            # "18.00" (cut rather than rounded where rounding would cross to another ECTS).
            shown = round(self.credits, 2)
            if round_credits(shown, rounding) != self.ects:
                shown = math.floor(self.credits * 100 + EPSILON) / 100
            text += f" ({shown:.2f} {ROUNDING_WORDS[rounding]})"
        return text


@dataclass(frozen=True)
class Mismatch:
    """A unit whose declared hours disagree with the sum of its children."""

    unit: Course | Module
    declared: float
    computed: float


def round_credits(credits: float, rounding: Rounding) -> float:
    if rounding == "down":
        return float(math.floor(credits + EPSILON))
    if rounding == "nearest":
        return float(math.floor(credits + 0.5 + EPSILON))
    return math.floor(credits * 2 + 0.5 + EPSILON) / 2


def program_totals(hours: float, courses: int, settings: Settings) -> ProgramTotals:
    credits = hours / settings.hours_per_credit
    return ProgramTotals(
        hours=hours,
        credits=credits,
        ects=round_credits(credits, settings.rounding),
        weeks=weeks_at(hours, settings.weekly_hours),
        courses=courses,
        hours_per_credit=settings.hours_per_credit,
    )


def weeks_at(hours: float, weekly_hours: float) -> int:
    """Weeks at a weekly pace for the hours as they are shown, to two decimals: 420.004 h,
    shown "420 h", are 42 weeks at 10 h a week, not 43."""
    return math.ceil(round(hours, 2) / weekly_hours - EPSILON)


def format_number(value: float) -> str:
    """Whole numbers without decimals, others with up to two, halves rounded up as a
    spreadsheet does: 10.125 is "10.13" (Python's own rounding gives "10.12")."""
    cents = math.floor(abs(value) * 100 + 0.5 + EPSILON)
    sign = "-" if value < 0 and cents else ""
    if cents % 100 == 0:
        return f"{sign}{cents // 100}"
    return f"{sign}{cents // 100}.{cents % 100:02d}".rstrip("0")


def format_hours(hours: float) -> str:
    return format_number(hours)


def format_credit_hours(
    hours: float, ects: float, hours_per_credit: float, rounding: Rounding
) -> str:
    """Hours stated beside the credits computed from them, worth those credits: 424.997 h,
    16 ECTS rounded down, are '424.99', not '425' (which is 17 credits' worth). Two decimals
    cut rather than rounded where rounding would cross to another credit count."""
    shown = round(hours, 2)
    if round_credits(shown / hours_per_credit, rounding) != ects:
        shown = math.floor(hours * 100 + EPSILON) / 100
    return format_hours(shown)


class Totals:
    """The workload of every unit, kept current edit by edit.

    A unit with children counts its children; one without counts its declared hours.
    An edit recomputes only the edited unit and the units above it.

    Signals:
        changed(unit_ids): the counted minutes of these units changed.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.changed = Signal()
        self._minutes: dict[str, float] = {}  # counted workload of each unit
        self._children_minutes: dict[str, float] = {}  # only for units that have children
        self.recompute_all()
        catalog.field_changed.connect(self._on_field_changed)
        catalog.inserted.connect(self._on_list_changed)
        catalog.removed.connect(self._on_removed)
        catalog.unit_added.connect(self._on_unit_added)
        catalog.unit_removed.connect(self._forget)

    def close(self) -> None:
        """Stop following the catalog."""
        self.catalog.field_changed.disconnect(self._on_field_changed)
        self.catalog.inserted.disconnect(self._on_list_changed)
        self.catalog.removed.disconnect(self._on_removed)
        self.catalog.unit_added.disconnect(self._on_unit_added)
        self.catalog.unit_removed.disconnect(self._forget)

    # ---- queries ------------------------------------------------------------------------

    def hours(self, unit: Node | str) -> float:
        unit_id = unit if isinstance(unit, str) else unit.id
        node = self.catalog.get(unit_id)
        if isinstance(node, Item):
            return node.minutes / 60
        return self._minutes[unit_id] / 60

    def computed_hours(self, unit: Course | Module) -> float | None:
        """The sum of the unit's children, or None when it has none."""
        minutes = self._children_minutes.get(unit.id)
        return None if minutes is None else minutes / 60

    def program(self, program: Program) -> ProgramTotals:
        return program_totals(self.hours(program), len(program.course_ids), self.catalog.settings)

    def mismatches(self, units: Iterable[Course | Module] | None = None) -> list[Mismatch]:
        """The units (every course and module, if None) whose declared hours disagree with
        the sum of their parts."""
        if units is None:
            units = [*self.catalog.courses.values(), *self.catalog.modules.values()]
        found = []
        for unit in units:
            computed = self._children_minutes.get(unit.id)
            declared = unit.hours
            if declared is None or computed is None:
                continue
            if abs(declared * 60 - computed) > 1e-6:
                found.append(Mismatch(unit, declared, computed / 60))
        return found

    # ---- computing ----------------------------------------------------------------------

    def recompute_all(self) -> None:
        self._minutes.clear()
        self._children_minutes.clear()
        catalog = self.catalog
        for level in (catalog.modules.values(), catalog.courses.values(), catalog.programs):
            for unit in level:
                self._compute(unit)

    def _compute(self, unit: Program | Course | Module) -> bool:
        """Recompute one unit from its children's cached figures; True if it changed."""
        if isinstance(unit, Program):  # the sum of its courses, 0 without any
            minutes = math.fsum(map(self._minutes.__getitem__, unit.course_ids))
            self._children_minutes[unit.id] = minutes
        else:
            if isinstance(unit, Module):
                has_parts = bool(unit.items)
                children = math.fsum([item.minutes for item in unit.items])
            else:
                has_parts = bool(unit.module_ids)
                children = math.fsum(map(self._minutes.__getitem__, unit.module_ids))
            if has_parts:
                self._children_minutes[unit.id] = minutes = children
            else:  # its declared hours stand in for the parts not written yet
                self._children_minutes.pop(unit.id, None)
                minutes = (unit.hours or 0) * 60
        old = self._minutes.get(unit.id)
        self._minutes[unit.id] = minutes
        return old != minutes

    def _update(self, units: list[Program | Course | Module]) -> None:
        """Recompute these units, then, level by level, every unit above a changed one:
        modules first, then the courses that use a changed one, then the programs."""
        changed: set[str] = set()
        levels: list[dict[str, Program | Course | Module]] = [{}, {}, {}]
        for unit in units:
            levels[_LEVEL[type(unit)]][unit.id] = unit
        get = self.catalog.get
        for level, pending in enumerate(levels):
            above = levels[level + 1] if level < 2 else None
            for unit_id, unit in pending.items():
                if self._compute(unit):
                    changed.add(unit_id)
                    if above is not None:
                        for user_id in self.catalog.users(unit_id):
                            above[user_id] = cast(Program | Course, get(user_id))
        if changed:
            self.changed.emit(changed)

    def _on_field_changed(self, node: Any, field: str, old: Any, new: Any) -> None:
        if isinstance(node, Item) and field == "minutes":
            self._update([self.catalog.owner(node.id)])
        elif isinstance(node, Course | Module) and field == "hours":
            self._update([node])

    def _on_list_changed(self, parent: Parent, list_name: str, index: int) -> None:
        if list_name == "programs":
            self._update([self.catalog.programs[index]])
        elif list_name in ("items", "module_ids", "course_ids"):
            assert isinstance(parent, Program | Course | Module)
            self._update([parent])

    def _on_unit_added(self, unit: Course | Module) -> None:
        self._update([unit])

    def _on_removed(self, parent: Parent, list_name: str, index: int, value: Any) -> None:
        if list_name == "programs":
            self._forget(value)
        else:
            self._on_list_changed(parent, list_name, index)

    def _forget(self, unit: Program | Course | Module) -> None:
        self._minutes.pop(unit.id, None)
        self._children_minutes.pop(unit.id, None)


_LEVEL = {Module: 0, Course: 1, Program: 2}
