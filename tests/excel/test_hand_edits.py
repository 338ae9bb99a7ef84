"""Edits people make to an exported workbook by hand come back, or are named as problems.

Copying a row to add an item, renaming a sheet, sorting rows (whole, or only the visible
columns), moving a row, typing a figure over a formula, changing an item's type or an
outcome's Supports: each is imported as the edit it is, or refused with a problem that
says where and what, never dropped or misread without a word. The workbooks are edited
with openpyxl, as Excel saves them, and in LibreOffice Calc itself (lo_edit.py).
"""

import openpyxl
import pytest
from xlsx_helpers import edit, problems_of, sample_edited_in_calc, save_results

from designer.excel import export_workbook, import_workbook
from designer.model import Catalog, Course, Item, ItemKind, Module, Program, Settings, Totals
from designer.storage import dumps

FS = "Full Stack Developer"
FIGURE = (
    "hours, ECTS credits and weeks are computed from the parts, so a figure typed over one "
    "is not read; change the items' minutes or the modules' hours instead"
)
SORTED = (
    "show the titles of other rows' units: the rows seem sorted or moved without their "
    "hidden ids in column H (Excel and Calc sort the block around the cursor, which ends "
    "at the empty columns before H). Sort whole rows, columns A to H, or undo the sort"
)


def reorder(sheet, first, order, columns=8):
    """Put rows first, first + 1, ... in this order (offsets from first), columns A to H
    unless fewer are given: a sort as a spreadsheet makes it."""
    rows = [[sheet.cell(first + n, c).value for c in range(1, columns + 1)] for n in order]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, 1):
            sheet.cell(first + offset, column).value = value


def copy_row(sheet, row, to):
    """Insert a row at `to` and paste row `row` into it, hidden id and all."""
    sheet.insert_rows(to)
    row += row >= to
    for column in range(1, 9):
        sheet.cell(to, column).value = sheet.cell(row, column).value


# ---- copied rows ---------------------------------------------------------------------


def test_a_copied_item_row_is_named_rather_than_read_as_an_edit_of_the_item(exported):
    book = openpyxl.load_workbook(exported)
    sheet = book[FS]
    assert sheet["B34"].value == "Your first console program"
    copy_row(sheet, 34, 35)  # the usual way to add a row: copy one, then type over it
    sheet["A35"], sheet["B35"], sheet["D35"] = "2.1.5", "Your second console program", 60
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'Full Stack Developer', row 35: the row of item “Your first console program” "
        "appears twice in this sheet (rows 34 and 35): a copied row? Its hidden id in "
        "column H was copied with it, so it would be read as that item. Rows added in "
        "Excel are not read: add the item in Curriculum Designer and export again, and "
        "delete this row"
    ]


def test_a_copy_is_told_from_its_original_by_its_title_and_place(exported):
    book = openpyxl.load_workbook(exported)
    sheet = book[FS]
    # The C# course's row is 6, and its heading above its modules 29: the export wrote
    # its id twice. A copy pasted above its row and retitled is the copy.
    copy_row(sheet, 6, 6)
    sheet["B6"] = "Programming With C#, part 2"
    # An item's row pasted into another program's sheet, which does not show it.
    public_relations = book["Public Relations"]
    public_relations.insert_rows(6)
    for column in range(1, 9):
        public_relations.cell(6, column).value = sheet.cell(35, column).value
    book.save(exported)
    assert public_relations["B6"].value == "Your first console program"
    assert problems_of(exported) == [
        "Sheet 'Full Stack Developer', row 6: the row of course “Introduction to Programming "
        "With C#” appears 3 times in this sheet (rows 6, 7 and 30), where the export wrote "
        "it twice: a copied row? Its hidden id in column H was copied with it, so it would "
        "be read as that course. Rows added in Excel are not read: add the course in "
        "Curriculum Designer and export again, and delete this row",
        "Sheet 'Public Relations', row 6: the row of item “Your first console program” "
        "appears in this sheet (row 6), where the export did not write it: a copied row? "
        "Its hidden id in column H was copied with it, so it would be read as that item. "
        "Rows added in Excel are not read: add the item in Curriculum Designer and export "
        "again, and delete this row",
    ]


