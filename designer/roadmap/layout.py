"""The outcome roadmap of a course or a program as plain data: columns, rows, cells and gaps.

A course's roadmap has a column per weekly module and a row per course outcome: each module
outcome sits in its week's column, in the row of every course outcome it serves, or in an
"unaligned" row when it serves none of them.

A program's roadmap has a column per course and a row per program outcome. A course
*addresses* a program outcome when one of its outcomes serves it, or one of its modules'
outcomes does, directly or through one of the course's outcomes that does; the cell shows
the highest Bloom level reached there. As in the Excel curriculum map, the first column that
addresses a row introduces it (I) and the last one reaching the row's highest level masters
it (M); a course roadmap marks its weeks the same way.

No Qt here: the SVG writer and a Qt view draw the same Roadmap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from designer.model import (
    Bloom,
    Catalog,
    Course,
    Outcome,
    Program,
    Totals,
    distinct_titles,
    format_hours,
)
from designer.model.alignment import addressing, bloom_rank

RoadmapKind = Literal["course", "program"]
GapKind = Literal["not addressed", "below level", "unaligned", "empty column", "no outcomes"]
INTRODUCED = "I"
MASTERED = "M"


class UnknownUnit(LookupError):
    """The name or id given is neither a program nor a course of the catalog."""


@dataclass(frozen=True)
class Column:
    """A week of a course, or a course of a program, in order."""

    id: str
    number: int  # 1-based position
    heading: str  # "Week 1" or "Course 1"
    title: str
    hours: float
    note: str = ""  # why the column is empty, when it is


@dataclass(frozen=True)
class Row:
    """An outcome of the unit, or (id None) the row of outcomes that serve none of them."""

    id: str | None
    label: str  # "O1"; "–" for the unaligned row
    text: str
    bloom: Bloom | None  # the outcome's own level
    reached: Bloom | None = None  # the highest level any column reaches
    addressed: bool = False


@dataclass(frozen=True)
class Cell:
    """One box of the grid; several cells may share a row and a column (stacked)."""

    row: int
    column: int
    label: str  # "2.1" for the first outcome of week 2; "" for a program cell
    text: str
    bloom: Bloom | None
    marks: tuple[str, ...] = ()  # INTRODUCED and/or MASTERED
    unaligned: bool = False


@dataclass(frozen=True)
class Gap:
    """Something the panel would ask about: an outcome addressed nowhere, one aligned to
    nothing, an outcome never reached at its own level, a column with nothing in it, or a
    course or program with no outcomes at all (then the only gap: see _gaps)."""

    kind: GapKind
    id: str  # the outcome's, module's or course's id
    message: str


@dataclass(frozen=True)
class Roadmap:
    kind: RoadmapKind
    unit_id: str
    unit_title: str
    title: str
    subtitle: str
    column_kind: str  # "Week" or "Course"
    row_kind: str  # "Course outcome" or "Program outcome"
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    cells: tuple[Cell, ...]
    gaps: tuple[Gap, ...]

    def cells_at(self, row: int, column: int) -> list[Cell]:
        return [c for c in self.cells if c.row == row and c.column == column]

    def gaps_of(self, kind: GapKind) -> list[Gap]:
        return [gap for gap in self.gaps if gap.kind == kind]


def bloom_name(level: Bloom | None) -> str:
    return "No level" if level is None else level.value.capitalize()


def roadmap(catalog: Catalog, totals: Totals, unit_id: str) -> Roadmap:
    """The roadmap of the course or program with this id."""
    unit = catalog.get_or_none(unit_id)
    # A course or program whose title another has too is named with what tells them apart;
    # in the picture each name is isolated, since it is drawn among other text: in "(in
    # <a Hebrew title>, 2025-FE)" the code after the Hebrew joined its right-to-left run and
    # was drawn before it.
    names = distinct_titles(catalog, isolate=True)
    if isinstance(unit, Course):
        return _course_roadmap(catalog, totals, unit, names)
    if isinstance(unit, Program):
        return _program_roadmap(catalog, totals, unit, names)
    raise UnknownUnit(f"{unit_id!r} is neither a program nor a course of the catalog")


# ---- a course: weeks x course outcomes ----------------------------------------------------


def _course_roadmap(
    catalog: Catalog, totals: Totals, course: Course, names: dict[str, str]
) -> Roadmap:
    modules = catalog.modules_of(course)
    row_of = {outcome.id: index for index, outcome in enumerate(course.outcomes)}
    unaligned_row = len(course.outcomes)
    cells: list[Cell] = []
    gaps: list[Gap] = []
    columns = []
    for index, module in enumerate(modules):
        number = index + 1
        note = "" if module.outcomes else "no outcomes yet"
        columns.append(
            Column(
                module.id,
                number,
                f"Week {number}",
                _without_week(module.title or module.id, number),
                totals.hours(module),
                note,
            )
        )
        if note:
            gaps.append(Gap("empty column", module.id, f"Week {number} has no outcomes"))
        for position, outcome in enumerate(module.outcomes, 1):
            label = f"{number}.{position}"
            served = sorted({row_of[ref] for ref in outcome.supports if ref in row_of})
            for row in served:
                cells.append(Cell(row, index, label, outcome.text, outcome.bloom))
            if not served:
                cells.append(
                    Cell(unaligned_row, index, label, outcome.text, outcome.bloom, unaligned=True)
                )
                gaps.append(
                    Gap(
                        "unaligned",
                        outcome.id,
                        f"Week {number} outcome {label} serves no outcome of this course",
                    )
                )
    cells = _mark(cells, len(course.outcomes))
    rows, row_gaps = _rows(course.outcomes, cells, "is served by no module outcome")
    if any(cell.unaligned for cell in cells):
        rows.append(Row(None, "\u2013", "Serves no course outcome", None))
    title = names[course.id]
    weeks = len(modules)
    return Roadmap(
        kind="course",
        unit_id=course.id,
        unit_title=_plain_name(title),
        title=f"Outcome roadmap: {title}",
        subtitle=(
            f"Course \u00b7 {weeks} week{'s' if weeks != 1 else ''} \u00b7 "
            f"{_hours(totals.hours(course))} \u00b7 each module outcome in its week, "
            "in the row of the course outcome it serves"
        ),
        column_kind="Week",
        row_kind="Course outcome",
        columns=tuple(columns),
        rows=tuple(rows),
        cells=tuple(cells),
        gaps=_gaps(course, "course", [*row_gaps, *gaps]),
    )


def _without_week(title: str, number: int) -> str:
    # "Week 2: Control flow" under the heading "Week 2" need not say it twice.
    match = re.match(rf"\s*week\s*{number}\s*[:.\-\u2013\u2014]\s*(\S.*)", title, re.IGNORECASE)
    return match.group(1) if match else title


# ---- a program: courses x program outcomes ------------------------------------------------


def _program_roadmap(
    catalog: Catalog, totals: Totals, program: Program, names: dict[str, str]
) -> Roadmap:
    courses = catalog.courses_of(program)
    outcome_ids = {outcome.id for outcome in program.outcomes}
    unaligned_row = len(program.outcomes)
    cells: list[Cell] = []
    gaps: list[Gap] = []
    columns = []
    for column, course in enumerate(courses):
        addresses = False
        for row, outcome in enumerate(program.outcomes):
            reach = _reach(catalog, course, outcome.id)
            if reach is not None:
                addresses = True
                cells.append(Cell(row, column, "", reach[1], reach[0]))
        for position, own in enumerate(course.outcomes, 1):
            if not outcome_ids.intersection(own.supports):
                label = f"O{position}"
                cells.append(
                    Cell(unaligned_row, column, label, own.text, own.bloom, unaligned=True)
                )
                gaps.append(
                    Gap(
                        "unaligned",
                        own.id,
                        f"{names[course.id]} {label} serves no outcome of this program",
                    )
                )
        note = ""
        if not addresses:
            if not course.outcomes:
                note = "no outcomes yet"
            elif program.outcomes:  # with none to address, addressing none says nothing
                note = "addresses none"
            gaps.append(
                Gap(
                    "empty column",
                    course.id,
                    f"Course {column + 1} ({names[course.id]}) addresses no "
                    "outcome of this program",
                )
            )
        columns.append(
            Column(
                course.id,
                column + 1,
                f"Course {column + 1}",
                names[course.id],
                totals.hours(course),
                note,
            )
        )
    cells = _mark(cells, len(program.outcomes))
    rows, row_gaps = _rows(program.outcomes, cells, "is addressed by no course")
    if any(cell.unaligned for cell in cells):
        rows.append(Row(None, "\u2013", "Course outcomes that serve no program outcome", None))
    count = len(courses)
    return Roadmap(
        kind="program",
        unit_id=program.id,
        unit_title=_plain_name(names[program.id]),
        title=f"Outcome roadmap: {names[program.id]}",
        subtitle=(
            f"Program \u00b7 {count} course{'s' if count != 1 else ''} \u00b7 "
            f"{_hours(totals.hours(program))} \u00b7 the highest Bloom level each course "
            "reaches for each program outcome"
        ),
        column_kind="Course",
        row_kind="Program outcome",
        columns=tuple(columns),
        rows=tuple(rows),
        cells=tuple(cells),
        gaps=_gaps(program, "program", [*row_gaps, *gaps]),
    )


def _plain_name(name: str) -> str:
    """A name without its isolates, for a message on a terminal (which shows them)."""
    return name.replace("\u2068", "").replace("\u2069", "")


def _gaps(unit: Course | Program, kind: str, found: list[Gap]) -> tuple[Gap, ...]:
    """The gaps found, or the one that matters when the unit has no outcomes yet: then no
    column can address any and nothing below can serve one, so blaming every column and
    every outcome under it would only hide that the unit's own outcomes are missing."""
    if not unit.outcomes:
        return (Gap("no outcomes", unit.id, f"The {kind} has no outcomes yet"),)
    return tuple(found)


