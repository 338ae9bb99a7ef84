"""Title variants for planted near-duplicates: a suffix, a typo, reordered words, a short form."""

from __future__ import annotations

import dataclasses
import random
from typing import TYPE_CHECKING, TypeVar

from vocabulary import COURSE_FORMS, MODULE_FORMS, TRACKS

if TYPE_CHECKING:
    from generate import CourseSpec, ModuleSpec

# What people shorten when they retype a title; acronyms are the hardest to match.
ABBREVIATIONS = (
    ("Introduction to", "Intro to"),
    (" and ", " & "),
    ("Development", "Dev"),
    ("Management", "Mgmt"),
    ("Advanced", "Adv."),
    ("Applications", "Apps"),
    ("Hands-On", "Hands On"),
    ("Front-End", "Frontend"),
    ("Back-End", "Backend"),
    ("Full-Stack", "Full Stack"),
    ("Machine Learning", "ML"),
    ("Artificial Intelligence", "AI"),
    ("User Experience", "UX"),
    ("User Interface", "UI"),
    ("Object-Oriented", "OO"),
    ("Search Engine Optimization", "SEO"),
    ("Continuous Integration", "CI"),
)
COURSE_CHANGES = {"suffix": 0.3, "typo": 0.25, "reorder": 0.25, "abbreviation": 0.2}
MODULE_CHANGES = {"suffix": 0.25, "typo": 0.3, "reorder": 0.25, "abbreviation": 0.2}

Spec = TypeVar("Spec", "CourseSpec", "ModuleSpec")


def vary_course_title(spec: CourseSpec, rng: random.Random) -> tuple[CourseSpec, str]:
    """Another course's spec whose title is a variant of this one's, and how it varies."""
    how = _pick(COURSE_CHANGES, rng)
    if how == "suffix":
        others = [t for t in TRACKS if t != spec.track]
        return dataclasses.replace(spec, track=rng.choice(others)), how
    if how == "reorder" and len(COURSE_FORMS[spec.family]) > 1:
        return dataclasses.replace(spec, form=1 - spec.form), how
    return _retyped(spec, how, rng)


def vary_module_title(spec: ModuleSpec, rng: random.Random) -> tuple[ModuleSpec, str]:
    """Another module's spec whose title is a variant of this one's, and how it varies."""
    how = _pick(MODULE_CHANGES, rng)
    forms = MODULE_FORMS[spec.family]
    if how == "suffix":
        if "{t}" in "".join(forms):
            tools = [t for t in spec.domain.tools if t != spec.tool]
            return dataclasses.replace(spec, tool=rng.choice(tools)), how
        text = f"{spec.title()} {rng.choice(('in', 'with', 'using'))} {spec.tool}"
        return dataclasses.replace(spec, text=text), how
    if how == "reorder" and len(forms) > 1:
        return dataclasses.replace(spec, form=1 - spec.form), how
    return _retyped(spec, how, rng)


def _retyped(spec: Spec, how: str, rng: random.Random) -> tuple[Spec, str]:
    title = spec.title()
    if how == "abbreviation":
        found = [(long, short) for long, short in ABBREVIATIONS if long in title]
        if found:
            long, short = rng.choice(found)
            return dataclasses.replace(spec, text=title.replace(long, short, 1)), how
    return dataclasses.replace(spec, text=typo(title, rng)), "typo"


def typo(title: str, rng: random.Random) -> str:
    """The title with one slip of the fingers in one of its longer words."""
    words = title.split(" ")
    candidates = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 5]
    candidates = candidates or [i for i, w in enumerate(words) if len(w) >= 3]
    if not candidates:
        return title + "s"
    index = rng.choice(candidates)
    word = words[index]
    for _ in range(20):
        at = rng.randrange(1, len(word) - 1)
        slip = rng.choice(("swap", "drop", "double"))
        if slip == "swap" and word[at] != word[at + 1]:
            changed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
        elif slip == "drop":
            changed = word[:at] + word[at + 1 :]
        elif slip == "double":
            changed = word[:at] + word[at] + word[at:]
        else:
            continue
        if changed != word:
            words[index] = changed
            return " ".join(words)
    return title + "s"


def _pick(weights: dict[str, float], rng: random.Random) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]