# ---- renamed sheets ------------------------------------------------------------------


def test_a_renamed_syllabus_sheet_is_still_checked_for_added_and_deleted_rows(exported):
    book = openpyxl.load_workbook(exported)
    book[FS].title = "FSD 2025"
    sheet = book["FSD 2025"]
    sheet.insert_rows(34)
    sheet["B34"], sheet["D34"] = "Debugging basics", 25
    book["Back-End Developer"].title = "BED"
    assert book["BED"]["B27"].value == "Welcome to C# and .NET"
    book["BED"].delete_rows(27)
    book.save(exported)
    assert problems_of(exported) == [
        "Sheet 'FSD 2025', row 34: a row without a Curriculum Designer id (column H) is not "
        "read: add units in Curriculum Designer and export again; headings and totals are "
        "not imported (found “Debugging basics”, 25)",
        "Sheet 'BED': the row of item “Welcome to C# and .NET” was deleted: units are "
        "removed in Curriculum Designer, so it would stay as it is; put the row back, or "
        "remove the item there",
    ]


def test_a_renamed_syllabus_sheet_still_gives_its_edits_and_its_order(exported, sample):
    book = openpyxl.load_workbook(exported)
    book[FS].title = "FSD"
    reorder(book["FSD"], 5, [1, 0, *range(2, 12)])  # whole rows: C# first
    book["FSD"]["B7"] = "Web Development Basics"
    book.save(exported)
    catalog = import_workbook(exported)
    program = sample.program("full-stack")
    program.course_ids[:2] = reversed(program.course_ids[:2])
    sample.courses["introduction-to-web-development"].title = "Web Development Basics"
    assert dumps(catalog) == dumps(sample)


def test_two_syllabus_sheets_with_their_names_swapped_are_known_by_their_programs(exported, sample):
    book = openpyxl.load_workbook(exported)
    book[FS].title = "swapping"
    book["Back-End Developer"].title = FS
    book["swapping"].title = "Back-End Developer"
    book[FS]["C5"] = 41  # Back-End's first course, on its sheet now named Full Stack's
    book["Back-End Developer"]["B7"] = "Web Development Basics"  # and on Full Stack's
    book.save(exported)
    catalog = import_workbook(exported)
    sample.courses["foundations-of-coding-back-end"].hours = 41
    sample.courses["introduction-to-web-development"].title = "Web Development Basics"
    assert dumps(catalog) == dumps(sample)


# ---- rows sorted without their ids -----------------------------------------------------


def test_rows_sorted_without_their_hidden_ids_are_named(exported, sample):
    book = openpyxl.load_workbook(exported)
    sheet = book[FS]
    titles = [sheet.cell(row, 2).value for row in range(5, 17)]
    # Sorted by title over A to C only, the block Calc takes around the cursor.
    order = sorted(range(12), key=lambda n: titles[n])
    reorder(sheet, 5, order, columns=3)
    book.save(exported)
    csharp = 5 + order.index(1)  # where the C# course's formula went, with its result
    save_results(exported, 2, {f"C{csharp}": 30})
    assert problems_of(exported) == [f"Sheet 'Full Stack Developer', row 5: rows 5 to 16 {SORTED}"]
    # One title changed to another's is a rename, since the other row is as it was.
    export_workbook(sample, exported)
    edit(exported, [(FS, "B7", "Blazor for Front-End Development")])
    catalog = import_workbook(exported)
    sample.courses["introduction-to-web-development"].title = "Blazor for Front-End Development"
    assert dumps(catalog) == dumps(sample)


# ---- figures typed over formulas -------------------------------------------------------


