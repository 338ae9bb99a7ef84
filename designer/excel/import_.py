"""Reading a workbook into a catalog: our own export, or any table of courses and hours.

Our own export (it has the hidden "_data" sheet, see designer.excel.datasheet) comes
back as the catalog it was made from, with what someone edited in its sheets laid over
it, hidden ones too (a problem on one says the sheet is hidden). Cells are tied to their
unit by the hidden id in column H:

- Overview: a program's code (A), title (B) and EQF level (C);
- a syllabus sheet: the program's title (A, in the first row), a course's or module's
  title (B) and hours (C, where the hours are a figure rather than the sum of modules or
  items), an item's title (B), minutes (D) and type (E, "Graded quiz, graded"), a program
  outcome's text (B) and Bloom level (C);
- Outcomes: every outcome's text (B) and Bloom level (C).

A cell counts as edited when it no longer holds what export writes there; an item's
minutes or a unit's hours typed as a time ("1:30") are that duration (reading.typed_time),
unless the cell holds a formula (=100/60 gives what Calc keeps for 40:00); a number that may
as well be a time as a figure (0.25, or 6:00 typed in Calc) is named. A title or an outcome
is read as one line, without the spaces around it.
The order of the rows is read too: the programs on the Overview, on a syllabus sheet a
program's courses in its course table, a course's modules and a module's items, and each
unit's outcomes (on the Outcomes sheet, and a program's on its syllabus sheet), each list
in the order of its rows (whole rows sorted or moved within their table, course or module).
Rows added in Excel (they have no id) are not read, nor are deleted or copied rows, a
row moved to another course or module, or a row's other cells (an outcome's Supports,
the figures the sheets compute): units are added, removed and moved in Curriculum
Designer, and designer.excel.unread names each such row or cell as a problem rather than
dropping it without a word. Any other workbook is read as plain tables, one program per
sheet (designer.excel.bootstrap).
Only sheets whose header row says "Curriculum Designer id" in column H are read so (the
header row is looked for in the first rows: rows inserted or deleted above it move it); a
sheet the export wrote without it, or with it in another column, is named. A
sheet renamed in Excel is known by its content: a syllabus sheet by its program's id in H1
(even under the name of another syllabus sheet, as when two sheets' names are swapped),
the Overview and Outcomes by their title (A1) or header row; one that is none the export
wrote (a copy, or renamed with its title and header changed too) is named, not read.
Every problem is reported at once, with its sheet and cell, and nothing is returned
then; the cells that are not read are compared with the catalog the edits give, so they
are checked once the edits agree.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, TypeVar

from openpyxl.utils import get_column_letter
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
    KIND_LABELS,
    MINUTES_COLUMN,
    TITLE_COLUMN,
    VALUE_COLUMN,
    bloom_from_label,
    bloom_label,
)
from designer.excel.reading import (
    cell_string,
    formulas_in,
    is_blank,
    may_be_time,
    not_a_date,
    open_workbook,
    parse_number,
    place,
    saved_by_calc,
    typed_time,
)
from designer.excel.unread import (
    SheetCheck,
    Written,
    edited_cells,
    name_of,
    quoted,
    written_sheets,
)
from designer.model import Catalog, Course, Item, ItemKind, Module, Outcome, Program
from designer.model.catalog import Node
from designer.model.units import MAX_ITEM_MINUTES, MAX_UNIT_HOURS
from designer.progress import Meter, ProgressCallback

T = TypeVar("T")


# The steps of progress of a sheet: a large workbook's long sheets (its Outcomes, 50,000
# rows) take seconds each, and the progress moves, and a cancel is noticed, row by row.
SHEET_STEPS = 100


def import_workbook(path: str | Path, progress: ProgressCallback | None = None) -> Catalog:
    """The catalog a workbook holds; raises CatalogError listing every problem in it.

    progress(done, total), if given, counts SHEET_STEPS for each sheet read, spread over
    its rows (a large workbook takes a minute); it is called every hundredth of a second,
    and when it returns False the import raises Cancelled (see designer.progress).
    """
    path = Path(path)
    with open_workbook(path, read_only=True, data_only=True) as workbook:
        if DATA_SHEET in workbook.sheetnames:
            sheet = workbook[DATA_SHEET]
            rows = sheet.iter_rows(values_only=True)
            if is_data_header(next(rows, ())):
                return _own_export(workbook, path, progress)
    return bootstrap_catalog(path, _in_sheet_steps(progress))


def _in_sheet_steps(progress: ProgressCallback | None) -> ProgressCallback | None:
    """A progress that counts sheets, as one that counts SHEET_STEPS for each."""
    if progress is None:
        return None
    return lambda done, total: progress(done * SHEET_STEPS, total * SHEET_STEPS)


class _RowCount:
    """Counts rows on the meter's current part, spread over the rows expected (when that
    is known: else the part is counted once it is over), and lets the meter report every
    hundredth of a second however long the part."""

    def __init__(self, meter: Meter, expected: int | None) -> None:
        self.meter = meter
        self.start, self.steps = meter.done, meter.left
        self.expected = expected or 0
        self.count = 0

    def counted(self) -> None:
        self.count += 1
        steps = self.start + self.steps * self.count // self.expected if self.expected else 0
        self.meter.advance(max(steps - self.meter.done, 0))

    def each(self, rows: Iterable[T]) -> Iterator[T]:
        for row in rows:
            yield row
            self.counted()


def _own_export(workbook: Any, path: Path, progress: ProgressCallback | None) -> Catalog:
    # Hidden sheets too: a sheet edited and then hidden (to tidy up, or to print the rest)
    # holds edits that would otherwise be lost without a word.
    sheets = [sheet for sheet in workbook.worksheets if sheet.title != DATA_SHEET]
    hidden = {sheet.title for sheet in sheets if sheet.sheet_state != "visible"}
    # The hidden data sheet, then each other one.
    meter = Meter(progress, SHEET_STEPS * (1 + len(sheets)))
    meter.start()
    meter.part(SHEET_STEPS // 4)  # the data sheet's catalog; then what the export wrote
    try:
        rows = _RowCount(meter, None).each(workbook[DATA_SHEET].iter_rows(values_only=True))
        catalog = read_data(rows, str(path))
    except CatalogError as error:
        problems = [
            Problem(f"Sheet '{DATA_SHEET}', catalog {p.location}", p.message, p.unit)
            for p in error.problems
        ]
        raise CatalogError(path, problems) from None
    except ValueError as error:
        raise CatalogError(path, [Problem(f"Sheet '{DATA_SHEET}'", str(error))]) from None
    meter.part(SHEET_STEPS - SHEET_STEPS // 4)
    units = _RowCount(meter, sum(1 for _ in catalog.walk()))  # about a row each
    written = written_sheets(catalog, _read_columns, units.counted)  # before the edits
    edits = _Edits(catalog)
    orders = _Orders(catalog)
    checks: list[SheetCheck] = []
    gone = [name for name in written if name not in workbook.sheetnames]  # renamed, or deleted
    unknown: list[tuple[str, list[tuple[Any, ...]]]] = []  # sheets with ids: none it wrote
    taken: set[str] = set()  # the names of the sheets the export wrote found so far
    for sheet in sheets:
        meter.part(SHEET_STEPS)
        expected = written[sheet.title].rows if sheet.title in written else None
        rows = _RowCount(meter, expected).each(sheet.iter_rows(values_only=True))
        top = _top(rows)  # the title block and the header row
        header = len(top) if top and _id_in(top[-1]) == ID_HEADER else None
        name = _written_as(sheet.title, top, header, written, gone, taken)
        if name in gone:
            gone.remove(name)
        if name is not None:
            taken.add(name)
        known = written.get(name) if name is not None else None
        if header is None:
            # Not a sheet with ids (a curriculum map, or one added in Excel), or one whose
            # header row or id column was moved: its edits would be lost without a word.
            problem = _no_header(sheet.title, top, known is not None)
            if problem is not None:
                edits.problems.append(problem)
            continue
        if known is None:
            unknown.append((sheet.title, top))
            continue
        check = SheetCheck(sheet.title, known, catalog, header)
        for number, row in enumerate(chain(top, rows), 1):
            unit_id = _id_in(row)
            read: list[int] = []
            if number != header and isinstance(unit_id, str) and unit_id in catalog:
                node = catalog.get(unit_id)
                fields = _row_fields(node, number < header)
                edits.read_row(sheet.title, number, row, node, fields)
                read = [field.column for field in fields]
            check.row(number, row, read)
        found = check.finish()
        edits.problems.extend(found)
        checks.append(check)
        if not found:
            # Every row accounted for (none added, copied or deleted): their order.
            if known.program is not None:
                orders.read_sheet(sheet.title, catalog.program(known.program), check.rows)
            orders.read_programs(sheet.title, check.rows)
            orders.read_outcomes(sheet.title, check.rows)
    edits.read_formulas(path)
    edits.problems.extend(_unknown_sheet(title, top, written, gone) for title, top in unknown)
    problems = edits.problems + orders.problems
    if problems:
        raise CatalogError(path, _on_hidden(problems, hidden))
    edits.apply()
    if edits.problems:
        raise CatalogError(path, _on_hidden(edits.problems, hidden))
    orders.apply()
    problems = edited_cells(checks, catalog, _read_columns, path)
    if problems:
        raise CatalogError(path, _on_hidden(problems, hidden))
    meter.finish()
    return catalog


def _on_hidden(problems: list[Problem], hidden: Collection[str]) -> list[Problem]:
    """The problems, those of a hidden sheet saying so: the cell named is not in sight."""
    if not hidden:
        return problems
    noted = []
    for problem in problems:
        sheet = next(
            (
                title
                for title in hidden
                if problem.location == f"Sheet '{title}'"
                or problem.location.startswith(f"Sheet '{title}', ")
            ),
            None,
        )
        if sheet is not None:
            message = f"{problem.message} (the sheet is hidden: unhide it to see this)"
            problem = Problem(problem.location, message, problem.unit)
        noted.append(problem)
    return noted


# Rows searched for a sheet's header row, which the export writes in row HEADER_ROW: rows
# inserted or deleted above it move it, and the sheet is still read.
HEADER_SEARCH = 20


def _id_in(row: tuple[Any, ...]) -> Any:
    return row[ID_COLUMN - 1] if len(row) >= ID_COLUMN else None


def _top(rows: Iterator[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """A sheet's first rows down to its header row (the one with ID_HEADER in column H), or
    HEADER_SEARCH rows when there is none."""
    top = []
    for row in islice(rows, HEADER_SEARCH):
        top.append(row)
        if _id_in(row) == ID_HEADER:
            break
    return top


def _written_as(
    title: str,
    top: list[tuple[Any, ...]],
    header: int | None,
    written: dict[str, Written],
    gone: list[str],
    taken: set[str],
) -> str | None:
    """The name the export gave this sheet, from its first rows (top, down to its header
    row), unless another sheet was found to be that one (taken): its own or, renamed in
    Excel, that of the one sheet the workbook no longer has (gone) that it fits. A sheet
    given the name of another (two sheets' names swapped, the Overview and Outcomes as
    well as two syllabus sheets) is known by its program's id, or its title or header
    row; one that fits no other is read under its name."""
    own = written.get(title)
    if own is not None and _fits(own, top, header):
        return None if title in taken else title
    candidates = gone if own is None else [n for n in written if n != title]
    fits = [name for name in candidates if name not in taken and _fits(written[name], top, header)]
    if own is not None and not fits:
        return None if title in taken else title  # its rows are checked as that sheet's
    return fits[0] if len(fits) == 1 else None


def _fits(sheet: Written, top: list[tuple[Any, ...]], header: int | None) -> bool:
    """Whether a sheet's first rows are those the export wrote in this sheet: for a
    syllabus sheet its program's id in column H above the header row, else its title (A1)
    or header row."""
    above = top[: header - 1] if header is not None else top
    program_id = next((_id_in(row) for row in above if isinstance(_id_in(row), str)), None)
    if program_id is not None:
        return sheet.program == program_id
    title = next((row for row in above if any(not is_blank(value) for value in row)), ())
    return sheet.shows(title, top[header - 1] if header is not None else ())


def _no_header(title: str, top: list[tuple[Any, ...]], known: bool) -> Problem | None:
    """Why a sheet without its header row is not read: one the export wrote (known by its
    name), whose header row was deleted or moved far down, or any sheet whose hidden id
    column was moved by a column inserted or deleted before it. None for another sheet (a
    curriculum map, or one added in Excel)."""
    moved = [
        (number, column)
        for number, row in enumerate(top, 1)
        for column, value in enumerate(row, 1)
        if value == ID_HEADER
    ]
    if moved:
        number, column = moved[0]
        message = (
            f"the hidden ids of the rows, written in column {get_column_letter(ID_COLUMN)}, "
            f"are now in column {get_column_letter(column)} (see {get_column_letter(column)}"
            f"{number}): a column was inserted or deleted before them, so the columns of "
            f"the sheet cannot be read; "
            + ("delete the inserted column" if column > ID_COLUMN else "put the column back")
            + ", or undo the change"
        )
    elif known:
        message = (
            f"the header row of the sheet, with “{ID_HEADER}” in its hidden column "
            f"{get_column_letter(ID_COLUMN)}, is not in its first {HEADER_SEARCH} rows "
            f"(deleted, or rows inserted above it?), so no row of the sheet can be told "
            f"apart and none is read: put the header row back where it was, or undo the change"
        )
    else:
        return None
    return Problem(f"Sheet '{title}'", message)


def _unknown_sheet(
    title: str, top: list[tuple[Any, ...]], written: dict[str, Written], gone: list[str]
) -> Problem:
    """A sheet with ids in column H that is none the export wrote: a copy of one that is
    read, or one renamed with its title and header row changed too."""
    copied = [name for name in written if name not in gone and _fits(written[name], top, len(top))]
    if copied:
        message = (
            f"the sheet repeats the sheet '{copied[0]}', hidden ids in column H and all: a "
            f"copied sheet is not read, since units are added in Curriculum Designer; "
            f"delete it"
        )
    else:
        message = (
            f"the sheet has Curriculum Designer ids in column H, but neither its name, nor "
            f"its title (A1), nor its header row (row {len(top)}) is that of a sheet the "
            f"export wrote, so it is not read"
        )
        if gone:
            names = " or ".join(f"'{name}'" for name in gone)
            message += f": give it back its name ({names})"
        else:
            message += ": delete it, and add units in Curriculum Designer"
    return Problem(f"Sheet '{title}'", message)


@dataclass(frozen=True)
class _Field:
    column: int
    name: str
    shown: Callable[[Any], Any]  # the field's value as export writes it in the cell
    parse: Callable[[Any], Any]  # a cell's value as the field's; raises ValueError
    # A duration's unit ("hours", "minutes"): a number may be a time typed in Calc
    # (typed_time); None for a field that is no duration. limit: its largest value.
    duration: str | None = None
    limit: float = math.inf
    # A title or an outcome's text: the model allows an empty one (checks warns of it), but
    # a cell that held one and is empty now was merged over or cleared by a slip, and the
    # import cannot warn, so it refuses, saying what the cell held (as for empty minutes).
    required: bool = False

    def value(self, node: Node) -> Any:
        return getattr(node, self.name)

    def apply(self, node: Node, value: Any) -> None:
        setattr(node, self.name, value)  # validates; raises pydantic.ValidationError


def _text(value: Any, what: str) -> str:
    """A title, code or outcome typed in a cell, as one line without spaces around it: the
    window's fields hold one line (a line break pasted or typed with Alt+Enter hid the rest
    of a title in the tree), and spaces left at the end would be kept unseen. The spaces
    within a line are the designer's (a no-break space too). A date or time is refused:
    the spreadsheet made it of what was typed ("3-4", "1:30"), which is lost."""
    not_a_date(value, what)
    lines = (line.strip() for line in cell_string(value).splitlines())
    return " ".join(line for line in lines if line)


def _text_field(column: int, name: str, what: str, *, required: bool = True) -> _Field:
    """A text: a title, an outcome's text (required: not to be emptied), or a code."""
    return _Field(column, name, lambda v: cell_text(v), lambda c: _text(c, what), required=required)


