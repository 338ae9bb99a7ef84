"""The command line: totals, validation, overlaps and pathways of catalogs, without a display."""

from __future__ import annotations

import argparse
import codecs
import difflib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from designer.bloom import VerbAdvice, analyze
from designer.checks.commands import add_commands as add_check_commands
from designer.display import cell_width, padded, terminal_message, terminal_text
from designer.errors import CatalogError
from designer.excel.commands import add_commands as add_excel_commands
from designer.model import (
    Catalog,
    Program,
    Totals,
    UnknownName,
    distinct_titles,
    find_program,
    find_program_or_course,
    format_hours,
)
from designer.roadmap.commands import add_commands as add_roadmap_commands
from designer.sharing.duplicates import DuplicateGroup, find_duplicates
from designer.sharing.overlap import Overlap, in_catalog_order, overlap_matrix
from designer.sharing.pathway import Pathway, next_programs, pathway
from designer.storage import load
from designer.supplement.commands import add_commands as add_supplement_commands

COMMANDS = (
    "totals",
    "validate",
    "bloom",
    "overlaps",
    "pathway",
    "export",
    "import-xlsx",
    "roadmap",
    "check",
    "supplement",
)
# Each command's example, at the end of its --help.
EXAMPLES = {
    "totals": [
        "curriculum-designer totals catalog.curriculum.json --program 'full stack'",
        "curriculum-designer totals catalog.curriculum.json --json > totals.json",
    ],
    "validate": ["curriculum-designer validate catalog.curriculum.json"],
    "bloom": [
        "curriculum-designer bloom 'Design a REST API for a small online shop'",
        "curriculum-designer bloom --json < outcomes.txt",
    ],
    "overlaps": ["curriculum-designer overlaps catalog.curriculum.json --json > overlaps.json"],
    "pathway": [
        "curriculum-designer pathway catalog.curriculum.json --have front-end "
        "--target 'full stack'",
    ],
    "export": [
        "curriculum-designer export catalog.curriculum.json --xlsx syllabi.xlsx --program MS-FSD",
    ],
    "import-xlsx": ["curriculum-designer import-xlsx syllabi.xlsx -o catalog.curriculum.json"],
    "roadmap": [
        "curriculum-designer roadmap catalog.curriculum.json "
        "--unit 'Introduction to Programming With C#' -o csharp.svg",
    ],
    "check": [
        "curriculum-designer check catalog.curriculum.json",
        "curriculum-designer check catalog.curriculum.json --profile higher-education --json",
    ],
    "supplement": [
        "curriculum-designer supplement catalog.curriculum.json --program MS-FSD --format pdf "
        "-o full-stack.pdf",
    ],
}
EXIT_STATUSES = (
    "exit status: 0 done; 1 check found errors; 2 bad usage, or a file or name that cannot "
    "be used; 130 interrupted (Ctrl+C); 141 output cut short (a pipe closed by its reader)"
)
INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl+C
CUT_SHORT = 141  # 128 + SIGPIPE, as a shell reports `cat` stopped by `| head`


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0] not in COMMANDS and not arguments[0].startswith("-")):
        if arguments and _mistyped_command(arguments):
            _parser().error(_not_a_command(arguments[0]))
        from designer.ui.app import run  # Qt only on this path: the commands work without it

        return run(arguments)
    parser = _parser()
    args = parser.parse_args(arguments)
    _escape_what_stdout_cannot_encode()
    try:
        status = int(args.run(args))
        sys.stdout.flush()  # a pipe closed by its reader shows here, not at exit
        return status
    except (CatalogError, UnknownName) as error:
        print(terminal_message(error), file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`: what it wanted is written
        _stdout_to_nothing()
        return CUT_SHORT
    except KeyboardInterrupt:
        print(f"\ncurriculum-designer {arguments[0]}: interrupted", file=sys.stderr)
        return INTERRUPTED


def _mistyped_command(arguments: list[str]) -> bool:
    """Whether the window's FILE is rather a command mistyped: no such file, and either
    more arguments follow (the window takes one) or it is close to a command's name."""
    first = arguments[0]
    return not Path(first).exists() and (len(arguments) > 1 or bool(_close_commands(first)))


def _close_commands(word: str) -> list[str]:
    return difflib.get_close_matches(word, COMMANDS, n=2, cutoff=0.6)


def _not_a_command(word: str) -> str:
    close = _close_commands(word)
    guess = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    return f"{word!r} is neither a command nor a file{guess} (the commands: {', '.join(COMMANDS)})"


def _escape_as_json(error: UnicodeError) -> tuple[str | bytes, int]:
    """Write characters the output's encoding lacks as JSON writes them (\\u00e9): a
    terminal that is not UTF-8 shows every report, and JSON stays valid and whole."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    if all("\udc80" <= character <= "\udcff" for character in text):
        return SURROGATE_ESCAPE(error)  # bytes read in that were not text: written back as is
    return json.dumps(text)[1:-1], error.end


SURROGATE_ESCAPE = codecs.lookup_error("surrogateescape")
codecs.register_error("curriculum-designer-json", _escape_as_json)


def _escape_what_stdout_cannot_encode() -> None:
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="curriculum-designer-json")


def _stdout_to_nothing() -> None:
    """Point stdout at nothing: Python flushes it once more at exit, which would fail on
    the closed pipe again (see "Note on SIGPIPE" in the signal module's documentation)."""
    with suppress(OSError, ValueError):  # no file descriptor, as under a test's capture
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps the text of a --help as usual, but keeps the examples' lines as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("example"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def _examples(lines: list[str]) -> str:
    heading = "examples:" if len(lines) > 1 else "example:"
    return "\n".join([heading, *(f"  {line}" for line in lines)])


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="curriculum-designer",
        description="Design stackable certificates: programs, courses, modules and items. "
        "With a FILE (or nothing) instead of a command, opens the window.",
        usage="%(prog)s [FILE] | %(prog)s COMMAND ...",
        epilog=EXIT_STATUSES,
    )
    commands = parser.add_subparsers(
        title="commands", required=True, metavar="COMMAND", prog="curriculum-designer"
    )

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

    overlaps = commands.add_parser(
        "overlaps",
        help="what each program has of every other, and duplicate courses, modules and items",
    )
    overlaps.add_argument("file", help="a .curriculum.json catalog")
    overlaps.add_argument("--json", action="store_true", help="print JSON instead of tables")
    overlaps.set_defaults(run=_overlaps)

    pathway = commands.add_parser(
        "pathway", help="what a learner holding some programs or courses has left of a program"
    )
    pathway.add_argument("file", help="a .curriculum.json catalog")
    pathway.add_argument(
        "--have",
        action="append",
        required=True,
        metavar="NAME",
        help="a program (id, code, title or part of the title) or a course (id or title) "
        "the learner completed; may repeat",
    )
    pathway.add_argument(
        "--target", required=True, metavar="NAME", help="the program the learner wants"
    )
    pathway.add_argument("--json", action="store_true", help="print JSON instead of text")
    pathway.set_defaults(run=_pathway)
    add_excel_commands(commands)
    add_roadmap_commands(commands)
    add_check_commands(commands)
    add_supplement_commands(commands)
    for name, command in commands.choices.items():
        command.formatter_class = _HelpFormatter
        command.epilog = _examples(EXAMPLES[name])
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
    label = {p.id: terminal_text(p.code or p.id) for p in catalog.programs}
    print(
        f"{format_hours(settings.hours_per_credit)} h per ECTS credit, "
        f"credits {_ROUNDING[settings.rounding]}, {format_hours(settings.weekly_hours)} h a week"
    )
    for program in programs:
        figures = totals.program(program)
        print(f"\n{_program_label(program)}")
        print(
            f"  {figures.ects_text(settings.rounding)} · "
            f"{figures.weeks} week{'s' if figures.weeks != 1 else ''} · "
            f"{figures.courses} course{'s' if figures.courses != 1 else ''}"
        )
        courses = catalog.courses_of(program)
        titles = [terminal_text(course.title) for course in courses]
        width = max(map(cell_width, titles), default=0)
        for number, (course, title) in enumerate(zip(courses, titles, strict=True), 1):
            others = [label[u] for u in _shared_with(catalog, program, course.id)]
            shared = f"  shared with {', '.join(others)}" if others else ""
            hours = format_hours(totals.hours(course))
            print(f"  {number:>3}  {padded(title, width)}  {hours:>6} h{shared}")
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
            f"warning: {kind} {unit.title or unit.id!r} ({terminal_text(unit.id)}): declared "
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
    texts: Iterable[str] = args.text or (line.strip() for line in sys.stdin)  # answered as typed
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
    verb = padded(terminal_text(advice.verb or "-"), 14)
    return f"{advice.level or '-':<10}  {verb}  {terminal_text(advice.text.strip())}{flagged}"


# ---- overlaps and pathways ---------------------------------------------------------------


def _overlaps(args: argparse.Namespace) -> int:
    catalog = load(args.file)
    totals = Totals(catalog)
    matrix = overlap_matrix(catalog, totals)
    groups = find_duplicates(catalog, totals)
    if args.json:
        print(json.dumps(overlaps_report(catalog, matrix, groups), indent=2, ensure_ascii=False))
        return 0
    label = {p.id: terminal_text(p.code or p.id) for p in catalog.programs}
    shared = [found for found in in_catalog_order(catalog, matrix) if found.relation != "none"]
    print("Shared between programs (from: what a learner holds; to: the program they take)")
    if shared:
        width = max(cell_width(label[p.id]) for p in catalog.programs)
        print(f"  {'from':<{width}}  {'to':<{width}}  {'shared':>8}  {'coverage':>8}  relation")
        for found in shared:
            print(
                f"  {padded(label[found.source], width)}  {padded(label[found.target], width)}  "
                f"{format_hours(found.shared_hours) + ' h':>8}  "
                f"{f'{100 * found.coverage:.1f} %':>8}  {found.relation}"
            )
    else:
        print("  no two programs share a course or module")
    print(f"\nDuplicates ({len(groups)})")
    if not groups:
        print("  none found")
    for group in groups:
        titles = " / ".join(f"“{_title(catalog, unit_id)}”" for unit_id in group.units)
        print(f"  {group.level:<6}  {group.kind:<9}  {group.score:.2f}  {titles}")
        print(f"  {'':<6}  {'':<9}  {'':<4}  {terminal_text(group.reason)}")
    return 0


def _title(catalog: Catalog, unit_id: str) -> str:
    return terminal_text(getattr(catalog.get(unit_id), "title", "") or unit_id)


def overlaps_report(
    catalog: Catalog, matrix: dict[tuple[str, str], Overlap], groups: list[DuplicateGroup]
) -> dict[str, Any]:
    """The `overlaps --json` document."""
    pairs = [
        {
            "from": found.source,
            "to": found.target,
            "shared_hours": _number(found.shared_hours),
            "coverage": round(found.coverage, 4),
            "relation": found.relation,
            "shared": [*found.shared_courses, *found.shared_modules],
        }
        for found in in_catalog_order(catalog, matrix)
        if found.relation != "none"  # as the table lists them: a course of 0 h is shared too
    ]
    duplicates = [
        {
            "kind": g.kind,
            "level": g.level,
            "units": list(g.units),
            "score": g.score,
            "reason": g.reason,
        }
        for g in groups
    ]
    return {"pairs": pairs, "duplicates": duplicates}


def _pathway(args: argparse.Namespace) -> int:
    catalog = load(args.file)
    totals = Totals(catalog)
    holdings = list(dict.fromkeys(find_program_or_course(catalog, n).id for n in args.have))
    target = find_program(catalog, args.target)
    path = pathway(catalog, totals, holdings, target.id)
    ranking = next_programs(catalog, totals, holdings)
    if args.json:
        report = {
            "target": path.target,
            "credited_hours": _number(path.credited_hours),
            "remaining_hours": _number(path.remaining_hours),
            "remaining_weeks": path.remaining_weeks,
            "remaining": list(path.remaining),
            "next": [
                {"program": program_id, "remaining_hours": _number(hours)}
                for program_id, hours in ranking
            ],
        }
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for line in pathway_lines(catalog, totals, holdings, path, ranking):
        print(line)
    return 0


def pathway_lines(
    catalog: Catalog,
    totals: Totals,
    holdings: list[str],
    path: Pathway,
    ranking: list[tuple[str, float]],
) -> list[str]:
    """The readable `pathway` report."""
    target = catalog.program(path.target)
    # Two courses of one title are told apart; each name as a terminal may show it.
    names = {unit_id: terminal_text(name) for unit_id, name in distinct_titles(catalog).items()}
    held = ", ".join(_holding_label(catalog, names, unit_id) for unit_id in holdings)
    weekly = format_hours(catalog.settings.weekly_hours)
    lines = [f"Towards {_program_label(target)}, holding {held}:"]
    whole = format_hours(totals.hours(target))
    lines.append(
        f"  credited {format_hours(path.credited_hours)} h of {whole} h"
        f" ({len(path.credited)} course{'s' if len(path.credited) != 1 else ''} done)"
    )
    for course_id in path.credited:
        lines.append(f"    done  {names[course_id]}")
    if path.remaining:  # else "remaining 0 h, about 0 weeks …:" with nothing after it
        lines.append(
            f"  remaining {format_hours(path.remaining_hours)} h, about {path.remaining_weeks} "
            f"weeks at {weekly} h a week:"
        )
    for number, course_id in enumerate(path.remaining, 1):
        course_hours = f"{format_hours(path.hours_left(totals, course_id))} h"
        if course_id in path.partly:
            course_hours += f" left of {format_hours(totals.hours(course_id))} h"
        lines.append(f"    {number:>4}  {names[course_id]}  ({course_hours})")
    if not target.course_ids:  # nothing to have yet, rather than "the learner has all of it"
        lines.append("  The certificate has no courses yet: add some to plan a way to it.")
    elif path.start is None:
        lines.append("  Nothing remains: the learner has every course of it.")
    else:
        lines.append(f"  Start with “{names[path.start]}”.")
    if ranking:
        lines.append("\nPrograms the learner does not hold, fewest hours to go first:")
        for program_id, hours in ranking:
            program = catalog.program(program_id)
            lines.append(f"  {format_hours(hours):>6} h  {_program_label(program)}")
    return lines


def _program_label(program: Program) -> str:
    code = f" [{program.code}]" if program.code else ""
    return terminal_text(f"{program.title or program.id}{code}")


def _holding_label(catalog: Catalog, names: dict[str, str], unit_id: str) -> str:
    unit = catalog.get(unit_id)
    if isinstance(unit, Program):
        return _program_label(unit)
    return f"the course “{names[unit_id]}”"
