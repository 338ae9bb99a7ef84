"""Cells and styles of the exported workbook, and a writer that streams a sheet's rows.

A sheet is described as a function that yields rows of `Spec` cells. The writer runs
it twice: once to fit the column widths (which Excel needs before the first row of a
write-only sheet), once to write; a small sheet's rows are kept from the first run
instead. So no large sheet is ever held in memory whole.

The rows are serialised here, straight into the worksheet's XML, with one precomputed
style attribute per style: the file is what openpyxl would write cell by cell, at a
fraction of the cost (openpyxl makes, styles and serialises an object per cell). What
comes before and after the rows (columns, panes, print setup, drop-downs) and the rest
of the workbook are openpyxl's own. `plain_rows` gives a sheet's plain values, for
writers that know nothing of styles (the benchmark's baselines).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from functools import cache
from typing import IO, Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, NumberFormat
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import tostring

ID_COLUMN = 8  # column H: the hidden ids that tie a row back to its unit on import
MAX_TEXT = 32767  # Excel's limit for the text of one cell
# Characters XML 1.0 cannot carry; a cell's text cannot hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def cell_text(text: str) -> str:
    """Text as a cell holds it: no characters XML cannot carry, within Excel's length."""
    return _NOT_XML.sub("\ufffd", text)[:MAX_TEXT]


class Spec(NamedTuple):
    """One cell to write: a text, a number or a formula (starting with '='), and its style."""

    value: str | float | int
    style: str = "text"
    kind: str = "s"  # "s" text, "n" number, "f" formula
    width: int | None = None  # characters to reserve; None: measured from the value


def text(value: str, style: str = "text") -> Spec:
    return Spec(cell_text(value), style, "s")


def number(value: float | int, style: str = "number") -> Spec:
    return Spec(value, style, "n")


def formula(value: str, style: str = "number", width: int = 9) -> Spec:
    return Spec(value if value.startswith("=") else f"={value}", style, "f", width)


Row = Sequence[Spec | None]


def _font(**options: Any) -> Font:
    # Named, or LibreOffice shows unnamed fonts in its default serif face.
    return Font(name="Calibri", size=options.pop("size", 11), **options)


_THIN = Side(style="thin", color="808080")
_HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="top")
_GAP_FILL = PatternFill("solid", fgColor="FFC7CE")
_GAP_FONT = _font(color="9C0006")
_BOLD = _font(bold=True)

HOURS = '0" h"'
HOURS_FRACTION = '0.0#" h"'
MINUTES = '0" min"'
MINUTES_FRACTION = '0.0#" min"'