def _number_field(column: int, name: str, what: str, limit: float) -> _Field:
    """Hours or minutes: a figure, a duration typed as text, or a time ("1:30")."""
    return _Field(
        column,
        name,
        lambda value: value or 0,
        lambda cell: parse_number(cell, what, limit),
        duration=what,
        limit=limit,
    )


TYPE_COLUMN = 5  # E: an item's type, its kind and whether it is graded
_KINDS = {label.casefold(): kind for kind, label in KIND_LABELS.items()}


def _type_label(value: tuple[ItemKind, bool]) -> str:
    kind, graded = value
    return KIND_LABELS[kind] + (", graded" if graded else "")


def _type_from_label(cell: Any) -> tuple[ItemKind, bool]:
    """An item's kind and whether it is graded, from its label in any case ("reading",
    "Graded quiz, graded"). A graded quiz is graded whether or not its label says so: a
    designer who types "Graded quiz" over a video means one that counts."""
    text = " ".join(cell_string(cell).replace("-", " ").replace("_", " ").split()).casefold()
    label, comma, graded = text.partition(",")
    kind = _KINDS.get(label.strip())
    if kind is None or graded.strip() not in ("", "graded") or (comma and not graded.strip()):
        labels = ", ".join(KIND_LABELS.values())
        found = repr(cell_string(cell).strip()) if cell_string(cell).strip() else "an empty cell"
        raise ValueError(
            f"type must be one of {labels}, followed by “, graded” for a graded item "
            f"(“Graded quiz, graded”), found {found}"
        )
    return kind, bool(graded.strip()) or kind is ItemKind.GRADED_QUIZ


