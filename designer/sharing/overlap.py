"""What programs have in common: shared courses, partly shared courses, containment, ladders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from designer.bulk import bulk
from designer.model.catalog import Catalog
from designer.model.totals import Totals
from designer.progress import Meter, ProgressCallback

SAME = "same"
CONTAINED_IN = "contained in"
CONTAINS = "contains"
OVERLAPS = "overlaps"
NONE = "none"


@dataclass(frozen=True)
class Overlap:
    """How much of the target program a learner who holds the source program already has.

    shared_courses: the target's courses the source uses too, in the target's order.
    shared_modules: modules of the target's other courses that the source also has somewhere.
    shared_hours: their hours; 0 when they have none yet (a new course is shared all the
        same: what is shared is the units, whatever their hours).
    coverage: the share of the target's hours the source has; when the target has no
        hours yet, 1 if the source has all of the target, else 0.
    relation: "same", "contained in" (all of the source is inside the target), "contains"
        (all of the target is inside the source), "overlaps" or "none".
    """

    source: str
    target: str
    shared_courses: tuple[str, ...]
    shared_modules: tuple[str, ...]
    shared_hours: float
    coverage: float
    relation: str


class _Contents:
    """Each program's courses and modules, and the programs each course and module is in."""

    def __init__(self, catalog: Catalog, totals: Totals, program_ids: Iterable[str]) -> None:
        self.courses: dict[str, list[str]] = {}
        self.course_sets: dict[str, set[str]] = {}
        self.module_sets: dict[str, set[str]] = {}
        self.program_hours: dict[str, float] = {}
        self.modules_of: dict[str, list[str]] = {}
        self.hours: dict[str, float] = {}
        self.course_programs: dict[str, list[str]] = {}
        self.module_programs: dict[str, list[str]] = {}
        for program_id in program_ids:
            program = catalog.program(program_id)
            course_ids = program.course_ids
            self.courses[program_id] = course_ids
            self.course_sets[program_id] = set(course_ids)
            self.program_hours[program_id] = totals.hours(program)
            modules: set[str] = set()
            for course_id in course_ids:
                self.course_programs.setdefault(course_id, []).append(program_id)
                module_ids = self.modules_of.get(course_id)
                if module_ids is None:
                    module_ids = self.modules_of[course_id] = catalog.courses[course_id].module_ids
                    self.hours[course_id] = totals.hours(course_id)
                    for module_id in module_ids:
                        if module_id not in self.hours:
                            self.hours[module_id] = totals.hours(module_id)
                for module_id in module_ids:
                    if module_id not in modules:
                        modules.add(module_id)
                        self.module_programs.setdefault(module_id, []).append(program_id)
            self.module_sets[program_id] = modules

    def inside(self, program_id: str, other_id: str) -> bool:
        """Whether every course of the program is in the other, whole or module by module."""
        courses = self.course_sets[other_id]
        modules = self.module_sets[other_id]
        for course_id in self.courses[program_id]:
            if course_id in courses:
                continue
            module_ids = self.modules_of[course_id]
            if not module_ids or any(m not in modules for m in module_ids):
                return False
        return True


class _Shared:
    """What one ordered pair shares, gathered unit by unit from the inverted index."""

    __slots__ = ("courses", "modules", "module_set", "hours")

    def __init__(self) -> None:
        self.courses: list[str] = []
        self.modules: list[str] = []
        self.module_set: set[str] = set()
        self.hours = 0.0


def _gather(contents: _Contents, target_id: str, shared: dict[tuple[str, str], _Shared]) -> None:
    """Add what every other program shares with this target to `shared`, keyed (source, target).

    Only programs that use one of the target's units are visited: the work follows the
    inverted index, never the full contents of every pair.
    """
    course_ids = contents.courses[target_id]
    for course_id in course_ids:
        users = contents.course_programs[course_id]
        if len(users) < 2:
            continue
        hours = contents.hours[course_id]
        for source_id in users:
            if source_id == target_id:
                continue
            entry = shared.get((source_id, target_id))
            if entry is None:
                entry = shared[(source_id, target_id)] = _Shared()
            entry.courses.append(course_id)
            entry.hours += hours
    for course_id in course_ids:
        for module_id in contents.modules_of[course_id]:
            users = contents.module_programs[module_id]
            if len(users) < 2:
                continue
            hours = contents.hours[module_id]
            for source_id in users:
                if source_id == target_id or course_id in contents.course_sets[source_id]:
                    continue
                entry = shared.get((source_id, target_id))
                if entry is None:
                    entry = shared[(source_id, target_id)] = _Shared()
                # A module in two of the target's courses counts in each, as the target does.
                entry.hours += hours
                if module_id not in entry.module_set:
                    entry.module_set.add(module_id)
                    entry.modules.append(module_id)


