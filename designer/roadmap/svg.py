"""The roadmap as an SVG picture: a grid of outcomes by week or course, coloured by Bloom level.

Plain SVG 1.1 with presentation attributes only (no CSS, no text measuring by the viewer),
so Qt's SVG renderer, browsers and office suites draw it alike. The output depends only on
the roadmap, so the same catalog gives the same bytes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from designer.model import Bloom, Catalog, Totals, format_hours
from designer.roadmap.canvas import INK, Canvas
from designer.roadmap.layout import INTRODUCED, MASTERED, Cell, Roadmap, Row, bloom_name, roadmap
from designer.roadmap.textfit import ellipsize, text_width, wrap
from designer.storage.save import write_atomically

FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
MUTED = "#5f6b7a"
RULE = "#d5dbe2"
HEADER_FILL = "#eef1f5"
STRIPE_FILL = "#f7f8fa"
GAP = "#c62828"

# A sequential palette from light to dark (ColorBrewer YlGnBu), one step per level.
PALETTE: dict[Bloom | None, str] = {
    Bloom.REMEMBER: "#edf8b1",
    Bloom.UNDERSTAND: "#c7e9b4",
    Bloom.APPLY: "#7fcdbb",
    Bloom.ANALYZE: "#41b6c4",
    Bloom.EVALUATE: "#225ea8",
    Bloom.CREATE: "#0c2c84",
    None: "#e4e7eb",
}

MARGIN = 28
ROW_HEAD = 300  # width of the outcome column on the left
TEXT = 12.0  # font size of outcome text
LINE = 15.0  # its line height
SMALL = 11.0
PAD = 8.0  # inside a box
SPACE = 6.0  # between boxes
MARK_R = 8.0
PRINT_COLUMN = 140.0  # the narrowest a column gets on a page of svg_pages


def roadmap_svg(catalog: Catalog, totals: Totals, unit_id: str) -> str:
    """The SVG text of the roadmap of the course or program with this id."""
    return svg_text(roadmap(catalog, totals, unit_id))


def write_svg(found: Roadmap, path: str | Path) -> None:
    write_svg_text(svg_text(found), path)


def write_svg_text(svg: str, path: str | Path) -> None:
    """Write the SVG; a file already there is replaced only once the new one is whole.

    Raises OSError when it cannot be written (see write_problem), leaving path as it was.
    """
    write_atomically(Path(path), svg.encode("utf-8"))


def write_problem(path: str | Path, error: Exception) -> str:
    """Why the roadmap could not be written to path, as a message naming the file."""
    folder = Path(path).parent
    if isinstance(error, OSError) and not folder.is_dir():
        reason = f"there is no folder {folder}"
    elif isinstance(error, OSError):
        reason = error.strerror or str(error)
    else:  # RenderError: the picture could not be drawn
        reason = str(error)
    return f"{path}: cannot write the roadmap: {reason}"


def text_colour(fill: str) -> str:
    """Dark text on light fills, white on dark ones (relative luminance below 0.25)."""
    channels = [int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if luminance < 0.25 else INK


def svg_text(found: Roadmap) -> str:
    """Draw the roadmap: title, legend, the grid, then the list of gaps."""
    count = max(1, len(found.columns))
    column_width = float(max(150, min(250, 1500 // count)))
    width = max(ROW_HEAD + count * column_width, _legend_width(found, True)) + 2 * MARGIN
    return _drawing(found, width, column_width, diagnostics=True, gaps=found)[0]


def svg_pages(
    found: Roadmap, width: float, max_height: float, diagnostics: bool = True
) -> list[str]:
    """The roadmap cut into pictures `width` wide and at most `max_height` tall, to print.

    A page that fits a whole wide roadmap would shrink its text past reading, so the columns
    are shared out over as few pages as keep each at least PRINT_COLUMN wide, and a page
    too tall takes fewer outcome rows. Every page repeats the title (with "continued"), the
    legend and the outcome column, so it reads on its own; all are drawn at the same width,
    hence printed at the same size.

    Without `diagnostics` (a supplement for learners) the design checks are left out: the
    gaps, the "not addressed" bands, and the row of outcomes that serve none of the unit's.
    With them, the gaps follow the grid on the last page, or on a page of their own.
    """
    if not diagnostics:
        found = _published(found)
    room = width - 2 * MARGIN - ROW_HEAD
    per_page = max(1, int(room // PRINT_COLUMN))
    pages = max(1, -(-len(found.columns) // per_page))  # rounded up
    per_page = max(1, -(-len(found.columns) // pages))  # balanced: 4 + 4 + 4, not 5 + 5 + 2
    column_width = min(250.0, room / per_page)
    drawn: list[str] = []
    last = found
    for first in range(0, max(1, len(found.columns)), per_page):
        top = 0
        while True:
            last, top = _rows_that_fit(
                found, (first, first + per_page), top, (width, max_height), column_width, drawn
            )
            drawn.append(_drawing(last, width, column_width, diagnostics)[0])
            if top >= len(found.rows):
                break
    if diagnostics:
        svg, height = _drawing(last, width, column_width, diagnostics, gaps=found)
        if height <= max_height:
            drawn[-1] = svg
        else:
            gaps_only = replace(last, title=f"{found.title} (continued)", subtitle="")
            drawn.append(
                _drawing(gaps_only, width, column_width, diagnostics, grid=False, gaps=found)[0]
            )
    return drawn


def _rows_that_fit(
    found: Roadmap,
    columns: tuple[int, int],
    top: int,
    page: tuple[float, float],
    column_width: float,
    drawn: list[str],
) -> tuple[Roadmap, int]:
    """The part of these columns from row `top` on with as many rows as fit on a page of
    this width and height (at least one row), and the row after the last one it has.
    After the pages `drawn`, its title says it continues."""
    end = min(top + 1, len(found.rows))
    best = _part(found, columns, (top, end), continued=bool(drawn))
    while end < len(found.rows):
        candidate = _part(found, columns, (top, end + 1), continued=bool(drawn))
        # Measured with the gap sample in the legend: a published page is no taller.
        if _drawing(candidate, page[0], column_width, True)[1] > page[1]:
            break
        best, end = candidate, end + 1
    return best, end


def _part(
    found: Roadmap, columns: tuple[int, int], rows: tuple[int, int], continued: bool
) -> Roadmap:
    """The roadmap cut down to these columns and rows; its subtitle says which part it is
    when it is not all of it."""
    (first, end), (top, bottom) = columns, rows
    cells = tuple(
        replace(cell, column=cell.column - first, row=cell.row - top)
        for cell in found.cells
        if first <= cell.column < end and top <= cell.row < bottom
    )
    kept = found.columns[first:end]
    subtitle = found.subtitle
    total = len(found.columns)
    if kept and len(kept) < total:
        kind = found.column_kind.lower()
        subtitle += f" \u00b7 {kind}s {kept[0].number}\u2013{kept[-1].number} of {total}"
    labels = [row.label for row in found.rows[top:bottom] if row.id is not None]
    if labels and bottom - top < len(found.rows):
        subtitle += f" \u00b7 outcomes {labels[0]}\u2013{labels[-1]}"
    return replace(
        found,
        title=f"{found.title} (continued)" if continued else found.title,
        subtitle=subtitle,
        columns=kept,
        rows=found.rows[top:bottom],
        cells=cells,
    )


def _published(found: Roadmap) -> Roadmap:
    """The roadmap as a learner reads it: no gaps, no column notes, no row of outcomes that
    serve none of the unit's (the designer's diagnostics, for Problems and the Roadmap page)."""
    kept = [index for index, row in enumerate(found.rows) if row.id is not None]
    new_index = {old: new for new, old in enumerate(kept)}
    cells = tuple(
        replace(cell, row=new_index[cell.row]) for cell in found.cells if cell.row in new_index
    )
    return replace(
        found,
        rows=tuple(found.rows[index] for index in kept),
        cells=cells,
        columns=tuple(replace(column, note="") for column in found.columns),
        gaps=(),
    )


def _drawing(
    found: Roadmap,
    width: float,
    column_width: float,
    diagnostics: bool,
    grid: bool = True,
    gaps: Roadmap | None = None,
) -> tuple[str, float]:
    """The SVG text of the roadmap drawn `width` wide, and its height: its title, legend and
    grid, then the gaps of `gaps` (the whole roadmap, when `found` is a part of it)."""
    canvas = Canvas()
    inner = width - 2 * MARGIN
    y: float = MARGIN
    title = wrap(found.title, inner, 20, bold=True)
    y = canvas.lines(MARGIN, y, title, 20, bold=True) + 2
    y = canvas.lines(MARGIN, y, wrap(found.subtitle, inner, 13), 13, colour=MUTED) + 14
    if grid:
        y = _legend(canvas, found, MARGIN, y, inner, diagnostics) + 18
        y = _grid(canvas, found, MARGIN, y, column_width, diagnostics)
    if gaps is not None:
        y = _gaps(canvas, gaps, MARGIN, y + 20, inner)
    height = y + MARGIN
    return canvas.document(width, height, FONT, found.title, found.subtitle), height


# ---- legend ------------------------------------------------------------------------------


def _legend_items(found: Roadmap, diagnostics: bool) -> list[tuple[str, str, float]]:
    """The legend's pieces, in order: (kind, text, width); the gap sample with diagnostics."""
    column = found.column_kind.lower()
    items = [("label", "Bloom level, lowest to highest:", 0.0)]
    items += [("level", level.value, 0.0) for level in Bloom]
    items += [
        (INTRODUCED, f"introduced (first {column} addressing it)", 0.0),
        (MASTERED, f"mastered (last {column} at its highest level)", 0.0),
    ]
    if diagnostics:
        items.append(("gap", "gap: not addressed, or aligned to nothing", 0.0))
    sized = []
    for kind, text, _ in items:
        if kind == "label":
            width = text_width(text, SMALL, bold=True)
        elif kind == "level":
            width = text_width(bloom_name(Bloom(text)), SMALL, bold=True) + 20
        elif kind == "gap":
            width = 30 + text_width(text, SMALL)
        else:
            width = 2 * MARK_R + 6 + text_width(text, SMALL)
        sized.append((kind, text, width))
    return sized


