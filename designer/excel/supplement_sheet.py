"""The Supplement sheet: every program's certificate-supplement elements, side by side."""

from __future__ import annotations

from collections.abc import Iterator

from designer.excel.cells import Row, Sheet, Spec, text
from designer.excel.layout import HEADER_ROW, title_of
from designer.model import Catalog, Totals
from designer.supplement.facts import supplement_facts

SHEET = "Supplement"
# Stacking has its own sheet (Stackability); here it would cost an overlap per program.
LEFT_OUT = {"stacking"}


def supplement_sheet(catalog: Catalog, totals: Totals) -> Sheet:
    """Rows: the EU standard elements (the six accreditation facts numbered); a column each."""
    programs = catalog.programs
    supplements = [supplement_facts(catalog, totals, p.id, with_stacking=False) for p in programs]

    def rows() -> Iterator[Row]:
        yield [text("Certificate supplement", "title")]
        yield [
            text(
                "The elements of each program's certificate supplement. Facts 1-6 are the "
                "ones the accreditation condition names; learner, date of issue and grade "
                "are filled in when a certificate is issued.",
                "subtitle",
            )
        ]
        yield []
        labels = [p.code or title_of(p) or p.id for p in programs]
        yield [text("Element", "header"), *(text(label, "header") for label in labels)]
        if not supplements:
            return
        for number, element in enumerate(supplements[0].elements):
            if element.key in LEFT_OUT:
                continue
            label = element.label + (f" (fact {element.fact})" if element.fact else "")
            row: list[Spec | None] = [text(label, "bold")]
            for supplement in supplements:
                value = supplement.elements[number]
                if value.at_issue:
                    row.append(text("to fill in at issue", "mark"))
                elif value.value is None:
                    row.append(text("MISSING" if value.required else "—", "mark"))
                else:
                    row.append(text(value.value))
            yield row

    count = len(programs)
    return Sheet(
        SHEET,
        rows,
        header_row=HEADER_ROW,
        max_widths={1: 36, **{c: 48 for c in range(2, count + 2)}},
        freeze_column=2,
        id_column=False,
    )
