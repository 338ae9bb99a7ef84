"""Copies and near-copies of courses, modules and items that are separate units."""

import itertools

import pytest
from planted import planted_catalog

from designer.model import Catalog, Course, Item, Module, Program, Totals
from designer.model.copying import clone, snippet
from designer.model.edits import Insert, Remove, apply_all
from designer.sharing.blocking import candidate_pairs, title_keys
from designer.sharing.duplicates import find_duplicates, normalize
from designer.sharing.text import TitleWeights, comparable_title

FOUNDATIONS = {
    "foundations-of-coding-full-stack",
    "foundations-of-coding-back-end",
    "foundations-of-coding-front-end",
}


def developer_and_pr_courses(catalog):
    developer = {
        c for p in ("full-stack", "back-end", "front-end") for c in catalog.program(p).course_ids
    }
    return developer, set(catalog.program("pr-communications").course_ids)


def link_copy(catalog, course_id, program_id):
    """A separate copy of a course, with copies of its weeks, at the end of a program."""
    copy, edits = clone(catalog, snippet(catalog, catalog.courses[course_id]))
    program = catalog.program(program_id)
    apply_all(catalog, [*edits, Insert(program, "course_ids", len(program.course_ids), copy.id)])
    return copy


def test_normalize_folds_case_spacing_and_punctuation():
    assert normalize("  Foundations of Coding:  Full-Stack! ") == "foundations of coding full stack"
    assert normalize("Marketing, Communication, and PR") == "marketing communication and pr"
    assert normalize("Café & Crème") == "cafe and creme"
    assert normalize("Review a peer’s work") == normalize("review a PEERS work")
    assert normalize("C# or C++") == "c# or c++"  # languages keep their signs


def test_the_three_foundations_of_coding_courses_are_near_duplicates(sample):
    groups = find_duplicates(sample, Totals(sample))
    near = [g for g in groups if g.kind == "near" and set(g.units) <= FOUNDATIONS]
    pairs = {frozenset(g.units) for g in near}
    assert pairs == {frozenset(p) for p in itertools.combinations(FOUNDATIONS, 2)}
    for group in near:
        assert group.level == "course" and len(group.units) == 2
        assert 0.7 <= group.score <= 1
        assert group.reason.startswith("titles ") and "% alike" in group.reason
        assert "hours 39 vs" in group.reason


def test_no_developer_course_is_taken_for_a_public_relations_course(sample):
    developer, public_relations = developer_and_pr_courses(sample)
    # Even well below the usual threshold: 'Introduction to' is not a reason.
    for group in find_duplicates(sample, Totals(sample), threshold=0.62):
        units = set(group.units)
        assert not (units & developer and units & public_relations), group


def test_titles_that_share_only_generic_words_are_not_duplicates(sample):
    groups = find_duplicates(sample, Totals(sample), threshold=0.5)
    web_and_pr = {"introduction-to-web-development", "introduction-to-public-relations"}
    assert not any(set(g.units) == web_and_pr for g in groups)


def test_the_sample_has_no_other_duplicates(sample):
    groups = find_duplicates(sample, Totals(sample))
    assert {frozenset(g.units) for g in groups} == {
        frozenset(p) for p in itertools.combinations(FOUNDATIONS, 2)
    }


def test_a_course_shared_by_reference_is_one_course_not_duplicates(sample):
    # The C# course is in three programs: one course, never a duplicate of itself.
    for group in find_duplicates(sample, Totals(sample), threshold=0.0):
        assert len(set(group.units)) == len(group.units)
    for group in find_duplicates(sample, Totals(sample)):
        assert "introduction-to-programming-with-csharp" not in group.units


def test_ignored_pairs_are_left_out_in_either_order(sample):
    sample.ignored_duplicates.append(
        ("foundations-of-coding-back-end", "foundations-of-coding-full-stack")
    )
    sample.ignored_duplicates.append(
        ("foundations-of-coding-front-end", "foundations-of-coding-back-end")
    )
    pairs = {frozenset(g.units) for g in find_duplicates(sample, Totals(sample))}
    assert pairs == {
        frozenset({"foundations-of-coding-full-stack", "foundations-of-coding-front-end"})
    }


def test_a_separate_copy_of_a_course_is_identical_and_its_weeks_follow_from_it(sample):
    copy = link_copy(sample, "introduction-to-public-relations", "front-end")
    groups = find_duplicates(sample, Totals(sample))
    identical = [g for g in groups if g.kind == "identical"]
    assert len(identical) == 1
    [group] = identical
    assert group.level == "course"
    assert group.units == ("introduction-to-public-relations", copy.id)
    assert group.score == 1.0
    assert "same title" in group.reason and "26 h" in group.reason
    # Its three weeks and their items are copies too, but that follows from the course.
    assert not any(g.level in ("module", "item") for g in groups)


def test_an_edited_copy_is_a_near_duplicate_not_an_identical_one(sample):
    copy = link_copy(sample, "introduction-to-public-relations", "front-end")
    week = sample.modules[copy.module_ids[0]]
    apply_all(sample, [Remove(week, "items", len(week.items) - 1)])  # one item fewer
    groups = find_duplicates(sample, Totals(sample))
    pair = [g for g in groups if set(g.units) == {"introduction-to-public-relations", copy.id}]
    assert [g.kind for g in pair] == ["near"]
    assert "titles 100 % alike" in pair[0].reason and "3 of 3 outcomes identical" in pair[0].reason
    # The weeks that are still the same are identical copies, reported as modules.
    modules = [g for g in groups if g.level == "module"]
    assert [g.kind for g in modules] == ["identical", "identical", "near"]


