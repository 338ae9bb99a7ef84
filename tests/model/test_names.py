"""Programs are found by id, code, title or an unambiguous part of the title."""

import pytest

from designer.model import UnknownName, find_program


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
