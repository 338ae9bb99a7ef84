"""Errors the Qt-free code raises; the UI and the command line present them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where it is and what it is."""

    location: str  # a JSON path such as "courses[2].hours", or "line 3, column 5"
    message: str
    unit: str = ""  # the unit it belongs to, e.g. 'course "Introduction to Public Relations"'

    def __str__(self) -> str:
        where = f"{self.location} ({self.unit})" if self.unit else self.location
        return f"{where}: {self.message}" if where else self.message


class CatalogError(Exception):
    """A catalog file could not be read or written; lists every problem found."""

    def __init__(self, path: str | Path, problems: list[Problem]) -> None:
        self.path = Path(path)
        self.problems = problems
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{self.path}: {count} problem{'s' if count != 1 else ''}"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def why_not_written(path: Path, error: OSError) -> str:
    """Why a file could not be written, in words: "there is no folder …" where the
    system says "No such file or directory", which seemed to be about the file itself."""
    if isinstance(error, FileNotFoundError) and not path.parent.is_dir():
        return f"there is no folder {path.parent}"
    if isinstance(error, PermissionError) and not os.access(path.parent, os.W_OK):
        # The file is written beside path, then renamed over it: the folder's permission
        # is the one lacking, where "Permission denied" seemed to be about the file.
        return f"the folder {path.parent} may not be written in (permission denied)"
    return error.strerror or str(error)


def refused_output(output: Path, source: Path, writing: str, reading: str) -> str:
    """Why output cannot be written, found before the work starts: it is the file being read
    (which would be lost), or its folder does not exist; "" when it may be written."""
    if output.resolve() == source.resolve():
        return f"{output}: that is the {reading} being read; write the {writing} to another file"
    if not output.parent.is_dir():
        return f"{output}: cannot write the {writing}: there is no folder {output.parent}"
    return ""
