"""The exported workbook as a reader sees it in LibreOffice Calc, on screen and printed.

One LibreOffice run prints the sheets these tests look at (lo_calc.py): the sample's,
after a reader's edit, and those of a generated catalog of 20 programs.
"""

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from lo_calc import ABSENT, SOFFICE, _soffice, printed_pages

from benchmarks.generate import generate
from designer.excel import export_workbook
from designer.model import Catalog, Course, Item, Module, Program, Settings
from designer.storage import load

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "microsoft-certificates.curriculum.json"
FULL_STACK = "Full Stack Developer"
PR_MAP = "Map Public Relations"
LARGE, _ = generate(programs=20, courses=150, seed=2)

printing = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None,
    reason=ABSENT if SOFFICE is None else "no pdftotext (poppler-utils)",
)


def _showing(workbook: Path, sheets: tuple[str, ...], out: Path) -> Path:
    """A copy of the workbook that prints only these sheets."""
    book = openpyxl.load_workbook(workbook)
    book.active = book.sheetnames.index(sheets[0])
    for sheet in book.worksheets:
        sheet.sheet_state = "visible" if sheet.title in sheets else "hidden"
    book.save(out)
    book.close()
    return out


class Page:
    """A printed page: its text as laid out, and the height of each word (points)."""

    def __init__(self, text: str, heights: list[float]) -> None:
        self.text = text
        self.heights = heights
        found = re.search(r"(\S.*), page \d+ of \d+", text)
        self.sheet = found.group(1).strip() if found else ""

    def words(self) -> list[str]:
        return self.text.split()


