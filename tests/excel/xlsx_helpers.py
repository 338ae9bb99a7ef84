"""Building workbooks for the Excel tests: the report's tables, saved formula results."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lo_calc import ABSENT, NO_UNO, SOFFICE, UNO_PYTHON
from lo_edit import edited_in_calc
from project import SAMPLE
from report import TABLES, TITLES

from designer.errors import CatalogError
from designer.excel import export_workbook, import_workbook
from designer.storage import load

# The curriculum tables of the accreditation report: (sheet, program title, rows).
REPORT = [
    (sheet, TITLES[key], TABLES[key])
    for sheet, key in (
        ("Full Stack", "full-stack"),
        ("Back-End", "back-end"),
        ("Front-End", "front-end"),
        ("PR", "pr-communications"),
    )
]


def report_sheet(
    sheet: Any,
    title: str | None,
    rows: Sequence[tuple[str, Any]],
    header: Sequence[str] = ("No.", "Module", "Learning Hours"),
    total: bool = True,
) -> None:
    """A table as the report prints it: a title, a header, numbered rows, a Total row."""
    if title is not None:
        sheet.append([title])
        sheet.append([])
    sheet.append(list(header))
    first = sheet.max_row + 1
    for number, (course, hours) in enumerate(rows, 1):
        sheet.append([number, course, hours])
    if total:
        sheet.append([None, "Total", f"=SUM(C{first}:C{sheet.max_row})"])
        sheet.append([None, "ECTS", f"=ROUNDDOWN(C{sheet.max_row}/25,0)"])
        sheet.append([])
        sheet.append(["Source: FIBAA accreditation report, 2025. Hours are learning hours."])


def report_workbook(path: Path, tables: Sequence[tuple[str, str, Sequence[Any]]] = REPORT) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, title, rows in tables:
        report_sheet(book.create_sheet(name), title, rows)
    book.save(path)
    return path


def save_results(path: Path, sheet_number: int, results: dict[str, Any]) -> None:
    """Give formula cells a saved result, as Excel or LibreOffice store one (openpyxl
    writes formulas without). sheet_number counts from 1 in the workbook's order."""
    name = f"xl/worksheets/sheet{sheet_number}.xml"
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = parts[name].decode()
    for ref, value in results.items():
        pattern = rf'(<c r="{ref}"[^>]*>)<f>(.*?)</f>(?:<v\s*/>|<v>[^<]*</v>)'
        xml, count = re.subn(pattern, rf"\1<f>\2</f><v>{value}</v>", xml)
        assert count == 1, f"no formula at {ref} in {name}"
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)


def cell_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's cells as stored (formulas as their text), for comparing exports."""
    book = openpyxl.load_workbook(path)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}
    finally:
        book.close()


def edit(path: Path, changes: Sequence[tuple[str, str, Any]]) -> None:
    """Set cells of a saved workbook, (sheet, cell, value) each, as someone typing in Excel."""
    book = openpyxl.load_workbook(path)
    for sheet, cell, value in changes:
        book[sheet][cell] = value
    book.save(path)


def problems_of(path: Path) -> list[str]:
    """What importing the workbook refuses, each problem as the designer reads it."""
    with pytest.raises(CatalogError) as caught:
        import_workbook(path)
    assert caught.value.path == path
    return [str(p) for p in caught.value.problems]


def sample_edited_in_calc(folder: Path, edits: dict[str, list[Any]]) -> dict[str, Path]:
    """The sample's workbook with each list of edits made to a copy of it in LibreOffice
    Calc (lo_edit), the copies by name; skips the test where Calc or its Python bridge
    is missing."""
    if SOFFICE is None:
        pytest.skip(ABSENT)
    if UNO_PYTHON is None:
        pytest.skip(NO_UNO)
    source = folder / "sample.xlsx"
    export_workbook(load(SAMPLE), source)
    jobs = [(source, folder / f"{name}.xlsx", each) for name, each in edits.items()]
    edited_in_calc(jobs, folder)
    return {name: folder / f"{name}.xlsx" for name in edits}