def _legend_width(found: Roadmap, diagnostics: bool) -> float:
    # The legend may wrap, but its levels stay on one line: the picture is at least that wide.
    items = _legend_items(found, diagnostics)[:7]
    return sum(width for _, _, width in items) + 8 * len(items)


def _legend(
    canvas: Canvas, found: Roadmap, x0: float, top: float, width: float, diagnostics: bool
) -> float:
    """The levels on one line; the marks and the gap sample after them, or on the next."""
    items = _legend_items(found, diagnostics)
    levels, keys = items[:7], items[7:]
    keys_width = sum(item_width + 14 for _, _, item_width in keys)
    x, y = x0, top
    row_height = 24.0
    for kind, text, item_width in levels + keys:
        starts_keys = kind == INTRODUCED
        if x > x0 and (
            x + item_width > x0 + width or (starts_keys and x + keys_width > x0 + width + 14)
        ):
            x, y = x0, y + row_height + 8
        middle = y + row_height / 2
        if kind == "label":
            canvas.text(x, middle + 4, text, SMALL, bold=True, colour=MUTED)
        elif kind == "level":
            level = Bloom(text)
            fill = PALETTE[level]
            canvas.rect(x, y, item_width, row_height, fill, "#000000", 4, stroke_opacity=0.25)
            canvas.text(
                x + item_width / 2,
                middle + 4,
                bloom_name(level),
                SMALL,
                bold=True,
                colour=text_colour(fill),
                anchor="middle",
            )
        elif kind == "gap":
            canvas.rect(
                x, y + 4, 24, row_height - 8, "#ffffff", GAP, 3, dashed=True, stroke_width=2
            )
            canvas.text(x + 30, middle + 4, text, SMALL, colour=MUTED)
        else:
            _mark(canvas, x + MARK_R, middle, kind)
            canvas.text(x + 2 * MARK_R + 6, middle + 4, text, SMALL, colour=MUTED)
        x += item_width + (8 if kind == "level" else 14)
        if kind == "level" and text == Bloom.CREATE.value:
            x += 18  # a wider space between the levels and the marks
    return y + row_height


