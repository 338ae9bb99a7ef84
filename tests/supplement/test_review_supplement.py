"""The supplement as an accreditation panel reads it, on the edge cases a review found.

An outcome without a Bloom level, a course without hours, a certificate under one credit,
certificates without codes, a course table longer than a page, outcomes left blank: each
supplement says what is missing, in the HTML page and in the PDF alike, and Problems agrees
with the export on what it lacks; the Open Badge and ELM drafts state no credits under one.
"""

from supplement_helpers import pdf_text, supplement_of
from test_supplement_html import text_of

from designer.checks import ERROR, run_checks
from designer.model import Course, Totals
from designer.supplement import (
    elm_specification,
    missing_facts,
    open_badge,
    supplement_html,
    write_supplement,
)


def test_an_outcome_without_a_bloom_level_says_it_has_none_in_a_draft(qapp, sample, tmp_path):
    """The outcome was listed bare, as if the Bloom level were not asked for. Only a draft
    says so: a final supplement is for learners (see test_review_domain_supplement)."""
    program = sample.program("full-stack")
    sample.set_field(program.outcomes[1], "bloom", None)
    sample.set_field(program, "issuer_country", None)
    supplement = supplement_of(sample, "full-stack")
    secure = "into a secure, deployable application."
    assert f"{secure} (Bloom level not set)" in text_of(supplement_html(supplement, draft=True))
    path = tmp_path / "supplement.pdf"
    write_supplement(supplement, path, "pdf", draft=True)
    assert f"{secure} (Bloom level not set)" in pdf_text(path)


def test_a_course_without_hours_is_named_rather_than_counted_as_0(qapp, sample, tmp_path):
    """The course table showed "0" hours and the total 383 h as if complete."""
    sample.set_field(sample.get("full-stack-integration"), "hours", None)
    supplement = supplement_of(sample, "full-stack")
    text = text_of(supplement_html(supplement))
    assert "Full-Stack Integration no hours yet" in text
    assert "Full-Stack Integration 0" not in text
    assert (
        "15 ECTS (388 h at 25 h per credit, rounded down) 1 course has no hours yet and is not "
        "counted (see Courses and workload)" in text
    )
    assert "1 course has no hours yet and is not counted: Full-Stack Integration." in text
    path = tmp_path / "supplement.pdf"
    write_supplement(supplement, path, "pdf")
    assert "Full-Stack Integration no hours yet" in pdf_text(path)


def test_a_certificate_under_one_credit_states_no_ects_anywhere(qapp, sample, tmp_path):
    """Page 1 said "MISSING: workload in ECTS" while the banner and the course total said
    "0 ECTS" and the note "credits are given for the whole certificate only"."""
    program = sample.program("pr-communications")
    while len(program.course_ids) > 1:
        sample.remove(program, "course_ids", 0)  # keeps Stakeholder Relations, 22 h
    supplement = supplement_of(sample, "pr-communications")
    assert missing_facts(supplement) == ["workload in ECTS"]
    text = text_of(supplement_html(supplement, draft=True))
    assert "0 ECTS" not in text
    assert "Total, 1 course 22 MISSING: workload in ECTS" in text
    assert "Workload: 22 h, less than one credit (25 h), so no credits can be stated." in text
    path = tmp_path / "draft.pdf"
    write_supplement(supplement, path, "pdf", draft=True)
    assert "0 ECTS" not in pdf_text(path)


def test_stacking_without_codes_names_the_other_certificate(sample):
    """Without codes it read "has 270 of it's 309 h ...; a holder of it has 64.0 %"."""
    for program in sample.programs:
        sample.set_field(program, "code", "")
    text = text_of(supplement_html(supplement_of(sample, "full-stack")))
    assert "it's" not in text and "holder of it " not in text
    assert (
        "A holder of this certificate has 270 of the other certificate's 309 h (87.4 %) and "
        "39 h to go; a holder of the other certificate has 64.0 % of this one." in text
    )


def test_a_course_table_longer_than_a_page_repeats_its_header(qapp, sample, tmp_path):
    """The rows that ran on to the next page had no header: no "Hours" above the figures."""
    program = sample.program("front-end")
    for number in range(40):
        course = Course(id=f"extra-{number}", title=f"Extra course {number}", hours=3.0)
        sample.add_unit(course)
        sample.insert(program, "course_ids", len(program.course_ids), course.id)
    path = tmp_path / "supplement.pdf"
    write_supplement(supplement_of(sample, "front-end"), path, "pdf")
    text = pdf_text(path)
    assert "Total, 46 courses 332 13 ECTS" in text
    assert text.count("# Course Hours Also in") == 2


def test_problems_faults_a_certificate_whose_outcomes_are_all_blank(sample):
    """The export refused the supplement (no learning outcomes) that Problems passed."""
    program = sample.program("full-stack")
    for outcome, text in zip(program.outcomes, ["", "  ", "\n"], strict=True):
        sample.set_field(outcome, "text", text)
    totals = Totals(sample)
    assert missing_facts(supplement_of(sample, "full-stack")) == ["learning outcomes"]
    findings = [
        f
        for f in run_checks(sample, totals, "entry-level")
        if f.unit == "full-stack" and f.rule == "supplement.learning-outcomes"
    ]
    assert [f.severity for f in findings] == [ERROR]
    assert "has no learning outcomes, which its certificate supplement must state." in (
        findings[0].message
    )


def test_drafts_of_a_certificate_under_one_credit_state_no_credits(sample):
    """The Open Badge and ELM drafts carried "0" credits that the supplement leaves out."""
    program = sample.program("pr-communications")
    while len(program.course_ids) > 1:
        sample.remove(program, "course_ids", 0)  # keeps Stakeholder Relations, 22 h
    supplement = supplement_of(sample, "pr-communications")
    badge = open_badge(supplement, draft=True)
    assert "creditsAvailable" not in badge and "ECTS" not in badge["tag"]
    assert "Workload 22 hours, less than one ECTS credit." in badge["description"]
    elm = elm_specification(supplement, draft=True)
    assert "creditPoint" not in elm and elm["volumeOfLearning"] == "PT22H"
