"""The catalog document: every unit, the references between them, and the edits on them."""

from __future__ import annotations

import secrets
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from operator import attrgetter
from typing import Any

from designer.model.events import Signal
from designer.model.units import Course, Item, Module, Outcome, Program, Settings, Silence

# A list that holds the ids of shared units, by the kind of its owner.
REFERENCE_LISTS: dict[type, tuple[str, type[Course] | type[Module]]] = {
    Program: ("course_ids", Course),
    Course: ("module_ids", Module),
}

Node = Program | Course | Module | Item | Outcome
Users = dict[str, dict[str, None]]  # a unit's id -> the ids referring to it, in order
# The owner of a list; None stands for the catalog's list of programs.
Parent = Program | Course | Module | Item | Outcome | None


class Catalog:
    """Programs, the pool of courses and modules they share, and the catalog settings.

    Edit only through the methods below: they keep the indexes and announce each change.

    Signals:
        field_changed(node, field, old, new): a field other than a list changed.
        inserted(parent, list_name, index): a value was inserted into a list.
        about_to_remove(parent, list_name, index): a value is about to leave a list.
        removed(parent, list_name, index, value): a value was removed from a list.
        moved(parent, list_name, old_index, new_index): a value moved inside a list.
        unit_added(unit) / unit_removed(unit): a course or module joined or left the pool.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        programs: Iterable[Program] = (),
        courses: Iterable[Course] = (),
        modules: Iterable[Module] = (),
        ignored_duplicates: Iterable[tuple[str, str]] = (),
        silenced: Iterable[Silence] = (),
    ) -> None:
        self.settings = settings or Settings()
        # Pairs of unit ids the designer said are not duplicates of each other.
        self.ignored_duplicates: list[tuple[str, str]] = list(ignored_duplicates)
        # Quality rules switched off for a unit, with the designer's reason.
        self.silenced: list[Silence] = list(silenced)
        self.programs: list[Program] = []
        self.courses: dict[str, Course] = {}
        self.modules: dict[str, Module] = {}
        self._nodes: dict[str, Node] = {}
        # Item or outcome -> its owner; None until first asked for (see _owners).
        self._owner: dict[str, Program | Course | Module] | None = None
        # Who refers to a unit, as an ordered set (a dict of None) of ids: a list holds an
        # id at most once, so each referrer counts once.
        self._users: Users = {}  # course or module id -> ids of its parents
        # Outcome id -> ids of the outcomes and items naming it; None until first asked for.
        self._outcome_users: Users | None = None
        # Where the units of a pool (by kind) stand, read when first asked for and kept
        # while units only leave that pool (see pool_index).
        self._places: dict[type, _Places] = {}

        self.field_changed = Signal()
        self.inserted = Signal()
        self.about_to_remove = Signal()
        self.removed = Signal()
        self.moved = Signal()
        self.unit_added = Signal()
        self.unit_removed = Signal()

        self._index_all(list(programs), list(courses), list(modules))

    # ---- lookup -------------------------------------------------------------------------

    def get(self, node_id: str) -> Node:
        return self._nodes[node_id]

    def get_or_none(self, node_id: str) -> Node | None:
        return self._nodes.get(node_id)

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._nodes

    def program(self, program_id: str) -> Program:
        node = self._nodes[program_id]
        if not isinstance(node, Program):
            raise KeyError(program_id)
        return node

    def owner(self, node_id: str) -> Program | Course | Module:
        """The unit an item or an outcome belongs to."""
        return self._owners()[node_id]

    def users(self, unit_id: str) -> list[str]:
        """Ids of the programs (for a course) or courses (for a module) that refer to it."""
        return list(self._users.get(unit_id, ()))

    def named_by(self, outcome_id: str) -> list[str]:
        """Ids of the outcomes (through supports) and items (through outcome_ids) naming it."""
        return list(self._naming().get(outcome_id, ()))

    def courses_of(self, program: Program) -> list[Course]:
        return [self.courses[i] for i in program.course_ids]

    def modules_of(self, course: Course) -> list[Module]:
        return [self.modules[i] for i in course.module_ids]

    def programs_using(self, course_id: str) -> list[Program]:
        users = self._users.get(course_id, {})
        return [p for p in self.programs if p.id in users]

    def walk(self) -> Iterator[Node]:
        """Every program, course, module, item and outcome, each once."""
        return iter(self._nodes.values())

    def new_id(self, prefix: str) -> str:
        while True:
            candidate = f"{prefix}-{secrets.token_hex(4)}"
            if candidate not in self._nodes:
                return candidate

    # ---- edits --------------------------------------------------------------------------

    def set_field(self, node: Node, field: str, value: Any) -> Any:
        """Set one field, validated by the unit's own rules; returns the old value."""
        if isinstance(getattr(node, field), list):
            raise ValueError(f"{field} is a list: use insert, remove and move")
        if field == "id":
            raise ValueError("ids are stable and cannot be edited")
        old = getattr(node, field)
        setattr(node, field, value)  # validates; raises pydantic.ValidationError
        self.field_changed.emit(node, field, old, getattr(node, field))
        return old

    def set_settings(self, field: str, value: Any) -> Any:
        old = getattr(self.settings, field)
        setattr(self.settings, field, value)
        self.field_changed.emit(self.settings, field, old, getattr(self.settings, field))
        return old

    def insert(self, parent: Parent, list_name: str, index: int, value: Any) -> None:
        """Insert into a list: a program, an item or an outcome, or a reference by id."""
        items = self.list_of(parent, list_name)
        index = max(0, min(index, len(items)))
        kind = self._list_kind(parent, list_name)
        if kind is not None and value in items:
            raise ValueError(f"{value} is already in {list_name}")
        if kind is tuple:
            pass  # plain values: nothing to index
        elif kind is str:
            assert parent is not None
            self._check_outcome_ref(parent, value)
            if self._outcome_users is not None:
                self._outcome_users.setdefault(value, {})[parent.id] = None
        elif kind is not None:
            assert parent is not None
            if not isinstance(self._nodes.get(value), kind):
                raise KeyError(f"no {kind.__name__.lower()} with id {value!r}")
            self._users.setdefault(value, {})[parent.id] = None
        else:
            self._register(value)
            if parent is not None:
                self._set_owner(value, parent)
        items.insert(index, value)
        self.inserted.emit(parent, list_name, index)

    def remove(self, parent: Parent, list_name: str, index: int) -> Any:
        """Remove and return the value at index; a course or module stays in the pool."""
        items = self.list_of(parent, list_name)
        value = items[index]
        kind = self._list_kind(parent, list_name)
        if kind is None:
            self._check_can_unregister(value)
        self.about_to_remove.emit(parent, list_name, index)
        if kind is tuple:
            pass
        elif kind is str:
            assert parent is not None
            if self._outcome_users is not None:
                _forget(self._outcome_users, value, parent.id)
        elif kind is not None:
            assert parent is not None
            _forget(self._users, value, parent.id)
        else:
            self._unregister(value)
        del items[index]
        self.removed.emit(parent, list_name, index, value)
        return value

    def move(self, parent: Parent, list_name: str, old_index: int, new_index: int) -> None:
        items = self.list_of(parent, list_name)
        items.insert(new_index, items.pop(old_index))
        self.moved.emit(parent, list_name, old_index, new_index)

    def add_unit(self, unit: Course | Module, index: int | None = None) -> None:
        """Put a course or module into the pool (at index, else last) for others to use."""
        self.add_units([(unit, index)])

    def add_units(
        self, placed: list[tuple[Course | Module, int | None]], in_order: bool = True
    ) -> None:
        """Put courses and modules into the pools, each at its index (else last) as one
        add_unit after another would; all of them or, if one is refused, none.

        Each joins its pool at the end, announced, before the next (those who listen see
        the catalog as one add_unit after another leaves it); then each pool is put in
        order once. Unless in_order, they stay at the end until given to order_pools.
        """
        added: list[Course | Module] = []
        try:
            for unit, _ in placed:
                self._register(unit)
                self._places.pop(type(unit), None)  # a unit arriving moves those after it
                self._pool_of(unit)[unit.id] = unit
                added.append(unit)
                self.unit_added.emit(unit)
        except Exception:
            for unit in reversed(added):
                self._unregister(unit)
                del self._pool_of(unit)[unit.id]
                self.unit_removed.emit(unit)
            raise
        if in_order:
            self.order_pools(placed)

    def order_pools(self, placed: list[tuple[Course | Module, int | None]]) -> None:
        """Put the units add_units left at the end of their pools at their indexes, as one
        add_unit after another would have: an undo puts units back in runs between other
        edits (193 runs for a delete of 529 rows), and ordering the pools once per run
        took a second."""
        if not placed:
            return  # not even a look along the pools
        for kind, pool in ((Course, self.courses), (Module, self.modules)):
            mine = [(unit, index) for unit, index in placed if unit.id in pool]
            if mine:
                self._places.pop(kind, None)
            for unit, _ in mine:
                del pool[unit.id]
            _place(pool, mine)

    def _pool_of(self, unit: Course | Module) -> dict[str, Any]:
        return self.courses if isinstance(unit, Course) else self.modules

    def pool_index(self, unit_id: str) -> int:
        """Where a course or module stands in its pool (an undo puts it back there).

        A delete of 529 rows asks this of 1,600 units, one at a time between other edits,
        in pools of 25,000: looked for along the pool each time, that was a second. The
        pool is read once instead, and kept while units only leave it.
        """
        pool: dict[str, Any]
        kind, pool = (Course, self.courses) if unit_id in self.courses else (Module, self.modules)
        places = self._places.get(kind)
        if places is None:
            places = self._places[kind] = _Places(pool)
        return places.index(unit_id)

    def remove_unit(self, unit_id: str) -> Course | Module:
        """Take an unreferenced course or module out of the pool."""
        if self._users.get(unit_id):
            raise ValueError(f"{unit_id} is still used by {', '.join(self.users(unit_id))}")
        unit = self._nodes[unit_id]
        if not isinstance(unit, Course | Module):
            raise KeyError(unit_id)
        self._check_can_unregister(unit)
        self._unregister(unit)
        del self._pool_of(unit)[unit_id]
        places = self._places.get(type(unit))
        if places is not None:
            places.leave(unit_id)
        self.unit_removed.emit(unit)
        return unit

    # ---- indexes ------------------------------------------------------------------------

    def list_of(self, parent: Parent, list_name: str) -> list[Any]:
        """The list an edit works on: a unit's list, or the catalog's own (parent None)."""
        if parent is None:
            if list_name == "ignored_duplicates":
                return self.ignored_duplicates
            if list_name == "silenced":
                return self.silenced
            if list_name != "programs":
                raise ValueError(f"the catalog has no list {list_name!r}")
            return self.programs
        items = getattr(parent, list_name)
        if not isinstance(items, list):
            raise ValueError(f"{list_name} is not a list")
        return items

    @staticmethod
    def _list_kind(parent: Parent, list_name: str) -> type | None:
        """What a list's ids refer to (a unit class, or str for outcomes); None: it owns.

        tuple: the list holds plain values (pairs of ids) that are neither.
        """
        if list_name in ("ignored_duplicates", "silenced"):
            return tuple
        if list_name in ("supports", "outcome_ids"):
            return str
        if parent is not None and list_name in ("course_ids", "module_ids"):
            return REFERENCE_LISTS[type(parent)][1]
        return None

    def _register(self, node: Node) -> None:
        """Index a new node with what it owns; refuse duplicate ids and missing references."""
        arriving = [node, *_owned(node)]
        for each in arriving:
            if each.id in self._nodes:
                raise ValueError(f"id {each.id!r} is already used")
        if isinstance(node, Program | Course):
            list_name, kind = REFERENCE_LISTS[type(node)]
            for child_id in getattr(node, list_name):
                if not isinstance(self._nodes.get(child_id), kind):
                    raise KeyError(f"{node.id} refers to a missing {kind.__name__}: {child_id}")
        new_outcomes = {each.id for each in arriving if isinstance(each, Outcome)}
        for each in arriving:
            for ref in _outcome_refs(each):
                if ref not in new_outcomes:
                    self._check_outcome_ref(each, ref)
        for each in arriving:
            self._nodes[each.id] = each
            if each is not node:
                self._set_owner(each, node)
            for list_name, users in self._reference_lists(each):
                for ref in getattr(each, list_name):
                    users.setdefault(ref, {})[each.id] = None

    def _index_all(
        self, programs: list[Program], courses: list[Course], modules: list[Module]
    ) -> None:
        """Index a whole catalog at once; refuse what _register and insert would refuse.

        A large catalog is hundreds of thousands of nodes, read here in one pass, unit by
        unit with what it owns: that is the order in which a file's units were made, so
        each node is read beside the last (a pass per kind of node took half as long
        again). The indexes that only some views need (owners, who names an outcome) are
        built when first asked for.
        """
        nodes: dict[str, Node] = {}
        get = nodes.get
        count = 0
        # Outcomes and items naming an outcome not yet indexed when they were read: checked
        # again once all are. Programs come first, since an outcome supports those of the
        # level above, and an item's outcomes are mostly its module's.
        unsure: list[Outcome | Item] = []
        units: list[Program | Course | Module] = [*programs, *courses, *modules]
        self.programs = programs
        self.courses = {}
        self.modules = {}
        for unit in units:
            nodes[unit.id] = unit
            for outcome in unit.outcomes:
                nodes[outcome.id] = outcome
                if outcome.supports:
                    if outcome.id in outcome.supports:
                        raise ValueError(f"outcome {outcome.id} supports itself")
                    _check_once_each(outcome, outcome.supports)
                    for ref in outcome.supports:
                        if type(get(ref)) is not Outcome:
                            unsure.append(outcome)
                            break
            count += 1 + len(unit.outcomes)
            if isinstance(unit, Module):
                self.modules[unit.id] = unit
                for item in unit.items:
                    nodes[item.id] = item
                    if item.outcome_ids:
                        _check_once_each(item, item.outcome_ids)
                        for ref in item.outcome_ids:
                            if type(get(ref)) is not Outcome:
                                unsure.append(item)
                                break
                count += len(unit.items)
            elif isinstance(unit, Course):
                self.courses[unit.id] = unit
        if len(nodes) != count:
            ids = [node.id for unit in units for node in [unit, *_owned(unit)]]
            repeated = next(i for i, n in Counter(ids).items() if n > 1)
            raise ValueError(f"id {repeated!r} is already used")
        self._nodes = nodes
        for node in unsure:
            for ref in _outcome_refs(node):
                self._check_outcome_ref(node, ref)

        # Counted apart, so that each id is checked for its kind where named: a course named
        # among a course's modules is refused even though programs name it.
        course_users = _referrers(programs, "course_ids")
        module_users = _referrers(courses, "module_ids")
        for users, kind in ((course_users, Course), (module_users, Module)):
            for ref, referrers in users.items():
                if not isinstance(nodes.get(ref), kind):
                    user_id = next(iter(referrers))
                    raise KeyError(f"{user_id} refers to a missing {kind.__name__}: {ref}")
        self._users = course_users | module_users

    def _check_outcome_ref(self, node: Node, outcome_id: str) -> None:
        if not isinstance(self._nodes.get(outcome_id), Outcome):
            raise KeyError(f"{node.id} refers to a missing outcome: {outcome_id}")

    def _check_can_unregister(self, node: Node) -> None:
        """Refuse to drop outcomes that others still name: that would leave them dangling."""
        leaving = [node, *_owned(node)]
        leaving_ids = {each.id for each in leaving}
        for each in leaving:
            if isinstance(each, Outcome):
                named_by = set(self._naming().get(each.id, ())) - leaving_ids
                if named_by:
                    raise ValueError(
                        f"outcome {each.id} is still named by {', '.join(sorted(named_by))}"
                    )

    def _unregister(self, node: Node) -> None:
        """Drop a node and what it owns (checked by _check_can_unregister first)."""
        for each in [node, *_owned(node)]:
            for list_name, users in self._reference_lists(each):
                for ref in getattr(each, list_name):
                    _forget(users, ref, each.id)
            del self._nodes[each.id]
            if self._owner is not None:
                self._owner.pop(each.id, None)

    def _reference_lists(self, node: Node) -> list[tuple[str, Users]]:
        if isinstance(node, Program):
            return [("course_ids", self._users)]
        if isinstance(node, Course):
            return [("module_ids", self._users)]
        if self._outcome_users is None:
            return []  # built from the nodes when first asked for
        if isinstance(node, Outcome):
            return [("supports", self._outcome_users)]
        if isinstance(node, Item):
            return [("outcome_ids", self._outcome_users)]
        return []

    def _set_owner(self, node: Node, owner: Node) -> None:
        owned = isinstance(node, Item | Outcome) and isinstance(owner, Program | Course | Module)
        if owned and self._owner is not None:
            self._owner[node.id] = owner  # type: ignore[assignment]  # narrowed just above

    def _owners(self) -> dict[str, Program | Course | Module]:
        """Item or outcome id -> its owner, built when first asked for, then kept."""
        if self._owner is None:
            get_id = attrgetter("id")
            owners: dict[str, Program | Course | Module] = {}
            units: Iterable[Program | Course | Module]
            units = chain(self.modules.values(), self.courses.values(), self.programs)
            for unit in units:
                owners.update(dict.fromkeys(map(get_id, _owned(unit)), unit))
            self._owner = owners
        return self._owner

    def _naming(self) -> Users:
        """Outcome id -> the outcomes and items naming it, built when first asked for."""
        if self._outcome_users is None:
            naming: Users = {}
            for node in self._nodes.values():
                for ref in _outcome_refs(node):
                    naming.setdefault(ref, {})[node.id] = None
            self._outcome_users = naming
        return self._outcome_users