def _pages(pdf: Path) -> list[Page]:
    layout = ["pdftotext", "-layout", str(pdf), "-"]
    texts = subprocess.run(layout, capture_output=True, text=True, check=True).stdout
    boxes = ["pdftotext", "-bbox", str(pdf), "-"]
    html = subprocess.run(boxes, capture_output=True, text=True, check=True).stdout
    heights = [
        [
            float(b) - float(a)
            for a, b in re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', page)
        ]
        for page in html.split("<page ")[1:]
    ]
    texts_of = texts.split("\f")[:-1]
    assert len(texts_of) == len(heights)
    return [Page(t, h) for t, h in zip(texts_of, heights, strict=True)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The printed pages of the sheets looked at, by sheet name."""
    folder = tmp_path_factory.mktemp("review")
    # The sample, after a reader's edit in the Full Stack sheet: "Welcome to C# and .NET"
    # 15 -> 21 min, "Setting up .NET and Visual Studio Code" 30 -> 32.5 min.
    sample = folder / "sample.xlsx"
    export_workbook(load(SAMPLE), sample)
    book = openpyxl.load_workbook(sample)
    sheet = book[FULL_STACK]
    assert (sheet["B31"].value, sheet["D31"].value) == ("Welcome to C# and .NET", 15)
    assert (sheet["B32"].value, sheet["D32"].value) == (
        "Setting up .NET and Visual Studio Code",
        30,
    )
    sheet["D31"], sheet["D32"] = 21, 32.5
    book.save(sample)
    book.close()
    large = folder / "large.xlsx"
    export_workbook(LARGE, large)
    files = [
        _showing(sample, ("Overview", FULL_STACK, PR_MAP), folder / "sample-shown.xlsx"),
        _showing(large, ("Supplement", "Stackability"), folder / "large-shown.xlsx"),
    ]
    _soffice(folder, ["--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, files)])
    pages: dict[str, list[Page]] = {}
    for file in files:
        for page in _pages(folder / "pdf" / f"{file.stem}.pdf"):
            pages.setdefault(page.sheet, []).append(page)
    return pages


@printing
def test_figures_changed_by_an_edit_show_their_fraction(printed):
    # 8.5 minutes more: week 1 of the C# course 10.14 h, the course 30.14 h, the program
    # 422.14 h. Under the whole-hour format of the exported figures, Calc showed 10 h,
    # 30 h and 422 h (and 33 min for the 32.5 typed), as if the edit had changed nothing.
    page = printed[FULL_STACK][0].text
    assert re.search(r"Introduction to Programming With C#\s+30\.14 h", page)
    assert re.search(r"Total\s+422\.14 h", page)
    assert re.search(r"ECTS credits\s+16 ECTS", page)
    assert re.search(r"Week 1: C# fundamentals: syntax, types and variables\s+10\.14 h", page)
    assert re.search(r"Welcome to C# and \.NET\s+21 min", page)
    assert re.search(r"Setting up \.NET and Visual Studio Code\s+32\.5 min", page)
    assert re.search(r"Foundations of Coding Full-Stack\s+39 h", page)  # whole stays whole
    overview = printed["Overview"][0].text
    assert re.search(r"MS-FSD .* 422\.14 h\s+16 ECTS\s+43 weeks", overview)
    assert re.search(r"MS-BED .* 309 h\s+12 ECTS", overview)


@printing
def test_a_wide_sheet_prints_legibly_on_pages_that_start_with_its_row_labels(printed):
    # The Supplement of 20 programs (20 columns of 48): fitted to one page across, it was
    # printed at LibreOffice's smallest scale (10 %, text 1 pt high), and what did not fit
    # went to a second page without the elements' names.
    for sheet, label in (
        ("Supplement", "Country of the issuer (fact 2)"),
        ("Stackability", "MU-DATA-20"),
    ):
        pages = printed[sheet]
        assert len(pages) >= 2, sheet
        for page in pages:
            assert label in page.text, sheet
            heights = sorted(page.heights)
            assert heights[len(heights) // 2] >= 5.5, (sheet, heights[len(heights) // 2])
    shown = {word for page in printed["Supplement"] for word in page.words()}
    assert {p.code for p in LARGE.programs} <= shown


@printing
def test_curriculum_map_headers_keep_the_words_of_course_titles_whole(printed):
    # "4 Marketing, Communication, and PR" in a column 14 wide broke as "Communicatio / n".
    page = printed[PR_MAP][0]
    assert "Communication," in page.words()
    assert "Communicatio" not in page.words()


def test_the_certificate_supplement_keeps_its_sheet_name_beside_a_program_called_so(tmp_path):
    # A program whose title tells it by "Supplement" took that sheet name, and the
    # certificate supplement became "Supplement1".
    course = Course(id="c", title="Course", hours=30)
    programs = [
        Program(id="a", title="Acme Supplement Certificate", course_ids=["c"]),
        Program(id="b", title="Acme Other Certificate", course_ids=["c"]),
    ]
    path = tmp_path / "named.xlsx"
    export_workbook(Catalog(Settings(), programs, [course]), path)
    book = openpyxl.load_workbook(path)
    assert book["Supplement"]["A1"].value == "Certificate supplement"
    syllabus = next(s for s in book.worksheets if s["H1"].value == "a")
    assert syllabus.title != "Supplement" and "Supplement" in syllabus.title
    assert syllabus["A1"].value == "Acme Supplement Certificate"
    assert not [name for name in book.sheetnames if re.fullmatch(r"Supplement\d+", name)]
    book.close()


@printing
def test_a_program_of_one_week_says_1_week(tmp_path):
    week = Module(id="m", title="Only week", items=[Item(id="i", title="Work", minutes=600)])
    course = Course(id="c", title="Short course", module_ids=["m"])
    program = Program(id="p", title="Short Certificate", course_ids=["c"])
    catalog = Catalog(Settings(weekly_hours=10), [program], [course], [week])
    workbook = tmp_path / "short.xlsx"
    export_workbook(catalog, workbook)
    for sheet in ("Overview", "Short Certificate"):
        printed = "\n".join(printed_pages(workbook, sheet, tmp_path))
        assert re.search(r"\b1 week\b", printed) and "1 weeks" not in printed, sheet
