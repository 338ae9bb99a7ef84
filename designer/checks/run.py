"""Running a profile's rules over a catalog: findings sorted, silenced ones left out."""

from __future__ import annotations

from designer.bulk import collector_paused
from designer.checks.context import Context
from designer.checks.findings import SEVERITIES, Finding, Profile
from designer.checks.profiles import DEFAULT_PROFILE, get_profile
from designer.model import Catalog, Course, Module, Totals
from designer.progress import Meter, ProgressCallback


def run_checks(
    catalog: Catalog,
    totals: Totals,
    profile: str | Profile = DEFAULT_PROFILE,
    include_silenced: bool = False,
    progress: ProgressCallback | None = None,
) -> list[Finding]:
    """Every finding of the profile's rules: errors, then warnings, then info; each in
    catalog order (a program, its outcomes, its courses with theirs and their modules').

    Findings silenced in catalog.silenced (same rule and unit) are left out unless
    include_silenced. Raises UnknownProfile for a name that is not in PROFILES.

    progress(done, total), if given, is called now and then while the rules run (see
    designer.progress); when it returns False or raises Cancelled, this raises Cancelled.
    The steps are the units each rule walks, the courses and modules counted once per rule.
    """
    chosen = get_profile(profile)
    per_rule = len(catalog.courses) + len(catalog.modules) + 1
    meter = Meter(progress, per_rule * (len(chosen.rules) + 1))
    context = Context(catalog, totals, chosen, meter)
    found: list[Finding] = []
    with collector_paused():
        meter.start()
        for rule in chosen.rules:
            meter.part(per_rule)
            context.rule = rule
            found.extend(rule.check(context))
        context.rule = None
        meter.part(per_rule)  # the sorting below: three steps of a third each
        if not include_silenced:
            silenced = silenced_pairs(catalog)
            found = [f for f in found if (f.rule, f.unit) not in silenced]
        meter.advance(per_rule // 3)
        order = catalog_order(catalog)
        meter.advance(per_rule // 3)
        rank = {rule.id: n for n, rule in enumerate(chosen.rules)}
        severity = {name: n for n, name in enumerate(SEVERITIES)}
        last = len(order)
        found.sort(key=lambda f: (severity[f.severity], order.get(f.unit, last), rank[f.rule]))
    meter.finish()
    return found


def rule_titles(profile: str | Profile = DEFAULT_PROFILE) -> dict[str, str]:
    """Rule id -> short title, in the profile's order: for a list to filter findings by."""
    return {rule.id: rule.title for rule in get_profile(profile).rules}


def silenced_pairs(catalog: Catalog) -> set[tuple[str, str]]:
    return {(silence.rule, silence.unit) for silence in catalog.silenced}


def is_silenced(catalog: Catalog, finding: Finding) -> bool:
    """Whether the designer silenced this finding's rule for its unit."""
    return any(s.rule == finding.rule and s.unit == finding.unit for s in catalog.silenced)


def catalog_order(catalog: Catalog) -> dict[str, int]:
    """Unit id -> its place: programs in order, each followed by its outcomes and courses,
    each course by its outcomes and modules, each module by its outcomes and items; a shared
    unit where it first comes; units no program uses last, in the pool's order."""
    order: dict[str, int] = {}

    def add_module(module: Module) -> None:
        if module.id in order:
            return
        order[module.id] = len(order)
        for outcome in module.outcomes:
            order[outcome.id] = len(order)
        for item in module.items:
            order[item.id] = len(order)

    def add_course(course: Course) -> None:
        if course.id in order:
            return
        order[course.id] = len(order)
        for outcome in course.outcomes:
            order[outcome.id] = len(order)
        for module_id in course.module_ids:
            add_module(catalog.modules[module_id])

    for program in catalog.programs:
        order[program.id] = len(order)
        for outcome in program.outcomes:
            order[outcome.id] = len(order)
        for course_id in program.course_ids:
            add_course(catalog.courses[course_id])
    for course in catalog.courses.values():
        add_course(course)
    for module in catalog.modules.values():
        add_module(module)
    return order
