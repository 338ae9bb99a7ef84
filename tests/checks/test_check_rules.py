"""Each quality rule, on a certificate that passes them all and on one change that breaks it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from checks_catalogs import Parts, bare_course, certificate

from designer.checks import PROFILES, Finding, run_checks
from designer.model import Course, Item, ItemKind, Module, Outcome, Program, Settings
from designer.sharing.duplicates import find_duplicates


def findings_of(parts: Parts, profile: str = "entry-level") -> set[tuple[str, str]]:
    return parts.rules(profile)


def test_the_certificate_breaks_no_rule_of_either_profile():
    for profile in PROFILES:
        assert certificate().findings(profile) == []


# ---- changes that break one rule (or what it brings with it, named) ------------------------


def outcomes_of(parts: Parts, course_id: str) -> list[Outcome]:
    """The course's outcome and its weeks' outcomes."""
    course = parts.course(course_id)
    found = list(course.outcomes)
    for module_id in course.module_ids:
        found.extend(parts.module(module_id).outcomes)
    return found


def no_program_outcomes(parts: Parts) -> None:
    for course in parts.courses:
        course.outcomes[0].supports = []
    parts.program().outcomes = []


def program_under_a_credit(parts: Parts) -> None:
    tiny = parts.program().model_copy(deep=True)
    tiny.id, tiny.code, tiny.course_ids = "tiny", "TINY", ["bare"]
    tiny.outcomes = [Outcome(id="tiny-o1", text="Design a web page.", bloom="create")]
    parts.programs.append(tiny)
    parts.courses.append(bare_course("bare", "A bare course", 20))


def empty_program(parts: Parts) -> None:
    parts.programs.append(Program(id="empty", title="Empty", code="E"))


def unit_without_anything(parts: Parts) -> None:
    parts.courses.append(Course(id="c0", title="Not yet planned"))
    parts.program().course_ids.insert(0, "c0")


def week_without_anything(parts: Parts) -> None:
    parts.modules.append(Module(id="c1-w9", title="A week to plan"))
    parts.course("c1").module_ids.append("c1-w9")


def item_of_no_minutes(parts: Parts) -> None:
    parts.module("c1-w1").items[4].minutes = 0


def untitled_units(parts: Parts) -> None:
    parts.course("c1").title = ""
    parts.module("c1-w1").items[0].title = " "


def outcome_without_text(parts: Parts) -> None:
    parts.module("c1-w1").outcomes[0].text = "  "


def course_by_hours_only(parts: Parts) -> None:
    course = parts.course("c2")
    parts.modules = [m for m in parts.modules if m.id not in course.module_ids]
    course.module_ids = []
    course.hours = 40


def week_by_hours_only(parts: Parts) -> None:
    module = parts.module("c1-w1")
    module.items = []
    module.hours = 10


def three_courses(parts: Parts) -> None:
    parts.program().course_ids = ["c1", "c2", "c4"]


def capstone_first(parts: Parts) -> None:
    parts.program().course_ids = ["c4", "c1", "c2", "c3"]


def no_capstone(parts: Parts) -> None:
    parts.course("c4").title = "Web Developer Final Assignment"


def week_without_graded_item(parts: Parts) -> None:
    quiz = parts.module("c1-w1").items[-1]
    quiz.kind = ItemKind.PROJECT
    quiz.graded = False


def quiz_first(parts: Parts) -> None:
    items = parts.module("c1-w1").items
    items.insert(0, items.pop())


def ungraded_graded_quiz(parts: Parts) -> None:
    parts.module("c1-w1").items[3].kind = ItemKind.GRADED_QUIZ  # the practice quiz


def three_items(parts: Parts) -> None:
    items = parts.module("c1-w1").items
    del items[:3]
    items[0].minutes += 330  # the week keeps its 10 h


def thirty_one_items(parts: Parts) -> None:
    items = parts.module("c1-w1").items
    for n in range(25):  # 25 minutes more: still about a week
        items.insert(0, Item(id=f"c1-w1-extra{n}", title=f"Extra reading {n}", minutes=1))


def course_of_one_week(parts: Parts) -> None:
    course = parts.course("c1")
    parts.modules = [m for m in parts.modules if m.id not in course.module_ids[1:]]
    course.module_ids = course.module_ids[:1]  # 10 h; the certificate 130 h


def full_time_at_ten_hours(parts: Parts) -> None:
    parts.program().pace = "full-time"


def practice_quiz_graded(parts: Parts) -> None:
    parts.module("c1-w1").items[3].graded = True


def pass_mark_unlike_the_text(parts: Parts) -> None:
    program = parts.program()
    program.min_passing_score = 70
    program.assessment = "A graded quiz every week (80 % to pass) and a graded capstone project."


def heavy_week(parts: Parts) -> None:
    parts.module("c1-w1").items[2].minutes = 480  # the lab: the week takes 15 h


def declared_hours_off(parts: Parts) -> None:
    parts.module("c1-w1").hours = 12


def declared_course_hours_off(parts: Parts) -> None:
    parts.course("c1").hours = 30


def credits_rounded_up(parts: Parts) -> None:
    parts.settings = Settings(rounding="nearest")
    parts.module("c1-w1").items[2].minutes += 150  # 162.5 h = 6.5 credits: 7 ECTS, 23.2 h each


def half_credits(parts: Parts) -> None:
    parts.settings = Settings(rounding="half")
    parts.module("c1-w1").items[2].minutes += 150  # 162.5 h = 6.5 ECTS at 25 h


def course_without_outcomes(parts: Parts) -> None:
    for outcome in outcomes_of(parts, "c1")[1:]:
        outcome.supports = []
    parts.course("c1").outcomes = []


def week_without_outcomes(parts: Parts) -> None:
    module = parts.module("c1-w1")
    module.items[-1].outcome_ids = []
    module.outcomes = []


def set_outcome(text: str, bloom: str | None = "understand") -> Callable[[Parts], None]:
    def change(parts: Parts) -> None:
        outcome = parts.module("c1-w1").outcomes[0]
        outcome.text = text
        outcome.bloom = bloom

    return change


def apply_set_to_evaluate(parts: Parts) -> None:
    parts.module("c2-w1").outcomes[0].bloom = "evaluate"


def nothing_above_understand(parts: Parts) -> None:
    for outcome in [o for c in parts.courses for o in outcomes_of(parts, c.id)]:
        outcome.text, outcome.bloom = "Explain the main ideas of the web.", "understand"
    outcome = parts.program().outcomes[0]
    outcome.text, outcome.bloom = "Explain how web applications are built.", "understand"


def week_objective_drifts(parts: Parts) -> None:
    parts.module("c1-w1").outcomes[0].supports = []


def week_serves_another_course(parts: Parts) -> None:
    parts.module("c1-w1").outcomes[0].supports = ["c2-o1"]


def course_outcome_no_week_serves(parts: Parts) -> None:
    parts.course("c1").outcomes.append(
        Outcome(
            id="c1-o2",
            text="Explain the history of the web.",
            bloom="understand",
            supports=["cert-o1"],
        )
    )


def course_outcome_serves_no_program_outcome(parts: Parts) -> None:
    parts.course("c1").outcomes[0].supports = []


def program_outcome_no_course_serves(parts: Parts) -> None:
    parts.program().outcomes.append(
        Outcome(id="cert-o2", text="Evaluate web applications against a brief.", bloom="evaluate")
    )


def unassessed_week_objective(parts: Parts) -> None:
    parts.module("c1-w1").items[-1].outcome_ids = []


def unassessed_course(parts: Parts) -> None:
    for module_id in parts.course("c1").module_ids:
        parts.module(module_id).items[-1].outcome_ids = []


def nothing_assessed(parts: Parts) -> None:
    for module in parts.modules:
        module.items[-1].outcome_ids = []


def capstone_only_applies(parts: Parts) -> None:
    for outcome in outcomes_of(parts, "c4"):
        outcome.text, outcome.bloom = "Implement a web application for a client.", "apply"


def first_course_creates(parts: Parts) -> None:
    for outcome in outcomes_of(parts, "c1"):
        outcome.text, outcome.bloom = "Design a web page for a client brief.", "create"


def copied_course(parts: Parts) -> None:
    """A copy of c1 under new ids, kept apart from it."""
    source = parts.course("c1")
    mapping: dict[str, str] = {}
    copies = []
    for module_id in source.module_ids:
        module = parts.module(module_id)
        copy = module.model_copy(deep=True)
        copy.id = f"copy-{module.id}"
        for outcome in copy.outcomes:
            mapping[outcome.id] = outcome.id = f"copy-{outcome.id}"
            outcome.supports = ["copy-c1-o1"]
        for item in copy.items:
            item.id = f"copy-{item.id}"
            item.outcome_ids = [mapping[o] for o in item.outcome_ids]
        copies.append(copy)
    course = source.model_copy(deep=True)
    course.id = "copy-c1"
    course.outcomes[0].id = "copy-c1-o1"
    course.module_ids = [m.id for m in copies]
    parts.modules.extend(copies)
    parts.courses.append(course)


def copied_week(parts: Parts) -> None:
    """A copy of c1's first week as c2's fifth, serving c2's outcome."""
    copy = parts.module("c1-w1").model_copy(deep=True)
    copy.id = "c2-w5"
    copy.outcomes[0].id = "c2-w5-o1"
    copy.outcomes[0].supports = ["c2-o1"]
    for item in copy.items:
        item.id = item.id.replace("c1-w1", "c2-w5")
    copy.items[-1].outcome_ids = ["c2-w5-o1"]
    parts.modules.append(copy)
    parts.course("c2").module_ids.append("c2-w5")


