"""What an import of our own export cannot read, named rather than dropped without a word.

The import reads a sheet's rows by the id in column H (designer.excel.import_).
A row without one, the export's titles, headings and totals, is not read: so a row added
in Excel, or a heading changed there, would be lost. A deleted row would leave its unit
as it was, and a copied row (its hidden id comes with it) would read as an edit of the
original. Some cells of a row with an id are not read either: an outcome's Supports, a
module's Type, and the figures the export computes with formulas (a course's hours, the
Total, ECTS credits and weeks). All of these are told apart from what the export wrote by
writing the sheets again, from the catalog in the hidden data sheet, and comparing:

- a row without an id whose texts are not those of a row the export wrote without one
  was added or changed in Excel;
- an id the export wrote in a sheet and the sheet no longer holds is a deleted row; an
  id the sheet holds more often than the export wrote it there is a copied row;
- an id that names no unit is a row copied from elsewhere, or an id typed by hand;
- rows whose titles became each other's were sorted without their ids (column H is
  hidden, and Calc sorts the block around the cursor, which stops at the empty columns
  D to G);
- a cell that is not read and holds neither what the export wrote nor what it writes for
  the imported catalog (see edited_cells) was edited. A figure is what the catalog's
  totals give (designer.model.Totals): by its number format, the hours, ECTS credits or
  weeks of its row's course or module, or else of the program (of the row, on the
  Overview; of the sheet, below a syllabus sheet's course table). A formula's cell with
  no saved result (a workbook written by openpyxl) is not checked, nor one that still
  holds its formula: it follows its parts, which are read (an item's minutes typed as
  "1 h 30", text to a spreadsheet, count in the catalog and not in the sum).

Rows are matched by their id (the second row of a course with modules is its heading
above them), rows without one by their texts ("Total"), so cells are compared however
the rows were moved. Column A of a row with an id is its number ("2.1.4", "P1.O2"), made
from the row's place: it is not read, nor checked.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from designer.errors import Problem
from designer.excel.cells import ID_COLUMN, Sheet, Spec
from designer.excel.export import id_sheets
from designer.excel.layout import HEADER_ROW, TITLE_COLUMN
from designer.excel.reading import cell_string, formulas_in, is_blank, is_error, place
from designer.model import Catalog, Course, Module, Program, Totals
from designer.model.catalog import Node

Texts = tuple[str, ...]
# A row as matched between the export and the sheet: its unit's id, or its texts when it
# has none, and which row of that id (or those texts) it is in the sheet, from 1.
Key = tuple[str | Texts, int]
# The columns of a row the import reads, for the row's unit and the row's number.
Reads = Callable[[Node, int], Collection[int]]

NUMBER_COLUMN = 1  # a row's number: made from its place, not read
_FIGURES = ("hours", "ects", "weeks")  # what a computed figure counts, by its number format


@dataclass(frozen=True)
class Figure:
    """A figure the export computes: what it counts, of which unit."""

    unit_id: str
    what: str  # "hours", "ects" or "weeks"

    def value(self, catalog: Catalog, totals: Totals) -> float:
        unit = catalog.get(self.unit_id)
        if isinstance(unit, Program):
            return float(getattr(totals.program(unit), self.what))
        return totals.hours(unit)


@dataclass
class Written:
    """What the export wrote in one sheet with ids."""

    index: int  # its place among the sheets with ids (designer.excel.export.id_sheets)
    program: str | None = None  # the id in H1: the program of a syllabus sheet
    title: Texts = ()  # the texts of its first row ("Programs")
    header: Texts = ()  # the texts of its header row ("Code", "Program", ...)
    ids: dict[str, list[int]] = field(default_factory=dict)  # id -> its rows
    texts: Counter[Texts] = field(default_factory=Counter)  # of the rows without an id
    titles: dict[str, str] = field(default_factory=dict)  # id -> its title, in column B
    # The cells the import does not read, by row: column -> the value written, or its figure
    # with the value the catalog gave it.
    cells: dict[Key, dict[int, Any]] = field(default_factory=dict)
    rows: int = 0  # how many rows it has: for the import's progress

    def shows(self, first: Iterable[Any], header: Iterable[Any]) -> bool:
        """Whether a sheet's first row or header row is this sheet's: renamed in Excel."""
        title, names = _texts(first), _texts(header)
        return bool(title) and title == self.title or bool(names) and names == self.header


def written_sheets(
    catalog: Catalog, reads: Reads, counted: Callable[[], None] = lambda: None
) -> dict[str, Written]:
    """The sheets with ids that exporting catalog writes, by name.

    counted() is called after each row: a large catalog's sheets are 250,000 rows, seconds
    of work for the import, which shows its progress and notices a cancel there.
    """
    totals = Totals(catalog)
    try:
        written: dict[str, Written] = {}
        for index, sheet in enumerate(id_sheets(catalog, totals)):
            found = written[sheet.title] = Written(index)
            for row in _rows(sheet, catalog, reads):
                counted()
                found.rows = row.number
                if row.number == 1:
                    found.program = row.unit_id
                    found.title = _texts(row.values)
                if row.number > HEADER_ROW and not found.header:
                    found.header = _texts(row.headers)
                unit_id = row.unit_id
                if unit_id:
                    found.ids.setdefault(unit_id, []).append(row.number)
                    if row.number > HEADER_ROW:
                        found.titles.setdefault(unit_id, _title(row.values))
                elif texts := _texts(row.values):
                    found.texts[texts] += 1
                if row.cells:
                    found.cells[row.key] = {
                        column: (value, value.value(catalog, totals))
                        if isinstance(value, Figure)
                        else value
                        for column, value in row.cells.items()
                    }
        return written
    finally:
        totals.close()


@dataclass
class _Row:
    """A row of a sheet as the export writes it."""

    number: int
    values: list[Any]  # its texts (numbers and formulas are None)
    unit_id: str | None
    key: Key
    cells: dict[int, Any]  # the cells not read: column -> value, or Figure
    headers: list[str]  # the texts of the last header row above it, by column


def _rows(sheet: Sheet, catalog: Catalog, reads: Reads) -> Iterator[_Row]:
    seen: Counter[str | Texts] = Counter()
    program: str | None = None
    headers: list[str] = []
    for number, specs in enumerate(sheet.rows(), 1):
        values = [spec.value if spec and spec.kind == "s" else None for spec in specs]
        unit_id = values[ID_COLUMN - 1] if len(values) >= ID_COLUMN else None
        unit_id = str(unit_id) if unit_id else None
        if number == 1:
            program = unit_id
        if number == HEADER_ROW:
            headers = [cell_string(v) for v in values]
            continue
        if any(spec and spec.style.startswith("header") for spec in specs):
            headers = [cell_string(v) for v in values]
        key = _key(unit_id, values, seen)
        node = catalog.get(unit_id) if unit_id else None
        read = reads(node, number) if node is not None else ()
        cells: dict[int, Any] = {}
        for column, spec in enumerate(specs, 1):
            if spec is None or column == ID_COLUMN or column in read:
                continue
            figure = _figure(spec, node, program)
            if figure is not None:
                cells[column] = figure
            elif node is not None and column != NUMBER_COLUMN and spec.kind != "f":
                cells[column] = spec.value
        yield _Row(number, values, unit_id, key, cells, headers)


def _figure(spec: Spec, node: Node | None, program: str | None) -> Figure | None:
    """What a figure of the export counts; None for a cell that is not one."""
    if spec.kind not in ("f", "n"):
        return None
    what = next((each for each in _FIGURES if each in spec.style), None)
    if what is None:
        return None
    if isinstance(node, Course | Module):
        return Figure(node.id, what) if what == "hours" else None
    owner = node.id if isinstance(node, Program) else program if node is None else None
    return Figure(owner, what) if owner else None


def _key(unit_id: str | None, values: Iterable[Any], seen: Counter[str | Texts]) -> Key:
    name: str | Texts = unit_id if unit_id else _texts(values)
    seen[name] += 1
    return name, seen[name]


@dataclass(frozen=True)
class _Edited:
    """A cell not read whose value is not what the export wrote."""

    sheet: str
    number: int
    column: int
    key: Key
    found: Any
    written: Any  # the value, or (Figure, its value)


class SheetCheck:
    """Follows the rows of one sheet as the import reads them; then names what it cannot."""

    def __init__(
        self, sheet: str, written: Written | None, catalog: Catalog, header: int = HEADER_ROW
    ) -> None:
        self.sheet = sheet
        self.written = written  # None: not a sheet the export wrote (added in Excel)
        self.catalog = catalog
        self.header = header  # its header row: rows inserted or deleted above it move it
        self.ids: Counter[str] = Counter()
        self.texts: Counter[Texts] = Counter()
        self.seen: Counter[str | Texts] = Counter()
        self.rows: list[tuple[int, str, str]] = []  # below the header: number, id, title
        self.edited: list[_Edited] = []  # cells not read, to compare with the catalog imported
        self.problems: list[Problem] = []

    def row(self, number: int, row: tuple[Any, ...], read: Collection[int]) -> None:
        """Take the sheet's next row; read: the columns the import read in it."""
        if number == self.header:
            return
        unit_id = row[ID_COLUMN - 1] if len(row) >= ID_COLUMN else None
        if isinstance(unit_id, str) and unit_id in self.catalog:
            self.ids[unit_id] += 1
            if number > self.header:
                self.rows.append((number, unit_id, _title(row)))
            self._cells(number, row, _key(unit_id, row, self.seen), read)
        elif not is_blank(unit_id):
            message = f"{unit_id!r} is not the id of a unit of this workbook: the row is not read"
            self.problems.append(Problem(place(self.sheet, number, ID_COLUMN), message))
        elif self.written is not None and not all(map(is_blank, row)):
            texts = _texts(row)
            self._cells(number, row, _key(None, row, self.seen), ())
            if self.texts[texts] < self.written.texts[texts]:
                self.texts[texts] += 1  # one the export wrote
                return
            if number < self.header:
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

    def _cells(self, number: int, row: tuple[Any, ...], key: Key, read: Collection[int]) -> None:
        """Note the cells not read that do not hold what the export wrote."""
        if self.written is None:
            return
        written = self.written.cells.get(key, {})
        columns = set(written)
        if isinstance(key[0], str):  # a unit's row: any cell typed into it
            columns.update(range(1, len(row) + 1))
            columns -= {ID_COLUMN, NUMBER_COLUMN, *read}
        for column in sorted(columns):
            found = row[column - 1] if column <= len(row) else None
            value = written.get(column)
            if isinstance(value, tuple):  # a figure: (Figure, its value)
                if found is None or _same(found, value[1]):
                    continue  # no saved result, or the one the export gave
            elif _same(found, value):
                continue
            self.edited.append(_Edited(self.sheet, number, column, key, found, value))

    def finish(self) -> list[Problem]:
        """Every problem found: copied rows, rows sorted without their ids, deleted rows."""
        if self.written is None:
            return self.problems
        self._copied()
        self._sorted()
        for unit_id, rows in self.written.ids.items():
            if self.ids[unit_id] >= len(rows):
                continue
            kind, name = _named(self.catalog, unit_id)
            message = (
                f"the row of {kind} {name} was deleted: units are removed in "
                f"Curriculum Designer, so it would stay as it is; put the row back, or "
                f"remove the {kind} there"
            )
            self.problems.append(Problem(f"Sheet '{self.sheet}'", message))
        return self.problems

    def _copied(self) -> None:
        """Name the rows of an id the sheet holds more often than the export wrote it."""
        assert self.written is not None
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for number, unit_id, title in self.rows:
            found[unit_id].append((number, title))
        for unit_id, rows in found.items():
            written = [n for n in self.written.ids.get(unit_id, []) if n > HEADER_ROW]
            if len(rows) <= len(written):
                continue
            shift = self.header - HEADER_ROW  # where the rows the export wrote are now
            copies = _copied_rows(
                rows, [n + shift for n in written], self.written.titles.get(unit_id, "")
            )
            kind, name = _named(self.catalog, unit_id)
            numbers = _numbers([number for number, _ in rows])
            if not written:
                rows_ = "row" if len(rows) == 1 else "rows"
                times = f"in this sheet ({rows_} {numbers}), where the export did not write it"
            else:
                times = f"{_times(len(rows))} in this sheet (rows {numbers})"
                if len(written) > 1:
                    times += f", where the export wrote it {_times(len(written))}"
            message = (
                f"the row of {kind} {name} appears {times}: a copied row? Its hidden id in "
                f"column H was copied with it, so it would be read as that {kind}. Rows "
                f"added in Excel are not read: add the {kind} in Curriculum Designer and "
                f"export again, and delete this row"
            )
            for number in copies:
                self.problems.append(Problem(place(self.sheet, number), message))

    def _sorted(self) -> None:
        """Name rows whose titles became each other's: sorted without their ids."""
        assert self.written is not None
        titles = self.written.titles
        by_title: dict[str, set[str]] = defaultdict(set)
        for unit_id, title in titles.items():
            if title:
                by_title[title].add(unit_id)
        changed = {
            (number, unit_id, title)
            for number, unit_id, title in self.rows
            if title and unit_id in titles and title != titles[unit_id]
        }
        changed_ids = {unit_id for _, unit_id, _ in changed}
        numbers = sorted(
            number
            for number, unit_id, title in changed
            if (by_title.get(title, set()) - {unit_id}) & changed_ids
        )
        if not numbers:
            return
        rows = f"row {numbers[0]} shows the title" if len(numbers) == 1 else "rows "
        if len(numbers) > 1:
            rows += f"{_numbers(numbers)} show the titles"
        message = (
            f"{rows} of other rows' units: the rows seem sorted or moved without their "
            f"hidden ids in column H (Excel and Calc sort the block around the cursor, "
            f"which ends at the empty columns before H). Sort whole rows, columns A to H, "
            f"or undo the sort"
        )
        self.problems.append(Problem(place(self.sheet, numbers[0]), message))


