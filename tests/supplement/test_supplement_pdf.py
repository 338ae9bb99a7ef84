"""The supplement as an A4 PDF, written by Qt; its text is read back with pdftotext."""

import re
import unicodedata

import pytest
from supplement_helpers import (
    ECTS,
    HOURS,
    PROGRAMS,
    page_sizes,
    pdf_text,
    poppler,
    supplement_of,
    without_issuer_country_and_assessment,
)

from designer.model import Totals
from designer.supplement import supplement_facts, supplement_html, write_supplement
from designer.supplement.pdf import resolved_directions, write_pdf

A4 = (595.0, 842.0)  # points, rounded


def rounded(size: tuple[float, float]) -> tuple[float, float]:
    return (float(round(size[0])), float(round(size[1])))


@pytest.mark.parametrize("program_id", PROGRAMS)
def test_the_pdf_states_the_six_facts(qapp, sample, tmp_path, program_id):
    supplement = supplement_of(sample, program_id)
    path = tmp_path / "supplement.pdf"
    write_supplement(supplement, path, "pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    text = pdf_text(path)
    for outcome in supplement.outcomes:
        assert outcome.text in text
    assert "Country of the issuer United States (US)" in text
    assert f"{ECTS[program_id]} ECTS ({HOURS[program_id]} h at 25 h per credit" in text
    assert "EQF level" in text
    assert supplement.assessment in text
    assert "Online, part-time" in text
    assert f"Page 1 of {len(page_sizes(path))}" in text


def test_the_full_stack_pdf_has_its_workload_courses_and_stacking(qapp, sample, tmp_path):
    path = tmp_path / "full-stack.pdf"
    write_supplement(supplement_of(sample, "full-stack"), path, "pdf")
    text = pdf_text(path)
    assert "16 ECTS (422 h at 25 h per credit, rounded down)" in text
    assert "Total, 12 courses 422 16 ECTS" in text
    assert "Shares 104 h with Microsoft Front-End Developer Professional Certificate" in text
    assert (
        "Certificate supplement · Microsoft Full Stack Developer Professional Certificate" in text
    )
    assert rounded(page_sizes(path)[0]) == A4


def test_the_front_end_pdf_gives_both_eqf_levels_descriptors(qapp, sample, tmp_path):
    supplement = supplement_of(sample, "front-end")
    path = tmp_path / "front-end.pdf"
    write_supplement(supplement, path, "pdf")
    text = pdf_text(path)
    for descriptor in supplement.eqf_descriptors:  # a row may run on to the next page
        for descriptor_text in (descriptor.knowledge, descriptor.skills):
            assert " ".join(descriptor_text.split()[:8]) in text


def test_a_draft_pdf_marks_the_missing_facts(qapp, sample, tmp_path):
    catalog = without_issuer_country_and_assessment(sample)
    path = tmp_path / "draft.pdf"
    write_supplement(supplement_facts(catalog, Totals(catalog), "full-stack"), path, "pdf", True)
    text = pdf_text(path)
    assert "MISSING: issuer country" in text
    assert "MISSING: type of assessment" in text
    assert "Draft certificate supplement · Microsoft Full Stack" in text


def test_the_roadmap_gets_landscape_pages_of_its_own(qapp, sample, tmp_path):
    path = tmp_path / "with-roadmap.pdf"
    write_supplement(supplement_of(sample, "full-stack"), path, "pdf")
    sizes = [rounded(size) for size in page_sizes(path)]
    # Twelve courses, four to a page.
    assert sizes[:-3] == [A4] * (len(sizes) - 3)
    assert sizes[-3:] == [(A4[1], A4[0])] * 3
    text = pdf_text(path)
    assert "It follows, on pages of its own." in text
    assert "Outcome roadmap: Microsoft Full Stack" in text  # drawn as vectors: text stays text
    assert f"Page {len(sizes)} of {len(sizes)}" in text


def test_an_svg_in_the_page_is_drawn_in_its_place(qapp, sample, tmp_path):
    path = tmp_path / "inline.pdf"
    write_pdf(supplement_html(supplement_of(sample, "back-end")), path)
    text = pdf_text(path)
    assert "5 Outcome roadmap" in text
    assert "It follows, on pages of its own." not in text
    assert all(size == A4 for size in map(rounded, page_sizes(path)))


def test_an_unwritable_place_is_an_error(qapp, tmp_path):
    with pytest.raises(OSError, match="cannot write the PDF"):
        write_pdf("<p>text</p>", tmp_path / "no such folder" / "out.pdf")


def test_a_failed_write_keeps_the_file_that_was_there(qapp, sample, tmp_path, monkeypatch):
    path = tmp_path / "kept.pdf"
    path.write_bytes(b"old")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("designer.supplement.pdf.write_pdf", broken)
    with pytest.raises(OSError, match="disk full"):
        write_supplement(supplement_of(sample, "back-end"), path, "pdf")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.pdf"]


def glyph_boxes(path, page=1):
    """(text, left, right) of each word pdftotext finds on a page, in points."""
    boxes = poppler("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-")
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', boxes)
    return [(unicodedata.normalize("NFKC", text), float(x0), float(x1)) for x0, x1, text in words]


def test_a_title_in_arabic_is_laid_out_right_to_left(qapp, sample, tmp_path):
    # Qt's rich text takes no dir="auto": each block's direction is resolved for it.
    arabic = "شهادة مطوّر الواجهات الأمامية"
    sample.set_field(sample.program("front-end"), "title", arabic)
    path = tmp_path / "front-end.pdf"
    write_supplement(supplement_of(sample, "front-end"), path, "pdf")
    assert path.read_bytes().startswith(b"%PDF-")
    boxes = glyph_boxes(path)
    width = page_sizes(path)[0][0]
    kicker = next(left for text, left, _ in boxes if text == "CERTIFICATE")
    letters = [(left, right) for text, left, right in boxes if text and text in arabic]
    assert len(letters) >= len(arabic.replace(" ", "")) - 1  # a glyph or two may join
    # In the banner as in its row of the table, the title ends at the right, not the left.
    assert max(right for _, right in letters) > 0.8 * width
    assert kicker < 0.2 * width  # the page's own words are still on the left


def test_a_block_takes_the_direction_of_its_first_strong_character():
    html = (
        '<h1 dir="auto">شهادة</h1><td dir="auto">(2025) Intro</td>'
        '<li class="x" dir="auto"> <b>עברית</b></li><div dir="auto">2025</div>'
        '<p>of <span dir="auto">شهادة</span></p>'
    )
    assert resolved_directions(html) == (
        '<h1 dir="rtl">شهادة</h1><td dir="ltr">(2025) Intro</td>'
        '<li class="x" dir="rtl"> <b>עברית</b></li><div dir="ltr">2025</div>'
        '<p>of <span dir="auto">شهادة</span></p>'
    )
