"""The supplement for machines: an Open Badges 3.0 Achievement and an ELM v3 specification.

Both are plain dicts, ready for json.dumps(sort_keys=True). Identifiers are derived from the
program's id (uuid5), so the same catalog gives the same documents and they diff well.

Every required fact the export insists on is stated in each format, where the format has a place
for it; a draft says in its name and its text that it is one, and what it lacks.
"""

from __future__ import annotations

import uuid
from typing import Any

import pycountry

from designer.model import Delivery, ItemKind, format_hours
from designer.model.totals import format_number
from designer.sharing.overlap import CONTAINED_IN
from designer.supplement.elements import Element
from designer.supplement.facts import Supplement, language_record, require_complete

# Our own namespace for name-based UUIDs: no URL is claimed for the ids.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:curriculum-designer:certificate-supplement")

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
EQF_URI = "http://data.europa.eu/snb/eqf/{level}"
EQF_FRAMEWORK = "European Qualifications Framework"

# ELM v3 (European Digital Credentials): the application profile's context and the EU
# controlled vocabularies (http://data.europa.eu/snb/...) the fields take their values from.
ELM_CONTEXT = "http://data.europa.eu/snb/model/context/edc-ap"
EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2"
ECTS = {
    "id": "http://data.europa.eu/snb/education-credit/6fcec5c5af",
    "scheme": "http://data.europa.eu/snb/education-credit/25831c2",
    "label": "European Credit Transfer System",
}
LEARNING_MODE_SCHEME = "http://data.europa.eu/snb/learning-assessment/25831c2"
LEARNING_MODES = {
    Delivery.ONLINE: ("http://data.europa.eu/snb/learning-assessment/920fbb3cbe", "Online"),
    Delivery.BLENDED: ("http://data.europa.eu/snb/learning-assessment/e92d221e4d", "Blended"),
    Delivery.ON_SITE: ("http://data.europa.eu/snb/learning-assessment/9191af2ed9", "Presential"),
}
NON_FORMAL = (
    "http://data.europa.eu/snb/learning-setting/e207a81fc7",
    "http://data.europa.eu/snb/learning-setting/25831c2",
    "non-formal learning",
)
ASSESSMENT_SCHEME = "http://data.europa.eu/snb/assessment/25831c2"
ASSESSMENT_TYPES = {  # graded item kind -> (concept, label) in the EU assessment-type list
    ItemKind.GRADED_QUIZ: ("http://data.europa.eu/snb/assessment/b1b68f6735", "quiz"),
    ItemKind.PROJECT: ("http://data.europa.eu/snb/assessment/795dac4096", "project work"),
    ItemKind.PEER_REVIEW: ("http://data.europa.eu/snb/assessment/19a2e5e671", "peer assessment"),
    ItemKind.SELF_REVIEW: ("http://data.europa.eu/snb/assessment/c_2b3bd410", "Self-assessment"),
    ItemKind.PROGRAMMING_ASSIGNMENT: (
        "http://data.europa.eu/snb/assessment/6a4db9f11d",
        "practical assessment",
    ),
    ItemKind.LAB: ("http://data.europa.eu/snb/assessment/6a4db9f11d", "practical assessment"),
}
COUNTRY_AUTHORITY = "http://publications.europa.eu/resource/authority/country"
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language"


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else round(value, 2)


def _levels(s: Supplement) -> list[int]:
    return [d.level for d in s.eqf_descriptors]


def _missing(s: Supplement, draft: bool) -> list[Element]:
    """The required facts a draft lacks; none when it is not a draft (it was refused then)."""
    return [element for element in s.elements if element.missing] if draft else []


def _name(s: Supplement, missing: list[Element]) -> str:
    """The certificate's name, "DRAFT: " before it when facts are missing: a draft file must not
    pass for a finished credential, and a missing title is marked, not replaced by the id."""
    title = s.title or "MISSING: title"
    return f"DRAFT: {title}" if missing else title


def _draft_notice(missing: list[Element]) -> str:
    count = len(missing)
    names = ", ".join(element.name for element in missing)
    return (
        f"DRAFT, not a finished credential: {count} required fact"
        f"{'s are' if count != 1 else ' is'} missing ({names}). Do not issue it."
    )


def _fact(s: Supplement, key: str) -> str | None:
    """The value of one of the supplement's elements, worded as the supplement words it, as a
    sentence: it is joined to others in a description or a note."""
    value = s.element(key).value
    if value is None:
        return None
    return value if value.endswith((".", "!", "?")) else value + "."


