"""Edit workbooks in LibreOffice Calc as a person does, and save them (tests only).

`edited_in_calc` (called from the tests, in the project's Python) runs this file with a
Python that has LibreOffice's `uno` module (lo_calc.UNO_PYTHON), which does, for each
workbook, its edits in order:

- ("copy_row", sheet, row, to): insert an empty row at `to` and paste row `row` (as it
  was before the insertion, columns A to H, the hidden id too) into it;
- ("sort", sheet, cells, column): sort the cells ("A5:C16") by a column, 0-based within
  them, ascending, without a header row, as Data > Sort does;
- ("type", sheet, cell, text): type text into a cell ("=15+5" is a formula, "20" a number);
- ("insert_rows", sheet, row, count) and ("delete_rows", sheet, row, count): insert empty
  rows at `row`, or delete rows from it, as Sheet > Insert Rows and Delete Rows do;
- ("insert_columns", sheet, column, count): insert empty columns at `column` (0-based).

Then LibreOffice recalculates every formula and saves the workbook as .xlsx with its
results. One LibreOffice, headless, with a user profile of its own and reached through
a named pipe, does every workbook of a call: each start takes seconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

Edit = tuple[str, str, str | int, str | int]


def edited_in_calc(jobs: list[tuple[Path, Path, list[Edit]]], folder: Path) -> None:
    """Make each workbook's edits (source, out, edits) in LibreOffice Calc, saving out."""
    from lo_calc import NO_UNO, UNO_PYTHON

    assert UNO_PYTHON is not None, NO_UNO
    plan = folder / "edits.json"
    plan.write_text(json.dumps([[str(source), str(out), edits] for source, out, edits in jobs]))
    command = [UNO_PYTHON, __file__, str(plan), str(folder / "calc-profile")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    missing = [out for _, out, _ in jobs if not out.exists()]
    if result.returncode != 0 or missing:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")


def _property(name, value):
    from com.sun.star.beans import PropertyValue

    found = PropertyValue()
    found.Name, found.Value = name, value
    return found


def _connect(uno, pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # not listening yet
            time.sleep(0.25)
    raise RuntimeError("LibreOffice did not start")


def _edit(uno, document, edit):
    what, sheet_name, first, second = edit
    sheet = document.Sheets.getByName(sheet_name)
    if what == "copy_row":
        row, to = first - 1, second - 1  # 0-based
        sheet.Rows.insertByIndex(to, 1)
        if row >= to:
            row += 1
        source = sheet.getCellRangeByPosition(0, row, 7, row).getRangeAddress()
        sheet.copyRange(sheet.getCellByPosition(0, to).getCellAddress(), source)
    elif what == "sort":
        target = sheet.getCellRangeByName(first)
        field = uno.createUnoStruct("com.sun.star.table.TableSortField")
        field.Field, field.IsAscending = second, True
        descriptor = target.createSortDescriptor()
        for entry in descriptor:
            if entry.Name == "SortFields":
                entry.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif entry.Name == "ContainsHeader":
                entry.Value = False
        target.sort(descriptor)
    elif what == "type":
        sheet.getCellRangeByName(first).setFormula(second)
    elif what == "insert_rows":
        sheet.Rows.insertByIndex(first - 1, second)
    elif what == "delete_rows":
        sheet.Rows.removeByIndex(first - 1, second)
    elif what == "insert_columns":
        sheet.Columns.insertByIndex(first, second)
    else:
        raise ValueError(f"no such edit: {what}")


def main(plan, profile):
    import uno

    jobs = json.loads(Path(plan).read_text())
    pipe = f"curriculum-designer-edit-{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={Path(profile).resolve().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        context = _connect(uno, pipe)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        for source, out, edits in jobs:
            url = uno.systemPathToFileUrl(str(Path(source).resolve()))
            document = desktop.loadComponentFromURL(url, "_blank", 0, (_property("Hidden", True),))
            for edit in edits:
                _edit(uno, document, edit)
            document.calculateAll()
            filter_ = _property("FilterName", "Calc MS Excel 2007 XML")
            document.storeToURL(uno.systemPathToFileUrl(str(Path(out).resolve())), (filter_,))
            document.close(True)
    finally:
        if desktop is not None:
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
                desktop.terminate()
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