def test_a_copied_week_in_another_course_is_an_identical_module(sample):
    copy, edits = clone(sample, snippet(sample, sample.modules["intro-pr-w2"]))
    course = sample.courses["content-development-and-management"]
    apply_all(sample, [*edits, Insert(course, "module_ids", 0, copy.id)])
    groups = find_duplicates(sample, Totals(sample))
    assert [(g.kind, g.level, g.units) for g in groups if g.level != "course"] == [
        ("identical", "module", ("intro-pr-w2", copy.id))
    ]


def test_new_courses_with_empty_weeks_are_no_copies_until_the_weeks_hold_something():
    """Two courses just added, each with an empty "Week 1", were listed as two identical
    weeks and a near-duplicate pair of courses: nothing in them was alike but the title."""
    weeks = [Module(id=f"w{n}", title="Week 1") for n in (1, 2)]
    courses = [
        Course(id="sql", title="SQL basics", module_ids=["w1"]),
        Course(id="python", title="Python basics", module_ids=["w2"]),
    ]
    program = Program(id="p", title="Data Analyst", course_ids=["sql", "python"])
    catalog = Catalog(programs=[program], courses=courses, modules=weeks)
    assert find_duplicates(catalog, Totals(catalog)) == []
    for week in weeks:
        catalog.insert(week, "items", 0, Item(id=f"{week.id}-i1", title="Welcome", minutes=5))
    groups = find_duplicates(catalog, Totals(catalog))
    assert ("identical", "module", ("w1", "w2")) in [(g.kind, g.level, g.units) for g in groups]


def test_a_copied_lesson_is_an_identical_item_but_generic_quizzes_are_not(sample):
    lesson = sample.modules["intro-pr-w1"].items[1]  # "History and models of PR", a reading
    week = sample.modules["csharp-w3"]
    copy = Item(id="copied-lesson", title=lesson.title, kind=lesson.kind, minutes=lesson.minutes)
    typo = Item(id="typo-lesson", title="Histroy and models of PR", kind=lesson.kind, minutes=80)
    apply_all(
        sample,
        [Insert(week, "items", 0, copy), Insert(sample.modules["csharp-w1"], "items", 0, typo)],
    )
    groups = [g for g in find_duplicates(sample, Totals(sample)) if g.level == "item"]
    identical = [g for g in groups if g.kind == "identical"]
    assert [set(g.units) for g in identical] == [{lesson.id, "copied-lesson"}]
    near = [g for g in groups if g.kind == "near"]
    assert {frozenset(g.units) for g in near} == {
        frozenset({lesson.id, "typo-lesson"}),
        frozenset({"copied-lesson", "typo-lesson"}),
    }
    # "Module 1 graded quiz" is in both the C# and the PR course: structure, not content.
    assert all("graded quiz" not in sample.get(u).title for g in groups for u in g.units)


def test_levels_can_be_chosen(sample):
    link_copy(sample, "introduction-to-public-relations", "front-end")
    assert {g.level for g in find_duplicates(sample, Totals(sample), levels=("course",))} == {
        "course"
    }
    assert (
        find_duplicates(sample, Totals(sample), levels=("item",)) != []
    )  # no course to explain them
    with pytest.raises(ValueError):
        find_duplicates(sample, Totals(sample), levels=("program",))


def planted_found(groups, a, b, kind=None):
    return any(a in g.units and b in g.units and (kind is None or g.kind == kind) for g in groups)


@pytest.mark.parametrize("seed", [7, 11])
def test_every_planted_duplicate_is_found_with_few_false_alarms(seed):
    catalog, planted = planted_catalog(seed=seed)
    assert len(catalog.courses) == 200 and len(catalog.modules) == 800
    groups = find_duplicates(catalog, Totals(catalog))
    for level in ("course", "module"):
        for a, b in planted.identical[level]:
            assert planted_found(groups, a, b, "identical"), (level, a, b)
        for a, b in planted.near[level]:
            assert planted_found(groups, a, b, "near"), (
                level,
                catalog.get(a).title,
                catalog.get(b).title,
            )
    known = planted.pairs()
    alarms = [
        g
        for g in groups
        if not any(frozenset(p) in known for p in itertools.combinations(g.units, 2))
    ]
    assert len(alarms) <= 2, alarms
    # The weeks of identical copies follow from their course and are not reported again.
    copied_weeks = {frozenset(p) for p in planted.children}
    for course_a, course_b in planted.identical["course"]:
        weeks = zip(
            catalog.courses[course_a].module_ids, catalog.courses[course_b].module_ids, strict=True
        )
        for pair in weeks:
            assert frozenset(pair) in copied_weeks
            assert not planted_found(groups, *pair)


def test_candidates_come_from_shared_keys_not_from_every_pair():
    catalog, planted = planted_catalog()
    titles = [comparable_title(m.title) for m in catalog.modules.values()]
    weights = TitleWeights(titles)
    pairs = candidate_pairs(titles, [title_keys(t, weights) for t in titles])
    every_pair = len(titles) * (len(titles) - 1) // 2
    assert len(pairs) < every_pair / 20
    position = {m: n for n, m in enumerate(catalog.modules)}
    for a, b in planted.near["module"]:
        assert tuple(sorted((position[a], position[b]))) in pairs
