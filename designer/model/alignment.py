"""Which outcomes of a course, and of its weekly modules, serve a higher-level outcome."""

from __future__ import annotations

from designer.model.catalog import Catalog
from designer.model.units import Bloom, Course, Outcome


def addressing(
    catalog: Catalog, course: Course, outcome_id: str
) -> tuple[list[Outcome], list[Outcome]]:
    """The course's own outcomes that support the outcome, and its modules' outcomes that
    support it directly or through one of those."""
    own = [o for o in course.outcomes if outcome_id in o.supports]
    through = {o.id for o in own}
    weekly = [
        o
        for module in catalog.modules_of(course)
        for o in module.outcomes
        if outcome_id in o.supports or through.intersection(o.supports)
    ]
    return own, weekly


_RANK = {level: rank for rank, level in enumerate(Bloom)}


def bloom_rank(level: Bloom | None) -> int:
    """Remember 0 ... Create 5; an outcome without a level counts as below Remember (-1)."""
    return -1 if level is None else _RANK[level]