def test_figures_typed_over_formulas_are_named(exported):
    edit(
        exported,
        [
            (FS, "C6", 40),  # a course's hours: the sum of its modules
            (FS, "C30", 12),  # a module's hours: the sum of its items' minutes
            (FS, "C17", 500),  # the Total
            (FS, "C18", 20),  # ECTS credits
            (FS, "C19", 50),  # weeks
            ("Overview", "E5", 430),
            ("Overview", "F6", 13),
        ],
    )
    assert problems_of(exported) == [
        f"Sheet 'Overview', E5: shows 430 where the catalog gives 422: {FIGURE}",
        f"Sheet 'Overview', F6: shows 13 where the catalog gives 12: {FIGURE}",
        f"Sheet 'Full Stack Developer', C6: shows 40 where the catalog gives 30: {FIGURE}",
        f"Sheet 'Full Stack Developer', C17: shows 500 where the catalog gives 422: {FIGURE}",
        f"Sheet 'Full Stack Developer', C18: shows 20 where the catalog gives 16: {FIGURE}",
        f"Sheet 'Full Stack Developer', C19: shows 50 where the catalog gives 43: {FIGURE}",
        f"Sheet 'Full Stack Developer', C30: shows 12 where the catalog gives 10: {FIGURE}",
    ]


def test_saved_results_of_formulas_are_checked_only_where_the_formula_is_gone(exported, sample):
    # As Excel saves it: every formula with its result. A minute changed moves the module,
    # the course and the totals; they still hold their formulas, so they are not edits.
    edit(exported, [(FS, "D31", 75)])  # 15 -> 75 minutes: one more hour
    results = {"C6": 31, "C17": 423, "C18": 16, "C19": 43, "C30": 11, "C39": 10, "C47": 10}
    save_results(exported, 2, results)
    save_results(exported, 1, {"E5": 423, "F5": 16, "G5": 43})
    catalog = import_workbook(exported)
    assert catalog.get("csharp-w1-i1").minutes == 75
    assert Totals(catalog).program(catalog.program("full-stack")).hours == 423
    # A module's hours typed over: the course and the totals follow the typed figure, but
    # only the cell typed over is named.
    export_workbook(sample, exported)
    edit(exported, [(FS, "C30", 12)])
    save_results(exported, 2, {"C6": 32, "C17": 424, "C18": 16, "C19": 43})
    save_results(exported, 1, {"E5": 424, "F5": 16, "G5": 43})
    assert problems_of(exported) == [
        f"Sheet 'Full Stack Developer', C30: shows 12 where the catalog gives 10: {FIGURE}"
    ]


# ---- an item's type, and cells that are not read ----------------------------------------


def test_an_items_type_is_read_in_any_case(exported, sample):
    edit(
        exported,
        [
            (FS, "E31", "reading"),  # was Video
            (FS, "E32", "READING"),  # as it was
            (FS, "E38", "Practice quiz, graded"),  # was Graded quiz, graded
            (FS, "E36", "Programming assignment"),  # no longer graded
            (FS, "E33", "Graded quiz"),  # was Video: a graded quiz counts, said or not
        ],
    )
    catalog = import_workbook(exported)
    items = {item.id: item for item in sample.modules["csharp-w1"].items}
    items["csharp-w1-i1"].kind = ItemKind.READING
    items["csharp-w1-i3"].kind, items["csharp-w1-i3"].graded = ItemKind.GRADED_QUIZ, True
    items["csharp-w1-i8"].kind = ItemKind.PRACTICE_QUIZ
    items["csharp-w1-i6"].graded = False
    assert dumps(catalog) == dumps(sample)


def test_an_unknown_type_or_one_changed_two_ways_is_named(exported):
    edit(
        exported,
        [
            (FS, "E33", "Podcast"),
            (FS, "E40", "Reading"),  # csharp-w2-i1, a Video; Front-End shows it at E34
            ("Front-End Developer", "E34", "Lab"),
        ],
    )
    assert problems_of(exported) == [
        "Sheet 'Full Stack Developer', E33: type must be one of Video, Reading, Practice "
        "quiz, Graded quiz, In video quiz, Lab, Programming assignment, Peer review, Self "
        "review, Plugin, Discussion prompt, Project, followed by “, graded” for a graded "
        "item (“Graded quiz, graded”), found 'Podcast'",
        "Sheet 'Front-End Developer', E34: type changed to 'Lab' here but to 'Reading' at "
        "Sheet 'Full Stack Developer', E40",
    ]


