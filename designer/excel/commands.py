"""The Excel commands of the command line: `export` and `import-xlsx`.

designer.cli adds them with add_commands(); each command's `run` returns the exit status,
and CatalogError or UnknownName raised here are reported by designer.cli.main (status 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from designer.display import terminal_text
from designer.errors import CatalogError, Problem, refused_output
from designer.model import Totals, find_program
from designer.storage import load, save


def add_commands(subparsers: Any) -> None:
    """Add `export` and `import-xlsx` to the command line's subparsers."""
    export = subparsers.add_parser(
        "export",
        help="write the programs' syllabi, outcomes and curriculum maps to an Excel workbook",
    )
    export.add_argument("file", help="a .curriculum.json catalog")
    export.add_argument(
        "--xlsx", required=True, metavar="OUT.xlsx", help="the workbook to write (replaced)"
    )
    export.add_argument(
        "--program",
        action="append",
        metavar="NAME",
        help="only this program (id, code, title or part of the title); may repeat",
    )
    export.set_defaults(run=run_export)

    read = subparsers.add_parser(
        "import-xlsx",
        help="make a catalog from an Excel workbook: our own export, or one table per program",
    )
    read.add_argument("workbook", metavar="IN.xlsx", help="the workbook to read")
    read.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.curriculum.json",
        help="the catalog to write",
    )
    read.add_argument(
        "--force", action="store_true", help="replace OUT.curriculum.json if it exists"
    )
    read.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    from designer.excel.export import export_workbook  # openpyxl only when asked for

    refused = refused_output(Path(args.xlsx), Path(args.file), "workbook", "catalog")
    if refused:
        print(refused, file=sys.stderr)
        return 2
    catalog = load(args.file)
    programs = [find_program(catalog, name).id for name in args.program] if args.program else None
    export_workbook(catalog, args.xlsx, programs)
    count = len(programs) if programs is not None else len(catalog.programs)
    print(f"{args.xlsx}: {count} program{'s' if count != 1 else ''} exported", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from designer.excel.import_ import import_workbook

    output = Path(args.output)
    refused = refused_output(output, Path(args.workbook), "catalog", "workbook")
    if refused:
        print(refused, file=sys.stderr)
        return 2
    if output.exists() and not args.force:
        message = "already exists: choose another name, or replace it with --force"
        raise CatalogError(output, [Problem("", message)])
    catalog = import_workbook(args.workbook)
    save(catalog, output)
    totals = Totals(catalog)
    for program in catalog.programs:
        figures = totals.program(program)
        print(
            f"{terminal_text(program.title or program.id)}: {figures.courses} courses, "
            f"{figures.ects_text(catalog.settings.rounding)}",
            file=sys.stderr,
        )
    print(
        f"{output}: {len(catalog.programs)} programs, {len(catalog.courses)} courses, "
        f"{len(catalog.modules)} modules",
        file=sys.stderr,
    )
    return 0
