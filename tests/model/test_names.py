"""Programs are found by id, code, title or an unambiguous part of the title; a name that
fits none is answered with the closest ones."""

import pytest

from designer.model import Program, UnknownName, find_program


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("full-stack", "full-stack"),
        ("ms-bed", "back-end"),
        ("MICROSOFT FRONT-END DEVELOPER PROFESSIONAL CERTIFICATE", "front-end"),
        ("full stack", "full-stack"),
        ("Full-Stack", "full-stack"),
        ("public relations", "pr-communications"),
    ],
)
def test_find_program(sample, name, expected):
    assert find_program(sample, name).id == expected


def test_an_ambiguous_name_lists_the_candidates(sample):
    with pytest.raises(UnknownName) as raised:
        find_program(sample, "developer")
    assert [p.id for p in raised.value.candidates] == ["full-stack", "back-end", "front-end"]
    assert "matches 3 programs" in str(raised.value)


def test_an_unknown_name_lists_the_programs(sample):
    with pytest.raises(UnknownName, match="no program matches 'nursing'.*MS-PRC"):
        find_program(sample, "nursing")


def test_a_program_or_a_course_by_id_exact_course_title_or_program_name(sample):
    from designer.model import find_program_or_course

    with pytest.raises(UnknownName):
        find_program_or_course(sample, "csharp-w1")  # a module is neither
    assert find_program_or_course(sample, "full-stack").id == "full-stack"
    assert find_program_or_course(sample, "introduction to public relations").id == (
        "introduction-to-public-relations"
    )
    assert find_program_or_course(sample, "public relations").id == "pr-communications"
    assert find_program_or_course(sample, "MS-FED").id == "front-end"
    with pytest.raises(UnknownName, match="nor is it a course's id or title"):
        find_program_or_course(sample, "nursing")


def test_an_accent_typed_as_a_letter_and_a_mark_finds_the_title(sample):
    program = sample.program("full-stack")
    sample.set_field(program, "title", "Développeur Full Stack")
    assert find_program(sample, "De\u0301veloppeur full stack") is program  # e + U+0301


def test_of_many_programs_an_unknown_name_lists_the_closest_not_all(sample):

    for number in range(12):
        sample.insert(
            sample,
            "programs",
            len(sample.programs),
            Program(id=f"p{number}", title=f"Nursing {number}"),
        )
    with pytest.raises(UnknownName) as raised:
        find_program(sample, "Microsoft Ful Stack Developer Profesional Certificate")
    assert str(raised.value) == (
        "no program matches 'Microsoft Ful Stack Developer Profesional Certificate'; the "
        "closest: Microsoft Full Stack Developer Professional Certificate [MS-FSD] (id "
        "full-stack); Microsoft Back-End Developer Professional Certificate [MS-BED] (id "
        "back-end); Microsoft Front-End Developer Professional Certificate [MS-FED] (id "
        "front-end); 16 programs in all"
    )


def test_a_course_title_with_a_slip_names_the_closest_courses(sample):
    from designer.model import find_program_or_course

    with pytest.raises(UnknownName) as raised:
        find_program_or_course(sample, "Introduction to Programing With C")
    assert str(raised.value).endswith(
        "nor is it a course's id or title (the closest courses: Introduction to Programming "
        "With C#)"
    )


def test_a_name_many_programs_fit_lists_the_first_ten(sample):
    for number in range(12):
        program = Program(id=f"p{number}", title=f"Nursing {number}")
        sample.insert(sample, "programs", len(sample.programs), program)
    with pytest.raises(UnknownName) as raised:
        find_program(sample, "nursing")
    message = str(raised.value)
    assert message.startswith("'nursing' matches 12 programs: Nursing 0 (id p0); ")
    assert message.endswith("Nursing 9 (id p9); and 2 more: say more of the title")
