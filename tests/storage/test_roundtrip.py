"""Saving then loading gives the same catalog, and saving it again gives the same bytes."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import integers
from strategies import catalogs

from designer.storage import dumps, load, loads, save
from designer.storage.save import file_pieces


def same_catalog(a, b) -> bool:
    return (
        a.settings == b.settings
        and a.programs == b.programs
        and list(a.courses.items()) == list(b.courses.items())
        and list(a.modules.items()) == list(b.modules.items())
        and a.ignored_duplicates == b.ignored_duplicates
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_save_then_load_is_the_identity_and_resaving_is_byte_identical(catalog):
    first = dumps(catalog)
    loaded = loads(first)
    assert same_catalog(loaded, catalog)
    assert dumps(loaded) == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), integers(min_value=1, max_value=4))
def test_the_pieces_of_a_catalog_joined_are_its_file(catalog, units_per_piece):
    # A save and the recovery copy are written in pieces: joined, they are the file.
    joined = b"".join(piece() for piece in file_pieces(catalog, units_per_piece))
    assert joined == dumps(catalog)


def test_sample_file_is_already_in_saved_form(sample_path, tmp_path):
    # Loading and saving the bundled sample changes nothing: the file is canonical.
    copy = tmp_path / "copy.curriculum.json"
    save(load(sample_path), copy)
    assert copy.read_bytes() == sample_path.read_bytes()


def test_the_file_is_indented_readable_json_with_a_format_version(sample_path):
    text = sample_path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert (data["format"], data["version"]) == ("curriculum-designer", 3)
    assert text.startswith('{\n  "format"') and text.endswith("}\n")
    assert list(data) == [
        "format",
        "version",
        "settings",
        "programs",
        "courses",
        "modules",
        "silenced",  # the sample's findings on its accredited figures, with their reasons
    ]
