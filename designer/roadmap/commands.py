"""The `roadmap` command: a course's or a program's outcome roadmap written as SVG or PNG.

designer.cli adds it with add_commands(); `run` returns the exit status. Only a PNG loads Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from designer.errors import CatalogError
from designer.model import Catalog, Course, Program, Totals, UnknownName, find_program
from designer.roadmap.layout import UnknownUnit, roadmap
from designer.roadmap.svg import svg_text, write_svg
from designer.storage import load

FORMATS = (".svg", ".png")


def add_commands(subparsers: Any) -> None:
    """Add `roadmap` to the command line's subparsers."""
    command = subparsers.add_parser(
        "roadmap",
        help="draw the outcome roadmap of a course (by week) or a program (by course)",
        description="Draw which outcome is addressed where, coloured by Bloom level: a course's "
        "module outcomes by week and course outcome, or a program's outcomes by course, "
        "with where each is introduced and mastered and the gaps.",
    )
    command.add_argument("file", help="a .curriculum.json catalog")
    command.add_argument(
        "--unit",
        required=True,
        metavar="NAME",
        help="a program (id, code, title or part of the title) or a course (id or title)",
    )
    command.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.svg|OUT.png",
        help="the picture to write (replaced); its extension chooses the format",
    )
    command.add_argument(
        "--width",
        type=int,
        default=1600,
        metavar="PIXELS",
        help="the width of a PNG (default 1600); the height follows",
    )
    command.set_defaults(run=run_roadmap)


def run_roadmap(args: argparse.Namespace) -> int:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        print(f"{output}: write a .svg or a .png file", file=sys.stderr)
        return 2
    if args.width <= 0:
        print(f"--width must be a positive number of pixels, not {args.width}", file=sys.stderr)
        return 2
    try:
        catalog = load(args.file)
        unit_id = find_unit(catalog, args.unit)
    except (CatalogError, UnknownName, UnknownUnit) as error:
        print(error, file=sys.stderr)
        return 2
    found = roadmap(catalog, Totals(catalog), unit_id)
    if suffix == ".svg":
        write_svg(found, output)
        size = ""
    else:
        from designer.roadmap.png import write_png  # Qt only for a PNG

        width, height = write_png(svg_text(found), output, args.width)
        size = f", {width} x {height} px"
    gaps = len(found.gaps)
    print(
        f"{output}: roadmap of the {found.kind} {found.unit_title}{size}, "
        f"{gaps} gap{'s' if gaps != 1 else ''}",
        file=sys.stderr,
    )
    return 0


def find_unit(catalog: Catalog, name: str) -> str:
    """The id of the program or course a name means: an id, a course's exact title (any case),
    or what designer.model.find_program accepts for a program."""
    node = catalog.get_or_none(name)
    if isinstance(node, Program | Course):
        return node.id
    wanted = _plain(name)
    courses = [c for c in catalog.courses.values() if _plain(c.title) == wanted]
    exact_program = any(wanted in (_plain(p.title), _plain(p.code)) for p in catalog.programs)
    if len(courses) == 1 and not exact_program:
        return courses[0].id
    try:
        return find_program(catalog, name).id
    except UnknownName as error:
        if len(courses) > 1:
            listed = "; ".join(f"{c.title} (id {c.id})" for c in courses)
            raise UnknownUnit(f"{name!r} matches {len(courses)} courses: {listed}") from None
        if error.candidates:
            raise
        raise UnknownUnit(f"{error}; nor is it a course's id or title") from None


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()
