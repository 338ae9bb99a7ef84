"""Export then import gives the catalog back; edits made in the sheets come back too."""

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import catalogs
from xlsx_helpers import cell_values, edit, problems_of

from designer.errors import CatalogError
from designer.excel import export_workbook, import_workbook
from designer.model import Bloom
from designer.storage import dumps


def test_the_sample_comes_back_as_it_was(sample, tmp_path):
    export_workbook(sample, tmp_path / "sample.xlsx")
    assert dumps(import_workbook(tmp_path / "sample.xlsx")) == dumps(sample)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(catalog=catalogs())
def test_export_import_export_gives_the_same_cells(catalog, tmp_path):
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    export_workbook(catalog, first)
    imported = import_workbook(first)
    assert dumps(imported) == dumps(catalog)
    export_workbook(imported, second)
    assert cell_values(second) == cell_values(first)


def test_blank_texts_and_texts_like_formulas_are_not_taken_for_added_rows(tmp_path):
    # Found by the test above: a title of spaces, and a code of "=" that starts a subtitle.
    from designer.model import Catalog, Course, Program, Settings

    programs = [
        Program(id="p", title=" ", code="=", course_ids=["c"]),
        Program(id="q", title="=SUM(A1)", code="+1", course_ids=["c"]),
    ]
    catalog = Catalog(Settings(), programs, [Course(id="c", title="  ", hours=3)])
    export_workbook(catalog, tmp_path / "odd.xlsx")
    assert dumps(import_workbook(tmp_path / "odd.xlsx")) == dumps(catalog)


