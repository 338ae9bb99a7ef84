"""Copies of units between catalogs, as the clipboard carries them: no Qt involved."""

import json

import pytest

from designer.model import Catalog, Course, Item, Module, Outcome, Program, Settings
from designer.model.copying import (
    clone,
    clone_all,
    read_snippet,
    read_snippets,
    snippet,
    snippets,
)
from designer.model.edits import apply_all, plan_delete
from designer.storage import dumps, loads


def small_catalog():
    program = Program(id="analyst", title="Data Analyst", course_ids=["stats"])
    return Catalog(Settings(), [program], [Course(id="stats", title="Statistics", hours=30)])


def carried(catalog, unit, cut=False):
    """What the clipboard would carry of the unit: its snippet, as bytes, read back."""
    return read_snippet(snippet(catalog, unit, cut).model_dump_json().encode())


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


def test_several_units_are_carried_in_their_order_each_once(sample):
    items = sample.modules["csharp-w1"].items
    # An item selected twice (its module is shared, so the tree shows it twice) is one item.
    raw = snippets(sample, [items[5], items[2], items[5]]).model_dump_json().encode()
    carried_back = read_snippets(raw)
    assert [s.unit["title"] for s in carried_back] == [items[5].title, items[2].title]
    assert {s.kind for s in carried_back} == {"item"}


MODULE = '{"kind": "module", "unit": {"id": "m"}}'
ITEM = '{"kind": "item", "unit": {"id": "i"}}'


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "Invalid JSON"),
        (b"{}", "snippets: Field required"),
        (b'{"snippets": []}', "snippets: no unit"),
        (f'{{"snippets": [{ITEM}, {MODULE}]}}'.encode(), r"several kinds \(item, module\)"),
        (
            b'{"snippets": [{"kind": "item", "unit": {"id": "i", "minutes": -5}}]}',
            "snippets.0.minutes: Input should be",
        ),
        (b'{"snippets": [{"kind": "widget", "unit": {}}]}', "snippets.0.kind: 'widget' is not"),
    ],
)
def test_bytes_that_are_not_several_snippets_are_refused_with_what_is_wrong(raw, message):
    with pytest.raises(ValueError, match=message):
        read_snippets(raw)


def test_a_cut_program_pasted_back_is_supported_again_by_the_courses_that_stayed(sample):
    # The C# course stays (two other programs use it) while the program it supports is cut.
    csharp = sample.courses["introduction-to-programming-with-csharp"]
    assert csharp.outcomes[0].supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]
    program = sample.program("full-stack")
    index = sample.programs.index(program)
    named = {o.id: sorted(sample.named_by(o.id)) for o in program.outcomes}
    source = carried(sample, sample.program("full-stack"), cut=True)
    apply_all(sample, plan_delete(sample, None, "programs", index, forget=False))
    assert csharp.outcomes[0].supports == ["back-end-o1", "front-end-o1"]
    copy, edits = clone(sample, source, (None, "programs", index), keep_ids=True)
    apply_all(sample, edits)
    assert copy.id == "full-stack"
    assert csharp.outcomes[0].supports == ["full-stack-o1", "back-end-o1", "front-end-o1"]
    # Back where it was, named by the same outcomes as before the cut.
    assert sample.programs[index] is copy and copy.course_ids == program.course_ids
    assert {o.id: sorted(sample.named_by(o.id)) for o in copy.outcomes} == named
    # Pasted a second time it is a copy, with ids of its own: nothing names its outcomes.
    second, edits = clone(sample, source, (None, "programs", 0), keep_ids=True)
    apply_all(sample, edits)
    assert second.id != "full-stack" and not sample.named_by(second.outcomes[0].id)


def test_a_cut_course_pasted_back_is_supported_again_by_the_module_it_shares():
    week = Module(id="week", outcomes=[Outcome(id="week-o1", supports=["a-o1"])])
    courses = [
        Course(id="a", outcomes=[Outcome(id="a-o1")], module_ids=["week"]),
        Course(id="b", module_ids=["week"]),
    ]
    programs = [Program(id="p", course_ids=["a", "b"]), Program(id="q")]
    catalog = Catalog(Settings(), programs, courses, [week])
    source = carried(catalog, catalog.courses["a"], cut=True)
    apply_all(catalog, plan_delete(catalog, catalog.program("p"), "course_ids", 0, forget=False))
    assert "a" not in catalog.courses and week.outcomes[0].supports == []
    _, edits = clone(catalog, source, (catalog.program("q"), "course_ids", 0), keep_ids=True)
    apply_all(catalog, edits)
    assert catalog.users("week") == ["b", "a"]
    assert week.outcomes[0].supports == ["a-o1"]
    assert dumps(loads(dumps(catalog))) == dumps(catalog)  # a sound catalog


