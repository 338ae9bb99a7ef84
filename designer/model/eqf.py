"""The eight EQF levels and their descriptors (2017 Recommendation, Annex II), shipped as data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class EqfDescriptor:
    """One EQF level: what a learner knows, can do, and how autonomously and responsibly."""

    level: int
    knowledge: str
    skills: str
    responsibility_autonomy: str


@cache
def _load() -> tuple[EqfDescriptor, ...]:
    text = files("designer.resources").joinpath("eqf_levels.json").read_text(encoding="utf-8")
    entries = json.loads(text)["levels"]
    levels = tuple(
        EqfDescriptor(
            level=int(entry["level"]),
            knowledge=str(entry["knowledge"]),
            skills=str(entry["skills"]),
            responsibility_autonomy=str(entry["responsibility_autonomy"]),
        )
        for entry in entries
    )
    if [d.level for d in levels] != list(range(1, 9)):
        raise ValueError("eqf_levels.json must list EQF levels 1 to 8 in order")
    return levels


def eqf_levels() -> list[EqfDescriptor]:
    """All eight levels, lowest first."""
    return list(_load())


def descriptors_for(eqf_level: str) -> list[EqfDescriptor]:
    """The levels a program's EQF level names: "6" gives level 6, "5-6" gives levels 5 and 6."""
    match = re.fullmatch(r"([1-8])(?:-([1-8]))?", eqf_level)
    if match is None:
        raise ValueError(f"EQF level must be 1 to 8, or a range such as 5-6, not {eqf_level!r}")
    low = int(match.group(1))
    high = int(match.group(2)) if match.group(2) is not None else low
    if match.group(2) is not None and high <= low:
        raise ValueError(f"EQF range {eqf_level} must go from the lower level to the higher")
    return [d for d in _load() if low <= d.level <= high]