def _copied_rows(rows: list[tuple[int, str]], written: list[int], title: str) -> list[int]:
    """Of the rows of one id (number, title), the copies: all but those taken, for each row
    the export wrote, as the one with its title nearest its place."""
    left = list(rows)
    for number in written:
        fits = [(row[1] != title, abs(row[0] - number), row) for row in left]
        left.remove(min(fits)[2])
    return [number for number, _ in left]


def edited_cells(
    checks: Iterable[SheetCheck], catalog: Catalog, reads: Reads, path: Path
) -> list[Problem]:
    """The cells not read that were edited: they hold neither what the export wrote nor
    what it writes for the catalog as imported (a course's title in the Outcomes sheet,
    changed with the course's own; a figure that follows the minutes changed). A figure
    that still holds its formula is not one: it follows its parts, which are read."""
    edited = [cell for check in checks for cell in check.edited]
    if not edited:
        return []
    indexes = {check.sheet: check.written.index for check in checks if check.written}
    wanted: dict[int, set[Key]] = defaultdict(set)
    for cell in edited:
        wanted[indexes[cell.sheet]].add(cell.key)
    totals = Totals(catalog)
    try:
        now: dict[tuple[int, Key], _Row] = {}  # the rows as the export writes them now
        for index, sheet in enumerate(id_sheets(catalog, totals)):
            if index in wanted:
                for row in _rows(sheet, catalog, reads):
                    if row.key in wanted[index]:
                        now[index, row.key] = row
        problems: list[tuple[_Edited, Problem]] = []
        for cell in edited:
            written = now.get((indexes[cell.sheet], cell.key))
            value = written.cells.get(cell.column) if written else None
            if isinstance(value, Figure):
                figure = value.value(catalog, totals)
                if not _same(cell.found, figure):
                    problems.append((cell, _figure_problem(cell, figure)))
            elif not _same(cell.found, value):
                problems.append((cell, _cell_problem(cell, written, catalog)))
    finally:
        totals.close()
    figures = [cell for cell, _ in problems if isinstance(cell.written, tuple)]
    formulas = _holding_formulas(path, figures) if figures else set()
    return [problem for cell, problem in problems if cell not in formulas]


