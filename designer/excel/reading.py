"""Opening a workbook to read, with a clear error for what is not one, and cell values.

openpyxl parses the workbook's XML through defusedxml when it is installed (it is one
of our dependencies), so a hostile file cannot expand entities or reach the network.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

from designer.errors import CatalogError, Problem
from designer.model.durations import text_duration

OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")  # old .xls, and every encrypted workbook
ZIP_SIGNATURE = b"PK\x03\x04"


def place(sheet: str, row: int, column: int | None = None) -> str:
    """Where a cell is, as a person finds it: "Sheet 'Full Stack', C7"."""
    if column is None:
        return f"Sheet '{sheet}', row {row}"
    return f"Sheet '{sheet}', {get_column_letter(column)}{row}"


def check_workbook_file(path: Path) -> None:
    """Refuse, with the reason, a file that is not an .xlsx workbook openpyxl can read."""
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except IsADirectoryError:
        raise CatalogError(path, [Problem("", "is a folder, not a workbook")]) from None
    except OSError as error:
        message = f"cannot read the file: {error.strerror or error}"
        raise CatalogError(path, [Problem("", message)]) from None
    if not head:
        raise CatalogError(path, [Problem("", "the file is empty")])
    if head == OLE_SIGNATURE:
        raise CatalogError(path, [Problem("", _ole_message(path))])
    if head[:4] != ZIP_SIGNATURE:
        message = "not an Excel workbook (.xlsx): it does not start as one does"
        if head.lstrip()[:1] in (b"<", b"{"):
            message += " (it looks like HTML, XML or JSON text)"
        raise CatalogError(path, [Problem("", message)])
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError) as error:
        message = f"not a valid Excel workbook (.xlsx): the archive is damaged ({error})"
        raise CatalogError(path, [Problem("", message)]) from None
    if b"opendocument" in mimetype:
        message = "an OpenDocument spreadsheet (.ods): save it as an Excel workbook (.xlsx)"
        raise CatalogError(path, [Problem("", message)])
    if "xl/workbook.xml" not in names:
        message = "not an Excel workbook (.xlsx): a zip file without a workbook in it"
        raise CatalogError(path, [Problem("", message)])


def _ole_message(path: Path) -> str:
    with path.open("rb") as file:
        data = file.read(1 << 20)
    if (
        "EncryptionInfo".encode("utf-16-le") in data
        or "EncryptedPackage".encode("utf-16-le") in data
    ):
        return (
            "the workbook is password-protected (encrypted): open it in Excel or LibreOffice, "
            "remove the password and save it, then import it again"
        )
    return (
        "an encrypted (password-protected) workbook or an old Excel 97-2003 file (.xls): "
        "remove the password, or save it as an Excel workbook (.xlsx), and import it again"
    )


_DIMENSION = f"{{{SHEET_MAIN_NS}}}dimension"
_SHEET_DATA = f"{{{SHEET_MAIN_NS}}}sheetData"


def _read_size(sheet: Any) -> None:
    """Read a sheet's size from its <dimension>, which comes before its rows, if it has one.

    openpyxl does this for every sheet as it opens a workbook read-only, but when a sheet
    has no <dimension> (our export writes none) it stops looking only at the end of the
    sheet's rows, having parsed them all: 18 s for the 1,005 sheets of a 500-program
    export before the import could read a row, or notice a cancel. Here the search stops
    where the rows begin; a sheet without a size is read as before, row by row. It takes
    the place of openpyxl's own (ReadOnlyWorksheet._get_size) below.
    """
    source = sheet._get_source()
    try:
        for _, element in iterparse(_Sips(source), events=("start",)):
            if element.tag == _DIMENSION:
                dimension = SheetDimension.from_tree(element)
                if dimension is not None:
                    size = dimension.boundaries
                    sheet._min_column, sheet._min_row, sheet._max_column, sheet._max_row = size
                return
            if element.tag == _SHEET_DATA:
                return
    finally:
        source.close()


class _Sips:
    """A file read a little at a time: iterparse reads 16 KB at once, a few hundred rows."""

    def __init__(self, file: Any) -> None:
        self.file = file

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.file.read(1024)
        return data


ReadOnlyWorksheet._get_size = _read_size  # type: ignore[attr-defined]


@contextmanager
def open_workbook(path: Path, *, read_only: bool, data_only: bool) -> Iterator[Workbook]:
    """The workbook at path (whatever its file name ends with); raises CatalogError."""
    check_workbook_file(path)
    with path.open("rb") as file:
        try:
            workbook = openpyxl.load_workbook(
                file, read_only=read_only, data_only=data_only, keep_links=False
            )
        except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
            message = f"not a valid Excel workbook (.xlsx): {error}"
            raise CatalogError(path, [Problem("", message)]) from None
        except Exception as error:  # openpyxl raises many kinds on a damaged part
            message = f"the workbook could not be read ({type(error).__name__}: {error})"
            raise CatalogError(path, [Problem("", message)]) from None
        try:
            yield workbook
        finally:
            workbook.close()


Cell = tuple[str, int, int]  # sheet, row, column (1-based)


def formulas_in(path: Path, cells: Iterable[Cell]) -> dict[Cell, str]:
    """The formulas ("=100/60") that these cells of the workbook hold; a cell holding a
    value is left out. The import reads values (data_only): this opens the workbook again
    for the few cells whose reading depends on it, sheet by sheet down to the last one."""
    wanted: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for sheet, row, column in cells:
        wanted[sheet].add((row, column))
    found: dict[Cell, str] = {}
    with open_workbook(path, read_only=True, data_only=False) as workbook:
        for name, places in wanted.items():
            last = max(number for number, _ in places)
            for number, cells_of_row in enumerate(workbook[name].iter_rows(max_row=last), 1):
                for column, cell in enumerate(cells_of_row, 1):
                    if (number, column) in places and cell.data_type == "f":
                        found[name, number, column] = str(cell.value)
    return found


def is_error(value: Any) -> bool:
    """Whether a cell's value is a formula's error ("#VALUE!", "#DIV/0!"), as openpyxl reads
    one: a text, as if typed."""
    return isinstance(value, str) and value.strip() in ERROR_CODES


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_string(value: Any) -> str:
    """What a cell says, as text: '' for nothing, 39 for the number 39."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_EXAMPLES = {
    "hours": "such as 12, 12.5, 12 h, 90 min or 1:30",
    "minutes": "such as 45, 45 min, 1.5 h, 1 h 30 or 1:30",
}


