"""The profiles: which rules a kind of credential is checked against."""

from __future__ import annotations

from designer.checks import alignment, outcomes, sharing, structure, supplement, workload
from designer.checks.findings import Profile, UnknownProfile

DEFAULT_PROFILE = "entry-level"

_ENTRY_LEVEL = (
    *supplement.RULES,
    *structure.RULES,
    *workload.RULES,
    *outcomes.RULES,
    *alignment.RULES,
    *sharing.RULES,
)

PROFILES: dict[str, Profile] = {
    "entry-level": Profile(
        "entry-level",
        "Entry-level professional certificate",
        _ENTRY_LEVEL,
    ),
    # A certificate meant to count as a module of a degree: all of the above, and at least
    # 5 ECTS, the least a higher-education module carries.
    "higher-education": Profile(
        "higher-education",
        "Higher-education module",
        (*_ENTRY_LEVEL, *workload.HIGHER_EDUCATION_RULES),
    ),
}


def profile_list() -> str:
    """The profiles for a message: 'entry-level (Entry-level professional certificate), ...'."""
    return ", ".join(f"{name} ({profile.title})" for name, profile in PROFILES.items())


def get_profile(profile: str | Profile) -> Profile:
    """The profile of that name (a Profile is returned as it is); UnknownProfile if none."""
    if isinstance(profile, Profile):
        return profile
    found = PROFILES.get(profile)
    if found is None:
        raise UnknownProfile(f"unknown profile {profile!r}; the profiles are: {profile_list()}")
    return found
