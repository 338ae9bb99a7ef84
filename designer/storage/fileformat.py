"""The catalog file: its header, its version and the migrations from older versions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from designer.model.units import Course, Id, Module, Program, Settings, Silence

FORMAT_NAME = "curriculum-designer"
FORMAT_VERSION = 3
EXTENSION = ".curriculum.json"

# MIGRATIONS[n] turns the data of a version-n file into version n + 1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 added "ignored_duplicates"; a version-1 file simply has none.
    return data


def _from_version_2(data: dict[str, Any]) -> dict[str, Any]:
    # Version 3 added "silenced" (quality rules switched off per unit).
    return data


MIGRATIONS: dict[int, Migration] = {1: _from_version_1, 2: _from_version_2}


class CatalogFile(BaseModel):
    """What a catalog file holds, once migrated to the current version."""

    # Parsing a file, cache only the keys' strings: values are mostly ids, each different,
    # and caching them slowed the load of a large catalog by a tenth.
    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    format: Literal["curriculum-designer"]
    # Strict: "3" or 3.0 passed here, where the careful way refuses a version that is no
    # whole number (and "2" was refused).
    version: Annotated[int, Field(strict=True)]
    settings: Settings = Settings()
    programs: list[Program] = []
    courses: list[Course] = []
    modules: list[Module] = []
    # Pairs of unit ids the designer marked "not duplicates" (since version 2).
    ignored_duplicates: list[tuple[Id, Id]] = []
    # Quality rules switched off for a unit, with a reason (since version 3).
    silenced: list[Silence] = []


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring data of an older version up to FORMAT_VERSION, one version at a time."""
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["version"] = version
    return data
