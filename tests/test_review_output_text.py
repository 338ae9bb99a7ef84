"""Text from around the world in what the program writes out: the commands' plain text, the
roadmap's SVG and PNG, the certificate supplement.

Every catalog here is the bundled sample, copied and changed in a temporary folder.
"""

import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from project import SAMPLE
from PySide6.QtGui import QImage

from designer.roadmap.png import write_png

SVG = "{http://www.w3.org/2000/svg}"
CSHARP = "introduction-to-programming-with-csharp"
# A title from a file someone else wrote: line breaks, a tab, a "clear the screen" sequence
# and an OSC sequence that retitles the terminal.
HOSTILE = "Intro\nto\tC#\r\n\x1b[2J\x1b]0;pwned\x07 end"
SHOWN = "Intro to C# \\x1b[2J\\x1b]0;pwned\\x07 end"


def catalog_file(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """The sample, changed, written to a file of its own."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "changed.curriculum.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def unit(data: dict[str, Any], kind: str, unit_id: str) -> dict[str, Any]:
    return next(u for u in data[kind] if u["id"] == unit_id)


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "designer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def raw_controls(text: str) -> list[str]:
    """The control characters in printed text other than its own line ends."""
    return [c for c in text if unicodedata.category(c) == "Cc" and c != "\n"]


# ---- 1. the commands' plain text ----------------------------------------------------------


def test_totals_keeps_a_title_with_line_breaks_on_its_row_and_shows_escapes_harmlessly(tmp_path):
    path = catalog_file(tmp_path, lambda d: unit(d, "courses", CSHARP).update(title=HOSTILE))
    result = run("totals", str(path))
    assert result.returncode == 0, result.stderr
    assert raw_controls(result.stdout) == []
    rows = [line for line in result.stdout.splitlines() if "pwned" in line]
    assert len(rows) == 3  # one row in each of the three certificates that share the course
    for row in rows:
        assert SHOWN in row
        assert re.search(r"\s30 h\s+shared with", row)  # its hours on its own row


def test_overlaps_pathway_check_and_bloom_print_what_a_file_holds_harmlessly(tmp_path):
    def change(data: dict[str, Any]) -> None:
        unit(data, "programs", "front-end")["code"] = "MS-FED\x1b[2J"
        unit(data, "courses", CSHARP)["title"] = HOSTILE
        back_end = unit(data, "courses", "foundations-of-coding-back-end")
        back_end["title"] = "Foundations of Coding Back-End\x1b]0;pwned\x07"

    path = catalog_file(tmp_path, change)
    overlaps = run("overlaps", str(path))
    assert overlaps.returncode == 0, overlaps.stderr
    assert raw_controls(overlaps.stdout) == []
    assert "MS-FED\\x1b[2J" in overlaps.stdout
    assert "“Foundations of Coding Back-End\\x1b]0;pwned\\x07”" in overlaps.stdout
    header, *pairs = overlaps.stdout.split("\n\n")[0].splitlines()[1:]
    # The table's columns stay aligned: "shared" ends where each row's hours end.
    end = header.index("shared") + len("shared")
    assert all(row[end - 1 : end + 1] == "h " for row in pairs), pairs

    pathway = run("pathway", str(path), "--have", "front-end", "--target", "full stack")
    assert pathway.returncode == 0, pathway.stderr
    assert raw_controls(pathway.stdout) == []
    assert f"    done  {SHOWN}\n" in pathway.stdout
    assert "holding Microsoft Front-End Developer Professional Certificate [MS-FED\\x1b[2J]:" in (
        pathway.stdout
    )

    check = run("check", str(path))
    assert raw_controls(check.stdout) == []
    assert "Foundations of Coding Back-End\\x1b]0;pwned\\x07" in check.stdout

    bloom = run("bloom", stdin="Design a\x1b[2J database for a shop\n")
    assert raw_controls(bloom.stdout) == []
    assert "Design a\\x1b[2J database for a shop" in bloom.stdout


def test_messages_on_standard_error_quote_titles_harmlessly(tmp_path):
    path = catalog_file(tmp_path, lambda d: unit(d, "programs", "front-end").update(title=HOSTILE))
    # A name that fits no program lists them all, this one among them.
    result = run("totals", str(path), "--program", "no such certificate")
    assert result.returncode == 2
    assert raw_controls(result.stderr) == []
    assert SHOWN in result.stderr

    course = catalog_file(tmp_path, lambda d: unit(d, "courses", CSHARP).update(title=HOSTILE))
    drawn = run("roadmap", str(course), "--unit", CSHARP, "-o", str(tmp_path / "r.svg"))
    assert drawn.returncode == 0, drawn.stderr
    assert raw_controls(drawn.stderr) == []
    assert f"roadmap of the course {SHOWN}," in drawn.stderr


def cells(text: str) -> int:
    """Terminal columns: wide (CJK) characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def test_wide_and_combining_titles_keep_the_hours_column_aligned(tmp_path):
    def change(data: dict[str, Any]) -> None:
        unit(data, "courses", "foundations-of-coding-full-stack")["title"] = "编程基础：全栈开发"
        unit(data, "courses", CSHARP)["title"] = "Cafe\u0301 de\u0301butant C#"  # decomposed

    result = run("totals", str(catalog_file(tmp_path, change)), "--program", "MS-FSD")
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if re.match(r"\s+\d+  ", line)]
    assert len(rows) == 12
    ends = {cells(row[: list(re.finditer(r"\d h", row))[-1].end()]) for row in rows}
    assert len(ends) == 1, result.stdout  # every row's "h" in the same terminal column


