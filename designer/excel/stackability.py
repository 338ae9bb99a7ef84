"""The Stackability sheet: what a learner who holds one program already has of another.

It needs designer.sharing.overlap; without it the workbook simply has no such sheet.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.utils import get_column_letter

from designer.excel.cells import Row, Sheet, Spec, hours_style, number, text
from designer.excel.layout import HEADER_ROW, title_of
from designer.model import Catalog, Totals

SHEET = "Stackability"


class Shared(NamedTuple):
    """What the sheet shows of an overlap: the figures, without the lists of shared units."""

    shared_hours: float
    coverage: float


def overlaps(catalog: Catalog, totals: Totals) -> dict[tuple[str, str], Shared] | None:
    """The overlap of every ordered pair of programs that share something (a pair left out
    shares nothing), or None when that cannot be computed."""
    try:
        from designer.sharing.overlap import overlap_matrix
    except ImportError:
        return None
    matrix: dict[tuple[str, str], Any] = overlap_matrix(catalog, totals)
    return {pair: Shared(found.shared_hours, found.coverage) for pair, found in matrix.items()}


def stackability_sheet(catalog: Catalog, matrix: dict[tuple[str, str], Shared]) -> Sheet:
    programs = catalog.programs
    labels = [p.code or title_of(p) or p.id for p in programs]
    count = len(programs)

    def rows() -> Iterator[Row]:
        yield [text("Stackability", "title")]
        yield [
            text(
                "Row: the program a learner holds. Column: the program they take next. "
                "Shared hours, then the share of the next program they already have.",
                "subtitle",
            )
        ]
        yield []
        for block in ("hours", "coverage"):
            if block == "coverage":
                yield []
                yield [text("Coverage of the next program", "section")]
            corner = "Holds \\ next" if block == "hours" else "Holds \\ next (coverage)"
            yield [text(corner, "header"), *(text(label, "header_center") for label in labels)]
            for source, label in zip(programs, labels, strict=True):
                row: list[Spec | None] = [text(label, "bold")]
                for target in programs:
                    found = matrix.get((source.id, target.id))
                    if source.id == target.id or found is None:
                        row.append(text("—", "mark"))
                    elif block == "hours":
                        row.append(number(found.shared_hours, hours_style(found.shared_hours)))
                    else:
                        row.append(number(found.coverage, "percent"))
                yield row

    return Sheet(
        SHEET,
        rows,
        header_row=HEADER_ROW,
        max_widths={1: 40, **{c: 14 for c in range(2, count + 2)}},
        freeze_column=2,
        id_column=False,
    )


def add_colour_scale(ws: Any, count: int) -> None:
    """Green for the pairs whose next program is covered most, white for none."""
    if not count:
        return
    first = HEADER_ROW + count + 4
    cells = f"B{first}:{get_column_letter(count + 1)}{first + count - 1}"
    rule = ColorScaleRule(
        start_type="num",
        start_value=0,
        start_color="FFFFFF",
        end_type="num",
        end_value=1,
        end_color="63BE7B",
    )
    ws.conditional_formatting.add(cells, rule)