def _holding_formulas(path: Path, cells: list[_Edited]) -> set[_Edited]:
    """Those of the cells that hold a formula in the workbook."""
    formulas = formulas_in(path, [(cell.sheet, cell.number, cell.column) for cell in cells])
    return {cell for cell in cells if (cell.sheet, cell.number, cell.column) in formulas}


def _figure_problem(cell: _Edited, figure: float) -> Problem:
    message = (
        f"shows {_value(cell.found)} where the catalog gives {_value(figure)}: hours, "
        f"ECTS credits and weeks are computed from the parts, so a figure typed over one "
        f"is not read; change the items' minutes or the modules' hours instead"
    )
    return Problem(place(cell.sheet, cell.number, cell.column), message)


def _cell_problem(cell: _Edited, row: _Row | None, catalog: Catalog) -> Problem:
    header = ""
    if row is not None and cell.column <= len(row.headers):
        header = row.headers[cell.column - 1].strip()
    unit_id = cell.key[0]
    kind = _named(catalog, unit_id)[0] if isinstance(unit_id, str) else "row"
    if header:
        what = f"“{header}” of this {kind} is"
    else:
        what = f"column {get_column_letter(cell.column)} of this {kind}'s row is"
    found = "an empty cell" if is_blank(cell.found) else _value(cell.found)
    message = f"{what} not read: change it in Curriculum Designer (found {found}"
    if not is_blank(cell.written):
        message += f"; the export wrote {_value(cell.written)}"
    return Problem(place(cell.sheet, cell.number, cell.column), message + ")")


