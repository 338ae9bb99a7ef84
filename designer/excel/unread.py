"""What an import of our own export cannot read, named rather than dropped without a word.

The import reads a visible sheet's rows by the id in column H (designer.excel.import_).
A row without one, the export's titles, headings and totals, is not read: so a row added
in Excel, or a heading changed there, would be lost. A deleted row would leave its unit
as it was. Both are told apart from what the export wrote by writing the sheets again,
from the catalog in the hidden data sheet, and comparing:

- a row without an id whose texts are not those of a row the export wrote without one
  was added or changed in Excel;
- an id the export wrote in a sheet and the sheet no longer holds is a deleted row;
- an id that names no unit is a row copied from elsewhere, or an id typed by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from designer.errors import Problem
from designer.excel.cells import ID_COLUMN
from designer.excel.export import id_sheets
from designer.excel.layout import HEADER_ROW
from designer.excel.reading import cell_string, is_blank, place
from designer.model import Catalog, Totals

Texts = tuple[str, ...]


@dataclass
class Written:
    """What the export wrote in one sheet: the ids of its rows, the texts of the others."""

    ids: Counter[str] = field(default_factory=Counter)
    texts: Counter[Texts] = field(default_factory=Counter)


def written_sheets(catalog: Catalog) -> dict[str, Written]:
    """The sheets with ids that exporting catalog writes, by name."""
    totals = Totals(catalog)
    try:
        written: dict[str, Written] = {}
        for sheet in id_sheets(catalog, totals):
            found = written[sheet.title] = Written()
            for number, specs in enumerate(sheet.rows(), 1):
                # Its texts, as a spreadsheet reads them back: a formula gives a figure.
                row = [spec.value if spec and spec.kind == "s" else None for spec in specs]
                unit_id = row[ID_COLUMN - 1] if len(row) >= ID_COLUMN else None
                if number == HEADER_ROW:
                    continue
                if unit_id:
                    found.ids[str(unit_id)] += 1
                elif texts := _texts(row):
                    found.texts[texts] += 1
        return written
    finally:
        totals.close()


class SheetCheck:
    """Follows the rows of one sheet as the import reads them; then names what it cannot."""

    def __init__(self, sheet: str, written: Written | None, catalog: Catalog) -> None:
        self.sheet = sheet
        self.written = written  # None: not a sheet the export wrote (renamed, or added)
        self.catalog = catalog
        self.ids: Counter[str] = Counter()
        self.texts: Counter[Texts] = Counter()
        self.problems: list[Problem] = []

    def row(self, number: int, row: tuple[Any, ...]) -> None:
        if number == HEADER_ROW:
            return
        unit_id = row[ID_COLUMN - 1] if len(row) >= ID_COLUMN else None
        if isinstance(unit_id, str) and unit_id in self.catalog:
            self.ids[unit_id] += 1
        elif not is_blank(unit_id):
            message = f"{unit_id!r} is not the id of a unit of this workbook: the row is not read"
            self.problems.append(Problem(place(self.sheet, number, ID_COLUMN), message))
        elif self.written is not None and not all(map(is_blank, row)):
            texts = _texts(row)
            if self.texts[texts] < self.written.texts[texts]:
                self.texts[texts] += 1  # one the export wrote
                return
            if number < HEADER_ROW:
                message = (
                    f"the lines above the table are made from the catalog and are not "
                    f"read: change a program's code and EQF level on the Overview sheet, "
                    f"anything else in Curriculum Designer (found {_shown(row)})"
                )
            else:
                message = (
                    f"a row without a Curriculum Designer id (column H) is not read: add "
                    f"units in Curriculum Designer and export again; headings and totals "
                    f"are not imported (found {_shown(row)})"
                )
            self.problems.append(Problem(place(self.sheet, number), message))

    def finish(self) -> list[Problem]:
        """Every problem found, with the rows deleted from the sheet last."""
        if self.written is None:
            return self.problems
        for unit_id, count in self.written.ids.items():
            if self.ids[unit_id] >= count:
                continue
            node = self.catalog.get(unit_id)
            kind = type(node).__name__.lower()
            name = getattr(node, "title", "") or getattr(node, "text", "") or unit_id
            message = (
                f"the row of {kind} {_quoted(name)} was deleted: units are removed in "
                f"Curriculum Designer, so it would stay as it is; put the row back, or "
                f"remove the {kind} there"
            )
            self.problems.append(Problem(f"Sheet '{self.sheet}'", message))
        return self.problems


def _texts(row: Iterable[Any]) -> Texts:
    """A row's texts other than its id, as it is matched with the export's."""
    return tuple(
        value.strip()
        for column, value in enumerate(row, 1)
        if column != ID_COLUMN and isinstance(value, str) and value.strip()
    )


def _shown(row: tuple[Any, ...]) -> str:
    values = [v for column, v in enumerate(row, 1) if column != ID_COLUMN and not is_blank(v)]
    text = ", ".join(_quoted(v) if isinstance(v, str) else cell_string(v) for v in values)
    return text if len(text) <= 80 else text[:77] + "..."


def _quoted(text: str) -> str:
    return f"“{text if len(text) <= 60 else text[:57] + '...'}”"
