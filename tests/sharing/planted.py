"""A seeded catalog with planted duplicates: copies and near-copies we know, among unrelated units.

Courses are titled from a subject and a form ('Introduction to Data Ethics', 'Cloud Security
with Terraform'), weeks from an activity and a topic ('Designing Load Balancers'); outcomes
and items name their own subject or topic, so unrelated units share little. Then some
courses and modules are copied under new ids (identical), and some are varied: a title
with another track, a typo, reordered words or a short form, similar hours, about half of
the outcomes and most of the items kept (near).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from designer.model import Catalog, Course, Item, ItemKind, Module, Outcome, Program, Settings


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(phrase.strip() for phrase in text.split(",") if phrase.strip())


SUBJECTS = _phrases(
    """
    Data Ethics, Cloud Security, Network Design, Mobile Interfaces, Game Physics,
    Embedded Firmware, Quantum Computing, Supply Chains, Tax Accounting, Brand Strategy,
    Survey Research, Clinical Trials, Urban Planning, Soil Science, Marine Biology,
    Music Production, Film Editing, Interior Lighting, Wine Chemistry, Bridge Engineering,
    Wind Energy, Water Treatment, Crop Genetics, Sports Nutrition, Child Psychology,
    Labor Economics, Maritime Law, Museum Curation, Typeface Design, Radio Journalism,
    Robot Kinematics, Compiler Construction, Database Tuning, Graph Theory, Cryptanalysis,
    Speech Recognition, Remote Sensing, Volcano Monitoring, Glacier Dynamics,
    Bird Migration, Textile Dyeing, Ceramic Glazes, Jazz Harmony, Opera Staging,
    Poetry Translation, Medieval Manuscripts, Coral Reefs, Forest Fires,
    Hospital Logistics, Vaccine Storage, Retail Pricing, Hotel Revenue, Airline Scheduling,
    Freight Rail, Drone Mapping, Satellite Orbits, Battery Chemistry, Solar Panels,
    Nuclear Safety, Tunnel Boring
    """
)
TOOLS = (
    "Python",
    "Excel",
    "Terraform",
    "Blender",
    "Tableau",
    "MATLAB",
    "QGIS",
    "Figma",
    "Kotlin",
    "Arduino",
    "SPSS",
    "AutoCAD",
)
FORMS = (
    "Introduction to {s}",
    "{s} with {t}",
    "Applied {s}",
    "{s} Fundamentals",
    "Advanced {s}",
)
TRACKS = ("Full-Stack", "Back-End", "Front-End", "for Beginners", "for Managers", "in Healthcare")
ABBREVIATIONS = (("Introduction to", "Intro to"), ("Advanced", "Adv."), (" and ", " & "))
# Reordered spellings of a title: (prefix, suffix) -> (prefix, suffix) around the subject.
REORDERED = (
    (("Introduction to ", ""), ("", ": An Introduction")),
    (("", " Fundamentals"), ("Fundamentals of ", "")),
    (("Advanced ", ""), ("", ": Advanced Topics")),
    (("Applied ", ""), ("", ", Applied")),
)
TOPICS = _phrases(
    """
    Load Balancers, Hash Maps, Audit Trails, Color Palettes, Sample Sizes, Heat Pumps,
    Tide Tables, Shift Rosters, Seed Banks, Rain Gauges, Price Elasticity,
    Contract Clauses, Fire Exits, Lens Flares, Chord Voicings, Rhyme Schemes,
    Ledger Entries, Packet Loss, Memory Leaks, Font Kerning, Soil Samples, Wing Loads,
    Gear Ratios, Queue Lengths, Noise Filters, Drug Interactions, Bond Yields,
    Ballot Design, Grant Proposals, Fossil Records, Crowd Control, Signal Timing,
    Cache Misses, Thermal Imaging, Dye Lots, Kiln Schedules, Stage Lighting, Loan Defaults,
    Pollen Counts, Reef Surveys, Map Projections, Orbit Transfers, Cell Balancing,
    Inverter Sizing, Radiation Badges, Cutter Wear, Boarding Gates, Freight Manifests,
    Room Rates, Shelf Layouts, Cold Chains, Ward Rounds, Fuel Loads, Ice Cores, Nest Sites,
    Ash Plumes, Script Fonts, Press Passes, Exhibit Labels, Court Filings, Wage Curves,
    Play Therapy, Meal Plans, Pipe Networks, Blade Pitch, Truss Loads, Cork Taints,
    Mixing Desks, Jump Cuts, Zoning Maps, Trial Arms, Focus Groups, Logo Grids,
    Route Tables, Sluice Gates, Bee Colonies, Vote Counts, Hull Welds, Glass Annealing,
    Tram Stops, Snow Loads, Lamp Posts, Bread Starters, Dam Spillways, Cargo Cranes,
    Ferry Slots, Toll Booths, Chess Openings, Violin Bows, Paper Mills, Salt Marshes,
    Kite Lines
    """
)
ACTIVITIES = (
    "Designing",
    "Measuring",
    "Debugging",
    "Modelling",
    "Planning",
    "Auditing",
    "Sketching",
    "Testing",
    "Costing",
    "Documenting",
)
ITEM_FORMS = (
    (ItemKind.VIDEO, "How {a} {o} works in {c}"),
    (ItemKind.READING, "Case notes: {a} {o} at {c}"),
    (ItemKind.LAB, "Lab: {a} {o} for {c}"),
    (ItemKind.PRACTICE_QUIZ, "Check: {a} {o} in {c}"),
    (ItemKind.DISCUSSION_PROMPT, "Your story of {a} {o} from {c}"),
)
PLACES = _phrases(
    """
    Oslo, Lagos, Lima, Perth, Quito, Hanoi, Tunis, Cork, Riga, Dakar, Sapporo, Recife,
    Tartu, Fresno, Nantes, Mysore, Bergen, Accra, Cusco, Leeds
    """
)
VERBS = ("Explain", "Apply", "Compare", "Evaluate", "Design", "Describe", "Analyze", "Justify")


@dataclass
class Planted:
    """What was planted: pairs (original, copy) at each level."""

    identical: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {"course": [], "module": []}
    )
    near: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {"course": [], "module": []}
    )
    children: list[tuple[str, str]] = field(default_factory=list)  # weeks of planted courses

    def pairs(self) -> set[frozenset[str]]:
        found = {frozenset(p) for pairs in self.identical.values() for p in pairs}
        found |= {frozenset(p) for pairs in self.near.values() for p in pairs}
        return found | {frozenset(p) for p in self.children}


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.courses: list[Course] = []
        self.modules: dict[str, Module] = {}
        self.planted = Planted()
        self.numbers: dict[str, int] = {}
        self.titles: set[str] = set()
        self.topics = list(TOPICS)
        self.rng.shuffle(self.topics)

    def new_id(self, prefix: str) -> str:
        self.numbers[prefix] = self.numbers.get(prefix, 0) + 1
        return f"{prefix}{self.numbers[prefix]:04d}"

    # ---- originals -----------------------------------------------------------------

    def course(self) -> Course:
        rng = self.rng
        while True:
            subject, tool = rng.choice(SUBJECTS), rng.choice(TOOLS)
            title = rng.choice(FORMS).format(s=subject, t=tool)
            if rng.random() < 0.15:
                title = f"{title} {rng.choice(TRACKS)}"
            if title not in self.titles:
                break
        self.titles.add(title)
        course_id = self.new_id("c")
        outcomes = [
            Outcome(id=f"{course_id}-o{n}", text=f"{rng.choice(VERBS)} {subject.lower()} {aim}.")
            for n, aim in enumerate(rng.sample(_AIMS, 3), 1)
        ]
        modules = [self.module(outcomes) for _ in range(4)]
        return self._add_course(course_id, title, outcomes, [m.id for m in modules])

    def module(self, course_outcomes: list[Outcome]) -> Module:
        rng = self.rng
        while True:
            if not self.topics:
                self.topics = list(TOPICS)
                rng.shuffle(self.topics)
            topic, activity = self.topics.pop(), rng.choice(ACTIVITIES)
            if f"{activity} {topic}" not in self.titles:
                break
        self.titles.add(f"{activity} {topic}")
        module_id = self.new_id("m")
        outcomes = [
            Outcome(
                id=f"{module_id}-o{n}",
                text=f"{rng.choice(VERBS)} {topic.lower()} for {rng.choice(PLACES)} ({n}).",
                supports=[rng.choice(course_outcomes).id],
            )
            for n in range(1, 3)
        ]
        items = []
        for n, (kind, form) in enumerate(rng.sample(ITEM_FORMS, rng.randint(4, 5)), 1):
            title = form.format(a=activity.lower(), o=topic.lower(), c=rng.choice(PLACES))
            minutes = rng.choice((10, 15, 20, 30, 45, 60, 90))
            items.append(Item(id=f"{module_id}-i{n}", title=title, kind=kind, minutes=minutes))
        return self._add_module(module_id, f"{activity} {topic}", outcomes, items)

    def _add_module(
        self, module_id: str, title: str, outcomes: list[Outcome], items: list[Item]
    ) -> Module:
        module = Module(id=module_id, title=title, outcomes=outcomes, items=items)
        module.hours = sum(i.minutes for i in items) / 60
        self.modules[module_id] = module
        return module

    def _add_course(
        self, course_id: str, title: str, outcomes: list[Outcome], module_ids: list[str]
    ) -> Course:
        hours = sum(self.modules[m].hours or 0 for m in module_ids)
        course = Course(
            id=course_id, title=title, hours=hours, outcomes=outcomes, module_ids=module_ids
        )
        self.courses.append(course)
        return course

    # ---- copies --------------------------------------------------------------------

    def copy_module(self, original: Module, keep: float = 1.0) -> Module:
        """A copy under new ids; with keep < 1, some items replaced and half the outcomes."""
        rng = self.rng
        module_id = self.new_id("m")
        kept = original.outcomes if keep >= 1 else original.outcomes[:1]
        outcomes = [Outcome(id=f"{module_id}-o{n}", text=o.text) for n, o in enumerate(kept, 1)]
        if keep < 1:
            text = f"Summarize what {original.title.lower()} covered."
            outcomes.append(Outcome(id=f"{module_id}-o9", text=text))
        items = []
        for n, item in enumerate(original.items, 1):
            if keep >= 1 or rng.random() < keep:
                items.append(replace(item, id=f"{module_id}-i{n}"))
            else:
                minutes = rng.choice((10, 20, 30))
                title = f"Extra practice: {original.title}"
                items.append(Item(id=f"{module_id}-i{n}", title=title, minutes=minutes))
        return self._add_module(module_id, original.title, outcomes, items)

    def copy_course(self, original: Course) -> Course:
        course_id = self.new_id("c")
        outcomes = [
            Outcome(id=f"{course_id}-o{n}", text=o.text) for n, o in enumerate(original.outcomes, 1)
        ]
        module_ids = []
        for module_id in original.module_ids:
            copy = self.copy_module(self.modules[module_id])
            self.planted.children.append((module_id, copy.id))
            module_ids.append(copy.id)
        return self._add_course(course_id, original.title, outcomes, module_ids)

    def near_course(self, original: Course) -> Course:
        course_id = self.new_id("c")
        outcomes = [
            Outcome(id=f"{course_id}-o{n}", text=o.text)
            for n, o in enumerate(original.outcomes[:2], 1)
        ]
        outcomes.append(Outcome(id=f"{course_id}-o3", text="Present a final piece of work."))
        module_ids = []
        for n, module_id in enumerate(original.module_ids):
            if n < 3:
                copy = self.copy_module(self.modules[module_id], keep=0.8)
                self.planted.children.append((module_id, copy.id))
                module_ids.append(copy.id)
            else:
                module_ids.append(self.module(outcomes).id)
        return self._add_course(course_id, vary(original.title, self.rng), outcomes, module_ids)

    def near_module(self, original: Module) -> Module:
        copy = self.copy_module(original, keep=0.8)
        copy.title = vary(original.title, self.rng)
        return copy


_AIMS = (
    "for a real client",
    "in a team project",
    "under a tight budget",
    "for a public report",
    "with incomplete data",
    "across two sites",
    "for a regulator",
    "in a field study",
)


def vary(title: str, rng: random.Random) -> str:
    """A near-duplicate's title: another track, a typo, reordered words or a short form."""
    words = title.split(" ")
    for how in rng.sample(("track", "typo", "reorder", "short"), 4):
        if how == "track":
            for track in TRACKS:
                if title.endswith(track):
                    others = [t for t in TRACKS if t != track]
                    return title[: -len(track)] + rng.choice(others)
        elif how == "short":
            for long, short in ABBREVIATIONS:
                if long in title:
                    return title.replace(long, short, 1)
        elif how == "reorder":
            for pattern, other in REORDERED:
                if title.startswith(pattern[0]) and title.endswith(pattern[1]):
                    middle = title[len(pattern[0]) : len(title) - len(pattern[1])]
                    return f"{other[0]}{middle}{other[1]}"
            if " with " in title:
                left, right = title.split(" with ", 1)
                return f"{right}: {left}"
            return f"{' '.join(words[1:])}: {words[0]}"
        elif how == "typo":
            longest = max(range(len(words)), key=lambda i: len(words[i]))
            word = words[longest]
            at = rng.choice([i for i in range(1, len(word) - 2) if word[i] != word[i + 1]])
            words[longest] = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
            return " ".join(words)
    return title + "s"


