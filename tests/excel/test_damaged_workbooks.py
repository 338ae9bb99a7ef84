"""Workbooks damaged at random: each imports, or is refused with every problem placed; no crash.

Our own export is damaged as a reader might damage it in Excel: any cell of any sheet (the
hidden data sheet too) set to text, a number, a date, a truth value or nothing, rows
inserted or deleted, a sheet renamed or removed. A plain workbook, read as tables of
courses and hours, gets random headers and cells. Either way the import gives a catalog
that saves and opens again, or refuses with a CatalogError whose every problem says
where (a sheet, and a cell or row) and what.
"""

import datetime
import gc
import shutil

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter
from project import SAMPLE

from designer.errors import CatalogError
from designer.excel import export_workbook, import_workbook
from designer.storage import dumps, load, loads

# What a cell can hold: no control characters, which neither Excel nor openpyxl writes.
texts = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12)
cell_values = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.dates(datetime.date(1990, 1, 1), datetime.date(2040, 1, 1))
    | st.sampled_from(["", " ", "tbd", "30 h", "=1/0", "=SUM(C5:C9)", "Apply", "video", "x"])
    | texts
)

HEADERS = [
    "No.",
    "Course",
    "Module",
    "Item",
    "Learning Hours",
    "Hours",
    "ECTS",
    "Minutes",
    "Outcome",
    "Bloom level",
    "Workload",
    "Notes",
    "",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "sample.xlsx"
    export_workbook(load(SAMPLE), path)
    return path


class Damage(list):
    """What was done to a workbook, shown instead of the workbook when a test fails."""

    def __repr__(self) -> str:
        return "; ".join(self) or "nothing"


@st.composite
def damage(draw):
    """Edits to make to a workbook: (what, sheet index, row, column, value)."""
    edits = []
    for _ in range(draw(st.integers(1, 4))):
        what = draw(st.sampled_from(["cell"] * 6 + ["insert row", "delete row", "rename", "drop"]))
        edits.append(
            (
                what,
                draw(st.integers(0, 20)),
                draw(st.integers(1, 60)),
                draw(st.integers(1, 9)),
                draw(cell_values) if what == "cell" else draw(texts.filter(str.strip)),
            )
        )
    return edits


def damaged_copy(source, folder, edits):
    path = folder / "damaged.xlsx"
    shutil.copyfile(source, path)
    book = openpyxl.load_workbook(path)
    done = Damage()
    for what, index, row, column, value in edits:
        sheet = book.worksheets[index % len(book.worksheets)]
        where = f"{sheet.title!r}"
        if what == "cell":
            sheet.cell(row, column).value = value
            done.append(f"{where}!{get_column_letter(column)}{row} = {value!r}")
        elif what == "insert row":
            sheet.insert_rows(row)
            done.append(f"{where}: row {row} inserted")
        elif what == "delete row":
            sheet.delete_rows(row)
            done.append(f"{where}: row {row} deleted")
        elif what == "rename" and value not in book.sheetnames:
            try:
                sheet.title = value
            except ValueError:  # a name Excel does not allow
                continue
            done.append(f"{where} renamed {value!r}")
        elif what == "drop" and len(book.worksheets) > 1:
            book.remove(sheet)
            done.append(f"{where} removed")
    book.save(path)
    return path, done


def check(path):
    # Loading a catalog freezes whatever exists then (designer.bulk), garbage too: the
    # window collects it when it takes the next document (keep_out_of_sweeps). Here the
    # workbooks of earlier examples would stay in memory to the end of the run.
    gc.unfreeze()
    gc.collect()
    try:
        catalog = import_workbook(path)
    except CatalogError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.message.strip(), problem
            assert problem.location.startswith("Sheet '") or problem.location == "", problem
            assert problem.location or "workbook" in problem.message.lower(), problem
        return
    saved = dumps(catalog)
    assert dumps(loads(saved)) == saved


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=damage())
def test_our_export_damaged_imports_or_is_refused_with_placed_problems(exported, tmp_path, edits):
    path, done = damaged_copy(exported, tmp_path, edits)
    print(done)  # what was done, in the failure's output
    check(path)


# Headers the import knows, the way plain workbooks lay out a program.
LAYOUTS = [
    ["No.", "Course", "Learning Hours"],
    ["Course", "Module", "Hours", "ECTS"],
    ["Course", "Module", "Item", "Minutes", "Outcome", "Bloom level"],
]
TITLES = st.sampled_from(["Course A", "Course B", "Week 1", "Week 2", "Video", "Quiz", "Total"])


def column_values(name):
    """What a column of this name mostly holds, and now and then anything at all."""
    if name in ("Learning Hours", "Hours", "Workload", "ECTS", "Minutes"):
        usual = st.integers(0, 60) | st.floats(0, 60, width=32)
    elif name == "No.":
        usual = st.integers(1, 12)
    elif name == "Bloom level":
        usual = st.sampled_from(["Apply", "Create", "remember"])
    else:
        usual = TITLES
    return st.one_of(usual, usual, usual, cell_values)


@st.composite
def plain_workbooks(draw):
    """Sheets of a header row and rows under it, mostly of the values a column holds."""
    sheets = []
    for _ in range(draw(st.integers(1, 3))):
        header = draw(
            st.sampled_from(LAYOUTS) | st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6)
        )
        row = st.tuples(*map(column_values, header)).map(list)
        rows = draw(st.lists(row, max_size=12))
        title = draw(st.none() | texts)
        sheets.append((draw(texts.filter(str.strip)), title, header, rows))
    return sheets


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(sheets=plain_workbooks())
def test_a_plain_workbook_of_any_cells_imports_or_is_refused_with_placed_problems(tmp_path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, title, header, rows in sheets:
        try:
            sheet = book.create_sheet(name)
        except ValueError:  # a name Excel does not allow
            sheet = book.create_sheet()
        if title is not None:
            sheet.append([title])
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "plain.xlsx"
    book.save(path)
    check(path)
