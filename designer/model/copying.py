"""Copies of units with fresh ids: for duplicate, copy and paste, and independent copies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from designer.model.catalog import Catalog, Node, Parent, naming_list
from designer.model.edits import AddUnit, Edit, Insert
from designer.model.units import Course, Item, Module, Outcome, Program, as_data, from_data

KINDS: dict[str, type[Program | Course | Module | Item | Outcome]] = {
    "program": Program,
    "course": Course,
    "module": Module,
    "item": Item,
    "outcome": Outcome,
}

UnitT = TypeVar("UnitT", Course, Module)

# What the ids of new units of each kind start with (Catalog.new_id adds the rest).
ID_PREFIX: dict[type, str] = {Program: "p", Course: "c", Module: "m", Item: "i", Outcome: "o"}


class Snippet(BaseModel):
    """A unit with the courses and modules it uses: what the clipboard carries.

    A course brings its modules; a program its courses and theirs, so that a copy in
    another catalog, where they are missing, can have copies of them.
    """

    model_config = ConfigDict(extra="forbid")

    kind: str
    unit: dict[str, Any]
    courses: list[Course] = []
    modules: list[Module] = []
    cut: bool = False  # cut rather than copied: pasted, it moves (see clone's keep_ids)
    # Of a cut: where the catalog named the outcomes carried, as (id of the outcome or item
    # naming one, its place in that list, the outcome's id). The cut removes those names
    # from the units that stay (a shared module's outcome supporting the cut course's);
    # the paste puts them back.
    named_at: list[tuple[str, int, str]] = []


class Snippets(BaseModel):
    """Several units of one kind, in the tree's order: what the clipboard carries of
    several rows. A format of its own, so that a version that reads one snippet only
    says the clipboard holds nothing for it, rather than pasting the first unit alone."""

    model_config = ConfigDict(extra="forbid")

    snippets: list[Snippet]


def read_snippet(raw: bytes) -> Snippet:
    """A snippet from the bytes another window (or version) wrote; ValueError saying what is
    wrong with them."""
    try:
        source = Snippet.model_validate_json(raw)
    except ValidationError as error:
        raise _said(error) from None
    _check_unit(source)
    return source


def read_snippets(raw: bytes) -> list[Snippet]:
    """The snippets of several rows (see Snippets) from the bytes another window wrote;
    ValueError saying what is wrong with them."""
    try:
        sources = Snippets.model_validate_json(raw).snippets
    except ValidationError as error:
        raise _said(error) from None
    for number, source in enumerate(sources):
        _check_unit(source, f"snippets.{number}.")
    if not sources:
        raise ValueError("snippets: no unit")
    kinds = sorted({source.kind for source in sources})
    if len(kinds) > 1:
        raise ValueError(f"units of several kinds ({', '.join(kinds)}) cannot go to one place")
    return sources


def _check_unit(source: Snippet, where: str = "") -> None:
    """ValueError saying what is wrong with the snippet's unit, if it is not one."""
    if source.kind not in KINDS:
        raise ValueError(f"{where}kind: {source.kind!r} is not a kind of unit")
    try:
        from_data(KINDS[source.kind], source.unit)
    except ValidationError as error:
        raise _said(error, where) from None


def _said(error: ValidationError, where: str = "") -> ValueError:
    """The first problem pydantic found, with where it is."""
    first = error.errors()[0]
    where += ".".join(str(part) for part in first["loc"])
    return ValueError(f"{where}: {first['msg']}" if where else first["msg"])


def snippets(catalog: Catalog, nodes: Sequence[Node], cut: bool = False) -> Snippets:
    """The snippets of several units, each once: an item of a shared module, selected where
    each of the module's courses shows it, is one item, pasted once."""
    unique: dict[str, Node] = {}
    for node in nodes:
        unique.setdefault(node.id, node)
    return Snippets(snippets=[snippet(catalog, node, cut) for node in unique.values()])


