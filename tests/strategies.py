"""Hypothesis strategies that build whole catalogs, with shared units and aligned outcomes."""

from hypothesis import strategies as st

from designer.model import (
    Bloom,
    Catalog,
    Course,
    Item,
    ItemKind,
    Module,
    Outcome,
    Program,
    Settings,
    Silence,
)

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
hours = st.none() | st.integers(0, 200).map(float) | st.floats(0, 2000, allow_nan=False)
minutes = st.integers(0, 600).map(float) | st.floats(0, 6000, allow_nan=False)


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    counter = iter(range(10**6))

    def new_id(prefix: str) -> str:
        return f"{prefix}{next(counter)}"

    def outcomes(supportable: list[str]) -> list[Outcome]:
        return [
            Outcome(
                id=new_id("o"),
                text=draw(texts),
                bloom=draw(st.none() | st.sampled_from(Bloom)),
                supports=draw(st.lists(st.sampled_from(supportable), unique=True, max_size=2))
                if supportable
                else [],
            )
            for _ in range(draw(st.integers(0, 2)))
        ]

    settings = Settings(
        hours_per_credit=draw(st.sampled_from([25, 27.5, 30])),
        rounding=draw(st.sampled_from(["down", "nearest", "half"])),
        weekly_hours=draw(st.sampled_from([5, 10, 12.5])),
    )
    programs = [
        Program(id=new_id("p"), title=draw(texts), code=draw(texts), outcomes=outcomes([]))
        for _ in range(draw(st.integers(0, 3)))
    ]
    program_outcomes = [o.id for p in programs for o in p.outcomes]
    courses = [
        Course(
            id=new_id("c"),
            title=draw(texts),
            hours=draw(hours),
            outcomes=outcomes(program_outcomes),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    course_outcomes = [o.id for c in courses for o in c.outcomes]
    modules = []
    for _ in range(draw(st.integers(0, 5))):
        module_outcomes = outcomes(course_outcomes)
        items = [
            Item(
                id=new_id("i"),
                title=draw(texts),
                kind=draw(st.sampled_from(ItemKind)),
                minutes=draw(minutes),
                graded=draw(st.booleans()),
                outcome_ids=[o.id for o in module_outcomes][: draw(st.integers(0, 2))],
            )
            for _ in range(draw(st.integers(0, 4)))
        ]
        modules.append(
            Module(
                id=new_id("m"),
                title=draw(texts),
                hours=draw(hours),
                outcomes=module_outcomes,
                items=items,
            )
        )
    module_ids = [m.id for m in modules]
    for course in courses:
        if module_ids:
            course.module_ids = draw(st.lists(st.sampled_from(module_ids), unique=True, max_size=3))
    course_ids = [c.id for c in courses]
    for program in programs:
        if course_ids:
            program.course_ids = draw(
                st.lists(st.sampled_from(course_ids), unique=True, max_size=4)
            )
    unit_ids = course_ids + module_ids
    ignored = []
    if len(unit_ids) >= 2:
        pairs = st.lists(st.sampled_from(unit_ids), min_size=2, max_size=2, unique=True)
        ignored = [tuple(sorted(p)) for p in draw(st.lists(pairs, max_size=2))]
    units = [u.id for u in [*programs, *courses, *modules]]
    silenced = []
    if units:
        silenced = [
            Silence(
                rule=draw(st.sampled_from(["structure.min-courses", "outcomes.measurable"])),
                unit=draw(st.sampled_from(units)),
                reason=draw(texts.filter(str.strip)),
            )
            for _ in range(draw(st.integers(0, 2)))
        ]
    return Catalog(
        settings, programs, courses, modules, dict.fromkeys(ignored), dict.fromkeys(silenced)
    )
