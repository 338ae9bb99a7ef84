"""The exported workbook as openpyxl reads it back: sheets, formulas, text, finish."""

import errno
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from designer.errors import CatalogError
from designer.excel import export_workbook
from designer.excel.export import build_workbook
from designer.excel.layout import ID_HEADER
from designer.excel.syllabus import credit_formula
from designer.model import Catalog, Course, Outcome, Program, Settings

SAMPLE_SHEETS = [
    "Overview",
    "Full Stack Developer",
    "Back-End Developer",
    "Front-End Developer",
    "Public Relations",
    "Outcomes",
    "Map Full Stack Developer",
    "Map Back-End Developer",
    "Map Front-End Developer",
    "Map Public Relations",
    "Stackability",
    "Supplement",
    "_data",
]


@pytest.fixture
def exported(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    book = openpyxl.load_workbook(path)
    yield book
    book.close()


def test_sample_workbook_has_overview_syllabi_outcomes_maps_stackability_and_data(exported):
    assert exported.sheetnames == SAMPLE_SHEETS
    assert exported["_data"].sheet_state == "hidden"
    visible = [s.title for s in exported.worksheets if s.sheet_state == "visible"]
    assert visible == SAMPLE_SHEETS[:-1]


def test_syllabus_lists_the_courses_in_program_order_with_their_hours(exported, sample):
    sheet = exported["Back-End Developer"]
    rows = list(sheet.iter_rows(min_row=4, max_row=12, max_col=3, values_only=True))
    assert rows[0] == ("No.", "Course", "Learning hours")
    program = sample.program("back-end")
    expected = [
        (n, c.title, c.hours)
        for n, c in enumerate(sample.courses_of(program), 1)
        if not c.module_ids
    ]
    literal = [r for r in rows[1:] if not str(r[2]).startswith("=")]
    assert literal == expected
    assert [r[1] for r in rows[1:]] == [c.title for c in sample.courses_of(program)]


def test_total_ects_and_weeks_are_formulas(exported):
    sheet = exported["Full Stack Developer"]
    assert [sheet[f"B{r}"].value for r in (17, 18, 19)] == [
        "Total",
        "ECTS credits",
        "Weeks at 10 h a week",
    ]
    assert sheet["C17"].value == "=SUM($C$5:$C$16)"
    assert sheet["C18"].value == "=ROUNDDOWN($C$17/25,0)"
    assert sheet["C19"].value == "=ROUNDUP(ROUND($C$17,2)/10,0)"
    overview = exported["Overview"]
    assert [overview.cell(5, c).value for c in range(5, 8)] == [
        "='Full Stack Developer'!$C$17",
        "='Full Stack Developer'!$C$18",
        "='Full Stack Developer'!$C$19",
    ]


@pytest.mark.parametrize(
    ("rounding", "per", "expected"),
    [
        ("down", 25, "=ROUNDDOWN(C9/25,0)"),
        ("nearest", 30, "=ROUND(C9/30,0)"),
        ("half", 27.5, "=ROUND(C9/27.5*2,0)/2"),
    ],
)
def test_credit_formula_follows_the_catalogs_rounding(rounding, per, expected):
    assert credit_formula("C9", per, rounding) == expected


def test_course_hours_sum_its_module_rows_and_module_hours_its_item_minutes(exported, sample):
    sheet = exported["Full Stack Developer"]
    assert sheet["B6"].value == "Introduction to Programming With C#"
    assert sheet["C6"].value == "=$C$30+$C$39+$C$47"
    assert sheet["B30"].value == sample.modules["csharp-w1"].title
    assert sheet["C30"].value == "=SUM($D$31:$D$38)/60"
    minutes = [sheet.cell(r, 4).value for r in range(31, 39)]
    assert minutes == [i.minutes for i in sample.modules["csharp-w1"].items]
    assert sheet["H30"].value == "csharp-w1"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    titles = ['=HYPERLINK("http://example.com","click")', "+1+1", "-2", "@SUM(A1)", "#N/A"]
    courses = [Course(id=f"c{n}", title=t, hours=10) for n, t in enumerate(titles)]
    program = Program(id="p", title="=1+1", code="-x", course_ids=[c.id for c in courses])
    path = tmp_path / "injection.xlsx"
    export_workbook(Catalog(Settings(), [program], courses), path)

    book = openpyxl.load_workbook(path)
    sheet = book[book.sheetnames[1]]
    cells = [sheet.cell(row, 2) for row in range(5, 5 + len(titles))]
    assert [c.value for c in cells] == titles
    assert {c.data_type for c in cells} == {"s"}
    assert all(c.quotePrefix for c in cells[:4])
    assert sheet["A1"].value == "=1+1" and sheet["A1"].data_type == "s"
    with zipfile.ZipFile(path) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if "worksheets" in n)
    assert b"HYPERLINK" in xml and b"<f>HYPERLINK" not in xml and b"<f>1+1" not in xml