def case(
    rule: str,
    change: Callable[[Parts], None],
    unit: str,
    also: Iterable[str] = (),
    profile: str = "entry-level",
    weeks: int = 4,
) -> object:
    return pytest.param(
        rule, change, unit, {rule, *also}, profile, weeks, id=f"{rule}-{change.__name__}"
    )


def field_change(name: str, value: object) -> Callable[[Parts], None]:
    def change(parts: Parts) -> None:
        setattr(parts.program(), name, value)

    change.__name__ = f"no_{name}"
    return change


def nothing(parts: Parts) -> None:
    pass


def no_awarding_body_nor_issuer(parts: Parts) -> None:
    program = parts.program()
    program.awarding_body = program.issuer_name = ""  # the supplement names the issuer else


SUPPLEMENT = {
    "supplement.learning-outcomes",
    "supplement.issuer-country",
    "supplement.eqf-level",
    "supplement.assessment",
    "supplement.mode-of-study",
    "supplement.awarding-body",
    "supplement.quality-assurance",
}

RULE_CASES = [
    case("supplement.learning-outcomes", no_program_outcomes, "cert"),
    case("supplement.issuer-country", field_change("issuer_country", None), "cert"),
    case(
        "supplement.ects",
        program_under_a_credit,
        "tiny",
        {
            "structure.outline-only",
            "structure.min-courses",
            "structure.capstone-last",
            "workload.total-hours",
        },
    ),
    case("supplement.eqf-level", field_change("eqf_level", None), "cert"),
    case("supplement.assessment", field_change("assessment", " "), "cert"),
    case("supplement.mode-of-study", field_change("delivery", None), "cert"),
    case("supplement.mode-of-study", field_change("pace", None), "cert"),
    case("supplement.title", field_change("title", ""), "cert"),
    case("supplement.awarding-body", no_awarding_body_nor_issuer, "cert"),
    case("supplement.quality-assurance", field_change("quality_assurance", ""), "cert"),
    # A program with no course has no credits either: its supplement could not be exported.
    case("structure.empty", empty_program, "empty", SUPPLEMENT | {"supplement.ects"}),
    case("structure.empty", unit_without_anything, "c0"),
    case("structure.empty", week_without_anything, "c1-w9"),
    case("structure.empty", item_of_no_minutes, "c1-w1-i5"),
    case("structure.empty", outcome_without_text, "c1-w1-o1"),
    case("structure.empty", untitled_units, "c1"),
    case("structure.outline-only", course_by_hours_only, "c2"),
    case("structure.outline-only", week_by_hours_only, "c1-w1"),
    case("structure.min-courses", three_courses, "cert", {"workload.total-hours"}),
    case("structure.capstone-last", capstone_first, "cert", {"alignment.map-never-introduced"}),
    case("structure.capstone-last", no_capstone, "cert"),
    case("structure.module-graded", week_without_graded_item, "c1-w1", {"alignment.not-assessed"}),
    case("structure.module-ends-graded", quiz_first, "c1-w1"),
    case("structure.graded-quiz-ungraded", ungraded_graded_quiz, "c1-w1-i4"),
    case("structure.formative-graded", practice_quiz_graded, "c1-w1-i4"),
    case("structure.module-lessons", three_items, "c1-w1"),
    case("structure.module-lessons", thirty_one_items, "c1-w1"),
    case("structure.pass-mark", field_change("min_passing_score", 8.0), "cert"),
    case("structure.pass-mark-stated", pass_mark_unlike_the_text, "cert"),
    case("workload.total-hours", nothing, "cert", {"workload.course-hours"}, weeks=11),  # 440 h
    case("workload.total-hours", nothing, "cert", weeks=3),  # 120 h
    case(
        "workload.completion-time",
        nothing,
        "cert",
        {"workload.total-hours", "workload.course-hours"},
        weeks=14,
    ),
    case("workload.course-hours", course_of_one_week, "c1"),
    case("workload.pace", full_time_at_ten_hours, "cert"),
    case("workload.module-week", heavy_week, "c1-w1"),
    case("workload.declared-mismatch", declared_hours_off, "c1-w1"),
    case("workload.declared-mismatch", declared_course_hours_off, "c1"),
    case("workload.hours-per-credit", credits_rounded_up, "cert"),
    case("workload.fractional-credits", half_credits, "cert"),
    case("workload.min-ects", nothing, "cert", {"workload.total-hours"}, "higher-education", 3),
    case("outcomes.missing", course_without_outcomes, "c1"),
    case("outcomes.missing", week_without_outcomes, "c1-w1"),
    case("outcomes.measurable-verb", set_outcome("Understand the topics of week 1."), "c1-w1-o1"),
    case("outcomes.unknown-verb", set_outcome("Grok the variables of week 1."), "c1-w1-o1"),
    case("outcomes.ambiguous-verb", set_outcome("Explain the topics.", None), "c1-w1-o1"),
    case("outcomes.bloom-missing", set_outcome("Implement the topics.", None), "c1-w1-o1"),
    case("outcomes.bloom-verb", apply_set_to_evaluate, "c2-w1-o1"),
    case(
        "outcomes.too-many-verbs",
        set_outcome("Identify, describe and evaluate the topics of week 1."),
        "c1-w1-o1",
    ),
    case("outcomes.eqf-reach", nothing_above_understand, "cert"),
    case("alignment.module-outcome-unlinked", week_objective_drifts, "c1-w1-o1"),
    case("alignment.module-outcome-unlinked", week_serves_another_course, "c1-w1-o1"),
    case("alignment.course-outcome-unsupported", course_outcome_no_week_serves, "c1-o2"),
    case("alignment.course-outcome-unlinked", course_outcome_serves_no_program_outcome, "c1-o1"),
    case("alignment.program-outcome-unreached", program_outcome_no_course_serves, "cert-o2"),
    case("alignment.not-assessed", unassessed_week_objective, "c1-w1-o1"),
    case("alignment.not-assessed", unassessed_course, "c1-o1"),
    case("alignment.not-assessed", nothing_assessed, "cert-o1"),
    case("alignment.map-never-mastered", capstone_only_applies, "cert-o1"),
    case("alignment.map-never-introduced", first_course_creates, "cert-o1"),
    case("sharing.identical-copies", copied_course, "c1"),
    case("sharing.identical-copies", copied_week, "c1-w1"),
]