def _mark(canvas: Canvas, x: float, y: float, letter: str) -> None:
    canvas.circle(x, y, MARK_R, "#ffffff", INK)
    canvas.text(x, y + 3.9, letter, 10.5, bold=True, anchor="middle")


# ---- the grid ----------------------------------------------------------------------------


def _grid(
    canvas: Canvas,
    found: Roadmap,
    x0: float,
    top: float,
    column_width: float,
    diagnostics: bool,
) -> float:
    count = max(1, len(found.columns))
    left = x0 + ROW_HEAD
    right = left + count * column_width

    # Column headers: "Week 2 · 10 h", the title, and a note when nothing is in the column.
    headers = []
    for column in found.columns:
        inner = column_width - 2 * PAD
        heading = f"{column.heading} \u00b7 {_hours(column.hours)}"
        lines = wrap(heading, inner, TEXT, bold=True, max_lines=2)
        title = wrap(column.title, inner, TEXT, max_lines=4)
        note = wrap(column.note, inner, SMALL, max_lines=1) if column.note else []
        headers.append((lines, title, note))
    header_height = max(
        (len(a) * TEXT * 1.25 + len(b) * LINE + len(c) * SMALL * 1.25 for a, b, c in headers),
        default=LINE,
    )
    header_height += 2 * PAD + 2
    canvas.rect(x0, top, right - x0, header_height, HEADER_FILL, behind=True)
    corner = wrap(f"{found.row_kind} \u2193 / {found.column_kind} \u2192", ROW_HEAD - 2 * PAD, TEXT)
    canvas.lines(x0 + PAD, top + PAD, corner, TEXT, bold=True, colour=MUTED)
    for index, (lines, title, note) in enumerate(headers):
        x = left + index * column_width + PAD
        y = canvas.lines(x, top + PAD, lines, TEXT, bold=True)
        y = canvas.lines(x, y + 2, title, TEXT) if title else y
        if note:
            canvas.lines(x, y, note, SMALL, colour=MUTED, italic=True)
    if not found.columns:
        canvas.text(
            left + PAD, top + PAD + TEXT, f"no {found.column_kind.lower()}s yet", TEXT, italic=True
        )

    y = top + header_height
    for row_index, row in enumerate(found.rows):
        y = _row(canvas, found, row_index, row, (x0, y, left), column_width, diagnostics)
    bottom = y
    for index in range(count + 1):
        x = left + index * column_width
        canvas.line(x, top, x, bottom, RULE)
    canvas.line(x0, top, right, top, RULE)
    canvas.line(x0, top + header_height, right, top + header_height, MUTED)
    canvas.line(x0, bottom, right, bottom, RULE)
    canvas.line(x0, top, x0, bottom, RULE)
    return bottom


