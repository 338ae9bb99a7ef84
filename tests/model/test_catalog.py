"""Editing the catalog keeps shared units shared, ids unique and references whole."""

import pydantic
import pytest

from designer.model import Catalog, Course, Item, Module, Outcome, Program


def test_a_course_used_by_several_programs_is_one_object(sample):
    courses = [sample.courses_of(p) for p in sample.programs[:3]]
    csharp = [c for group in courses for c in group if "C#" in c.title]
    assert len(csharp) == 3 and csharp[0] is csharp[1] is csharp[2]
    sample.set_field(csharp[0], "title", "C# Basics")
    assert all(c.title == "C# Basics" for c in csharp)


def test_edits_announce_themselves(sample):
    heard = []
    sample.field_changed.connect(lambda *args: heard.append(("changed", *args[1:])))
    sample.inserted.connect(lambda *args: heard.append(("inserted", *args[1:])))
    sample.removed.connect(
        lambda parent, name, index, value: heard.append(("removed", name, index))
    )
    sample.moved.connect(lambda *args: heard.append(("moved", *args[1:])))
    module = sample.modules["csharp-w1"]
    sample.set_field(module, "title", "Week 1")
    sample.insert(module, "items", 0, Item(id="new-item", minutes=5))
    sample.move(module, "items", 0, 2)
    sample.remove(module, "items", 2)
    assert heard == [
        ("changed", "title", "Week 1: C# fundamentals: syntax, types and variables", "Week 1"),
        ("inserted", "items", 0),
        ("moved", "items", 0, 2),
        ("removed", "items", 2),
    ]
    assert "new-item" not in sample


def test_invalid_values_never_reach_the_model(sample):
    item = sample.modules["csharp-w1"].items[0]
    for bad in (-5, "ten", float("nan"), 10**6):
        with pytest.raises(pydantic.ValidationError):
            sample.set_field(item, "minutes", bad)
    assert item.minutes == 15
    with pytest.raises(pydantic.ValidationError):
        sample.set_field(sample.programs[0], "eqf_level", "9")
    with pytest.raises(pydantic.ValidationError):
        sample.set_field(sample.programs[0], "issuer_country", "XX")


def test_ids_stay_unique_and_references_whole(sample):
    with pytest.raises(ValueError, match="already used"):
        sample.add_unit(Course(id="full-stack"))
    with pytest.raises(KeyError, match="no course"):
        sample.insert(sample.programs[0], "course_ids", 0, "csharp-w1")  # a module, not a course
    with pytest.raises(ValueError, match="already in"):
        sample.insert(sample.programs[0], "course_ids", 0, "introduction-to-web-development")
    with pytest.raises(ValueError, match="still used"):
        sample.remove_unit("introduction-to-web-development")
    with pytest.raises(ValueError, match="ids are stable"):
        sample.set_field(sample.programs[0], "id", "other")


def test_removing_the_last_reference_leaves_the_unit_in_the_pool_until_removed(sample):
    front_end = sample.program("front-end")
    index = front_end.course_ids.index("ui-ux-design-principles")
    sample.remove(front_end, "course_ids", index)
    assert sample.users("ui-ux-design-principles") == []
    assert "ui-ux-design-principles" in sample.courses
    sample.remove_unit("ui-ux-design-principles")
    assert "ui-ux-design-principles" not in sample


def test_an_outcome_still_supported_cannot_vanish():
    program = Program(id="p", outcomes=[Outcome(id="po")])
    course = Course(id="c", outcomes=[Outcome(id="co", supports=["po"])])
    catalog = Catalog(programs=[program], courses=[course])
    assert catalog.named_by("po") == ["co"]
    with pytest.raises(ValueError, match="still named by co"):
        catalog.remove(program, "outcomes", 0)
    catalog.remove(course.outcomes[0], "supports", 0)
    catalog.remove(program, "outcomes", 0)
    assert "po" not in catalog


def test_a_new_module_with_items_and_outcomes_is_indexed():
    catalog = Catalog(courses=[Course(id="c", outcomes=[Outcome(id="co")])])
    module = Module(
        id="m",
        outcomes=[Outcome(id="mo", supports=["co"])],
        items=[Item(id="i", outcome_ids=["mo"])],
    )
    catalog.add_unit(module)
    catalog.insert(catalog.courses["c"], "module_ids", 0, "m")
    assert catalog.owner("i") is module and catalog.owner("mo") is module
    assert catalog.users("m") == ["c"]
    assert sorted(catalog.named_by("mo")) == ["i"]
    with pytest.raises(KeyError, match="missing outcome"):
        catalog.add_unit(Module(id="m2", outcomes=[Outcome(id="x", supports=["nowhere"])]))
    assert "m2" not in catalog and "x" not in catalog


