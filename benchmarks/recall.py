"""How many of the planted duplicates a duplicate finder reported."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Protocol

from generate import Planted


class Found(Protocol):
    """What find_duplicates reports: one group of units it takes for duplicates."""

    @property
    def units(self) -> Sequence[str]: ...


@dataclass
class Recall:
    found: int = 0
    planted: int = 0
    by_kind: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (found, planted)
    children: tuple[int, int] = (0, 0)  # module pairs inside planted course pairs
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, a, b)
    other_groups: int = 0  # reported groups whose units no planted relation links

    @property
    def share(self) -> float:
        return self.found / self.planted if self.planted else 1.0


def planted_pairs(planted: Planted) -> list[tuple[str, str, str]]:
    """(kind, a, b) for every planted pair; kind is 'identical' or 'near:<how>'."""
    pairs = [("identical", a, b) for group in planted.identical for a, b in combinations(group, 2)]
    pairs += [(f"near:{planted.how[pair]}", *pair) for pair in planted.near]
    return pairs


def recall(reported: Iterable[Found], planted: Planted) -> Recall:
    """A planted pair counts as found when one reported group holds both of its units."""
    groups_of: dict[str, set[int]] = defaultdict(set)
    groups = list(reported)
    for index, group in enumerate(groups):
        for unit_id in group.units:
            groups_of[unit_id].add(index)

    def together(a: str, b: str) -> set[int]:
        return groups_of.get(a, set()) & groups_of.get(b, set())

    result = Recall()
    found_by: Counter[str] = Counter()
    planted_by: Counter[str] = Counter()
    family = _Families()
    for kind, a, b in planted_pairs(planted):
        family.join(a, b)
        planted_by[kind] += 1
        if together(a, b):
            found_by[kind] += 1
        else:
            result.missed.append((kind, a, b))
    child_hits = 0
    for a, b in planted.children:
        family.join(a, b)
        child_hits += bool(together(a, b))
    result.found = sum(found_by.values())
    result.planted = sum(planted_by.values())
    result.by_kind = {kind: (found_by[kind], planted_by[kind]) for kind in sorted(planted_by)}
    result.children = (child_hits, len(planted.children))
    # Copies of one unit are alike among themselves too (two copies of one course, or the
    # weeks of a copied course and of its variant): a group inside one family is planted.
    result.other_groups = sum(len({family.root(u) for u in group.units}) > 1 for group in groups)
    return result


class _Families:
    """Union-find over unit ids: which units the generator derived from one another."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def root(self, unit_id: str) -> str:
        parent = self.parent.get(unit_id, unit_id)
        if parent == unit_id:
            return unit_id
        top = self.root(parent)
        self.parent[unit_id] = top
        return top

    def join(self, a: str, b: str) -> None:
        self.parent[self.root(a)] = self.root(b)