def _reach(catalog: Catalog, course: Course, outcome_id: str) -> tuple[Bloom | None, str] | None:
    """The highest level at which the course addresses the outcome, and through what."""
    own, weekly = addressing(catalog, course, outcome_id)
    ranks = [bloom_rank(o.bloom) for o in [*own, *weekly]]
    labels = [f"O{n}" for n, o in enumerate(course.outcomes, 1) if o in own]
    modules = len(weekly)
    if not ranks:
        return None
    parts = []
    if labels:
        parts.append(f"course outcome{'s' if len(labels) != 1 else ''} {', '.join(labels)}")
    if modules:
        parts.append(f"{modules} module outcome{'s' if modules != 1 else ''}")
    return _level(max(ranks)), "via " + " and ".join(parts)


# ---- shared: marks, rows and their gaps ---------------------------------------------------


def _mark(cells: list[Cell], rows: int) -> list[Cell]:
    """Mark, in each outcome row, where it is introduced (first column) and mastered."""
    marks: dict[int, list[str]] = {}
    for row in range(rows):
        in_row = [index for index, cell in enumerate(cells) if cell.row == row]
        if not in_row:
            continue
        first_column = min(cells[index].column for index in in_row)
        introduced = next(index for index in in_row if cells[index].column == first_column)
        top = max(bloom_rank(cells[index].bloom) for index in in_row)
        reaching = [index for index in in_row if bloom_rank(cells[index].bloom) == top]
        last_column = max(cells[index].column for index in reaching)
        mastered = [index for index in reaching if cells[index].column == last_column][-1]
        marks.setdefault(introduced, []).append(INTRODUCED)
        marks.setdefault(mastered, []).append(MASTERED)
    return [
        Cell(c.row, c.column, c.label, c.text, c.bloom, tuple(marks[i]), c.unaligned)
        if i in marks
        else c
        for i, c in enumerate(cells)
    ]


def _rows(
    outcomes: list[Outcome], cells: list[Cell], unaddressed: str
) -> tuple[list[Row], list[Gap]]:
    rows: list[Row] = []
    gaps: list[Gap] = []
    for index, outcome in enumerate(outcomes):
        label = f"O{index + 1}"
        ranks = [bloom_rank(cell.bloom) for cell in cells if cell.row == index]
        reached = _level(max(ranks)) if ranks else None
        rows.append(Row(outcome.id, label, outcome.text, outcome.bloom, reached, bool(ranks)))
        if not ranks:
            gaps.append(Gap("not addressed", outcome.id, f"{label} {unaddressed}"))
        elif outcome.bloom is not None and max(ranks) < bloom_rank(outcome.bloom):
            gaps.append(
                Gap(
                    "below level",
                    outcome.id,
                    f"{label} reaches {bloom_name(reached)} at most, below its own level "
                    f"{bloom_name(outcome.bloom)}",
                )
            )
    return rows, gaps


def _level(rank: int) -> Bloom | None:
    return None if rank < 0 else list(Bloom)[rank]


def _hours(hours: float) -> str:
    return f"{format_hours(hours)} h"
