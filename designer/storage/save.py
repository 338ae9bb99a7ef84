"""Writing a catalog file: deterministic bytes, replaced atomically."""

from __future__ import annotations

import errno
import hashlib
import json
import math
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import fields, is_dataclass
from functools import partial
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel

from designer.bulk import bulk
from designer.errors import CatalogError, Problem, why_not_written
from designer.model.catalog import Catalog
from designer.storage.fileformat import FORMAT_NAME, FORMAT_VERSION

TEMPORARY_NAME_KEPT = 40  # characters of a file's name that its temporary file's name keeps
UNITS_PER_PIECE = 500  # units of a list in a piece of a file (see file_pieces): 1-3 ms to encode

Piece = Callable[[], bytes | memoryview]  # a piece of a file, made when called


def temporary_prefix(path: Path) -> str:
    """How the name of a temporary file written beside path starts: hidden, and with the
    start of path's name only, since the whole of a long one (up to 255 bytes) and what
    follows would be over the file system's limit."""
    return "." + path.name[:TEMPORARY_NAME_KEPT] + "."


def replaced_file(path: Path) -> Path:
    """The file a write to path replaces: the one a symbolic link names, not the link (a
    new file put in the link's place would leave the file it names behind, unchanged)."""
    return path.resolve() if path.is_symlink() else path


@bulk  # see collector_paused: orjson makes no objects, but json makes many
def dumps(catalog: Catalog) -> bytes:
    """The file's bytes: every field of every unit, in the units' own order, indented.

    The same catalog always gives the same bytes. orjson writes the units straight from
    their fields (see _fields), which on a large catalog is several times faster than
    building plain dicts first; see benchmarks/README.md. The bytes are those of
    file_pieces, joined: a save a piece at a time writes the same file.
    """
    return b"".join([piece() for piece in file_pieces(catalog, units_per_piece=None)])


def file_pieces(catalog: Catalog, units_per_piece: int | None = UNITS_PER_PIECE) -> list[Piece]:
    """The file's bytes in pieces of a few hundred units each, each made when called.

    Called in turn and joined, they are the bytes dumps gives. A large catalog takes a
    fifth of a second to encode and as long to write: in pieces a save can be done a
    little at a time between the window's events, and the list's length says how far it
    is. A piece reads the catalog when called, so the catalog must not change until the
    last one is. The commas and brackets between the units are pieces of their own, so
    that the units' bytes are never copied to add them (a large file is 65 MB). With
    units_per_piece None each list is one piece: made at once, the whole file is then as
    fast to make as in one go, 3 % faster than in pieces of 500 units.
    """
    data = _file_data(catalog)
    made: list[Piece] = []
    for index, (name, value) in enumerate(data.items()):
        made.append(_always(b"{\n" if index == 0 else b",\n"))
        if not isinstance(value, list) or not value:
            made.append(partial(_entry, name, value))
            continue
        made.append(_always(f'  "{name}": ['.encode()))
        step = units_per_piece or len(value)
        for start in range(0, len(value), step):
            if start:
                made.append(_always(b","))
            made.append(partial(_units, name, value[start : start + step]))
        made.append(_always(b"\n  ]"))
    made.append(_always(b"\n}\n"))
    return made


def _always(data: bytes) -> Piece:
    """A piece that is always data (a comma, a bracket)."""
    return lambda: data


def _entry(name: str, value: Any) -> memoryview:
    """One entry of the file's object as the file has it: `  "name": value`."""
    return memoryview(_encoded({name: value}, indent=True))[2:-2]  # less {\n and \n}


def _units(name: str, units: list[Any]) -> memoryview:
    """Units of the list name as the file has them, between the list's brackets: orjson
    indents them as the file does when they are in {name: [...]}, as they are there."""
    text = _encoded({name: units}, indent=True)  # {\n  "name": [\n    unit\n  ]\n}
    return memoryview(text)[text.index(b"[") + 1 : -len(b"\n  ]\n}")]


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
    writer = CatalogWriter(catalog, Path(path))
    writer.write()
    writer.commit()