def _row(
    canvas: Canvas,
    found: Roadmap,
    row_index: int,
    row: Row,
    place: tuple[float, float, float],
    column_width: float,
    diagnostics: bool,
) -> float:
    """One outcome's row; `place` is its left edge, its top and the left of its first column.
    Without diagnostics, an outcome no column addresses is not flagged."""
    x0, top, left = place
    box_width = column_width - 2 * SPACE
    head_lines = wrap(row.text, ROW_HEAD - 2 * PAD, TEXT, max_lines=6)
    status, status_colour = _status(row, diagnostics)
    head_height = 2 * PAD + 20 + len(head_lines) * LINE + (SMALL * 1.4 if status else 0)
    stacks = []
    for column in range(len(found.columns)):
        boxes = [(cell, _box_lines(cell, box_width)) for cell in found.cells_at(row_index, column)]
        stacks.append(boxes)
    stack_heights = [
        sum(_box_height(lines) for _, lines in boxes) + SPACE * max(0, len(boxes) - 1)
        for boxes in stacks
    ]
    height = max(head_height, max(stack_heights, default=0) + 2 * SPACE, 56.0)
    right = left + max(1, len(found.columns)) * column_width
    if row_index % 2:
        canvas.rect(x0, top, right - x0, height, STRIPE_FILL, behind=True)
    canvas.line(x0, top, right, top, RULE)

    # The outcome: its number and level, its text, and how far the columns take it.
    y = top + PAD
    canvas.text(x0 + PAD, y + 14, row.label, 13, bold=True, colour=GAP if row.id is None else INK)
    if row.id is not None:
        name = bloom_name(row.bloom)
        pill = text_width(name, 10.5, True) + 14
        pill_x = x0 + PAD + text_width(row.label, 13, True) + 8
        fill = PALETTE[row.bloom]
        canvas.rect(pill_x, y + 1, pill, 18, fill, "#000000", 9, stroke_opacity=0.25)
        canvas.text(
            pill_x + pill / 2,
            y + 14,
            name,
            10.5,
            bold=True,
            colour=text_colour(fill),
            anchor="middle",
        )
    y += 22
    colour = GAP if row.id is None else INK
    y = canvas.lines(x0 + PAD, y, head_lines, TEXT, colour=colour)
    if status:
        canvas.text(x0 + PAD, y + SMALL + 2, status, SMALL, colour=status_colour, italic=True)

    if diagnostics and row.id is not None and not row.addressed and found.columns:
        # A gap across the whole row, so it cannot be missed.
        span_left, span_width = left + SPACE, len(found.columns) * column_width - 2 * SPACE
        canvas.rect(
            span_left, top + SPACE, span_width, height - 2 * SPACE, "#fff5f5", GAP, 6, True, 2
        )
        # Wrapped to the box: a course of one week is too narrow for it on one line.
        banner = wrap(_UNADDRESSED[found.kind], span_width - 2 * PAD, TEXT, bold=True)
        first = top + height / 2 + 4.5 - (len(banner) - 1) * LINE / 2
        for index, line in enumerate(banner):
            canvas.text(
                span_left + span_width / 2,
                first + index * LINE,
                line,
                TEXT,
                bold=True,
                colour=GAP,
                anchor="middle",
            )
    for column, boxes in enumerate(stacks):
        x = left + column * column_width + SPACE
        y = top + SPACE
        for cell, lines in boxes:
            y = _box(canvas, cell, lines, x, y, box_width) + SPACE
    return top + height


