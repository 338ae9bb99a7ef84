"""The plain ways of writing the Excel export's cells, for the benchmark to measure against.

"The same cells" come from the export itself: designer.excel.export.workbook_sheets gives
the workbook's sheets, each generating its rows, and designer.excel.cells.plain_rows gives
a sheet's rows as plain values (text, numbers, formulas as their "=..." text, None for an
empty cell), without styles, widths, heights, frozen panes, drop-downs or print setup.
The baselines write exactly those values: bare openpyxl in write-only mode and, for
reference, xlsxwriter's constant_memory mode.

Memory is measured in a child process (python -c ...) that generates the catalog, imports
the writers, collects the garbage, takes its resident set size (RSS) as the base, resets
the RSS high-water mark (Linux: /proc/self/clear_refs) and writes the workbook: the
high-water mark minus the base is what writing took at its peak.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from designer.model import Catalog, Totals

Value = str | float | int | None
PlainSheet = tuple[str, list[tuple[Value, ...]]]
HERE = Path(__file__).resolve().parent


def _sheets(catalog: Catalog) -> Iterator[tuple[str, Iterator[list[Value]]]]:
    """Each sheet's title and its rows of plain values, generated as they are written."""
    from designer.excel.cells import plain_rows
    from designer.excel.export import workbook_sheets

    totals = Totals(catalog)
    try:
        for sheet in workbook_sheets(catalog, totals):
            yield sheet.title, plain_rows(sheet)
    finally:
        totals.close()


def plain_sheets(catalog: Catalog) -> list[PlainSheet]:
    """Every sheet of the export with its rows of plain values, built once, held in memory."""
    return [(title, [tuple(row) for row in rows]) for title, rows in _sheets(catalog)]


def cell_count(sheets: list[PlainSheet]) -> int:
    return sum(value is not None for _, rows in sheets for row in rows for value in row)


def write_openpyxl(sheets: Iterable[tuple[str, Iterable[Iterable[Value]]]], path: Path) -> None:
    """Bare openpyxl, write-only: the values appended row by row, nothing else."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        ws = workbook.create_sheet(title)
        for row in rows:
            ws.append(row)  # type: ignore[arg-type]
    workbook.save(path)


def write_xlsxwriter(sheets: Iterable[tuple[str, Iterable[Iterable[Value]]]], path: Path) -> None:
    """xlsxwriter in constant_memory mode (rows streamed to disk as they are written)."""
    import xlsxwriter  # type: ignore[import-untyped, import-not-found]

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_urls": False})
    for title, rows in sheets:
        ws = workbook.add_worksheet(title)
        for number, row in enumerate(rows):
            ws.write_row(number, 0, row)  # text, numbers and "=..." formulas; None is no cell
    workbook.close()


def xlsxwriter_installed() -> bool:
    try:
        import xlsxwriter  # type: ignore[import-untyped, import-not-found]  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class Check:
    sheets: int  # sheets read back
    of: int  # sheets in the workbook
    cells: int
    differ: list[str]  # where a read-back value is not the plain value, e.g. "Overview!B5"


def check_cells(path: Path, sheets: list[PlainSheet], budget: int = 150_000) -> Check:
    """Read sheets of the exported file back (openpyxl, read-only) and compare their values
    with the plain values: sheets in order while they fit in `budget` cells, and always the
    _data sheet (the catalog itself)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    chosen: list[PlainSheet] = []
    left = budget
    for title, rows in sheets:
        cells = sum(value is not None for row in rows for value in row)
        if cells <= left or title == "_data":
            chosen.append((title, rows))
            left -= cells
    workbook = load_workbook(path, read_only=True)
    try:
        if workbook.sheetnames != [title for title, _ in sheets]:
            return Check(0, len(sheets), 0, ["the sheet names"])
        differ: list[str] = []
        cells = 0
        for title, rows in chosen:
            found = [_trim(row) for row in workbook[title].iter_rows(values_only=True)]
            wanted = [_trim(row) for row in rows]
            while found and not found[-1]:
                found.pop()
            while wanted and not wanted[-1]:
                wanted.pop()
            cells += sum(value is not None for row in wanted for value in row)
            for number in range(max(len(found), len(wanted))):
                got = found[number] if number < len(found) else ()
                want = wanted[number] if number < len(wanted) else ()
                if got != want:
                    column = next(
                        (
                            n
                            for n in range(max(len(got), len(want)))
                            if (got[n] if n < len(got) else None)
                            != (want[n] if n < len(want) else None)
                        ),
                        0,
                    )
                    differ.append(f"{title}!{get_column_letter(column + 1)}{number + 1}")
        return Check(len(chosen), len(sheets), cells, differ)
    finally:
        workbook.close()


