"""Courses, modules and items that are copies of each other, or nearly so, but not shared."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from designer.bulk import bulk, free_gradually
from designer.model.catalog import Catalog
from designer.model.totals import Totals, format_hours
from designer.progress import Meter, ProgressCallback
from designer.sharing.blocking import Key, candidate_pairs, item_keys, title_keys
from designer.sharing.profiles import Folding, Profile, module_signature, unit_profiles
from designer.sharing.scoring import score_item, score_unit
from designer.sharing.text import TitleWeights, normalize

__all__ = ["LEVELS", "DuplicateGroup", "find_duplicates", "normalize"]

LEVELS = ("course", "module", "item")
SPECIFIC_USES = 2  # a title more units carry says little about any two of them

# For the progress bar only, so that it moves at an even pace: about how long each step of
# the search takes per unit of a level, in microseconds (measured on the benchmark catalog).
# The steps: profiling the units, keying their titles, finding candidates, scoring them.
SIGNATURE_COST = 50
STEP_COSTS = {"course": (60, 35, 160, 90), "module": (30, 35, 190, 195), "item": (10, 8, 1, 5)}


@dataclass(frozen=True)
class DuplicateGroup:
    """Units that look like copies of each other but are separate units.

    kind: "identical" (same title, hours and content) or "near" (alike, scored).
    level: "course", "module" or "item".
    units: their ids, in catalog order: two or more when identical, two when near.
    score: 0..1: 1.0 when identical, at most 0.99 when near (designer.sharing.scoring).
    reason: what is alike, in plain words.
    """

    kind: str
    level: str
    units: tuple[str, ...]
    score: float
    reason: str


@bulk
def find_duplicates(
    catalog: Catalog,
    totals: Totals,
    threshold: float = 0.7,
    levels: Iterable[str] = LEVELS,
    progress: ProgressCallback | None = None,
) -> list[DuplicateGroup]:
    """Identical-but-separate units and near-duplicate pairs scoring at least `threshold`.

    Units shared by reference are one unit, not duplicates. Pairs the designer marked as
    not duplicates (catalog.ignored_duplicates) are left out, and so are lower-level pairs
    that an identical higher-level group already explains (the weeks of two copied courses).
    Groups come course level first, identical before near, best score first.

    progress(done, total), if given, is called now and then during the search (see
    designer.progress); when it returns False or raises Cancelled, this raises Cancelled.
    """
    wanted = set(levels)
    unknown = wanted - set(LEVELS)
    if unknown:
        raise ValueError(f"unknown levels: {', '.join(sorted(unknown))}")
    counts = {
        "course": len(catalog.courses),
        "module": len(catalog.modules),
        "item": sum(len(m.items) for m in catalog.modules.values()),
    }
    costs = {level: [counts[level] * cost for cost in STEP_COSTS[level]] for level in wanted}
    signatures = len(catalog.modules) * SIGNATURE_COST
    meter = Meter(progress, signatures + sum(sum(c) for c in costs.values()))
    meter.start()
    fold = Folding()
    ignored = {frozenset(pair) for pair in catalog.ignored_duplicates}
    meter.part(signatures)
    module_sigs = {
        m.id: module_signature(m, totals, fold)
        for m in meter.each(catalog.modules.values(), signatures)
    }
    groups: list[DuplicateGroup] = []
    explained: set[frozenset[str]] = set()  # pairs of parents that a group already covers
    profiles: list[Profile] = []
    for level in LEVELS:
        if level not in wanted:
            continue
        profiling, *searching = costs[level]
        meter.part(profiling)
        profiles = unit_profiles(catalog, totals, level, module_sigs, fold, meter)
        found = _identical(profiles, level, ignored, explained)
        found += _near(profiles, level, threshold, ignored, explained, found, meter, searching)
        groups.extend(found)
        explained = _next_explained(profiles, found, explained, level)
    meter.finish()
    free_gradually(profiles, module_sigs)  # as _near does
    return groups


# ---- identical ---------------------------------------------------------------------------


def _identical(
    profiles: list[Profile],
    level: str,
    ignored: set[frozenset[str]],
    explained: set[frozenset[str]],
) -> list[DuplicateGroup]:
    by_signature: dict[tuple[object, ...], list[Profile]] = {}
    for profile in profiles:
        by_signature.setdefault(profile.signature, []).append(profile)
    groups = []
    for members in by_signature.values():
        if level == "item":
            members = _one_per_module(members)
        if len(members) < 2:
            continue
        ids = [p.id for p in members]
        if all(_is_explained(a, b, explained) for a, b in combinations(members, 2)):
            continue
        for clique in _without_ignored(ids, ignored):
            reason = _identical_reason(members[0], len(clique), level)
            groups.append(DuplicateGroup("identical", level, clique, 1.0, reason))
    return groups


def _one_per_module(members: list[Profile]) -> list[Profile]:
    """Items are compared across modules only: one item per module."""
    seen: set[str] = set()
    kept = []
    for profile in members:
        if profile.parents[0] not in seen:
            seen.add(profile.parents[0])
            kept.append(profile)
    return kept


def _without_ignored(ids: list[str], ignored: set[frozenset[str]]) -> list[tuple[str, ...]]:
    """The group, or, when some of its pairs are ignored, its largest parts without them."""
    if not any(frozenset(pair) in ignored for pair in combinations(ids, 2)):
        return [tuple(ids)]
    order = {unit_id: n for n, unit_id in enumerate(ids)}
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(p for p in combinations(ids, 2) if frozenset(p) not in ignored)
    cliques = [sorted(c, key=order.__getitem__) for c in nx.find_cliques(graph) if len(c) > 1]
    return sorted((tuple(c) for c in cliques), key=lambda c: [order[u] for u in c])


def _identical_reason(profile: Profile, count: int, level: str) -> str:
    hours = (
        f"{format_hours(profile.hours * 60)} min"
        if level == "item"
        else (f"{format_hours(profile.hours)} h")
    )
    content = {
        "course": "the same outcomes and modules",
        "module": "the same outcomes and items",
        "item": "the same kind",
    }[level]
    return f"{count} separate copies: same title, {hours}, {content}"


# ---- near --------------------------------------------------------------------------------


def _near(
    profiles: list[Profile],
    level: str,
    threshold: float,
    ignored: set[frozenset[str]],
    explained: set[frozenset[str]],
    identical: list[DuplicateGroup],
    meter: Meter,
    steps: list[int],
) -> list[DuplicateGroup]:
    """The near pairs of one level; `steps` are the meter's parts for keying the titles,
    finding the candidates and scoring them."""
    keying, finding, scoring = steps
    if len(profiles) < 2:
        return []
    meter.part(keying)
    weights = TitleWeights(p.title for p in meter.each(profiles, 0))
    titles = [weights.title(p.title) for p in meter.each(profiles, keying // 2)]
    title_key_sets: list[set[Key]] = []
    content_key_sets: list[set[Key]] = []
    for profile in meter.each(profiles, meter.left):
        if level == "item":
            title_key_sets.append({(profile.kind, *key) for key in item_keys(profile.title)})
        else:
            title_key_sets.append(title_keys(profile.title, weights))
        content_key_sets.append(
            {("o", t) for t in profile.outcomes} | {("c", t) for t in profile.parts}
        )
    copies = {unit_id: n for n, group in enumerate(identical) for unit_id in group.units}
    score = score_item if level == "item" else score_unit
    uses = Counter(p.title for p in profiles)
    found: list[tuple[float, int, int, DuplicateGroup]] = []
    texts = [p.title for p in profiles]
    meter.part(finding)
    candidates = candidate_pairs(texts, title_key_sets, content_key_sets, meter)
    meter.part(scoring)
    for i, j in meter.each(candidates, scoring):
        a, b = profiles[i], profiles[j]
        if copies.get(a.id, -1) == copies.get(b.id, -2) or a.signature == b.signature:
            continue
        if level == "item" and (a.kind != b.kind or a.parents == b.parents):
            continue
        if frozenset((a.id, b.id)) in ignored or _is_explained(a, b, explained):
            continue
        specific = uses[a.title] <= SPECIFIC_USES and uses[b.title] <= SPECIFIC_USES
        scored = score(a, b, titles[i], titles[j], threshold, level, specific)
        if scored is not None:
            found.append((-scored[0], i, j, DuplicateGroup("near", level, (a.id, b.id), *scored)))
    found.sort(key=lambda entry: entry[:3])  # best first; equal scores in catalog order
    # Freed as the function returns, the working sets would hold the interpreter for a
    # tenth of a second, and with it a window this search runs beside.
    free_gradually(title_key_sets, content_key_sets, candidates, titles, texts)
    return [group for *_, group in found]


# ---- what higher levels explain ----------------------------------------------------------


def _is_explained(a: Profile, b: Profile, explained: set[frozenset[str]]) -> bool:
    """Whether a pair follows from a pair of its parents already found (copied courses' weeks)."""
    if not explained:
        return False
    return any(x != y and frozenset((x, y)) in explained for x in a.parents for y in b.parents)


def _next_explained(
    profiles: Sequence[Profile],
    found: list[DuplicateGroup],
    explained: set[frozenset[str]],
    level: str,
) -> set[frozenset[str]]:
    """The pairs of this level's units that explain pairs one level down.

    Identical courses explain their modules' pairs; any module group explains its items'.
    Pairs of modules whose courses are identical copies explain their items too.
    """
    pairs: set[frozenset[str]] = set()
    for group in found:
        if level == "course" and group.kind != "identical":
            continue
        pairs.update(frozenset(p) for p in combinations(group.units, 2))
    if level == "module" and explained:
        # The weeks of two identical courses: their items follow from the courses too.
        modules_of: dict[str, list[str]] = {}
        for profile in profiles:
            for course_id in profile.parents:
                modules_of.setdefault(course_id, []).append(profile.id)
        for course_pair in explained:
            x, y = tuple(course_pair)
            pairs.update(
                frozenset((a, b))
                for a in modules_of.get(x, ())
                for b in modules_of.get(y, ())
                if a != b
            )
    return pairs
