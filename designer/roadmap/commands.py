"""The `roadmap` command: a course's or a program's outcome roadmap written as SVG or PNG.

designer.cli adds it with add_commands(); `run` returns the exit status. Only a PNG loads Qt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from designer.display import terminal_message, terminal_text
from designer.errors import CatalogError
from designer.model import Totals, UnknownName, find_program_or_course
from designer.roadmap.layout import Roadmap, UnknownUnit, roadmap
from designer.roadmap.png import RenderError
from designer.roadmap.svg import svg_text, write_problem, write_svg
from designer.storage import load

FORMATS = (".svg", ".png")
MAX_WIDTH = 10_000  # pixels: 40 MB of image at most; a zero too many would ask for gigabytes


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
        help=f"the width of a PNG (default 1600, at most {MAX_WIDTH:,}); the height follows",
    )
    command.set_defaults(run=run_roadmap)


def run_roadmap(args: argparse.Namespace) -> int:
    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in FORMATS:
        print(f"{output}: write a .svg or a .png file", file=sys.stderr)
        return 2
    if not 0 < args.width <= MAX_WIDTH:
        print(
            f"--width must be a number of pixels from 1 to {MAX_WIDTH:,}, not {args.width:,}",
            file=sys.stderr,
        )
        return 2
    try:
        catalog = load(args.file)
        unit_id = find_program_or_course(catalog, args.unit).id
    except (CatalogError, UnknownName, UnknownUnit) as error:
        print(terminal_message(error), file=sys.stderr)
        return 2
    found = roadmap(catalog, Totals(catalog), unit_id)
    try:
        size = _write(found, output, args.width)
    except (OSError, RenderError) as error:
        print(write_problem(output, error), file=sys.stderr)
        return 2
    gaps = len(found.gaps)
    print(
        f"{output}: roadmap of the {found.kind} {terminal_text(found.unit_title)}{size}, "
        f"{gaps} gap{'s' if gaps != 1 else ''}",
        file=sys.stderr,
    )
    return 0


def _write(found: Roadmap, output: Path, width: int) -> str:
    """Write the SVG or the PNG the output's extension asks for; say the PNG's size."""
    if output.suffix.lower() == ".svg":
        write_svg(found, output)
        return ""
    from designer.roadmap.png import write_png  # Qt only for a PNG

    drawn = write_png(svg_text(found), output, width)
    return f", {drawn[0]} x {drawn[1]} px"
