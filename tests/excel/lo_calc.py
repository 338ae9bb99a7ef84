"""LibreOffice as the spreadsheet engine that checks our workbooks (tests only).

How it is called (LibreOffice 7.2 or later, where the 12th CSV option exists; used with
7.4), every workbook of a test in one call, since each start of LibreOffice is slow:

    soffice -env:UserInstallation=file:///<tmp>/profile --headless --convert-to \\
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \\
      --outdir <tmp>/out a.xlsx b.xlsx ...

The filter options: comma-separated, '"' quoted, UTF-8 (76), from line 1; the 9th,
"false", writes cell values rather than their formatted text ('422', not '422 h');
the 12th, -1, writes every sheet to its own file, <out>/<name>-<sheet>.csv, and says so
on standard output ("Writing sheet S -> F"), which is how the files are matched to
sheets. Each call gets a fresh user profile, so parallel runs do not clash, and that
profile tells LibreOffice to recalculate every formula on load (OOXMLRecalcMode 0):
what the tests read is LibreOffice's own arithmetic even if a file carries saved results.

Edits as a person makes them in Calc (sorting rows) go through LibreOffice's UNO API
(lo_edit.py), run by a Python that has the `uno` module (UNO_PYTHON), not this one.

`python tests/excel/lo_calc.py OUT.png` renders the Full Stack syllabus sheet of the
sample (export, hide the other sheets, PDF, first page to PNG with pdftoppm).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
ABSENT = "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
NO_UNO = "no Python with LibreOffice's uno module: apt-get install python3-uno"


def _uno_python() -> str | None:
    for python in ("/usr/bin/python3", "/usr/lib/libreoffice/program/python"):
        if Path(python).exists():
            found = subprocess.run([python, "-c", "import uno"], capture_output=True)
            if found.returncode == 0:
                return python
    return None


UNO_PYTHON = _uno_python() if SOFFICE else None

_RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""

Sheets = dict[str, list[list[str]]]


def _soffice(folder: Path, arguments: list[str]) -> str:
    assert SOFFICE is not None, ABSENT
    profile = folder / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(_RECALCULATE)
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def calculated(workbooks: list[Path], folder: Path) -> dict[Path, Sheets]:
    """Every sheet of every workbook as LibreOffice computes it: rows of cell texts."""
    out = folder / "csv"
    stdout = _soffice(
        folder, ["--convert-to", CSV_FILTER, "--outdir", str(out), *map(str, workbooks)]
    )
    found: dict[Path, Sheets] = {}
    current: Path | None = None
    by_name = {path.resolve(): path for path in workbooks}
    for line in stdout.splitlines():
        started = re.match(r"convert (.+?) (?:->|as a|using filter)", line)
        if started:
            current = by_name.get(Path(started.group(1)).resolve())
            continue
        sheet = re.match(r"Writing sheet (.+) -> (.+\.csv)$", line.strip())
        if sheet and current is not None:
            with open(sheet.group(2), newline="", encoding="utf-8") as file:
                found.setdefault(current, {})[sheet.group(1)] = list(csv.reader(file))
    missing = [path for path in workbooks if path not in found]
    assert not missing, f"LibreOffice wrote no sheets for {missing}:\n{stdout}"
    return found


def resaved(workbook: Path, folder: Path) -> Path:
    """The workbook as LibreOffice saves it again as .xlsx (with its computed results)."""
    out = folder / "resaved"
    _soffice(
        folder, ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(workbook)]
    )
    return out / workbook.name


def sorted_rows(workbook: Path, sorts: list[tuple[str, str, int]], folder: Path) -> Path:
    """The workbook with rows sorted in LibreOffice Calc (sheet, range of whole rows, column
    to sort by, 0-based within the range), recalculated and saved as .xlsx by LibreOffice."""
    from lo_edit import edited_in_calc

    out = folder / f"{workbook.stem}-sorted.xlsx"
    edits = [("sort", sheet, cells, column) for sheet, cells, column in sorts]
    edited_in_calc([(workbook, out, edits)], folder)
    return out


def to_pdf(workbook: Path, folder: Path) -> Path:
    out = folder / "pdf"
    _soffice(folder, ["--convert-to", "pdf", "--outdir", str(out), str(workbook)])
    return out / f"{workbook.stem}.pdf"


def _sheet_alone(workbook: Path, sheet: str, out: Path) -> Path:
    """A copy of the workbook that prints one sheet: the other sheets hidden."""
    import openpyxl

    book = openpyxl.load_workbook(workbook)
    book.active = book.sheetnames.index(sheet)
    for each in book.worksheets:
        each.sheet_state = "visible" if each.title == sheet else "hidden"
    book.save(out)
    book.close()
    return out


def printed_pages(workbook: Path, sheet: str, folder: Path) -> list[str]:
    """The text of each page LibreOffice prints of one sheet (pdftotext, as laid out)."""
    alone = _sheet_alone(workbook, sheet, folder / f"{workbook.stem}-alone.xlsx")
    pdf = to_pdf(alone, folder)
    command = ["pdftotext", "-layout", str(pdf), "-"]
    pages = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return pages.split("\f")[:-1]  # each page ends with a form feed


def render_sheet(workbook: Path, sheet: str, png: Path) -> None:
    """The first printed page of one sheet as a PNG: the other sheets hidden, then PDF."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        pdf = to_pdf(_sheet_alone(workbook, sheet, folder / "only.xlsx"), folder)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(folder / "page"),
            ],
            check=True,
        )
        shutil.copyfile(folder / "page.png", png)


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root))
    from designer.excel import export_workbook
    from designer.storage import load

    target = Path(argv[0]) if argv else root / "docs" / "excel-full-stack.png"
    with tempfile.TemporaryDirectory() as temporary:
        workbook = Path(temporary) / "sample.xlsx"
        export_workbook(load(root / "samples" / "microsoft-certificates.curriculum.json"), workbook)
        render_sheet(workbook, "Full Stack Developer", target)
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