# ---- Open Badges 3.0 ------------------------------------------------------------------------


def open_badge(supplement: Supplement, draft: bool = False) -> dict[str, Any]:
    """The certificate as an Open Badges 3.0 Achievement (achievementType "Certificate").

    The learning outcomes are in the criteria (what earning it takes); the mode of study,
    the quality assurance and the rest of the supplement's facts that OB 3.0 has no field for
    are in the description.
    Raises MissingFacts when a required fact is missing, unless `draft`: then what is missing
    is left out, the name starts with "DRAFT" and the description names what is missing.
    """
    if not draft:
        require_complete(supplement)
    s = supplement
    missing = _missing(s, draft)
    badge: dict[str, Any] = {
        "@context": OB_CONTEXT,
        "id": f"urn:uuid:{_uuid('achievement', s.program_id)}",
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": _name(s, missing),
        "description": _badge_description(s, missing),
        "criteria": {"narrative": _criteria(s)},
        "tag": _tags(s, missing),
    }
    if s.code:
        badge["humanCode"] = s.code
    if s.language:
        badge["inLanguage"] = s.language
    if s.states_credits:  # under one credit there are no credits to state
        badge["creditsAvailable"] = _number(s.ects)
    if s.eqf_descriptors:
        badge["alignment"] = [
            {
                "type": ["Alignment"],
                "targetName": f"EQF level {d.level}",
                "targetDescription": f"Knowledge: {d.knowledge}. Skills: {d.skills}. "
                f"Responsibility and autonomy: {d.responsibility_autonomy}.",
                "targetUrl": EQF_URI.format(level=d.level),
                "targetFramework": EQF_FRAMEWORK,
                "targetCode": str(d.level),
                "targetType": "ext:EQFLevel",
            }
            for d in s.eqf_descriptors
        ]
    if s.min_passing_score is not None:
        badge["resultDescription"] = [
            {
                "id": f"urn:uuid:{_uuid('result', s.program_id)}",
                "type": ["ResultDescription"],
                "name": "Final score",
                "resultType": "Percent",
                "requiredValue": format_number(s.min_passing_score),
                "valueMin": "0",
                "valueMax": "100",
            }
        ]
    if s.awarding_body:
        creator: dict[str, Any] = {
            "id": f"urn:uuid:{_uuid('profile', s.awarding_body)}",
            "type": ["Profile"],
            "name": s.awarding_body,
        }
        if s.country_code:
            creator["address"] = {
                "type": ["Address"],
                "addressCountry": s.country_name or s.country_code,
                "addressCountryCode": s.country_code,
            }
        badge["creator"] = creator
    return badge


def _badge_description(s: Supplement, missing: list[Element]) -> str:
    parts = [_draft_notice(missing)] if missing else []
    if s.description:
        parts.append(s.description)
    if s.states_credits:
        parts.append(
            f"Workload {s.hours_text} hours: {format_number(s.ects)} ECTS credits "
            f"(creditsAvailable is in ECTS credits, {format_hours(s.hours_per_credit)} hours "
            "per credit)."
        )
    elif s.ects <= 0 and s.hours > 0:
        parts.append(f"Workload {s.hours_text} hours, less than one ECTS credit.")
    if s.eqf_level:
        parts.append(f"EQF level {s.eqf_level}.")
    mode = _fact(s, "mode_of_study")
    if mode is not None:
        parts.append(f"Mode of study: {mode}")
    if s.country_name:
        parts.append(f"Country of the issuer: {s.country_name} ({s.country_code}).")
    quality = _fact(s, "quality_assurance")
    if quality is not None:  # OB 3.0 has no field for it (endorsements are signed credentials)
        parts.append(f"Type of quality assurance: {quality}")
    return " ".join(parts)