def test_cells_that_are_not_read_are_named_when_edited(exported):
    edit(
        exported,
        [
            ("Outcomes", "F17", "P1.O1, P1.O2"),  # was P1.O1, P2.O1, P3.O1
            ("Overview", "D5", 13),  # the number of courses
            (FS, "E30", "Video"),  # a module's type
            (FS, "F31", "check the link"),  # a note beside an item
        ],
    )
    assert problems_of(exported) == [
        "Sheet 'Overview', D5: “Courses” of this program is not read: change it in "
        "Curriculum Designer (found 13; the export wrote 12)",
        "Sheet 'Full Stack Developer', E30: “Type” of this module is not read: change it "
        "in Curriculum Designer (found “Video”; the export wrote “Module”)",
        "Sheet 'Full Stack Developer', F31: column F of this item's row is not read: change "
        "it in Curriculum Designer (found “check the link”)",
        "Sheet 'Outcomes', F17: “Supports” of this outcome is not read: change it in "
        "Curriculum Designer (found “P1.O1, P1.O2”; the export wrote “P1.O1, P2.O1, P3.O1”)",
    ]


def test_a_cell_not_read_that_follows_an_edit_is_not_named(exported, sample):
    # Find and replace over the workbook: the course's rows and the Unit of its outcomes.
    book = openpyxl.load_workbook(exported)
    changes = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "Introduction to Programming With C#":
                    cell.value = "Programming in C#"
                    changes += 1
    book[FS]["E31"] = "Reading"  # and an item's type, which is read
    book.save(exported)
    assert changes > 6  # three syllabus sheets, twice each, and the Outcomes sheet
    catalog = import_workbook(exported)
    sample.courses["introduction-to-programming-with-csharp"].title = "Programming in C#"
    sample.modules["csharp-w1"].items[0].kind = ItemKind.READING
    assert dumps(catalog) == dumps(sample)


# ---- rows put in a new order, or moved ---------------------------------------------------


def test_whole_rows_put_in_a_new_order_give_the_new_order(exported, sample):
    book = openpyxl.load_workbook(exported)
    sheet = book[FS]
    reorder(sheet, 5, [11, *range(11)])  # the capstone first
    reorder(sheet, 31, [7, 6, 5, 4, 3, 2, 1, 0])  # week 1's items, last first
    assert [sheet[f"H{row}"].value for row in (39, 47)] == ["csharp-w2", "csharp-w3"]
    reorder(sheet, 39, [*range(8, 16), *range(8)])  # week 3 and its items before week 2
    book.save(exported)
    catalog = import_workbook(exported)
    program = sample.program("full-stack")
    program.course_ids.insert(0, program.course_ids.pop())
    sample.modules["csharp-w1"].items.reverse()
    csharp = sample.courses["introduction-to-programming-with-csharp"]
    csharp.module_ids = ["csharp-w1", "csharp-w3", "csharp-w2"]
    assert dumps(catalog) == dumps(sample)


def test_programs_put_in_a_new_order_on_the_overview_give_the_catalogs_order(exported, sample):
    book = openpyxl.load_workbook(exported)
    reorder(book["Overview"], 5, [3, 2, 1, 0])  # the programs' rows, last first
    book.save(exported)
    catalog = import_workbook(exported)
    sample.programs.reverse()
    assert [p.id for p in catalog.programs] == [p.id for p in sample.programs]
    assert dumps(catalog) == dumps(sample)


def test_an_item_moved_to_another_module_or_a_list_ordered_two_ways_is_named(exported):
    book = openpyxl.load_workbook(exported)
    sheet = book[FS]
    values = [sheet.cell(34, c).value for c in range(1, 9)]  # item 2.1.4
    sheet.delete_rows(34)
    sheet.insert_rows(40)  # under week 2, which now starts at row 38
    for column, value in enumerate(values, 1):
        sheet.cell(40, column).value = value
    # Week 1's items (shared by three programs) in two different orders in two sheets.
    reorder(book["Back-End Developer"], 27, [1, 0, 2, 3, 4, 5, 6, 7])
    reorder(book["Front-End Developer"], 25, [2, 1, 0, 3, 4, 5, 6, 7])
    book.save(exported)
    week_1 = "“Week 1: C# fundamentals: syntax, types and variables”"
    assert problems_of(exported) == [
        "Sheet 'Full Stack Developer', row 40: the row of item “Your first console "
        "program” was moved under module “Week 2: Control flow and methods”, but the item "
        f"belongs to module {week_1}: items are moved between modules in Curriculum "
        "Designer; move the row back",
        f"Sheet 'Front-End Developer', row 25: the items of module {week_1} are put in one "
        "order here and in another at Sheet 'Back-End Developer', row 27: order them the "
        "same way",
    ]