def _trim(row: Iterable[Any]) -> tuple[Any, ...]:
    """A row as it reads back: no trailing empty cells, empty text as none, and numbers as
    a file holds them (16 significant digits, as openpyxl and the export write them)."""
    values = [
        None if value == "" else float(f"{value:.16g}") if isinstance(value, float) else value
        for value in row
    ]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


# ---- memory, in a child process -------------------------------------------------------------


def _status(key: str) -> float | None:
    """A figure of /proc/self/status in MB (VmRSS, VmHWM), or None where there is none."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _reset_high_water() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # resets the peak RSS (VmHWM) to the current RSS
    except OSError:
        return False
    return True


def memory_child(writer: str, programs: int, courses: int, seed: int) -> None:
    """Run in the child: generate the catalog, then write it one way; print JSON figures."""
    import resource

    from generate import generate

    catalog, planted = generate(programs, courses, seed)
    del planted
    gc.collect()
    loaded = _status("VmRSS")
    # The writers are imported before the base is taken: a fixed cost, reported apart.
    import openpyxl  # noqa: F401

    from designer.excel.export import export_workbook

    if writer == "xlsxwriter":
        import xlsxwriter  # type: ignore[import-untyped, import-not-found]  # noqa: F401
    gc.collect()
    base = _status("VmRSS")
    imports = base - loaded if base is not None and loaded is not None else 0.0
    exact = base is not None and _reset_high_water() and _status("VmHWM") is not None
    if not exact:  # no /proc: ru_maxrss, which may still hold the generator's peak
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    handle, name = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    path = Path(name)
    started = time.perf_counter()
    try:
        if writer == "ours":
            export_workbook(catalog, path)
        elif writer == "openpyxl":
            write_openpyxl(_sheets(catalog), path)
        else:
            write_xlsxwriter(_sheets(catalog), path)
        seconds = time.perf_counter() - started
        peak = _status("VmHWM") if exact else None
        if peak is None:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size = path.stat().st_size
    finally:
        path.unlink(missing_ok=True)
    assert base is not None
    print(
        json.dumps(
            {
                "base": base,
                "imports": imports,
                "peak": peak,
                "growth": peak - base,
                "exact": exact,
                "seconds": seconds,
                "bytes": size,
            }
        )
    )


@dataclass
class Memory:
    base: float  # MB of RSS with the catalog loaded and the writers imported
    imports: float  # MB the writers' modules took (openpyxl, lxml, designer.excel), before base
    peak: float  # MB, the RSS high-water mark while writing
    growth: float  # peak - base
    exact: bool  # False: ru_maxrss, which cannot be reset (may understate the growth)
    seconds: float
    bytes: int


def measure_memory(writer: str, programs: int, courses: int, seed: int) -> Memory:
    """Peak RSS growth of writing the generated catalog one way, in a fresh process."""
    code = (
        "import sys; "
        f"sys.path[:0] = [{str(HERE.parent)!r}, {str(HERE)!r}]; "
        "import excel_baseline; "
        f"excel_baseline.memory_child({writer!r}, {programs}, {courses}, {seed})"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=HERE
    )
    if done.returncode != 0:
        raise RuntimeError(f"the {writer} child failed: {done.stderr.strip()[-500:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    return Memory(**figures)
