"""What a program's certificate supplement states, gathered from the catalog."""

import sys

import pytest
from supplement_helpers import (
    ECTS,
    HOURS,
    PROGRAMS,
    supplement_of,
    without_issuer_country_and_assessment,
)

from designer.model import Catalog, Course, Program, Totals
from designer.supplement import MissingFacts, missing_facts, require_complete, supplement_facts

SIX_FACTS = {
    1: "learning outcomes",
    2: "issuer country",
    3: "workload in ECTS",
    4: "EQF level",
    5: "type of assessment",
    6: "mode of study",
}


def test_the_numbered_elements_are_the_six_facts_of_the_accreditation_condition(sample):
    numbered = {
        e.fact: e.name for e in supplement_of(sample, "full-stack").elements if e.fact is not None
    }
    assert numbered == SIX_FACTS


@pytest.mark.parametrize("program_id", PROGRAMS)
def test_every_sample_certificate_states_the_six_facts(sample, program_id):
    supplement = supplement_of(sample, program_id)
    assert missing_facts(supplement) == []
    value = {e.key: e.value for e in supplement.elements}
    assert len(supplement.outcomes) == 3
    assert value["learning_outcomes"].split("\n") == [o.text for o in supplement.outcomes]
    assert value["issuer_country"] == "United States (US)"
    assert value["workload"].startswith(f"{ECTS[program_id]} ECTS ({HOURS[program_id]} h")
    assert value["eqf_level"].startswith("EQF level")
    assert value["assessment"].startswith("Auto-graded quiz")
    assert value["assessment"].endswith("Minimum passing score: 80 %.")
    assert value["mode_of_study"].startswith("Online, part-time")


def test_the_eu_standard_elements_come_in_the_recommendations_order(sample):
    keys = [e.key for e in supplement_of(sample, "back-end").elements]
    assert keys == [
        "learner",
        "title",
        "issuer_country",
        "awarding_body",
        "date_of_issue",
        "learning_outcomes",
        "workload",
        "eqf_level",
        "assessment",
        "mode_of_study",
        "quality_assurance",
        "prerequisites",
        "grade",
        "stacking",
        "further_information",
    ]


def test_learner_date_and_grade_are_left_to_fill_at_issue(sample):
    supplement = supplement_of(sample, "back-end")
    at_issue = [e for e in supplement.elements if e.at_issue]
    assert [e.key for e in at_issue] == ["learner", "date_of_issue", "grade"]
    assert all(e.value is None and not e.missing for e in at_issue)
    assert supplement.element("grade").hint == "pass mark 80 %"


def test_full_stack_workload_is_16_ects_from_422_hours_rounded_down(sample):
    supplement = supplement_of(sample, "full-stack")
    assert supplement.ects_text == "16 ECTS (422 h at 25 h per credit, rounded down)"
    assert supplement.element("workload").value == supplement.ects_text
    assert (supplement.hours, supplement.ects, supplement.weeks) == (422, 16, 43)
    assert supplement.element("mode_of_study").value == (
        "Online, part-time (about 10 h a week, 43 weeks)"
    )


def test_whole_credits_need_no_word_on_rounding(sample):
    sample.set_field(sample.courses["full-stack-integration"], "hours", 12)  # 422 - 22 = 400 h
    supplement = supplement_facts(sample, Totals(sample), "full-stack")
    assert supplement.ects_text == "16 ECTS (400 h at 25 h per credit)"


def test_the_rounding_named_is_the_catalogs(sample):
    sample.set_settings("rounding", "nearest")
    supplement = supplement_facts(sample, Totals(sample), "full-stack")
    assert supplement.ects_text == "17 ECTS (422 h at 25 h per credit, rounded)"


def test_an_eqf_range_gives_the_descriptors_of_both_levels(sample):
    front_end = supplement_of(sample, "front-end")
    assert front_end.eqf_level == "5-6"
    assert [d.level for d in front_end.eqf_descriptors] == [5, 6]
    assert "5 to 6" in front_end.element("eqf_level").value
    assert [d.level for d in supplement_of(sample, "full-stack").eqf_descriptors] == [6]


def test_the_course_list_has_each_course_with_its_hours_and_where_else_it_is(sample):
    courses = supplement_of(sample, "full-stack").courses
    assert len(courses) == 12
    assert sum(c.hours for c in courses) == 422
    assert (courses[1].number, courses[1].title, courses[1].hours) == (
        2,
        "Introduction to Programming With C#",
        30,
    )
    assert courses[1].shared_with == ("MS-BED", "MS-FED")
    assert courses[0].shared_with == ()


