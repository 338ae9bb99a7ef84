"""Merging duplicate courses or modules into one shared unit, as edits that can be undone."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from designer.model.catalog import Catalog, Node, naming_list
from designer.model.edits import Edit, Insert, Move, Remove, RemoveUnit, forget_notes
from designer.model.totals import Totals, format_hours, format_number, program_totals
from designer.model.units import Course, Item, Module, Outcome, Program
from designer.sharing.text import normalize


@dataclass(frozen=True)
class MergePreview:
    """What merging the others into the survivor would change, before it is done.

    differences: plain lines, what differs between the survivor and each merged unit.
    dropped_alignments: alignments that cannot be kept, because the outcome they name or
        come from has no outcome with the same text in the survivor.
    inside: what the merged courses' own modules hold that the survivor's do not: a course
        merge deletes those modules, and their outcomes and items with them.
    lost_units: a parent that holds the survivor and a merged unit lists the survivor once,
        so it loses a unit and its hours: one line each, the parent's hours before and after.
    workload: the hours of every parent and program the merge changes, before and after.
    """

    survivor: str
    merged: tuple[str, ...]
    differences: tuple[str, ...]
    dropped_alignments: tuple[str, ...]
    inside: tuple[str, ...] = ()
    lost_units: tuple[str, ...] = ()
    workload: tuple[str, ...] = ()


def preview_merge(
    catalog: Catalog,
    survivor_id: str,
    other_ids: Iterable[str],
    totals: Totals | None = None,
) -> MergePreview:
    """The differences, the alignments and module contents lost, and the hours that change
    if the others were merged into the survivor.

    totals: the catalog's running totals (a Totals is built, and let go, without them).
    """
    survivor, others = _units(catalog, survivor_id, other_ids)
    differences: list[str] = []
    inside: list[str] = []
    for other in others:
        differences.extend(_differences(catalog, survivor, other))
        if isinstance(survivor, Course) and isinstance(other, Course):
            inside.extend(_inside_modules(catalog, survivor, other, others))
    _, dropped = _plan(catalog, survivor, others)
    own_totals = totals is None
    counted = Totals(catalog) if totals is None else totals
    try:
        lost, workload = _workload(catalog, counted, survivor, others)
    finally:
        if own_totals:
            counted.close()
    return MergePreview(
        survivor.id,
        tuple(o.id for o in others),
        tuple(differences),
        tuple(dropped),
        tuple(inside),
        tuple(lost),
        tuple(workload),
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
                    f"“{named.text}” of {_label(unit, survivor)}: the survivor has no such outcome"
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
                        f"the outcome “{outcome.text}” of {_label(other, survivor)} supported "
                        f"“{supported.text}” of {_label(catalog.owner(ref))}: "
                        "the survivor has no such outcome"
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
    name = _label(other, survivor)
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


def _inside_modules(
    catalog: Catalog, survivor: Course, other: Course, others: list[Course | Module]
) -> list[str]:
    """What the other's modules that leave with it hold and the survivor's modules do not.

    Each leaving module is compared with the survivor's module of the same title or, failing
    that, at the same place: the outcomes and items only it has, and items of other minutes.
    """
    leaving = {o.id for o in others}
    ours = catalog.modules_of(survivor)
    unmatched = [m for m in ours if m.id not in other.module_ids]
    pairs: list[tuple[Module, Module | None]] = []
    pending: list[tuple[int, Module]] = []
    for place, module in enumerate(catalog.modules_of(other)):
        if module.id in survivor.module_ids or not set(catalog.users(module.id)) <= leaving:
            continue  # it stays in the catalog: nothing of it is deleted
        same = [m for m in unmatched if normalize(m.title) == normalize(module.title)]
        if same:
            unmatched.remove(same[0])
            pairs.append((module, same[0]))
        else:
            pending.append((place, module))
    for place, module in pending:
        at_place = ours[place] if place < len(ours) else None
        match = at_place if at_place in unmatched else None
        if match is not None:
            unmatched.remove(match)
        pairs.append((module, match))
    lines: list[str] = []
    name = _label(other, survivor)
    for module, match in pairs:
        where = f"{name}, its module “{module.title}”"
        if match is None:
            what = [f"outcome “{o.text}”" for o in module.outcomes]
            what += [f"item {_item_text(i)}" for i in module.items]
            lines.append(
                f"{where} has no match in the survivor and is deleted"
                + (f", with {', '.join(what)}" if what else "")
            )
            continue
        theirs = f"the survivor's “{match.title}”"
        kept = {normalize(o.text) for o in match.outcomes}
        lines += [
            f"{where}: outcome “{o.text}” is deleted ({theirs} has no such outcome)"
            for o in module.outcomes
            if normalize(o.text) not in kept
        ]
        our_items = {(normalize(i.title), i.kind.value): i for i in match.items}
        their_keys = {(normalize(i.title), i.kind.value) for i in module.items}
        for item in module.items:
            same_item = our_items.get((normalize(item.title), item.kind.value))
            if same_item is None:
                lines.append(f"{where}: item {_item_text(item)} is deleted (not in {theirs})")
            elif abs(same_item.minutes - item.minutes) > 1e-9:
                lines.append(
                    f"{where}: item “{item.title}” has {format_hours(item.minutes)} min, "
                    f"in {theirs} {format_hours(same_item.minutes)} min"
                )
        lines += [
            f"{where}: lacks the item {_item_text(i)} of {theirs}"
            for key, i in our_items.items()
            if key not in their_keys
        ]
        order = [(normalize(i.title), i.kind.value) for i in module.items]
        common = [k for k in order if k in our_items]
        if common != [k for k in our_items if k in their_keys]:
            lines.append(f"{where}: its items are in another order than in {theirs}")
    return lines


def _item_text(item: Item) -> str:
    return f"“{item.title}” ({item.kind.value}, {format_hours(item.minutes)} min)"


# ---- the workload that changes -------------------------------------------------------------


def _workload(
    catalog: Catalog, totals: Totals, survivor: Course | Module, others: list[Course | Module]
) -> tuple[list[str], list[str]]:
    """The parents that lose a unit, and the hours of the parents and programs that change.

    A parent holding the survivor and a merged unit keeps the survivor once: it loses the
    other's hours. A parent of a merged unit alone counts the survivor's hours instead.
    """
    leaving = {o.id for o in others}
    list_name = "course_ids" if isinstance(survivor, Course) else "module_ids"
    parents: dict[str, Program | Course] = {}
    for other in others:
        for parent in _parents(catalog, other):
            parents.setdefault(parent.id, parent)
    lost: list[str] = []
    changes: list[str] = []
    hours_after: dict[str, float] = {}
    lists_after: dict[str, list[str]] = {}
    for parent in parents.values():
        before = getattr(parent, list_name)
        after = list(dict.fromkeys(survivor.id if u in leaving else u for u in before))
        lists_after[parent.id] = after
        hours_after[parent.id] = math.fsum(totals.hours(u) for u in after)
        old, new = totals.hours(parent), hours_after[parent.id]
        if len(after) < len(before):
            gone = [u for u in before if u in leaving]
            titles = ", ".join(f"“{catalog.get(u).title}”" for u in gone)  # type: ignore[union-attr]
            kind = _kind(survivor) + ("s" if len(gone) > 1 else "")
            lost.append(
                f"“{parent.title}” already holds the {_kind(survivor)} “{survivor.title}”: "
                f"it keeps it once and loses the {kind} {titles}, "
                f"{format_hours(old)} h → {format_hours(new)} h"
            )
        elif isinstance(parent, Course) and abs(old - new) > 1e-9:
            changes.append(f"{_label(parent)}: {format_hours(old)} h → {format_hours(new)} h")
    # The programs: those holding a changed parent (a module merge), or a parent themselves.
    settings = catalog.settings
    for program in catalog.programs:
        if program.id in parents:
            course_ids = lists_after[program.id]
            new = hours_after[program.id]
        elif any(c in hours_after for c in program.course_ids):
            course_ids = program.course_ids
            new = math.fsum(hours_after.get(c, totals.hours(c)) for c in course_ids)
        else:
            continue
        old = totals.hours(program)
        if abs(old - new) <= 1e-9:
            continue
        ects_before = totals.program(program).ects
        ects_after = program_totals(new, len(course_ids), settings).ects
        changes.append(
            f"{program.code or program.title}: {format_hours(old)} h → {format_hours(new)} h, "
            f"{format_number(ects_before)} → {format_number(ects_after)} ECTS"
        )
    return lost, changes


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


def _label(unit: Node, survivor: Node | None = None) -> str:
    """A unit as the designer knows it: by its title, and by its code as well when the
    survivor has the same title (ids are the file's, never shown in the window)."""
    title = getattr(unit, "title", "") or ""
    code = (getattr(unit, "code", "") or "").strip()
    if not title:
        return f"{_kind(unit)} {code}" if code else f"untitled {_kind(unit)}"
    label = f"{_kind(unit)} “{title}”"
    same = survivor is not None and normalize(getattr(survivor, "title", "")) == normalize(title)
    return f"{label} ({code})" if same and code else label


def _describe(catalog: Catalog, user: Outcome | Item) -> str:
    if isinstance(user, Item):
        return f"the item “{user.title}” of {_label(catalog.owner(user.id))}"
    return f"the outcome “{user.text}” of {_label(catalog.owner(user.id))}"