def snippet(catalog: Catalog, node: Node, cut: bool = False) -> Snippet:
    kind = next(name for name, cls in KINDS.items() if isinstance(node, cls))
    courses = catalog.courses_of(node) if isinstance(node, Program) else []
    modules = catalog.modules_of(node) if isinstance(node, Course) else []
    for course in courses:
        modules += [m for m in catalog.modules_of(course) if m not in modules]
    named_at = _named_at(catalog, [node, *courses, *modules]) if cut else []
    return Snippet(
        kind=kind, unit=as_data(node), courses=courses, modules=modules, cut=cut, named_at=named_at
    )


def _named_at(catalog: Catalog, units: list[Node]) -> list[tuple[str, int, str]]:
    """Where the catalog names the units' outcomes (see Snippet.named_at)."""
    places = []
    for unit in units:
        for outcome in _with_owned(unit):
            if not isinstance(outcome, Outcome):
                continue
            for user_id in catalog.named_by(outcome.id):
                user = catalog.get(user_id)
                assert isinstance(user, Outcome | Item)
                refs = getattr(user, naming_list(user))
                places.append((user_id, refs.index(outcome.id), outcome.id))
    return places


def clone(
    catalog: Catalog,
    source: Snippet,
    into: tuple[Parent, str, int] | None = None,
    keep_ids: bool = False,
) -> tuple[Node, list[Edit]]:
    """A fresh copy of the snippet's unit for this catalog, and the edits that add it: see
    clone_all, which copies several units together."""
    copies, edits = clone_all(catalog, [source], into, keep_ids)
    return copies[0], edits


def clone_all(
    catalog: Catalog,
    sources: Sequence[Snippet],
    into: tuple[Parent, str, int] | None = None,
    keep_ids: bool = False,
) -> tuple[list[Node], list[Edit]]:
    """Fresh copies of the snippets' units for this catalog, and the edits that add them.

    A course copy gets copies of its modules. A program copy shares the courses it names
    that this catalog has, and gets copies of the others (from another catalog) with their
    modules. Copied together, the units share their copies of what they shared (two
    programs, one copy of the course both name; two courses, one of their module), and
    the outcome alignments between them follow the copies. Alignments pointing outside
    the copies are kept when the outcome exists in this catalog and dropped otherwise.

    into: the parent, its list and the row the first copy goes to, the others following
    it. Given, the edits put them there, before the alignments that name their outcomes
    (a program's must be, since a copied course's outcomes support it); otherwise the
    caller puts them in place.
    keep_ids: units that were cut keep their ids where this catalog has none of them, so
    that pasting them moves them (what named them names them again once Undo brings them
    back). A cut course or module that this catalog still uses is the same unit, shared
    again where it is pasted, and the modules of a cut course that this catalog still has
    are shared, not copied.
    """
    new_ids: dict[str, str] = {}
    taken: set[str] = set()  # the new ids given so far

    def fresh(prefix: str, old_id: str) -> str:
        new_id = old_id if keep_ids and old_id not in catalog else catalog.new_id(prefix)
        while new_id in taken:
            new_id = catalog.new_id(prefix)
        new_ids[old_id] = new_id
        taken.add(new_id)
        return new_id

    roots = [from_data(KINDS[source.kind], source.unit) for source in sources]
    back = [keep_ids and shared_back(catalog, source) for source in sources]
    copied = [
        (root, source)
        for root, source, is_back in zip(roots, sources, back, strict=True)
        if not is_back
    ]
    programs = [root for root, _ in copied if isinstance(root, Program)]
    # The programs' courses this catalog has: shared, not copied.
    here = {i for p in programs for i in p.course_ids if isinstance(catalog.get_or_none(i), Course)}
    courses = _copies(c for _, source in copied for c in source.courses if c.id not in here)
    # Each gets copies of its modules.
    with_modules = [root for root, _ in copied if isinstance(root, Course)] + courses
    used = {i for course in with_modules for i in course.module_ids}
    # A cut course moves: the modules it shares with a course still here stay shared, as a
    # cut course still used here is (copied, the pasted course lost its share of them).
    shared = {i for i in used if keep_ids and isinstance(catalog.get_or_none(i), Module)}
    modules = _copies(m for _, source in copied for m in source.modules if m.id in used - shared)
    parts: list[Node] = [*(root for root, _ in copied), *courses, *modules]
    # First give every copied node its new id, then rewrite the references between them.
    for part in parts:
        for node in _with_owned(part):
            node.id = fresh(ID_PREFIX[type(node)], node.id)
    for course in with_modules:
        course.module_ids = [
            new_ids.get(i, i) for i in course.module_ids if i in new_ids or i in shared
        ]
    for program in programs:
        program.course_ids = [
            new_ids.get(i, i) for i in program.course_ids if i in here or i in new_ids
        ]
    # An outcome of one copied unit can be named by another copied unit (a module's
    # outcome supporting the course's, an item checking a sibling module's outcome). It
    # exists only once its unit is in, so those names are linked after every unit is added.
    part_of = {o.id: part for part in parts for o in _with_owned(part) if isinstance(o, Outcome)}
    later: list[Edit] = []
    for part in parts:
        for node in _with_owned(part):
            if not isinstance(node, Outcome | Item):
                continue
            list_name = naming_list(node)
            refs = _kept(catalog, new_ids, getattr(node, list_name))
            now = [r for r in refs if part_of.get(r, part) is part]
            setattr(node, list_name, now)
            linked_later = [r for r in refs if part_of.get(r, part) is not part]
            for number, ref in enumerate(linked_later):
                later.append(Insert(node, list_name, len(now) + number, ref))
    edits: list[Edit] = [AddUnit(m) for m in modules]
    edits += [AddUnit(c) for c in courses]
    edits += [AddUnit(root) for root, _ in copied if isinstance(root, Course | Module)]
    if into is not None:
        parent, list_name, row = into
        for number, root in enumerate(roots):
            value = root.id if isinstance(root, Course | Module) else root
            edits.append(Insert(parent, list_name, row + number, value))
    roots = [
        catalog.get(root.id) if is_back else root for root, is_back in zip(roots, back, strict=True)
    ]
    return roots, edits + later + _names_back(catalog, sources, new_ids)


