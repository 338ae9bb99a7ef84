"""Exporting a catalog as a live, print-ready Excel workbook.

The sheets, in order:

- Overview: one row per program (code, title, EQF level, courses, and hours, ECTS and
  weeks as formulas that follow the program's syllabus sheet).
- one syllabus sheet per program (see designer.excel.syllabus): courses with their hours,
  a Total, an ECTS and a weeks row as formulas, the program's outcomes, and every
  course's modules and items, whose hours and minutes the totals are formulas of.
- Outcomes: every outcome with its level, unit, text, Bloom level (a drop-down) and the
  outcomes it supports.
- one curriculum map per program ("Map ..."): I / R / M per outcome and course, gaps red.
- Stackability: the overlap of every pair of programs, when designer.sharing is there.
- _data (hidden): the catalog itself, for import (see designer.excel.datasheet).

Column H of Overview, the syllabus sheets and Outcomes holds each row's unit id
(hidden), so import can tell which unit a row shows even after rows were moved.
The workbook is written in openpyxl's write-only mode, each sheet streamed to its file
as its rows are generated (see designer.excel.cells), so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from designer import __version__
from designer.errors import CatalogError, Problem, why_not_written
from designer.excel.cells import Sheet, SheetWriter, cell_text
from designer.excel.curriculum_map import map_sheet
from designer.excel.datasheet import data_sheet
from designer.excel.layout import (
    FIRST_ROW,
    ProgramSheets,
    program_sheet_names,
    selected_catalog,
)
from designer.excel.stackability import (
    Shared,
    add_colour_scale,
    overlaps,
    stackability_sheet,
)
from designer.excel.supplement_sheet import supplement_sheet
from designer.excel.syllabus import (
    BLOOM_CHOICES,
    SyllabusLayout,
    outcome_rows,
    syllabus_sheet,
)
from designer.excel.tables import outcome_count, outcomes_sheet, overview_sheet
from designer.model import Catalog, Totals
from designer.progress import ProgressCallback
from designer.storage.save import atomic_file


def export_workbook(
    catalog: Catalog,
    path: str | Path,
    program_ids: Sequence[str] | None = None,
    progress: ProgressCallback | None = None,
) -> bool:
    """Write the programs (all, or those named by id, in that order) to an .xlsx file.

    The file is replaced only once the new one is complete; raises CatalogError when it
    cannot be written, and KeyError for an id that is not a program.

    progress, for a window that shows how far a long export is, is called with (sheets
    written, sheets in all): with 0 before the first sheet, after each sheet, and with
    the total once the workbook is complete, just before it replaces the file at path.
    When it returns False (None goes on, as True does: designer.progress) the export
    stops, deletes what it wrote and returns False, leaving path as it was. Returns True
    when the workbook was written.
    """
    path = Path(path)
    catalog = selected_catalog(catalog, program_ids)
    try:
        with atomic_file(path) as file:
            written = _write(catalog, str(file.temporary_path()), progress or _go_on)
            if not written:
                file.discard()
        return written
    except OSError as error:
        reason = why_not_written(path, error)
        raise CatalogError(path, [Problem("", f"cannot write the workbook: {reason}")]) from error


def _go_on(done: int, total: int) -> bool:
    """The progress of an export that nobody watches: it always goes on."""
    return True


def _write(catalog: Catalog, path: str, progress: ProgressCallback) -> bool:
    """Save the workbook to path; False as soon as progress says stop, whatever path holds."""
    built = _built(catalog, progress)
    if built is None:
        return False
    workbook, count = built
    try:
        workbook.save(path)
    except BaseException:
        _discard(workbook)
        raise
    return progress(count, count) is not False


def build_workbook(catalog: Catalog) -> Workbook:
    """The whole workbook of a catalog, ready to save (write-only: it can be saved once)."""
    built = _built(catalog, _go_on)
    assert built is not None  # only progress can stop it
    return built[0]


def _built(catalog: Catalog, progress: ProgressCallback) -> tuple[Workbook, int] | None:
    """The workbook, every sheet written, and how many sheets; None when progress said stop.

    Each sheet written waits in a temporary file of its own until the workbook is saved;
    stopped or failed, those are deleted here rather than at the end of the program (a
    cancelled export of a large catalog would leave hundreds of megabytes behind).
    """
    totals = Totals(catalog)
    workbook = Workbook(write_only=True)
    try:
        _properties(workbook, catalog)
        writer = SheetWriter(workbook)
        plan = _plan(catalog, totals)
        count = _sheet_count(catalog, plan)
        if progress(0, count) is False:
            _discard(workbook)
            return None
        for done, sheet in enumerate(_sheets(catalog, totals, plan), 1):
            writer.write(sheet)
            # The call with the total comes from _write, once the file is complete.
            if done < count and progress(done, count) is False:
                _discard(workbook)
                return None
        return workbook, count
    except BaseException:
        _discard(workbook)
        raise
    finally:
        totals.close()


def _discard(workbook: Workbook) -> None:
    """Delete the temporary files of the sheets written so far."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with suppress(OSError, ValueError):  # gone already, or not in openpyxl's list
                writer.cleanup()