def test_edits_in_the_visible_sheets_come_back(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    edit(
        path,
        [
            ("Full Stack Developer", "C5", 40),  # a course's hours
            ("Full Stack Developer", "B7", "Web Development Basics"),  # a course's title
            ("Full Stack Developer", "D31", "20"),  # an item's minutes, typed as text
            ("Full Stack Developer", "C23", "analyze"),  # a program outcome's Bloom level
            ("Outcomes", "B17", "Write C# programs."),  # csharp-o1's text
            ("Overview", "A6", "MS-BE"),  # a program's code
            ("Overview", "C7", "6"),  # a program's EQF level
        ],
    )
    catalog = import_workbook(path)
    assert catalog.courses["foundations-of-coding-full-stack"].hours == 40
    assert catalog.courses["introduction-to-web-development"].title == "Web Development Basics"
    assert catalog.get("csharp-w1-i1").minutes == 20
    assert catalog.get("full-stack-o1").bloom is Bloom.ANALYZE
    assert catalog.get("csharp-o1").text == "Write C# programs."
    assert catalog.program("back-end").code == "MS-BE"
    assert catalog.program("front-end").eqf_level == "6"
    unchanged = catalog.courses["deployment-and-devops"]
    assert unchanged == sample.courses["deployment-and-devops"]


def test_durations_typed_with_another_unit_are_converted(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    edit(
        path,
        [
            ("Full Stack Developer", "D31", "2 h"),  # item minutes
            ("Full Stack Developer", "D32", "1 h 30"),
            ("Full Stack Developer", "D33", "1:15"),
            ("Full Stack Developer", "C5", "2400 min"),  # a course's hours
            ("Full Stack Developer", "C7", "38,5 Std."),
        ],
    )
    catalog = import_workbook(path)
    module = catalog.modules["csharp-w1"]
    assert [item.minutes for item in module.items[:3]] == [120, 90, 75]
    assert catalog.courses["foundations-of-coding-full-stack"].hours == 40
    assert catalog.courses["introduction-to-web-development"].hours == 38.5


def test_titles_edited_in_a_syllabus_sheets_headings_come_back(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    sheet = openpyxl.load_workbook(path)["Full Stack Developer"]
    assert sheet["A1"].value == "Microsoft Full Stack Developer Professional Certificate"
    assert sheet["A29"].value == "2"  # the C# course's heading above its modules
    assert sheet["B29"].value == "Introduction to Programming With C#"
    edit(
        path,
        [
            ("Full Stack Developer", "A1", "Full Stack Web Developer Certificate"),
            ("Full Stack Developer", "B29", "Programming in C#"),
        ],
    )
    catalog = import_workbook(path)
    assert catalog.program("full-stack").title == "Full Stack Web Developer Certificate"
    csharp = catalog.courses["introduction-to-programming-with-csharp"]
    assert csharp.title == "Programming in C#"
    catalog.program("full-stack").title = sample.program("full-stack").title
    csharp.title = sample.courses[csharp.id].title
    assert dumps(catalog) == dumps(sample)


def test_a_course_heading_and_its_table_row_edited_two_ways_are_reported(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    edit(
        path,
        [
            ("Full Stack Developer", "B6", "C# Basics"),
            ("Full Stack Developer", "B29", "Programming in C#"),
        ],
    )
    assert problems_of(path) == [
        "Sheet 'Full Stack Developer', B29: title changed to 'Programming in C#' here but "
        "to 'C# Basics' at Sheet 'Full Stack Developer', B6"
    ]


def test_an_untitled_programs_sheet_shows_its_id_and_imports_unchanged(tmp_path):
    from designer.model import Catalog, Course, Program, Settings

    catalog = Catalog(Settings(), [Program(id="p", course_ids=["c"])], [Course(id="c", hours=3)])
    path = tmp_path / "untitled.xlsx"
    export_workbook(catalog, path)
    assert openpyxl.load_workbook(path)["p"]["A1"].value == "p"
    assert dumps(import_workbook(path)) == dumps(catalog)
    edit(path, [("p", "A1", "A title at last")])
    assert import_workbook(path).program("p").title == "A title at last"


def test_the_lines_above_a_table_edited_in_excel_say_where_to_change_them(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    sheet = openpyxl.load_workbook(path)["Full Stack Developer"]
    subtitle = sheet["A2"].value
    assert subtitle.startswith("MS-FSD · EQF level 6 · ")
    edit(path, [("Full Stack Developer", "A2", subtitle.replace("level 6", "level 7"))])
    assert problems_of(path) == [
        "Sheet 'Full Stack Developer', row 2: the lines above the table are made from the "
        "catalog and are not read: change a program's code and EQF level on the Overview "
        "sheet, anything else in Curriculum Designer (found “MS-FSD · EQF level 7 · 1 ECTS "
        "credit = 25 h, rounded down...”)"
    ]


def test_a_shared_course_edited_two_ways_is_reported(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    # "Introduction to Web Development" is course 3 of Full Stack and of Front-End.
    edit(path, [("Full Stack Developer", "C7", 40), ("Front-End Developer", "C7", 41)])
    with pytest.raises(CatalogError) as caught:
        import_workbook(path)
    assert [str(p) for p in caught.value.problems] == [
        "Sheet 'Front-End Developer', C7: hours changed to '41' here but to '40' at "
        "Sheet 'Full Stack Developer', C7"
    ]


def test_bad_values_in_our_own_export_are_reported_by_cell(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    edit(
        path,
        [
            ("Full Stack Developer", "C5", "tbd"),
            ("Full Stack Developer", "D31", -5),
            ("Outcomes", "C5", "Memorise"),
        ],
    )
    with pytest.raises(CatalogError) as caught:
        import_workbook(path)
    assert [str(p) for p in caught.value.problems] == [
        "Sheet 'Full Stack Developer', C5: hours must be a number (such as 12, 12.5, 12 h, "
        "90 min or 1:30), found 'tbd'",
        "Sheet 'Full Stack Developer', D31: minutes must not be negative, found -5",
        "Sheet 'Outcomes', C5: Bloom level must be one of Remember, Understand, Apply, "
        "Analyze, Evaluate, Create, found 'Memorise' (the verb “memorize” suggests Remember)",
    ]


def test_a_damaged_data_sheet_is_reported(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    edit(path, [("_data", "A3", '{"format": "curriculum-designer", "version": 2, "programs": 7}')])
    book = openpyxl.load_workbook(path)
    sheet = book["_data"]
    sheet.delete_rows(4, sheet.max_row)
    book.save(path)
    with pytest.raises(CatalogError, match=r"Sheet '_data', catalog programs"):
        import_workbook(path)


def test_sheets_without_ids_are_not_read_for_edits(tmp_path):
    from designer.model import Catalog, Course, Outcome, Program, Settings

    # Course 5 has the id "M", and the curriculum map writes "M" in column H (course 5).
    program = Program(
        id="p",
        title="P",
        outcomes=[Outcome(id="o", text="Do things", bloom=Bloom.CREATE)],
        course_ids=["c1", "c2", "c3", "c4", "M"],
    )
    courses = [Course(id=f"c{n}", title=f"Course {n}", hours=10) for n in range(1, 5)]
    courses[0].outcomes = [Outcome(id="c1o", text="Try", bloom=Bloom.APPLY, supports=["o"])]
    courses.append(
        Course(
            id="M",
            title="Five",
            hours=10,
            outcomes=[Outcome(id="mo", text="Make", bloom=Bloom.CREATE, supports=["o"])],
        )
    )
    catalog = Catalog(Settings(), [program], courses)
    path = tmp_path / "map.xlsx"
    export_workbook(catalog, path)
    assert openpyxl.load_workbook(path)["Map P"]["H5"].value == "M"
    assert dumps(import_workbook(path)) == dumps(catalog)


def test_rows_added_changed_or_deleted_in_excel_are_named_not_dropped(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    book = openpyxl.load_workbook(path)
    full_stack = book["Full Stack Developer"]
    assert full_stack["B31"].value == "Welcome to C# and .NET"  # an item, then another
    full_stack.insert_rows(32)
    full_stack["B32"], full_stack["D32"] = "Extra practice quiz", 20
    assert full_stack["A21"].value == "Program outcomes"
    full_stack["A21"] = "Outcomes"  # a heading: not a field of any unit
    back_end = book["Back-End Developer"]
    assert back_end["B27"].value == "Welcome to C# and .NET"
    back_end.delete_rows(27)
    outcomes = book["Outcomes"]
    end = outcomes.max_row + 1
    outcomes[f"B{end}"], outcomes[f"H{end}"] = "A new outcome", "made-up-id"  # typed by hand
    book.save(path)
    assert problems_of(path) == [
        "Sheet 'Full Stack Developer', row 21: a row without a Curriculum Designer id "
        "(column H) is not read: add units in Curriculum Designer and export again; "
        "headings and totals are not imported (found “Outcomes”)",
        "Sheet 'Full Stack Developer', row 32: a row without a Curriculum Designer id "
        "(column H) is not read: add units in Curriculum Designer and export again; "
        "headings and totals are not imported (found “Extra practice quiz”, 20)",
        "Sheet 'Back-End Developer': the row of item “Welcome to C# and .NET” was deleted: "
        "units are removed in Curriculum Designer, so it would stay as it is; put the row "
        "back, or remove the item there",
        f"Sheet 'Outcomes', H{end}: 'made-up-id' is not the id of a unit of this workbook: "
        "the row is not read",
    ]


def test_a_syllabus_sheet_copied_out_of_its_workbook_is_not_half_read(sample, tmp_path):
    path = tmp_path / "sample.xlsx"
    export_workbook(sample, path)
    book = openpyxl.load_workbook(path)
    for name in book.sheetnames:
        if name != "Full Stack Developer":
            del book[name]  # the hidden _data sheet too, as when one sheet is sent alone
    book.save(path)
    with pytest.raises(CatalogError) as caught:
        import_workbook(path)
    [problem] = caught.value.problems
    assert problem.location == "Sheet 'Full Stack Developer', H4"
    assert "only its course table could be read, not its modules" in problem.message
