"""A seeded generator of realistic catalogs at any size, with planted duplicates as ground truth.

    python benchmarks/generate.py --programs 500 --courses 5000 --seed 1 -o big.curriculum.json

Programs are certificates of one field each, made of 4-12 courses drawn from a shared pool
with a skewed (Zipf-like) choice, so popular courses recur across programs the way
stackable certificates share them. Courses have 4-6 weekly modules, modules 5-7 items
with minutes typical of their kind; declared hours agree with what the parts add up to.

About 2.5 % of the courses and of the modules are planted duplicates of another one:
identical copies (a deep copy under new ids) or near-duplicates (a title variant: another
track suffix, a typo, reordered words or an abbreviation; similar hours; partly the same
outcomes and items). `Planted` lists them.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from variants import vary_course_title, vary_module_title  # noqa: E402
from vocabulary import (  # noqa: E402
    ASPECTS,
    BLOOM_VERBS,
    CERTIFICATE_WORDS,
    COMMON_MODULES,
    CONTEXTS,
    COUNTRIES,
    COURSE_FORMS,
    COURSE_LEVELS,
    COURSE_ORDER,
    COURSE_OUTCOME_FORMS,
    DOMAINS,
    FAMILY_WEIGHTS,
    GENERIC_MODULES,
    GRADED_KINDS,
    ISSUERS,
    ITEM_KINDS,
    KNOWLEDGE,
    MODULE_FAMILY_WEIGHTS,
    MODULE_FORMS,
    MODULE_LEVELS,
    MODULE_OUTCOME_FORMS,
    TRACKS,
    Domain,
)

from designer.model import Catalog, Course, Item, Module, Outcome, Program, Settings  # noqa: E402

PLANTED_SHARE = 0.025  # of courses, and of modules, that duplicate another one
IDENTICAL_SHARE = 0.4  # of planted units: identical copies; the rest are near-duplicates
COMMON_MODULE_SHARE = 0.03  # courses that open with an orientation week shared by many
GENERIC_LAST_SHARE = 0.15  # courses whose last week has a generic title ("Final Project")
TRACK_SHARE = 0.12  # courses for one track or audience ("... Back-End")
Spec = TypeVar("Spec", "CourseSpec", "ModuleSpec")
KIND_NAMES = list(ITEM_KINDS)
KIND_WEIGHTS = list(itertools.accumulate(spec[0] for spec in ITEM_KINDS.values()))


@dataclass
class Planted:
    """The duplicates the generator planted: the ground truth for duplicate detection.

    identical: groups of units (courses or modules) that are copies of each other.
    near: pairs whose titles differ a little and whose contents partly overlap.
    how: for each near pair, how its title was varied (suffix, typo, reorder, abbreviation).
    children: module pairs that came with a planted course pair (its weeks, copied or
        varied); they are duplicates too, but follow from their course's, so they are
        kept apart from the planted ones.
    """

    identical: list[tuple[str, ...]] = field(default_factory=list)
    near: list[tuple[str, str]] = field(default_factory=list)
    how: dict[tuple[str, str], str] = field(default_factory=dict)
    children: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class CourseSpec:
    """How a course's title was composed, so a near-duplicate can vary it."""

    domain: Domain
    family: str
    form: int
    subject: str
    tool: str
    track: str = ""
    text: str = ""  # a retyped title (a typo, an abbreviation) instead of the composed one

    def title(self) -> str:
        if self.text:
            return self.text
        text = COURSE_FORMS[self.family][self.form].format(s=self.subject, t=self.tool)
        return f"{text} {self.track}" if self.track else text


@dataclass
class ModuleSpec:
    """How a module's title was composed; `generic` titles are reused by unrelated weeks."""

    domain: Domain
    family: str
    form: int
    gerund: str
    topic: str
    other: str
    tool: str
    generic: str = ""
    text: str = ""  # a retyped title instead of the composed one

    def title(self) -> str:
        if self.text or self.generic:
            return self.text or self.generic
        return MODULE_FORMS[self.family][self.form].format(
            g=self.gerund, o=self.topic, p=self.other, t=self.tool
        )


