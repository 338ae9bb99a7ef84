"""Merging duplicates into one shared unit: previewed, alignments kept, undone byte for byte."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import catalogs

from designer.model import Course, Outcome, Program, Silence, Totals
from designer.model.copying import clone, snippet
from designer.model.edits import AddUnit, Insert, apply_all, plan_delete
from designer.sharing.merge import plan_merge, preview_merge
from designer.storage import dumps

CSHARP = "introduction-to-programming-with-csharp"
PR_INTRO = "introduction-to-public-relations"


def link_copy(catalog, course_id, program_id):
    copy, edits = clone(catalog, snippet(catalog, catalog.courses[course_id]))
    program = catalog.program(program_id)
    apply_all(catalog, [*edits, Insert(program, "course_ids", len(program.course_ids), copy.id)])
    return copy


def merged_and_undone(catalog, survivor, others):
    """Apply the merge, return the inverses; the caller checks the state in between."""
    return apply_all(catalog, plan_merge(catalog, survivor, others))


def test_the_preview_lists_what_differs(sample):
    preview = preview_merge(
        sample,
        "foundations-of-coding-full-stack",
        ["foundations-of-coding-back-end", "foundations-of-coding-front-end"],
    )
    assert preview.survivor == "foundations-of-coding-full-stack"
    assert preview.merged == ("foundations-of-coding-back-end", "foundations-of-coding-front-end")
    text = "\n".join(preview.differences)
    assert "“Foundations of Coding Back-End”" in text and "title differs" in text
    assert "42 h, the survivor 39 h" in text  # only Front-End's hours differ
    assert sum("h, the survivor" in line for line in preview.differences) == 1
    assert preview.dropped_alignments == ()


def test_merging_an_identical_copy_leaves_one_shared_course_and_the_same_totals(sample):
    copy = link_copy(sample, PR_INTRO, "front-end")
    sample.ignored_duplicates.append((copy.id, "foundations-of-coding-front-end"))
    own = list(sample.silenced)  # the sample's, with the accreditation's reasons
    sample.silenced.append(Silence(rule="structure.module-count", unit=copy.id, reason="Short."))
    totals = Totals(sample)
    hours = {p.id: totals.hours(p) for p in sample.programs}
    before = dumps(sample)
    assert preview_merge(sample, PR_INTRO, [copy.id]).differences == ()

    inverses = merged_and_undone(sample, PR_INTRO, [copy.id])
    assert sorted(sample.users(PR_INTRO)) == ["front-end", "pr-communications"]
    assert sample.program("front-end").course_ids[-1] == PR_INTRO  # at the copy's place
    assert copy.id not in sample and not any(m in sample for m in copy.module_ids)
    assert {p.id: totals.hours(p) for p in sample.programs} == hours
    assert sample.ignored_duplicates == []  # the pair named a course that is gone
    assert sample.silenced == own  # and so did the silenced rule
    # The original's alignments are untouched.
    assert sample.courses[PR_INTRO].outcomes[0].supports == ["pr-communications-o1"]

    apply_all(sample, inverses)
    assert dumps(sample) == before


def test_mentions_of_merged_outcomes_move_to_the_survivors_outcome_with_that_text(sample):
    # A twin of the C# course on the same weeks: its outcomes say the same, plus one more.
    csharp = sample.courses[CSHARP]
    twin = Course(
        id="csharp-twin",
        title="Programming in C#",
        module_ids=list(csharp.module_ids),
        outcomes=[
            Outcome(
                id="twin-o1",
                text=csharp.outcomes[0].text.upper(),
                supports=["pr-communications-o2"],
            ),
            Outcome(id="twin-o2", text="Ship a console app to a package registry."),
        ],
    )
    program = Program(id="bridge", title="Bridge", course_ids=[])
    w1, w3 = sample.modules["csharp-w1"], sample.modules["csharp-w3"]
    apply_all(
        sample,
        [
            AddUnit(twin),
            Insert(None, "programs", len(sample.programs), program),
            Insert(program, "course_ids", 0, "csharp-twin"),
            Insert(w1.outcomes[0], "supports", 1, "twin-o1"),  # also supports the C# twin
            Insert(w3.outcomes[0], "supports", 0, "twin-o2"),  # matched by nothing in C#
        ],
    )
    before = dumps(sample)
    preview = preview_merge(sample, CSHARP, ["csharp-twin"])
    assert any("Ship a console app" in line for line in preview.differences)
    assert len(preview.dropped_alignments) == 1
    assert "Ship a console app" in preview.dropped_alignments[0]
    assert w3.outcomes[0].text in preview.dropped_alignments[0]

    inverses = merged_and_undone(sample, CSHARP, ["csharp-twin"])
    assert program.course_ids == [CSHARP]
    assert w1.outcomes[0].supports == ["csharp-o1"]  # the twin's outcome was the same one
    assert w3.outcomes[0].supports == ["csharp-o2"]  # the unmatched mention is dropped
    # What the twin's outcome supported, the survivor's outcome supports now.
    assert csharp.outcomes[0].supports == [
        "full-stack-o1",
        "back-end-o1",
        "front-end-o1",
        "pr-communications-o2",
    ]
    assert all(m in sample for m in csharp.module_ids)  # the weeks stay: C# uses them

    apply_all(sample, inverses)
    assert dumps(sample) == before


def test_merging_copied_weeks_makes_both_courses_share_the_weeks(sample):
    copy = link_copy(sample, CSHARP, "pr-communications")
    totals = Totals(sample)
    hours = {p.id: totals.hours(p) for p in sample.programs}
    before = dumps(sample)
    copied_weeks = list(copy.module_ids)
    inverses = []
    # Each plan is made for the catalog as it is: each merge is applied before the next.
    for original, week in zip(sample.courses[CSHARP].module_ids, copied_weeks, strict=True):
        inverses = apply_all(sample, plan_merge(sample, original, [week])) + inverses
    assert copy.module_ids == sample.courses[CSHARP].module_ids
    assert sorted(sample.users("csharp-w1")) == sorted([CSHARP, copy.id])
    assert not any(w in sample for w in copied_weeks)
    assert {p.id: totals.hours(p) for p in sample.programs} == hours
    # The copied weeks' outcomes supported the copy's outcomes; the survivors' now do too.
    w1 = sample.modules["csharp-w1"]
    assert w1.outcomes[0].supports[0] == "csharp-o1"
    assert any(s.startswith("o-") for s in w1.outcomes[0].supports)
    apply_all(sample, inverses)
    assert dumps(sample) == before


def test_a_week_shared_by_the_same_course_twice_is_dropped_not_doubled(sample):
    copy, edits = clone(sample, snippet(sample, sample.modules["csharp-w2"]))
    course = sample.courses[CSHARP]
    apply_all(sample, [*edits, Insert(course, "module_ids", 3, copy.id)])
    before = dumps(sample)
    inverses = merged_and_undone(sample, "csharp-w2", [copy.id])
    assert course.module_ids == ["csharp-w1", "csharp-w2", "csharp-w3"]
    apply_all(sample, inverses)
    assert dumps(sample) == before


def test_what_cannot_be_merged_is_refused(sample):
    with pytest.raises(ValueError, match="items"):
        plan_merge(sample, "csharp-w1-i1", ["csharp-w2-i1"])
    with pytest.raises(ValueError):
        plan_merge(sample, CSHARP, ["csharp-w1"])  # a course and a module
    with pytest.raises(ValueError):
        plan_merge(sample, CSHARP, [CSHARP])
    with pytest.raises(ValueError):
        plan_merge(sample, CSHARP, [])
    with pytest.raises(ValueError):
        plan_merge(sample, "full-stack", ["back-end"])
    with pytest.raises(KeyError):
        plan_merge(sample, CSHARP, ["no-such-course"])


@settings(max_examples=80, deadline=None)
@given(catalogs(), st.data())
def test_any_merge_followed_by_its_undo_restores_the_file(catalog, data):
    kind = data.draw(st.sampled_from(["courses", "modules"]))
    pool = list(getattr(catalog, kind))
    if len(pool) < 2:
        return
    chosen = data.draw(st.lists(st.sampled_from(pool), min_size=2, max_size=3, unique=True))
    survivor, others = chosen[0], chosen[1:]
    users = {u for o in others for u in catalog.users(o)}
    before = dumps(catalog)
    inverses = apply_all(catalog, plan_merge(catalog, survivor, others))
    assert not any(o in catalog for o in others)
    for user in users:
        listed = getattr(catalog.get(user), "course_ids" if kind == "courses" else "module_ids")
        assert survivor in listed and not set(others) & set(listed)
    apply_all(catalog, inverses)
    assert dumps(catalog) == before


def test_the_preview_names_the_code_and_description_that_would_go(sample):
    full_stack = sample.courses["foundations-of-coding-full-stack"]
    sample.set_field(full_stack, "description", "Variables, loops and functions in C#.")
    preview = preview_merge(sample, "foundations-of-coding-back-end", [full_stack.id])
    text = "\n".join(preview.differences)
    assert "code “MS-FSD-01”, the survivor “MS-BED-01”" in text
    assert "its description “Variables, loops and functions in C#.” is not kept" in text


def test_a_program_with_both_units_keeps_the_survivor_at_the_earlier_place(sample):
    full_stack = sample.program("full-stack")
    back_end_foundations = "foundations-of-coding-back-end"
    apply_all(sample, [Insert(full_stack, "course_ids", 12, back_end_foundations)])  # last
    before = dumps(sample)
    order = list(full_stack.course_ids)
    inverses = merged_and_undone(sample, back_end_foundations, ["foundations-of-coding-full-stack"])
    # The survivor is first, where the merged course was; the capstone stays last.
    assert full_stack.course_ids == [back_end_foundations, *order[1:-1]]
    apply_all(sample, inverses)
    assert dumps(sample) == before


def test_deleting_a_copy_forgets_the_pairs_and_rules_that_name_it_and_undo_brings_them(sample):
    # Left in the file, they were counted ("1 silenced") and listed for a unit that is gone.
    copy = link_copy(sample, PR_INTRO, "front-end")
    sample.ignored_duplicates.append((copy.id, PR_INTRO))
    module = sample.modules[copy.module_ids[0]]
    own = list(sample.silenced)  # the sample's, with the accreditation's reasons
    sample.silenced.append(Silence(rule="structure.items", unit=module.id, reason="Short."))
    before = dumps(sample)
    front_end = sample.program("front-end")
    edits = plan_delete(sample, front_end, "course_ids", front_end.course_ids.index(copy.id))
    inverses = apply_all(sample, edits)
    assert copy.id not in sample and module.id not in sample
    assert sample.ignored_duplicates == [] and sample.silenced == own
    apply_all(sample, inverses)
    assert dumps(sample) == before
