"""Merging duplicate courses or modules into one shared unit, as edits that can be undone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from designer.model.catalog import Catalog, Node, naming_list
from designer.model.edits import Edit, Insert, Move, Remove, RemoveUnit, forget_notes
from designer.model.totals import format_hours
from designer.model.units import Course, Item, Module, Outcome, Program
from designer.sharing.text import normalize


@dataclass(frozen=True)
class MergePreview:
    """What merging the others into the survivor would change, before it is done.

    differences: plain lines, what differs between the survivor and each merged unit.
    dropped_alignments: alignments that cannot be kept, because the outcome they name or
        come from has no outcome with the same text in the survivor.
    """

    survivor: str
    merged: tuple[str, ...]
    differences: tuple[str, ...]
    dropped_alignments: tuple[str, ...]


def preview_merge(catalog: Catalog, survivor_id: str, other_ids: Iterable[str]) -> MergePreview:
    """The differences and the alignments lost if the others were merged into the survivor."""
    survivor, others = _units(catalog, survivor_id, other_ids)
    differences: list[str] = []
    for other in others:
        differences.extend(_differences(catalog, survivor, other))
    _, dropped = _plan(catalog, survivor, others)
    return MergePreview(
        survivor.id, tuple(o.id for o in others), tuple(differences), tuple(dropped)
    )


def plan_merge(catalog: Catalog, survivor_id: str, other_ids: Iterable[str]) -> list[Edit]:
    """The edits that make every user of the others use the survivor instead.

    Each parent keeps the survivor at the other's place (when it already has the survivor,
    at the earlier of their two places). Mentions of the others' outcomes move to the survivor's
    outcome with the same text, and so do the higher-level outcomes the others' outcomes
    supported; alignments without such an outcome are dropped (preview_merge lists them).
    The others then leave the catalog with the modules only they used. Items cannot be
    merged: a module owns its items, so they cannot be shared.
    """
    survivor, others = _units(catalog, survivor_id, other_ids)
    edits, _ = _plan(catalog, survivor, others)
    return edits


def _units(
    catalog: Catalog, survivor_id: str, other_ids: Iterable[str]
) -> tuple[Course | Module, list[Course | Module]]:
    survivor = catalog.get(survivor_id)
    if isinstance(survivor, Item):
        raise ValueError("items belong to their module and cannot be shared, so not merged")
    if not isinstance(survivor, Course | Module):
        raise ValueError(f"only courses or modules can be merged, not {_kind(survivor)}s")
    others: list[Course | Module] = []
    for other_id in dict.fromkeys(other_ids):
        other = catalog.get(other_id)
        if other_id == survivor_id:
            raise ValueError("a unit cannot be merged into itself")
        if type(other) is not type(survivor):
            raise ValueError(
                f"{_kind(other)} {other_id} cannot be merged into {_kind(survivor)} {survivor_id}"
            )
        assert isinstance(other, Course | Module)
        others.append(other)
    if not others:
        raise ValueError("nothing to merge")
    return survivor, others


def _kind(node: Node) -> str:
    return type(node).__name__.lower()


# ---- the plan ----------------------------------------------------------------------------


class _Lists:
    """The lists the plan edits, as they will be after each edit: indexes stay right."""

    def __init__(self) -> None:
        self.edits: list[Edit] = []
        self._current: dict[tuple[int, str], list[object]] = {}

    def current(self, node: Node | None, list_name: str, source: Sequence[object]) -> list[object]:
        return self._current.setdefault((id(node), list_name), list(source))

    def remove(
        self, node: Node | None, list_name: str, source: Sequence[object], index: int
    ) -> None:
        self.edits.append(Remove(node, list_name, index))
        del self.current(node, list_name, source)[index]

    def move(
        self, node: Node | None, list_name: str, source: Sequence[object], old: int, new: int
    ) -> None:
        self.edits.append(Move(node, list_name, old, new))
        current = self.current(node, list_name, source)
        current.insert(new, current.pop(old))

    def insert(
        self,
        node: Node | None,
        list_name: str,
        source: Sequence[object],
        index: int,
        value: object,
    ) -> None:
        self.edits.append(Insert(node, list_name, index, value))
        self.current(node, list_name, source).insert(index, value)


def _plan(
    catalog: Catalog, survivor: Course | Module, others: list[Course | Module]
) -> tuple[list[Edit], list[str]]:
    lists = _Lists()
    dropped: list[str] = []
    leaving_units: list[Course | Module] = [*others, *_orphans(catalog, survivor, others)]
    leaving = {u.id for u in leaving_units}
    matches = _matching_outcomes(survivor, others)
    leaving_outcomes = {o.id: unit for unit in leaving_units for o in unit.outcomes}

    # 1. Whatever names a leaving outcome names the survivor's match instead, or nothing.
    for outcome_id, unit in leaving_outcomes.items():
        for user_id in catalog.named_by(outcome_id):
            user = catalog.get(user_id)
            assert isinstance(user, Outcome | Item)
            list_name = naming_list(user)
            source = getattr(user, list_name)
            current = lists.current(user, list_name, source)
            if outcome_id not in current:
                continue
            owner = catalog.owner(user_id)
            if owner is unit:
                continue  # they leave together
            index = current.index(outcome_id)
            lists.remove(user, list_name, source, index)
            if owner.id in leaving:
                continue  # it leaves too
            match = matches.get(outcome_id)
            if match is not None and match != user_id and match not in current:
                lists.insert(user, list_name, source, index, match)
            elif match is None:
                named = catalog.get(outcome_id)
                assert isinstance(named, Outcome)
                dropped.append(
                    f"{_describe(catalog, user)} no longer names the outcome "
                    f"“{named.text}” of {_label(unit)}: {_label(survivor)} has no such outcome"
                )
    # 2. The higher-level outcomes the others' outcomes supported: the match supports them.
    for other in others:
        for outcome in other.outcomes:
            match_id = matches.get(outcome.id)
            for ref in outcome.supports:
                if ref in leaving_outcomes:
                    continue
                if match_id is None:
                    supported = catalog.get(ref)
                    assert isinstance(supported, Outcome)
                    dropped.append(
                        f"the outcome “{outcome.text}” of {_label(other)} supported "
                        f"“{supported.text}” of {_label(catalog.owner(ref))}: "
                        f"{_label(survivor)} has no such outcome"
                    )
                    continue
                target = catalog.get(match_id)
                assert isinstance(target, Outcome)
                current = lists.current(target, "supports", target.supports)
                if ref not in current and ref != match_id:
                    lists.insert(target, "supports", target.supports, len(current), ref)
    # 3. Every parent of an other uses the survivor in its place.
    list_name = "course_ids" if isinstance(survivor, Course) else "module_ids"
    for other in others:
        for parent in _parents(catalog, other):
            source = getattr(parent, list_name)
            current = lists.current(parent, list_name, source)
            index = current.index(other.id)
            lists.remove(parent, list_name, source, index)
            if survivor.id not in current:
                lists.insert(parent, list_name, source, index, survivor.id)
            elif (at := current.index(survivor.id)) > index:
                # Both were there: the survivor takes the earlier place, the parent's order
                # of the rest stays as it was.
                lists.move(parent, list_name, source, at, index)
    # 4. The others leave, then the modules only they used; the rules silenced for them
    # and the pairs naming them are forgotten.
    lists.edits.extend(RemoveUnit(unit.id) for unit in leaving_units)
    lists.edits.extend(forget_notes(catalog, leaving_units))
    return lists.edits, dropped


def _orphans(
    catalog: Catalog, survivor: Course | Module, others: list[Course | Module]
) -> list[Module]:
    """Modules that only the leaving courses use."""
    if not isinstance(survivor, Course):
        return []
    leaving = {o.id for o in others}
    found: dict[str, Module] = {}
    for other in others:
        assert isinstance(other, Course)
        for module in catalog.modules_of(other):
            if module.id not in found and set(catalog.users(module.id)) <= leaving:
                found[module.id] = module
    return list(found.values())


def _matching_outcomes(survivor: Course | Module, others: list[Course | Module]) -> dict[str, str]:
    """Each other outcome's id -> the survivor's outcome with the same folded text."""
    by_text: dict[str, str] = {}
    for outcome in survivor.outcomes:
        text = normalize(outcome.text)
        if text:
            by_text.setdefault(text, outcome.id)
    found = {}
    for other in others:
        for outcome in other.outcomes:
            match = by_text.get(normalize(outcome.text))
            if match is not None:
                found[outcome.id] = match
    return found


def _parents(catalog: Catalog, unit: Course | Module) -> list[Program | Course]:
    """The programs using a course, or the courses using a module, in catalog order."""
    if isinstance(unit, Course):
        return list(catalog.programs_using(unit.id))
    users = set(catalog.users(unit.id))
    return [c for c in catalog.courses.values() if c.id in users]


# ---- what differs ------------------------------------------------------------------------


def _differences(catalog: Catalog, survivor: Course | Module, other: Course | Module) -> list[str]:
    lines: list[str] = []
    name = _label(other)
    if normalize(survivor.title) != normalize(other.title):
        lines.append(f"{name}: the title differs from “{survivor.title}”")
    # What only the survivor's fields keep: a merged unit's code and description go.
    if other.code.strip() and other.code.strip() != survivor.code.strip():
        kept = f"“{survivor.code}”" if survivor.code.strip() else "none"
        lines.append(f"{name}: code “{other.code}”, the survivor {kept}")
    if other.description.strip() and normalize(other.description) != normalize(
        survivor.description
    ):
        text = " ".join(other.description.split())
        shown = text if len(text) <= 80 else text[:77] + "..."
        kept = "another" if survivor.description.strip() else "none"
        lines.append(f"{name}: its description “{shown}” is not kept (the survivor has {kept})")
    hours, other_hours = _hours(catalog, survivor), _hours(catalog, other)
    if abs(hours - other_hours) > 1e-9:
        lines.append(f"{name}: {format_hours(other_hours)} h, the survivor {format_hours(hours)} h")
    theirs = {normalize(o.text): o.text for o in other.outcomes}
    ours = {normalize(o.text): o.text for o in survivor.outcomes}
    lines += [
        f"{name}: outcome “{t}” is not in the survivor" for k, t in theirs.items() if k not in ours
    ]
    lines += [
        f"{name}: lacks the survivor's outcome “{t}”" for k, t in ours.items() if k not in theirs
    ]
    if isinstance(survivor, Course) and isinstance(other, Course):
        ours_parts = _module_keys(catalog, survivor)
        theirs_parts = _module_keys(catalog, other)
        part = "module"
    else:
        assert isinstance(survivor, Module) and isinstance(other, Module)
        ours_parts = _item_keys(survivor)
        theirs_parts = _item_keys(other)
        part = "item"
    lines += [
        f"{name}: {part} {t} is not in the survivor"
        for k, t in theirs_parts.items()
        if k not in ours_parts
    ]
    lines += [
        f"{name}: lacks the survivor's {part} {t}"
        for k, t in ours_parts.items()
        if k not in theirs_parts
    ]
    return lines


def _module_keys(catalog: Catalog, course: Course) -> dict[object, str]:
    """A course's modules: the same module, or one with the same title and hours, is alike."""
    keys: dict[object, str] = {}
    for module in catalog.modules_of(course):
        hours = format_hours(_hours(catalog, module))
        keys[(normalize(module.title), hours)] = f"“{module.title}” ({hours} h)"
    return keys


def _item_keys(module: Module) -> dict[object, str]:
    keys: dict[object, str] = {}
    for item in module.items:
        minutes = format_hours(item.minutes)
        key = (normalize(item.title), item.kind.value, minutes)
        keys[key] = f"“{item.title}” ({item.kind.value}, {minutes} min)"
    return keys


def _hours(catalog: Catalog, unit: Course | Module) -> float:
    """Counted hours, as designer.model.totals counts them, without a Totals at hand."""
    if isinstance(unit, Module):
        return sum(i.minutes for i in unit.items) / 60 if unit.items else unit.hours or 0.0
    if unit.module_ids:
        return sum(_hours(catalog, m) for m in catalog.modules_of(unit))
    return unit.hours or 0.0


def _label(unit: Node) -> str:
    title = getattr(unit, "title", "") or ""
    return f"{_kind(unit)} “{title}” ({unit.id})" if title else f"{_kind(unit)} {unit.id}"


def _describe(catalog: Catalog, user: Outcome | Item) -> str:
    if isinstance(user, Item):
        return f"the item “{user.title}” of {_label(catalog.owner(user.id))}"
    return f"the outcome “{user.text}” of {_label(catalog.owner(user.id))}"