class _Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.planted = Planted()
        self.courses: list[Course] = []
        self.modules: list[Module] = []
        self.course_spec: dict[str, CourseSpec] = {}
        self.module_spec: dict[str, ModuleSpec] = {}
        self.course_weight: dict[str, float] = {}
        self.originals: dict[str, list[str]] = {d.code: [] for d in DOMAINS}  # course ids
        self.module_originals: dict[str, list[str]] = {d.code: [] for d in DOMAINS}
        self.course_keys: set[tuple[str, ...]] = set()
        self.module_keys: set[tuple[str, ...]] = set()
        self.titles: set[str] = set()  # so that only planted units share (or nearly) a title
        self.module_by_id: dict[str, Module] = {}
        self.course_by_id: dict[str, Course] = {}
        self.identical_group: dict[str, int] = {}  # unit id -> index in planted.identical
        self.common: list[Module] = []
        self.week = 1  # of the module being made, for titles such as "Module 2 graded quiz"
        self.next_course = itertools.count(1)
        self.next_module = itertools.count(1)
        self.next_code = {d.code: itertools.count(101) for d in DOMAINS}

    # ---- courses --------------------------------------------------------------------

    def original_course(self) -> Course:
        rng = self.rng
        domain = rng.choice(DOMAINS)
        spec = self._new_course_spec(domain)
        course_id, code = self._course_id(), self._course_code(domain)
        outcomes = self._course_outcomes(course_id, spec, rng.randint(2, 3))
        module_ids: list[str] = []
        if rng.random() < COMMON_MODULE_SHARE:
            module_ids.append(self._common_module().id)
        count = rng.randint(4, 6)
        topics = rng.sample(domain.topics, min(count + 2, len(domain.topics)))
        for week in range(count):
            if week == count - 1 and rng.random() < GENERIC_LAST_SHARE:
                generic = rng.choice(GENERIC_MODULES)
                mspec = ModuleSpec(domain, "doing", 0, "", topics[week], "", spec.tool, generic)
                module = self._module(mspec, code, week + 1, outcomes, spec.subject)
            elif rng.random() < PLANTED_SHARE and self.module_originals[domain.code]:
                module = self._plant_module(domain, code, week + 1, outcomes)
            else:
                mspec = self._new_module_spec(domain, topics[week], topics[week + 1], spec.tool)
                module = self._module(mspec, code, week + 1, outcomes, spec.subject)
                self.module_originals[domain.code].append(module.id)
            module_ids.append(module.id)
        course = self._course(course_id, code, spec, outcomes, module_ids)
        self.originals[domain.code].append(course.id)
        return course

    def planted_course(self) -> Course:
        rng = self.rng
        domain = rng.choice([d for d in DOMAINS if self.originals[d.code]])
        pool = self.originals[domain.code]
        original = self.course_by_id[self._popular(pool)]
        if rng.random() < IDENTICAL_SHARE:
            copy = self._copy_course(original)
            self._add_identical(original.id, copy.id)
            return copy
        return self._near_course(original)

    def _new_course_spec(self, domain: Domain) -> CourseSpec:
        rng = self.rng
        families = list(FAMILY_WEIGHTS)
        weights = list(FAMILY_WEIGHTS.values())
        for attempt in range(60):
            family = rng.choices(families, weights)[0]
            spec = CourseSpec(
                domain,
                family,
                rng.randrange(2),
                rng.choice(domain.subjects),
                rng.choice(domain.tools),
            )
            if "{t}" not in "".join(COURSE_FORMS[family]):
                spec.tool = rng.choice(domain.tools)  # still taught with something
            if rng.random() < TRACK_SHARE or attempt >= 30:  # a big catalog runs out of titles
                spec.track = rng.choice(TRACKS)
            # Titles differing only by their track would be near-duplicates nobody planted,
            # so the track counts only once a big catalog has run out of other titles.
            key = self._course_key(spec, with_track=attempt >= 30)
            if key not in self.course_keys and spec.title() not in self.titles:
                self.course_keys.add(key)
                return spec
        return spec

    @staticmethod
    def _course_key(spec: CourseSpec, with_track: bool) -> tuple[str, ...]:
        forms = "".join(COURSE_FORMS[spec.family])
        tool = spec.tool if "{t}" in forms else ""
        subject = spec.subject if "{s}" in forms else ""
        return (spec.family, subject, tool, spec.track if with_track else "")

    def _course(
        self,
        course_id: str,
        code: str,
        spec: CourseSpec,
        outcomes: list[Outcome],
        module_ids: list[str],
        description: str = "",
    ) -> Course:
        hours = math.fsum(self.module_by_id[m].hours or 0 for m in module_ids)
        course = Course(
            id=course_id,
            code=code,
            title=spec.title(),
            description=description or _course_description(spec),
            hours=hours,
            outcomes=outcomes,
            module_ids=module_ids,
        )
        self.courses.append(course)
        self.course_by_id[course.id] = course
        self.course_spec[course.id] = spec
        self.titles.add(course.title)
        self.course_weight[course.id] = 1 / (self.rng.random() * 400 + 1) ** 0.9
        return course

    def _copy_course(self, original: Course) -> Course:
        spec = self.course_spec[original.id]
        course_id, code = self._course_id(), self._course_code(spec.domain)
        outcomes, mapping = self._copy_outcomes(original.outcomes, course_id, lambda _: [])
        module_ids = []
        for week, module_id in enumerate(original.module_ids, 1):
            module = self.module_by_id[module_id]
            if module in self.common:
                module_ids.append(module_id)
                continue
            copy = self._copy_module(module, code, week, outcomes, mapping)
            self.planted.children.append((module_id, copy.id))
            module_ids.append(copy.id)
        return self._course(course_id, code, spec, outcomes, module_ids, original.description)

    def _near_course(self, original: Course) -> Course:
        rng = self.rng
        spec, how = self._vary(vary_course_title, self.course_spec[original.id])
        course_id, code = self._course_id(), self._course_code(spec.domain)
        kept = rng.sample(
            original.outcomes, max(1, len(original.outcomes) // 2 + rng.randint(0, 1))
        )
        outcomes, mapping = self._copy_outcomes(kept, course_id, lambda _: [])
        added = rng.randint(2, 3) - len(outcomes)
        outcomes += self._course_outcomes(course_id, spec, added, start=len(outcomes))
        module_ids = []
        topics = list(spec.domain.topics)
        for week, module_id in enumerate(original.module_ids, 1):
            module = self.module_by_id[module_id]
            if module in self.common:
                module_ids.append(module_id)
            elif rng.random() < 0.6:
                copy = self._near_module(module, code, week, outcomes, mapping, spec.subject)
                self.planted.children.append((module_id, copy.id))
                module_ids.append(copy.id)
            else:
                mspec = self._new_module_spec(
                    spec.domain, rng.choice(topics), rng.choice(topics), spec.tool
                )
                module_ids.append(self._module(mspec, code, week, outcomes, spec.subject).id)
        course = self._course(course_id, code, spec, outcomes, module_ids)
        self._add_near(original.id, course.id, how)
        return course

    def _course_outcomes(
        self, course_id: str, spec: CourseSpec, count: int, start: int = 0
    ) -> list[Outcome]:
        rng = self.rng
        outcomes = []
        for n in range(start + 1, start + count + 1):
            level = rng.choice(COURSE_LEVELS)
            text = rng.choice(COURSE_OUTCOME_FORMS[level]).format(
                v=rng.choice(BLOOM_VERBS[level]),
                s=spec.subject.lower(),
                t=spec.tool,
                c=rng.choice(CONTEXTS),
            )
            outcomes.append(
                Outcome(
                    id=f"{course_id}-o{n}",
                    text=f"{text}.",
                    bloom=level,
                    knowledge=self._knowledge(),
                )
            )
        return outcomes

    # ---- modules --------------------------------------------------------------------

    def _new_module_spec(self, domain: Domain, topic: str, other: str, tool: str) -> ModuleSpec:
        rng = self.rng
        families = list(MODULE_FAMILY_WEIGHTS)
        weights = list(MODULE_FAMILY_WEIGHTS.values())
        spec = ModuleSpec(domain, "doing", 0, rng.choice(domain.gerunds), topic, other, tool)
        for attempt in range(40):
            if attempt:  # this week's title is taken: another topic, then another tool
                spec.topic, spec.other = rng.sample(domain.topics, 2)
                spec.gerund = rng.choice(domain.gerunds)
            if attempt > 10:
                spec.tool = rng.choice(domain.tools)
            family = rng.choices(families, weights)[0]
            spec.family, spec.form = family, rng.randrange(len(MODULE_FORMS[family]))
            key = self._module_key(spec)
            # No "Planning Sprint Planning": the gerund must not repeat a word of the topic.
            echo = "{g}" in MODULE_FORMS[family][0] and spec.gerund.split()[0] in spec.topic
            if not echo and key not in self.module_keys and spec.title() not in self.titles:
                break
        self.module_keys.add(key)
        return spec

    @staticmethod
    def _module_key(spec: ModuleSpec) -> tuple[str, ...]:
        forms = "".join(MODULE_FORMS[spec.family])
        parts = [spec.topic]
        for slot, value in (("{g}", spec.gerund), ("{p}", spec.other), ("{t}", spec.tool)):
            parts.append(value if slot in forms else "")
        if spec.family == "pair":
            parts[0], parts[2] = sorted((parts[0], parts[2]))
        return (spec.domain.code, spec.family, *parts)

    def _module(
        self,
        spec: ModuleSpec,
        course_code: str,
        week: int,
        course_outcomes: list[Outcome],
        subject: str,
    ) -> Module:
        rng = self.rng
        module_id = self._module_id()
        self.week = week
        outcomes = []
        for n in range(1, rng.randint(2, 4) + 1):
            outcomes.append(self._module_outcome(module_id, n, spec, subject, course_outcomes))
        count = rng.randint(5, 7)
        items = [
            self._item(module_id, n, spec, outcomes, last=(n == count)) for n in range(1, count + 1)
        ]
        return self._add_module(module_id, spec, course_code, week, outcomes, items)

    def _module_outcome(
        self,
        module_id: str,
        n: int,
        spec: ModuleSpec,
        subject: str,
        course_outcomes: list[Outcome],
    ) -> Outcome:
        rng = self.rng
        level = rng.choice(MODULE_LEVELS)
        text = rng.choice(MODULE_OUTCOME_FORMS[level]).format(
            v=rng.choice(BLOOM_VERBS[level]),
            o=spec.topic.lower(),
            t=spec.tool,
            s=subject.lower(),
            c=rng.choice(CONTEXTS),
        )
        supports = [rng.choice(course_outcomes).id] if course_outcomes else []
        return Outcome(
            id=f"{module_id}-o{n}",
            text=f"{text}.",
            bloom=level,
            knowledge=self._knowledge(),
            supports=supports,
        )

    def _knowledge(self) -> str | None:
        return self.rng.choice(KNOWLEDGE) if self.rng.random() < 0.5 else None

    def _item(
        self,
        module_id: str,
        n: int,
        spec: ModuleSpec,
        outcomes: list[Outcome],
        last: bool,
        kind: str = "",
    ) -> Item:
        rng = self.rng
        if kind:
            pass
        elif last and rng.random() < 0.7:
            kind = "graded_quiz"
        else:
            kind = KIND_NAMES[bisect.bisect(KIND_WEIGHTS, rng.random() * KIND_WEIGHTS[-1])]
        _, shortest, longest, forms = ITEM_KINDS[kind]
        minutes = rng.randint(shortest, longest)
        if minutes > 10:
            minutes = 5 * round(minutes / 5)
        title = rng.choice(forms).format(
            o=spec.topic, g=spec.gerund or "Practicing", a=rng.choice(ASPECTS), w=self.week
        )
        graded = kind in GRADED_KINDS
        named = [o.id for o in outcomes] if graded and kind != "peer_review" else []
        return Item(
            id=f"{module_id}-i{n}",
            title=title,
            kind=kind,
            minutes=minutes,
            graded=graded,
            outcome_ids=named,
        )

    def _add_module(
        self,
        module_id: str,
        spec: ModuleSpec,
        course_code: str,
        week: int,
        outcomes: list[Outcome],
        items: list[Item],
    ) -> Module:
        # Whole quarter hours: the longest item takes the few minutes that round the week up.
        total = sum(item.minutes for item in items)
        if total % 15:
            longest = max(items, key=lambda item: item.minutes)
            longest.minutes += 15 - total % 15
        module = Module(
            id=module_id,
            code=f"{course_code}-W{week}",
            title=spec.title(),
            hours=sum(item.minutes for item in items) / 60,
            outcomes=outcomes,
            items=items,
        )
        self.modules.append(module)
        self.module_by_id[module_id] = module
        self.module_spec[module_id] = spec
        if not spec.generic:
            self.titles.add(module.title)
        return module

    def _common_module(self) -> Module:
        if not self.common:
            for n, title in enumerate(COMMON_MODULES, 1):
                items = [
                    Item(id=f"common-{n}-i1", title=f"Welcome: {title}", kind="video", minutes=10),
                    Item(id=f"common-{n}-i2", title=title, kind="reading", minutes=20),
                    Item(
                        id=f"common-{n}-i3",
                        title="Introduce yourself",
                        kind="discussion_prompt",
                        minutes=15,
                    ),
                    Item(id=f"common-{n}-i4", title="Platform tour", kind="plugin", minutes=15),
                    Item(
                        id=f"common-{n}-i5",
                        title="Check your setup",
                        kind="practice_quiz",
                        minutes=15,
                    ),
                ]
                module = Module(
                    id=f"common-{n}", code=f"ORIENT-{n}", title=title, hours=1.25, items=items
                )
                self.common.append(module)
                self.modules.append(module)
                self.module_by_id[module.id] = module
        return self.rng.choice(self.common)

    def _plant_module(
        self, domain: Domain, course_code: str, week: int, course_outcomes: list[Outcome]
    ) -> Module:
        original = self.module_by_id[self.rng.choice(self.module_originals[domain.code])]
        if self.rng.random() < IDENTICAL_SHARE:
            copy = self._copy_module(original, course_code, week, course_outcomes, {})
            self._add_identical(original.id, copy.id)
            return copy
        return self._near_module(original, course_code, week, course_outcomes, {}, subject="")

    def _copy_module(
        self,
        original: Module,
        course_code: str,
        week: int,
        course_outcomes: list[Outcome],
        course_mapping: dict[str, str],
    ) -> Module:
        module_id = self._module_id()

        def supports(outcome: Outcome) -> list[str]:
            # Support the copied course's outcome, else one of the new course's own.
            mapped = [course_mapping[s] for s in outcome.supports if s in course_mapping]
            return mapped or ([self.rng.choice(course_outcomes).id] if course_outcomes else [])

        outcomes, mapping = self._copy_outcomes(original.outcomes, module_id, supports)
        items = [
            _copy_item(item, f"{module_id}-i{n}", mapping)
            for n, item in enumerate(original.items, 1)
        ]
        return self._add_module(
            module_id, self.module_spec[original.id], course_code, week, outcomes, items
        )

    def _near_module(
        self,
        original: Module,
        course_code: str,
        week: int,
        course_outcomes: list[Outcome],
        course_mapping: dict[str, str],
        subject: str,
    ) -> Module:
        """A variant of a module; a planted one (no subject given) also varies its title."""
        rng = self.rng
        spec = self.module_spec[original.id]
        how = ""
        if not subject:
            spec, how = self._vary(vary_module_title, spec)
        module_id = self._module_id()
        self.week = week

        def supports(outcome: Outcome) -> list[str]:
            mapped = [course_mapping[s] for s in outcome.supports if s in course_mapping]
            return mapped or ([rng.choice(course_outcomes).id] if course_outcomes else [])

        kept = rng.sample(original.outcomes, max(1, len(original.outcomes) // 2))
        outcomes, mapping = self._copy_outcomes(kept, module_id, supports)
        for n in range(len(outcomes) + 1, rng.randint(len(outcomes) + 1, 4) + 1):
            outcomes.append(
                self._module_outcome(
                    module_id, n, spec, subject or rng.choice(spec.domain.subjects), course_outcomes
                )
            )
        items: list[Item] = []
        for item in original.items:
            roll = rng.random()
            if roll < 0.65:  # the same item
                items.append(_copy_item(item, f"{module_id}-i{len(items) + 1}", mapping))
            elif roll < 0.92:  # reworked: the same kind of item, a little longer or shorter
                new = self._item(
                    module_id, len(items) + 1, spec, outcomes, last=False, kind=item.kind.value
                )
                new.minutes = max(2, 5 * round(item.minutes * rng.uniform(0.75, 1.25) / 5))
                items.append(new)
            # else dropped
        if rng.random() < 0.25 or len(items) < 4:
            kind = rng.choice(("video", "reading", "practice_quiz"))
            items.append(
                self._item(module_id, len(items) + 1, spec, outcomes, last=False, kind=kind)
            )
        module = self._add_module(module_id, spec, course_code, week, outcomes, items)
        if how:
            self._add_near(original.id, module.id, how)
        return module

    def _copy_outcomes(
        self, originals: list[Outcome], owner_id: str, supports: Callable[[Outcome], list[str]]
    ) -> tuple[list[Outcome], dict[str, str]]:
        outcomes, mapping = [], {}
        for n, outcome in enumerate(originals, 1):
            copy = Outcome(
                id=f"{owner_id}-o{n}",
                text=outcome.text,
                bloom=outcome.bloom,
                knowledge=outcome.knowledge,
                supports=supports(outcome),
            )
            mapping[outcome.id] = copy.id
            outcomes.append(copy)
        return outcomes, mapping

    # ---- ids and ground truth -------------------------------------------------------

    def _vary(
        self, vary: Callable[[Spec, random.Random], tuple[Spec, str]], spec: Spec
    ) -> tuple[Spec, str]:
        """A variant whose title no other unit has (else it would be no near-duplicate)."""
        for _ in range(20):
            variant, how = vary(spec, self.rng)
            if variant.title() not in self.titles:
                break
        return variant, how

    def _course_code(self, domain: Domain) -> str:
        return f"{domain.code}-{next(self.next_code[domain.code])}"

    def _course_id(self) -> str:
        return f"c{next(self.next_course):05d}"

    def _module_id(self) -> str:
        return f"m{next(self.next_module):05d}"

    def _popular(self, course_ids: list[str]) -> str:
        """A course to copy: popular courses are copied more often."""
        weights = [self.course_weight[c] for c in course_ids]
        return self.rng.choices(course_ids, weights)[0]

    def _add_identical(self, original_id: str, copy_id: str) -> None:
        group = self.identical_group.get(original_id)
        if group is None:
            self.identical_group[original_id] = len(self.planted.identical)
            self.identical_group[copy_id] = len(self.planted.identical)
            self.planted.identical.append((original_id, copy_id))
        else:
            self.identical_group[copy_id] = group
            self.planted.identical[group] = (*self.planted.identical[group], copy_id)

    def _add_near(self, original_id: str, copy_id: str, how: str) -> None:
        self.planted.near.append((original_id, copy_id))
        self.planted.how[(original_id, copy_id)] = how

    # ---- programs -------------------------------------------------------------------

    def programs(self, count: int) -> list[Program]:
        rng = self.rng
        by_domain: dict[str, list[str]] = {d.code: [] for d in DOMAINS}
        for course in self.courses:
            by_domain[self.course_spec[course.id].domain.code].append(course.id)
        everything = [c.id for c in self.courses]
        cumulative = {
            code: list(itertools.accumulate(self.course_weight[c] for c in ids))
            for code, ids in [*by_domain.items(), ("*", everything)]
        }
        by_domain["*"] = everything
        titles: set[str] = set()
        programs = []
        for n in range(1, count + 1):
            domain = rng.choice([d for d in DOMAINS if by_domain[d.code]])
            wanted = min(rng.randint(4, 12), len(everything))
            chosen: list[str] = []
            while len(chosen) < wanted:
                pool = domain.code if rng.random() < 0.85 else "*"
                weights = cumulative[pool]
                pick = by_domain[pool][bisect.bisect(weights, rng.random() * weights[-1])]
                if pick not in chosen:
                    chosen.append(pick)
            programs.append(self._program(n, domain, chosen, titles))
        self._use_planted(programs)
        return programs

    def _program(self, n: int, domain: Domain, course_ids: list[str], titles: set[str]) -> Program:
        rng = self.rng
        for _ in range(20):
            issuer, role = rng.choice(ISSUERS), rng.choice(domain.roles)
            title = f"{issuer} {role} {rng.choice(CERTIFICATE_WORDS)}"
            if title not in titles:
                break
        else:
            title = f"{title} ({n})"
        titles.add(title)
        course_ids.sort(key=lambda c: COURSE_ORDER[self.course_spec[c].family])
        program_id = f"p{n:04d}"
        outcomes = []
        for k in range(1, rng.randint(2, 3) + 1):
            level = rng.choice(("apply", "analyze", "evaluate", "create"))
            subject = rng.choice(domain.subjects).lower()
            outcomes.append(
                Outcome(
                    id=f"{program_id}-o{k}",
                    bloom=level,
                    text=f"{rng.choice(BLOOM_VERBS[level])} {subject} work expected of "
                    f"a {role.lower()}.",
                )
            )
        initials = "".join(word[0] for word in issuer.split())
        return Program(
            id=program_id,
            code=f"{initials}-{domain.code}-{n}",
            title=title,
            description=f"Prepares learners for work as a {role.lower()}.",
            eqf_level=rng.choice(("4", "5", "5", "6", "6", "5-6")),
            issuer_name=issuer,
            issuer_country=rng.choice(COUNTRIES),
            awarding_body=issuer,
            delivery=rng.choice(("online",) * 8 + ("blended",)),
            pace="part-time",
            language="en",
            min_passing_score=rng.choice((70, 75, 80)),
            outcomes=outcomes,
            course_ids=course_ids,
        )

    def _use_planted(self, programs: list[Program]) -> None:
        """Put every planted course in some program: duplicates arise where courses are used."""
        used = {c for p in programs for c in p.course_ids}
        planted = [u for group in self.planted.identical for u in group]
        planted += [u for pair in self.planted.near for u in pair]
        for unit_id in planted:
            if unit_id not in self.course_by_id or unit_id in used or not programs:
                continue
            program = self.rng.choice(programs)
            program.course_ids.insert(self.rng.randint(0, len(program.course_ids)), unit_id)
            used.add(unit_id)


def _copy_item(item: Item, item_id: str, mapping: dict[str, str]) -> Item:
    return Item(
        id=item_id,
        title=item.title,
        kind=item.kind,
        minutes=item.minutes,
        graded=item.graded,
        outcome_ids=[mapping[o] for o in item.outcome_ids if o in mapping],
    )


def _course_description(spec: CourseSpec) -> str:
    audience = f" {spec.track}" if spec.track.startswith(("for", "in")) else ""
    return f"A practical course on {spec.subject.lower()} with {spec.tool}{audience}."


def generate(programs: int = 500, courses: int = 5000, seed: int = 1) -> tuple[Catalog, Planted]:
    """A catalog of `programs` certificates over a pool of `courses`, and what was planted."""
    gen = _Generator(seed)
    rng = gen.rng
    planted_count = round(courses * PLANTED_SHARE)
    first = max(1, courses // 10)  # plant among the later ones, once there is much to copy
    slots = set(rng.sample(range(first, courses), min(planted_count, courses - first)))
    for n in range(courses):
        if n in slots:
            gen.planted_course()
        else:
            gen.original_course()
    program_list = gen.programs(programs)
    catalog = Catalog(Settings(), program_list, gen.courses, gen.modules)
    return catalog, gen.planted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--programs", type=int, default=500)
    parser.add_argument("--courses", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True, help="the .curriculum.json to write")
    args = parser.parse_args(argv)

    from designer.storage import save

    started = time.perf_counter()
    catalog, planted = generate(args.programs, args.courses, args.seed)
    generated = time.perf_counter() - started
    save(catalog, args.output)
    items = sum(len(m.items) for m in catalog.modules.values())
    outcomes = sum(1 for node in catalog.walk() if isinstance(node, Outcome))
    identical = sum(len(group) - 1 for group in planted.identical)
    print(
        f"{args.output}: {len(catalog.programs)} programs, {len(catalog.courses)} courses, "
        f"{len(catalog.modules)} modules, {items} items, {outcomes} outcomes "
        f"(generated in {generated:.1f} s)"
    )
    print(
        f"planted: {len(planted.identical)} identical groups ({identical} copies), "
        f"{len(planted.near)} near-duplicate pairs, {len(planted.children)} module pairs "
        f"inside planted courses"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
