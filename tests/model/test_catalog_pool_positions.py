"""A unit taken out of its pool is put back by undo at the index it had: the places are read
once per pool and kept while units only leave it, and must stay those a look along the pool
would give, through any mix of units leaving and arriving."""

import random

import pytest

from designer.model import Catalog, Course, Module, Program
from designer.model.edits import AddUnit, RemoveUnit, apply, apply_all, plan_delete


def spread_catalog() -> Catalog:
    """Programs whose courses and modules are spread through the pools, some shared, with
    units nobody uses between them."""
    modules = [Module(id=f"m{i}") for i in range(60)]
    courses = [
        Course(id=f"c{i}", module_ids=[f"m{(7 * i + j) % 50}" for j in range(3)]) for i in range(20)
    ]
    programs = [
        Program(id=f"p{n}", course_ids=[f"c{i}" for i in range(n, 20, 4)]) for n in range(4)
    ]
    return Catalog(programs=programs, courses=courses, modules=modules)


def pools(catalog: Catalog) -> tuple[list[str], list[str]]:
    return list(catalog.courses), list(catalog.modules)


def test_each_unit_leaving_records_the_index_a_look_along_its_pool_gives():
    catalog = spread_catalog()
    # Programs deleted from the last up, one plan after another, as deleting several rows
    # does: the units leave between other edits, not in the pools' order.
    for row in (3, 1, 0):
        for edit in plan_delete(catalog, None, "programs", row):
            if isinstance(edit, RemoveUnit):
                pool = catalog.courses if edit.unit_id in catalog.courses else catalog.modules
                expected = list(pool).index(edit.unit_id)
                inverse = apply(catalog, edit)
                assert isinstance(inverse, AddUnit) and inverse.index == expected
            else:
                apply(catalog, edit)


def test_units_deleted_through_the_pools_come_back_at_their_indexes_and_leave_again():
    catalog = spread_catalog()
    before = pools(catalog)
    inverses = []
    for row in (3, 2, 0):
        inverses.append(apply_all(catalog, plan_delete(catalog, None, "programs", row)))
    after = pools(catalog)
    assert len(after[0]) < len(before[0]) and len(after[1]) < len(before[1])
    # Undone the way a step of several rows is: all the inverses at once, last push first.
    undo = [edit for step in reversed(inverses) for edit in step]
    redo = apply_all(catalog, undo)
    assert pools(catalog) == before
    undo = apply_all(catalog, redo)
    assert pools(catalog) == after
    apply_all(catalog, undo)
    assert pools(catalog) == before


def test_places_stay_right_through_units_leaving_and_arriving_in_any_order():
    rng = random.Random(20240605)
    catalog = Catalog(modules=[Module(id=f"m{i}") for i in range(40)])
    outside: list[Module] = []
    for _ in range(400):
        if outside and rng.random() < 0.4:
            unit = outside.pop(rng.randrange(len(outside)))
            apply(catalog, AddUnit(unit, rng.randrange(len(catalog.modules) + 2)))
        elif catalog.modules:
            unit_id = rng.choice(list(catalog.modules))
            index = list(catalog.modules).index(unit_id)
            inverse = apply(catalog, RemoveUnit(unit_id))
            assert isinstance(inverse, AddUnit) and inverse.index == index
            outside.append(inverse.unit)
        for unit_id in rng.sample(list(catalog.modules), min(3, len(catalog.modules))):
            assert catalog.pool_index(unit_id) == list(catalog.modules).index(unit_id)


def test_places_stay_right_after_a_refused_removal_is_rolled_back():
    catalog = spread_catalog()
    before = pools(catalog)
    unused = [unit_id for unit_id in catalog.modules if not catalog.users(unit_id)]
    used = catalog.courses["c5"].module_ids[0]
    with pytest.raises(ValueError, match="still used"):
        apply_all(catalog, [RemoveUnit(unused[1]), RemoveUnit(unused[0]), RemoveUnit(used)])
    assert pools(catalog) == before
    for unit_id in [*catalog.courses, *catalog.modules]:
        pool = catalog.courses if unit_id in catalog.courses else catalog.modules
        assert catalog.pool_index(unit_id) == list(pool).index(unit_id)


def test_asking_the_place_of_a_unit_in_no_pool_is_refused():
    catalog = spread_catalog()
    with pytest.raises(ValueError):
        catalog.pool_index("p0")
    with pytest.raises(ValueError):
        apply(catalog, RemoveUnit("nowhere"))


def test_units_put_back_and_not_yet_ordered_are_found_at_the_end_of_their_pool():
    catalog = spread_catalog()
    catalog.pool_index("m3")  # the places are read
    unit = catalog.remove_unit("m55")
    catalog.add_units([(unit, 0)], in_order=False)
    assert catalog.pool_index("m55") == len(catalog.modules) - 1
    catalog.order_pools([(unit, 0)])
    assert catalog.pool_index("m55") == 0 and catalog.pool_index("m3") == 4
