"""A catalog file made and written a piece at a time is byte for byte the file dumps makes."""

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.strategies import integers
from strategies import catalogs

from benchmarks.generate import generate
from designer.errors import CatalogError
from designer.model import Catalog
from designer.storage import dumps, loads
from designer.storage.save import AtomicFile, CatalogWriter, _fields, _file_data, file_pieces

TITLES = ["Line one\nline two\r\n\ttabbed", 'She said "hi" \\ back', "Économie — 日本語 ✓ 🎓"]


def in_one_go(catalog):
    """The file as orjson indents the whole of it at once: what dumps always wrote."""
    return orjson.dumps(_file_data(catalog), default=_fields, option=orjson.OPT_INDENT_2) + b"\n"


def with_awkward_titles(catalog):
    """Titles with newlines, quotes, backslashes and non-ASCII, in every kind of unit."""
    module = next(iter(catalog.modules.values()))
    units = [catalog.programs[0], next(iter(catalog.courses.values())), module, module.items[0]]
    for unit, title in zip(units, TITLES * 2, strict=False):
        catalog.set_field(unit, "title", title)
    catalog.ignored_duplicates.append(("a", "b"))
    return catalog


def joined(catalog, units_per_piece=500):
    return b"".join(piece() for piece in file_pieces(catalog, units_per_piece))


@pytest.fixture(scope="module")
def generated():
    catalog, _ = generate(programs=20, courses=200, seed=3)
    return with_awkward_titles(catalog)


@pytest.mark.parametrize("units_per_piece", [1, 7, 500, None])
def test_the_pieces_of_the_sample_joined_are_its_file(sample, sample_path, units_per_piece):
    assert joined(sample, units_per_piece) == sample_path.read_bytes() == dumps(sample)
    edited = with_awkward_titles(sample)
    assert joined(edited, units_per_piece) == dumps(edited) == in_one_go(edited)


@pytest.mark.parametrize("units_per_piece", [1, 13, 500, None])
def test_the_pieces_of_a_generated_catalog_joined_are_its_file(generated, units_per_piece):
    data = joined(generated, units_per_piece)
    assert data == dumps(generated) == in_one_go(generated)
    assert loads(data).programs[0].title == TITLES[0]


def test_a_large_list_is_in_many_pieces_and_an_empty_catalog_in_a_few():
    catalog, _ = generate(programs=20, courses=200, seed=3)
    assert len(file_pieces(catalog)) > len(catalog.modules) // 500 >= 2
    assert joined(Catalog()) == dumps(Catalog()) == in_one_go(Catalog())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs(), integers(min_value=1, max_value=4))
def test_any_catalog_in_pieces_is_its_file(catalog, units_per_piece):
    assert joined(catalog, units_per_piece) == dumps(catalog) == in_one_go(catalog)


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_save_written_a_piece_at_a_time_replaces_the_file_on_commit(generated, tmp_path):
    path = tmp_path / "catalog.curriculum.json"
    path.write_bytes(b"before")
    writer = CatalogWriter(generated, path)
    steps = 0
    while not writer.write(until=0):  # one piece a step
        steps += 1
        assert path.read_bytes() == b"before" and len(leftovers(tmp_path)) == 1
    assert steps == writer.total - 1 == writer.done - 1
    writer.commit()
    assert path.read_bytes() == dumps(generated) and leftovers(tmp_path) == []
    assert writer.size == path.stat().st_size


def test_a_dropped_save_leaves_the_file_as_it_was(generated, tmp_path):
    path = tmp_path / "catalog.curriculum.json"
    path.write_bytes(b"before")
    writer = CatalogWriter(generated, path)
    writer.write(until=0)
    writer.discard()
    assert path.read_bytes() == b"before" and leftovers(tmp_path) == []


def test_a_save_failing_midway_says_why_and_leaves_the_file_as_it_was(
    generated, tmp_path, monkeypatch
):
    path = tmp_path / "catalog.curriculum.json"
    path.write_bytes(b"before")
    writer = CatalogWriter(generated, path)
    writer.write(until=0)

    def full_disk(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(AtomicFile, "write", full_disk)
    with pytest.raises(CatalogError, match="cannot save: No space left on device"):
        writer.write(until=0)
    assert path.read_bytes() == b"before" and leftovers(tmp_path) == []