def _criteria(s: Supplement) -> str:
    """What earning the certificate takes (OB 3.0 allows Markdown here): its courses and pass
    mark, the learning outcomes a holder has shown, the assessment and the course list."""
    count = len(s.courses)
    passing = ""
    if s.min_passing_score is not None:
        score = format_number(s.min_passing_score)
        passing = f" and pass its graded assessments with at least {score} %"
    if count:
        courses = (
            f"Complete the {count} course{'s' if count != 1 else ''} of the certificate "
            f"({s.hours_text} h)"
        )
    else:  # only a draft has no courses: "the 0 courses (0 h)" would read as a requirement
        courses = "Complete the courses of the certificate (none are listed yet)"
    lines = [f"{courses}{passing}."]
    if s.outcomes:
        lines += ["", "Learning outcomes: a holder of the certificate is able to"]
        lines += [f"{n}. {outcome.text}" for n, outcome in enumerate(s.outcomes, 1)]
    if s.assessment:
        lines += ["", f"Assessment: {s.assessment}"]
    if s.courses:
        lines += ["", "Courses:"]
        lines += [f"{c.number}. {c.title} ({format_hours(c.hours)} h)" for c in s.courses]
    return "\n".join(lines)


def _tags(s: Supplement, missing: list[Element]) -> list[str]:
    tags = {f"EQF {level}" for level in _levels(s)}
    if missing:
        tags.add("draft")
    if s.states_credits:
        tags.add("ECTS")
    if s.delivery is not None:
        tags.add(s.delivery.value)
    if s.pace is not None:
        tags.add(s.pace.value)
    tags.add("stackable" if s.stacking else "stand-alone")
    return sorted(tags)


# ---- European Learning Model v3 --------------------------------------------------------------


def elm_specification(supplement: Supplement, draft: bool = False) -> dict[str, Any]:
    """The certificate as an ELM v3 LearningAchievementSpecification (JSON-LD).

    For an EQF range the higher level is eqfLevel and additionalNote states the range. The
    facts ELM has no field of a specification for are additionalNotes too: the pace (ELM's
    learningSchedule belongs to a LearningOpportunity, an offering with dates, not to what
    the certificate certifies) and the quality assurance (its Accreditation needs an
    accrediting agent and a decision the catalog does not record, only a sentence).
    Raises MissingFacts when a required fact is missing, unless `draft`: then what is missing
    is left out, the title starts with "DRAFT" and the first note names what is missing.
    """
    if not draft:
        require_complete(supplement)
    s = supplement
    missing = _missing(s, draft)
    larger = [line for line in s.stacking if line.relation == CONTAINED_IN]
    spec: dict[str, Any] = {
        "@context": ELM_CONTEXT,
        "id": _elm_id("learningAchievementSpecification", s.program_id),
        "type": "LearningAchievementSpecification",
        "title": {"en": _name(s, missing)},
        # A partial qualification is part of a larger one. The catalog declares no such thing,
        # but it knows when all of this certificate is inside another, larger one (stacking's
        # "contained in"): that one is the larger qualification. Merely sharing courses, as
        # Full Stack does with Back-End, makes neither a part of the other; the same content
        # twice ("same") is not a part either.
        "isPartialQualification": bool(larger),
        "learningSetting": _concept(NON_FORMAL[0], NON_FORMAL[1], NON_FORMAL[2]),
    }
    if larger:
        spec["isPartOf"] = [
            {
                "id": _elm_id("learningAchievementSpecification", line.program_id),
                "type": "LearningAchievementSpecification",
                "title": {"en": line.title},
            }
            for line in larger
        ]
    notes = [_note(s.program_id, "draft", _draft_notice(missing))] if missing else []
    if s.description:
        spec["description"] = {"en": s.description}
    if s.outcomes:
        spec["learningOutcome"] = [
            {
                "id": _elm_id("learningOutcome", s.program_id, outcome.id),
                "type": "LearningOutcome",
                "title": {"en": outcome.text},
            }
            for outcome in s.outcomes
        ]
    levels = _levels(s)
    if levels:
        spec["eqfLevel"] = _concept(
            EQF_URI.format(level=levels[-1]), EQF_SCHEME, f"Level {levels[-1]}", str(levels[-1])
        )
        if len(levels) > 1:
            notes.append(
                _note(
                    s.program_id,
                    "eqf-range",
                    f"The certificate spans EQF levels {levels[0]} to {levels[-1]}; "
                    "eqfLevel gives the higher.",
                )
            )
    if s.states_credits:
        spec["creditPoint"] = [
            {
                "id": _elm_id("creditPoint", s.program_id),
                "type": "CreditPoint",
                "framework": _concept(ECTS["id"], ECTS["scheme"], ECTS["label"], "ECTS"),
                "point": format_number(s.ects),
            }
        ]
    if s.hours > 0:
        spec["volumeOfLearning"] = iso_duration(s.hours)
    if s.delivery is not None:
        mode, label = LEARNING_MODES[s.delivery]
        spec["mode"] = [_concept(mode, LEARNING_MODE_SCHEME, label)]
    participation = _fact(s, "mode_of_study")
    if participation is not None:
        notes.append(
            _note(s.program_id, "participation", f"Form of participation: {participation}")
        )
    quality = _fact(s, "quality_assurance")
    if quality is not None:
        notes.append(
            _note(s.program_id, "quality-assurance", f"Type of quality assurance: {quality}")
        )
    if notes:
        spec["additionalNote"] = notes
    language = _language_concept(s.language)
    if language is not None:
        spec["language"] = [language]
    if s.prerequisites:
        spec["entryRequirement"] = _note(s.program_id, "entry", s.prerequisites)
    if s.assessment:
        spec["provenBy"] = [_assessment(s, missing)]
    if s.courses:
        spec["hasPart"] = [
            {
                "id": _elm_id("learningAchievementSpecification", "course", course.id),
                "type": "LearningAchievementSpecification",
                "title": {"en": course.title},
                "volumeOfLearning": iso_duration(course.hours),
            }
            for course in s.courses
        ]
    if s.awarding_body:
        spec["awardedBy"] = _awarded_by(s)
    return spec


