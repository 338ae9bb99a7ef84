"""A program's syllabus sheet, laid out like the curriculum tables of an accreditation report.

Rows 1-3 name the program; row 4 heads the course table (No. | Course | Learning hours),
then a Total, an ECTS and a weeks row, all formulas. Below: the program's outcomes, then
each course's modules and their items. A course's hours are the sum of its module rows
and a module's the sum of its item minutes, as formulas, so an hour or a minute changed
in the sheet moves every figure above it, as the workload is counted in the model. The
formulas refer to other rows absolutely ($C$30), so sorting the course rows keeps each
course's hours. The program's title (row 1) and each course's heading above its modules
carry the unit's id in column H, so a title changed there is read back on import like
any other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from designer.excel.cells import (
    HOURS_FRACTION,
    MINUTES_FRACTION,
    Row,
    Sheet,
    Spec,
    formula,
    hours_style,
    number,
    show_fractions,
    show_when,
    text,
    top_cell,
)
from designer.excel.layout import (
    BLOOM_LABELS,
    FIRST_ROW,
    HEADER_ROW,
    ID_HEADER,
    KIND_LABELS,
    ROUNDING_TEXT,
    bloom_label,
    number_text,
    title_of,
)
from designer.model import Catalog, Course, Program, Totals
from designer.model.units import Rounding, Settings

# More terms than this in a course's formula and its hours are written as a figure.
MAX_FORMULA_TERMS = 200
# Hours beside the credits computed from them where two decimals would show a figure
# worth other credits (424.9967 h, 16 ECTS rounded down, as "425.0 h": 17 credits' worth):
# with four decimals, or six where four would too. A number format cannot cut, as the app
# does ("424.99 h"); more decimals say the same. The most decimals first: the first rule
# that holds decides.
CREDIT_HOURS_FORMATS = ((4, '0.00####" h"'), (2, '0.00##" h"'))


def credit_formula(total: str, hours_per_credit: float, rounding: Rounding) -> str:
    """The ECTS credits of `total` hours, rounded by the catalog's policy, as a formula."""
    return "=" + _credits(total, hours_per_credit, rounding)


def _credits(hours: str, hours_per_credit: float, rounding: Rounding) -> str:
    per = number_text(hours_per_credit)
    if rounding == "down":
        return f"ROUNDDOWN({hours}/{per},0)"
    if rounding == "nearest":
        return f"ROUND({hours}/{per},0)"
    return f"ROUND({hours}/{per}*2,0)/2"


def show_credit_hours(ws: Any, cells: str, settings: Settings) -> None:
    """Shows the hours of these cells, each beside the credits computed from it, as
    show_fractions does, but never as a figure worth other credits than those (see
    CREDIT_HOURS_FORMATS), whatever an edit in the sheet makes of them."""
    top = top_cell(cells)
    per, rounding = settings.hours_per_credit, settings.rounding
    credits = _credits(top, per, rounding)
    for decimals, number_format in CREDIT_HOURS_FORMATS:
        rounded = _credits(f"ROUND({top},{decimals})", per, rounding)
        show_when(ws, cells, f"{rounded}<>{credits}", number_format)
    # The same cells as the rules above, so that one of them decides (show_when).
    show_fractions(ws, cells, HOURS_FRACTION)


@dataclass
class SyllabusLayout:
    """Where each part of a program's syllabus sheet lands, known before it is written."""

    courses: list[Course]
    total_row: int = 0
    ects_row: int = 0
    weeks_row: int = 0
    items_header_row: int = 0  # the header of the modules and items table
    module_rows: dict[str, list[int]] = field(default_factory=dict)  # course id -> rows
    last_row: int = 0  # of the modules and items table

    @classmethod
    def of(cls, catalog: Catalog, program: Program) -> SyllabusLayout:
        layout = cls(catalog.courses_of(program))
        layout.total_row = FIRST_ROW + len(layout.courses)
        layout.ects_row = layout.total_row + 1
        layout.weeks_row = layout.total_row + 2
        row = layout.weeks_row + 2
        if program.outcomes:
            row += 2 + len(program.outcomes) + 1  # section title, header, outcomes, blank
        layout.items_header_row = row + 1  # below the section's title
        row += 2
        for course in layout.courses:
            if not course.module_ids:
                continue
            row += 1  # the course's own line
            rows = layout.module_rows[course.id] = []
            for module in catalog.modules_of(course):
                rows.append(row)
                row += 1 + len(module.items)
        layout.last_row = row - 1
        return layout


def syllabus_sheet(
    catalog: Catalog, totals: Totals, program: Program, name: str, layout: SyllabusLayout
) -> Sheet:
    # No frozen rows: frozen down to the modules' header, the rows above it would fill the
    # screen. Printed, the pages after the first hold modules and items: they repeat that
    # table's header (the course table's when there are none).
    items = layout.items_header_row if layout.module_rows else HEADER_ROW
    return Sheet(
        name,
        lambda: _rows(catalog, totals, program, layout),
        print_title_row=items,
        max_widths={1: 9, 2: 70, 3: 16, 4: 12, 5: 24},
        finish=lambda ws: _fractions_shown(ws, layout, catalog.settings),
    )


