"""The bundled sample holds the four certificates exactly as the accreditation report gives them."""

from designer.model import Totals

PUBLISHED = {  # code: (hours, ECTS, courses) from the report's curriculum tables
    "MS-FSD": (422, 16, 12),
    "MS-BED": (309, 12, 8),
    "MS-FED": (212, 8, 6),
    "MS-PRC": (136, 5, 5),
}


def test_sample_totals_match_the_published_hours_and_credits(sample):
    totals = Totals(sample)
    found = {}
    for program in sample.programs:
        figures = totals.program(program)
        found[program.code] = (figures.hours, figures.ects, figures.courses)
    assert found == PUBLISHED


def test_sample_programs_carry_the_report_facts(sample):
    levels = {p.code: p.eqf_level for p in sample.programs}
    assert levels == {"MS-FSD": "6", "MS-BED": "6", "MS-FED": "5-6", "MS-PRC": "6"}
    for program in sample.programs:
        assert program.issuer_country == "US"
        assert (program.delivery, program.pace) == ("online", "part-time")
        assert program.min_passing_score == 80


def test_courses_with_the_same_title_and_hours_are_one_shared_course(sample):
    by_title = {}
    for program in sample.programs:
        for course in sample.courses_of(program):
            by_title.setdefault(course.title, set()).add(course.id)
    assert all(len(ids) == 1 for ids in by_title.values())
    csharp = next(c for c in sample.courses.values() if "C#" in c.title)
    assert sorted(sample.users(csharp.id)) == ["back-end", "front-end", "full-stack"]
    # The near-duplicates are separate courses, not shared.
    foundations = [c for c in sample.courses.values() if c.title.startswith("Foundations")]
    assert len(foundations) == 3


def test_illustrative_modules_add_up_to_the_published_course_hours(sample):
    totals = Totals(sample)
    detailed = [c for c in sample.courses.values() if c.module_ids]
    assert len(detailed) >= 2
    for course in detailed:
        assert totals.computed_hours(course) == course.hours
        for module in sample.modules_of(course):
            assert "illustrative" in module.description.lower()
    assert totals.mismatches() == []