def _owned(node: Node) -> list[Item | Outcome]:
    owned: list[Item | Outcome] = []
    if not isinstance(node, Item | Outcome):
        owned.extend(node.outcomes)
    if isinstance(node, Module):
        owned.extend(node.items)
    return owned


def naming_list(node: Outcome | Item) -> str:
    """The list in which an outcome or an item names outcomes: the outcome's supports, the
    item's outcome_ids (the outcomes it checks)."""
    return "supports" if isinstance(node, Outcome) else "outcome_ids"


def _outcome_refs(node: Node) -> list[str]:
    if isinstance(node, Outcome):
        return node.supports
    if isinstance(node, Item):
        return node.outcome_ids
    return []


def _check_once_each(node: Outcome | Item, refs: list[str]) -> None:
    """Refuse a list of supports or outcome_ids that names an outcome twice."""
    repeated = _repeated(refs)
    if repeated is not None:
        raise ValueError(f"{node.id}'s {naming_list(node)} names {repeated} twice")


def _repeated(refs: list[str]) -> str | None:
    """The first id that a list names more than once, if any."""
    if len(refs) < 2 or len(set(refs)) == len(refs):
        return None
    return next(ref for ref in refs if refs.count(ref) > 1)


def _referrers(units: list[Program] | list[Course], list_name: str) -> Users:
    """Each id named in these units' lists -> the units naming it; refuse a list naming
    one twice."""
    users: Users = {}
    for unit in units:
        refs: list[str] = getattr(unit, list_name)
        for ref in refs:
            users.setdefault(ref, {})[unit.id] = None
        repeated = _repeated(refs)
        if repeated is not None:
            raise ValueError(f"{unit.id} lists {repeated} more than once")
    return users


