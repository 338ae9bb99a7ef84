"""The command line: totals and validation of catalog files, usable without a display."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from designer.bloom import VerbAdvice, analyze
from designer.errors import CatalogError
from designer.model import Catalog, Program, Totals, UnknownName, find_program, format_hours
from designer.storage import load

COMMANDS = ("totals", "validate", "bloom")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and not arguments[0].startswith("-")):
        from designer.ui.app import run  # Qt only on this path: the commands work without it

        return run(arguments)
    parser = _parser()
    args = parser.parse_args(arguments)
    try:
        return int(args.run(args))
    except (CatalogError, UnknownName) as error:
        print(error, file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curriculum-designer",
        description="Design stackable certificates: programs, courses, modules and items. "
        "With a FILE (or nothing) instead of a command, opens the window.",
        usage="%(prog)s [FILE] | %(prog)s COMMAND ...",
    )
    commands = parser.add_subparsers(title="commands", required=True, metavar="COMMAND")

    totals = commands.add_parser(
        "totals", help="hours, ECTS and weeks per program, hours and sharing per course"
    )
    totals.add_argument("file", help="a .curriculum.json catalog")
    totals.add_argument(
        "--program",
        action="append",
        metavar="NAME",
        help="only this program (id, code, title or part of the title); may repeat",
    )
    totals.add_argument("--json", action="store_true", help="print JSON instead of a table")
    totals.set_defaults(run=_totals)

    validate = commands.add_parser("validate", help="load a catalog and report its problems")
    validate.add_argument("file", help="a .curriculum.json catalog")
    validate.set_defaults(run=_validate)

    bloom = commands.add_parser(
        "bloom",
        help="suggest a Bloom level from each outcome's leading verb and flag weak phrasing",
    )
    bloom.add_argument(
        "text", nargs="*", help="one outcome per argument; without any, one per line on stdin"
    )
    bloom.add_argument("--json", action="store_true", help="print one JSON object per line")
    bloom.set_defaults(run=_bloom)
    return parser


def _number(value: float) -> int | float:
    return int(round(value)) if abs(value - round(value)) < 1e-9 else round(value, 4)


def _selected(catalog: Catalog, names: list[str] | None) -> list[Program]:
    if not names:
        return list(catalog.programs)
    return [find_program(catalog, name) for name in names]


def _totals(args: argparse.Namespace) -> int:
    catalog = load(args.file)
    totals = Totals(catalog)
    programs = _selected(catalog, args.program)
    if args.json:
        print(json.dumps(totals_report(catalog, totals, programs), indent=2, ensure_ascii=False))
        return 0
    settings = catalog.settings
    label = {p.id: p.code or p.id for p in catalog.programs}
    print(
        f"{format_hours(settings.hours_per_credit)} h per ECTS credit, "
        f"credits {_ROUNDING[settings.rounding]}, {format_hours(settings.weekly_hours)} h a week"
    )
    for program in programs:
        figures = totals.program(program)
        code = f" [{program.code}]" if program.code else ""
        print(f"\n{program.title or program.id}{code}")
        print(
            f"  {figures.ects_text(settings.rounding)} · {figures.weeks} weeks · "
            f"{figures.courses} course{'s' if figures.courses != 1 else ''}"
        )
        width = max((len(c.title) for c in catalog.courses_of(program)), default=0)
        for number, course in enumerate(catalog.courses_of(program), 1):
            others = [label[u] for u in _shared_with(catalog, program, course.id)]
            shared = f"  shared with {', '.join(others)}" if others else ""
            hours = format_hours(totals.hours(course))
            print(f"  {number:>3}  {course.title:<{width}}  {hours:>6} h{shared}")
    return 0


_ROUNDING = {"down": "rounded down", "nearest": "rounded to the nearest", "half": "in halves"}


def _shared_with(catalog: Catalog, program: Program, course_id: str) -> list[str]:
    return [p.id for p in catalog.programs_using(course_id) if p.id != program.id]


def totals_report(catalog: Catalog, totals: Totals, programs: list[Program]) -> dict[str, Any]:
    """The `totals --json` document."""
    report = []
    for program in programs:
        figures = totals.program(program)
        courses = [
            {
                "id": course.id,
                "title": course.title,
                "hours": _number(totals.hours(course)),
                "shared_with": _shared_with(catalog, program, course.id),
            }
            for course in catalog.courses_of(program)
        ]
        report.append(
            {
                "id": program.id,
                "code": program.code,
                "title": program.title,
                "hours": _number(figures.hours),
                "ects": _number(figures.ects),
                "weeks": figures.weeks,
                "courses": courses,
            }
        )
    return {"hours_per_credit": _number(catalog.settings.hours_per_credit), "programs": report}


def _validate(args: argparse.Namespace) -> int:
    catalog = load(args.file)
    totals = Totals(catalog)
    for mismatch in totals.mismatches():
        unit = mismatch.unit
        kind = type(unit).__name__.lower()
        parts = "modules" if kind == "course" else "items"
        print(
            f"warning: {kind} {unit.title or unit.id!r} ({unit.id}): declared "
            f"{format_hours(mismatch.declared)} h, its {parts} add up to "
            f"{format_hours(mismatch.computed)} h",
            file=sys.stderr,
        )
    counts = {
        "programs": len(catalog.programs),
        "courses": len(catalog.courses),
        "modules": len(catalog.modules),
        "items": sum(len(m.items) for m in catalog.modules.values()),
    }
    summary = ", ".join(f"{n} {name}" for name, n in counts.items())
    print(f"{args.file}: loads without problems ({summary})")
    return 0


def _bloom(args: argparse.Namespace) -> int:
    texts = args.text or [line.strip() for line in sys.stdin]
    for text in texts:
        if not text.strip():
            continue
        advice = analyze(text)
        if args.json:
            print(json.dumps(advice.to_json(), ensure_ascii=False))
        else:
            print(bloom_line(advice))
    return 0


def bloom_line(advice: VerbAdvice) -> str:
    """One readable line: level, verb, then the outcome and what is flagged about it."""
    notes = [
        f"{flag}: {', '.join(advice.candidates)}" if flag == "ambiguous" else flag
        for flag in advice.flags
    ]
    flagged = f"  [{'; '.join(notes)}]" if notes else ""
    return f"{advice.level or '-':<10}  {advice.verb or '-':<14}  {advice.text.strip()}{flagged}"
