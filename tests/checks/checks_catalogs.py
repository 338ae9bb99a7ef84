"""Small catalogs for the quality checks: one certificate that passes every rule, to break."""

from __future__ import annotations

from dataclasses import dataclass, field

from designer.checks import Finding, run_checks
from designer.model import (
    Catalog,
    Course,
    Item,
    ItemKind,
    Module,
    Outcome,
    Program,
    Settings,
    Silence,
    Totals,
)

COURSES = [  # title, Bloom level and verb of its outcomes
    ("Web Foundations", "understand", "Explain"),
    ("Front-End Pages", "apply", "Implement"),
    ("Back-End Services", "apply", "Implement"),
    ("Web Developer Capstone Project", "create", "Design"),
]
WEEKS = 4
LESSONS = [  # a week: five lessons and a graded quiz, 600 minutes
    (ItemKind.VIDEO, 60),
    (ItemKind.READING, 90),
    (ItemKind.LAB, 180),
    (ItemKind.PRACTICE_QUIZ, 60),
    (ItemKind.DISCUSSION_PROMPT, 30),
]


@dataclass
class Parts:
    """The units of a catalog before it is built: change them, then build()."""

    programs: list[Program]
    courses: list[Course]
    modules: list[Module]
    settings: Settings = field(default_factory=Settings)
    silenced: list[Silence] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)

    def program(self, unit_id: str = "cert") -> Program:
        return next(p for p in self.programs if p.id == unit_id)

    def course(self, unit_id: str) -> Course:
        return next(c for c in self.courses if c.id == unit_id)

    def module(self, unit_id: str) -> Module:
        return next(m for m in self.modules if m.id == unit_id)

    def build(self) -> tuple[Catalog, Totals]:
        catalog = Catalog(
            self.settings, self.programs, self.courses, self.modules, self.ignored, self.silenced
        )
        return catalog, Totals(catalog)

    def findings(self, profile: str = "entry-level", **options: bool) -> list[Finding]:
        catalog, totals = self.build()
        return run_checks(catalog, totals, profile, **options)

    def rules(self, profile: str = "entry-level") -> set[tuple[str, str]]:
        """(rule, unit) of every finding."""
        return {(f.rule, f.unit) for f in self.findings(profile)}


def week(course_id: str, number: int, level: str, verb: str, title: str) -> Module:
    module_id = f"{course_id}-w{number}"
    outcome = Outcome(
        id=f"{module_id}-o1",
        text=f"{verb} the {title.lower()} topics of week {number}.",
        bloom=level,
        supports=[f"{course_id}-o1"],
    )
    items = [
        Item(id=f"{module_id}-i{n}", title=f"{kind.value} {module_id}", kind=kind, minutes=minutes)
        for n, (kind, minutes) in enumerate(LESSONS, 1)
    ]
    items.append(
        Item(
            id=f"{module_id}-quiz",
            title=f"Graded quiz {module_id}",
            kind=ItemKind.GRADED_QUIZ,
            minutes=180,
            graded=True,
            outcome_ids=[outcome.id],
        )
    )
    return Module(
        id=module_id,
        title=f"{title}, week {number}",
        outcomes=[outcome],
        items=items,
    )


def certificate(weeks: int = WEEKS) -> Parts:
    """A certificate of four courses of `weeks` 10-hour weeks (160 h) that breaks no rule."""
    courses, modules = [], []
    for n, (title, level, verb) in enumerate(COURSES, 1):
        course_id = f"c{n}"
        course_weeks = [week(course_id, w, level, verb, title) for w in range(1, weeks + 1)]
        modules.extend(course_weeks)
        outcome = Outcome(
            id=f"{course_id}-o1",
            text=f"{verb} the essentials of {title.lower()} for a client brief.",
            bloom=level,
            supports=["cert-o1"],
        )
        courses.append(
            Course(
                id=course_id,
                title=title,
                outcomes=[outcome],
                module_ids=[m.id for m in course_weeks],
            )
        )
    program = Program(
        id="cert",
        code="WEB-DEV",
        title="Web Developer Professional Certificate",
        eqf_level="6",
        issuer_name="Example University",
        issuer_country="DE",
        awarding_body="Example University",
        delivery="online",
        pace="part-time",
        quality_assurance="Accredited by an agency listed in EQAR.",
        assessment="A graded quiz every week and a graded capstone project.",
        outcomes=[
            Outcome(
                id="cert-o1", text="Design web applications for a client brief.", bloom="create"
            )
        ],
        course_ids=[c.id for c in courses],
    )
    return Parts([program], courses, modules)


def bare_course(course_id: str, title: str, hours: float) -> Course:
    """A course as the accreditation report gives it: a title and hours."""
    return Course(id=course_id, title=title, hours=hours)