@pytest.mark.parametrize(("rule", "change", "unit", "expected", "profile", "weeks"), RULE_CASES)
def test_a_change_breaks_its_rule_and_only_what_follows_from_it(
    rule, change, unit, expected, profile, weeks
):
    parts = certificate(weeks)
    change(parts)
    found = parts.findings(profile)
    assert (rule, unit) in {(f.rule, f.unit) for f in found}
    assert {f.rule for f in found} == expected
    severity = {r.id: r.severity for r in PROFILES[profile].rules}
    for finding in found:
        assert finding.severity == severity[finding.rule]
        assert finding.message.endswith(".") and finding.hint.endswith(".")


def test_every_rule_of_every_profile_has_a_case_that_breaks_it():
    tested = {param.values[0] for param in RULE_CASES} | {"sharing.limit-headroom"}
    every = {rule.id for profile in PROFILES.values() for rule in profile.rules}
    assert every == tested


def test_a_course_given_by_its_hours_only_is_one_info_finding_not_a_cascade():
    parts = certificate()
    course_by_hours_only(parts)
    parts.course("c2").outcomes = []
    found = parts.findings()
    assert [(f.rule, f.severity, f.unit) for f in found] == [
        ("structure.outline-only", "info", "c2")
    ]
    assert "40 h" in found[0].message and "no weekly modules or outcomes" in found[0].message


