"""The roadmap pages of the supplement, and the wording a review found wrong.

The roadmap must print legibly however many courses and outcomes a program has, search
and copy as typed, and show the design's gaps only in a draft; a program under one credit
is refused with the reason; one week is "1 week".
"""

import argparse
import base64
import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import catalogs
from supplement_helpers import (
    page_sizes,
    poppler,
    supplement_of,
    without_issuer_country_and_assessment,
)

from designer.model import Totals
from designer.roadmap.svg import roadmap_svg, svg_pages
from designer.storage import load
from designer.supplement import MissingFacts, supplement_facts, supplement_html, write_supplement
from designer.supplement.commands import add_commands
from designer.supplement.export import ROADMAP_PAGE

LANDSCAPE = (842.0, 595.0)  # A4, points, rounded
FOOTER_POINTS = 7.5  # the size of the footer's "Page n of m", by which the words are measured
LEGIBLE_POINTS = 6.5
DIAGNOSTICS = ("Gaps", "not addressed by any course", "gap: not addressed")


def words(path: Path, page: int) -> list[tuple[str, float]]:
    """Each word of the page with its height in points, from pdftotext -bbox."""
    boxes = poppler("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    found = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        boxes,
    )
    return [(word, float(bottom) - float(top)) for top, bottom, word in found]


def smallest_points(path: Path, page: int) -> float:
    """The printed size of the page's smallest text: the word heights, scaled so that the
    footer's "Page" (set at FOOTER_POINTS) measures its size."""
    found = words(path, page)
    footer = next(height for word, height in found if word == "Page")
    return min(height for _, height in found) * FOOTER_POINTS / footer


def page_text(path: Path, first: int, last: int) -> str:
    """The text of these pages as pdftotext gives it, ligatures not undone."""
    text = poppler("pdftotext", "-raw", "-f", str(first), "-l", str(last), str(path), "-")
    return " ".join(text.split())


def landscape_pages(path: Path) -> list[int]:
    """The numbers of the roadmap's pages: the landscape ones."""
    sizes = page_sizes(path)
    return [n for n, (w, h) in enumerate(sizes, 1) if (round(w), round(h)) == LANDSCAPE]


def sample_data(sample_path: Path) -> dict:
    return json.loads(sample_path.read_text(encoding="utf-8"))


def saved(data: dict, tmp_path: Path) -> Path:
    path = tmp_path / "changed.curriculum.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def many_courses(sample_path: Path, tmp_path: Path, courses: int, more_outcomes: int = 0):
    """The sample, its PR certificate given `courses` courses of 10 h (the first serving its
    first outcome) and `more_outcomes` outcomes after its own three."""
    data = sample_data(sample_path)
    program = next(p for p in data["programs"] if p["id"] == "pr-communications")
    program["outcomes"] += [
        {"id": f"po-{n}", "text": f"Program outcome number {n}", "bloom": "apply"}
        for n in range(4, 4 + more_outcomes)
    ]
    first = program["outcomes"][0]["id"]
    ids = []
    for n in range(1, courses + 1):
        own = [{"id": f"co-{n}", "text": "Do it", "bloom": "apply", "supports": [first]}]
        data["courses"].append(
            {
                "id": f"bulk-{n}",
                "title": f"Bulk course {n}",
                "hours": 10.0,
                "outcomes": own if n == 1 else [],
                "module_ids": [],
            }
        )
        ids.append(f"bulk-{n}")
    program["course_ids"] = ids
    return load(saved(data, tmp_path))


# ---- legible --------------------------------------------------------------------------


def test_the_full_stack_roadmap_prints_legibly_over_three_landscape_pages(qapp, sample, tmp_path):
    path = tmp_path / "full-stack.pdf"
    write_supplement(supplement_of(sample, "full-stack"), path, "pdf")
    pages = landscape_pages(path)
    assert pages == [3, 4, 5]
    for page in pages:
        assert smallest_points(path, page) >= LEGIBLE_POINTS
    first, second, third = (page_text(path, page, page) for page in pages)
    assert "courses 1–4 of 12" in first and "(continued)" not in first
    assert "Microsoft Full Stack Developer Professional Certificate (continued)" in second
    assert "courses 5–8 of 12" in second
    assert "courses 9–12 of 12" in third
    for number in range(1, 13):
        assert f"Course {number} ·" in (first, second, third)[(number - 1) // 4]
    for text in (first, second, third):  # each page has the outcome column and the legend
        assert "O1" in text and "O3" in text and "Bloom level, lowest to highest" in text


def test_a_hundred_courses_take_twenty_pages_and_stay_legible(qapp, sample_path, tmp_path):
    catalog = many_courses(sample_path, tmp_path, 100)
    path = tmp_path / "hundred.pdf"
    write_supplement(supplement_facts(catalog, Totals(catalog), "pr-communications"), path, "pdf")
    pages = landscape_pages(path)
    assert len(pages) == 20
    assert smallest_points(path, pages[0]) >= LEGIBLE_POINTS
    assert smallest_points(path, pages[-1]) >= LEGIBLE_POINTS
    assert "courses 96–100 of 100" in page_text(path, pages[-1], pages[-1])


def test_many_outcomes_run_on_to_more_pages_and_stay_legible(qapp, sample_path, tmp_path):
    catalog = many_courses(sample_path, tmp_path, 3, more_outcomes=21)
    path = tmp_path / "outcomes.pdf"
    write_supplement(supplement_facts(catalog, Totals(catalog), "pr-communications"), path, "pdf")
    pages = landscape_pages(path)
    assert len(pages) > 1
    text = page_text(path, pages[0], pages[-1])
    for number in range(4, 25):
        assert f"O{number} Apply Program outcome number {number} " in text + " "
    for page in pages:
        assert smallest_points(path, page) >= LEGIBLE_POINTS


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalog=catalogs())
def test_any_programs_roadmap_pages_are_svg_of_the_page_width(catalog):
    totals = Totals(catalog)
    for program in catalog.programs:
        found = supplement_facts(catalog, totals, program.id).roadmap
        assert found is not None
        for diagnostics in (True, False):
            for svg in svg_pages(found, *ROADMAP_PAGE, diagnostics=diagnostics):
                root = ElementTree.fromstring(svg)
                assert float(root.get("width", "0")) == ROADMAP_PAGE[0]