# Each style: font, fill, border, alignment, number format. Names say what the cell is.
STYLES: dict[str, dict[str, Any]] = {
    "title": {"font": _font(bold=True, size=14)},
    "subtitle": {"font": _font(italic=True, color="404040")},
    "section": {"font": _font(bold=True, size=12)},
    "header": {
        "font": _BOLD,
        "fill": _HEADER_FILL,
        "border": Border(bottom=_THIN),
        "alignment": Alignment(vertical="bottom", wrap_text=True),
    },
    "header_number": {
        "font": _BOLD,
        "fill": _HEADER_FILL,
        "border": Border(bottom=_THIN),
        "alignment": Alignment(horizontal="right", vertical="bottom", wrap_text=True),
    },
    "header_kind": {
        "font": _BOLD,
        "fill": _HEADER_FILL,
        "border": Border(bottom=_THIN),
        "alignment": Alignment(horizontal="left", vertical="bottom", wrap_text=True, indent=1),
    },
    "header_center": {
        "font": _BOLD,
        "fill": _HEADER_FILL,
        "border": Border(bottom=_THIN),
        "alignment": Alignment(horizontal="center", vertical="bottom", wrap_text=True),
    },
    "text": {"alignment": _WRAP},
    "bold": {"font": _BOLD, "alignment": _WRAP},
    "muted": {"font": _font(italic=True, color="595959"), "alignment": _TOP},
    "number": {"alignment": _TOP},
    "integer": {"alignment": Alignment(horizontal="left", vertical="top"), "number_format": "0"},
    "count": {"alignment": _TOP, "number_format": "0"},
    "kind": {"alignment": Alignment(horizontal="left", vertical="top", wrap_text=True, indent=1)},
    "hours": {"alignment": _TOP, "number_format": HOURS},
    "hours_fraction": {"alignment": _TOP, "number_format": HOURS_FRACTION},
    "minutes": {"alignment": _TOP, "number_format": MINUTES},
    "minutes_fraction": {"alignment": _TOP, "number_format": MINUTES_FRACTION},
    "total_label": {"font": _BOLD, "border": Border(top=_THIN)},
    "total_blank": {"border": Border(top=_THIN)},
    "total_hours": {"font": _BOLD, "border": Border(top=_THIN), "number_format": HOURS},
    "total_hours_fraction": {
        "font": _BOLD,
        "border": Border(top=_THIN),
        "number_format": HOURS_FRACTION,
    },
    "ects": {"font": _BOLD, "number_format": '0" ECTS"'},
    "ects_half": {"font": _BOLD, "number_format": '0.0" ECTS"'},
    "ects_plain": {"number_format": '0" ECTS"', "alignment": _TOP},
    "ects_half_plain": {"number_format": '0.0" ECTS"', "alignment": _TOP},
    "weeks": {"number_format": '[=1]0" week";0" weeks"', "alignment": _TOP},
    "percent": {"number_format": "0%", "alignment": _CENTER},
    "mark": {"font": _BOLD, "alignment": _CENTER},
    "gap": {"font": _GAP_FONT, "fill": _GAP_FILL, "alignment": _WRAP},
    "gap_center": {"font": _GAP_FONT, "fill": _GAP_FILL, "alignment": _CENTER},
    "gap_header": {
        "font": _font(bold=True, color="9C0006"),
        "fill": _GAP_FILL,
        "border": Border(bottom=_THIN),
        "alignment": Alignment(horizontal="center", vertical="bottom", wrap_text=True),
    },
    "data": {"alignment": Alignment(vertical="top")},
    "id": {"font": _font(color="808080", size=8)},
}
# Styles whose formats add a unit after the number: room for it when fitting widths.
_SUFFIX = {"hours": 2, "minutes": 4, "ects": 5, "weeks": 6, "percent": 1}
_FORMULA_ROOM = {"ects": 9, "weeks": 9, "hours": 9, "percent": 5}


def hours_style(value: float, base: str = "hours") -> str:
    """Whole hours print as '39 h', others with up to two decimals ('7.25 h')."""
    return base if _whole(value) else f"{base}_fraction"


def show_fractions(ws: Any, cells: str, fraction_format: str) -> None:
    """Shows a figure of these cells (areas of one column, top first) with its fraction
    when it has one, whatever their style: a whole style ('0" h"') is chosen for the figure
    exported, but a minute typed in the sheet moves the formulas to 422.14 h, which the
    whole style would show as 422 h, and a 32.5 typed over 30 min as 33 min."""
    top = top_cell(cells)
    # Text (a heading, a Bloom level) is an error here, so keeps its format.
    show_when(ws, cells, f"ABS({top}-ROUND({top},0))>0.000001", fraction_format)


def top_cell(cells: str) -> str:
    """The first cell of these areas, which a conditional format's formula is relative to."""
    return cells.split()[0].split(":")[0]


def show_when(ws: Any, cells: str, condition: str, number_format: str) -> None:
    """Shows a figure of these cells in number_format where condition (a formula relative
    to their first cell) holds. Of the rules given the same cells, the first that holds
    decides, in Excel and in LibreOffice; give them the very same `cells`, as LibreOffice
    applies only one of two ranges that overlap."""
    formats = ws.parent._number_formats  # the ids openpyxl gives the cells' formats
    format_id = formats.add(number_format) + BUILTIN_FORMATS_MAX_SIZE
    rule = Rule(
        type="expression",
        formula=[condition],
        stopIfTrue=True,
        dxf=DifferentialStyle(numFmt=NumberFormat(format_id, number_format)),
    )
    ws.conditional_formatting.add(cells, rule)


@cache
def _unit_of(style: str) -> str:
    return next((unit for unit in _SUFFIX if unit in style), "")


def _whole(value: float) -> bool:
    return abs(value - round(value)) < 1e-9