@dataclass(frozen=True)
class _TypeField(_Field):
    """An item's Type: two fields in one cell."""

    def value(self, node: Node) -> Any:
        assert isinstance(node, Item)
        return node.kind, node.graded

    def apply(self, node: Node, value: Any) -> None:
        assert isinstance(node, Item)
        node.kind, node.graded = value


def _eqf_level(cell: Any) -> str | None:
    """An EQF level as a cell gives it: "6" or "5-6", or with its name, as designers often
    write it ("EQF 6", "Level 6", "EQF level 5 – 6"); the model checks the figures."""
    not_a_date(cell, "EQF level")  # "5-6" typed, taken for 6 May
    text = re.sub(r"^\s*(eqf)?\s*(level)?", "", cell_string(cell), flags=re.IGNORECASE)
    return "".join(text.replace("–", "-").split()) or None


_TITLE = _text_field(TITLE_COLUMN, "title", "title")
_HOURS = _number_field(VALUE_COLUMN, "hours", "hours", MAX_UNIT_HOURS)
_FIELDS: dict[type, list[_Field]] = {
    Program: [
        _text_field(CODE_COLUMN, "code", "code", required=False),  # often left out
        _TITLE,
        _Field(VALUE_COLUMN, "eqf_level", lambda v: v or "", _eqf_level),
    ],
    Item: [
        _TITLE,
        _number_field(MINUTES_COLUMN, "minutes", "minutes", MAX_ITEM_MINUTES),
        _TypeField(TYPE_COLUMN, "type", _type_label, _type_from_label),
    ],
    Outcome: [
        _text_field(TITLE_COLUMN, "text", "outcome text"),
        _Field(VALUE_COLUMN, "bloom", bloom_label, lambda c: bloom_from_label(cell_string(c))),
    ],
}