# ---- 2. the roadmap: right-to-left names among other text ----------------------------------

HEBREW = "מבוא"


def two_databases(data: dict[str, Any], hebrew_program: str = HEBREW) -> None:
    """Two courses titled "Databases": one in a Hebrew-titled program (first in the
    catalog) and in the Front-End certificate, coded "2025-FE"; one in Full Stack. The
    roadmap names the first "Databases (in <Hebrew title>, 2025-FE)"."""
    for course_id in ("db-a", "db-b"):
        data["courses"].append(
            {"id": course_id, "title": "Databases", "hours": 20.0, "module_ids": []}
        )
    data["programs"].insert(0, {"id": "hebrew", "title": hebrew_program, "course_ids": ["db-a"]})
    front_end = unit(data, "programs", "front-end")
    front_end["code"] = "2025-FE"
    front_end["course_ids"].append("db-a")
    unit(data, "programs", "full-stack")["course_ids"].append("db-b")


def svg_lines(path: Path) -> list[str]:
    return [t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}text")]


def test_a_hebrew_program_in_a_course_header_is_isolated_and_drawn_in_order(qapp, tmp_path):
    path = catalog_file(tmp_path, two_databases)
    svg, png = tmp_path / "hebrew.svg", tmp_path / "hebrew.png"
    assert run("roadmap", str(path), "--unit", "hebrew", "-o", str(svg)).returncode == 0
    assert run("roadmap", str(path), "--unit", "hebrew", "-o", str(png)).returncode == 0
    # The PNG shows the header as a reader expects it: the Hebrew right to left, the
    # code after it. The same picture with the header laid out by hand, letter by letter
    # left to right (LEFT-TO-RIGHT OVERRIDE), must be the same image. (Unisolated, Qt drew
    # "Databases (in 2025 ,<Hebrew>-FE)".)
    text = svg.read_text(encoding="utf-8")
    by_hand = "\u202dDatabases (in " + HEBREW[::-1] + ", 2025-FE)\u202c"
    reference = re.sub(r">Databases \(in [^<]*<", f">{by_hand}<", text)
    assert reference != text
    write_png(reference, tmp_path / "reference.png")
    assert QImage(str(png)) == QImage(str(tmp_path / "reference.png"))
    header = [line for line in svg_lines(svg) if line.startswith("Databases (in")]
    assert header == [f"Databases (in \u2068{HEBREW}\u2069, 2025-FE)"]


def test_a_long_hebrew_name_wrapped_over_lines_is_isolated_on_each(tmp_path):
    long_name = "מבוא לתכנות C# ושפות תכנות מודרניות"
    path = catalog_file(tmp_path, lambda d: two_databases(d, long_name))
    svg = tmp_path / "hebrew.svg"
    assert run("roadmap", str(path), "--unit", "hebrew", "-o", str(svg)).returncode == 0
    lines = svg_lines(svg)
    start = next(i for i, line in enumerate(lines) if line.startswith("Databases"))
    header = lines[start : start + 4]
    assert "".join(header).replace("\u2069\u2068", " ").count("\u2068") == 1  # one name
    for line in header:
        hebrew = [i for i, c in enumerate(line) if unicodedata.bidirectional(c) == "R"]
        if hebrew:  # its letters between a FIRST STRONG ISOLATE and a POP on this line
            assert line.rfind("\u2068", 0, hebrew[0]) >= 0, header
            assert line.find("\u2069", hebrew[-1]) >= 0, header


# ---- 3. the roadmap: words cut between what a reader sees as characters --------------------

NO_SPACES = {
    "accents": "e\u0301" * 100,  # é as e and a combining acute
    "family": "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466" * 12,
    "flags": "\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea\U0001f1ef\U0001f1f5" * 9,
    "thai": "ที่นี่น้ำใส" * 8,
    "thai water": "น้ำ" * 60,  # SARA AM, a vowel sign though not a mark
    "hindi": "क्षत्रियों" * 10,
    "skin tones": "\U0001f44d\U0001f3fd" * 60,
    "hearts": "\u2764\ufe0f" * 60,
}