class Sheet(NamedTuple):
    """What the writer needs to know about a sheet besides its rows."""

    title: str
    rows: Callable[[], Iterable[Row]]
    header_row: int | None = None  # bold header: frozen below, repeated on every printed page
    print_title_row: int | None = None  # repeated on every printed page instead of header_row
    max_widths: dict[int, int] = {}  # column -> widest it may get (longer text wraps)
    hidden: bool = False
    tab_color: str | None = None
    row_heights: dict[int, float] = {}
    freeze_column: int = 1  # 2: keep column A in view as well
    id_column: bool = True  # column H holds ids: hide it
    fixed_widths: dict[int, int] | None = None  # instead of fitting them to the content
    # Given the worksheet once its layout is set, before it is closed: what the file keeps
    # after the rows (drop-down lists, colour scales).
    finish: Callable[[Any], None] | None = None


def plain_rows(sheet: Sheet) -> Iterator[list[str | float | int | None]]:
    """The sheet's rows as plain values, without styles: formulas as their text ("=SUM(..)"),
    empty cells None. What the sheet holds, for a writer that knows nothing of styles."""
    for row in sheet.rows():
        yield [None if spec is None else spec.value for spec in row]


# A sheet of up to this many cells is kept from fitting the columns to writing them (a few
# MB); a larger one is generated again, so that no large sheet is held in memory whole.
HELD_CELLS = 20_000
# Cells, and characters of text, serialised and encoded together: a batch stays small.
_BATCH = 4000
_BATCH_TEXT = 250_000