class _Places:
    """Where each unit of a pool stands, read in one look along the pool and right for as
    long as units only leave it: a unit's index is where it stood, less the number of
    those before it that left since."""

    def __init__(self, pool: dict[str, Any]) -> None:
        self._start = dict(zip(pool, range(len(pool)), strict=True))
        self._gone: list[int] = []  # where the units that left stood, in order

    def index(self, unit_id: str) -> int:
        start = self._start.get(unit_id)
        if start is None:
            raise ValueError(f"{unit_id} is in no pool")
        return start - bisect_left(self._gone, start)

    def leave(self, unit_id: str) -> None:
        insort(self._gone, self._start.pop(unit_id))


def _place(pool: dict[str, Any], placed: list[tuple[Any, int | None]]) -> None:
    """Insert units into a pool one after another, each at its index (None or past the end:
    last). The pool's order is the file's order: undoing a removal puts a unit back in
    place. The entries after the first place are taken out and put back behind the new
    ones once: once for each unit, undoing a program's deletion (tens of units, early in
    pools of 25,000) took 100-150 ms."""
    start = min([len(pool)] + [i for _, i in placed if i is not None])
    after = list(islice(pool.items(), start, None))
    for key, _ in after:
        del pool[key]
    for unit, index in placed:
        if index is None or index - start >= len(after):
            after.append((unit.id, unit))
        else:
            after.insert(index - start, (unit.id, unit))
    pool.update(after)


def _forget(users: Users, ref: str, user_id: str) -> None:
    referrers = users.get(ref, {})
    referrers.pop(user_id, None)
    if not referrers:
        users.pop(ref, None)