_UNADDRESSED = {
    "course": "not served by any module outcome",
    "program": "not addressed by any course",
}


def _status(row: Row, diagnostics: bool) -> tuple[str, str]:
    if row.id is None:
        return "", MUTED
    if not row.addressed:
        return ("not addressed", GAP) if diagnostics else ("", MUTED)
    if (
        diagnostics
        and row.bloom is not None
        and row.reached is not None
        and _below(row.reached, row.bloom)
    ):
        return f"reaches {bloom_name(row.reached)} at most", GAP
    return f"highest level reached: {bloom_name(row.reached)}", MUTED


def _below(reached: Bloom, wanted: Bloom) -> bool:
    order = list(Bloom)
    return order.index(reached) < order.index(wanted)


def _box_lines(cell: Cell, box_width: float) -> list[str]:
    inner = box_width - 2 * PAD
    return wrap(cell.text, inner, TEXT, max_lines=6 if cell.label else 4)


def _box_height(lines: list[str]) -> float:
    return 2 * PAD + 16 + len(lines) * LINE


def _box(canvas: Canvas, cell: Cell, lines: list[str], x: float, top: float, width: float) -> float:
    """A rounded box in the cell's level colour: level name, marks, then its text."""
    height = _box_height(lines)
    fill = PALETTE[cell.bloom]
    ink = text_colour(fill)
    if cell.unaligned:
        canvas.rect(x, top, width, height, fill, GAP, 6, dashed=True, stroke_width=2)
    else:
        canvas.rect(x, top, width, height, fill, "#000000", 6, stroke_opacity=0.3)
    marks_width = len(cell.marks) * (2 * MARK_R + 3)
    heading = (
        f"{cell.label} \u00b7 {bloom_name(cell.bloom)}" if cell.label else bloom_name(cell.bloom)
    )
    heading = ellipsize(heading, width - 2 * PAD - marks_width, SMALL, bold=True)
    canvas.text(x + PAD, top + PAD + 11, heading, SMALL, bold=True, colour=ink)
    for index, letter in enumerate(reversed(cell.marks)):
        _mark(
            canvas, x + width - PAD + 2 - MARK_R - index * (2 * MARK_R + 3), top + PAD + 7, letter
        )
    canvas.lines(x + PAD, top + PAD + 16, lines, TEXT, colour=ink)
    return top + height


# ---- gaps --------------------------------------------------------------------------------


def _gaps(canvas: Canvas, found: Roadmap, x0: float, top: float, width: float) -> float:
    if not found.gaps or found.gaps_of("no outcomes"):
        return canvas.lines(x0, top, [_no_gaps(found)], TEXT, colour=MUTED, italic=True)
    y = canvas.lines(x0, top, ["Gaps"], 14, bold=True, colour=GAP) + 4
    messages = [gap.message for gap in found.gaps if gap.kind != "empty column"]
    empty = [gap for gap in found.gaps if gap.kind == "empty column"]
    if empty:
        numbers = [str(c.number) for c in found.columns if c.id in {gap.id for gap in empty}]
        kind = found.column_kind.lower()
        what = "addressing no outcome of this program" if kind == "course" else "without outcomes"
        messages.append(f"{found.column_kind}s {what}: {', '.join(numbers)}")
    for message in messages:
        lines = wrap(message, width - 18, TEXT)
        canvas.rect(x0, y + 4, 9, 9, "#ffffff", GAP, 2, stroke_width=1.5)
        y = canvas.lines(x0 + 18, y, lines, TEXT) + 3
    return y


def _no_gaps(found: Roadmap) -> str:
    if found.gaps_of("no outcomes"):  # nothing can be addressed or serve one: say only that
        return f"Nothing to check yet: the {found.kind} has no outcomes."
    if found.kind == "course":
        return "No gaps: every course outcome is served, every module outcome serves one."
    return "No gaps: every program outcome is addressed, every course outcome serves one."


def _hours(hours: float) -> str:
    return f"{format_hours(hours)} h"