def planted_catalog(seed: int = 7, originals: int = 180) -> tuple[Catalog, Planted]:
    """About 200 courses and 800 modules, with copies and near-copies planted among them."""
    maker = _Maker(seed)
    rng = maker.rng
    for _ in range(originals):
        maker.course()
    firsts = list(maker.courses)
    chosen = rng.sample(firsts, 30)
    for original in chosen[:8]:
        copy = maker.copy_course(original)
        maker.planted.identical["course"].append((original.id, copy.id))
    for original in chosen[8:20]:
        copy = maker.near_course(original)
        maker.planted.near["course"].append((original.id, copy.id))
    # Weeks copied into another course, in place of one of its own.
    hosts = [c for c in firsts if c not in chosen]
    rng.shuffle(hosts)
    sources = [m for c in chosen[20:] for m in c.module_ids]
    for number, module_id in enumerate(sources[:32]):
        original = maker.modules[module_id]
        if number < 12:
            copy = maker.copy_module(original)
            maker.planted.identical["module"].append((original.id, copy.id))
        else:
            copy = maker.near_module(original)
            maker.planted.near["module"].append((original.id, copy.id))
        host = hosts[number]
        host.module_ids[-1] = copy.id
    used = {m for c in maker.courses for m in c.module_ids}
    modules = [m for m in maker.modules.values() if m.id in used]
    for course in maker.courses:
        course.hours = sum(maker.modules[m].hours or 0 for m in course.module_ids)
    programs = []
    course_ids = [c.id for c in maker.courses]
    rng.shuffle(course_ids)
    for number in range(20):
        programs.append(
            Program(
                id=f"p{number:02d}",
                title=f"Certificate {number}",
                course_ids=course_ids[number * 10 : number * 10 + 10],
            )
        )
    return Catalog(Settings(), programs, maker.courses, modules), maker.planted
