"""Bad workbooks: a precise message per problem, every problem at once, no catalog."""

import zipfile

import openpyxl
import pytest
from xlsx_helpers import problems_of, report_sheet

from designer.excel.reading import parse_number


def one_sheet(tmp_path, name, rows, header=("No.", "Module", "Learning Hours")):
    book = openpyxl.Workbook()
    book.active.title = name
    report_sheet(book.active, "A program", rows, header=header)
    path = tmp_path / "bad.xlsx"
    book.save(path)
    return path


def test_hours_that_are_not_a_number(tmp_path):
    path = one_sheet(tmp_path, "Full Stack", [("A", 10), ("B", 20), ("C", 30), ("D", "tbd")])
    assert problems_of(path) == [
        "Sheet 'Full Stack', C7: hours must be a number "
        "(such as 12, 12.5, 12 h, 90 min or 1:30), found 'tbd'"
    ]


def test_negative_and_absurd_hours(tmp_path):
    path = one_sheet(tmp_path, "Back-End", [("A", -3), ("B", 5000), ("C", True)])
    assert problems_of(path) == [
        "Sheet 'Back-End', C4: hours must not be negative, found -3",
        "Sheet 'Back-End', C5: hours must be at most 2000, found 5000",
        "Sheet 'Back-End', C6: hours must be a number "
        "(such as 12, 12.5, 12 h, 90 min or 1:30), found TRUE",
    ]


def test_a_missing_hours_cell(tmp_path):
    path = one_sheet(tmp_path, "PR", [("A", 10), ("B", None), ("C", 5)])
    assert problems_of(path) == ["Sheet 'PR', C5: hours must be a number, found an empty cell"]


def test_a_header_without_a_title_column(tmp_path):
    path = one_sheet(tmp_path, "Front-End", [("A", 10)], header=("No.", "Name of it", "Hours"))
    assert problems_of(path) == [
        "Sheet 'Front-End', row 3: the header row names no title column: expected one such "
        "as 'Course', 'Module' or 'Title'"
    ]


def test_a_sheet_without_a_table(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active["A1"] = "Remember to ask the panel about credits."
    book.save(tmp_path / "notes.xlsx")
    assert problems_of(tmp_path / "notes.xlsx") == [
        "Sheet 'Notes': no table found: expected a header row with a title column (such as "
        "'Course' or 'Module') and an hours column (such as 'Hours', 'Learning Hours' or "
        "'Workload'); hide or delete the sheet if it is not a program"
    ]


def test_every_problem_of_every_sheet_at_once(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "One"
    report_sheet(book.active, "First", [("A", "x"), ("B", -1)])
    report_sheet(book.create_sheet("Two"), "Second", [("C", "y")])
    book.save(tmp_path / "t.xlsx")
    assert problems_of(tmp_path / "t.xlsx") == [
        "Sheet 'One', C4: hours must be a number "
        "(such as 12, 12.5, 12 h, 90 min or 1:30), found 'x'",
        "Sheet 'One', C5: hours must not be negative, found -1",
        "Sheet 'Two', C4: hours must be a number "
        "(such as 12, 12.5, 12 h, 90 min or 1:30), found 'y'",
    ]


def test_a_course_listed_twice_in_one_program(tmp_path):
    path = one_sheet(tmp_path, "Twice", [("A", 10), ("A", 10)])
    assert problems_of(path) == [
        "Sheet 'Twice', B5: the course 'A' is listed twice in this program"
    ]


def test_not_a_workbook(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_text("No.,Course,Hours\n1,A,10\n")
    assert problems_of(path) == ["not an Excel workbook (.xlsx): it does not start as one does"]


def test_an_empty_file(tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert problems_of(path) == ["the file is empty"]


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert problems_of(path) == [
        "not an Excel workbook (.xlsx): a zip file without a workbook in it"
    ]


def test_a_damaged_workbook(tmp_path):
    path = tmp_path / "cut.xlsx"
    book = openpyxl.Workbook()
    book.save(path)
    path.write_bytes(path.read_bytes()[:200])
    [problem] = problems_of(path)
    assert problem.startswith("not a valid Excel workbook (.xlsx)")


OLE = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)


def test_a_password_protected_workbook(tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(OLE + "EncryptionInfo".encode("utf-16-le") + bytes(100))
    assert problems_of(path) == [
        "the workbook is password-protected (encrypted): open it in Excel or LibreOffice, "
        "remove the password and save it, then import it again"
    ]


def test_an_old_xls_or_encrypted_file(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(OLE + bytes(100))
    assert problems_of(path) == [
        "an encrypted (password-protected) workbook or an old Excel 97-2003 file (.xls): "
        "remove the password, or save it as an Excel workbook (.xlsx), and import it again"
    ]


def test_a_missing_file(tmp_path):
    [problem] = problems_of(tmp_path / "nowhere.xlsx")
    assert problem.startswith("cannot read the file")


@pytest.mark.parametrize(
    ("typed", "what", "value"),
    [
        ("90", "minutes", 90),
        ("1,5", "hours", 1.5),
        ("1,500", "minutes", 1500),  # a thousands separator
        ("1.5 h", "minutes", 90),
        ("90 min", "hours", 1.5),
        ("1h30", "minutes", 90),
        ("2 hours 15 minutes", "minutes", 135),
        ("1:30", "hours", 1.5),
        ("40:30", "hours", 40.5),
        ("39 Std.", "hours", 39),
        ("1 h 59", "minutes", 119),
        ("-0", "minutes", 0),
    ],
)
def test_durations_typed_as_text_are_read_in_the_columns_unit(typed, what, value):
    read = parse_number(typed, what, 6000)
    assert read == value and str(read) == str(float(value))  # 0.0, not -0.0


@pytest.mark.parametrize(
    "typed",
    # "1h30h", "1 h 90" and "30 min 1 h" are slips: read, they gave 31 h, 150 min and 90 min.
    ["~20", "tbd", "30 30", "1:75", "5 x", "nan", "inf", "h", "1h30h", "1 h 90", "30 min 1 h"],
)
def test_text_that_is_not_a_duration_is_refused_with_examples(typed):
    with pytest.raises(ValueError) as refused:
        parse_number(typed, "minutes", 6000)
    assert str(refused.value) == (
        f"minutes must be a number (such as 45, 45 min, 1.5 h, 1 h 30 or 1:30), found {typed!r}"
    )