class SheetWriter:
    """Streams sheets into a write-only workbook with shared, precomputed styles.

    openpyxl lays out each worksheet's file (columns, panes, print setup, drop-downs) and
    puts the workbook together; the rows themselves are serialised here, straight into
    the worksheet's file, as openpyxl would write them but without making a cell object
    per value. Each sheet is complete, and its file closed, when write() returns.
    """

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._arrays: dict[str, StyleArray] = {}
        # Style name -> the attributes of a cell in that style, without and with a quote prefix.
        self._plain: dict[str, str] = {}
        self._quoted: dict[str, str] = {}

    def write(self, sheet: Sheet) -> Any:
        # Typed Any: the stubs of WriteOnlyWorksheet lack what it copies from Worksheet.
        ws: Any = self.workbook.create_sheet(sheet.title)
        if sheet.fixed_widths:
            held, widths = None, dict(sheet.fixed_widths)
        else:
            held, widths = self._measure(sheet.rows())
        for column, width in widths.items():
            widths[column] = min(width, sheet.max_widths.get(column, 60))
            ws.column_dimensions[get_column_letter(column)].width = widths[column]
        if sheet.id_column:
            ws.column_dimensions[get_column_letter(ID_COLUMN)].hidden = True
        if sheet.header_row:
            below = f"{get_column_letter(sheet.freeze_column)}{sheet.header_row + 1}"
            ws.freeze_panes = below
        title_row = sheet.print_title_row or sheet.header_row
        if title_row:
            ws.print_title_rows = f"{title_row}:{title_row}"
        if sheet.hidden:
            ws.sheet_state = "hidden"
        if sheet.tab_color:
            ws.sheet_properties.tabColor = sheet.tab_color
        across = _pages_across(sheet, widths)
        if across > 1 and sheet.header_row and sheet.freeze_column > 1:
            # The columns kept in view on screen (the row labels) start every page.
            ws.print_title_cols = f"A:{get_column_letter(sheet.freeze_column - 1)}"
        _print_setup(ws, across)
        rows = held if held is not None else sheet.rows()
        ws._writer = _WorksheetFile(ws, self._serialise(ws, rows, widths, sheet.row_heights))
        ws._writer.write_top()
        if sheet.finish is not None:
            sheet.finish(ws)
        ws.close()  # writes the rows, then what follows them, and closes the file
        return ws

    def _serialise(
        self, ws: Any, rows: Iterable[Row], widths: dict[int, int], heights: dict[int, float]
    ) -> Iterator[bytes]:
        """The <row> elements of the sheet, encoded, a batch of rows at a time."""
        plain, quoted = self._plain, self._quoted
        capacities = {column: _capacity(width) for column, width in widths.items()}
        letters = [""]
        batch: list[str] = []
        size = 0
        for number, row in enumerate(rows, 1):
            while len(letters) <= len(row):
                letters.append(get_column_letter(len(letters)))
            r = str(number)
            height = heights.get(number)
            if height is None:
                # Neither Excel nor LibreOffice fits a row to wrapped text when opening a file.
                height = _row_height(row, capacities)
            if height is None:
                batch.append(f'<row r="{r}">')
            else:
                batch.append(f'<row r="{r}" ht="{height:.16g}" customHeight="1">')
            for column, spec in enumerate(row, 1):
                if spec is None:
                    continue
                value, style, kind = spec.value, spec.style, spec.kind
                if kind == "s":
                    value = str(value)
                    quote = bool(value) and value[0] in "=+-@"
                    attributes = (quoted if quote else plain).get(style)
                    if attributes is None:
                        attributes = self._style(ws, style, quote)
                    if not value:
                        batch.append(f'<c r="{letters[column]}{r}"{attributes} t="inlineStr"></c>')
                        continue
                    space = ' xml:space="preserve"' if value != value.strip() else ""
                    size += len(value)
                    batch.append(
                        f'<c r="{letters[column]}{r}"{attributes} t="inlineStr"><is><t{space}>'
                        f"{_escape(value)}</t></is></c>"
                    )
                elif kind == "f":
                    attributes = plain.get(style)
                    if attributes is None:
                        attributes = self._style(ws, style, False)
                    batch.append(
                        f'<c r="{letters[column]}{r}"{attributes}><f>{_escape(str(value)[1:])}'
                        "</f><v></v></c>"
                    )
                else:
                    attributes = plain.get(style)
                    if attributes is None:
                        attributes = self._style(ws, style, False)
                    batch.append(
                        f'<c r="{letters[column]}{r}"{attributes} t="n"><v>{_number(value)}</v></c>'
                    )
            batch.append("</row>")
            if len(batch) >= _BATCH or size >= _BATCH_TEXT:
                yield "".join(batch).encode("ascii", "xmlcharrefreplace")
                batch.clear()
                size = 0
        if batch:
            yield "".join(batch).encode("ascii", "xmlcharrefreplace")

    def _style(self, ws: Any, name: str, quote: bool) -> str:
        """The style attribute of a cell of this style: the same style ids openpyxl gives."""
        array = self._arrays.get(name)
        if array is None:
            template = Cell(ws, row=1, column=1)
            for attribute, value in STYLES[name].items():
                setattr(template, attribute, value)
            array = self._arrays[name] = template._style  # type: ignore[attr-defined]
        cell = Cell(ws, row=1, column=1, style_array=array)
        if quote:
            # A quote prefix keeps Excel from reading text as a formula after an edit.
            cell.quotePrefix = True
        attributes = f' s="{cell.style_id}"' if cell.has_style else ""
        (self._quoted if quote else self._plain)[name] = attributes
        return attributes

    @staticmethod
    def _measure(rows: Iterable[Row]) -> tuple[list[Row] | None, dict[int, int]]:
        """Column widths fitted to the rows, and the rows themselves if there are few."""
        held: list[Row] | None = []
        cells = 0
        widths: dict[int, int] = {}
        for row in rows:
            if held is not None:
                held.append(row)
                cells += len(row)
                if cells > HELD_CELLS:
                    held = None
            for column, spec in enumerate(row, 1):
                if spec is None or (column == ID_COLUMN and spec.style == "id"):
                    continue
                chars = _chars(spec)
                if chars > widths.get(column, 0):
                    widths[column] = chars
        fitted = {column: max(6, math.ceil(chars * 1.1) + 2) for column, chars in widths.items()}
        return held, fitted


_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))


def _escape(value: str) -> str:
    """Text as XML character data, escaped as lxml escapes it."""
    for char, escaped in _ESCAPES:
        if char in value:
            value = value.replace(char, escaped)
    return value


def _number(value: Any) -> str:
    """A number as openpyxl writes one (nothing for NaN and infinities)."""
    return f"{value:.16g}" if math.isfinite(value) else ""


