"""The curriculum domain: pure Python and pydantic, no Qt."""

from designer.model.catalog import Catalog
from designer.model.names import (
    UnknownName,
    distinct_titles,
    find_program,
    find_program_or_course,
)
from designer.model.totals import Mismatch, ProgramTotals, Totals, format_hours
from designer.model.units import (
    Bloom,
    Course,
    Delivery,
    Item,
    ItemKind,
    Knowledge,
    Module,
    Outcome,
    Pace,
    Program,
    Settings,
    Silence,
)

__all__ = [
    "Bloom",
    "Catalog",
    "Course",
    "Delivery",
    "Item",
    "ItemKind",
    "Knowledge",
    "Mismatch",
    "Module",
    "Outcome",
    "Pace",
    "Program",
    "ProgramTotals",
    "Settings",
    "Silence",
    "Totals",
    "UnknownName",
    "distinct_titles",
    "find_program",
    "find_program_or_course",
    "format_hours",
]
