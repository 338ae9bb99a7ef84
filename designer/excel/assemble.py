"""Assembling a new catalog from parsed tables: readable ids and shared courses.

A course that several tables list with the same title and content becomes one course.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from designer.errors import Problem
from designer.model import Bloom, Catalog, Course, Item, ItemKind, Module, Outcome, Program


@dataclass
class ParsedItem:
    title: str
    kind: ItemKind
    graded: bool
    minutes: float


@dataclass
class ParsedUnit:
    """A parsed course or module: what the sheet says about it."""

    title: str
    where: str
    row: int
    hours: float | None = None
    outcomes: list[tuple[str, Bloom | None]] = field(default_factory=list)
    modules: list[ParsedUnit] = field(default_factory=list)
    items: list[ParsedItem] = field(default_factory=list)

    def counted_hours(self) -> float:
        """As the model counts: the parts when there are any, else the declared hours."""
        if self.modules:
            return sum(m.counted_hours() for m in self.modules)
        if self.items:
            return sum(i.minutes for i in self.items) / 60
        return self.hours or 0

    def signature(self) -> tuple[Any, ...]:
        return (
            " ".join(self.title.split()).casefold(),
            self.hours,
            tuple(self.outcomes),
            tuple(m.signature() for m in self.modules),
            tuple((i.title, i.kind, i.graded, i.minutes) for i in self.items),
        )


@dataclass
class ParsedTable:
    sheet: str
    title: str
    courses: list[ParsedUnit]


def assemble(tables: list[ParsedTable], problems: list[Problem]) -> Catalog | None:
    ids = _Ids()
    programs: list[Program] = []
    courses: dict[tuple[Any, ...], Course] = {}
    modules: list[Module] = []
    for table in tables:
        program = Program(id=ids.new(table.title, "program"), title=table.title)
        for parsed in table.courses:
            key = parsed.signature()
            course = courses.get(key)
            if course is None:
                course = courses[key] = _course(parsed, ids, modules)
            if course.id in program.course_ids:
                message = f"the course {parsed.title!r} is listed twice in this program"
                problems.append(Problem(parsed.where, message))
                continue
            program.course_ids.append(course.id)
        programs.append(program)
    if problems:
        return None
    return Catalog(None, programs, list(courses.values()), modules)


def _course(parsed: ParsedUnit, ids: _Ids, modules: list[Module]) -> Course:
    course_id = ids.new(parsed.title, "course")
    course = Course(
        id=course_id,
        title=parsed.title,
        hours=parsed.hours,
        outcomes=_outcomes(course_id, parsed.outcomes, ids),
    )
    for each in parsed.modules:
        module_id = ids.new(each.title, "module")
        module = Module(
            id=module_id,
            title=each.title,
            hours=each.hours,
            outcomes=_outcomes(module_id, each.outcomes, ids),
            items=[
                Item(
                    id=ids.new(f"{module_id}-i{n}", "item"),
                    title=item.title,
                    kind=item.kind,
                    graded=item.graded,
                    minutes=item.minutes,
                )
                for n, item in enumerate(each.items, 1)
            ],
        )
        modules.append(module)
        course.module_ids.append(module_id)
    return course


def _outcomes(owner_id: str, parsed: list[tuple[str, Bloom | None]], ids: _Ids) -> list[Outcome]:
    return [
        Outcome(id=ids.new(f"{owner_id}-o{n}", "outcome"), text=text, bloom=level)
        for n, (text, level) in enumerate(parsed, 1)
    ]


class _Ids:
    """Readable ids from titles ('Introduction to C#' -> introduction-to-csharp), unique."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def new(self, title: str, fallback: str) -> str:
        base = _slug(title)
        if len(base) > 60:  # cut at a word
            base = base[:61].rsplit("-", 1)[0]
        base = base.strip("-") or fallback
        candidate, number = base, 1
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self.taken.add(candidate)
        return candidate


_REPLACEMENTS = [
    (r"#", "sharp"),
    (r"\+", "plus"),
    (r"&", " and "),
    (r"(?<![a-z0-9])\.(?=[a-z])", "dot"),
]


def _slug(title: str) -> str:
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    for pattern, replacement in _REPLACEMENTS:
        text = re.sub(pattern, replacement, text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