def _overlap(
    contents: _Contents,
    source_id: str,
    target_id: str,
    entry: _Shared | None,
    reverse: _Shared | None,
) -> Overlap:
    """The pair's figures; `reverse` is what the pair shares seen from the other side."""
    if entry is None:
        return Overlap(source_id, target_id, (), (), 0.0, 0.0, NONE)
    target_hours = contents.program_hours[target_id]
    shared_hours = min(round(entry.hours, 9), target_hours)
    # A program inside another has all of its hours covered, so a shortfall of hours rules
    # containment out at once; only the rare pairs that pass are checked unit by unit.
    source_hours = contents.program_hours[source_id]
    source_covered = reverse.hours if reverse is not None else 0.0
    source_inside = source_covered >= source_hours - 1e-6 and contents.inside(source_id, target_id)
    target_inside = _covers_all(contents, entry, target_id) or (
        entry.hours >= target_hours - 1e-6 and contents.inside(target_id, source_id)
    )
    # A target with no hours yet is covered whole when all of it is shared, else not at all.
    coverage = shared_hours / target_hours if target_hours > 0 else float(target_inside)
    if source_inside and target_inside:
        relation = SAME
    elif source_inside:
        relation = CONTAINED_IN
    elif target_inside:
        relation = CONTAINS
    else:
        relation = OVERLAPS
    return Overlap(
        source_id,
        target_id,
        tuple(entry.courses),
        tuple(entry.modules),
        shared_hours,
        min(coverage, 1.0),
        relation,
    )


def _covers_all(contents: _Contents, entry: _Shared, target_id: str) -> bool:
    return len(entry.courses) == len(contents.courses[target_id])


def overlap(catalog: Catalog, totals: Totals, source_id: str, target_id: str) -> Overlap:
    """What the target has of the source's content: shared courses, then shared modules."""
    contents = _Contents(catalog, totals, dict.fromkeys((source_id, target_id)))
    shared: dict[tuple[str, str], _Shared] = {}
    if source_id != target_id:
        _gather(contents, target_id, shared)
        _gather(contents, source_id, shared)
        key, reverse = (source_id, target_id), (target_id, source_id)
        return _overlap(contents, source_id, target_id, shared.get(key), shared.get(reverse))
    # A program compared with itself shares everything.
    entry = _Shared()
    entry.courses = list(contents.courses[target_id])
    entry.hours = contents.program_hours[target_id]
    return _overlap(contents, source_id, target_id, entry, entry)


@bulk
def overlap_matrix(
    catalog: Catalog, totals: Totals, progress: ProgressCallback | None = None
) -> dict[tuple[str, str], Overlap]:
    """The overlap of every ordered pair of distinct programs that share something.

    Keyed (source, target). Pairs that share no course or module are left out (most pairs
    in a large portfolio): look them up with .get(); overlap() gives their "none" value if
    needed. A pair that shares only units without hours yet is in, with 0 shared hours.

    progress(done, total), if given, is called now and then (see designer.progress): the
    steps are the programs gathered, then the pairs that share something, as many again.
    """
    program_ids = [p.id for p in catalog.programs]
    meter = Meter(progress, 2 * len(program_ids))
    meter.start()
    contents = _Contents(catalog, totals, program_ids)
    shared: dict[tuple[str, str], _Shared] = {}
    meter.part(len(program_ids))
    for target_id in meter.each(program_ids):
        _gather(contents, target_id, shared)
    meter.part(len(program_ids))
    found = {
        key: _overlap(contents, key[0], key[1], entry, shared.get((key[1], key[0])))
        for key, entry in meter.each(shared.items(), len(program_ids))
    }
    meter.finish()
    return found


