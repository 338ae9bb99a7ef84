"""Bootstrapping a catalog from plain spreadsheet tables, one program per sheet.

Each visible sheet holds one program: a header row (within the first 30 rows) names the
columns in the words people use (designer.excel.headers: "No.", "Course" or "Module",
"Learning Hours" or "Workload (h)" or "Stunden", and optionally "Module", "Item",
"Type", "Minutes", "Outcome", "Bloom level", "ECTS"). The program's title is the first
text above the header, else the sheet's name. When the sheet has no separate course
column, its "Module" column holds the courses, as in accreditation reports.

Rows below the header are courses; with module or item columns, a row names a module or
an item of the course above it (an empty or merged course cell means "the same as
above"). A row whose course cell is empty or merged from above and that gives no hours
of its own adds its outcome to the course above: a course's outcomes go one a row. So
does a row that repeats the title of the course just above (filled down), with its hours
again or none.
Hours on a row belong to the deepest unit it names; an item's duration is its minutes.
A merged hours or minutes cell counts once, on its first row (merged over a course's
outcome rows, it is that course's hours, not each row's). The table ends at a Total or
ECTS row (whose total is checked against the rows) or at a block of text after an empty
row (notes). Formula cells count with the result the spreadsheet saved. A course with
the same title and content in several sheets becomes one shared course. Per-course ECTS
are not read: credits are a program figure, computed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from designer.errors import CatalogError, Problem
from designer.excel import headers as h
from designer.excel.assemble import ParsedItem, ParsedTable, ParsedUnit, assemble
from designer.excel.cells import ID_COLUMN
from designer.excel.layout import DATA_SHEET, ID_HEADER, bloom_from_label
from designer.excel.reading import (
    cell_string,
    is_blank,
    not_a_date,
    open_workbook,
    parse_number,
    place,
)
from designer.model import Catalog, ItemKind
from designer.model.units import MAX_ITEM_MINUTES, MAX_UNIT_HOURS
from designer.progress import Meter, ProgressCallback

HEADER_SEARCH = 30  # rows searched for the header
TITLE_ROLES = (h.COURSE, h.MODULE, h.ITEM)


def bootstrap_catalog(path: Path, progress: ProgressCallback | None = None) -> Catalog:
    """A new catalog from the workbook's tables; raises CatalogError with every problem.

    progress(done, total), if given, counts the sheets read; False from it stops the
    reading with Cancelled (see designer.progress).
    """
    problems: list[Problem] = []
    tables: list[ParsedTable] = []
    with (
        open_workbook(path, read_only=False, data_only=True) as values,
        open_workbook(path, read_only=False, data_only=False) as formulas,
    ):
        sheets = [s for s in values.worksheets if s.sheet_state == "visible"]
        meter = Meter(progress, len(sheets))
        meter.start()
        meter.part(len(sheets))
        for sheet in meter.each(sheets):
            table = _SheetReader(sheet, formulas[sheet.title], problems).read()
            if table is not None:
                tables.append(table)
    if not tables and not problems:
        problems.append(Problem("", "the workbook has no visible sheet with a table in it"))
    catalog = assemble(tables, problems)
    if problems or catalog is None:
        raise CatalogError(path, problems)
    meter.finish()
    return catalog


# What a text column holds, as a problem with its cell names it.
TEXT_NAMES = {
    h.COURSE: "a course title",
    h.MODULE: "a module title",
    h.ITEM: "an item title",
    h.OUTCOME: "an outcome",
    h.BLOOM: "a Bloom level",
    h.KIND: "an item type",
}


class _SheetReader:
    def __init__(self, sheet: Worksheet, formulas: Worksheet, problems: list[Problem]) -> None:
        self.name = sheet.title
        self.formulas = formulas
        self.problems = problems
        self.grid = [list(row) for row in sheet.iter_rows(values_only=True)]
        # A merged cell's value stands for every row it spans (its first column only: a
        # note merged across the table is not a value of each column). Which cells are
        # such copies is kept: a duration or outcome is read once, on the first row.
        self.above: dict[tuple[int, int], int] = {}  # (row, column) -> the merge's first row
        for merged in sheet.merged_cells.ranges:
            value = self._at(merged.min_row, merged.min_col)
            for row in range(merged.min_row + 1, merged.max_row + 1):
                self.above[(row, merged.min_col)] = merged.min_row
                if row <= len(self.grid) and merged.min_col <= len(self.grid[row - 1]):
                    self.grid[row - 1][merged.min_col - 1] = value
        self.dated: set[tuple[int, str]] = set()  # (row, role) of the dates named so far
        self.columns: dict[str, int] = {}
        self.reported: set[int] = set()  # rows with a problem already on the list

    def _at(self, row: int, column: int) -> Any:
        if row > len(self.grid) or column > len(self.grid[row - 1]):
            return None
        return self.grid[row - 1][column - 1]

    def problem(self, row: int, column: int | None, message: str) -> None:
        self.reported.add(row)
        self.problems.append(Problem(place(self.name, row, column), message))

    # ---- the header ---------------------------------------------------------------------

    def read(self) -> ParsedTable | None:
        if all(is_blank(value) for row in self.grid for value in row):
            return None
        header = self._find_header()
        if header is None:
            return None
        if self._at(header, ID_COLUMN) == ID_HEADER:
            # A sheet of our export, without the workbook's hidden data sheet: read as a
            # plain table, its modules, items and outcomes would be dropped without a word.
            self.problem(
                header,
                ID_COLUMN,
                f"this sheet comes from a workbook Curriculum Designer exported, but the "
                f"workbook has no hidden “{DATA_SHEET}” sheet (the sheet was copied into "
                f"another workbook?): only its course table could be read, not its modules, "
                f"items and outcomes; import the whole exported workbook",
            )
            return None
        title = self._title_above(header) or self.name
        courses = self._read_rows(header)
        return ParsedTable(self.name, title.strip(), courses)

    def _roles(self, row: int) -> dict[str, int]:
        roles: dict[str, int] = {}
        for column, value in enumerate(self.grid[row - 1], 1):
            role = h.column_role(value)
            if role is not None and role not in roles:
                roles[role] = column
        if h.MODULE in roles and h.COURSE not in roles:
            roles[h.COURSE] = roles.pop(h.MODULE)  # the report's "Module" is a course
        return roles

    def _find_header(self) -> int | None:
        candidate = None
        for row in range(1, min(len(self.grid), HEADER_SEARCH) + 1):
            roles = self._roles(row)
            if h.COURSE in roles and (h.HOURS in roles or h.MINUTES in roles):
                self.columns = roles
                return row
            if candidate is None and len(roles) >= 2:
                candidate = (row, roles)
        if candidate is not None:
            row, roles = candidate
            if h.COURSE not in roles:
                self.problem(
                    row,
                    None,
                    "the header row names no title column: expected one such as "
                    "'Course', 'Module' or 'Title'",
                )
            else:
                self.problem(
                    row,
                    None,
                    "the header row names no hours column: expected one such as "
                    "'Hours', 'Learning Hours', 'Workload' or 'Minutes'",
                )
            return None
        self.problems.append(
            Problem(
                f"Sheet '{self.name}'",
                "no table found: expected a header row with a title column (such as "
                "'Course' or 'Module') and an hours column (such as 'Hours', 'Learning "
                "Hours' or 'Workload'); hide or delete the sheet if it is not a program",
            )
        )
        return None

    def _title_above(self, header: int) -> str:
        for row in range(1, header):
            cells = self.grid[row - 1]
            for column, value in enumerate(cells, 1):
                if isinstance(value, str) and value.strip():
                    label = value.strip()
                    following = self._at(row, column + 1)
                    if label.endswith(":") and isinstance(following, str) and following.strip():
                        return following
                    return label
        return ""

    # ---- the rows -----------------------------------------------------------------------

    def _cell(self, row: int, role: str) -> Any:
        column = self.columns.get(role)
        return None if column is None else self._at(row, column)

    def _text(self, row: int, role: str) -> str:
        """The cell's text; a date or time there (the spreadsheet's reading of "3-4" or
        "1:30" typed) is named once, as the import of our own export names it."""
        value = self._cell(row, role)
        try:
            if role in TEXT_NAMES:  # not the numbers column: its numbers are not read
                not_a_date(value, TEXT_NAMES[role])
        except ValueError as error:
            if (row, role) not in self.dated:
                self.dated.add((row, role))
                self.problem(row, self.columns[role], str(error))
        return cell_string(value).strip()

    def _blank(self, row: int) -> bool:
        return all(is_blank(self._at(row, column)) for column in self.columns.values())

    def _has_data(self, row: int) -> bool:
        durations = (h.HOURS, h.MINUTES)
        return any(not is_blank(self._cell(row, role)) for role in durations)

    def _merged_above(self, row: int, role: str) -> int | None:
        """The first row of a merged cell that spans the row's cell from above, else None."""
        column = self.columns.get(role)
        return None if column is None else self.above.get((row, column))

    def _own_duration(self, row: int) -> int | None:
        """The column of the row's own hours or minutes (not merged from above), else None."""
        for role in (h.HOURS, h.MINUTES):
            column = self.columns.get(role)
            if column is None or (row, column) in self.above:
                continue
            formula = self.formulas.cell(row, column).value
            if not is_blank(self._at(row, column)) or (
                isinstance(formula, str) and formula.startswith("=")
            ):
                return column
        return None

    def _more_of(self, row: int, unit: ParsedUnit, owner: ParsedUnit) -> None:
        """Read a row that goes on with the unit above (its title cell merged over the
        row, unit.row its first): its outcome, for owner; a duration of its own would
        count the unit a second time."""
        column = self._own_duration(row)
        if column is not None:
            self.problem(
                row,
                column,
                f"this row is part of {unit.title!r} above (its title cell is merged "
                f"from row {unit.row}), whose duration is on row {unit.row}: leave this "
                f"cell empty, or unmerge the title cell to make this row a unit of its own",
            )
        self._outcome(row, owner)

    def _again(self, row: int, course: ParsedUnit) -> None:
        """Read a row that repeats the title of the course just above: its outcome is the
        course's, and its hours, if any, must be the course's again (read as a second
        course, they counted twice)."""
        outcome = self._text(row, h.OUTCOME)
        if not outcome or outcome in (text for text, _ in course.outcomes):
            # Nothing new: the course's row twice (copied, or pasted again).
            message = f"the course {course.title!r} is listed twice in this program"
            self.problem(row, self.columns[h.COURSE], message)
            return
        column = self.columns.get(h.HOURS)
        if column is not None:
            hours, first = self._at(row, column), self._at(course.row, column)
            if not is_blank(hours) and hours != first:
                self.problem(
                    row,
                    column,
                    f"the course {course.title!r} again, with hours other than on row "
                    f"{course.row}: give a course's hours once, on its first row",
                )
        self._outcome(row, course)

    def _read_rows(self, header: int) -> list[ParsedUnit]:
        nested = h.MODULE in self.columns or h.ITEM in self.columns
        courses: list[ParsedUnit] = []
        course: ParsedUnit | None = None
        module: ParsedUnit | None = None
        last = len(self.grid)
        row = header
        while row < last:
            row += 1
            if self._blank(row):
                # After an empty row, a block without any duration is notes: the table ends.
                block = range(row + 1, self._block_end(row + 1) + 1)
                if not any(self._has_data(r) for r in block):
                    break
                continue
            labels = [self._text(row, role) for role in (h.NUMBER, *TITLE_ROLES)]
            if any(h.is_subtotal_label(label) for label in labels if label):
                continue
            if any(h.is_total_label(label) for label in labels if label):
                self._check_total(row, courses)
                break
            title = self._text(row, h.COURSE)
            if not nested and course is not None:
                if self._merged_above(row, h.COURSE) == course.row:
                    self._more_of(row, course, course)  # the course cell merged over it
                    continue
                if not title and self._own_duration(row) is None:
                    self._outcome(row, course)  # an outcome of the course above
                    continue
                if title == course.title:  # its title filled down to its next outcome's row
                    self._again(row, course)
                    continue
            if not title and not nested:
                outcome = self._text(row, h.OUTCOME)
                if not self._has_data(row) and not outcome and not self._text(row, h.BLOOM):
                    continue  # a number with nothing beside it: nothing to read
                below = range(row + 1, last + 1)
                if not outcome and not any(self._text(r, h.COURSE) for r in below):
                    self._check_total(row, courses)  # an unlabelled total under the table
                    break
                message = "the course title is missing"
                if course is not None and outcome:
                    message += (
                        " (a row with hours is a course; a row that adds an outcome to "
                        "the course above leaves the hours empty)"
                    )
                self.problem(row, self.columns[h.COURSE], message)
                continue
            if title and (course is None or not nested or title != course.title):
                course = ParsedUnit(title, place(self.name, row, self.columns[h.COURSE]), row)
                courses.append(course)
                module = None
            if course is None:
                self.problem(row, self.columns[h.COURSE], "the course title is missing")
                continue
            module = self._read_parts(row, course, module)
        for each in courses:
            self._check_duration(each)
        return courses

    def _block_end(self, row: int) -> int:
        while row <= len(self.grid) and not self._blank(row):
            row += 1
        return row - 1

    def _read_parts(
        self, row: int, course: ParsedUnit, module: ParsedUnit | None
    ) -> ParsedUnit | None:
        """Read what the row says below its course; returns the module now current."""
        module_title = self._text(row, h.MODULE)
        item_title = self._text(row, h.ITEM)
        if item_title and module is not None and self._merged_above(row, h.ITEM) is not None:
            # The item cell merged over the row: the same item, not a copy of it.
            item = ParsedUnit(item_title, "", self.above[(row, self.columns[h.ITEM])])
            self._more_of(row, item, module)
            return module
        if module_title and (module is None or module_title != module.title):
            module = ParsedUnit(module_title, place(self.name, row, self.columns[h.MODULE]), row)
            course.modules.append(module)
        if item_title:
            if module is None:  # items straight under a course: one module holds them
                module = ParsedUnit(course.title, course.where, course.row)
                course.modules.append(module)
            minutes = self._duration(row, for_item=True)
            kind, graded = self._kind(row)
            if minutes is not None:
                module.items.append(ParsedItem(item_title, kind, graded, minutes))
        else:
            hours = self._duration(row, for_item=False)
            if hours is not None:
                (module if module_title and module is not None else course).hours = hours
        self._outcome(row, module if item_title or module_title else course)
        return module

    def _duration(self, row: int, for_item: bool) -> float | None:
        """Minutes of an item, or hours of a course or module; None if not given or wrong."""
        try:
            minutes, hours = self._number(row, h.MINUTES), self._number(row, h.HOURS)
        except _Reported:
            return None
        if for_item:
            if minutes is None and hours is None:
                role = h.MINUTES if h.MINUTES in self.columns else h.HOURS
                message = f"{role} must be a number, found an empty cell"
                self.problem(row, self.columns[role], message)
                return None
            value = minutes if minutes is not None else (hours or 0) * 60
            if value > MAX_ITEM_MINUTES:
                message = f"an item takes at most {MAX_ITEM_MINUTES} minutes, found {value:g}"
                role = h.MINUTES if minutes is not None else h.HOURS
                self.problem(row, self.columns[role], message)
                return None
            return float(value)
        if hours is not None:
            return float(hours)
        if minutes is not None:
            return float(minutes) / 60
        return None

    def _number(self, row: int, role: str) -> float | None:
        """The cell's number; None if empty or merged from above (a merged cell counts
        once, on its first row); raises _Reported once its problem is noted."""
        column = self.columns.get(role)
        if column is None or (row, column) in self.above:
            return None
        value = self._at(row, column)
        if is_blank(value):
            formula = self.formulas.cell(row, column).value
            if isinstance(formula, str) and formula.startswith("="):
                self.problem(
                    row,
                    column,
                    "a formula without a saved result: open the workbook in Excel or "
                    "LibreOffice, save it, and import it again",
                )
                raise _Reported
            return None
        limit = MAX_ITEM_MINUTES if role == h.MINUTES else MAX_UNIT_HOURS
        try:
            return parse_number(value, role, limit)
        except ValueError as error:
            self.problem(row, column, str(error))
            raise _Reported from None

    def _kind(self, row: int) -> tuple[ItemKind, bool]:
        label = self._text(row, h.KIND)
        if not label:
            return ItemKind.VIDEO, False
        found = h.item_kind(label)
        if found is None:
            kinds = ", ".join(k.value.replace("_", " ") for k in ItemKind)
            message = f"type must be one of {kinds}; found {label!r}"
            self.problem(row, self.columns[h.KIND], message)
            return ItemKind.VIDEO, False
        return found

    def _outcome(self, row: int, owner: ParsedUnit | None) -> None:
        text = self._text(row, h.OUTCOME)
        if self._merged_above(row, h.OUTCOME) is not None:
            return  # one outcome, read on the merged cell's first row
        if not text:
            label = self._text(row, h.BLOOM)
            if label and self._merged_above(row, h.BLOOM) is None:
                self.problem(
                    row,
                    self.columns[h.BLOOM],
                    f"the Bloom level {label!r} has no outcome beside it: write the "
                    f"outcome in its column, or clear the level",
                )
            return
        if owner is None:
            return
        try:
            level = bloom_from_label(self._text(row, h.BLOOM))
        except ValueError as error:
            self.problem(row, self.columns[h.BLOOM], str(error))
            return
        owner.outcomes.append((text, level))

    def _check_duration(self, course: ParsedUnit) -> None:
        units = [course, *course.modules]
        for unit in units:
            if unit.row in self.reported:
                continue
            if unit.hours is None and not unit.modules and not unit.items:
                kind = "course" if unit is course else "module"
                column = self.columns.get(h.HOURS)
                first = None if column is None else self.above.get((unit.row, column))
                if first is not None:
                    message = (
                        f"hours must be a number, found a cell merged from row {first}: "
                        f"a merged cell's hours count once, for row {first}; unmerge it "
                        f"and give each {kind} its hours"
                    )
                elif column is not None:
                    message = "hours must be a number, found an empty cell"
                else:
                    message = f"the {kind} {unit.title!r} has no hours and no items with minutes"
                self.problem(unit.row, column, message)

    def _check_total(self, row: int, courses: list[ParsedUnit]) -> None:
        column = self.columns.get(h.HOURS)
        value = self._at(row, column) if column else None
        if column is None or is_blank(value):
            return
        try:
            stated = parse_number(value, "hours", float("inf"))
        except ValueError:
            return  # a total that is not a number is a note, not a claim to check
        counted = sum(c.counted_hours() for c in courses)
        if abs(stated - counted) > 0.01:
            self.problem(
                row,
                column,
                f"the total says {cell_string(stated)} h, but the courses above add up to "
                f"{round(counted, 2):g} h",
            )


class _Reported(Exception):
    """A cell whose problem is already on the list."""