def workbook_sheets(catalog: Catalog, totals: Totals) -> Iterator[Sheet]:
    """The sheets of the workbook, in order, each generating its rows when asked.

    The export writes them with their styles; anything else (a benchmark's bare writer)
    can take the same cells from them with designer.excel.cells.plain_rows.
    """
    yield from _sheets(catalog, totals, _plan(catalog, totals))


class _Plan(NamedTuple):
    """What is worked out before the first sheet: the overlaps, sheet names and layouts."""

    matrix: dict[tuple[str, str], Shared] | None
    names: dict[str, ProgramSheets]
    layouts: dict[str, SyllabusLayout]


def _plan(catalog: Catalog, totals: Totals) -> _Plan:
    # First, while little else is held: the computation takes far more than its figures.
    matrix = overlaps(catalog, totals) if len(catalog.programs) > 1 else None
    return _Plan(matrix, *_names_and_layouts(catalog))


def _names_and_layouts(
    catalog: Catalog,
) -> tuple[dict[str, ProgramSheets], dict[str, SyllabusLayout]]:
    names = program_sheet_names(catalog.programs)
    layouts = {p.id: SyllabusLayout.of(catalog, p) for p in catalog.programs}
    return names, layouts


def id_sheets(catalog: Catalog, totals: Totals) -> Iterator[Sheet]:
    """The sheets whose rows carry their unit's id in column H, as the export writes them:
    the Overview, each program's syllabus and the Outcomes (what an import reads)."""
    yield from _id_sheets(catalog, totals, *_names_and_layouts(catalog))


def _sheet_count(catalog: Catalog, plan: _Plan) -> int:
    """How many sheets _sheets yields, known before the first, for a progress bar."""
    programs = len(catalog.programs)
    # Overview, Outcomes and _data; a syllabus and a map per program; Stackability and
    # Supplement when there is something to show.
    return 3 + 2 * programs + (plan.matrix is not None) + (programs > 0)


def _sheets(catalog: Catalog, totals: Totals, plan: _Plan) -> Iterator[Sheet]:
    programs = catalog.programs
    matrix, names, layouts = plan
    yield from _id_sheets(catalog, totals, names, layouts)
    for program in programs:
        yield map_sheet(catalog, program, names[program.id].curriculum_map)
    if matrix is not None:
        sheet = stackability_sheet(catalog, matrix)
        yield sheet._replace(finish=lambda ws: add_colour_scale(ws, len(programs)))
    if programs:
        yield supplement_sheet(catalog, totals)
    yield data_sheet(catalog)


def _id_sheets(
    catalog: Catalog,
    totals: Totals,
    names: dict[str, ProgramSheets],
    layouts: dict[str, SyllabusLayout],
) -> Iterator[Sheet]:
    yield overview_sheet(catalog, totals, names, layouts)
    for program in catalog.programs:
        layout = layouts[program.id]
        sheet = syllabus_sheet(catalog, totals, program, names[program.id].syllabus, layout)
        rows = outcome_rows(layout, program)
        if rows:
            choice = _bloom_choice(f"C{rows[0]}:C{rows[1]}")
            sheet = sheet._replace(finish=_both(sheet.finish, choice))
        yield sheet
    sheet = outcomes_sheet(catalog)
    count = outcome_count(catalog)
    if count:
        sheet = sheet._replace(finish=_bloom_choice(f"C{FIRST_ROW}:C{FIRST_ROW + count - 1}"))
    yield sheet


def _both(
    first: Callable[[Any], None] | None, then: Callable[[Any], None]
) -> Callable[[Any], None]:
    """A sheet's finish that does what it did, then more."""
    if first is None:
        return then

    def finish(ws: Any) -> None:
        first(ws)
        then(ws)

    return finish


def _bloom_choice(cells: str) -> Callable[[Any], None]:
    """Adds a drop-down of the Bloom levels to these cells of a worksheet."""

    def add(ws: Any) -> None:
        choice = DataValidation(
            type="list",
            formula1=f'"{BLOOM_CHOICES}"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Bloom level",
            error="Choose a level of the revised Bloom taxonomy from the list.",
        )
        choice.add(cells)
        ws.data_validations.append(choice)

    return add


def _properties(workbook: Workbook, catalog: Catalog) -> None:
    titles = [cell_text(p.title) or p.id for p in catalog.programs]
    properties = workbook.properties
    if len(titles) == 1:
        properties.title = titles[0]
    else:
        properties.title = f"Curricula of {len(titles)} programs"
    properties.subject = "; ".join(titles)[:255]
    authors = sorted({cell_text(p.issuer_name or p.awarding_body) for p in catalog.programs})
    authors = [a for a in authors if a]
    properties.creator = ", ".join(authors) or "Curriculum Designer"
    properties.description = f"Exported by Curriculum Designer {__version__}"
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    properties.created = now
    properties.modified = now