def carried_together(catalog, units, cut=False):
    """What the clipboard would carry of several rows, as bytes, read back."""
    return read_snippets(snippets(catalog, units, cut).model_dump_json().encode())


def test_two_programs_copied_together_into_another_catalog_share_the_courses_they_share(sample):
    target = small_catalog()
    before = dumps(target)
    full, back = sample.program("full-stack"), sample.program("back-end")
    common = [i for i in full.course_ids if i in back.course_ids]
    assert len(common) == 7
    sources = carried_together(sample, [full, back])
    copies, edits = clone_all(target, sources, (None, "programs", 1))
    undo = apply_all(target, edits)
    assert target.programs[1:] == copies
    # One copy of each course the two programs share, used by both copies, as in the
    # catalog they came from: 12 + 8 - 7 courses, not 20.
    assert len(target.courses) == 1 + 12 + 8 - 7
    shared = [i for i in copies[0].course_ids if i in copies[1].course_ids]
    assert [target.courses[i].title for i in shared] == [sample.courses[i].title for i in common]
    assert all(target.users(i) == [c.id for c in copies] for i in shared)
    # The shared course's outcomes support both program copies' outcomes, not one.
    csharp = target.courses[shared[0]]
    supported = {ref for o in csharp.outcomes for ref in o.supports}
    assert {target.owner(ref).id for ref in supported} == {c.id for c in copies}
    assert dumps(loads(dumps(target))) == dumps(target)  # a sound catalog
    apply_all(target, undo)
    assert dumps(target) == before


def test_two_courses_copied_together_share_one_copy_of_the_module_they_share():
    week = Module(id="week", title="Shared week", outcomes=[Outcome(id="week-o1")])
    courses = [
        Course(id="a", title="A", module_ids=["week"]),
        Course(id="b", title="B", module_ids=["week"]),
    ]
    catalog = Catalog(Settings(), [Program(id="p", course_ids=["a", "b"])], courses, [week])
    sources = carried_together(catalog, courses)
    copies, edits = clone_all(catalog, sources, (catalog.program("p"), "course_ids", 2))
    apply_all(catalog, edits)
    assert catalog.program("p").course_ids == ["a", "b", copies[0].id, copies[1].id]
    (module_id,) = set(copies[0].module_ids) | set(copies[1].module_ids)
    assert module_id != "week" and catalog.modules[module_id].title == "Shared week"
    assert catalog.users(module_id) == [c.id for c in copies]
    assert catalog.users("week") == ["a", "b"]


def test_modules_copied_together_keep_the_alignments_between_them_either_way():
    # Each module has an item checking the other's outcome.
    first = Module(
        id="m1", outcomes=[Outcome(id="m1-o")], items=[Item(id="m1-i", outcome_ids=["m2-o"])]
    )
    second = Module(
        id="m2", outcomes=[Outcome(id="m2-o")], items=[Item(id="m2-i", outcome_ids=["m1-o"])]
    )
    course = Course(id="c", module_ids=["m1", "m2"])
    catalog = Catalog(Settings(), [Program(id="p", course_ids=["c"])], [course], [first, second])
    sources = carried_together(catalog, [first, second])
    copies, edits = clone_all(catalog, sources, (course, "module_ids", 2))
    apply_all(catalog, edits)
    one, two = copies
    assert one.items[0].outcome_ids == [two.outcomes[0].id]
    assert two.items[0].outcome_ids == [one.outcomes[0].id]
    assert catalog.named_by("m1-o") == ["m2-i"]  # the originals are as they were
    # Into another catalog, where the originals are not, the alignments come along.
    target = Catalog(Settings(), [Program(id="q", course_ids=["d"])], [Course(id="d")])
    copies, edits = clone_all(target, sources, (target.courses["d"], "module_ids", 0))
    apply_all(target, edits)
    one, two = copies
    assert one.items[0].outcome_ids == [two.outcomes[0].id]
    assert two.items[0].outcome_ids == [one.outcomes[0].id]
