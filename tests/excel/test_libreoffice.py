"""A real spreadsheet engine checks the exported workbooks: LibreOffice computes them.

All workbooks go through one LibreOffice run (see lo_calc.py), made once per module.
"""

import shutil
from pathlib import Path

import openpyxl
import pytest
from lo_calc import (
    ABSENT,
    NO_UNO,
    SOFFICE,
    UNO_PYTHON,
    calculated,
    printed_pages,
    resaved,
    sorted_rows,
)
from xlsx_helpers import save_results

from benchmarks.generate import generate
from designer.errors import CatalogError
from designer.excel import export_workbook, import_workbook
from designer.excel.layout import program_sheet_names
from designer.model import Catalog, Course, Program, Settings, Totals
from designer.storage import dumps, load

pytestmark = pytest.mark.skipif(SOFFICE is None, reason=ABSENT)

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "microsoft-certificates.curriculum.json"
SYLLABI = {  # sheet -> (program id, hours, ECTS, weeks) as the report publishes them
    "Full Stack Developer": ("full-stack", 422, 16, 43),
    "Back-End Developer": ("back-end", 309, 12, 31),
    "Front-End Developer": ("front-end", 212, 8, 22),
    "Public Relations": ("pr-communications", 136, 5, 14),
}
INJECTED = ['=HYPERLINK("http://example.com","click")', "+1+1", "-2", "@SUM(A1)", "#N/A"]


def rounding_variant(rounding: str, per: float) -> Catalog:
    catalog = load(SAMPLE)
    catalog.settings = Settings(hours_per_credit=per, rounding=rounding, weekly_hours=12.5)
    return catalog


def just_over() -> Catalog:
    """Full Stack at 422.004 h (a video of 15.24 minutes), shown "422 h": 211 weeks at 2 h a
    week, as the window counts them, not 212."""
    catalog = load(SAMPLE)
    catalog.settings = Settings(weekly_hours=2)
    catalog.set_field(catalog.get("csharp-w1-i1"), "minutes", 15.24)
    return catalog


VARIANTS = {
    "nearest-30": rounding_variant("nearest", 30),
    "half-30": rounding_variant("half", 30),
    "down-27.5": rounding_variant("down", 27.5),
    "just-over-2": just_over(),
}


def generated(seed: int, rounding: str, per: float) -> Catalog:
    """A small catalog of the benchmarks' generator (shared courses, planted copies), with
    a course of declared hours and no modules, a module of declared hours and no items, and
    an item of 7.5 minutes, in the first program."""
    catalog, _ = generate(programs=6, courses=24, seed=seed)
    catalog.settings = Settings(hours_per_credit=per, rounding=rounding, weekly_hours=12.5)
    first, second = catalog.courses_of(catalog.programs[0])[:2]
    while first.module_ids:
        catalog.remove(first, "module_ids", 0)
    catalog.set_field(first, "hours", 12.5)
    module = catalog.modules_of(second)[0]
    while module.items:
        catalog.remove(module, "items", 0)
    catalog.set_field(module, "hours", 3.25)
    catalog.set_field(catalog.modules_of(second)[1].items[0], "minutes", 7.5)
    return catalog


GENERATED = {
    "generated-1": generated(1, "down", 25),
    "generated-2": generated(2, "half", 30),
    "generated-3": generated(3, "nearest", 27.5),
}


@pytest.fixture(scope="module")
def computed(tmp_path_factory):
    """Every workbook of this module as LibreOffice computes it, by file stem."""
    folder = tmp_path_factory.mktemp("libreoffice")
    files = {}

    files["sample"] = folder / "sample.xlsx"
    export_workbook(load(SAMPLE), files["sample"])

    # A reader edits the exported file: an hour, a minute; the totals must follow.
    files["edited"] = folder / "edited.xlsx"
    export_workbook(load(SAMPLE), files["edited"])
    book = openpyxl.load_workbook(files["edited"])
    sheet = book["Full Stack Developer"]
    assert sheet["B5"].value == "Foundations of Coding Full-Stack"
    sheet["C5"] = 49  # 39 -> 49 h
    assert sheet["B31"].value == "Welcome to C# and .NET"
    sheet["D31"] = 75  # 15 -> 75 min: the C# course, shared by three programs, gains 1 h
    sheet["A1"] = "Full Stack Web Developer"  # the program's title, above its table
    book.save(files["edited"])
    # A saved result must not fool the check: LibreOffice recalculates everything.
    save_results(files["edited"], 2, {"C17": 1})

    courses = [Course(id=f"c{n}", title=t, hours=10) for n, t in enumerate(INJECTED)]
    program = Program(id="p", title="Injected", course_ids=[c.id for c in courses])
    files["injected"] = folder / "injected.xlsx"
    export_workbook(Catalog(Settings(), [program], courses), files["injected"])

    course = Course(id="c", title="Course", hours=27)
    tricky = ["O'Brien's: A/B [Test]?", "o'brien's: a/b [test]?", "History"]
    programs = [Program(id=f"p{n}", title=t, course_ids=["c"]) for n, t in enumerate(tricky)]
    files["tricky"] = folder / "tricky.xlsx"
    export_workbook(Catalog(Settings(), programs, [course]), files["tricky"])

    for name, catalog in [*VARIANTS.items(), *GENERATED.items()]:
        files[name] = folder / f"{name}.xlsx"
        export_workbook(catalog, files[name])

    results = calculated(list(files.values()), folder)
    computed = {name: results[path] for name, path in files.items()}
    computed["resaved"] = resaved(files["edited"], folder)

    # A reader adds an item's row, as if it would add the item.
    added = folder / "added.xlsx"
    export_workbook(load(SAMPLE), added)
    book = openpyxl.load_workbook(added)
    sheet = book["Full Stack Developer"]
    sheet.insert_rows(32)
    sheet["A32"], sheet["B32"], sheet["D32"] = "2.1.1b", "Extra practice quiz", 20
    book.save(added)
    computed["added"] = resaved(added, folder)
    return computed