def iso_duration(hours: float) -> str:
    """ISO 8601 duration in hours and minutes: 422 -> "PT422H", 2.5 -> "PT2H30M"."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    if rest == 0:
        return f"PT{whole}H"
    return f"PT{whole}H{rest}M" if whole else f"PT{rest}M"


def _elm_id(kind: str, *parts: str) -> str:
    return f"urn:epass:{kind}:{_uuid(kind, *parts)}"


def _concept(uri: str, scheme: str, label: str, notation: str | None = None) -> dict[str, Any]:
    concept: dict[str, Any] = {
        "id": uri,
        "type": "Concept",
        "inScheme": {"id": scheme, "type": "ConceptScheme"},
        "prefLabel": {"en": label},
    }
    if notation is not None:
        concept["notation"] = notation
    return concept


def _note(program_id: str, name: str, text: str) -> dict[str, Any]:
    return {"id": _elm_id("note", program_id, name), "type": "Note", "noteLiteral": {"en": text}}


def _assessment(s: Supplement, missing: list[Element]) -> dict[str, Any]:
    description = s.assessment
    if s.min_passing_score is not None:
        description += f" Minimum passing score: {format_number(s.min_passing_score)} %."
    assessment: dict[str, Any] = {
        "id": _elm_id("learningAssessmentSpecification", s.program_id),
        "type": "LearningAssessmentSpecification",
        "title": {"en": f"Assessment: {_name(s, missing)}"},
        "description": {"en": description},
    }
    types = {ASSESSMENT_TYPES[kind] for kind in s.graded_kinds if kind in ASSESSMENT_TYPES}
    if types:
        assessment["dcType"] = [
            _concept(uri, ASSESSMENT_SCHEME, label) for uri, label in sorted(types)
        ]
    if s.delivery is not None:
        mode, label = LEARNING_MODES[s.delivery]
        assessment["mode"] = [_concept(mode, LEARNING_MODE_SCHEME, label)]
    return assessment


def _awarded_by(s: Supplement) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": _elm_id("organisation", s.awarding_body),
        "type": "Organisation",
        "legalName": {"en": s.awarding_body},
    }
    country = pycountry.countries.get(alpha_2=s.country_code or "")
    if country is not None:
        body["location"] = [
            {
                "id": _elm_id("location", s.awarding_body, country.alpha_2),
                "type": "Location",
                "address": [
                    {
                        "id": _elm_id("address", s.awarding_body, country.alpha_2),
                        "type": "Address",
                        "countryCode": _concept(
                            f"{COUNTRY_AUTHORITY}/{country.alpha_3}",
                            COUNTRY_AUTHORITY,
                            s.country_name or country.name,
                            country.alpha_3,
                        ),
                    }
                ],
            }
        ]
    return {
        "id": _elm_id("awardingProcess", s.program_id),
        "type": "AwardingProcess",
        "awardingBody": [body],
    }


def _language_concept(language: str) -> dict[str, Any] | None:
    found = language_record(language)
    if found is None:
        return None
    code = found.alpha_3.upper()
    return _concept(f"{LANGUAGE_AUTHORITY}/{code}", LANGUAGE_AUTHORITY, found.name, code)
