"""Copies of the sample's units, edited as a designer edits a copy: near-duplicates to find,
score and merge."""

from designer.model.copying import clone, snippet
from designer.model.edits import Insert, Move, Remove, SetField, apply_all

CSHARP = "introduction-to-programming-with-csharp"


def copy_of(catalog, node):
    copy, edits = clone(catalog, snippet(catalog, node))
    apply_all(catalog, edits)
    return copy


def course_copy_in_front_end(catalog):
    """A copy of the C# course, on copies of its weeks, in place of the original in Front-End:
    its Week 1 has an item of other minutes, its Week 2 items in another order, and its
    Week 3 an outcome of other words."""
    copy = copy_of(catalog, catalog.courses[CSHARP])
    front = catalog.program("front-end")
    at = front.course_ids.index(CSHARP)
    week1, week2, week3 = catalog.modules_of(copy)
    apply_all(
        catalog,
        [
            Insert(front, "course_ids", at, copy.id),
            Remove(front, "course_ids", at + 1),
            SetField(week1.items[2], "minutes", week1.items[2].minutes + 5),
            Move(week2, "items", 0, len(week2.items) - 1),
            SetField(week3.outcomes[0], "text", "Design a class hierarchy for a zoo."),
        ],
    )
    return copy


def week_copy_in_the_same_course(catalog):
    """A copy of the C# course's Week 2, titled "Week 4: Control flow and method", added to
    the same course: the course holds the week twice over."""
    course = catalog.courses[CSHARP]
    week4 = copy_of(catalog, catalog.modules["csharp-w2"])
    apply_all(
        catalog,
        [
            SetField(week4, "title", "Week 4: Control flow and method"),
            Insert(course, "module_ids", len(course.module_ids), week4.id),
        ],
    )
    return week4
