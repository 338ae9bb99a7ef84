"""The elements of a supplement: the EU standard elements, six of them the accreditation facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from designer.model import Delivery, Pace, format_hours
from designer.model.totals import format_number

if TYPE_CHECKING:
    from designer.supplement.facts import Supplement

DELIVERY_WORDS = {
    Delivery.ONLINE: "Online",
    Delivery.BLENDED: "Blended",
    Delivery.ON_SITE: "On site",
}
PACE_WORDS = {Pace.PART_TIME: "part-time", Pace.FULL_TIME: "full-time"}


@dataclass(frozen=True)
class Element:
    """One element of the supplement: an EU standard element, some also an accreditation fact.

    name: how messages and draft placeholders call it ("issuer country").
    fact: the number (1-6) of the fact the accreditation condition names, or None.
    mandatory: a mandatory element of the EU standard (Council Recommendation 2022/C 243/02).
    at_issue: left blank, to fill in when a learner's certificate is issued.
    fields: the program fields (as the Details pane labels them) that give the value.
    problem: what is wrong when the fields are filled in and the value is still missing
        ("less than one credit: 10 h of the 25 h a credit takes").
    """

    key: str
    label: str
    name: str
    value: str | None
    mandatory: bool = False
    fact: int | None = None
    at_issue: bool = False
    fields: tuple[str, ...] = ()
    hint: str = ""  # shown beside a blank, or below a value
    problem: str = ""

    @property
    def required(self) -> bool:
        return (self.mandatory or self.fact is not None) and not self.at_issue

    @property
    def missing(self) -> bool:
        return self.required and self.value is None


def standard_elements(s: Supplement) -> list[Element]:
    """The EU standard elements in their order, the six accreditation facts among them."""
    country = f"{s.country_name} ({s.country_code})" if s.country_code else None
    outcomes = "\n".join(o.text for o in s.outcomes) or None
    # A program whose hours round to 0 ECTS has no workload in ECTS to state (Problems:
    # supplement.ects); "0 ECTS" passed as the fact stated. Nor has one whose courses declare
    # other hours than their parts add up to: a course detailed one week of four counted
    # its week only, and a final supplement stated 15 ECTS for 16.
    workload = s.ects_text if s.states_credits else None
    # A course without hours adds nothing: the reader must not take the sum as whole.
    uncounted = not_counted(s)
    workload_hint = f"{uncounted} (see Courses and workload)" if uncounted else ""
    workload_problem = ""
    if s.unequal_hours:
        workload_problem = (
            f"{'; '.join(s.unequal_hours)}: complete the parts, or correct the hours declared"
        )
    elif s.ects <= 0 and s.hours > 0:  # the courses have hours, but not a credit's worth
        workload_problem = (
            f"less than one credit: {s.hours_text} h of the "
            f"{format_hours(s.hours_per_credit)} h a credit takes; add work to the courses"
        )
    mode_fields = tuple(
        label for label, value in (("Mode of study", s.delivery), ("Pace", s.pace)) if value is None
    )
    mode = None
    if s.delivery is not None and s.pace is not None:
        mode = f"{DELIVERY_WORDS[s.delivery]}, {PACE_WORDS[s.pace]}"
        if s.hours > 0:  # without hours, "0 weeks" would be a figure the program does not have
            mode += f" (about {format_hours(s.weekly_hours)} h a week, {weeks_text(s.weeks)})"
    assessment = s.assessment or None
    if assessment is not None and s.min_passing_score is not None:
        assessment += f" Minimum passing score: {format_number(s.min_passing_score)} %."
    pass_mark = (
        f"pass mark {format_number(s.min_passing_score)} %"
        if s.min_passing_score is not None
        else ""
    )
    if s.stacking:
        count = len(s.stacking)
        stacking = (
            f"Stackable: shares content with {count} other certificate{'s' if count != 1 else ''} "
            "(see Stacking options)"
        )
    else:
        stacking = "Stand-alone: shares no course or module with another certificate"
    further = [f"Language of instruction: {s.language_name or s.language}"] if s.language else []
    if s.issuer_name and s.issuer_name != s.awarding_body:
        further.append(f"Issuer: {s.issuer_name}")
    if s.code:
        further.append(f"Certificate code: {s.code}")
    if s.description:
        further.append(s.description)
    return [
        Element("learner", "Learner", "learner", None, mandatory=True, at_issue=True),
        Element(
            "title",
            "Title of the certificate",
            "title",
            s.title or None,
            mandatory=True,
            fields=("Title",),
        ),
        Element(
            "issuer_country",
            "Country of the issuer",
            "issuer country",
            country,
            mandatory=True,
            fact=2,
            fields=("Issuer country",),
        ),
        Element(
            "awarding_body",
            "Awarding body",
            "awarding body",
            s.awarding_body or None,
            mandatory=True,
            fields=("Awarding body", "Issuer"),
        ),
        Element("date_of_issue", "Date of issue", "date of issue", None, True, at_issue=True),
        Element(
            "learning_outcomes",
            "Learning outcomes",
            "learning outcomes",
            outcomes,
            mandatory=True,
            fact=1,
            fields=("the program's Outcomes",),
        ),
        Element(
            "workload",
            "Notional workload",
            "workload in ECTS",
            workload,
            mandatory=True,
            fact=3,
            fields=("courses with hours",),
            hint=workload_hint,
            problem=workload_problem,
        ),
        Element(
            "eqf_level",
            "Level (EQF)",
            "EQF level",
            _level_text(s.eqf_level),
            mandatory=True,
            fact=4,
            fields=("EQF level",),
        ),
        Element(
            "assessment",
            "Type of assessment",
            "type of assessment",
            assessment,
            mandatory=True,
            fact=5,
            fields=("Type of assessment",),
        ),
        Element(
            "mode_of_study",
            "Form of participation (mode of study)",
            "mode of study",
            mode,
            mandatory=True,
            fact=6,
            fields=mode_fields,
        ),
        Element(
            "quality_assurance",
            "Type of quality assurance",
            "type of quality assurance",
            s.quality_assurance or None,
            mandatory=True,
            fields=("Quality assurance",),
        ),
        Element("prerequisites", "Prerequisites", "prerequisites", s.prerequisites or None),
        Element("grade", "Grade achieved", "grade", None, at_issue=True, hint=pass_mark),
        Element("stacking", "Integration and stacking possibilities", "stacking", stacking),
        Element(
            "further_information",
            "Further information",
            "further information",
            "\n".join(further) or None,
        ),
    ]


def weeks_text(weeks: int) -> str:
    """ "1 week", "14 weeks"."""
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def courses_without_hours(s: Supplement) -> list[str]:
    """The titles of the program's courses that have no hours yet, in its order."""
    return [course.title for course in s.courses if course.hours <= 0]


def not_counted(s: Supplement) -> str:
    """ "2 courses have no hours yet and are not counted"; "" when every course has hours."""
    count = len(courses_without_hours(s))
    if not count:
        return ""
    if count == 1:
        return "1 course has no hours yet and is not counted"
    return f"{count} courses have no hours yet and are not counted"


def _level_text(level: str | None) -> str | None:
    if level is None:
        return None
    if "-" in level:
        low, high = level.split("-")
        which = "both" if int(high) - int(low) == 1 else "each"
        return f"EQF levels {low} to {high}: the descriptors of {which} are given below"
    return f"EQF level {level}"