class _WorksheetFile(WorksheetWriter):
    """openpyxl's writer of a worksheet file, with the <sheetData> rows given as bytes.

    What comes before the rows and after them is openpyxl's: each element is serialised
    as its streaming writer does, into a file of our own, so rows can go straight in.
    A write-only worksheet given this as its _writer (before any row, with write_top()
    called) writes it on close() and saves it with the workbook (openpyxl 3.1).
    """

    def __init__(self, ws: Any, rows: Iterable[bytes]) -> None:
        self._rows = rows
        self._file: IO[bytes] | None = None
        super().__init__(ws)

    def get_stream(self) -> Generator[Any, Any, None]:
        with open(str(self.out), "wb") as file:
            self._file = file
            file.write(f'<worksheet xmlns="{SHEET_MAIN_NS}">'.encode())
            try:
                while True:
                    element = yield
                    if element is not None and element is not True:
                        file.write(tostring(element))
            except GeneratorExit:
                pass
            file.write(b"</worksheet>")
        self._file = None

    def write_rows(self) -> None:
        assert self._file is not None
        write = self._file.write
        write(b"<sheetData>")
        for chunk in self._rows:
            write(chunk)
        write(b"</sheetData>")


def _chars(spec: Spec) -> int:
    if spec.width is not None:
        return spec.width
    style = spec.style
    if spec.kind == "s":
        if style in _RUN_OVER:
            return 0
        value = str(spec.value)
        longest = len(value) if "\n" not in value else max(map(len, value.split("\n")))
        return longest + 2 if style in _HEADERS else longest
    unit = _unit_of(style)
    if spec.kind == "f":
        return _FORMULA_ROOM.get(unit, 8)
    figure = float(spec.value)
    shown = f"{figure:.0f}" if _whole(figure) else f"{figure:.2f}"
    return len(shown) + _SUFFIX.get(unit, 0)


_RUN_OVER = frozenset(("title", "subtitle", "section"))  # over the empty cells beside them
_HEADERS = frozenset(name for name in STYLES if name.startswith("header"))
_WRAPPING = {name for name, style in STYLES.items() if style.get("alignment", _TOP).wrap_text}
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # Excel's limit
_DEFAULT_WIDTH = 8


def _row_height(row: Row, capacities: dict[int, int]) -> float | None:
    """The height a row needs for its wrapped text; None: one line, the default."""
    lines = 1
    for column, spec in enumerate(row, 1):
        if spec is not None and spec.kind == "s" and spec.style in _WRAPPING:
            value = str(spec.value)
            capacity = capacities.get(column) or _capacity(_DEFAULT_WIDTH)
            if len(value) > capacity or "\n" in value:
                lines = max(lines, _wrapped(value, capacity))
    return None if lines == 1 else min(LINE_HEIGHT * lines + 2, MAX_ROW_HEIGHT)


def wrapped_lines(value: str, width: float) -> int:
    """How many lines text takes in a column this wide, wrapped at spaces (an estimate
    on the safe side: text of 11-point Calibri runs about 1.2 characters per unit)."""
    return _wrapped(value, _capacity(width))


def _capacity(width: float) -> int:
    """Characters that fit on one line of a column this wide."""
    return max(1, int(width * 1.15) - 1)


def _wrapped(value: str, capacity: int) -> int:
    lines = 0
    for paragraph in value.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split(" "):
            if used and used + 1 + len(word) > capacity:
                lines += 1
                used = 0
            used += (1 if used else 0) + len(word)
            while used > capacity:  # a word longer than the line breaks anywhere
                lines += 1
                used -= capacity
    return lines


# A landscape page holds about this much column width (A4 or Letter, half-inch margins)
# at 100 %. A sheet that would print smaller than MIN_PRINT_SCALE to fit one page across
# (the Supplement or Stackability of 20 programs, a map of many courses) prints on
# several pages across instead, its row labels repeated on each.
PAGE_WIDTH = 135
MIN_PRINT_SCALE = 0.5


def _pages_across(sheet: Sheet, widths: dict[int, int]) -> int:
    shown = [(c, w) for c, w in widths.items() if not (sheet.id_column and c == ID_COLUMN)]
    width = sum(w for _, w in shown)
    room = PAGE_WIDTH / MIN_PRINT_SCALE
    if width <= room:
        return 1
    repeated = sum(w for c, w in shown if sheet.header_row and c < sheet.freeze_column)
    return math.ceil((width - repeated) / (room - repeated))


def _print_setup(ws: Any, pages_across: int = 1) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = pages_across
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "&A, page &P of &N"