def number(text: str) -> float:
    return float(text)


def test_sample_syllabus_sheets_as_libreoffice_computes_them(computed):
    sample = load(SAMPLE)
    totals = Totals(sample)
    for sheet, (program_id, hours, ects, weeks) in SYLLABI.items():
        rows = computed["sample"][sheet]
        program = sample.program(program_id)
        courses = sample.courses_of(program)
        table = rows[4 : 4 + len(courses)]
        assert [r[1] for r in table] == [c.title for c in courses]
        assert [number(r[2]) for r in table] == [totals.hours(c) for c in courses]
        total, credits, pace = rows[4 + len(courses) : 7 + len(courses)]
        assert (total[1], credits[1]) == ("Total", "ECTS credits")
        figures = totals.program(program)
        assert number(total[2]) == hours == figures.hours
        assert number(credits[2]) == ects == figures.ects
        assert number(pace[2]) == weeks == figures.weeks


def test_overview_shows_every_programs_figures(computed):
    rows = computed["sample"]["Overview"][4:8]
    assert [(r[0], number(r[4]), number(r[5]), number(r[6])) for r in rows] == [
        ("MS-FSD", 422, 16, 43),
        ("MS-BED", 309, 12, 31),
        ("MS-FED", 212, 8, 22),
        ("MS-PRC", 136, 5, 14),
    ]


def test_an_hour_changed_in_the_sheet_moves_the_totals(computed):
    sheets = computed["edited"]
    full_stack = sheets["Full Stack Developer"]
    assert number(full_stack[29][2]) == pytest.approx(11)  # week 1 of C#: 10 h + 1 h
    assert number(full_stack[5][2]) == pytest.approx(31)  # the C# course
    assert number(full_stack[16][2]) == pytest.approx(422 + 10 + 1)  # not the saved 1
    assert number(full_stack[17][2]) == 17  # 433 / 25 rounded down
    overview = sheets["Overview"]
    assert [number(r[4]) for r in overview[4:8]] == pytest.approx([433, 309, 212, 136])


def test_credits_follow_the_catalogs_rounding_policy(computed):
    for name, catalog in VARIANTS.items():
        totals = Totals(catalog)
        for sheet, (program_id, *_) in SYLLABI.items():
            figures = totals.program(catalog.program(program_id))
            rows = computed[name][sheet]
            end = 4 + figures.courses
            assert number(rows[end][2]) == pytest.approx(figures.hours)
            assert number(rows[end + 1][2]) == figures.ects, (name, sheet)
            assert number(rows[end + 2][2]) == figures.weeks, (name, sheet)
    just_over = computed["just-over-2"]["Full Stack Developer"]
    assert number(just_over[16][2]) == pytest.approx(422.004)
    assert number(just_over[18][2]) == 211
    half = computed["half-30"]["Back-End Developer"]
    assert half[13][2] == "10.5"  # 309 h / 30 = 10.3, to the nearest half credit


def test_text_that_looks_like_a_formula_is_text_in_libreoffice(computed):
    rows = computed["injected"]["Injected"]
    assert [r[1] for r in rows[4:9]] == INJECTED
    assert rows[9][2] == "50"


def test_sheet_names_with_quotes_and_forbidden_characters_work_in_formulas(computed):
    sheets = computed["tricky"]
    assert list(sheets)[:4] == [
        "Overview",
        "O'Brien's- A-B -Test--",
        "o'brien's- a-b -test-- (2)",
        "Program",
    ]
    assert [number(r[4]) for r in sheets["Overview"][4:7]] == [27, 27, 27]


def test_a_row_added_in_a_workbook_saved_by_libreoffice_is_named_not_dropped(computed):
    with pytest.raises(CatalogError) as caught:
        import_workbook(computed["added"])
    assert [str(p) for p in caught.value.problems] == [
        "Sheet 'Full Stack Developer', row 32: a row without a Curriculum Designer id "
        "(column H) is not read: add units in Curriculum Designer and export again; "
        "headings and totals are not imported (found “2.1.1b”, “Extra practice quiz”, 20)"
    ]


