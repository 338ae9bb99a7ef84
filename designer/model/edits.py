"""Edits as values: each one applied returns its inverse, so any edit can be undone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from designer.model.catalog import Catalog, Node, Parent, naming_list
from designer.model.units import Course, Item, Module, Outcome, Program


@dataclass(frozen=True)
class SetField:
    node: Node
    field: str
    value: Any


@dataclass(frozen=True)
class SetSetting:
    field: str
    value: Any


@dataclass(frozen=True)
class Insert:
    parent: Parent
    list_name: str
    index: int
    value: Any


@dataclass(frozen=True)
class Remove:
    parent: Parent
    list_name: str
    index: int


@dataclass(frozen=True)
class Move:
    parent: Parent
    list_name: str
    old_index: int
    new_index: int


@dataclass(frozen=True)
class AddUnit:
    unit: Course | Module
    index: int | None = None  # place in the pool; None: last


@dataclass(frozen=True)
class RemoveUnit:
    unit_id: str


Edit = SetField | SetSetting | Insert | Remove | Move | AddUnit | RemoveUnit


def apply(catalog: Catalog, edit: Edit) -> Edit:
    """Apply one edit and return the edit that undoes it."""
    if isinstance(edit, SetField):
        old = catalog.set_field(edit.node, edit.field, edit.value)
        return SetField(edit.node, edit.field, old)
    if isinstance(edit, SetSetting):
        return SetSetting(edit.field, catalog.set_settings(edit.field, edit.value))
    if isinstance(edit, Insert):
        catalog.insert(edit.parent, edit.list_name, edit.index, edit.value)
        items = catalog.list_of(edit.parent, edit.list_name)
        return Remove(edit.parent, edit.list_name, items.index(edit.value))
    if isinstance(edit, Remove):
        value = catalog.remove(edit.parent, edit.list_name, edit.index)
        return Insert(edit.parent, edit.list_name, edit.index, value)
    if isinstance(edit, Move):
        catalog.move(edit.parent, edit.list_name, edit.old_index, edit.new_index)
        return Move(edit.parent, edit.list_name, edit.new_index, edit.old_index)
    if isinstance(edit, AddUnit):
        catalog.add_unit(edit.unit, edit.index)
        return RemoveUnit(edit.unit.id)
    index = catalog.pool_index(edit.unit_id)
    return AddUnit(catalog.remove_unit(edit.unit_id), index)


def apply_all(catalog: Catalog, edits: list[Edit]) -> list[Edit]:
    """Apply edits in order; return the inverses in the order that undoes them.

    If one fails, those already applied are undone before the error propagates,
    so the catalog is never left half edited.
    """
    inverses: list[Edit] = []
    # Units put back and not yet in their places in the pools: each pool is reordered once,
    # not per unit or per run of them, unless a unit leaves first (its place is read).
    unplaced: list[tuple[Course | Module, int | None]] = []
    try:
        for adding, run in groupby(edits, key=lambda edit: isinstance(edit, AddUnit)):
            if adding:
                added = [(edit.unit, edit.index) for edit in run if isinstance(edit, AddUnit)]
                catalog.add_units(added, in_order=False)
                unplaced += added
                inverses += [RemoveUnit(unit.id) for unit, _ in added]
                continue
            for edit in run:
                if isinstance(edit, RemoveUnit) and unplaced:
                    catalog.order_pools(unplaced)
                    unplaced = []
                inverses.append(apply(catalog, edit))
        catalog.order_pools(unplaced)
    except Exception:
        catalog.order_pools(unplaced)
        for inverse in reversed(inverses):
            apply(catalog, inverse)
        raise
    return inverses[::-1]


# ---- plans: the primitive edits behind one user action ---------------------------------


def unlink_outcomes(catalog: Catalog, leaving_units: list[Node]) -> list[Edit]:
    """Remove every mention of the leaving units' outcomes.

    Mentions by units that leave too are removed as well: units leave one at a time, and
    a course cannot go while its modules' outcomes still name its own.
    """
    leaving: list[Outcome] = []
    for unit in leaving_units:
        if isinstance(unit, Outcome):
            leaving.append(unit)
        elif not isinstance(unit, Item):
            leaving.extend(unit.outcomes)
    edits: list[Remove] = []
    for outcome in leaving:
        for user_id in catalog.named_by(outcome.id):
            user = catalog.get(user_id)
            assert isinstance(user, Outcome | Item)
            list_name = naming_list(user)
            edits.append(Remove(user, list_name, getattr(user, list_name).index(outcome.id)))
    # Within one list, removing from the end first keeps the other indexes right.
    edits.sort(key=lambda e: (id(e.parent), -e.index))
    return list(edits)


def orphans_after_removal(catalog: Catalog, parent: Program | Course, child_id: str) -> list[str]:
    """Ids of the units that would be used by nothing once parent stops using child_id."""
    gone = {parent.id}
    orphans: list[str] = []

    def visit(unit_id: str) -> None:
        if set(catalog.users(unit_id)) - gone:
            return
        orphans.append(unit_id)
        gone.add(unit_id)
        unit = catalog.get(unit_id)
        if isinstance(unit, Course):
            for module_id in unit.module_ids:
                visit(module_id)

    visit(child_id)
    return orphans


def plan_delete(
    catalog: Catalog,
    parent: Parent,
    list_name: str,
    index: int,
    delete_orphans: bool = True,
    forget: bool = True,
) -> list[Edit]:
    """The edits that delete one entry of a list.

    A shared course or module only loses this reference. With delete_orphans, the units
    nothing would use any more leave the catalog too. Mentions of the outcomes that leave
    are removed first, so no reference is left dangling. With forget, so are the rules
    silenced for what leaves and the pairs of it marked as not duplicates; a cut keeps
    them, for the units to bring back when pasted with their ids.
    """
    items = catalog.list_of(parent, list_name)
    value = items[index]
    orphans: list[str] = []
    if delete_orphans and isinstance(value, Program):
        for child_id in value.course_ids:
            _extend_unique(orphans, orphans_after_removal(catalog, value, child_id))
    elif delete_orphans and isinstance(parent, Program | Course) and isinstance(value, str):
        _extend_unique(orphans, orphans_after_removal(catalog, parent, value))
    leaving: list[Node] = [catalog.get(unit_id) for unit_id in orphans]
    if not isinstance(value, str):
        leaving.append(value)
    edits = unlink_outcomes(catalog, leaving)
    edits.append(Remove(parent, list_name, index))
    # Courses come before their modules: a module can leave once no course uses it.
    edits.extend(RemoveUnit(unit_id) for unit_id in orphans)
    if forget:
        edits.extend(forget_notes(catalog, leaving))
    return edits


def forget_notes(catalog: Catalog, leaving: Iterable[Node]) -> list[Edit]:
    """Remove the rules silenced for units that leave (or their outcomes and items) and the
    pairs marked as not duplicates that name one of them: kept, they were counted and
    listed for nothing."""
    leaving_ids = set().union(*map(_ids_within, leaving))
    edits: list[Edit] = []
    for index in reversed(range(len(catalog.silenced))):
        if catalog.silenced[index].unit in leaving_ids:
            edits.append(Remove(None, "silenced", index))
    for index in reversed(range(len(catalog.ignored_duplicates))):
        if leaving_ids.intersection(catalog.ignored_duplicates[index]):
            edits.append(Remove(None, "ignored_duplicates", index))
    return edits


def _ids_within(node: Node) -> set[str]:
    """A unit's id with those of its outcomes and items."""
    ids = {node.id}
    if not isinstance(node, Item | Outcome):
        ids.update(outcome.id for outcome in node.outcomes)
    if isinstance(node, Module):
        ids.update(item.id for item in node.items)
    return ids


def _extend_unique(found: list[str], more: list[str]) -> None:
    found.extend(unit_id for unit_id in more if unit_id not in found)
