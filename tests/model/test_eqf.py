"""The eight EQF levels ship with their Annex II descriptors; level strings resolve to them."""

import pytest

from designer.model.eqf import EqfDescriptor, descriptors_for, eqf_levels


def test_all_eight_levels_have_three_descriptors():
    levels = eqf_levels()
    assert [d.level for d in levels] == list(range(1, 9))
    for descriptor in levels:
        assert descriptor.knowledge.strip()
        assert descriptor.skills.strip()
        assert descriptor.responsibility_autonomy.strip()


def test_levels_hold_the_official_wording():
    by_level = {d.level: d for d in eqf_levels()}
    assert "critical understanding of theories and principles" in by_level[6].knowledge
    assert "creative solutions to abstract problems" in by_level[5].skills


def test_the_list_returned_is_a_copy():
    eqf_levels().clear()
    assert len(eqf_levels()) == 8


@pytest.mark.parametrize(("eqf_level", "expected"), [("1", [1]), ("6", [6]), ("8", [8])])
def test_a_single_level(eqf_level, expected):
    assert [d.level for d in descriptors_for(eqf_level)] == expected


@pytest.mark.parametrize(
    ("eqf_level", "expected"), [("5-6", [5, 6]), ("1-8", list(range(1, 9))), ("6-7", [6, 7])]
)
def test_a_range_gives_every_level_in_it(eqf_level, expected):
    descriptors = descriptors_for(eqf_level)
    assert [d.level for d in descriptors] == expected
    assert all(isinstance(d, EqfDescriptor) for d in descriptors)


@pytest.mark.parametrize(
    "eqf_level", ["", "0", "9", "10", "6-5", "5-5", "5-", "-6", " 6", "6 ", "5 - 6", "five", "5–6"]
)
def test_bad_input_raises_value_error(eqf_level):
    with pytest.raises(ValueError):
        descriptors_for(eqf_level)
