"""What a program's certificate supplement says, gathered from the catalog; no Qt, no layout."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import pycountry

from designer.model import (
    Catalog,
    Course,
    Delivery,
    ItemKind,
    Module,
    Pace,
    Program,
    Settings,
    Totals,
    format_hours,
)
from designer.model.eqf import EqfDescriptor, descriptors_for
from designer.model.totals import ROUNDING_WORDS, Mismatch, format_number
from designer.supplement.elements import Element, standard_elements
from designer.supplement.stacking import StackingLine, stacking_lines

if TYPE_CHECKING:
    from designer.roadmap.layout import Roadmap

EQF_SOURCE = (
    "EQF level descriptors: Council Recommendation of 22 May 2017 (2017/C 189/03), Annex II. "
    "© European Union, https://eur-lex.europa.eu/"
)


@dataclass(frozen=True)
class OutcomeLine:
    id: str
    text: str
    bloom: str | None  # "Create", or None when untagged


@dataclass(frozen=True)
class CourseLine:
    number: int
    id: str
    code: str
    title: str
    hours: float
    shared_with: tuple[str, ...]  # codes (else titles) of the other certificates that use it


@dataclass(frozen=True)
class Supplement:
    """Everything a program's certificate supplement states, in the order it states it."""

    program_id: str
    code: str
    title: str
    description: str
    elements: tuple[Element, ...]
    outcomes: tuple[OutcomeLine, ...]
    eqf_level: str | None
    eqf_descriptors: tuple[EqfDescriptor, ...]
    courses: tuple[CourseLine, ...]
    # Courses and modules whose declared hours disagree with their parts ("the course “X”
    # declares 39 h, but its modules add up to 10 h"): the hours counted are not the
    # program's, so no credits are stated.
    unequal_hours: tuple[str, ...]
    stacking: tuple[StackingLine, ...]
    hours: float
    hours_text: str  # the hours beside the credits: "424.99" for 16 ECTS, not "425" (17's worth)
    credits: float  # before rounding
    ects: float
    ects_text: str  # "16 ECTS (422 h at 25 h per credit, rounded down)"
    hours_per_credit: float
    weeks: int
    weekly_hours: float
    issuer_name: str
    awarding_body: str  # the awarding body, else the issuer
    country_code: str | None  # ISO 3166 alpha-2
    country_name: str | None
    delivery: Delivery | None
    pace: Pace | None
    language: str  # as typed, e.g. "en"
    language_name: str | None  # "English", when the code is known
    min_passing_score: float | None
    assessment: str
    graded_kinds: tuple[ItemKind, ...]  # kinds of graded items anywhere in the program, sorted
    prerequisites: str
    quality_assurance: str
    roadmap: Roadmap | None = None  # the outcome roadmap, when designer.roadmap is available

    @property
    def states_credits(self) -> bool:
        """Whether it states a workload in ECTS: not under one credit, nor from hours that
        disagree with what the courses declare."""
        return self.ects > 0 and not self.unequal_hours

    def element(self, key: str) -> Element:
        for element in self.elements:
            if element.key == key:
                return element
        raise KeyError(key)


class MissingFacts(Exception):
    """A supplement lacks required facts: `missing` names them; the message also says which
    of the program's fields to fill in."""

    def __init__(self, supplement: Supplement, missing: list[Element] | None = None) -> None:
        elements = missing if missing is not None else missing_elements(supplement)
        self.supplement = supplement
        self.missing = [element.name for element in elements]
        count = len(elements)
        listed = "; ".join(_why_missing(e) for e in elements)
        super().__init__(
            f"the certificate supplement of {supplement.title or supplement.program_id} "
            f"({supplement.program_id}) lacks {count} required fact{'s' if count != 1 else ''}: "
            f"{listed}"
        )


def _why_missing(element: Element) -> str:
    """ "title (fill in: Title)", or what is wrong when the fields are filled in."""
    if element.problem:
        return f"{element.name} ({element.problem})"
    if element.fields:
        return f"{element.name} (fill in: {', '.join(element.fields)})"
    return element.name


def missing_elements(supplement: Supplement) -> list[Element]:
    return [element for element in supplement.elements if element.missing]


def missing_facts(supplement: Supplement) -> list[str]:
    """The names of the required facts the supplement lacks, in the supplement's order."""
    return [element.name for element in missing_elements(supplement)]


def require_complete(supplement: Supplement) -> None:
    """Raise MissingFacts if a required fact is missing."""
    missing = missing_elements(supplement)
    if missing:
        raise MissingFacts(supplement, missing)


_LINE_BREAK = re.compile("(?:[ \t]*(?:\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]))+[ \t]*")


def _one_line(text: str) -> str:
    """An outcome as one line, its line breaks (and the spaces around them) one space, a tab
    a space: the supplement lists outcomes a line each (the Excel sheet, the badge's
    criteria), and an outcome with a line break, which earlier versions let a paste keep,
    read as two."""
    return _LINE_BREAK.sub(" ", text.strip()).replace("\t", " ")


# ---- gathering ---------------------------------------------------------------------------


