"""The hours printed beside the ECTS credits computed from them, as LibreOffice prints them.

The app states 424.9967 h with 16 ECTS (rounded down, 25 h a credit) as "424.99 h", never
"425" (17 credits' worth). The workbook's Total showed "425.0 h" right above "16 ECTS",
and the Overview "425.0 h" beside it: wrong arithmetic on its face. A number format
cannot cut, so the sheet shows more decimals there ("424.9967 h"); these tests read what
a reader sees on the syllabus sheet, the Overview and the Supplement, for each rounding.
"""

import re
import shutil
import subprocess

import openpyxl
import pytest
from lo_calc import ABSENT, SOFFICE, _soffice

from designer.excel import export_workbook
from designer.model import Catalog, Course, Item, Module, Program, Settings
from designer.model.totals import round_credits
from designer.model.units import Rounding

pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None,
    reason=ABSENT if SOFFICE is None else "no pdftotext (poppler-utils)",
)

# Minutes whose hours lie within 0.005 h below a boundary of each rounding, 16 ECTS:
# 424.9967 h (17 credits from 425 h), 412.4967 h (16.5 credits, 17 rounded, from 412.5 h)
# and 406.2467 h (16.25 credits, 16.5 rounded to half credits, from 406.25 h).
EDGE = {"down": 25499.8, "nearest": 24749.8, "half": 24374.8}
PLAIN = 25328.4  # 422.14 h: 16 ECTS rounded down, 17 otherwise
WHOLE = 25500  # 425 h, 17 ECTS; a reader's edit of one item takes it to 424.9967 h


def _program(code: str, minutes: float) -> tuple[Program, list[Course], list[Module]]:
    """A program of two courses of one module each, the minutes shared between them."""
    courses, modules = [], []
    for number in (1, 2):
        left, items = minutes / 2, []
        while left > 0:
            name = f"{code}-{number}-{len(items) + 1}"
            items.append(Item(id=name, title=f"Item {name}", minutes=min(left, 6000)))
            left = round(left - 6000, 6)
        module = Module(id=f"{code}-m{number}", title=f"{code} week {number}", items=items)
        modules.append(module)
        courses.append(
            Course(id=f"{code}-c{number}", title=f"{code} course {number}", module_ids=[module.id])
        )
    program = Program(
        id=code, code=code, title=f"{code} Certificate", course_ids=[c.id for c in courses]
    )
    return program, courses, modules


