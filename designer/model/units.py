"""The units of a curriculum: programs, courses, modules, items and their outcomes."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    TypeAdapter,
)
from pydantic.dataclasses import dataclass

MAX_ITEM_MINUTES = 6000  # 100 hours: more than any single lesson element could take
MAX_UNIT_HOURS = 2000  # a course is 20-50 hours; a declared figure beyond this is a typo


class Bloom(StrEnum):
    """Revised Bloom taxonomy cognitive process levels, lowest first."""

    REMEMBER = "remember"
    UNDERSTAND = "understand"
    APPLY = "apply"
    ANALYZE = "analyze"
    EVALUATE = "evaluate"
    CREATE = "create"


class Knowledge(StrEnum):
    """The optional knowledge dimension of an outcome."""

    FACTUAL = "factual"
    CONCEPTUAL = "conceptual"
    PROCEDURAL = "procedural"
    METACOGNITIVE = "metacognitive"


class ItemKind(StrEnum):
    VIDEO = "video"
    READING = "reading"
    PRACTICE_QUIZ = "practice_quiz"
    GRADED_QUIZ = "graded_quiz"
    IN_VIDEO_QUIZ = "in_video_quiz"
    LAB = "lab"
    PROGRAMMING_ASSIGNMENT = "programming_assignment"
    PEER_REVIEW = "peer_review"
    SELF_REVIEW = "self_review"
    PLUGIN = "plugin"
    DISCUSSION_PROMPT = "discussion_prompt"
    PROJECT = "project"


class Delivery(StrEnum):
    ONLINE = "online"
    BLENDED = "blended"
    ON_SITE = "on-site"


class Pace(StrEnum):
    PART_TIME = "part-time"
    FULL_TIME = "full-time"


Rounding = Literal["down", "nearest", "half"]


def _whole_if_integral(value: float) -> float | int:
    # In model_dump and model_dump_json (the clipboard, the workbook's hidden data sheet):
    # "hours": 39 rather than 39.0. The catalog file writes the fields as they are.
    return int(value) if value == int(value) else value


def _check_eqf(value: str) -> str:
    match = re.fullmatch(r"([1-8])(?:-([1-8]))?", value)
    if not match:
        raise ValueError("EQF level must be 1 to 8, or a range such as 5-6")
    low, high = match.group(1), match.group(2)
    if high is not None and int(high) <= int(low):
        raise ValueError(f"EQF range {value} must go from the lower level to the higher")
    return value


def _eqf_from_number(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _check_country(value: str) -> str:
    if pycountry.countries.get(alpha_2=value) is None:
        raise ValueError(f"{value!r} is not an ISO 3166 two-letter country code (such as US)")
    return value


Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
# A reference to a unit by its id. The catalog refuses one that names no unit, so the
# pattern of ids would add nothing (and would be checked hundreds of thousands of times).
Ref = str
Minutes = Annotated[
    float,
    Field(strict=True, ge=0, le=MAX_ITEM_MINUTES, allow_inf_nan=False),
    PlainSerializer(_whole_if_integral),
]
Hours = Annotated[
    float,
    Field(strict=True, ge=0, le=MAX_UNIT_HOURS, allow_inf_nan=False),
    PlainSerializer(_whole_if_integral),
]
Percent = Annotated[
    float,
    Field(strict=True, ge=0, le=100, allow_inf_nan=False),
    PlainSerializer(_whole_if_integral),
]
HoursPerCredit = Annotated[
    float,
    Field(strict=True, ge=25, le=30, allow_inf_nan=False),
    PlainSerializer(_whole_if_integral),
]
WeeklyHours = Annotated[
    float,
    Field(strict=True, gt=0, le=60, allow_inf_nan=False),
    PlainSerializer(_whole_if_integral),
]
EqfLevel = Annotated[str, BeforeValidator(_eqf_from_number), AfterValidator(_check_eqf)]
Country = Annotated[str, AfterValidator(_check_country)]


# Unknown fields are refused and every assignment is validated. Lists default through a
# factory: a plain `= []` default is deep-copied for every unit that leaves the list out.
_RULES = ConfigDict(extra="forbid", validate_assignment=True)


class _Unit(BaseModel):
    model_config = _RULES


# Outcomes and items are pydantic dataclasses rather than models: a provider's catalog has
# hundreds of thousands of them, and a dataclass is quicker to validate and to read (no
# __getattr__ hook, no set of fields per object). Outcomes keep their fields in slots,
# quickest to create and smallest; items keep a __dict__, which orjson writes directly
# (with slots it reads field by field: saving a catalog took twice as long). Together a
# 150,000-item file loads in about three quarters of the time (benchmarks/README.md). They
# validate as models do; copy them with dataclasses.replace and turn any unit into data
# with as_data below.
@dataclass(slots=True, config=_RULES)
class Outcome:
    """A learning outcome; `supports` names the higher-level outcomes it serves."""

    id: Id
    text: str = ""
    bloom: Bloom | None = None
    knowledge: Knowledge | None = None
    supports: list[Ref] = Field(default_factory=list)


@dataclass(config=_RULES)
class Item:
    """A lesson element of a module: a video, a reading, a quiz..."""

    id: Id
    title: str = ""
    kind: ItemKind = ItemKind.VIDEO
    minutes: Minutes = 0.0
    graded: Annotated[bool, Field(strict=True)] = False
    outcome_ids: list[Ref] = Field(default_factory=list)


class Module(_Unit):
    """One week of a course; owns its items."""

    id: Id
    code: str = ""
    title: str = ""
    description: str = ""
    hours: Hours | None = None
    outcomes: list[Outcome] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)


class Course(_Unit):
    """One topic of a program; refers to its modules, which other courses may share."""

    id: Id
    code: str = ""
    title: str = ""
    description: str = ""
    hours: Hours | None = None
    outcomes: list[Outcome] = Field(default_factory=list)
    module_ids: list[Ref] = Field(default_factory=list)


class Program(_Unit):
    """A certificate: an ordered list of course references and what its supplement needs."""

    id: Id
    code: str = ""
    title: str = ""
    description: str = ""
    eqf_level: EqfLevel | None = None
    issuer_name: str = ""
    issuer_country: Country | None = None
    awarding_body: str = ""
    delivery: Delivery | None = None
    pace: Pace | None = None
    language: str = ""
    prerequisites: str = ""
    quality_assurance: str = ""
    min_passing_score: Percent | None = None
    assessment: str = ""
    outcomes: list[Outcome] = Field(default_factory=list)
    course_ids: list[Ref] = Field(default_factory=list)


class Settings(_Unit):
    """Catalog-wide workload settings, saved in the file."""

    hours_per_credit: HoursPerCredit = 25.0
    rounding: Rounding = "down"
    weekly_hours: WeeklyHours = 10.0


class Silence(BaseModel):
    """A quality rule the designer switched off for one unit, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: Annotated[str, StringConstraints(min_length=1)]
    unit: Id
    reason: Annotated[str, StringConstraints(min_length=1)]


Unit = Program | Course | Module | Item


_adapters: dict[type, TypeAdapter[Any]] = {}


def _adapter(kind: type) -> TypeAdapter[Any]:
    if kind not in _adapters:
        _adapters[kind] = TypeAdapter(kind)
    return _adapters[kind]


def as_data(unit: Unit | Outcome) -> dict[str, Any]:
    """A unit's fields as plain Python data (enums as members, units as dicts)."""
    data: dict[str, Any] = _adapter(type(unit)).dump_python(unit)
    return data


def from_data(kind: type[Unit | Outcome], data: Any) -> Unit | Outcome:
    """A unit of this kind from plain data, validated (raises pydantic.ValidationError)."""
    unit: Unit | Outcome = _adapter(kind).validate_python(data)
    return unit