def _same(found: Any, value: Any) -> bool:
    if is_blank(found) or is_blank(value):
        return is_blank(found) and is_blank(value)
    numbers = (int, float)
    if isinstance(found, numbers) and isinstance(value, numbers):
        if isinstance(found, bool) or isinstance(value, bool):
            return found is value
        return math.isclose(found, value, rel_tol=1e-9, abs_tol=1e-6)
    return cell_string(found).strip() == cell_string(value).strip()


def _value(value: Any) -> str:
    if isinstance(value, float) and math.isfinite(value):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, str):
        return quoted(value)
    return cell_string(value)


def name_of(node: Node) -> str:
    """What a message calls a unit: its title (an outcome's text), else its id."""
    return getattr(node, "title", "") or getattr(node, "text", "") or node.id


def _named(catalog: Catalog, unit_id: str) -> tuple[str, str]:
    """A unit's kind and its name, as a message gives them: item, “Week 1 quiz”."""
    node = catalog.get(unit_id)
    return type(node).__name__.lower(), quoted(name_of(node))


def _title(row: Iterable[Any]) -> str:
    values = list(row)
    if len(values) < TITLE_COLUMN or not isinstance(values[TITLE_COLUMN - 1], str):
        return ""
    return values[TITLE_COLUMN - 1].strip()


def _numbers(numbers: list[int]) -> str:
    """Row numbers as a message gives them: 34 and 35; 5 to 16; 6, 7 and 30."""
    if len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    shown = [str(n) for n in numbers]
    if len(shown) > 6:
        return f"{', '.join(shown[:5])} ... {shown[-1]}"
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _texts(row: Iterable[Any]) -> Texts:
    """A row's texts other than its id, as it is matched with the export's. A formula's
    error ("#VALUE!") is no text: a Total showing one because an item's minutes became
    a formula that fails is still the Total row, and that cell is the one named."""
    return tuple(
        value.strip()
        for column, value in enumerate(row, 1)
        if column != ID_COLUMN and isinstance(value, str) and value.strip() and not is_error(value)
    )


def _shown(row: tuple[Any, ...]) -> str:
    values = [v for column, v in enumerate(row, 1) if column != ID_COLUMN and not is_blank(v)]
    text = ", ".join(quoted(v) if isinstance(v, str) else cell_string(v) for v in values)
    return text if len(text) <= 80 else text[:77] + "..."


def quoted(text: str) -> str:
    """A name or text as a message quotes it, cut to 60 characters."""
    return f"“{text if len(text) <= 60 else text[:57] + '...'}”"