@pytest.mark.parametrize("asked_first", [True, False], ids=["asked-before-edits", "asked-after"])
def test_owners_and_naming_stay_right_through_edits(sample, asked_first):
    # Who owns an item or outcome, and who names an outcome, are indexed when first asked
    # for; edits before and after that must leave the same answers as a fresh catalog.
    if asked_first:
        sample.named_by("csharp-w1-o1")
        sample.owner("csharp-w1-i1")
    module = sample.modules["csharp-w1"]
    new_item = Item(id="new-item", outcome_ids=["csharp-w1-o1"])
    sample.insert(module, "items", 0, new_item)
    sample.insert(module.items[1], "outcome_ids", 0, "csharp-w1-o2")
    sample.remove(module, "items", len(module.items) - 1)
    sample.add_unit(Module(id="m-new", items=[Item(id="i-new")], outcomes=[Outcome(id="o-new")]))
    fresh = Catalog(
        sample.settings, sample.programs, sample.courses.values(), sample.modules.values()
    )
    for node in sample.walk():
        if isinstance(node, Item | Outcome):
            assert sample.owner(node.id) is fresh.owner(node.id)
        if isinstance(node, Outcome):
            assert sorted(sample.named_by(node.id)) == sorted(fresh.named_by(node.id))
    assert sample.owner("new-item") is module and sample.owner("i-new").id == "m-new"
    assert "new-item" in sample.named_by("csharp-w1-o1")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Catalog(modules=[Module(id="m", items=[Item(id="m")])]), "already used"),
        (lambda: Catalog(courses=[Course(id="c", module_ids=["nope"])]), "missing Module"),
        (
            lambda: Catalog(
                programs=[Program(id="p", course_ids=["c", "c"])], courses=[Course(id="c")]
            ),
            "p lists c more than once",
        ),
        (
            lambda: Catalog(courses=[Course(id="c", outcomes=[Outcome(id="o", supports=["o"])])]),
            "supports itself",
        ),
        (
            lambda: Catalog(
                modules=[
                    Module(
                        id="m",
                        outcomes=[Outcome(id="o")],
                        items=[Item(id="i", outcome_ids=["o", "o"])],
                    )
                ]
            ),
            "i's outcome_ids names o twice",
        ),
        (
            lambda: Catalog(modules=[Module(id="m", items=[Item(id="i", outcome_ids=["x"])])]),
            "i refers to a missing outcome: x",
        ),
    ],
)
def test_a_catalog_refuses_what_its_edits_would(make, message):
    with pytest.raises((KeyError, ValueError), match=message):
        make()


def test_a_course_named_among_a_courses_modules_is_refused_even_when_programs_use_it():
    first = Course(id="first", title="First")
    second = Course(id="second", title="Second", module_ids=["first"])
    program = Program(id="p", title="P", course_ids=["first", "second"])
    with pytest.raises(KeyError, match="second refers to a missing Module: first"):
        Catalog(programs=[program], courses=[first, second])


def test_a_catalog_takes_outcomes_named_from_anywhere_and_refuses_a_unit_named_as_one():
    # Read in one pass, programs first: these outcomes are named before they are indexed.
    def catalog(named_by_item: str) -> Catalog:
        first = Module(
            id="m1",
            outcomes=[Outcome(id="m1-o", supports=["c-o"])],
            items=[Item(id="i", outcome_ids=["m1-o", named_by_item])],
        )
        second = Module(id="m2", outcomes=[Outcome(id="m2-o")])
        course = Course(id="c", outcomes=[Outcome(id="c-o", supports=["p-o"])])
        program = Program(id="p", outcomes=[Outcome(id="p-o", supports=["m2-o"])])
        return Catalog(programs=[program], courses=[course], modules=[first, second])

    loaded = catalog("m2-o")
    assert sorted(loaded.named_by("m2-o")) == ["i", "p-o"]
    with pytest.raises(KeyError, match="i refers to a missing outcome: m2"):
        catalog("m2")
    with pytest.raises(ValueError, match="i's outcome_ids names m1-o twice"):
        catalog("m1-o")


def test_units_put_back_together_take_the_places_one_after_another_would():
    def pool(ids):
        return Catalog(modules=[Module(id=i) for i in ids])

    # Each index counts in the pool as the units before it left it, as undo's are.
    placed = [("a", 0), ("b", 2), ("c", None), ("d", 1), ("e", 99)]
    one_by_one, together = pool("wxyz"), pool("wxyz")
    for unit_id, index in placed:
        one_by_one.add_unit(Module(id=unit_id), index)
    together.add_units([(Module(id=unit_id), index) for unit_id, index in placed])
    assert list(together.modules) == list(one_by_one.modules) == list("adwbxyzce")


def test_units_put_back_together_are_all_refused_when_one_is():
    catalog = Catalog(modules=[Module(id="w")])
    told = []
    catalog.unit_added.connect(lambda unit: told.append(("added", unit.id)))
    catalog.unit_removed.connect(lambda unit: told.append(("removed", unit.id)))
    course = Course(id="c", module_ids=["m", "missing"])
    with pytest.raises(KeyError, match="missing"):
        catalog.add_units([(Module(id="m"), 0), (course, None)])
    assert list(catalog.modules) == ["w"] and "m" not in catalog
    assert told == [("added", "m"), ("removed", "m")]  # those listening know it is gone
