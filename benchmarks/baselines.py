"""The plain ways of doing what designer.sharing does, for the benchmark to measure against."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz, utils

from designer.model import Catalog, Totals

NEAR_SCORE = 85  # token_set_ratio from which the exhaustive baseline calls two titles alike


@dataclass
class PairOverlap:
    units: list[str]  # the target's courses the source has, then its modules the source has
    shared_hours: float
    coverage: float  # shared hours / the target's hours


def overlap_by_inverted_index(
    catalog: Catalog, totals: Totals
) -> dict[tuple[str, str], PairOverlap]:
    """What each source program has of each target program, for every pair that shares a unit.

    The straightforward way: an index from each course and module to the programs using it,
    then, for every unit of every target, a dict entry per (source, target) it is shared by.
    Same figures as designer.sharing.overlap: a shared course counts whole; a module counts
    where the source has it in another course than the target's.
    """
    course_users: dict[str, set[str]] = defaultdict(set)
    module_users: dict[str, set[str]] = defaultdict(set)
    courses_of: dict[str, set[str]] = {}
    for program in catalog.programs:
        courses_of[program.id] = set(program.course_ids)
        for course_id in program.course_ids:
            course_users[course_id].add(program.id)
            for module_id in catalog.courses[course_id].module_ids:
                module_users[module_id].add(program.id)

    pairs: dict[tuple[str, str], PairOverlap] = {}
    for target in catalog.programs:
        for course_id in target.course_ids:
            for source_id in course_users[course_id]:
                if source_id != target.id:
                    pair = pairs.setdefault((source_id, target.id), PairOverlap([], 0.0, 0.0))
                    pair.units.append(course_id)
                    pair.shared_hours += totals.hours(course_id)
            for module_id in catalog.courses[course_id].module_ids:
                for source_id in module_users[module_id]:
                    if source_id != target.id and course_id not in courses_of[source_id]:
                        pair = pairs.setdefault((source_id, target.id), PairOverlap([], 0.0, 0.0))
                        pair.units.append(module_id)
                        pair.shared_hours += totals.hours(module_id)
    for (_, target_id), pair in pairs.items():
        target_hours = totals.hours(target_id)
        pair.shared_hours = min(pair.shared_hours, target_hours)
        pair.coverage = pair.shared_hours / target_hours if target_hours else 0.0
    return pairs


def unit_titles(catalog: Catalog) -> list[tuple[str, str]]:
    """(id, title) of every course and module, the units duplicate detection looks at."""
    units = [(c.id, c.title) for c in catalog.courses.values()]
    units += [(m.id, m.title) for m in catalog.modules.values()]
    return units


def title_sample(catalog: Catalog, size: int, seed: int = 7) -> list[str]:
    titles = [title for _, title in unit_titles(catalog)]
    return random.Random(seed).sample(titles, min(size, len(titles)))


def exhaustive_title_pairs(titles: list[str]) -> list[tuple[int, int, float]]:
    """Every pair of titles scored with token_set_ratio; the pairs scoring NEAR_SCORE or more."""
    cleaned = [utils.default_process(title) for title in titles]
    alike = []
    for (i, a), (j, b) in combinations(enumerate(cleaned), 2):
        score = fuzz.token_set_ratio(a, b)
        if score >= NEAR_SCORE:
            alike.append((i, j, score))
    return alike


def pair_count(n: int) -> int:
    return n * (n - 1) // 2