def parse_number(value: Any, what: str, limit: float) -> float:
    """A duration from a cell, in `what` ("hours" or "minutes"): a number, a time, or text
    ("39", "1,5", "90 min", "1 h 30", "1:30"), whose unit, if it names one, is converted.

    Raises ValueError with the message a person reads: what was expected, what was found.
    """
    number: float | None
    if isinstance(value, bool) or value is None:
        number = None
    elif isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, time | timedelta | datetime):
        number = _time_value(value, what)
    elif isinstance(value, str):
        number = text_duration(value, what)
    else:
        number = None
    if number is None or not math.isfinite(number):
        examples = f" ({_EXAMPLES[what]})" if what in _EXAMPLES else ""
        raise ValueError(f"{what} must be a number{examples}, found {_shown(value)}")
    if number < 0:
        raise ValueError(f"{what} must not be negative, found {cell_string(number)}")
    if number > limit:
        message = f"{what} must be at most {limit:g}, found {cell_string(number)}"
        if isinstance(value, int | float) and _DATE_DAYS[0] <= number <= _DATE_DAYS[1]:
            message += f" ({_DATE_HINT})"  # Calc keeps the date as its day number
        raise ValueError(message)
    return number


# The day numbers of 1950-01-01 and 2099-12-31: a figure between them in a minutes or hours
# cell is a date. Calc and Excel take "3/4" or "1/2" typed into a cell for a date, and
# Calc keeps it as its day number under the cell's format (45720 min).
_DATE_DAYS = (18264, 73050)
_DATE_HINT = (
    "the spreadsheet took what was typed for a date, as it takes 3/4 or 1/2: type the "
    "figure as a decimal number or with its unit"
)


def not_a_date(value: Any, what: str) -> None:
    """Refuse a date or time in a cell that holds text (a title, an EQF level): Excel and
    Calc take "3-4", "1/2" or "1:30" typed there for one, and keep no trace of the text.
    Raises ValueError, saying how to type it."""
    if isinstance(value, datetime):
        shown = f"the date {value:%Y-%m-%d}"
        if value.year <= 1900 or value.time() != time():
            shown = f"the date and time {value:%Y-%m-%d %H:%M}"
    elif isinstance(value, date):
        shown = f"the date {value:%Y-%m-%d}"
    elif isinstance(value, time):
        shown = f"the time {value:%H:%M}"
    elif isinstance(value, timedelta):
        shown = f"the duration {value}"
    else:
        return
    raise ValueError(
        f"{what} must be text, found {shown}: the spreadsheet took what was typed for a "
        f"date or time, as it takes 3-4, 1/2 or 1:30; type it again with an apostrophe "
        f"before it ('3-4), or format the cell as text first"
    )


