"""Reading a workbook into a catalog: our own export, or any table of courses and hours.

Our own export (it has the hidden "_data" sheet, see designer.excel.datasheet) comes
back as the catalog it was made from, with what someone edited in its visible sheets
laid over it. Visible cells are tied to their unit by the hidden id in column H:

- Overview: a program's code (A), title (B) and EQF level (C);
- a syllabus sheet: the program's title (A, in the first row), a course's or module's
  title (B) and hours (C, where the hours are a figure rather than the sum of modules or
  items), an item's title (B) and minutes (D), a program outcome's text (B) and Bloom
  level (C);
- Outcomes: every outcome's text (B) and Bloom level (C).

A cell counts as edited when it no longer holds what export writes there. Rows added in
Excel (they have no id) are not read, nor are deleted rows: units are added and removed
in Curriculum Designer, and designer.excel.unread names each such row as a problem
rather than dropping it without a word. Any other workbook is read as plain tables, one
program per sheet (designer.excel.bootstrap).
Only sheets whose header row says "Curriculum Designer id" in column H are read so.
Every problem is reported at once, with its sheet and cell; nothing is returned then.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from designer.errors import CatalogError, Problem
from designer.excel.bootstrap import bootstrap_catalog
from designer.excel.cells import ID_COLUMN, cell_text
from designer.excel.datasheet import is_data_header, read_data
from designer.excel.layout import (
    BANNER_COLUMN,
    CODE_COLUMN,
    DATA_SHEET,
    HEADER_ROW,
    ID_HEADER,
    MINUTES_COLUMN,
    TITLE_COLUMN,
    VALUE_COLUMN,
    bloom_from_label,
    bloom_label,
)
from designer.excel.reading import cell_string, open_workbook, parse_number, place
from designer.excel.unread import SheetCheck, written_sheets
from designer.model import Catalog, Course, Item, Module, Outcome, Program
from designer.model.catalog import Node
from designer.model.units import MAX_ITEM_MINUTES, MAX_UNIT_HOURS
from designer.progress import Meter, ProgressCallback


def import_workbook(path: str | Path, progress: ProgressCallback | None = None) -> Catalog:
    """The catalog a workbook holds; raises CatalogError listing every problem in it.

    progress(done, total), if given, counts the sheets read (a large workbook takes half a
    minute); when it returns False the import raises Cancelled (see designer.progress).
    """
    path = Path(path)
    with open_workbook(path, read_only=True, data_only=True) as workbook:
        if DATA_SHEET in workbook.sheetnames:
            sheet = workbook[DATA_SHEET]
            rows = sheet.iter_rows(values_only=True)
            if is_data_header(next(rows, ())):
                return _own_export(workbook, path, progress)
    return bootstrap_catalog(path, progress)


def _own_export(workbook: Any, path: Path, progress: ProgressCallback | None) -> Catalog:
    sheets = [
        sheet
        for sheet in workbook.worksheets
        if sheet.title != DATA_SHEET and sheet.sheet_state == "visible"
    ]
    meter = Meter(progress, 1 + len(sheets))  # the hidden data sheet, then each visible one
    meter.start()
    meter.part(1)
    try:
        catalog = read_data(workbook[DATA_SHEET].iter_rows(values_only=True), str(path))
    except CatalogError as error:
        problems = [
            Problem(f"Sheet '{DATA_SHEET}', catalog {p.location}", p.message, p.unit)
            for p in error.problems
        ]
        raise CatalogError(path, problems) from None
    except ValueError as error:
        raise CatalogError(path, [Problem(f"Sheet '{DATA_SHEET}'", str(error))]) from None
    written = written_sheets(catalog)  # before the edits: as exported
    edits = _Edits(catalog)
    meter.part(len(sheets))
    for sheet in meter.each(sheets):
        check = SheetCheck(sheet.title, written.get(sheet.title), catalog)
        has_ids = False
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            unit_id = row[ID_COLUMN - 1] if len(row) >= ID_COLUMN else None
            if number == HEADER_ROW:
                if unit_id != ID_HEADER:
                    break  # not a sheet with ids (a curriculum map, or one added in Excel)
                has_ids = True
            if isinstance(unit_id, str) and unit_id in catalog:
                node = catalog.get(unit_id)
                fields = _banner(node) if number < HEADER_ROW else _fields(node)
                edits.read_row(sheet.title, number, row, node, fields)
            check.row(number, row)
        if has_ids:
            edits.problems.extend(check.finish())
    if edits.problems:
        raise CatalogError(path, edits.problems)
    edits.apply()
    if edits.problems:
        raise CatalogError(path, edits.problems)
    meter.finish()
    return catalog


@dataclass(frozen=True)
class _Field:
    column: int
    name: str
    shown: Callable[[Any], Any]  # the field's value as export writes it in the cell
    parse: Callable[[Any], Any]  # a cell's value as the field's; raises ValueError


def _text(value: Any) -> str:
    return cell_string(value)


def _number_field(column: int, name: str, what: str, limit: float) -> _Field:
    return _Field(
        column,
        name,
        lambda value: value or 0,
        lambda cell: parse_number(cell, what, limit),
    )


_TITLE = _Field(TITLE_COLUMN, "title", lambda v: cell_text(v), _text)
_HOURS = _number_field(VALUE_COLUMN, "hours", "hours", MAX_UNIT_HOURS)
_FIELDS: dict[type, list[_Field]] = {
    Program: [
        _Field(CODE_COLUMN, "code", lambda v: cell_text(v), _text),
        _TITLE,
        _Field(VALUE_COLUMN, "eqf_level", lambda v: v or "", lambda c: cell_string(c) or None),
    ],
    Item: [_TITLE, _number_field(MINUTES_COLUMN, "minutes", "minutes", MAX_ITEM_MINUTES)],
    Outcome: [
        _Field(TITLE_COLUMN, "text", lambda v: cell_text(v), _text),
        _Field(VALUE_COLUMN, "bloom", bloom_label, lambda c: bloom_from_label(cell_string(c))),
    ],
}


def _banner(node: Node) -> list[_Field]:
    """The title row of a program's syllabus sheet, which shows the id of an untitled one."""
    if not isinstance(node, Program):
        return []
    return [_Field(BANNER_COLUMN, "title", lambda v: cell_text(v) or node.id, _text)]