def _fractions_shown(ws: Any, layout: SyllabusLayout, settings: Settings) -> None:
    """The hours of the courses, the Total and the modules, and the items' minutes, with
    their fraction once an edit in the sheet gives them one (not the ECTS or weeks); the
    Total never as a figure worth other credits than the ECTS below it."""
    hours = [f"C{FIRST_ROW}:C{layout.total_row - 1}"] if layout.courses else []
    if layout.module_rows:
        first = layout.items_header_row + 1
        hours.append(f"C{first}:C{layout.last_row}")
        show_fractions(ws, f"D{first}:D{layout.last_row}", MINUTES_FRACTION)
    if hours:
        show_fractions(ws, " ".join(hours), HOURS_FRACTION)
    # Apart from the other hours: LibreOffice applies one range of rules to a cell.
    show_credit_hours(ws, f"C{layout.total_row}", settings)


def _rows(
    catalog: Catalog, totals: Totals, program: Program, layout: SyllabusLayout
) -> Iterator[Row]:
    settings = catalog.settings
    # The program's id in column H: a title changed here is read back as the program's.
    yield [text(title_of(program) or program.id, "title"), *_pad(6), text(program.id, "id")]
    facts = [program.code, f"EQF level {program.eqf_level}" if program.eqf_level else ""]
    facts.append(
        f"1 ECTS credit = {number_text(settings.hours_per_credit)} h, "
        f"{ROUNDING_TEXT[settings.rounding]}"
    )
    facts.append(", ".join(p.value for p in (program.delivery, program.pace) if p))
    yield [text(" · ".join(f for f in facts if f), "subtitle")]
    yield []
    yield [
        text("No.", "header"),
        text("Course", "header"),
        text("Learning hours", "header_number"),
        *_pad(4),
        text(ID_HEADER, "id"),
    ]

    for number_, course in enumerate(layout.courses, 1):
        yield [
            number(number_, "integer"),
            text(title_of(course), "text"),
            _course_hours(course, totals, layout),
            *_pad(4),
            text(course.id, "id"),
        ]

    first, last = FIRST_ROW, layout.total_row - 1
    hours = totals.program(program).hours
    total = (
        formula(f"=SUM($C${first}:$C${last})", hours_style(hours, "total_hours"))
        if layout.courses
        else number(0, "total_hours")
    )
    yield [Spec("", "total_blank"), text("Total", "total_label"), total]
    ects_style = "ects_half" if settings.rounding == "half" else "ects"
    cell = f"$C${layout.total_row}"
    ects = credit_formula(cell, settings.hours_per_credit, settings.rounding)
    yield [None, text("ECTS credits", "bold"), formula(ects, ects_style)]
    weekly = number_text(settings.weekly_hours)
    # The weeks of the total as shown, to two decimals, as the window counts them.
    yield [
        None,
        text(f"Weeks at {weekly} h a week", "bold"),
        formula(f"=ROUNDUP(ROUND({cell},2)/{weekly},0)", "weeks"),
    ]
    yield []

    if program.outcomes:
        yield [text("Program outcomes", "section")]
        yield [text("No.", "header"), text("Outcome", "header"), text("Bloom level", "header")]
        for index, outcome in enumerate(program.outcomes, 1):
            yield [
                text(f"O{index}", "text"),
                text(outcome.text, "text"),
                text(bloom_label(outcome.bloom), "text"),
                *_pad(4),
                text(outcome.id, "id"),
            ]
        yield []

    yield [text("Modules and items", "section")]
    yield [
        text("No.", "header"),
        text("Module / item", "header"),
        text("Hours", "header_number"),
        text("Minutes", "header_number"),
        text("Type", "header_kind"),
    ]
    for number_, course in enumerate(layout.courses, 1):
        if not course.module_ids:
            continue
        yield [
            text(str(number_), "bold"),
            text(title_of(course), "bold"),
            *_pad(5),
            text(course.id, "id"),
        ]
        rows = iter(layout.module_rows[course.id])
        for module_number, module in enumerate(catalog.modules_of(course), 1):
            row = next(rows)
            if module.items:
                items = f"$D${row + 1}:$D${row + len(module.items)}"
                style = hours_style(totals.hours(module))
                module_hours: Spec = formula(f"=SUM({items})/60", style)
            else:
                module_hours = number(module.hours or 0, hours_style(module.hours or 0))
            prefix = f"{number_}.{module_number}"
            yield [
                text(prefix, "text"),
                text(title_of(module), "bold"),
                module_hours,
                None,
                text("Module", "kind"),
                *_pad(2),
                text(module.id, "id"),
            ]
            for item_number, item in enumerate(module.items, 1):
                kind = KIND_LABELS[item.kind] + (", graded" if item.graded else "")
                yield [
                    text(f"{prefix}.{item_number}", "text"),
                    text(item.title, "text"),
                    None,
                    number(
                        item.minutes,
                        "minutes" if item.minutes == int(item.minutes) else "minutes_fraction",
                    ),
                    text(kind, "kind"),
                    *_pad(2),
                    text(item.id, "id"),
                ]


def _course_hours(course: Course, totals: Totals, layout: SyllabusLayout) -> Spec:
    hours = totals.hours(course)
    rows = layout.module_rows.get(course.id)
    if rows and len(rows) <= MAX_FORMULA_TERMS:
        return formula("=" + "+".join(f"$C${row}" for row in rows), hours_style(hours))
    if rows:  # too many modules for one formula: the figure, as the model counts it
        return number(hours, hours_style(hours))
    return number(course.hours or 0, hours_style(course.hours or 0))


def _pad(count: int) -> list[None]:
    return [None] * count


BLOOM_CHOICES = ",".join(BLOOM_LABELS.values())


def outcome_rows(layout: SyllabusLayout, program: Program) -> tuple[int, int] | None:
    """The first and last row of the program's outcomes, for the Bloom drop-down."""
    if not program.outcomes:
        return None
    first = layout.weeks_row + 4
    return first, first + len(program.outcomes) - 1