def overlaps_with(
    catalog: Catalog, totals: Totals, program_id: str
) -> dict[tuple[str, str], Overlap]:
    """The pairs of overlap_matrix that have this program on either side, found from the
    programs that share one of its courses or modules alone (one program's supplement
    needs no more: the whole matrix of 500 programs took a tenth of a second)."""
    program = catalog.program(program_id)
    courses: set[str] = set()
    for course_id in program.course_ids:
        courses.add(course_id)
        for module_id in catalog.courses[course_id].module_ids:
            courses.update(catalog.users(module_id))  # the courses that hold its modules
    near = {user for course_id in courses for user in catalog.users(course_id)}
    program_ids = [p.id for p in catalog.programs if p.id in near or p.id == program_id]
    contents = _Contents(catalog, totals, program_ids)
    shared: dict[tuple[str, str], _Shared] = {}
    for target_id in program_ids:
        _gather(contents, target_id, shared)
    return {
        key: _overlap(contents, key[0], key[1], entry, shared.get((key[1], key[0])))
        for key, entry in shared.items()
        if program_id in key
    }


def in_catalog_order(catalog: Catalog, matrix: dict[tuple[str, str], Overlap]) -> list[Overlap]:
    """The matrix's pairs sorted by source, then target, in the catalog's program order."""
    order = {program.id: n for n, program in enumerate(catalog.programs)}
    return [matrix[key] for key in sorted(matrix, key=lambda k: (order[k[0]], order[k[1]]))]


def sharing_graph(catalog: Catalog) -> nx.Graph:
    """Programs and the courses that two or more of them use, linked where a program uses one.

    Nodes are ("program", id) and ("course", id), with the attributes "kind" and "label"
    (the title, else the id). Every program is a node, even one that shares nothing.
    """
    graph = nx.Graph()
    for program in catalog.programs:
        graph.add_node(("program", program.id), kind="program", label=program.title or program.id)
    for program in catalog.programs:
        for course_id in program.course_ids:
            if len(catalog.users(course_id)) < 2:
                continue
            node = ("course", course_id)
            if node not in graph:
                course = catalog.courses[course_id]
                graph.add_node(node, kind="course", label=course.title or course.id)
            graph.add_edge(("program", program.id), node)
    return graph


def pair_graph(graph: nx.Graph, program_ids: tuple[str, str] | None) -> nx.Graph:
    """The part of a sharing graph around two programs: them, the courses both use, and
    every other program that uses one of those. Two programs that share no course are
    there alone. Empty without a pair."""
    if program_ids is None:
        return nx.Graph()
    programs = [node for node in (("program", p) for p in program_ids) if node in graph]
    courses = set(nx.common_neighbors(graph, *programs)) if len(programs) == 2 else set()
    users = {program for course in courses for program in graph[course]}
    return graph.subgraph([*programs, *courses, *users]).copy()


def nested_chains(catalog: Catalog, totals: Totals) -> list[list[str]]:
    """Stacking ladders: maximal chains of programs, each contained in the next, longest first.

    Programs with the same content are not a ladder, and a chain has at least two programs.
    """
    order = {p.id: n for n, p in enumerate(catalog.programs)}
    inside = nx.DiGraph()
    for (source_id, target_id), found in overlap_matrix(catalog, totals).items():
        if found.relation == CONTAINED_IN:
            inside.add_edge(source_id, target_id)
    if inside.number_of_edges() == 0:
        return []
    # Containment is transitive: keep only the direct steps, so each ladder has every rung.
    steps = nx.transitive_reduction(inside)
    chains: list[list[str]] = []
    starts = sorted((n for n in steps if steps.in_degree(n) == 0), key=order.__getitem__)
    for start in starts:
        stack = [[start]]
        while stack:
            chain = stack.pop()
            following = sorted(steps.successors(chain[-1]), key=order.__getitem__, reverse=True)
            if not following:
                chains.append(chain)
            stack.extend([*chain, n] for n in following)
    chains.sort(key=lambda chain: (-len(chain), [order[p] for p in chain]))
    return chains
