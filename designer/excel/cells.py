"""Cells and styles of the exported workbook, and a writer that streams a sheet's rows.

A sheet is described as a function that yields rows of `Spec` cells. The writer runs
it twice: once to fit the column widths (which Excel needs before the first row of a
write-only sheet), once to write. So no sheet is ever held in memory whole.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from copy import copy
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

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
    "weeks": {"number_format": '0" weeks"', "alignment": _TOP},
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


def _unit_of(style: str) -> str:
    return next((unit for unit in _SUFFIX if unit in style), "")


def _whole(value: float) -> bool:
    return abs(value - round(value)) < 1e-9


class Sheet(NamedTuple):
    """What the writer needs to know about a sheet besides its rows."""

    title: str
    rows: Callable[[], Iterable[Row]]
    header_row: int | None = None  # bold header: frozen below, repeated on every printed page
    max_widths: dict[int, int] = {}  # column -> widest it may get (longer text wraps)
    hidden: bool = False
    tab_color: str | None = None
    row_heights: dict[int, float] = {}
    freeze_column: int = 1  # 2: keep column A in view as well
    id_column: bool = True  # column H holds ids: hide it
    fixed_widths: dict[int, int] | None = None  # instead of fitting them to the content


class SheetWriter:
    """Streams sheets into a write-only workbook with shared, precomputed styles."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self._styles: dict[str, StyleArray] = {}

    def write(self, sheet: Sheet) -> Any:
        # Typed Any: the stubs of WriteOnlyWorksheet lack what it copies from Worksheet.
        ws: Any = self.workbook.create_sheet(sheet.title)
        widths = dict(sheet.fixed_widths or self._measure(sheet.rows()))
        for column, width in widths.items():
            widths[column] = min(width, sheet.max_widths.get(column, 60))
            ws.column_dimensions[get_column_letter(column)].width = widths[column]
        if sheet.id_column:
            ws.column_dimensions[get_column_letter(ID_COLUMN)].hidden = True
        if sheet.header_row:
            below = f"{get_column_letter(sheet.freeze_column)}{sheet.header_row + 1}"
            ws.freeze_panes = below
            ws.print_title_rows = f"{sheet.header_row}:{sheet.header_row}"
        for number, fixed in sheet.row_heights.items():
            ws.row_dimensions[number].height = fixed
        if sheet.hidden:
            ws.sheet_state = "hidden"
        if sheet.tab_color:
            ws.sheet_properties.tabColor = sheet.tab_color
        _print_setup(ws)
        for number, row in enumerate(sheet.rows(), 1):
            # Neither Excel nor LibreOffice fits a row to wrapped text when opening a file.
            height = _row_height(row, widths)
            if height is not None and number not in sheet.row_heights:
                ws.row_dimensions[number].height = height
            ws.append([None if spec is None else self._cell(ws, spec) for spec in row])
        return ws

    def _cell(self, ws: Any, spec: Spec) -> Cell:
        cell = Cell(ws, row=1, column=1, style_array=copy(self._style(ws, spec.style)))
        cell.value = spec.value
        # Text is text: "=HYPERLINK(..)" or "#N/A" from a title must not become a formula or
        # an error, and a quote prefix keeps Excel from reading it as one after an edit.
        if spec.kind == "s":
            cell.data_type = "s"
            if spec.value and str(spec.value)[0] in "=+-@":
                cell.quotePrefix = True
        elif spec.kind == "f":
            cell.data_type = "f"
        return cell

    def _style(self, ws: Any, name: str) -> StyleArray:
        array = self._styles.get(name)
        if array is None:
            template = Cell(ws, row=1, column=1)
            for attribute, value in STYLES[name].items():
                setattr(template, attribute, value)
            array = self._styles[name] = template._style  # type: ignore[attr-defined]
        return array

    @staticmethod
    def _measure(rows: Iterable[Row]) -> dict[int, int]:
        widths: dict[int, int] = {}
        for row in rows:
            for column, spec in enumerate(row, 1):
                if spec is None or (column == ID_COLUMN and spec.style == "id"):
                    continue
                chars = _chars(spec)
                if chars > widths.get(column, 0):
                    widths[column] = chars
        return {column: max(6, math.ceil(chars * 1.1) + 2) for column, chars in widths.items()}


def _chars(spec: Spec) -> int:
    if spec.width is not None:
        return spec.width
    unit = _unit_of(spec.style)
    if spec.kind == "f":
        return _FORMULA_ROOM.get(unit, 8)
    if spec.kind == "n":
        value = float(spec.value)
        shown = f"{value:.0f}" if _whole(value) else f"{value:.2f}"
        return len(shown) + _SUFFIX.get(unit, 0)
    lines = str(spec.value).split("\n")
    longest = max(len(line) for line in lines)
    if spec.style in ("title", "subtitle", "section"):
        return 0  # these run over the empty cells beside them
    return longest + (2 if spec.style.startswith("header") else 0)


_WRAPPING = {name for name, style in STYLES.items() if style.get("alignment", _TOP).wrap_text}
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 409.0  # Excel's limit


def _row_height(row: Row, widths: dict[int, int]) -> float | None:
    lines = 1
    for column, spec in enumerate(row, 1):
        if spec is not None and spec.kind == "s" and spec.style in _WRAPPING:
            width = widths.get(column, 8)
            lines = max(lines, wrapped_lines(str(spec.value), width))
    return None if lines == 1 else min(LINE_HEIGHT * lines + 2, MAX_ROW_HEIGHT)


def wrapped_lines(value: str, width: float) -> int:
    """How many lines text takes in a column this wide, wrapped at spaces (an estimate
    on the safe side: text of 11-point Calibri runs about 1.2 characters per unit)."""
    capacity = max(1, int(width * 1.15) - 1)
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


def _print_setup(ws: Any) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "&A, page &P of &N"