def _fields(node: Node) -> list[_Field]:
    if isinstance(node, Course):
        return [_TITLE, _HOURS] if not node.module_ids else [_TITLE]
    if isinstance(node, Module):
        return [_TITLE, _HOURS] if not node.items else [_TITLE]
    return _FIELDS[type(node)]


def _same(shown: Any, found: Any) -> bool:
    if isinstance(shown, int | float) and isinstance(found, int | float):
        return math.isclose(shown, found, rel_tol=1e-12, abs_tol=1e-12)
    return shown == found


class _Edits:
    """What the visible sheets changed, checked cell by cell and against each other."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.problems: list[Problem] = []
        self._changes: dict[tuple[str, str], tuple[Any, str]] = {}  # (id, field) -> (value, at)

    def read_row(
        self, sheet: str, number: int, row: tuple[Any, ...], node: Node, fields: list[_Field]
    ) -> None:
        for field in fields:
            found = row[field.column - 1] if len(row) >= field.column else None
            shown = field.shown(getattr(node, field.name))
            if _same(shown, "" if found is None and isinstance(shown, str) else found):
                continue
            where = place(sheet, number, field.column)
            try:
                value = field.parse(found)
            except ValueError as error:
                self.problems.append(Problem(where, str(error)))
                continue
            if _same(field.shown(value), shown):
                continue  # the same value written differently, e.g. 'apply' for 'Apply'
            key = (node.id, field.name)
            earlier = self._changes.get(key)
            if earlier is None:
                self._changes[key] = (value, where)
            elif not _same(field.shown(earlier[0]), field.shown(value)):
                message = (
                    f"{field.name} changed to {cell_string(field.shown(value))!r} here but to "
                    f"{cell_string(field.shown(earlier[0]))!r} at {earlier[1]}"
                )
                self.problems.append(Problem(where, message))

    def apply(self) -> None:
        for (unit_id, name), (value, where) in self._changes.items():
            node = self.catalog.get(unit_id)
            try:
                setattr(node, name, value)
            except ValidationError as error:
                message = error.errors()[0]["msg"].removeprefix("Value error, ")
                self.problems.append(Problem(where, f"{name}: {message}"))