def may_be_time(value: Any) -> bool:
    """Whether a number in a cell formatted for minutes or hours may be a time typed there.

    A spreadsheet stores a time as its fraction of a day (1:30 is 0.0625), and LibreOffice
    Calc keeps the number format the export gave the cell ('0" min"') when one is typed:
    nothing but the number tells "6:00" (0.25) from "0.25". A whole number of minutes of a
    day may be such a time, unless it is a figure as a person types one (39, 12.5: at least
    1, with at most two decimals). A formula's result is no such time (=100/60 is 2400
    minutes of a day): the import asks typed_time only of a cell that holds no formula.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    size = abs(value)
    if not 0 < size < 1000 or not _whole(size * 24 * 60):
        return False  # not finite, more days than any duration, or not such a time
    return size < 1 or not _whole(size * 100)


def typed_time(value: Any, what: str, limit: float, calc: bool) -> Any:
    """A number that may_be_time, in a cell that holds no formula, as the duration it is:
    a timedelta for a time typed, the number itself for a figure. Raises ValueError, saying
    what to type, where both are sensible durations and the workbook cannot tell which.

    - A time: more than two decimals, as no one types a figure (1:30 is 0.0625, 39:30 is
      1.6458333), unless at least 1 and a whole number of sixtieths.
    - Either: such a number of sixtieths, as a formula's result pasted as a value is (160/60
      hours, 160 minutes, is also 64:00 of a day), and a number below 1 with at most two
      decimals (0.25 is 6:00 too). Excel gives a time typed into a cell a time format, which
      openpyxl reads as a time (_time_value), so in a workbook Excel saved such a number is
      the figure; LibreOffice Calc keeps the cell's own format, so in one it saved (calc)
      the number is refused, unless it is negative or, as a time, beyond the limit: then
      it is the figure.
    """
    if not may_be_time(value):
        return value
    size = abs(value)
    minutes = round(size * 24 * 60)
    figure = _whole(size * 100) if size < 1 else _whole(size * 60)
    if not figure:
        return timedelta(days=value)
    beyond = minutes / 60 > limit if what == "hours" else minutes > limit
    if value < 0 or beyond or not calc:
        return value
    clock = f"{minutes // 60}:{minutes % 60:02d}"
    # The figure as text: in hours as the whole minutes it is (160 min), in minutes rounded.
    as_text = f"{size * 60:g} min" if what == "hours" else f"{round(size, 2):g} min"
    unit = "h" if what == "hours" else "min"
    raise ValueError(
        f"{cell_string(value)} may be the time {clock} typed, which LibreOffice Calc keeps as "
        f"its fraction of a day in a cell formatted for {what}, or the figure "
        f"{round(size, 2):g} {unit}: type {minutes / 60:g} h for the time, or {as_text} for "
        f"the figure"
    )


def saved_by_calc(path: Path) -> bool:
    """Whether LibreOffice (or OpenOffice, Collabora) saved the workbook last, as the
    Application of its docProps/app.xml says ("LibreOffice/7.4.7.2$Linux_X86_64 ...")."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open("docProps/app.xml") as file:
            head = file.read(4096)
    except (KeyError, OSError, zipfile.BadZipFile):
        return False
    found = re.search(rb"<(?:\w+:)?Application>([^<]*)<", head)
    return (
        found is not None and re.search(rb"LibreOffice|OpenOffice|Collabora", found[1]) is not None
    )


def _whole(number: float) -> bool:
    return abs(number - round(number)) < 1e-6


def _time_value(value: time | timedelta | datetime, what: str) -> float:
    """A cell formatted as a time (1:30) holds a duration: in hours, or minutes for items."""
    if isinstance(value, datetime):
        if value.year > 1900:
            raise ValueError(
                f"{what} must be a number, found the date {value:%Y-%m-%d} ({_DATE_HINT})"
            )
        # Day 0 is 30 December 1899: a date in 1900 is a duration of a day or more shown
        # as a clock time (25:00 as 1:00, on 1 January 1900).
        value = timedelta(days=to_excel(value))
    seconds: float
    if isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
    else:
        seconds = value.total_seconds()
    return seconds / 60 if what == "minutes" else seconds / 3600


def _shown(value: Any) -> str:
    if value is None:
        return "an empty cell"
    if isinstance(value, str):
        return repr(value.strip()[:40]) if value.strip() else "an empty cell"
    if isinstance(value, bool):
        return str(value).upper()
    return repr(value)
