"""The Overview sheet (one row per program) and the Outcomes sheet (every outcome)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from designer.excel.cells import Row, Sheet, formula, number, text
from designer.excel.layout import (
    HEADER_ROW,
    ID_HEADER,
    ROUNDING_TEXT,
    ProgramSheets,
    bloom_label,
    number_text,
    outcome_refs,
    quoted,
    title_of,
)
from designer.excel.syllabus import SyllabusLayout, show_credit_hours
from designer.model import Catalog, Program, Totals
from designer.model.units import Course, Module


def overview_sheet(
    catalog: Catalog,
    totals: Totals,
    sheets: dict[str, ProgramSheets],
    layouts: dict[str, SyllabusLayout],
) -> Sheet:
    def rows() -> Iterator[Row]:
        settings = catalog.settings
        yield [text("Programs", "title")]
        yield [
            text(
                f"1 ECTS credit = {number_text(settings.hours_per_credit)} h, "
                f"{ROUNDING_TEXT[settings.rounding]}; weeks at "
                f"{number_text(settings.weekly_hours)} h a week. Hours, credits and weeks "
                "follow the programs' sheets.",
                "subtitle",
            )
        ]
        yield []
        headers = ["Code", "Program", "EQF level"]
        yield [
            *(text(h, "header") for h in headers),
            *(text(h, "header_number") for h in ("Courses", "Hours", "ECTS", "Weeks")),
            text(ID_HEADER, "id"),
        ]
        for program in catalog.programs:
            layout = layouts[program.id]
            sheet = quoted(sheets[program.id].syllabus)
            figures = totals.program(program)
            ects_style = "ects_half_plain" if settings.rounding == "half" else "ects_plain"
            hours_style = "hours" if figures.hours == int(figures.hours) else "hours_fraction"
            # The figures of the program's sheet, absolutely ($C$17): sorted rows keep theirs.
            yield [
                text(program.code, "text"),
                text(title_of(program), "text"),
                text(program.eqf_level or "", "text"),
                number(len(program.course_ids), "count"),
                formula(f"={sheet}!$C${layout.total_row}", hours_style),
                formula(f"={sheet}!$C${layout.ects_row}", ects_style),
                formula(f"={sheet}!$C${layout.weeks_row}", "weeks"),
                text(program.id, "id"),
            ]

    def finish(ws: Any) -> None:
        if catalog.programs:  # the hours follow the syllabi, fractions and all, beside the ECTS
            last = HEADER_ROW + len(catalog.programs)
            show_credit_hours(ws, f"E{HEADER_ROW + 1}:E{last}", catalog.settings)

    return Sheet("Overview", rows, header_row=HEADER_ROW, max_widths={2: 70}, finish=finish)


def outcomes_sheet(catalog: Catalog) -> Sheet:
    def rows() -> Iterator[Row]:
        refs = outcome_refs(catalog)
        yield [text("Learning outcomes", "title")]
        yield [
            text(
                "Every outcome of every program, course and module, with its Bloom level and "
                "the outcomes it supports (by their Ref.).",
                "subtitle",
            )
        ]
        yield []
        headers = ["Ref.", "Outcome", "Bloom level", "Level", "Unit", "Supports"]
        yield [*(text(h, "header") for h in headers), None, text(ID_HEADER, "id")]
        for level, unit in _units(catalog):
            for outcome in unit.outcomes:
                supports = ", ".join(refs.get(s, s) for s in outcome.supports)
                yield [
                    text(refs[outcome.id], "text"),
                    text(outcome.text, "text"),
                    text(bloom_label(outcome.bloom), "text"),
                    text(level, "text"),
                    text(title_of(unit) or unit.id, "text"),
                    text(supports, "text"),
                    None,
                    text(outcome.id, "id"),
                ]

    return Sheet("Outcomes", rows, header_row=HEADER_ROW, max_widths={2: 70, 5: 40, 6: 24})


def outcome_count(catalog: Catalog) -> int:
    return sum(len(unit.outcomes) for _, unit in _units(catalog))


def _units(catalog: Catalog) -> Iterator[tuple[str, Program | Course | Module]]:
    for program in catalog.programs:
        yield "Program", program
    for course in catalog.courses.values():
        yield "Course", course
    for module in catalog.modules.values():
        yield "Module", module
