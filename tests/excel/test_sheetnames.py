"""Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, unique in any case."""

import openpyxl
import pytest

from designer.excel import export_workbook
from designer.excel.layout import program_sheet_names
from designer.excel.sheetnames import MAX_LENGTH, SheetNames, clean_sheet_name, short_titles
from designer.model import Catalog, Course, Program, Settings

FORBIDDEN = set("[]:*?/\\")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UI/UX: Design [Basics]?", "UI-UX- Design -Basics--"),
        ("'Quoted'", "Quoted"),
        ("", "Sheet"),
        ("History", "Sheet"),
        ("a" * 40, "a" * 31),
    ],
)
def test_clean_sheet_name(text, expected):
    name = clean_sheet_name(text)
    assert name == expected
    assert len(name) <= MAX_LENGTH and not FORBIDDEN & set(name)


def test_a_long_name_is_cut_at_a_word_and_not_on_a_dangling_and():
    assert clean_sheet_name("Public Relations and Communications Associate") == "Public Relations"


def test_names_are_unique_regardless_of_case():
    names = SheetNames()
    taken = [names.take(t) for t in ["Data", "DATA", "data", "Overview", "x" * 40, "X" * 40]]
    assert taken[:4] == ["Data", "DATA (2)", "data (3)", "Overview"]
    assert taken[4] == "x" * 31 and taken[5] == "X" * 27 + " (2)"
    assert len({t.casefold() for t in taken}) == len(taken)
    assert all(len(t) <= MAX_LENGTH for t in taken)


def test_short_titles_drop_the_words_all_programs_share():
    titles = [
        "Microsoft Full Stack Developer Certificate",
        "Microsoft Back-End Developer Certificate",
    ]
    assert short_titles(titles) == ["Full Stack", "Back-End"]
    assert short_titles(["Only One"]) == ["Only One"]


def test_titles_cut_to_one_name_start_with_their_codes():
    """Cut to 31 characters, both titles gave "Data Analytics for Healthcare": the second
    sheet was told apart by " (2)" alone."""
    titles = [
        "Data Analytics for Healthcare Organisations, Beginners",
        "Data Analytics for Healthcare Organisations, Advanced",
        "Cloud Computing",
    ]
    programs = [
        Program(id="p1", title=titles[0], code="DA-H1"),
        Program(id="p2", title=titles[1], code="DA-H2"),
        Program(id="p3", title=titles[2], code="CC"),
        Program(id="p4", title=titles[0]),  # no code: numbered
    ]
    names = program_sheet_names(programs)
    assert [names[p.id].syllabus for p in programs] == [
        "DA-H1 Data Analytics",
        "DA-H2 Data Analytics",
        "Cloud Computing",
        "Data Analytics for Healthcare",
    ]
    assert [names[p.id].curriculum_map for p in programs] == [
        "Map DA-H1 Data Analytics",
        "Map DA-H2 Data Analytics",
        "Map Cloud Computing",
        "Map Data Analytics",
    ]


def tricky_catalog() -> Catalog:
    titles = [
        "O'Brien's Course: A/B Testing [Advanced]?",
        "o'brien's course: a/b testing [advanced]?",
        "A program with a title far longer than thirty-one characters",
        "Overview",
        "History",
    ]
    course = Course(id="c", title="Course", hours=27)
    programs = [Program(id=f"p{n}", title=t, course_ids=["c"]) for n, t in enumerate(titles)]
    return Catalog(Settings(), programs, [course])


def test_tricky_titles_give_valid_unique_sheets(tmp_path):
    path = tmp_path / "tricky.xlsx"
    export_workbook(tricky_catalog(), path)
    book = openpyxl.load_workbook(path)
    names = book.sheetnames
    assert len({n.casefold() for n in names}) == len(names)
    assert all(len(n) <= MAX_LENGTH and not FORBIDDEN & set(n) for n in names)
    assert names[:6] == [
        "Overview",
        "O'Brien's Course- A-B Testing",
        "o'brien's course- a-b testi (2)",
        "A program with a title far",
        "Overview (2)",
        "Program",  # "History" is Excel's own
    ]
    # Every Overview formula names an existing sheet, quoted where it must be; each program
    # has one course, so its Total is row 6.
    formulas = [book["Overview"].cell(row, 5).value for row in range(5, 10)]
    assert formulas[0] == "='O''Brien''s Course- A-B Testing'!$C$6"
    for formula, name in zip(formulas, names[1:6], strict=True):
        assert formula == "='" + name.replace("'", "''") + "'!$C$6"
