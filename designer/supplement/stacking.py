"""Stacking options: what a certificate shares with the others, and what stacking takes."""

from __future__ import annotations

from dataclasses import dataclass

from designer.model import Catalog, Program, Totals, format_hours
from designer.sharing.overlap import CONTAINED_IN, CONTAINS, SAME, Overlap, overlaps_with

UNNAMED_SHARE = "parts of courses"  # what is shared, when no whole course or module is


@dataclass(frozen=True)
class StackingLine:
    """What this certificate has in common with another one.

    covers_other: the hours of the other certificate a holder of this one already has.
    covered_by_other: the hours of this certificate a holder of the other one already has.
    relation: this certificate's relation to the other ("overlaps", "contained in", ...).
    """

    program_id: str
    code: str
    title: str
    other_hours: float
    hours: float  # this certificate's hours
    covers_other: float
    covered_by_other: float
    courses: tuple[str, ...]  # titles of the shared courses, in the other certificate's order
    modules: tuple[str, ...]  # titles of modules shared inside courses that are not shared
    relation: str

    @property
    def remaining_hours(self) -> float:
        """What a holder of this certificate still has to do for the other."""
        return max(self.other_hours - self.covers_other, 0.0)

    def headline(self) -> str:
        return f"Shares {format_hours(self.covers_other)} h with {self.title}"

    def text(self) -> str:
        """For the reader: what is shared, and what stacking towards the other takes."""
        units = [*self.courses, *self.modules]
        shared = "; ".join(units) if units else UNNAMED_SHARE
        return f"{shared}. {self.route()}"

    def route(self) -> str:
        """What stacking towards the other certificate takes."""
        # Without a code, "the other certificate" (its title heads the line): "it's 309 h" and
        # "a holder of it" read wrongly.
        other = self.code or "the other certificate"
        if self.relation == SAME:
            route = "The two certificates have the same content."
        elif self.relation == CONTAINED_IN:
            route = (
                f"All of this certificate is part of {other}: a holder needs "
                f"{format_hours(self.remaining_hours)} h more to complete it."
            )
        elif self.relation == CONTAINS:
            route = (
                f"All of {other} is part of this certificate: a holder of {other} has "
                f"{_percent(self.covered_by_other, self.hours)} of this one."
            )
        else:
            covered = _percent(self.covers_other, self.other_hours)
            route = (
                f"A holder of this certificate has {format_hours(self.covers_other)} of "
                f"{other}'s {format_hours(self.other_hours)} h ({covered}) and "
                f"{format_hours(self.remaining_hours)} h to go; a holder of {other} has "
                f"{_percent(self.covered_by_other, self.hours)} of this one."
            )
        return route


def _percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.1f} %" if whole > 0 else "0 %"


def stacking_lines(catalog: Catalog, totals: Totals, program: Program) -> tuple[StackingLine, ...]:
    """What the program shares with each other program, most hours first."""
    matrix = overlaps_with(catalog, totals, program.id)
    order = {p.id: n for n, p in enumerate(catalog.programs)}
    hours = totals.hours(program)
    lines = []
    for (source, target), found in matrix.items():
        if source != program.id:
            continue  # a course shared before it has hours is shared all the same: 0 h
        other = catalog.program(target)
        back: Overlap | None = matrix.get((target, source))
        lines.append(
            StackingLine(
                program_id=other.id,
                code=other.code,
                title=other.title or other.id,
                other_hours=totals.hours(other),
                hours=hours,
                covers_other=found.shared_hours,
                covered_by_other=back.shared_hours if back is not None else 0.0,
                courses=tuple(_title(catalog, unit_id) for unit_id in found.shared_courses),
                modules=tuple(_title(catalog, unit_id) for unit_id in found.shared_modules),
                relation=found.relation,
            )
        )
    lines.sort(key=lambda line: (-line.covers_other, order[line.program_id]))
    return tuple(lines)


def _title(catalog: Catalog, unit_id: str) -> str:
    return getattr(catalog.get(unit_id), "title", "") or unit_id