class CatalogWriter:
    """A save of a catalog a piece at a time (see file_pieces), so that the window can do
    it between its events. Path is replaced by commit only: until then, and if anything
    fails, it is left as it was. Failures to write raise CatalogError, with the reason.

    The catalog must not change until the last piece is written.
    """

    def __init__(self, catalog: Catalog, path: Path) -> None:
        self.path = path
        self.pieces = file_pieces(catalog)
        self.done = 0  # pieces written
        self.size = 0  # bytes written
        self.sha256 = hashlib.sha256()  # of the bytes written: the file needs no reading back
        try:
            self.file = AtomicFile(path)
        except OSError as error:
            raise _cannot_save(path, error) from error

    @property
    def total(self) -> int:
        return len(self.pieces)

    def write(self, until: float = math.inf) -> bool:
        """Write pieces, at least one, until time.perf_counter() passes until; True once
        all are written."""
        with self._failing():
            while self.done < len(self.pieces):
                piece = self.pieces[self.done]()
                self.file.write(piece)
                self.sha256.update(piece)
                self.size += len(piece)
                self.done += 1
                if time.perf_counter() >= until:
                    self.file.sync()  # a step's worth each time, not all at the end
                    break
        return self.done == len(self.pieces)

    def commit(self) -> None:
        """Put the file written in place of path."""
        with self._failing():
            self.file.commit()

    def discard(self) -> None:
        """Drop the save: path is left as it was and the temporary file deleted."""
        with suppress(OSError):  # a folder made read-only meanwhile: nothing more to do
            self.file.discard()

    @contextmanager
    def _failing(self) -> Iterator[None]:
        try:
            yield
        except BaseException as error:
            self.discard()
            if isinstance(error, OSError):
                raise _cannot_save(self.path, error) from error
            raise


def _cannot_save(path: Path, error: OSError) -> CatalogError:
    return CatalogError(path, [Problem("", f"cannot save: {why_not_written(path, error)}")])


def write_atomically(path: Path, data: bytes) -> None:
    with atomic_file(path) as file:
        file.write(data)


@contextmanager
def atomic_file(path: Path) -> Iterator[AtomicFile]:
    """An AtomicFile for the block: committed when the block ends, discarded if the block
    raises (the error goes on) or has discarded it (a write given up).

    For a writer that opens a file by its name (openpyxl's save, Qt's PDF writer), give it
    the file's temporary_path().
    """
    file = AtomicFile(path)
    try:
        yield file
    except BaseException:
        with suppress(OSError):  # the block's error says more than a failed clean-up
            file.discard()
        raise
    if not file.discarded:
        file.commit()


class AtomicFile:
    """A file written in as many steps as wanted, that replaces path only when committed.

    It is written beside path (so the final rename cannot cross file systems) under a
    temporary name; until commit, and if anything fails, path is left as it was. The
    file that replaces path keeps the permissions of the one it replaces.
    """

    def __init__(self, path: Path) -> None:
        self.path = path = replaced_file(path)
        if path.exists() and not path.is_file() and not path.is_dir():
            # A pipe or a device (/dev/full): the rename put a file in its place, and the
            # write was said to have been made. A folder is refused by the rename itself.
            raise OSError(errno.EINVAL, "it is a pipe or a device, not a file", str(path))
        if _read_only(path):
            # A rename replaces it all the same (where the folder may be written): a file
            # the designer had marked read-only was overwritten without a word.
            raise PermissionError(errno.EACCES, "the file is read-only", str(path))
        handle, self.temporary = tempfile.mkstemp(
            dir=path.parent, prefix=temporary_prefix(path), suffix=".tmp"
        )
        self.file = os.fdopen(handle, "wb")
        self.discarded = False

    def temporary_path(self) -> Path:
        """The temporary file's path, for a writer that opens a file by its name rather
        than writing through this one: this one's handle is closed, and commit syncs what
        that writer left there (write and sync cannot be used after this)."""
        self.file.close()
        return Path(self.temporary)

    def write(self, data: bytes | memoryview) -> None:
        self.file.write(data)

    def sync(self) -> None:
        """Put what is written so far on the disk: a file written in steps syncs each one,
        so that the commit, which syncs the rest, has little left to wait for."""
        self.file.flush()
        os.fsync(self.file.fileno())

    def commit(self) -> None:
        try:
            if self.file.closed:  # written by name (see temporary_path)
                _sync_file(self.temporary)
            else:
                self.sync()
                self.file.close()
            os.chmod(self.temporary, _mode_for(self.path))
            os.replace(self.temporary, self.path)
        except BaseException:
            self.discard()
            raise
        _sync_folder(self.path.parent)

    def discard(self) -> None:
        self.discarded = True
        # Closing flushes what is left: on a full disk that fails too, and the temporary
        # file, never deleted, kept the space taken (one for each save tried).
        with suppress(OSError):
            self.file.close()
        with suppress(FileNotFoundError):
            os.unlink(self.temporary)


def _read_only(path: Path) -> bool:
    """Whether path is a file that nobody may write (by its permissions)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False  # not there yet (or not to be seen): the write says what is wrong
    return stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def _mode_for(path: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets the usual ones."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_file(path: str) -> None:
    descriptor = os.open(path, os.O_RDWR)  # Windows syncs only a file open for writing
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