def test_finish_headers_frozen_panes_widths_formats_print_setup_and_properties(exported):
    overview = exported["Overview"]
    assert overview.freeze_panes == "A5"
    assert overview.print_title_rows == "$4:$4"
    sheet = exported["Full Stack Developer"]
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert all(sheet.cell(4, c).font.b for c in (1, 2, 3))
    assert sheet["A1"].font.b and sheet["A1"].font.sz == 14
    assert sheet.column_dimensions["H"].hidden
    assert 35 <= sheet.column_dimensions["B"].width <= 70
    assert sheet["C5"].number_format == '0" h"'
    assert sheet["C18"].number_format == '0" ECTS"'
    assert sheet["D31"].number_format == '0" min"'
    assert sheet["B23"].alignment.wrap_text
    assert sheet.row_dimensions[23].height >= 30  # a two-line outcome
    properties = exported.properties
    assert properties.title == "Curricula of 4 programs"
    assert properties.creator == "Microsoft"
    assert properties.created is not None


def test_syllabus_pages_repeat_the_header_of_the_table_they_hold(exported, tmp_path):
    # Most of a syllabus sheet's rows are modules and items: printed, the pages after the
    # first repeat that table's header. Nothing is frozen: the rows above that header
    # would fill the screen.
    sheet = exported["Full Stack Developer"]
    assert [sheet.cell(28, c).value for c in range(1, 6)] == [
        "No.",
        "Module / item",
        "Hours",
        "Minutes",
        "Type",
    ]
    assert sheet.print_title_rows == "$28:$28"
    assert sheet.freeze_panes is None
    assert sheet["H4"].value == ID_HEADER  # the header row import reads stays row 4
    # Without modules, the pages hold the course table: its header is repeated.
    courses = [Course(id=f"c{n}", title=f"Course {n}", hours=10) for n in range(80)]
    program = Program(id="p", title="Bare", course_ids=[c.id for c in courses])
    path = tmp_path / "bare.xlsx"
    export_workbook(Catalog(Settings(), [program], courses), path)
    book = openpyxl.load_workbook(path)
    assert book["Bare"].print_title_rows == "$4:$4"
    assert book["Bare"].freeze_panes is None
    book.close()


def test_bloom_levels_are_chosen_from_a_list(exported):
    validations = exported["Outcomes"].data_validations.dataValidation
    assert len(validations) == 1
    choice = validations[0]
    assert choice.type == "list"
    assert choice.formula1 == '"Remember,Understand,Apply,Analyze,Evaluate,Create"'
    assert str(choice.sqref) == "C5:C35"  # 31 outcomes
    assert exported["Outcomes"]["C5"].value == "Create"
    assert exported["Full Stack Developer"].data_validations.dataValidation[0].sqref


def test_outcomes_sheet_gives_level_unit_bloom_and_what_each_supports(exported):
    rows = list(exported["Outcomes"].iter_rows(min_row=4, values_only=True))
    assert rows[0][:6] == ("Ref.", "Outcome", "Bloom level", "Level", "Unit", "Supports")
    csharp = next(r for r in rows if r[7] == "csharp-o1")
    assert csharp[2:6] == (
        "Apply",
        "Course",
        "Introduction to Programming With C#",
        "P1.O1, P2.O1, P3.O1",
    )
    module = next(r for r in rows if r[7] == "csharp-w1-o1")
    assert module[3] == "Module" and module[5] == "C2.O1"


def test_only_the_programs_asked_for(sample, tmp_path):
    path = tmp_path / "front.xlsx"
    export_workbook(sample, path, ["front-end"])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "Overview",
        "Microsoft Front-End Developer",
        "Outcomes",
        "Map Microsoft Front-End",
        "Supplement",
        "_data",
    ]
    assert book["Overview"].max_row == 5
    sheet = book["Microsoft Front-End Developer"]
    assert [sheet.cell(r, 2).value for r in range(5, 11)] == [
        c.title for c in sample.courses_of(sample.program("front-end"))
    ]


