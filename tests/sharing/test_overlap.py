"""What one certificate keeps of another: shared courses, coverage, containment and ladders."""

import math

import pytest
from hypothesis import given, settings
from report import TABLES
from strategies import catalogs

from benchmarks.generate import generate
from designer.model import Catalog, Course, Module, Program, Settings, Totals
from designer.sharing.overlap import (
    nested_chains,
    overlap,
    overlap_matrix,
    overlaps_with,
    pair_graph,
    sharing_graph,
)

FULL_STACK = dict(TABLES["full-stack"])
BACK_END = dict(TABLES["back-end"])
FRONT_END = dict(TABLES["front-end"])
FULL_HOURS = 422  # 39+30+39+35+43+27+34+39+47+47+37+5
BACK_HOURS = 309
FRONT_HOURS = 212


def titles(catalog, course_ids):
    return [catalog.courses[c].title for c in course_ids]


def test_a_front_end_holder_keeps_csharp_web_development_and_blazor_of_full_stack(sample):
    found = overlap(sample, Totals(sample), "front-end", "full-stack")
    assert titles(sample, found.shared_courses) == [
        "Introduction to Programming With C#",
        "Introduction to Web Development",
        "Blazor for Front-End Development",
    ]
    assert found.shared_modules == ()
    assert found.shared_hours == 30 + 39 + 35 == 104
    assert math.isclose(found.coverage, 104 / FULL_HOURS)
    assert found.relation == "overlaps"  # each has a Foundations course of its own


def test_a_back_end_holder_keeps_seven_courses_of_full_stack(sample):
    found = overlap(sample, Totals(sample), "back-end", "full-stack")
    assert titles(sample, found.shared_courses) == [
        "Introduction to Programming With C#",
        "Back-End Development with .NET",
        "Database Integration and Management",
        "Security and Authentication",
        "Performance Optimization and Scalability",
        "Data Structures and Algorithms",
        "Deployment and DevOps",
    ]
    assert found.shared_hours == 30 + 43 + 27 + 39 + 47 + 47 + 37 == 270
    assert math.isclose(found.coverage, 270 / FULL_HOURS)


def test_the_shared_courses_of_each_pair_follow_the_report_tables(sample):
    matrix = overlap_matrix(sample, Totals(sample))
    tables = {"full-stack": FULL_STACK, "back-end": BACK_END, "front-end": FRONT_END}
    totals_by_hand = {"full-stack": FULL_HOURS, "back-end": BACK_HOURS, "front-end": FRONT_HOURS}
    for source, held in tables.items():
        for target, wanted in tables.items():
            if source == target:
                continue
            found = matrix[(source, target)]
            in_both = [title for title in wanted if title in held]  # the target's order
            assert titles(sample, found.shared_courses) == in_both
            assert found.shared_hours == sum(wanted[t] for t in in_both)
            assert math.isclose(found.coverage, found.shared_hours / totals_by_hand[target])
    # Front-End and Back-End share only the C# course.
    assert matrix[("front-end", "back-end")].shared_hours == 30
    assert math.isclose(matrix[("back-end", "front-end")].coverage, 30 / FRONT_HOURS)


def test_public_relations_shares_nothing_with_the_developer_certificates(sample):
    totals = Totals(sample)
    matrix = overlap_matrix(sample, totals)
    assert len(matrix) == 3 * 2  # only the pairs of developer certificates share something
    for developer in ("full-stack", "back-end", "front-end"):
        for pair in ((developer, "pr-communications"), ("pr-communications", developer)):
            assert pair not in matrix
            found = overlap(sample, totals, *pair)
            assert (found.shared_courses, found.shared_modules) == ((), ())
            assert (found.shared_hours, found.coverage, found.relation) == (0, 0, "none")


def ladder() -> Catalog:
    """A stacking ladder: a micro-credential inside a certificate inside a diploma."""
    modules = [Module(id=f"m{n}", hours=10) for n in range(1, 6)]
    courses = [
        Course(id="c1", hours=20),
        Course(id="c2", hours=30),
        Course(id="c3", hours=40),
        Course(id="c4", module_ids=["m1", "m2", "m3"]),
        Course(id="c5", module_ids=["m1", "m2"]),  # its weeks are c4's
        Course(id="c6", module_ids=["m4", "m5"]),
    ]
    programs = [
        Program(id="micro", course_ids=["c1"]),
        Program(id="certificate", course_ids=["c1", "c2"]),
        Program(id="diploma", course_ids=["c3", "c2", "c1"]),
        Program(id="weeks", course_ids=["c5", "c6"]),
        Program(id="track", course_ids=["c4"]),
        Program(id="twin", course_ids=["c2", "c1"]),
    ]
    return Catalog(Settings(), programs, courses, modules)


def test_containment_and_sameness_are_named():
    catalog = ladder()
    totals = Totals(catalog)
    assert overlap(catalog, totals, "micro", "certificate").relation == "contained in"
    assert overlap(catalog, totals, "diploma", "certificate").relation == "contains"
    assert overlap(catalog, totals, "certificate", "twin").relation == "same"
    found = overlap(catalog, totals, "micro", "diploma")
    assert (found.shared_hours, found.coverage) == (20, 20 / 90)