def test_front_end_stacks_towards_full_stack_with_104_shared_hours(sample):
    lines = supplement_of(sample, "front-end").stacking
    assert [(line.program_id, line.covers_other) for line in lines] == [
        ("full-stack", 104),
        ("back-end", 30),
    ]
    full_stack = lines[0]
    assert full_stack.headline() == (
        "Shares 104 h with Microsoft Full Stack Developer Professional Certificate"
    )
    assert full_stack.courses == (
        "Introduction to Programming With C#",
        "Introduction to Web Development",
        "Blazor for Front-End Development",
    )
    assert full_stack.remaining_hours == 318
    assert "104 of MS-FSD's 422 h (24.6 %) and 318 h to go" in full_stack.text()
    assert "a holder of MS-FSD has 49.1 % of this one" in full_stack.text()
    assert (
        supplement_of(sample, "front-end")
        .element("stacking")
        .value.startswith("Stackable: shares content with 2 other certificates")
    )


def test_a_certificate_that_shares_nothing_is_stand_alone(sample):
    supplement = supplement_of(sample, "pr-communications")
    assert supplement.stacking == ()
    assert supplement.element("stacking").value.startswith("Stand-alone")


def test_a_certificate_inside_another_says_what_stacking_on_takes():
    catalog = Catalog(
        programs=[
            Program(id="small", title="Small", code="S", course_ids=["one"]),
            Program(id="big", title="Big", code="B", course_ids=["one", "two"]),
        ],
        courses=[Course(id="one", title="One", hours=10), Course(id="two", title="Two", hours=30)],
    )
    (small,) = supplement_facts(catalog, Totals(catalog), "small").stacking
    assert (
        small.text()
        == "One. All of this certificate is part of B: a holder needs 30 h more to complete it."
    )
    (big,) = supplement_facts(catalog, Totals(catalog), "big").stacking
    assert (
        big.text()
        == "One. All of S is part of this certificate: a holder of S has 25.0 % of this one."
    )


def test_missing_facts_are_named_and_refused(sample):
    catalog = without_issuer_country_and_assessment(sample)
    supplement = supplement_facts(catalog, Totals(catalog), "full-stack")
    assert missing_facts(supplement) == ["issuer country", "type of assessment"]
    with pytest.raises(MissingFacts) as raised:
        require_complete(supplement)
    assert raised.value.missing == ["issuer country", "type of assessment"]
    message = str(raised.value)
    assert "Microsoft Full Stack Developer Professional Certificate (full-stack)" in message
    assert "lacks 2 required facts" in message
    assert "issuer country (fill in: Issuer country)" in message
    assert "type of assessment (fill in: Type of assessment)" in message


def test_a_mode_of_study_without_pace_says_what_to_fill_in(sample):
    sample.set_field(sample.program("back-end"), "pace", None)
    supplement = supplement_facts(sample, Totals(sample), "back-end")
    assert missing_facts(supplement) == ["mode of study"]
    assert supplement.element("mode_of_study").fields == ("Pace",)


def test_a_bare_program_lacks_every_fact_it_cannot_state():
    catalog = Catalog(programs=[Program(id="new", title="New certificate")])
    supplement = supplement_facts(catalog, Totals(catalog), "new")
    assert missing_facts(supplement) == [
        "issuer country",
        "awarding body",
        "learning outcomes",
        "workload in ECTS",
        "EQF level",
        "type of assessment",
        "mode of study",
        "type of quality assurance",
    ]


def test_the_awarding_body_falls_back_to_the_issuer(sample):
    program = sample.program("back-end")
    sample.set_field(program, "awarding_body", "")
    supplement = supplement_facts(sample, Totals(sample), "back-end")
    assert supplement.element("awarding_body").value == "Microsoft"


def test_without_designer_roadmap_the_supplement_has_no_roadmap(sample, monkeypatch):
    monkeypatch.setitem(sys.modules, "designer.roadmap.layout", None)  # import fails
    assert supplement_facts(sample, Totals(sample), "front-end").roadmap is None


def test_with_designer_roadmap_the_supplement_carries_the_programs_roadmap(sample):
    layout = pytest.importorskip("designer.roadmap.layout", reason="designer.roadmap is not there")
    supplement = supplement_facts(sample, Totals(sample), "front-end")
    assert supplement.roadmap == layout.roadmap(sample, Totals(sample), "front-end")
