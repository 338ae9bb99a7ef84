"""Finding a program by what a person types (its id, code, title or part of the title), and
naming programs and courses in lists so that two of the same title can be told apart."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from designer.model.catalog import Catalog
from designer.model.units import Course, Program

LISTED = 10  # the programs a message lists whole; of more, the closest names only
Named = TypeVar("Named", Program, Course)


class UnknownName(LookupError):
    """No program, or more than one, answers to a name; `candidates` lists the latter."""

    def __init__(
        self,
        name: str,
        candidates: list[Program],
        all_programs: list[Program],
        message: str = "",
    ) -> None:
        self.name = name
        self.candidates = candidates
        if not message and candidates:
            listed = "; ".join(_label(p) for p in candidates[:LISTED])
            more = len(candidates) - LISTED
            listed += f"; and {more} more: say more of the title" if more > 0 else ""
            message = f"{name!r} matches {len(candidates)} programs: {listed}"
        elif not message:
            message = f"no program matches {name!r}; {_programs_like(name, all_programs)}"
        super().__init__(message)


def _programs_like(name: str, programs: list[Program]) -> str:
    """The programs a designer may have meant: all of a few, the closest of many (a
    portfolio's 200 made a message of pages)."""
    if len(programs) <= LISTED:
        return f"the programs are: {'; '.join(_label(p) for p in programs) or 'none'}"
    close = closest(name, programs)
    found = f"the closest: {'; '.join(_label(p) for p in close)}; " if close else ""
    return f"{found}{len(programs)} programs in all"


def closest(name: str, units: Sequence[Named], count: int = 3) -> list[Named]:
    """The units whose title, code or id is most like name (a typing slip), best first."""
    keys: dict[str, Named] = {}
    for unit in units:
        for key in (_plain(unit.title), _plain(unit.code), unit.id):
            if key:
                keys.setdefault(key, unit)
    found = difflib.get_close_matches(_plain(name), keys, n=count * 3, cutoff=0.6)
    units_found: list[Named] = []
    for key in found:
        if all(keys[key] is not unit for unit in units_found):  # a unit once, at its best
            units_found.append(keys[key])
    return units_found[:count]


def _label(program: Program) -> str:
    code = f" [{program.code}]" if program.code else ""
    return f"{program.title or program.id}{code} (id {program.id})"


def find_program(catalog: Catalog, name: str) -> Program:
    """Exact id, then exact code or title (any case), then an unambiguous part of the title."""
    wanted = _plain(name)
    programs = catalog.programs
    for program in programs:
        if program.id == name:
            return program
    tests = [
        lambda p: p.code.casefold() == wanted,
        lambda p: _plain(p.title) == wanted,
        lambda p: _searchable(name) in _searchable(p.title),
    ]
    for test in tests:
        found = [p for p in programs if test(p)]
        if len(found) == 1:
            return found[0]
        if found:
            raise UnknownName(name, found, programs)
    raise UnknownName(name, [], programs)


def _searchable(title: str) -> str:
    # "full stack" should find "Full-Stack" and "Full Stack" alike.
    return _plain(title.replace("-", " "))


def find_program_or_course(catalog: Catalog, name: str) -> Program | Course:
    """A program or a course: an id, a course's exact title (any case), else a program name.

    A course's exact title wins over a program name it is only part of; a program's own
    exact title or code wins over a course of that title.
    """
    unit = catalog.get_or_none(name)
    if isinstance(unit, Program | Course):
        return unit
    wanted = _plain(name)
    courses = [c for c in catalog.courses.values() if _plain(c.title) == wanted]
    programs = catalog.programs
    exact_program = any(wanted in (_plain(p.title), _plain(p.code)) for p in programs)
    if len(courses) == 1 and not exact_program:
        return courses[0]
    try:
        return find_program(catalog, name)
    except UnknownName as error:
        if len(courses) > 1:
            listed = "; ".join(f"{c.title} (id {c.id})" for c in courses)
            message = f"{name!r} matches {len(courses)} courses: {listed}"
            raise UnknownName(name, [], programs, message) from None
        if error.candidates:
            raise
        message = f"{error}; nor is it a course's id or title"
        close = closest(name, list(catalog.courses.values()))
        if close:
            message += f" (the closest courses: {'; '.join(c.title for c in close)})"
        raise UnknownName(name, [], programs, message) from None


def distinct_titles(catalog: Catalog, isolate: bool = False) -> dict[str, str]:
    """How a list names each program and course, by id: its title (its id when untitled).

    Where programs, or courses, share a title, each also says what tells it apart from the
    others of that title: its code when no other has it, else (a course) the programs it
    sits in when no other sits in just those, else its id: "Introduction to Python [PY-101]",
    "Introduction to Programming With C# (in MS-BED)", "Foundations (id c-1f2e3d4c)".

    With `isolate`, for text drawn with the Unicode bidirectional algorithm (a picture, a
    label), each title and program named is isolated (see isolated): the names are put
    among other text, here and where they are used.
    """
    own = isolated if isolate else str
    names: dict[str, str] = {}
    same: dict[tuple[type, str], list[Program | Course]] = {}
    units: list[Program | Course] = [*catalog.programs, *catalog.courses.values()]
    for unit in units:
        names[unit.id] = own(unit.title or unit.id)
        if _plain(unit.title):
            same.setdefault((type(unit), _plain(unit.title)), []).append(unit)
    for group in same.values():
        if len(group) < 2:
            continue
        codes = [_plain(unit.code) for unit in group]
        places = [_where(catalog, unit, own) for unit in group]
        for unit, code, place in zip(group, codes, places, strict=True):
            title = own(unit.title)
            if code and codes.count(code) == 1:
                names[unit.id] = f"{title} [{own(unit.code.strip())}]"
            elif place and places.count(place) == 1:
                names[unit.id] = f"{title} (in {place})"
            else:
                names[unit.id] = f"{title} (id {own(unit.id)})"
    return names


def isolated(name: str) -> str:
    """The name as an isolated run when it has right-to-left letters: otherwise the text
    around it joins its run and is reordered with it (a Hebrew program followed by ", +1"
    showed "1+", an Arabic title's hours moved before it). Names without them are left as
    they are, so that left-to-right text is written as before."""
    if name.isascii() or not any(unicodedata.bidirectional(c) in ("R", "AL") for c in name):
        return name
    return f"\u2068{name}\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


def _where(catalog: Catalog, unit: Program | Course, own: Callable[[str], str] = str) -> str:
    """The programs a course sits in, by code (else title), as a designer calls them."""
    if isinstance(unit, Program):
        return ""
    programs = catalog.programs_using(unit.id)
    return ", ".join(own(p.code.strip() or p.title or p.id) for p in programs)


def _plain(text: str) -> str:
    """As a person compares names: any case and spacing, and an accent typed as a letter
    and a mark ("e" + U+0301) the same as the accented letter."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()
