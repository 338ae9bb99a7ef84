"""The `check` command: a catalog's quality findings as lines or JSON, its exit status."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from designer.checks.context import unit_title
from designer.checks.findings import ERROR, SEVERITIES, Finding
from designer.checks.profiles import DEFAULT_PROFILE, PROFILES, profile_list
from designer.checks.run import run_checks, silenced_pairs
from designer.display import terminal_text
from designer.model import Catalog, Totals
from designer.storage import load

PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


def add_commands(subparsers: Any) -> None:  # argparse's _SubParsersAction is private
    """Add `check FILE [--profile NAME] [--json]` to a command line's subparsers."""
    check = subparsers.add_parser(
        "check",
        help="run the quality checks: structure, workload, outcomes, alignment, sharing, "
        "supplement",
        description="Report what a catalog breaks of the rules an instructional designer "
        "checks. Exit status 0 without errors, 1 with errors, 2 when the file cannot be read.",
    )
    check.add_argument("file", help="a .curriculum.json catalog")
    check.add_argument(
        "--profile",
        default=DEFAULT_PROFILE,
        metavar="NAME",
        help=f"the rules to check against: {profile_list()}; default {DEFAULT_PROFILE}",
    )
    check.add_argument("--json", action="store_true", help="print JSON instead of lines")
    check.set_defaults(run=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Run the checks on args.file; a file that cannot be read raises CatalogError."""
    if args.profile not in PROFILES:
        print(
            f"unknown profile {args.profile!r}; the profiles are: {profile_list()}", file=sys.stderr
        )
        return 2
    catalog = load(args.file)
    every = run_checks(catalog, Totals(catalog), args.profile, include_silenced=True)
    silenced = silenced_pairs(catalog)
    findings = [f for f in every if (f.rule, f.unit) not in silenced]
    if args.json:
        print(json.dumps(check_report(findings), indent=2, ensure_ascii=False))
    else:
        for line in check_lines(catalog, findings, args.profile, len(every) - len(findings)):
            print(line)
    return 1 if any(f.severity == ERROR for f in findings) else 0


def check_report(findings: list[Finding]) -> dict[str, Any]:
    """The `check --json` document."""
    return {
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "unit": f.unit,
                "message": f.message,
                "hint": f.hint,
            }
            for f in findings
        ]
    }


def check_lines(
    catalog: Catalog, findings: list[Finding], profile: str, silenced: int = 0
) -> list[str]:
    """One line per finding, a blank line between severities, then the count."""
    lines: list[str] = []
    width = max((len(f.rule) for f in findings), default=0)
    previous = None
    for finding in findings:
        if previous is not None and finding.severity != previous:
            lines.append("")
        previous = finding.severity
        # One line whatever the titles and messages quoted from the catalog hold.
        lines.append(
            terminal_text(
                f"{finding.severity:<7}  {finding.rule:<{width}}  "
                f"{unit_title(catalog, finding.unit)}: {finding.message} ({finding.hint})"
            )
        )
    counts = [_count(sum(f.severity == s for f in findings), s) for s in SEVERITIES]
    left_out = f"; {silenced} silenced" if silenced else ""
    if lines:
        lines.append("")
    lines.append(f"{', '.join(counts)} (profile {profile}{left_out})")
    return lines


def _count(number: int, severity: str) -> str:
    return f"{number} {severity if number == 1 else PLURAL[severity]}"