def supplement_facts(
    catalog: Catalog, totals: Totals, program_id: str, with_stacking: bool = True
) -> Supplement:
    """The supplement of one program, as the catalog describes it now.

    without stacking, the overlaps with other programs and the roadmap are left out: the
    quick form for a table of many programs' elements (they have places of their own).
    """
    program = catalog.program(program_id)
    figures = totals.program(program)
    settings = catalog.settings
    hours_text = figures.hours_text(settings.rounding)
    ects_text = _ects_text(hours_text, figures.credits, figures.ects, settings)
    country = pycountry.countries.get(alpha_2=program.issuer_country or "")
    country_name = getattr(country, "common_name", None) or getattr(country, "name", None)
    language_name = getattr(language_record(program.language), "name", None)
    descriptors = tuple(descriptors_for(program.eqf_level)) if program.eqf_level else ()
    outcomes = tuple(
        OutcomeLine(o.id, _one_line(o.text), o.bloom.value.capitalize() if o.bloom else None)
        for o in program.outcomes
        if o.text.strip()
    )
    stacking = stacking_lines(catalog, totals, program) if with_stacking else ()
    courses = _courses(catalog, totals, program)
    awarding_body = program.awarding_body.strip() or program.issuer_name.strip()
    supplement = Supplement(
        program_id=program.id,
        code=program.code,
        title=program.title.strip(),
        description=program.description.strip(),
        elements=(),
        outcomes=outcomes,
        eqf_level=program.eqf_level,
        eqf_descriptors=descriptors,
        courses=courses,
        unequal_hours=_unequal_hours(catalog, totals, program),
        stacking=stacking,
        hours=figures.hours,
        hours_text=hours_text,
        credits=figures.credits,
        ects=figures.ects,
        ects_text=ects_text,
        hours_per_credit=settings.hours_per_credit,
        weeks=figures.weeks,
        weekly_hours=settings.weekly_hours,
        issuer_name=program.issuer_name.strip(),
        awarding_body=awarding_body,
        country_code=program.issuer_country,
        country_name=country_name,
        delivery=program.delivery,
        pace=program.pace,
        language=program.language.strip(),
        language_name=language_name,
        min_passing_score=program.min_passing_score,
        assessment=program.assessment.strip(),
        graded_kinds=_graded_kinds(catalog, program),
        prerequisites=program.prerequisites.strip(),
        quality_assurance=program.quality_assurance.strip(),
        roadmap=_roadmap(catalog, totals, program.id) if with_stacking else None,
    )
    return _with_elements(supplement)


def _with_elements(s: Supplement) -> Supplement:
    return replace(s, elements=tuple(standard_elements(s)))


def _ects_text(hours_text: str, credits: float, ects: float, settings: Settings) -> str:
    per_credit = format_hours(settings.hours_per_credit)
    text = f"{format_number(ects)} ECTS ({hours_text} h at {per_credit} h per credit"
    if abs(credits - ects) > 1e-9:
        text += f", {ROUNDING_WORDS[settings.rounding]}"
    return text + ")"


def language_record(language: str) -> Any | None:
    """The ISO 639 language a code such as "en", "eng" or "en-GB" names, or None."""
    match = re.fullmatch(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*", language.strip())
    if match is None:
        return None
    base = match.group(1).lower()
    if len(base) == 2:
        return pycountry.languages.get(alpha_2=base)
    return pycountry.languages.get(alpha_3=base)


def _courses(catalog: Catalog, totals: Totals, program: Program) -> tuple[CourseLine, ...]:
    lines = []
    for number, course in enumerate(catalog.courses_of(program), 1):
        others = tuple(
            p.code or p.title or p.id
            for p in catalog.programs_using(course.id)
            if p.id != program.id
        )
        title = course.title or course.id
        lines.append(
            CourseLine(number, course.id, course.code, title, totals.hours(course), others)
        )
    return tuple(lines)


def _unequal_hours(catalog: Catalog, totals: Totals, program: Program) -> tuple[str, ...]:
    """The program's courses and modules whose declared hours disagree with their parts, in
    its order. A course being detailed week by week counts only the weeks written so far."""
    courses = catalog.courses_of(program)
    units: list[Course | Module] = [*courses]
    units += (module for course in courses for module in catalog.modules_of(course))
    # The program's units only: the whole catalog's, once for each program of a workbook's
    # supplement sheets, doubled the time of a 500-program export.
    found = {mismatch.unit.id: mismatch for mismatch in totals.mismatches(units)}
    lines = []
    seen: set[str] = set()  # a module two of its courses share is named once
    for course in courses:
        if course.id in found:
            lines.append(_unequal(found[course.id], ""))
        for module in catalog.modules_of(course):
            if module.id in found and module.id not in seen:
                seen.add(module.id)
                lines.append(_unequal(found[module.id], course.title or course.id))
    return tuple(lines)


def _unequal(mismatch: Mismatch, course: str) -> str:
    """ "the course “X” declares 39 h, but its modules add up to 10 h"."""
    unit = mismatch.unit
    declared, computed = format_hours(mismatch.declared), format_hours(mismatch.computed)
    unit_text = "h"
    if declared == computed:  # 600.2 min show as 10 h, as the 10 h declared: minutes differ
        declared = format_number(mismatch.declared * 60)
        computed = format_number(mismatch.computed * 60)
        unit_text = "min"
    title = unit.title or unit.id
    if isinstance(unit, Course):
        name, parts = f"the course “{title}”", "modules"
    else:
        name, parts = f"the module “{title}” of “{course}”", "items"
    return (
        f"{name} declares {declared} {unit_text}, but its {parts} add up to {computed} {unit_text}"
    )


def _graded_kinds(catalog: Catalog, program: Program) -> tuple[ItemKind, ...]:
    kinds: set[ItemKind] = set()
    seen: set[str] = set()
    for course in catalog.courses_of(program):
        for module in catalog.modules_of(course):
            if module.id in seen:
                continue
            seen.add(module.id)
            kinds.update(item.kind for item in module.items if item.graded)
    return tuple(sorted(kinds, key=lambda kind: kind.value))


def _roadmap(catalog: Catalog, totals: Totals, program_id: str) -> Roadmap | None:
    """The roadmap as data: each format draws it to its own page size (see html.py)."""
    try:
        from designer.roadmap.layout import roadmap
    except ImportError:  # the roadmap is optional: the supplement is complete without it
        return None
    return roadmap(catalog, totals, program_id)
