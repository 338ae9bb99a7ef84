"""A program's curriculum map: which course introduces, reinforces and masters each outcome.

A course *addresses* a program outcome when one of its outcomes supports it, or one of
its modules' outcomes does, directly or through one of the course's outcomes that does.
The level it reaches is the highest Bloom level among those outcomes. The first course
(in program order) that addresses an outcome introduces it (I), the last course reaching
its highest level masters it (M), every other course addressing it reinforces it (R).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from designer.excel.cells import Row, Sheet, text
from designer.excel.layout import HEADER_ROW, bloom_label, title_of
from designer.model import Catalog, Course, Program
from designer.model.alignment import addressing, bloom_rank


@dataclass(frozen=True)
class CurriculumMap:
    program: Program
    courses: list[Course]
    marks: dict[tuple[str, str], str]  # (outcome id, course id) -> "I", "R", "M" or "I/M"

    def addressed_by(self, outcome_id: str) -> int:
        return sum((outcome_id, c.id) in self.marks for c in self.courses)

    def addresses(self, course_id: str) -> int:
        return sum((o.id, course_id) in self.marks for o in self.program.outcomes)


def _reach(catalog: Catalog, course: Course, outcome_id: str) -> int | None:
    """The highest Bloom rank at which the course addresses the outcome; None: it does not.

    An outcome without a Bloom level counts as below Remember (rank -1).
    """
    own, weekly = addressing(catalog, course, outcome_id)
    ranks = [bloom_rank(o.bloom) for o in [*own, *weekly]]
    return max(ranks) if ranks else None


def curriculum_map(catalog: Catalog, program: Program) -> CurriculumMap:
    courses = catalog.courses_of(program)
    marks: dict[tuple[str, str], str] = {}
    for outcome in program.outcomes:
        reached = [(c, r) for c in courses if (r := _reach(catalog, c, outcome.id)) is not None]
        if not reached:
            continue
        top = max(rank for _, rank in reached)
        mastered = [c for c, rank in reached if rank == top][-1]
        introduced = reached[0][0]
        for course, _ in reached:
            if course is introduced:
                mark = "I/M" if course is mastered else "I"
            else:
                mark = "M" if course is mastered else "R"
            marks[outcome.id, course.id] = mark
    return CurriculumMap(program, courses, marks)


def map_sheet(catalog: Catalog, program: Program, name: str) -> Sheet:
    found = curriculum_map(catalog, program)

    def rows() -> Iterator[Row]:
        yield [text(f"Curriculum map: {title_of(program) or program.id}", "title")]
        yield [
            text(
                "I introduced (first course that addresses the outcome) · R reinforced · "
                "M mastered (where it reaches its highest Bloom level) · red: a gap",
                "subtitle",
            )
        ]
        yield []
        header = [text("No.", "header"), text("Program outcome", "header")]
        header.append(text("Bloom level", "header"))
        for number, course in enumerate(found.courses, 1):
            style = "header_center" if found.addresses(course.id) else "gap_header"
            header.append(text(f"{number} {title_of(course) or course.id}", style))
        header.append(text("Addressed by", "header"))
        yield header
        if not program.outcomes:
            yield [None, text("This program has no outcomes yet.", "muted")]
            return
        for index, outcome in enumerate(program.outcomes, 1):
            count = found.addressed_by(outcome.id)
            style = "text" if count else "gap"
            row = [
                text(f"O{index}", style),
                text(outcome.text, style),
                text(bloom_label(outcome.bloom), style),
            ]
            for course in found.courses:
                mark = found.marks.get((outcome.id, course.id), "")
                row.append(text(mark, "mark" if count else "gap_center"))
            row.append(text(_courses(count) if count else "no course: a gap", style))
            yield row
        totals = [None, text("Outcomes addressed", "bold"), None]
        for course in found.courses:
            count = found.addresses(course.id)
            totals.append(text(str(count) if count else "none", "mark" if count else "gap_center"))
        yield totals

    widths = {2: 45}
    for column, course in enumerate(found.courses, 4):
        widths[column] = _course_width(title_of(course) or course.id)
    return Sheet(
        name,
        rows,
        header_row=HEADER_ROW,
        max_widths=widths,
        freeze_column=3,
        id_column=False,
    )


def _course_width(title: str) -> int:
    """A course's column: narrow, its title wrapping in the header, but wide enough for
    the title's longest word in bold ("Communication," broke as "Communicatio / n")."""
    longest = max((len(word) for word in title.split()), default=0)
    return min(30, max(14, longest + 2))


def _courses(count: int) -> str:
    return f"{count} course{'s' if count != 1 else ''}"
