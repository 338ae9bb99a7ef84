"""Sharing rules: identical units kept apart, and shared units at the edge of a program's limit."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from designer.bulk import collector_paused
from designer.checks.context import Context
from designer.checks.findings import INFO, WARNING, Finding, Rule
from designer.checks.workload import HOURS
from designer.model import Course, Module
from designer.model.totals import EPSILON
from designer.sharing.profiles import Folding, Profile, module_signature, unit_profiles

Pair = frozenset[str]


def _groups(profiles: list[Profile]) -> list[list[Profile]]:
    by_signature: dict[tuple[object, ...], list[Profile]] = {}
    for profile in profiles:
        by_signature.setdefault(profile.signature, []).append(profile)
    return [members for members in by_signature.values() if len(members) > 1]


def _apart(members: list[Profile], ignored: set[Pair]) -> list[list[Profile]]:
    """The group split where the designer said two of them are not duplicates."""
    parts: list[list[Profile]] = []
    for profile in members:
        for part in parts:
            if not any(frozenset((profile.id, other.id)) in ignored for other in part):
                part.append(profile)
                break
        else:
            parts.append([profile])
    return [part for part in parts if len(part) > 1]


def _explained(members: list[Profile], copies: set[Pair]) -> bool:
    """Modules that are the weeks of identical courses: the courses' finding covers them."""
    return all(
        any(x != y and frozenset((x, y)) in copies for x in a.parents for y in b.parents)
        for a, b in combinations(members, 2)
    )


def identical_copies(ctx: Context) -> Iterator[Finding]:
    """Courses and modules that are copies of each other (as the Duplicates page finds them)."""
    catalog, totals = ctx.catalog, ctx.totals
    ignored = {frozenset(pair) for pair in catalog.ignored_duplicates}
    with collector_paused():
        fold = Folding()
        module_sigs = {
            m.id: module_signature(m, totals, fold) for m in ctx.each(catalog.modules.values())
        }
        meter = ctx.meter
        course_groups = _groups(unit_profiles(catalog, totals, "course", module_sigs, fold, meter))
        module_groups = _groups(unit_profiles(catalog, totals, "module", module_sigs, fold, meter))
    copies: set[Pair] = set()
    for kind, groups in (("course", course_groups), ("module", module_groups)):
        for members in groups:
            if kind == "module" and _explained(members, copies):
                continue
            for part in _apart(members, ignored):
                if kind == "course":
                    copies.update(frozenset((a.id, b.id)) for a, b in combinations(part, 2))
                pool = catalog.courses if kind == "course" else catalog.modules
                yield _copies_finding(ctx, kind, [pool[p.id] for p in part])


def _copies_finding(ctx: Context, kind: str, units: list[Course | Module]) -> Finding:
    first, *others = units
    ids = ", ".join(u.id for u in others)
    if len(others) == 1:
        copies = f"its identical copy {ids}"
    else:
        copies = f"its {len(others)} identical copies ({ids})"
    return ctx.finding(
        first,
        f"The {kind} {ctx.name(first)} ({first.id}) and {copies} are separate {kind}s: "
        "learners who completed one get no credit for the other.",
        "Merge them into one shared unit on the Duplicates page, or mark them as not "
        "duplicates there.",
    )


def limit_headroom(ctx: Context) -> Iterator[Finding]:
    """Shared units that one more (or one less) week of work would push a program out of range."""
    catalog = ctx.catalog
    low, high = HOURS
    week = ctx.settings.weekly_hours
    units: list[Course | Module] = [*catalog.courses.values(), *catalog.modules.values()]
    for unit in ctx.each(units):
        parents = catalog.users(unit.id)
        if len(parents) < 2:
            continue
        uses: Counter[str] = Counter()
        if isinstance(unit, Course):
            uses.update(parents)
        else:
            for course_id in parents:
                uses.update(catalog.users(course_id))
        own = ctx.hours(unit)
        over, under = [], []
        for program_id, count in uses.items():
            program = catalog.program(program_id)
            hours = ctx.program_totals(program).hours
            if not low - EPSILON <= hours <= high + EPSILON:
                continue  # workload.total-hours reports it already
            if hours + count * week > high + EPSILON:
                over.append(f"{ctx.name(program)} over {high} h (now {ctx.h(hours)})")
            if own > 0 and hours - count * min(week, own) < low - EPSILON:
                under.append(f"{ctx.name(program)} under {low} h (now {ctx.h(hours)})")
        changes = []
        if over:
            changes.append(f"a week more of it ({ctx.h(week)}) would take {', '.join(over)}")
        if under:
            changes.append(f"a week less would take {', '.join(under)}")
        if changes:
            kind = "course" if isinstance(unit, Course) else "module"
            users = "programs" if isinstance(unit, Course) else "courses"
            yield ctx.finding(
                unit,
                f"The {kind} {ctx.name(unit)} is shared by {len(parents)} {users}: "
                f"{'; '.join(changes)}.",
                "Change its hours with those programs in mind, or give one of them its own "
                "copy first (Make Independent Copy).",
                "hours",
            )


RULES = (
    Rule("sharing.identical-copies", WARNING, "Identical units shared", identical_copies),
    Rule("sharing.limit-headroom", INFO, "Shared units near a program's limit", limit_headroom),
)