def test_without_the_overlap_module_there_is_no_stackability_sheet(sample, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "designer.sharing.overlap", None)
    export_workbook(sample, tmp_path / "out.xlsx")
    assert "Stackability" not in openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames


def test_the_workbook_is_written_in_write_only_mode(sample, tmp_path):
    book = build_workbook(sample)
    assert book.write_only
    book.save(tmp_path / "out.xlsx")  # a write-only workbook streams its sheets on save


def test_a_workbook_that_cannot_be_written_is_a_catalog_error(sample, tmp_path):
    # Named as the folder missing: the window said "No such file or directory".
    folder = tmp_path / "missing"
    with pytest.raises(
        CatalogError, match=f"cannot write the workbook: there is no folder {folder}$"
    ):
        export_workbook(sample, folder / "out.xlsx")


def test_a_workbook_name_of_255_bytes_can_be_written(sample, tmp_path):
    path = tmp_path / ("W" * (255 - len(".xlsx")) + ".xlsx")
    export_workbook(sample, path)
    assert "Overview" in openpyxl.load_workbook(path).sheetnames
    assert [each.name for each in tmp_path.iterdir()] == [path.name]  # no temporary left


def test_an_empty_catalog_exports(tmp_path):
    path = tmp_path / "empty.xlsx"
    export_workbook(Catalog(), path)
    assert openpyxl.load_workbook(path).sheetnames == ["Overview", "Outcomes", "_data"]


def test_a_program_without_courses_totals_zero(tmp_path):
    program = Program(id="p", title="Empty", outcomes=[Outcome(id="o", text="Do")])
    path = tmp_path / "p.xlsx"
    export_workbook(Catalog(Settings(), [program]), path)
    sheet = openpyxl.load_workbook(path)["Empty"]
    assert sheet["B5"].value == "Total" and sheet["C5"].value == 0


def test_the_excel_package_does_not_import_qt():
    code = (
        "import sys, designer.excel, designer.excel.commands\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_supplement_sheet_lists_each_programs_elements(exported, sample):
    sheet = exported["Supplement"]
    values = {
        sheet.cell(row, 1).value: [sheet.cell(row, c).value for c in range(2, 6)]
        for row in range(1, sheet.max_row + 1)
        if sheet.cell(row, 1).value
    }
    assert values["Element"] == ["MS-FSD", "MS-BED", "MS-FED", "MS-PRC"]
    country = next(v for k, v in values.items() if k.startswith("Country of the issuer"))
    assert country == ["United States (US)"] * 4
    workload = next(v for k, v in values.items() if "ECTS" in k or "workload" in k.lower())
    assert workload[0].startswith("16 ECTS") and workload[3].startswith("5 ECTS")
    facts = [k for k in values if "(fact " in k]
    assert len(facts) == 6
    learner = next(v for k, v in values.items() if k.lower().startswith("learner"))
    assert learner == ["to fill in at issue"] * 4


def test_an_export_over_a_workbook_keeps_its_permissions_and_reaches_the_disk(
    sample, tmp_path, monkeypatch
):
    """The export gave the new workbook the mode of a new file (0644 under the usual umask:
    readable by all where the old one was private) and never synced it."""
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"last week's workbook")
    os.chmod(path, 0o600)
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(
        os, "fsync", lambda fd: (synced.append(os.fstat(fd).st_ino), real_fsync(fd))[1]
    )
    assert export_workbook(sample, path)
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    assert path.stat().st_ino in synced
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[0] == "Overview"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


@pytest.mark.parametrize("failing", ["save", "replace"])
def test_a_failed_export_leaves_the_old_workbook_and_no_temporary_file(
    sample, tmp_path, monkeypatch, failing
):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"last week's workbook")

    def full_disk(*args, **kwargs):
        if failing == "save":  # half a workbook written, then the disk is full
            Path(args[1]).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "save":
        monkeypatch.setattr(openpyxl.Workbook, "save", full_disk)
    else:
        monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(CatalogError, match="cannot write the workbook: No space left on device"):
        export_workbook(sample, path)
    monkeypatch.undo()
    assert path.read_bytes() == b"last week's workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
