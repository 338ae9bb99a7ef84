"""The machine-readable supplements: Open Badges 3.0 and the European Learning Model."""

import json

import pytest
from supplement_helpers import PROGRAMS, supplement_of, without_issuer_country_and_assessment

from designer.model import Totals
from designer.supplement import MissingFacts, elm_specification, open_badge, supplement_facts
from designer.supplement.credentials import iso_duration

EQF_6 = "http://data.europa.eu/snb/eqf/6"


@pytest.mark.parametrize("program_id", PROGRAMS)
def test_each_export_is_plain_json_and_the_same_every_time(sample, program_id):
    for export in (open_badge, elm_specification):
        first = json.dumps(export(supplement_of(sample, program_id)), sort_keys=True)
        assert first == json.dumps(export(supplement_of(sample, program_id)), sort_keys=True)


def test_the_badge_is_an_open_badges_3_achievement(sample):
    badge = open_badge(supplement_of(sample, "full-stack"))
    assert badge["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert badge["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context")
    assert badge["id"].startswith("urn:uuid:")
    assert badge["type"] == ["Achievement"]
    assert badge["achievementType"] == "Certificate"
    assert badge["name"] == "Microsoft Full Stack Developer Professional Certificate"
    assert badge["humanCode"] == "MS-FSD"
    assert badge["inLanguage"] == "en"
    assert "16 ECTS credits (creditsAvailable is in ECTS credits" in badge["description"]
    assert isinstance(badge["criteria"]["narrative"], str)
    assert "pass its graded assessments with at least 80 %" in badge["criteria"]["narrative"]
    assert "12. Full-Stack Developer Capstone Project (5 h)" in badge["criteria"]["narrative"]


def test_the_badges_credits_are_a_number_and_its_pass_mark_a_percent(sample):
    badge = open_badge(supplement_of(sample, "full-stack"))
    assert badge["creditsAvailable"] == 16
    assert isinstance(badge["creditsAvailable"], int | float)
    assert not isinstance(badge["creditsAvailable"], bool)
    (result,) = badge["resultDescription"]
    assert result["type"] == ["ResultDescription"]
    assert result["resultType"] == "Percent"
    assert result["requiredValue"] == "80"
    assert result["id"].startswith("urn:uuid:") and result["name"]


def test_the_badge_is_aligned_with_its_eqf_level(sample):
    (alignment,) = open_badge(supplement_of(sample, "full-stack"))["alignment"]
    assert alignment["type"] == ["Alignment"]
    assert alignment["targetName"] == "EQF level 6"
    assert alignment["targetUrl"] == EQF_6
    assert alignment["targetFramework"] == "European Qualifications Framework"
    assert alignment["targetType"] == "ext:EQFLevel"
    ranged = open_badge(supplement_of(sample, "front-end"))["alignment"]
    assert [a["targetUrl"][-1] for a in ranged] == ["5", "6"]


def test_the_badge_names_its_creator_and_tags_sorted(sample):
    badge = open_badge(supplement_of(sample, "pr-communications"))
    assert badge["creator"]["type"] == ["Profile"]
    assert badge["creator"]["name"] == "Microsoft"
    assert badge["creator"]["address"]["addressCountryCode"] == "US"
    assert badge["tag"] == ["ECTS", "EQF 6", "online", "part-time", "stand-alone"]
    assert isinstance(badge["tag"], list)


def test_each_certificate_has_its_own_badge_id(sample):
    ids = {open_badge(supplement_of(sample, program_id))["id"] for program_id in PROGRAMS}
    assert len(ids) == len(PROGRAMS)


def test_the_elm_specification_has_the_fields_of_the_standard(sample):
    spec = elm_specification(supplement_of(sample, "full-stack"))
    assert spec["@context"] == "http://data.europa.eu/snb/model/context/edc-ap"
    assert spec["type"] == "LearningAchievementSpecification"
    assert spec["id"].startswith("urn:epass:learningAchievementSpecification:")
    assert spec["title"] == {"en": "Microsoft Full Stack Developer Professional Certificate"}
    outcomes = spec["learningOutcome"]
    assert [o["type"] for o in outcomes] == ["LearningOutcome"] * 3
    assert outcomes[0]["title"]["en"].startswith("Develop full-stack web applications")
    assert spec["eqfLevel"]["id"] == EQF_6
    assert spec["eqfLevel"]["type"] == "Concept"
    (credit,) = spec["creditPoint"]
    assert credit["point"] == "16"
    assert credit["framework"]["notation"] == "ECTS"
    assert credit["framework"]["id"] == "http://data.europa.eu/snb/education-credit/6fcec5c5af"
    assert spec["volumeOfLearning"] == "PT422H"
    assert [m["prefLabel"]["en"] for m in spec["mode"]] == ["Online"]
    assert spec["learningSetting"]["prefLabel"]["en"] == "non-formal learning"
    assert spec["language"][0]["id"].endswith("/language/ENG")


def test_the_elm_assessment_stacking_and_awarding_body(sample):
    spec = elm_specification(supplement_of(sample, "full-stack"))
    (assessment,) = spec["provenBy"]
    assert assessment["type"] == "LearningAssessmentSpecification"
    assert assessment["title"] == {"en": "Assessment: " + spec["title"]["en"]}
    assert assessment["description"]["en"].startswith("Auto-graded quiz")
    labels = [t["prefLabel"]["en"] for t in assessment["dcType"]]
    # The graded items' kinds: the sample grades its quizzes and projects; its peer reviews
    # and programming assignments are formative, as the report says.
    assert set(labels) == {"quiz", "project work"}
    # Full Stack shares courses with Back-End and Front-End but is part of neither.
    assert spec["isPartialQualification"] is False
    (body,) = spec["awardedBy"]["awardingBody"]
    assert body["type"] == "Organisation"
    assert body["legalName"] == {"en": "Microsoft"}
    country = body["location"][0]["address"][0]["countryCode"]
    assert country["id"] == "http://publications.europa.eu/resource/authority/country/USA"
    assert [part["volumeOfLearning"] for part in spec["hasPart"]][:2] == ["PT39H", "PT30H"]


def test_an_eqf_range_gives_the_higher_level_and_notes_the_range(sample):
    spec = elm_specification(supplement_of(sample, "front-end"))
    assert spec["eqfLevel"]["id"] == EQF_6
    (note,) = [n for n in spec["additionalNote"] if "EQF" in n["noteLiteral"]["en"]]
    assert "EQF levels 5 to 6" in note["noteLiteral"]["en"]
    assert "eqfLevel gives the higher" in note["noteLiteral"]["en"]


def test_prerequisites_become_the_entry_requirement(sample):
    assert "entryRequirement" not in elm_specification(
        supplement_facts(sample, Totals(sample), "back-end")
    )
    sample.set_field(sample.program("back-end"), "prerequisites", "Basic computer literacy.")
    spec = elm_specification(supplement_facts(sample, Totals(sample), "back-end"))
    assert spec["entryRequirement"]["type"] == "Note"
    assert spec["entryRequirement"]["noteLiteral"] == {"en": "Basic computer literacy."}


@pytest.mark.parametrize(
    ("hours", "duration"), [(422, "PT422H"), (2.5, "PT2H30M"), (0.25, "PT15M"), (0, "PT0H")]
)
def test_volume_of_learning_is_an_iso_8601_duration(hours, duration):
    assert iso_duration(hours) == duration


def test_missing_facts_refuse_the_exports_unless_drafts(sample):
    catalog = without_issuer_country_and_assessment(sample)
    supplement = supplement_facts(catalog, Totals(catalog), "full-stack")
    for export in (open_badge, elm_specification):
        with pytest.raises(MissingFacts):
            export(supplement)
    assert "address" not in open_badge(supplement, draft=True)["creator"]
    draft = elm_specification(supplement, draft=True)
    assert "provenBy" not in draft
    assert "location" not in draft["awardedBy"]["awardingBody"][0]
