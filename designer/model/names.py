"""Finding a program by what a person types (its id, code, title or part of the title), and
naming programs and courses in lists so that two of the same title can be told apart."""

from __future__ import annotations

from designer.model.catalog import Catalog
from designer.model.units import Course, Program


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
            listed = "; ".join(_label(p) for p in candidates)
            message = f"{name!r} matches {len(candidates)} programs: {listed}"
        elif not message:
            listed = "; ".join(_label(p) for p in all_programs) or "none"
            message = f"no program matches {name!r}; the programs are: {listed}"
        super().__init__(message)


def _label(program: Program) -> str:
    code = f" [{program.code}]" if program.code else ""
    return f"{program.title or program.id}{code} (id {program.id})"


def find_program(catalog: Catalog, name: str) -> Program:
    """Exact id, then exact code or title (any case), then an unambiguous part of the title."""
    wanted = " ".join(name.split()).casefold()
    programs = catalog.programs
    for program in programs:
        if program.id == name:
            return program
    tests = [
        lambda p: p.code.casefold() == wanted,
        lambda p: " ".join(p.title.split()).casefold() == wanted,
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
    return " ".join(title.replace("-", " ").split()).casefold()


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
        raise UnknownName(name, [], programs, message) from None


def distinct_titles(catalog: Catalog) -> dict[str, str]:
    """How a list names each program and course, by id: its title (its id when untitled).

    Where programs, or courses, share a title, each also says what tells it apart from the
    others of that title: its code when no other has it, else (a course) the programs it
    sits in when no other sits in just those, else its id: "Introduction to Python [PY-101]",
    "Introduction to Programming With C# (in MS-BED)", "Foundations (id c-1f2e3d4c)".
    """
    names: dict[str, str] = {}
    same: dict[tuple[type, str], list[Program | Course]] = {}
    units: list[Program | Course] = [*catalog.programs, *catalog.courses.values()]
    for unit in units:
        names[unit.id] = unit.title or unit.id
        if _plain(unit.title):
            same.setdefault((type(unit), _plain(unit.title)), []).append(unit)
    for group in same.values():
        if len(group) < 2:
            continue
        codes = [_plain(unit.code) for unit in group]
        places = [_where(catalog, unit) for unit in group]
        for unit, code, place in zip(group, codes, places, strict=True):
            if code and codes.count(code) == 1:
                names[unit.id] = f"{unit.title} [{unit.code.strip()}]"
            elif place and places.count(place) == 1:
                names[unit.id] = f"{unit.title} (in {place})"
            else:
                names[unit.id] = f"{unit.title} (id {unit.id})"
    return names


def _where(catalog: Catalog, unit: Program | Course) -> str:
    """The programs a course sits in, by code (else title), as a designer calls them."""
    if isinstance(unit, Program):
        return ""
    programs = catalog.programs_using(unit.id)
    return ", ".join(p.code.strip() or p.title or p.id for p in programs)


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()
