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

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from designer import __version__
from designer.errors import CatalogError, Problem
from designer.excel.cells import Sheet, SheetWriter, cell_text
from designer.excel.curriculum_map import map_sheet
from designer.excel.datasheet import data_sheet
from designer.excel.layout import (
    FIRST_ROW,
    program_sheet_names,
    selected_catalog,
)
from designer.excel.stackability import add_colour_scale, overlaps, stackability_sheet
from designer.excel.supplement_sheet import supplement_sheet
from designer.excel.syllabus import (
    BLOOM_CHOICES,
    SyllabusLayout,
    outcome_rows,
    syllabus_sheet,
)
from designer.excel.tables import outcome_count, outcomes_sheet, overview_sheet
from designer.model import Catalog, Totals


def export_workbook(
    catalog: Catalog, path: str | Path, program_ids: Sequence[str] | None = None
) -> None:
    """Write the programs (all, or those named by id, in that order) to an .xlsx file.

    The file is replaced only once the new one is complete; raises CatalogError when it
    cannot be written, and KeyError for an id that is not a program.
    """
    path = Path(path)
    catalog = selected_catalog(catalog, program_ids)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        reason = error.strerror or str(error)
        raise CatalogError(path, [Problem("", f"cannot write the workbook: {reason}")]) from error
    os.close(handle)
    try:
        build_workbook(catalog).save(temporary)
        os.chmod(temporary, _new_file_mode())  # mkstemp made it private to us
        os.replace(temporary, path)
    except OSError as error:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        reason = error.strerror or str(error)
        raise CatalogError(path, [Problem("", f"cannot write the workbook: {reason}")]) from error
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def build_workbook(catalog: Catalog) -> Workbook:
    """The whole workbook of a catalog, ready to save (write-only: it can be saved once)."""
    totals = Totals(catalog)
    try:
        return _build(catalog, totals)
    finally:
        totals.close()


def _build(catalog: Catalog, totals: Totals) -> Workbook:
    workbook = Workbook(write_only=True)
    _properties(workbook, catalog)
    writer = SheetWriter(workbook)
    for sheet in workbook_sheets(catalog, totals):
        writer.write(sheet)
    return workbook


def workbook_sheets(catalog: Catalog, totals: Totals) -> Iterator[Sheet]:
    """The sheets of the workbook, in order, each generating its rows when asked.

    The export writes them with their styles; anything else (a benchmark's bare writer)
    can take the same cells from them with designer.excel.cells.plain_rows.
    """
    programs = catalog.programs
    # First, while little else is held: the computation takes far more than its figures.
    matrix = overlaps(catalog, totals) if len(programs) > 1 else None
    names = program_sheet_names(programs)
    layouts = {p.id: SyllabusLayout.of(catalog, p) for p in programs}

    yield overview_sheet(catalog, totals, names, layouts)
    for program in programs:
        layout = layouts[program.id]
        sheet = syllabus_sheet(catalog, totals, program, names[program.id].syllabus, layout)
        rows = outcome_rows(layout, program)
        if rows:
            sheet = sheet._replace(finish=_bloom_choice(f"C{rows[0]}:C{rows[1]}"))
        yield sheet
    sheet = outcomes_sheet(catalog)
    count = outcome_count(catalog)
    if count:
        sheet = sheet._replace(finish=_bloom_choice(f"C{FIRST_ROW}:C{FIRST_ROW + count - 1}"))
    yield sheet
    for program in programs:
        yield map_sheet(catalog, program, names[program.id].curriculum_map)
    if matrix is not None:
        sheet = stackability_sheet(catalog, matrix)
        yield sheet._replace(finish=lambda ws: add_colour_scale(ws, len(programs)))
    if programs:
        yield supplement_sheet(catalog, totals)
    yield data_sheet(catalog)


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
