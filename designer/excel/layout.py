"""What every sheet of the workbook agrees on: the catalog exported, names, labels, places.

Export writes cells through these functions, and import reads an edit as a cell that
no longer holds what they would write: the two can never drift apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from designer.bloom import analyze
from designer.excel.cells import cell_text
from designer.excel.sheetnames import SheetNames, clean_sheet_name, short_titles
from designer.model import Bloom, Catalog, ItemKind, Program
from designer.model.units import Course, Module

DATA_SHEET = "_data"
DATA_MARKER = "curriculum-designer workbook"
FIXED_SHEETS = ("Overview", "Outcomes", "Stackability", "Supplement", DATA_SHEET)

# Columns shared by the sheets that import reads back (1-based): the title or text of a
# unit is in B; C holds hours, a Bloom level or an EQF level; D an item's minutes. The one
# exception is a syllabus sheet's first row, the program's title, in A (BANNER_COLUMN).
CODE_COLUMN, TITLE_COLUMN, VALUE_COLUMN, MINUTES_COLUMN = 1, 2, 3, 4
BANNER_COLUMN = 1
HEADER_ROW = 4  # the header row of every table sheet; rows 1-3 are its title block
# In the header row's (hidden) id column of the sheets import reads back.
ID_HEADER = "Curriculum Designer id"
FIRST_ROW = HEADER_ROW + 1

BLOOM_LABELS = {level: level.value.capitalize() for level in Bloom}
KIND_LABELS = {kind: kind.value.replace("_", " ").capitalize() for kind in ItemKind}
ROUNDING_TEXT = {
    "down": "rounded down to whole credits",
    "nearest": "rounded to the nearest whole credit",
    "half": "rounded to the nearest half credit",
}


# The words a cell may name a level by: the level, in any case, or its -ing form, which
# the revised taxonomy is often drawn with ("Applying"), and the British spelling.
_BLOOM_WORDS = {
    **{level.value: level for level in Bloom},
    **{level.value.removesuffix("e") + "ing": level for level in Bloom},
    "analyse": Bloom.ANALYZE,
    "analysing": Bloom.ANALYZE,
}


def bloom_label(level: Bloom | None) -> str:
    return BLOOM_LABELS[level] if level is not None else ""


def bloom_from_label(label: str) -> Bloom | None:
    """A Bloom level from what a cell says ('Apply', 'apply ', '3 Apply', 'Applying'); ''
    is none. Raises ValueError for a cell that names no level, or two ('Understand/Apply':
    taking the first would choose for the designer), saying which level a verb suggests."""
    if not label.strip():
        return None
    words = re.findall(r"[^\W\d_]+", label.casefold())
    levels = list(dict.fromkeys(_BLOOM_WORDS[w] for w in words if w in _BLOOM_WORDS))
    if len(levels) == 1:
        return levels[0]
    names = ", ".join(BLOOM_LABELS.values())
    if levels:
        both = " and ".join(BLOOM_LABELS[level] for level in levels)
        raise ValueError(
            f"Bloom level: {label.strip()!r} names {both}, but an outcome has one level; "
            f"keep the one it reaches"
        )
    message = f"Bloom level must be one of {names}, found {label.strip()!r}"
    advice = analyze(label)
    if advice.verb is not None and advice.level is not None:
        # A verb typed for its level ("Design"): say which level it suggests.
        levels = list(advice.candidates) or [advice.level]
        which = " or ".join(BLOOM_LABELS[level] for level in levels)
        message += f" (the verb “{advice.verb}” suggests {which})"
    raise ValueError(message)


def title_of(unit: Program | Course | Module) -> str:
    return cell_text(unit.title) if unit.title else ""


def number_text(value: float) -> str:
    """A number as a formula writes it: 25, 27.5 (never 25.0, never rounded)."""
    return str(int(value)) if value == int(value) else repr(float(value))


def quoted(sheet: str) -> str:
    """A sheet name as a formula refers to it."""
    return "'" + sheet.replace("'", "''") + "'"


def selected_catalog(catalog: Catalog, program_ids: Iterable[str] | None) -> Catalog:
    """The programs asked for with only the courses, modules and outcomes they use.

    Outcome references to what is left out are dropped, so the result is a valid catalog
    of its own; with no selection the catalog is returned as it is.
    """
    if program_ids is None:
        return catalog
    programs = [catalog.program(i) for i in dict.fromkeys(program_ids)]
    course_ids = {c for p in programs for c in p.course_ids}
    courses = [c for c in catalog.courses.values() if c.id in course_ids]
    module_ids = {m for c in courses for m in c.module_ids}
    modules = [m for m in catalog.modules.values() if m.id in module_ids]
    units: list[Program | Course | Module] = [*programs, *courses, *modules]
    copies = [unit.model_copy(deep=True) for unit in units]
    kept = {o.id for u in copies for o in u.outcomes}
    for unit in copies:
        for outcome in unit.outcomes:
            outcome.supports = [s for s in outcome.supports if s in kept]
        if isinstance(unit, Module):
            for item in unit.items:
                item.outcome_ids = [o for o in item.outcome_ids if o in kept]
    unit_ids = course_ids | module_ids
    ignored = [p for p in catalog.ignored_duplicates if p[0] in unit_ids and p[1] in unit_ids]
    kept_units = unit_ids | {p.id for p in programs}
    silenced = [s for s in catalog.silenced if s.unit in kept_units]
    return Catalog(
        catalog.settings.model_copy(),
        [u for u in copies if isinstance(u, Program)],
        [u for u in copies if isinstance(u, Course)],
        [u for u in copies if isinstance(u, Module)],
        ignored,
        silenced,
    )


@dataclass(frozen=True)
class ProgramSheets:
    syllabus: str
    curriculum_map: str


def program_sheet_names(programs: list[Program]) -> dict[str, ProgramSheets]:
    """Two sheet names per program, from the words that tell its title from the others'.

    Titles that differ only after the 31 characters a name keeps would be told apart by a
    " (2)" alone: those with a code start with it ("DA-H2 Data Analytics").
    """
    names = SheetNames()
    for fixed in FIXED_SHEETS:
        names.take(fixed)
    shorts = short_titles([p.title or p.code or p.id for p in programs])
    cut = [clean_sheet_name(s).casefold() for s in shorts]
    cut_map = [clean_sheet_name(f"Map {s}").casefold() for s in shorts]
    counts = Counter(cut + cut_map)
    shorts = [
        f"{p.code.strip()} {short}" if p.code.strip() and counts[a] + counts[b] > 2 else short
        for p, short, a, b in zip(programs, shorts, cut, cut_map, strict=True)
    ]
    syllabi = {
        p.id: names.take(short, fallback="Program")
        for p, short in zip(programs, shorts, strict=True)
    }
    return {
        p.id: ProgramSheets(syllabi[p.id], names.take(f"Map {short}", fallback="Map"))
        for p, short in zip(programs, shorts, strict=True)
    }


def outcome_refs(catalog: Catalog) -> dict[str, str]:
    """A short reference for every outcome: P1.O2 is program 1's second outcome."""
    refs: dict[str, str] = {}
    levels: list[tuple[str, Iterable[Program | Course | Module]]] = [
        ("P", catalog.programs),
        ("C", catalog.courses.values()),
        ("M", catalog.modules.values()),
    ]
    for letter, units in levels:
        for number, unit in enumerate(units, 1):
            for index, outcome in enumerate(unit.outcomes, 1):
                refs[outcome.id] = f"{letter}{number}.O{index}"
    return refs