def test_a_course_shared_only_in_part_counts_its_shared_weeks():
    catalog = ladder()
    totals = Totals(catalog)
    # A 'track' holder has weeks m1 and m2 of 'weeks'' first course (c5 = m1 + m2).
    found = overlap(catalog, totals, "track", "weeks")
    assert found.shared_courses == ()
    assert found.shared_modules == ("m1", "m2")
    assert found.shared_hours == 20
    assert found.coverage == 20 / 40
    # And 'weeks' holds two of the three weeks of 'track''s only course.
    back = overlap(catalog, totals, "weeks", "track")
    assert (back.shared_modules, back.shared_hours, back.relation) == (("m1", "m2"), 20, "overlaps")


def test_nested_programs_make_a_ladder_longest_first():
    catalog = ladder()
    chains = nested_chains(catalog, Totals(catalog))
    assert chains[0] == ["micro", "certificate", "diploma"]
    assert ["micro", "twin", "diploma"] in chains
    assert all(len(chain) >= 2 for chain in chains)


def test_the_sample_has_no_ladder(sample):
    assert nested_chains(sample, Totals(sample)) == []


def test_the_sharing_graph_links_programs_to_the_courses_they_share(sample):
    graph = sharing_graph(sample)
    programs = {n for n, kind in graph.nodes(data="kind") if kind == "program"}
    courses = {n for n, kind in graph.nodes(data="kind") if kind == "course"}
    assert {p for _, p in programs} == {p.id for p in sample.programs}
    in_two = {
        c for p in ("full-stack", "back-end", "front-end") for c in sample.program(p).course_ids
    }
    in_two = {c for c in in_two if len(sample.users(c)) >= 2}
    assert {c for _, c in courses} == in_two
    csharp = ("course", "introduction-to-programming-with-csharp")
    assert graph.nodes[csharp]["label"] == "Introduction to Programming With C#"
    assert {p for _, p in graph.neighbors(csharp)} == {"full-stack", "back-end", "front-end"}
    assert graph.degree(("program", "pr-communications")) == 0


def test_the_graph_around_a_pair_has_what_they_share_and_who_else_shares_it(sample):
    graph = sharing_graph(sample)
    around = pair_graph(graph, ("front-end", "back-end"))
    # Front-End and Back-End share C#, which Full Stack uses too; not Front-End's other
    # shared courses (Web Development, Blazor), which only Full Stack shares with it.
    csharp = ("course", "introduction-to-programming-with-csharp")
    assert {n for n, kind in around.nodes(data="kind") if kind == "course"} == {csharp}
    assert {n for n, kind in around.nodes(data="kind") if kind == "program"} == {
        ("program", p) for p in ("front-end", "back-end", "full-stack")
    }
    assert {frozenset(edge) for edge in around.edges()} <= {frozenset(e) for e in graph.edges()}
    assert around.nodes[("program", "front-end")] == graph.nodes[("program", "front-end")]
    assert pair_graph(graph, None).number_of_nodes() == 0


def test_the_graph_around_a_pair_that_shares_no_course_has_the_two_alone(sample):
    graph = sharing_graph(sample)
    around = pair_graph(graph, ("full-stack", "pr-communications"))
    assert set(around.nodes) == {("program", "full-stack"), ("program", "pr-communications")}
    assert around.number_of_edges() == 0


def shared_by_definition(catalog: Catalog, totals: Totals, source: str, target: str) -> float:
    """Shared hours straight from the definition: whole courses, else the source's weeks."""
    held_courses = set(catalog.program(source).course_ids)
    held_modules = {m for c in held_courses for m in catalog.courses[c].module_ids}
    hours = 0.0
    for course_id in catalog.program(target).course_ids:
        if course_id in held_courses:
            hours += totals.hours(course_id)
        else:
            modules = catalog.courses[course_id].module_ids
            hours += sum(totals.hours(m) for m in modules if m in held_modules)
    return hours


@settings(max_examples=60, deadline=None)
@given(catalogs())
def test_the_matrix_agrees_with_the_definition_for_any_catalog(catalog):
    totals = Totals(catalog)
    matrix = overlap_matrix(catalog, totals)
    ids = [p.id for p in catalog.programs]
    for source, target in [(a, b) for a in ids for b in ids if a != b and (a, b) not in matrix]:
        assert overlap(catalog, totals, source, target).relation == "none"
    for (source, target), found in matrix.items():
        assert found.shared_hours > 0 or found.shared_courses or found.shared_modules
        expected = shared_by_definition(catalog, totals, source, target)
        assert math.isclose(found.shared_hours, expected, abs_tol=1e-6)
        assert found == overlap(catalog, totals, source, target)
        assert 0 <= found.coverage <= 1


@pytest.mark.parametrize("programs", [4, 40])
def test_one_program_s_overlaps_are_its_pairs_of_the_whole_matrix(sample, programs):
    if programs == 4:
        catalog = sample
    else:
        catalog, _ = generate(programs=programs, courses=400, seed=11)
    totals = Totals(catalog)
    matrix = overlap_matrix(catalog, totals)
    for program in catalog.programs:
        expected = {key: found for key, found in matrix.items() if program.id in key}
        assert overlaps_with(catalog, totals, program.id) == expected


@settings(max_examples=40, deadline=None)
@given(catalogs())
def test_any_catalog_s_overlaps_of_one_program_are_its_pairs_of_the_matrix(catalog):
    totals = Totals(catalog)
    matrix = overlap_matrix(catalog, totals)
    for program in catalog.programs:
        expected = {key: found for key, found in matrix.items() if program.id in key}
        assert overlaps_with(catalog, totals, program.id) == expected
