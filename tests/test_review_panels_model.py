"""The certificate supplement written to real files: a place that cannot be written, and a
program whose courses have no hours yet."""

import pytest

from designer.model import Catalog, Course, Delivery, Pace, Program, Totals
from designer.supplement import supplement_facts, write_supplement


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_an_export_to_a_missing_folder_names_the_file_asked_for(qapp, sample, tmp_path, fmt):
    supplement = supplement_facts(sample, Totals(sample), "front-end")
    target = tmp_path / "gone" / f"front-end.{fmt}"
    with pytest.raises(OSError) as raised:
        write_supplement(supplement, target, fmt)
    # The PDF named the hidden ".front-end.pdf.part" and no reason the system gave.
    assert raised.value.filename == str(target)
    assert raised.value.strerror == f"there is no folder {target.parent}"
    assert ".part" not in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_an_export_over_a_folder_names_the_folder(qapp, sample, tmp_path):
    supplement = supplement_facts(sample, Totals(sample), "front-end")
    target = tmp_path / "front-end.pdf"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as raised:
        write_supplement(supplement, target, "pdf")
    assert raised.value.filename == str(target) and ".part" not in str(raised.value)
    assert [p.name for p in tmp_path.iterdir()] == ["front-end.pdf"]


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_a_supplement_name_of_255_bytes_can_be_written(qapp, sample, tmp_path, fmt):
    supplement = supplement_facts(sample, Totals(sample), "front-end")
    target = tmp_path / ("S" * (255 - len(fmt) - 1) + f".{fmt}")
    write_supplement(supplement, target, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert target.read_bytes().startswith(b"%PDF" if fmt == "pdf" else b"<!DOCTYPE")


def test_a_program_of_zero_hours_states_no_workload_figures(tmp_path):
    program = Program(
        id="zero",
        title="Zero Hours",
        course_ids=["empty"],
        delivery=Delivery.ONLINE,
        pace=Pace.PART_TIME,
    )
    catalog = Catalog(programs=[program], courses=[Course(id="empty", title="Empty", hours=0)])
    supplement = supplement_facts(catalog, Totals(catalog), "zero")
    assert supplement.element("mode_of_study").value == "Online, part-time"  # not "0 weeks"
    page = tmp_path / "zero.html"
    write_supplement(supplement, page, "html", draft=True)
    text = page.read_text(encoding="utf-8")
    courses = text[text.index("3&nbsp;&nbsp;Courses and workload") :]
    courses = courses[: courses.index("<h2>")]
    assert "0 ECTS" not in courses and "About 0 weeks" not in courses
    assert "MISSING: workload in ECTS" in courses
    assert "the courses have no hours yet" in courses


def test_a_course_shared_before_it_has_hours_is_a_stacking_option(sample):
    # A new course, no module yet, in the PR certificate and in Full Stack: the supplement
    # says what the Stackability page says, that the two share it (0 h so far).
    sample.add_unit(Course(id="portfolio", title="Portfolio Workshop"))
    for program_id in ("pr-communications", "full-stack"):
        program = sample.program(program_id)
        sample.insert(program, "course_ids", len(program.course_ids), "portfolio")
    supplement = supplement_facts(sample, Totals(sample), "pr-communications")
    assert supplement.element("stacking").value.startswith("Stackable: shares content with 1")
    [line] = supplement.stacking
    assert line.headline().startswith("Shares 0 h with Microsoft Full Stack")
    assert line.courses == ("Portfolio Workshop",)