def _row_fields(node: Node, above_header: bool) -> list[_Field]:
    """The fields a row of this unit shows; above the header row, a syllabus sheet's title."""
    return _banner(node) if above_header else _fields(node)


def _read_columns(node: Node, number: int) -> Collection[int]:
    """The columns read in a row of the sheets as the export writes them."""
    return [field.column for field in _row_fields(node, number < HEADER_ROW)]


def _banner(node: Node) -> list[_Field]:
    """The title row of a program's syllabus sheet, which shows the id of an untitled one."""
    if not isinstance(node, Program):
        return []
    return [
        _Field(
            BANNER_COLUMN,
            "title",
            lambda v: cell_text(v) or node.id,
            lambda c: _text(c, "title"),
            required=True,
        )
    ]


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
    """What the sheets changed, checked cell by cell and against each other."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.problems: list[Problem] = []
        # (id, field name) -> (value, where, field)
        self._changes: dict[tuple[str, str], tuple[Any, str, _Field]] = {}
        # The cells read_formulas reads: (sheet, row, node, field, value found).
        self._formula_or_value: list[tuple[str, int, Node, _Field, Any]] = []

    def read_row(
        self, sheet: str, number: int, row: tuple[Any, ...], node: Node, fields: list[_Field]
    ) -> None:
        for field in fields:
            found = row[field.column - 1] if len(row) >= field.column else None
            shown = field.shown(field.value(node))
            if _same(shown, "" if found is None and isinstance(shown, str) else found):
                continue
            if found is None or (field.duration and may_be_time(found)):
                # Read once every sheet is: an empty value may be a formula's result that
                # was never saved (a workbook written by a program), and a time typed in
                # Calc (1:30, 0.0625 of a day) looks like the result of =100/60, which is
                # no time; the formulas are looked up in the workbook then (read_formulas).
                self._formula_or_value.append((sheet, number, node, field, found))
                continue
            self._read(place(sheet, number, field.column), node, field, found)

    def read_formulas(self, path: Path) -> None:
        """Read the cells whose value depends on whether they hold a formula."""
        if not self._formula_or_value:
            return
        cells = [(s, n, field.column) for s, n, _, field, _ in self._formula_or_value]
        formulas = formulas_in(path, cells)
        calc = saved_by_calc(path)
        for sheet, number, node, field, found in self._formula_or_value:
            where = place(sheet, number, field.column)
            formula = formulas.get((sheet, number, field.column))
            if formula is None:  # a value typed
                if field.duration:
                    try:
                        found = typed_time(found, field.duration, field.limit, calc)
                    except ValueError as error:
                        self.problems.append(Problem(where, str(error)))
                        continue
                self._read(where, node, field, found)
            elif found is None:
                message = (
                    f"the cell holds the formula {formula[:40]} but not its result: the "
                    f"workbook was saved by a program that does not compute formulas; open "
                    f"it in Excel or LibreOffice and save it there, or type the value instead"
                )
                self.problems.append(Problem(where, message))
            else:  # a formula's result, not a time however it looks
                self._read(where, node, field, found)
        self._formula_or_value.clear()

    def _read(self, where: str, node: Node, field: _Field, found: Any) -> None:
        shown = field.shown(field.value(node))
        try:
            value = field.parse(found)
        except ValueError as error:
            self.problems.append(Problem(where, str(error)))
            return
        if _same(field.shown(value), shown):
            return  # the same value written differently, e.g. 'apply' for 'Apply'
        if field.required and not value:
            what = "outcome's text" if field.name == "text" else field.name
            message = (
                f"the {what} is empty, where it was {quoted(field.value(node))}: a cell "
                f"merged over or cleared empties it; type it back (unmerge the cells "
                f"first), or clear it in Curriculum Designer if it is meant to be empty"
            )
            self.problems.append(Problem(where, message))
            return
        key = (node.id, field.name)
        earlier = self._changes.get(key)
        if earlier is None:
            self._changes[key] = (value, where, field)
        elif not _same(field.shown(earlier[0]), field.shown(value)):
            message = (
                f"{field.name} changed to {cell_string(field.shown(value))!r} here but to "
                f"{cell_string(field.shown(earlier[0]))!r} at {earlier[1]}"
            )
            self.problems.append(Problem(where, message))

    def apply(self) -> None:
        for (unit_id, name), (value, where, field) in self._changes.items():
            try:
                field.apply(self.catalog.get(unit_id), value)
            except ValidationError as error:
                message = error.errors()[0]["msg"].removeprefix("Value error, ")
                label = name.replace("_", " ")  # "eqf level", not the field's name
                if not message.casefold().startswith(label):  # "EQF level must be 1 to 8"
                    message = f"{label}: {message}"
                self.problems.append(Problem(where, message))


# A list of a parent's children as a sheet shows them: the parent, the list's name and the
# rows of its children (number, id) in the order of the sheet.
_Rows = tuple[Program | Course | Module, str, list[tuple[int, str]]]
_CHILDREN = {
    "course_ids": "courses",
    "module_ids": "modules",
    "items": "items",
    "outcomes": "outcomes",
}


class _Orders:
    """The order of a sheet's rows, read as the order of their lists: the catalog's
    programs (the Overview), on a syllabus sheet the program's courses (its course
    table), a course's modules and a module's items, and each unit's outcomes (the
    Outcomes sheet, and a program's on its syllabus sheet)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.problems: list[Problem] = []
        self._changes: dict[tuple[str, str], tuple[list[str], str]] = {}  # -> (order, where)

    def read_sheet(self, sheet: str, program: Program, rows: list[tuple[int, str, str]]) -> None:
        """rows: the sheet's rows with ids below its header (number, id, title), in order."""
        table: _Rows = (program, "course_ids", [])
        lists = [table]
        course: _Rows | None = None  # the modules of the course whose heading is above
        module: _Rows | None = None  # the items of the module above
        seen: Counter[str] = Counter()
        for number, unit_id, _ in rows:
            node = self.catalog.get(unit_id)
            seen[unit_id] += 1
            if isinstance(node, Course):
                if seen[unit_id] == 1:  # its row in the course table
                    table[2].append((number, unit_id))
                else:  # its heading, above its modules
                    course = (node, "module_ids", [])
                    lists.append(course)
                    module = None
            elif isinstance(node, Module):
                if course is not None:
                    course[2].append((number, unit_id))
                module = (node, "items", [])
                lists.append(module)
            elif isinstance(node, Item) and module is not None:
                module[2].append((number, unit_id))
        for parent, name, found in lists:
            self._read_list(sheet, parent, name, found)

    def read_programs(self, sheet: str, rows: list[tuple[int, str, str]]) -> None:
        """The order of the programs' rows (the Overview's), as the catalog's."""
        found = [(n, i) for n, i, _ in rows if isinstance(self.catalog.get(i), Program)]
        if found:
            self._read_list(sheet, None, "programs", found)

    def read_outcomes(self, sheet: str, rows: list[tuple[int, str, str]]) -> None:
        """The order of the outcomes' rows, as the order of each unit's outcomes."""
        lists: dict[str, _Rows] = {}
        for number, unit_id, _ in rows:
            if isinstance(self.catalog.get(unit_id), Outcome):
                owner = self.catalog.owner(unit_id)
                lists.setdefault(owner.id, (owner, "outcomes", []))[2].append((number, unit_id))
        for parent, name, found in lists.values():
            self._read_list(sheet, parent, name, found)

    def _read_list(
        self,
        sheet: str,
        parent: Program | Course | Module | None,
        name: str,
        found: list[tuple[int, str]],
    ) -> None:
        ids = [_id_of(value) for value in self.catalog.list_of(parent, name)]
        order = [unit_id for _, unit_id in found]
        for number, unit_id in found:
            if unit_id not in ids and parent is not None:
                self.problems.append(self._moved(sheet, number, unit_id, parent))
        if order == ids or sorted(order) != sorted(ids):
            return  # as it was, or rows missing (deleted, moved) or copied: named elsewhere
        first = next(n for (n, unit_id), was in zip(found, ids, strict=True) if unit_id != was)
        where = place(sheet, first)
        key = (parent.id if parent is not None else "", name)
        earlier = self._changes.get(key)
        if earlier is None:
            self._changes[key] = (order, where)
        elif earlier[0] != order and parent is not None:
            kind = type(parent).__name__.lower()
            message = (
                f"the {_CHILDREN[name]} of {kind} {quoted(name_of(parent))} are put in one "
                f"order here and in another at {earlier[1]}: order them the same way"
            )
            self.problems.append(Problem(where, message))

    def _moved(
        self, sheet: str, number: int, unit_id: str, parent: Program | Course | Module
    ) -> Problem:
        node = self.catalog.get(unit_id)
        kind = type(node).__name__.lower()
        if isinstance(node, Item):
            belongs = f"the item belongs to module {quoted(name_of(self.catalog.owner(node.id)))}"
            moves = "items are moved between modules"
        else:
            belongs = "that course does not have it"
            moves = "modules are moved between courses"
        message = (
            f"the row of {kind} {quoted(name_of(node))} was moved under "
            f"{type(parent).__name__.lower()} {quoted(name_of(parent))}, but {belongs}: "
            f"{moves} in Curriculum Designer; move the row back"
        )
        return Problem(place(sheet, number), message)

    def apply(self) -> None:
        for (parent_id, name), (order, _) in self._changes.items():
            parent = self.catalog.get(parent_id) if parent_id else None
            values = self.catalog.list_of(parent, name)
            for index, unit_id in enumerate(order):
                current = next(i for i, value in enumerate(values) if _id_of(value) == unit_id)
                if current != index:
                    self.catalog.move(parent, name, current, index)


def _id_of(value: Any) -> str:
    return value if isinstance(value, str) else str(value.id)