def cut_inside_a_cluster(line: str, following: str) -> bool:
    """Whether the break between line and the line after it splits a character."""
    first = following[:1]
    return bool(
        first
        and (
            unicodedata.category(first).startswith("M")
            or first in "\u200d\u0e33\u0eb3"  # a joiner; Thai and Lao SARA AM
            or "\ufe00" <= first <= "\ufe0f"
            or "\U0001f3fb" <= first <= "\U0001f3ff"
            or line.endswith("\u200d")
            or unicodedata.combining(line[-1:] or " ") == 9  # a virama
            or sum("\U0001f1e6" <= c <= "\U0001f1ff" for c in line) % 2 == 1
        )
    )


@pytest.mark.parametrize("kind", NO_SPACES)
def test_long_words_are_wrapped_between_whole_characters(tmp_path, kind):
    word = NO_SPACES[kind]

    def change(data: dict[str, Any]) -> None:
        course = unit(data, "courses", CSHARP)
        course["outcomes"][0]["text"] = word  # a row's head, 6 lines at most
        module = unit(data, "modules", course["module_ids"][0])
        module["outcomes"][0]["text"] = word  # a box, 6 lines at most

    svg = tmp_path / "words.svg"
    result = run("roadmap", str(catalog_file(tmp_path, change)), "--unit", CSHARP, "-o", str(svg))
    assert result.returncode == 0, result.stderr
    lines = svg_lines(svg)
    pieces = [i for i, line in enumerate(lines) if line and set(line.rstrip("\u2026")) <= set(word)]
    blocks: list[list[int]] = []  # the row's head, then the box: lines one after the other
    for i in pieces:
        if blocks and blocks[-1][-1] == i - 1:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    assert len(blocks) == 2 and all(len(block) >= 3 for block in blocks), blocks
    for block in blocks:
        for i in block[:-1]:
            assert not cut_inside_a_cluster(lines[i], lines[i + 1]), (lines[i], lines[i + 1])
        # The last line, ended by an ellipsis where the rest is left out, ends a character.
        shown = "".join(lines[i] for i in block).removesuffix("\u2026")
        assert word.startswith(shown)
        assert not cut_inside_a_cluster(shown, word[len(shown) :]), lines[block[-1]]


# ---- 4. the supplement: an outcome with a line break is one outcome ------------------------

OUTCOMES = [
    "Develop full-stack web applications\nwith C#,\t.NET and Blazor.",  # a tab too
    "Integrate front-end, back-end\r\n   and database components\u2028into one application.",
]
ONE_LINE = [
    "Develop full-stack web applications with C#, .NET and Blazor.",
    "Integrate front-end, back-end and database components into one application.",
]


def outcomes_with_line_breaks(data: dict[str, Any]) -> None:
    program = unit(data, "programs", "full-stack")
    for outcome, text in zip(program["outcomes"], OUTCOMES, strict=False):
        outcome["text"] = text


def supplement(tmp_path: Path, form: str) -> Path:
    path = catalog_file(tmp_path, outcomes_with_line_breaks)
    out = tmp_path / f"full-stack.{form}"
    result = run(
        "supplement", str(path), "--program", "full stack", "--format", form, "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    return out


def test_the_supplement_page_lists_an_outcome_with_a_line_break_as_one(tmp_path):
    page = supplement(tmp_path, "html").read_text(encoding="utf-8")
    items = re.findall(r'<li dir="auto">(.*?)(?: <span class="bloom">|</li>)', page, re.S)
    assert items[:2] == ONE_LINE


def test_the_badge_and_elm_list_an_outcome_with_a_line_break_as_one(tmp_path):
    badge = json.loads(supplement(tmp_path, "badge").read_text(encoding="utf-8"))
    criteria = badge["criteria"]["narrative"].split("\n")
    start = criteria.index("Learning outcomes: a holder of the certificate is able to") + 1
    listed = criteria[start : criteria.index("", start)]
    assert listed[:2] == [f"1. {ONE_LINE[0]}", f"2. {ONE_LINE[1]}"]
    elm = supplement(tmp_path, "elm").read_text(encoding="utf-8")
    assert all(f'"en": "{text}"' in elm for text in ONE_LINE)  # each outcome's title


def test_the_workbooks_supplement_sheet_has_a_line_per_outcome(tmp_path):
    path = catalog_file(tmp_path, outcomes_with_line_breaks)
    out = tmp_path / "syllabi.xlsx"
    result = run("export", str(path), "--xlsx", str(out))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out)["Supplement"]
    row = next(r for r in sheet.iter_rows(values_only=True) if str(r[0]).startswith("Learning"))
    column = next(i for i, r in enumerate(sheet.iter_rows(values_only=True)) if r[0] == "Element")
    header = list(sheet.iter_rows(values_only=True))[column]
    lines = row[header.index("MS-FSD")].split("\n")
    count = len(json.loads(path.read_text(encoding="utf-8"))["programs"][0]["outcomes"])
    assert lines[:2] == ONE_LINE and len(lines) == count