# ---- in LibreOffice Calc -----------------------------------------------------------------


@pytest.fixture(scope="module")
def in_calc(tmp_path_factory):
    """The sample's workbook edited in LibreOffice Calc in several ways, by name."""
    edits = {
        # Insert a row under item 2.1.4, paste a copy of it, and type over the copy.
        "copied": [
            ("copy_row", FS, 34, 35),
            ("type", FS, "A35", "2.1.5"),
            ("type", FS, "B35", "Your second console program"),
            ("type", FS, "D35", "60"),
        ],
        # Data > Sort over the block around the cursor: columns A to C.
        "sorted visible": [("sort", FS, "A5:C16", 1)],
        # Whole rows: the courses by title, week 1's items by minutes.
        "sorted whole": [("sort", FS, "A5:H16", 1), ("sort", FS, "A31:H38", 3)],
        # A minute changed, and a module's hours typed over.
        "typed": [("type", FS, "D40", "50"), ("type", FS, "C47", "12")],
    }
    return sample_edited_in_calc(tmp_path_factory.mktemp("calc"), edits)


def test_a_row_copied_in_calc_is_named(in_calc):
    problems = problems_of(in_calc["copied"])
    assert problems == [
        "Sheet 'Full Stack Developer', row 35: the row of item “Your first console program” "
        "appears twice in this sheet (rows 34 and 35): a copied row? Its hidden id in "
        "column H was copied with it, so it would be read as that item. Rows added in "
        "Excel are not read: add the item in Curriculum Designer and export again, and "
        "delete this row"
    ]


def test_the_visible_columns_sorted_in_calc_are_named(in_calc):
    assert problems_of(in_calc["sorted visible"]) == [
        f"Sheet 'Full Stack Developer', row 5: rows 5 to 16 {SORTED}"
    ]


def test_whole_rows_sorted_in_calc_give_the_new_order(in_calc, sample):
    catalog = import_workbook(in_calc["sorted whole"])
    program = sample.program("full-stack")
    program.course_ids.sort(key=lambda c: sample.courses[c].title)
    items = sample.modules["csharp-w1"].items
    items.sort(key=lambda item: item.minutes)  # stable, as Calc's sort
    assert dumps(catalog) == dumps(sample)


def test_a_figure_typed_over_in_calc_is_named_and_a_minute_changed_is_read(in_calc):
    assert problems_of(in_calc["typed"]) == [
        f"Sheet 'Full Stack Developer', C47: shows 12 where the catalog gives 10: {FIGURE}"
    ]


def test_a_module_moved_to_another_course_is_named(tmp_path):
    modules = [
        Module(
            id=f"m{n}", title=f"Week {n}", items=[Item(id=f"i{n}", title=f"Item {n}", minutes=60)]
        )
        for n in (1, 2)
    ]
    courses = [
        Course(id="c1", title="Course 1", module_ids=["m1"]),
        Course(id="c2", title="Course 2", module_ids=["m2"]),
    ]
    program = Program(id="p", title="P", course_ids=["c1", "c2"])
    path = tmp_path / "moved.xlsx"
    export_workbook(Catalog(Settings(), [program], courses, modules), path)
    book = openpyxl.load_workbook(path)
    sheet = book["P"]
    assert [sheet.cell(row, 8).value for row in range(13, 19)] == [
        "c1",
        "m1",
        "i1",
        "c2",
        "m2",
        "i2",
    ]
    reorder(sheet, 13, [0, 4, 5, 3, 1, 2])  # week 2 and its item under course 1, week 1 under 2
    book.save(path)
    assert problems_of(path) == [
        "Sheet 'P', row 14: the row of module “Week 2” was moved under course “Course 1”, "
        "but that course does not have it: modules are moved between courses in "
        "Curriculum Designer; move the row back",
        "Sheet 'P', row 17: the row of module “Week 1” was moved under course “Course 2”, "
        "but that course does not have it: modules are moved between courses in "
        "Curriculum Designer; move the row back",
    ]