def _catalog(rounding: Rounding, programs: dict[str, float]) -> Catalog:
    parts = [_program(code, minutes) for code, minutes in programs.items()]
    return Catalog(
        Settings(rounding=rounding),
        [program for program, _, _ in parts],
        [course for _, courses, _ in parts for course in courses],
        [module for _, _, modules in parts for module in modules],
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The printed text of each sheet of each workbook: {workbook: {sheet: text}}, all
    printed by one run of LibreOffice (each start is slow)."""
    folder = tmp_path_factory.mktemp("credit-hours")
    files = []
    for rounding, minutes in EDGE.items():
        path = folder / f"{rounding}.xlsx"
        export_workbook(_catalog(rounding, {"EDGE": minutes, "PLAIN": PLAIN}), path)
        files.append(path)  # printed as exported: every sheet
    # A reader's edit in the sheet: one item 6000 -> 5999.8 min, the Total 425 -> 424.9967 h.
    edited = folder / "edited.xlsx"
    export_workbook(_catalog("down", {"WHOLE": WHOLE}), edited)
    book = openpyxl.load_workbook(edited)
    assert book["WHOLE Certificate"]["D15"].value == 6000
    book["WHOLE Certificate"]["D15"] = 5999.8
    book.save(edited)
    book.close()
    files.append(edited)
    _soffice(folder, ["--convert-to", "pdf", "--outdir", str(folder / "pdf"), *map(str, files)])
    found: dict[str, dict[str, str]] = {}
    for file in files:
        pdf = folder / "pdf" / f"{file.stem}.pdf"
        command = ["pdftotext", "-layout", str(pdf), "-"]
        text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
        sheets = found[file.stem] = {}
        for page in text.split("\f")[:-1]:  # each page ends with a form feed
            footer = re.search(r"(\S.*), page \d+ of \d+", page)
            assert footer is not None, page
            sheet = footer.group(1).strip()
            sheets[sheet] = sheets.get(sheet, "") + page
    return found


def _beside_credits(sheets: dict[str, str]) -> list[tuple[float, float]]:
    """Every hours figure printed beside ECTS credits, and those credits: the syllabus
    sheets' Total and ECTS rows, the Overview's Hours and ECTS, the Supplement's workload."""
    pairs = [
        pair
        for text in sheets.values()
        for pair in re.findall(r"Total\s+([\d.]+) h\s+ECTS credits\s+([\d.]+) ECTS", text)
    ]
    pairs += re.findall(r"([\d.]+) h\s+([\d.]+) ECTS", sheets["Overview"])
    found = re.findall(r"([\d.]+) ECTS \(([\d.]+) h at 25 h", sheets["Supplement"])
    pairs += [(hours, ects) for ects, hours in found]
    return [(float(hours), float(ects)) for hours, ects in pairs]


def _worth_their_credits(sheets: dict[str, str], rounding: Rounding) -> None:
    pairs = _beside_credits(sheets)
    programs = sheets["Overview"].count(" Certificate ")
    assert len(pairs) == 3 * programs, pairs  # each program's, on each of the three sheets
    for hours, ects in pairs:
        assert round_credits(hours / 25, rounding) == ects, (hours, ects)


@pytest.mark.parametrize(
    ("rounding", "hours", "ects"),
    [("down", "424.9967", "16"), ("nearest", "412.4967", "16"), ("half", "406.2467", "16.0")],
)
def test_hours_beside_the_credits_are_worth_those_credits(printed, rounding, hours, ects):
    # Before: "425.0 h", "412.5 h" and "406.25 h", worth 17, 17 and 16.5 credits.
    sheets = printed[rounding]
    syllabus = sheets["EDGE"]
    assert re.search(rf"Total\s+{hours} h\s+ECTS credits\s+{ects} ECTS", syllabus)
    assert re.search(rf"EDGE Certificate\s+2\s+{hours} h\s+{ects} ECTS", sheets["Overview"])
    cut = hours[:-2]  # the Supplement's text is the app's: two decimals, cut
    assert f"16 ECTS ({cut} h at 25 h per credit" in sheets["Supplement"]
    _worth_their_credits(sheets, rounding)


@pytest.mark.parametrize(
    ("rounding", "ects"), [("down", "16"), ("nearest", "17"), ("half", "17.0")]
)
def test_an_ordinary_total_keeps_its_two_decimals(printed, rounding, ects):
    sheets = printed[rounding]
    syllabus = sheets["PLAIN"]
    assert re.search(rf"Total\s+422\.14 h\s+ECTS credits\s+{ects} ECTS", syllabus)
    assert re.search(rf"PLAIN Certificate\s+2\s+422\.14 h\s+{ects} ECTS", sheets["Overview"])
    assert f"{ects.removesuffix('.0')} ECTS (422.14 h at 25 h per credit" in sheets["Supplement"]


def test_a_total_an_edit_takes_near_a_credit_boundary_keeps_its_credits(printed):
    # 425 h (17 ECTS), exported as "425 h"; one item 0.2 min shorter makes it 424.9967 h,
    # 16 ECTS: Calc showed "425.0 h" beside them.
    sheets = printed["edited"]
    syllabus = sheets["WHOLE Certificate"]
    assert re.search(r"Total\s+424\.9967 h\s+ECTS credits\s+16 ECTS", syllabus)
    assert re.search(r"WHOLE Certificate\s+2\s+424\.9967 h\s+16 ECTS", sheets["Overview"])