def test_the_report_s_bare_courses_give_one_finding_each():
    parts = certificate()
    parts.courses.extend(bare_course(f"b{n}", f"Bare course {n}", 30) for n in range(3))
    parts.program().course_ids[:0] = ["b0", "b1", "b2"]
    assert [(f.rule, f.unit) for f in parts.findings()] == [
        ("structure.outline-only", "b0"),
        ("structure.outline-only", "b1"),
        ("structure.outline-only", "b2"),
    ]


def test_total_hours_names_the_figures_and_what_to_trim():
    parts = certificate(weeks=11)
    (finding,) = [f for f in parts.findings() if f.rule == "workload.total-hours"]
    assert finding.field == "hours"
    assert "440 h" in finding.message and "420 h" in finding.message
    assert "Trim 20 h" in finding.hint


def test_a_week_that_ends_after_its_quiz_says_which_item_to_move():
    parts = certificate()
    quiz_first(parts)
    (finding,) = parts.findings()
    assert "discussion prompt" in finding.message
    assert "“Graded quiz c1-w1”" in finding.hint


def test_an_ambiguous_verb_lists_its_candidate_levels():
    parts = certificate()
    set_outcome("Explain the topics.", None)(parts)
    (finding,) = parts.findings()
    assert "Understand, Analyze or Evaluate" in finding.message
    assert finding.field == "bloom"


