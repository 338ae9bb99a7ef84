"""Writing a catalog file: deterministic bytes, replaced atomically."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel

from designer.bulk import bulk
from designer.errors import CatalogError, Problem
from designer.model.catalog import Catalog
from designer.storage.fileformat import FORMAT_NAME, FORMAT_VERSION

TEMPORARY_NAME_KEPT = 40  # characters of a file's name that its temporary file's name keeps


def temporary_prefix(path: Path) -> str:
    """How the name of a temporary file written beside path starts: hidden, and with the
    start of path's name only, since the whole of a long one (up to 255 bytes) and what
    follows would be over the file system's limit."""
    return "." + path.name[:TEMPORARY_NAME_KEPT] + "."


@bulk  # see collector_paused: orjson makes no objects, but json makes many
def dumps(catalog: Catalog) -> bytes:
    """The file's bytes: every field of every unit, in the units' own order, indented.

    The same catalog always gives the same bytes. orjson writes the units straight from
    their fields (see _fields), which on a large catalog is several times faster than
    building plain dicts first; see benchmarks/README.md.
    """
    return _encoded(_file_data(catalog), indent=True) + b"\n"


def pieces(catalog: Catalog, units_per_piece: int = 500) -> Iterator[bytes]:
    """The catalog as a file, in pieces of a few hundred units each, unindented.

    Joined, the pieces are a catalog file that loads as the one dumps writes does. A large
    catalog takes half a second to encode at once; in pieces it can be written a little
    at a time between the window's events (the recovery copy). The pieces read the
    catalog as they are made: an edit meanwhile makes the ones left disagree with the
    ones given, so start again after one.
    """
    data = _file_data(catalog)
    lists = {name: value for name, value in data.items() if isinstance(value, list)}
    header = {name: value for name, value in data.items() if name not in lists}
    yield _encoded(header)[:-1]  # the object left open
    for name, units in lists.items():
        yield f',"{name}":['.encode()
        for start in range(0, len(units), units_per_piece):
            piece = _encoded(units[start : start + units_per_piece])[1:-1]  # no brackets
            yield b"," + piece if start else piece
        yield b"]"
    yield b"}\n"


def _file_data(catalog: Catalog) -> dict[str, Any]:
    """What the file holds, units as they are (orjson writes them through _fields)."""
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": catalog.settings,
        "programs": catalog.programs,
        "courses": list(catalog.courses.values()),
        "modules": list(catalog.modules.values()),
    }
    if catalog.ignored_duplicates:
        data["ignored_duplicates"] = [list(pair) for pair in catalog.ignored_duplicates]
    if catalog.silenced:
        data["silenced"] = catalog.silenced
    return data


def _encoded(data: Any, indent: bool = False) -> bytes:
    try:
        return orjson.dumps(data, default=_fields, option=orjson.OPT_INDENT_2 if indent else 0)
    except orjson.JSONEncodeError:
        pass  # e.g. a text that is not valid Unicode: let json report it as it always did
    text = json.dumps(data, default=_fields, indent=2 if indent else None, ensure_ascii=False)
    return text.encode("utf-8")


def _fields(value: object) -> dict[str, Any]:
    """A unit as the file holds it: its fields by name (enums write as their values).

    orjson writes outcomes and items (dataclasses) by itself; json needs this for them too.
    """
    if isinstance(value, BaseModel):
        return value.__dict__
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: getattr(value, field.name) for field in fields(value)}
    raise TypeError(f"a catalog holds no {type(value).__name__}")


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
    file = AtomicFile(path)
    try:
        file.write(data)
    except BaseException:
        file.discard()
        raise
    file.commit()


class AtomicFile:
    """A file written in as many steps as wanted, that replaces path only when committed.

    It is written beside path (so the final rename cannot cross file systems) under a
    temporary name; until commit, and if anything fails, path is left as it was.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        handle, self.temporary = tempfile.mkstemp(
            dir=path.parent, prefix=temporary_prefix(path), suffix=".tmp"
        )
        self.file = os.fdopen(handle, "wb")

    def write(self, data: bytes) -> None:
        self.file.write(data)

    def sync(self) -> None:
        """Put what is written so far on the disk: a file written in steps syncs each one,
        so that the commit, which syncs the rest, has little left to wait for."""
        self.file.flush()
        os.fsync(self.file.fileno())

    def commit(self) -> None:
        try:
            self.sync()
            self.file.close()
            os.chmod(self.temporary, _mode_for(self.path))
            os.replace(self.temporary, self.path)
        except BaseException:
            self.discard()
            raise
        _sync_folder(self.path.parent)

    def discard(self) -> None:
        self.file.close()
        with suppress(FileNotFoundError):
            os.unlink(self.temporary)


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