def test_a_workbook_saved_by_libreoffice_imports_with_its_edits(computed):
    catalog = import_workbook(computed["resaved"])
    original = load(SAMPLE)
    assert catalog.courses["foundations-of-coding-full-stack"].hours == 49
    assert catalog.get("csharp-w1-i1").minutes == 75
    assert catalog.program("full-stack").title == "Full Stack Web Developer"
    catalog.courses["foundations-of-coding-full-stack"].hours = 39
    catalog.get("csharp-w1-i1").minutes = 15
    catalog.program("full-stack").title = original.program("full-stack").title
    assert dumps(catalog) == dumps(original)
    figures = Totals(catalog).program(catalog.program("full-stack"))
    assert figures.hours == 422


@pytest.mark.parametrize("name", GENERATED)
def test_generated_catalogs_figures_as_libreoffice_computes_them(computed, name):
    catalog = GENERATED[name]
    totals = Totals(catalog)
    sheets = computed[name]
    overview = {row[7]: row for row in sheets["Overview"][4:] if len(row) > 7 and row[7]}
    assert set(overview) == {p.id for p in catalog.programs}
    for program in catalog.programs:
        figures = totals.program(program)
        row = overview[program.id]
        assert number(row[4]) == pytest.approx(figures.hours), program.id
        assert number(row[5]) == figures.ects, program.id
        assert number(row[6]) == figures.weeks, program.id
    # Each syllabus sheet (its first row carries the program's id) lists its courses'
    # hours, each the sum of its modules', each the sum of its items' minutes.
    syllabi = {rows[0][7]: rows for rows in sheets.values() if len(rows[0]) > 7 and rows[0][7]}
    assert set(syllabi) == set(overview)
    for program in catalog.programs:
        courses = catalog.courses_of(program)
        rows = syllabi[program.id][4 : 4 + len(courses)]
        assert [row[7] for row in rows] == [c.id for c in courses]
        for row, course in zip(rows, courses, strict=True):
            assert number(row[2]) == pytest.approx(totals.hours(course)), course.id


@pytest.fixture(scope="module")
def sorted_by_title(tmp_path_factory):
    """The sample's workbook after a reader sorts, in LibreOffice Calc, the course rows of
    the Full Stack sheet and the program rows of the Overview by title (whole rows, A to H),
    as LibreOffice computes and saves it."""
    if UNO_PYTHON is None:
        pytest.skip(NO_UNO)
    folder = tmp_path_factory.mktemp("sorted")
    workbook = folder / "sample.xlsx"
    export_workbook(load(SAMPLE), workbook)
    sorts = [("Full Stack Developer", "A5:H16", 1), ("Overview", "A5:H8", 1)]
    book = openpyxl.load_workbook(sorted_rows(workbook, sorts, folder), data_only=True)
    yield book
    book.close()


def test_course_rows_sorted_in_libreoffice_keep_their_hours_and_the_totals(sorted_by_title):
    sample = load(SAMPLE)
    totals = Totals(sample)
    program = sample.program("full-stack")
    courses = sample.courses_of(program)
    sheet = sorted_by_title["Full Stack Developer"]
    rows = list(sheet.iter_rows(min_row=5, max_row=4 + len(courses), values_only=True))
    assert [row[7] for row in rows] != [c.id for c in courses]  # the sort moved them
    for row in rows:
        course = sample.courses[row[7]]
        assert (row[1], row[2]) == (course.title, totals.hours(course))
    figures = totals.program(program)
    assert [sheet.cell(row, 3).value for row in (17, 18, 19)] == [422, 16, 43]
    assert (figures.hours, figures.ects, figures.weeks) == (422, 16, 43)


def test_program_rows_sorted_in_libreoffice_keep_their_figures(sorted_by_title):
    sample = load(SAMPLE)
    totals = Totals(sample)
    sheet = sorted_by_title["Overview"]
    rows = list(sheet.iter_rows(min_row=5, max_row=8, values_only=True))
    assert [row[7] for row in rows] != [p.id for p in sample.programs]  # the sort moved them
    for row in rows:
        figures = totals.program(sample.program(row[7]))
        assert row[4:7] == (figures.hours, figures.ects, figures.weeks), row[7]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no pdftotext (poppler-utils)")
def test_printed_syllabus_pages_after_the_first_repeat_the_modules_and_items_header(tmp_path):
    sample = load(SAMPLE)
    catalog, _ = generate(programs=3, courses=60, seed=4)
    longest = max(catalog.programs, key=lambda p: len(catalog.courses_of(p)))
    cases = [(sample, sample.program("full-stack")), (catalog, longest)]
    for number_, (catalog, program) in enumerate(cases):
        workbook = tmp_path / f"catalog-{number_}.xlsx"
        export_workbook(catalog, workbook)
        sheet = program_sheet_names(catalog.programs)[program.id].syllabus
        pages = [page.split("\n") for page in printed_pages(workbook, sheet, tmp_path)]
        assert len(pages) >= (2 if catalog is sample else 8)
        assert pages[0][0].strip() == program.title
        for page in pages[1:]:
            # What the page holds: modules and items, under their own header.
            assert page[0].split() == ["No.", "Module", "/", "item", "Hours", "Minutes", "Type"]
            assert "Learning hours" not in "\n".join(page)