def test_the_higher_education_profile_asks_for_five_credits_the_entry_level_one_does_not():
    parts = certificate(weeks=3)  # 120 h: 4 ECTS
    assert {f.rule for f in parts.findings("entry-level")} == {"workload.total-hours"}
    min_ects = [f for f in parts.findings("higher-education") if f.rule == "workload.min-ects"]
    assert len(min_ects) == 1 and "4 ECTS" in min_ects[0].message


def test_identical_copies_marked_not_duplicates_are_left_alone():
    parts = certificate()
    copied_course(parts)
    parts.ignored.append(("copy-c1", "c1"))
    # As on the Duplicates page: the courses are not copies, but their weeks still are.
    weeks = [f.unit for f in parts.findings()]
    assert weeks == ["c1-w1", "c1-w2", "c1-w3", "c1-w4"]
    parts.ignored.extend((w, f"copy-{w}") for w in weeks)
    assert parts.findings() == []


@pytest.mark.parametrize("change", [copied_course, copied_week])
def test_identical_copies_are_the_duplicates_page_s_identical_groups(change):
    parts = certificate()
    change(parts)
    catalog, totals = parts.build()
    groups = find_duplicates(catalog, totals, levels=("course", "module"))
    identical = [g.units for g in groups if g.kind == "identical"]
    found = [f for f in run_checks(catalog, totals) if f.rule == "sharing.identical-copies"]
    assert [f.unit for f in found] == [units[0] for units in identical]
    for finding, units in zip(found, identical, strict=True):
        assert all(unit in finding.message for unit in units)


# ---- a shared unit at a program's limit --------------------------------------------------


def two_programs_sharing(weeks: int, heavier: int) -> Parts:
    """The certificate and a second one with the same courses; `heavier` weeks take 12.5 h."""
    parts = certificate(weeks)
    for module in parts.modules[:heavier]:
        module.items[2].minutes += 150
    second = parts.program().model_copy(deep=True)
    second.id, second.code, second.title = "cert2", "WEB-DEV-2", "Second Certificate"
    second.outcomes = []
    parts.programs.append(second)
    return parts


def headroom(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.rule == "sharing.limit-headroom"]


def test_a_shared_course_a_week_from_the_hours_limit_is_pointed_out():
    parts = two_programs_sharing(weeks=10, heavier=5)  # 412.5 h: a week more is 422.5 h
    found = headroom(parts.findings())
    assert [f.unit for f in found] == ["c1", "c2", "c3", "c4"]
    assert found[0].severity == "info"
    assert "WEB-DEV over 420 h (now 412.5 h)" in found[0].message
    assert "WEB-DEV-2 over 420 h" in found[0].message


def test_a_shared_course_with_room_to_grow_is_not():
    assert headroom(two_programs_sharing(weeks=4, heavier=0).findings()) == []
    # Over the limit already: workload.total-hours says so, not this rule.
    assert headroom(two_programs_sharing(weeks=11, heavier=0).findings()) == []
