"""What the duplicate search compares of each course, module and item, and their signatures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from designer.bulk import free_gradually
from designer.model.catalog import Catalog
from designer.model.totals import Totals
from designer.model.units import Course, Module
from designer.progress import Meter
from designer.sharing.text import comparable_title, normalize

# A title used by items in more modules than this is structure ('Module 1 graded quiz').
STRUCTURAL_USES = 2


@dataclass(frozen=True)
class Profile:
    """What the search compares of one unit: folded texts, hours, parents, a signature."""

    id: str
    title: str  # comparable: folded, without 'Week 1:'
    hours: float
    outcomes: frozenset[str]
    parts: frozenset[str]  # a module's items, a course's modules; by title
    parents: tuple[str, ...]  # a module's courses, an item's module
    kind: str  # an item's kind
    signature: tuple[object, ...]  # equal for identical units


class Folding:
    """normalize() with memory: catalogs repeat the same item titles and outcome texts."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        found = self.cache.get(text)
        if found is None:
            found = self.cache[text] = normalize(text)
        return found


def unit_profiles(
    catalog: Catalog,
    totals: Totals,
    level: str,
    module_sigs: dict[str, tuple[object, ...]],
    fold: Folding,
    meter: Meter | None = None,
) -> list[Profile]:
    """The units of one level ("course", "module" or "item") to compare, untitled and empty
    ones left out: two new courses, each with an empty "Week 1", are no copies of each other.

    The meter, if given, counts the rest of its current part as the units are profiled.
    """
    meter = meter or Meter(None, 0)
    profiles = []
    if level == "course":
        for course in meter.each(catalog.courses.values(), meter.left):
            title = comparable_title(course.title)
            if title and not is_empty(catalog, course, totals):
                profiles.append(_course_profile(catalog, course, title, totals, module_sigs, fold))
    elif level == "module":
        for module in meter.each(catalog.modules.values(), meter.left):
            title = comparable_title(module.title)
            if title and not is_empty(catalog, module, totals):
                profiles.append(_module_profile(catalog, module, title, totals, module_sigs, fold))
    else:
        profiles = _item_profiles(catalog, fold, meter)
    return profiles


def is_empty(catalog: Catalog, unit: Course | Module, totals: Totals) -> bool:
    """Whether a unit holds nothing yet to compare: no hours, no outcomes, no items, and
    for a course no module that holds any."""
    if unit.outcomes or totals.hours(unit) > 0:
        return False
    if isinstance(unit, Module):
        return not unit.items
    return all(is_empty(catalog, module, totals) for module in catalog.modules_of(unit))


def _outcome_texts(unit: Course | Module, fold: Folding) -> frozenset[str]:
    return frozenset(t for t in (fold(o.text) for o in unit.outcomes) if t)


def module_signature(module: Module, totals: Totals, fold: Folding) -> tuple[object, ...]:
    items = tuple((fold(i.title), i.kind.value, i.minutes) for i in module.items)
    outcomes = tuple(sorted(fold(o.text) for o in module.outcomes))
    return (fold(module.title), round(totals.hours(module), 6), outcomes, items)


def _course_profile(
    catalog: Catalog,
    course: Course,
    title: str,
    totals: Totals,
    module_sigs: dict[str, tuple[object, ...]],
    fold: Folding,
) -> Profile:
    hours = totals.hours(course)
    outcomes = tuple(sorted(fold(o.text) for o in course.outcomes))
    modules = tuple(module_sigs[m] for m in course.module_ids)
    parts = frozenset(
        comparable_title(m.title)
        for m in catalog.modules_of(course)
        if not is_empty(catalog, m, totals)
    )
    signature = (fold(course.title), round(hours, 6), outcomes, modules)
    return Profile(
        course.id, title, hours, _outcome_texts(course, fold), parts - {""}, (), "", signature
    )


def _module_profile(
    catalog: Catalog,
    module: Module,
    title: str,
    totals: Totals,
    module_sigs: dict[str, tuple[object, ...]],
    fold: Folding,
) -> Profile:
    parts = frozenset(f"{i.kind.value} {fold(i.title)}" for i in module.items)
    return Profile(
        module.id,
        title,
        totals.hours(module),
        _outcome_texts(module, fold),
        parts,
        tuple(catalog.users(module.id)),
        "",
        module_sigs[module.id],
    )


def _item_profiles(catalog: Catalog, fold: Folding, meter: Meter) -> list[Profile]:
    """Items whose titles are their own: not the ones many modules repeat."""
    uses: dict[str, set[str]] = {}
    for module in meter.each(catalog.modules.values(), meter.left // 2):
        for item in module.items:
            uses.setdefault(_structure(fold(item.title)), set()).add(module.id)
    profiles = []
    for module in meter.each(catalog.modules.values(), meter.left):
        for item in module.items:
            title = fold(item.title)
            if not title or len(uses[_structure(title)]) > STRUCTURAL_USES:
                continue
            kind = item.kind.value
            nothing: frozenset[str] = frozenset()
            signature = (title, kind, item.minutes)
            hours = item.minutes / 60
            profiles.append(
                Profile(item.id, title, hours, nothing, nothing, (module.id,), kind, signature)
            )
    free_gradually(uses)  # see designer.bulk
    return profiles


def _structure(title: str) -> str:
    return re.sub(r"\d+", "#", title)
