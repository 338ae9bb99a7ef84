"""Copies of units between catalogs, as the clipboard carries them: no Qt involved."""

import json

import pytest

from designer.model import Catalog, Course, Program, Settings
from designer.model.copying import clone, read_snippet, snippet
from designer.model.edits import apply_all
from designer.storage import dumps, loads


def small_catalog():
    program = Program(id="analyst", title="Data Analyst", course_ids=["stats"])
    return Catalog(Settings(), [program], [Course(id="stats", title="Statistics", hours=30)])


def carried(catalog, unit):
    """What the clipboard would carry of the unit: its snippet, as bytes, read back."""
    return read_snippet(snippet(catalog, unit).model_dump_json().encode())


def test_a_program_copied_into_another_catalog_brings_copies_of_its_courses(sample):
    target = small_catalog()
    before = dumps(target)
    source = carried(sample, sample.program("back-end"))
    copy, edits = clone(target, source, (None, "programs", 1))
    undo = apply_all(target, edits)
    original = sample.program("back-end")
    assert target.programs == [target.program("analyst"), copy]
    courses = target.courses_of(copy)
    assert [c.title for c in courses] == [c.title for c in sample.courses_of(original)]
    assert [len(target.modules_of(c)) for c in courses] == [
        len(sample.modules_of(c)) for c in sample.courses_of(original)
    ]
    # Alignments follow the copy: a copied course's outcome supports the copied program's.
    supported = {ref for c in courses for o in c.outcomes for ref in o.supports}
    assert supported and supported <= {o.id for o in copy.outcomes}
    assert dumps(loads(dumps(target))) == dumps(target)  # a sound catalog
    apply_all(target, undo)
    assert dumps(target) == before


def test_the_courses_a_catalog_has_are_shared_and_only_the_others_copied(sample):
    # A catalog with the C# course alone, in a program of its own.
    csharp = sample.courses["introduction-to-programming-with-csharp"]
    data = json.loads(dumps(sample))
    data["programs"] = [{"id": "intro", "title": "Intro", "course_ids": [csharp.id]}]
    data["courses"] = [c for c in data["courses"] if c["id"] == csharp.id]
    for outcome in data["courses"][0]["outcomes"]:
        outcome["supports"] = []
    data["modules"] = [m for m in data["modules"] if m["id"] in csharp.module_ids]
    target = loads(json.dumps(data).encode())
    source = carried(sample, sample.program("back-end"))
    copy, edits = clone(target, source, (None, "programs", 1))
    apply_all(target, edits)
    assert len(copy.course_ids) == len(sample.program("back-end").course_ids)
    assert copy.course_ids[1] == csharp.id  # shared, where the others are copies
    assert target.users(csharp.id) == ["intro", copy.id]
    assert len(target.courses) == len(copy.course_ids)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "Invalid JSON"),
        (b'{"unit": {}}', "kind: Field required"),
        (b'{"kind": "widget", "unit": {}}', "'widget' is not a kind of unit"),
        (b'{"kind": "item", "unit": {"id": "i", "minutes": -5}}', "minutes: Input should be"),
    ],
)
def test_bytes_that_are_not_a_snippet_are_refused_with_what_is_wrong(raw, message):
    with pytest.raises(ValueError, match=message):
        read_snippet(raw)