def shared_back(catalog: Catalog, source: Snippet) -> bool:
    """Whether the snippet is a course or module cut from one place and still used at
    another: pasted, it is the same unit shared again, not a copy."""
    kind = KINDS.get(source.kind)
    unit = catalog.get_or_none(str(source.unit.get("id", "")))
    return source.cut and kind in (Course, Module) and isinstance(unit, kind)


def _copies(units: Iterable[UnitT]) -> list[UnitT]:
    """A deep copy of each unit, each id once (two programs carry a course both name)."""
    unique: dict[str, UnitT] = {}
    for unit in units:
        unique.setdefault(unit.id, unit)
    return [unit.model_copy(deep=True) for unit in unique.values()]


def _names_back(
    catalog: Catalog, sources: Sequence[Snippet], new_ids: dict[str, str]
) -> list[Edit]:
    """Put back the names of cut units' outcomes that the cut took from units that stayed.

    Only for outcomes pasted with their own ids: the same outcomes back, not copies. A unit
    the paste brings back names them already, as the snippet carries it. Two cut courses
    sharing a module both carry its names: each is put back once.
    """
    edits: list[Edit] = []
    added: dict[str, int] = {}  # names put back so far, by the unit naming them
    named_at = {place for source in sources for place in source.named_at}
    for user_id, index, outcome_id in sorted(named_at):
        user = catalog.get_or_none(user_id)
        if new_ids.get(outcome_id) != outcome_id or not isinstance(user, Outcome | Item):
            continue
        list_name = naming_list(user)
        refs = getattr(user, list_name)
        if outcome_id in refs:
            continue
        length = len(refs) + added.get(user_id, 0)
        edits.append(Insert(user, list_name, min(index, length), outcome_id))
        added[user_id] = added.get(user_id, 0) + 1
    return edits


def _kept(catalog: Catalog, new_ids: dict[str, str], refs: list[str]) -> list[str]:
    kept = []
    for ref in refs:
        if ref in new_ids:
            kept.append(new_ids[ref])
        elif isinstance(catalog.get_or_none(ref), Outcome):
            kept.append(ref)
    return kept


def _with_owned(node: Node) -> list[Node]:
    nodes: list[Node] = [node]
    if not isinstance(node, Item | Outcome):
        nodes.extend(node.outcomes)
    if isinstance(node, Module):
        nodes.extend(node.items)
    return nodes
