"""The `supplement` command of the command line.

designer.cli adds it with add_commands(); `run` returns the exit status, and CatalogError or
UnknownName raised here are reported by designer.cli.main (status 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from designer.display import terminal_message, terminal_text
from designer.errors import refused_output
from designer.model import Totals, find_program
from designer.storage import load
from designer.supplement.export import FORMATS, write_supplement
from designer.supplement.facts import MissingFacts, missing_elements, supplement_facts


def add_commands(subparsers: Any) -> None:
    """Add `supplement` to the command line's subparsers."""
    command = subparsers.add_parser(
        "supplement",
        help="write a program's certificate supplement: PDF, HTML, Open Badges 3.0 or ELM",
        description="Write the certificate supplement of one program: the six facts the "
        "accreditation asks for, the EU standard elements of a micro-credential, the courses "
        "with their hours and the stacking options. A program that lacks a required fact is "
        "refused, naming what is missing, unless --draft.",
    )
    command.add_argument("file", help="a .curriculum.json catalog")
    command.add_argument(
        "--program",
        required=True,
        metavar="NAME",
        help="the program (id, code, title or part of the title)",
    )
    command.add_argument(
        "--format",
        required=True,
        choices=list(FORMATS),
        help="pdf or html: the document; badge: an Open Badges 3.0 Achievement (JSON); "
        "elm: a European Learning Model learning-achievement specification (JSON-LD)",
    )
    command.add_argument(
        "-o", "--output", required=True, metavar="OUT", help="the file to write (replaced)"
    )
    command.add_argument(
        "--draft",
        action="store_true",
        help="write it even if required facts are missing, with their places marked",
    )
    command.set_defaults(run=run_supplement)


def run_supplement(args: argparse.Namespace) -> int:
    refused = refused_output(Path(args.output), Path(args.file), "supplement", "catalog")
    if refused:
        print(refused, file=sys.stderr)
        return 2
    catalog = load(args.file)
    program = find_program(catalog, args.program)
    supplement = supplement_facts(catalog, Totals(catalog), program.id)
    missing = missing_elements(supplement)
    if missing and not args.draft:
        error = MissingFacts(supplement, missing)
        print(
            f"{terminal_message(error)}\nFill them in, or write a draft with --draft.",
            file=sys.stderr,
        )
        return 2
    try:
        write_supplement(supplement, args.output, args.format, draft=args.draft)
    except OSError as error:
        folder = Path(args.output).parent
        reason = error.strerror if folder.is_dir() else f"there is no folder {folder}"
        print(f"{args.output}: cannot write the supplement: {reason or error}", file=sys.stderr)
        return 2
    note = ""
    if missing:
        note = f" (draft: {len(missing)} missing, marked: {', '.join(e.name for e in missing)})"
    print(
        f"{args.output}: certificate supplement of {terminal_text(supplement.title or program.id)} "
        f"({args.format}){note}",
        file=sys.stderr,
    )
    return 0
