"""Quality checks (Qt-free): rules an instructional designer checks, grouped in profiles."""

from designer.checks.context import Context, unit_title
from designer.checks.findings import (
    ERROR,
    INFO,
    SEVERITIES,
    WARNING,
    Finding,
    Profile,
    Rule,
    UnknownProfile,
)
from designer.checks.profiles import DEFAULT_PROFILE, PROFILES, get_profile
from designer.checks.run import is_silenced, rule_titles, run_checks

__all__ = [
    "DEFAULT_PROFILE",
    "ERROR",
    "INFO",
    "PROFILES",
    "SEVERITIES",
    "WARNING",
    "Context",
    "Finding",
    "Profile",
    "Rule",
    "UnknownProfile",
    "get_profile",
    "is_silenced",
    "rule_titles",
    "run_checks",
    "unit_title",
]
