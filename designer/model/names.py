"""Finding a program by what a person types: its id, code, title or part of the title."""

from __future__ import annotations

from designer.model.catalog import Catalog
from designer.model.units import Program


class UnknownName(LookupError):
    """No program, or more than one, answers to a name; `candidates` lists the latter."""

    def __init__(self, name: str, candidates: list[Program], all_programs: list[Program]) -> None:
        self.name = name
        self.candidates = candidates
        if candidates:
            listed = "; ".join(_label(p) for p in candidates)
            message = f"{name!r} matches {len(candidates)} programs: {listed}"
        else:
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