# ---- ligatures --------------------------------------------------------------------------


def test_the_roadmap_pages_search_as_typed(qapp, sample, tmp_path):
    path = tmp_path / "full-stack.pdf"
    write_supplement(supplement_of(sample, "full-stack"), path, "pdf")
    pages = landscape_pages(path)
    text = page_text(path, pages[0], pages[-1])
    assert "Outcome roadmap: Microsoft Full Stack Developer Professional Certificate" in text
    assert "introduced (first course addressing it)" in text
    assert "\ufb01" not in text and "\ufb02" not in text


# ---- diagnostics only in a draft --------------------------------------------------------


def test_a_final_supplement_shows_no_design_gaps(qapp, sample, tmp_path):
    supplement = supplement_of(sample, "full-stack")
    path = tmp_path / "final.pdf"
    write_supplement(supplement, path, "pdf")
    pages = landscape_pages(path)
    text = page_text(path, pages[0], pages[-1])
    for words_shown in (*DIAGNOSTICS, "O2 is addressed by no course", "no outcomes yet"):
        assert words_shown not in text
    assert "O2 Apply Integrate front-end, back-end" in text  # the outcome itself stays
    html = supplement_html(supplement)
    pictures = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
    assert pictures
    for data in pictures:
        svg = base64.b64decode(data).decode("utf-8")
        assert not any(f">{words_shown}" in svg for words_shown in DIAGNOSTICS)


def test_a_draft_supplement_shows_the_design_gaps(qapp, sample, tmp_path):
    catalog = without_issuer_country_and_assessment(sample)
    path = tmp_path / "draft.pdf"
    write_supplement(supplement_facts(catalog, Totals(catalog), "full-stack"), path, "pdf", True)
    pages = landscape_pages(path)
    text = page_text(path, pages[0], pages[-1])
    assert "not addressed by any course" in text
    assert "Gaps O2 is addressed by no course" in text
    assert "Courses addressing no outcome of this program: 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12" in (
        text
    )


def test_the_designers_roadmap_keeps_its_gaps(sample):
    svg = roadmap_svg(sample, Totals(sample), "full-stack")
    assert ">Gaps<" in svg
    assert ">not addressed by any course<" in svg


# ---- wording ------------------------------------------------------------------------------


def tiny_hours(sample_path: Path, tmp_path: Path, hours: float, weekly: float | None = None):
    """The sample, the PR certificate's five courses given `hours` each and no modules."""
    data = sample_data(sample_path)
    program = next(p for p in data["programs"] if p["id"] == "pr-communications")
    for course in data["courses"]:
        if course["id"] in program["course_ids"]:
            course["hours"] = hours
            course["module_ids"] = []
    if weekly is not None:
        data["settings"]["weekly_hours"] = weekly
        program["pace"] = "full-time"
    return saved(data, tmp_path)


def test_a_program_under_one_credit_is_refused_with_the_reason(sample_path, tmp_path, capsys):
    catalog_path = tiny_hours(sample_path, tmp_path, 2)
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers(required=True))
    out = tmp_path / "tiny.html"
    arguments = ["supplement", str(catalog_path), "--program", "MS-PRC", "--format", "html"]
    args = parser.parse_args([*arguments, "-o", str(out)])
    assert args.run(args) == 2
    err = capsys.readouterr().err
    assert "workload in ECTS (less than one credit: 10 h of the 25 h a credit takes" in err
    assert "courses with hours" not in err
    assert not out.exists()


def test_a_program_without_hours_is_told_to_give_its_courses_hours(sample_path, tmp_path):
    catalog = load(tiny_hours(sample_path, tmp_path, 0))
    supplement = supplement_facts(catalog, Totals(catalog), "pr-communications")
    with pytest.raises(MissingFacts, match=r"workload in ECTS \(fill in: courses with hours\)"):
        write_supplement(supplement, tmp_path / "none.html", "html")


def test_one_week_is_one_week(sample_path, tmp_path):
    catalog = load(tiny_hours(sample_path, tmp_path, 6, weekly=40))  # 30 h at 40 h a week
    out = tmp_path / "oneweek.html"
    write_supplement(supplement_facts(catalog, Totals(catalog), "pr-communications"), out, "html")
    html = out.read_text(encoding="utf-8")
    assert "Online, full-time (about 40 h a week, 1 week)" in html
    assert "About 1 week at 40 h a week." in html
    assert "1 weeks" not in html
