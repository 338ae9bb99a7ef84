"""What a quality check reports: findings, the rules that make them, and profiles of rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from designer.checks.context import Context

ERROR = "error"  # breaks the accreditation condition, or is plainly wrong
WARNING = "warning"  # a rule of thumb from the accreditation report is broken
INFO = "info"  # advice
SEVERITIES = (ERROR, WARNING, INFO)  # the order findings come in


@dataclass(frozen=True)
class Finding:
    """One thing a rule found about one unit.

    rule: the rule's stable id, e.g. "workload.total-hours".
    severity: "error", "warning" or "info".
    unit: the id of the program, course, module, item or outcome it points at.
    message: plain words that name the unit and the figures.
    hint: how to fix it.
    field: the unit's field to go to, when there is one ("hours", "outcomes", ...).
    """

    rule: str
    severity: str
    unit: str
    message: str
    hint: str
    field: str = ""


@dataclass(frozen=True)
class Rule:
    """A quality rule: its id, severity, a short title for filter lists, and its check.

    The check yields its findings through `Context.finding`, which stamps them with this
    rule's id and severity.
    """

    id: str
    severity: str
    title: str
    check: Callable[[Context], Iterable[Finding]]

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.id}: severity must be one of {', '.join(SEVERITIES)}")


@dataclass(frozen=True)
class Profile:
    """A named set of rules: what a kind of credential is checked against."""

    name: str
    title: str
    rules: tuple[Rule, ...]


class UnknownProfile(LookupError):
    """A profile name that is not one of PROFILES."""
