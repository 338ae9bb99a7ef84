"""Writing a catalog file: deterministic bytes, replaced atomically."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from designer.bulk import bulk
from designer.errors import CatalogError, Problem
from designer.model.catalog import Catalog
from designer.storage.fileformat import FORMAT_NAME, FORMAT_VERSION


@bulk  # hundreds of thousands of dicts and lists, no cycles: see collector_paused
def dumps(catalog: Catalog) -> bytes:
    """The file's bytes: the same catalog always gives the same bytes."""
    odd: list[float] = []  # numbers that pydantic_core would write otherwise than json
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": _check_numbers(catalog.settings.model_dump(mode="json"), odd),
        "programs": [_unit(p, odd) for p in catalog.programs],
        "courses": [_unit(c, odd) for c in catalog.courses.values()],
        "modules": [_unit(m, odd) for m in catalog.modules.values()],
    }
    if catalog.ignored_duplicates:
        data["ignored_duplicates"] = [list(pair) for pair in catalog.ignored_duplicates]
    if catalog.silenced:
        data["silenced"] = [silence.model_dump() for silence in catalog.silenced]
    if not odd:
        # pydantic_core's serialiser (Rust) writes exactly what json.dumps(indent=2,
        # ensure_ascii=False) writes for these values (the same escapes, separators and
        # number forms), about six times faster; see benchmarks/README.md.
        try:
            return to_json(data, indent=2) + b"\n"
        except PydanticSerializationError:
            pass  # e.g. a lone surrogate: let json report it as it always did
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _unit(unit: Any, odd: list[float]) -> dict[str, Any]:
    return _prune(unit.model_dump(mode="json", exclude_none=True), odd)


def _prune(data: dict[str, Any], odd: list[float]) -> dict[str, Any]:
    """Leave out empty texts and lists (their defaults) so the file reads well in a diff."""
    pruned: dict[str, Any] = {}
    for key, value in data.items():
        if value == "" or value == []:
            continue
        if isinstance(value, list) and isinstance(value[0], dict):
            value = [_prune(each, odd) for each in value]
        elif type(value) is float and value and not _PLAIN_FLOAT[0] <= abs(value) < _PLAIN_FLOAT[1]:
            odd.append(value)
        pruned[key] = value
    return pruned


# Floats that json (repr) and pydantic_core write alike: outside, json writes 1e-05 and
# 1e+16 where pydantic_core writes 1e-5 and 1e16, so dumps then uses json.
_PLAIN_FLOAT = (1e-4, 1e16)


def _check_numbers(data: dict[str, Any], odd: list[float]) -> dict[str, Any]:
    for value in data.values():
        if type(value) is float and value and not _PLAIN_FLOAT[0] <= abs(value) < _PLAIN_FLOAT[1]:
            odd.append(value)
    return data


def save(catalog: Catalog, path: str | Path) -> None:
    """Write the catalog to path; on any failure the previous file is left as it was."""
    path = Path(path)
    data = dumps(catalog)
    try:
        write_atomically(path, data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CatalogError(path, [Problem("", f"cannot save: {reason}")]) from error


def write_atomically(path: Path, data: bytes) -> None:
    # A temporary file in the same folder, so the final rename cannot cross file systems.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual ones."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
