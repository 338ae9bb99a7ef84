"""The badge and ELM files the `supplement` command writes: every required fact, drafts marked,
partial qualifications only for a certificate inside a larger one."""

import argparse
import copy
import json

import pytest
from supplement_helpers import PROGRAMS

from designer.storage import save
from designer.supplement.commands import add_commands

QUALITY = "Accredited by FIBAA (2025) as a professional certificate."


def export(catalog_path, program, fmt, out, *extra):
    """Run the command as a user would; the file it wrote, read back."""
    parser = argparse.ArgumentParser(prog="curriculum-designer")
    add_commands(parser.add_subparsers(required=True))
    arguments = ["supplement", str(catalog_path), "--program", program, "--format", fmt]
    args = parser.parse_args([*arguments, "-o", str(out), *extra])
    assert args.run(args) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def both(catalog_path, program, tmp_path, *extra):
    badge = export(catalog_path, program, "badge", tmp_path / f"{program}.badge.json", *extra)
    elm = export(catalog_path, program, "elm", tmp_path / f"{program}.elm.jsonld", *extra)
    return badge, elm


def notes(elm):
    return [note["noteLiteral"]["en"] for note in elm.get("additionalNote", [])]


@pytest.mark.parametrize("program_id", PROGRAMS)
def test_every_required_fact_is_in_both_files(sample, sample_path, tmp_path, program_id):
    program = sample.program(program_id)
    badge, elm = both(sample_path, program_id, tmp_path)
    outcomes = [o.text for o in program.outcomes]
    for document in (badge, elm):
        text = json.dumps(document, ensure_ascii=False)
        for fact in (program.title, *outcomes, program.assessment, QUALITY, "part-time"):
            assert fact in text, (fact, program_id)
        assert "DRAFT" not in text
    narrative = badge["criteria"]["narrative"]
    assert [line for line in narrative.splitlines() if line[:2] in ("1.", "2.", "3.")][:3] == [
        f"{n}. {text}" for n, text in enumerate(outcomes[:3], 1)
    ]
    assert f"Type of quality assurance: {QUALITY}" in badge["description"]
    assert "Mode of study: Online, part-time (about 10 h a week" in badge["description"]
    assert [o["title"]["en"] for o in elm["learningOutcome"]] == outcomes
    assert f"Type of quality assurance: {QUALITY}" in notes(elm)
    (participation,) = [n for n in notes(elm) if n.startswith("Form of participation")]
    assert participation.startswith("Form of participation: Online, part-time (about 10 h a week")


def test_the_full_stack_files_state_each_fact_once_in_its_place(sample_path, tmp_path):
    badge, elm = both(sample_path, "MS-FSD", tmp_path)
    assert badge["name"] == "Microsoft Full Stack Developer Professional Certificate"
    assert (
        "Learning outcomes: a holder of the certificate is able to"
        in (badge["criteria"]["narrative"])
    )
    assert badge["description"].count(QUALITY) == 1
    assert "draft" not in badge["tag"]
    assert [m["prefLabel"]["en"] for m in elm["mode"]] == ["Online"]
    assert sum(QUALITY in note for note in notes(elm)) == 1


@pytest.fixture
def no_eqf(sample, tmp_path):
    sample.set_field(sample.program("pr-communications"), "eqf_level", None)
    path = tmp_path / "noeqf.curriculum.json"
    save(sample, path)
    return path


def test_a_draft_says_so_and_names_what_it_lacks(no_eqf, tmp_path):
    badge, elm = both(no_eqf, "MS-PRC", tmp_path, "--draft")
    title = "Microsoft Public Relations and Communications Associate Professional Certificate"
    assert badge["name"] == f"DRAFT: {title}"
    assert badge["description"].startswith(
        "DRAFT, not a finished credential: 1 required fact is missing (EQF level)."
    )
    assert "draft" in badge["tag"]
    assert "alignment" not in badge
    assert elm["title"] == {"en": f"DRAFT: {title}"}
    assert notes(elm)[0].startswith(
        "DRAFT, not a finished credential: 1 required fact is missing (EQF level)."
    )
    assert elm["provenBy"][0]["title"] == {"en": f"Assessment: DRAFT: {title}"}
    assert "eqfLevel" not in elm


def test_a_complete_certificate_written_with_draft_is_not_marked(sample_path, tmp_path):
    badge, elm = both(sample_path, "MS-PRC", tmp_path, "--draft")
    assert not badge["name"].startswith("DRAFT")
    assert "DRAFT" not in badge["description"] and "draft" not in badge["tag"]
    assert not elm["title"]["en"].startswith("DRAFT")
    assert not any("DRAFT" in note for note in notes(elm))


def test_a_draft_without_title_is_not_named_by_its_id(sample, tmp_path):
    program = sample.program("pr-communications")
    sample.set_field(program, "title", "")
    while program.course_ids:
        sample.remove(program, "course_ids", 0)
    path = tmp_path / "untitled.curriculum.json"
    save(sample, path)
    badge, elm = both(path, "MS-PRC", tmp_path, "--draft")
    assert badge["name"] == "DRAFT: MISSING: title"
    assert elm["title"] == {"en": "DRAFT: MISSING: title"}
    assert "pr-communications" not in badge["name"] + elm["title"]["en"]
    assert "title, workload in ECTS" in badge["description"]
    assert "0 courses" not in badge["criteria"]["narrative"]
    assert badge["criteria"]["narrative"].startswith("Complete the courses of the certificate")


def test_sharing_courses_makes_no_certificate_a_partial_qualification(sample_path, tmp_path):
    for code in ("MS-FSD", "MS-BED", "MS-FED", "MS-PRC"):
        elm = export(sample_path, code, "elm", tmp_path / f"{code}.elm.jsonld")
        assert elm["isPartialQualification"] is False, code
        assert "isPartOf" not in elm


def test_a_certificate_inside_a_larger_one_is_part_of_it(sample_path, tmp_path):
    data = json.loads(sample_path.read_text(encoding="utf-8"))
    programs = {p["id"]: p for p in data["programs"]}
    programs["back-end"]["course_ids"] = programs["back-end"]["course_ids"][1:]
    twin = copy.deepcopy(programs["pr-communications"])
    twin.update(id="pr-twin", code="MS-PRT", title="PR twin")
    for n, outcome in enumerate(twin["outcomes"]):
        outcome["id"] = f"pr-twin-o{n}"
    data["programs"].append(twin)
    path = tmp_path / "stack.curriculum.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    back_end = export(path, "MS-BED", "elm", tmp_path / "bed.elm.jsonld")
    full_stack = export(path, "MS-FSD", "elm", tmp_path / "fsd.elm.jsonld")
    assert back_end["isPartialQualification"] is True
    (larger,) = back_end["isPartOf"]
    assert larger["id"] == full_stack["id"]
    assert larger["title"] == full_stack["title"]
    assert full_stack["isPartialQualification"] is False
    # The same content twice: neither is a part of the other.
    assert export(path, "MS-PRT", "elm", tmp_path / "twin.elm")["isPartialQualification"] is False
