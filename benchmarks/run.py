"""The benchmark table: our sharing features against plain baselines, on one generated catalog.

    python benchmarks/run.py [--quick] [--repeat N]

Each row times our code and a baseline on the same data in the same run (alternating, so
a noisy machine slows both alike), takes medians, and checks the ratio against a target.
A row is a function of the Context returning a Row; add new ones to ROWS.
The exit status is 0 even when a target is missed: the table says FAIL.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from baselines import (  # noqa: E402
    NEAR_SCORE,
    exhaustive_title_pairs,
    overlap_by_inverted_index,
    pair_count,
    title_sample,
    unit_titles,
)
from excel_baseline import (  # noqa: E402
    cell_count,
    check_cells,
    measure_memory,
    plain_sheets,
    write_openpyxl,
    write_xlsxwriter,
    xlsxwriter_installed,
)
from generate import Planted, generate  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402
from recall import planted_pairs, recall  # noqa: E402
from rows import Row, seconds  # noqa: E402
from window import WINDOW_RATIO, WINDOW_ROWS, row_window_open  # noqa: E402

from designer.bulk import collector_paused  # noqa: E402
from designer.model import Catalog, Outcome, Totals  # noqa: E402


@dataclass
class Context:
    catalog: Catalog
    totals: Totals
    planted: Planted
    repeat: int
    budget: float  # seconds a row may spend on repeats before it takes fewer
    sample: int  # titles the exhaustive baseline compares, extrapolated to all
    results: dict[str, Any] = field(default_factory=dict)  # shared between rows
    # How the catalog was generated, for rows that generate it again in a child process.
    generated: tuple[int, int, int] = (500, 5000, 1)  # programs, courses, seed


@dataclass
class Timing:
    ours: float  # median seconds
    baseline: float
    runs: int
    ours_result: Any
    baseline_result: Any


def _once(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def alternate(
    ctx: Context, ours: Callable[[], Any], baseline: Callable[[], Any], repeat: int | None = None
) -> Timing:
    """Median times of ours and the baseline, run in turns; fewer runs for very slow rows."""
    repeat = min(ctx.repeat, repeat or ctx.repeat)
    ours_times, base_times = [], []
    t, ours_result = _once(ours)
    ours_times.append(t)
    t, base_result = _once(baseline)
    base_times.append(t)
    per_run = ours_times[0] + base_times[0]
    runs = max(1, min(repeat, int(ctx.budget / per_run) if per_run else repeat))
    for _ in range(runs - 1):
        ours_times.append(_once(ours)[0])
        base_times.append(_once(baseline)[0])
    return Timing(
        statistics.median(ours_times), statistics.median(base_times), runs, ours_result, base_result
    )


# ---- rows ---------------------------------------------------------------------------------


def row_overlap_matrix(ctx: Context) -> Row:
    name = f"overlap matrix ({len(ctx.catalog.programs)} programs)"
    target = "ours / baseline <= 2"
    try:
        from designer.sharing.overlap import overlap_matrix
    except ImportError as error:
        return Row(name, "n/a", "-", "-", target, False, f"not importable: {error}")
    timing = alternate(
        ctx,
        lambda: overlap_matrix(ctx.catalog, ctx.totals),
        lambda: overlap_by_inverted_index(ctx.catalog, ctx.totals),
    )
    ours, base = timing.ours_result, timing.baseline_result
    differ = [
        key
        for key, pair in base.items()
        if key not in ours
        or abs(ours[key].shared_hours - pair.shared_hours) > 1e-6
        or abs(ours[key].coverage - pair.coverage) > 1e-9
    ]
    differ += [key for key, found in ours.items() if found.shared_hours > 0 and key not in base]
    ratio = timing.ours / timing.baseline
    agreement = (
        f"same shared hours and coverage for all {len(base)} sharing pairs"
        if not differ
        else f"DIFFERENT figures for {len(differ)} pairs, e.g. {differ[0]}"
    )
    note = (
        f"median of {timing.runs}; ours returns {len(ours)} ordered pairs (all, with "
        f"relation), the baseline {len(base)} (sharing ones only); {agreement}"
    )
    return Row(name, timing.ours, timing.baseline, ratio, target, ratio <= 2 and not differ, note)


def row_duplicates(ctx: Context) -> Row:
    name = "near-duplicate detection (course + module titles)"
    target = "baseline / ours >= 5"
    try:
        from designer.sharing.duplicates import find_duplicates
    except ImportError as error:
        return Row(name, "n/a", "-", "-", target, False, f"not importable: {error}")
    units = len(unit_titles(ctx.catalog))
    sample = title_sample(ctx.catalog, ctx.sample)
    timing = alternate(
        ctx,
        lambda: find_duplicates(ctx.catalog, ctx.totals, levels=("course", "module")),
        lambda: exhaustive_title_pairs(sample),
    )
    ctx.results["duplicates"] = timing.ours_result
    scale = pair_count(units) / pair_count(len(sample))
    baseline = timing.baseline * scale
    ratio = baseline / timing.ours
    c_loop = _c_loop_time(sample) * scale
    note = (
        f"median of {timing.runs}; {len(timing.ours_result)} groups reported; baseline: "
        f"token_set_ratio on all {pair_count(len(sample)):,} pairs of {len(sample)} sampled "
        f"titles in {seconds(timing.baseline)}, times {scale:,.0f} for all "
        f"{pair_count(units):,} pairs of {units:,} titles (median of 3 with the inner loop in "
        f"rapidfuzz's C++, process.extract, about {seconds(c_loop)}: a ratio of "
        f"{c_loop / timing.ours:.1f})"
    )
    return Row(name, timing.ours, baseline, ratio, target, ratio >= 5, note)


def row_recall(ctx: Context) -> Row:
    name = "recall of planted duplicates"
    target = "ours >= 0.95"
    reported = ctx.results.get("duplicates")
    if reported is None:
        try:
            from designer.sharing.duplicates import find_duplicates
        except ImportError as error:
            return Row(name, "n/a", "-", "-", target, False, f"not importable: {error}")
        reported = find_duplicates(ctx.catalog, ctx.totals, levels=("course", "module"))
    found = recall(reported, ctx.planted)
    # What the exhaustive baseline would find: the planted pairs whose titles score high enough.
    titles = {unit_id: utils.default_process(title) for unit_id, title in unit_titles(ctx.catalog)}
    pairs = planted_pairs(ctx.planted)
    base_found = sum(fuzz.token_set_ratio(titles[a], titles[b]) >= NEAR_SCORE for _, a, b in pairs)
    kinds = ", ".join(f"{kind} {hit}/{total}" for kind, (hit, total) in found.by_kind.items())
    children_hit, children = found.children
    missed = "; ".join(
        f"{kind} {_title(ctx, a)!r} ~ {_title(ctx, b)!r}" for kind, a, b in found.missed[:4]
    )
    note = (
        f"{kinds}; modules inside planted courses {children_hit}/{children}; "
        f"{found.other_groups} reported groups are not explained by what was planted"
        + (f"; missed e.g. {missed}" if missed else "")
    )
    ours = f"{found.share:.3f} ({found.found}/{found.planted})"
    baseline = f"{base_found / len(pairs):.3f} ({base_found}/{len(pairs)})"
    return Row(name, ours, baseline, "-", target, found.share >= 0.95, note)


EXCEL_REPEAT = 3  # an export of the full catalog takes seconds to tens of seconds


def row_excel_export(ctx: Context) -> Row:
    items = sum(len(m.items) for m in ctx.catalog.modules.values())
    name = f"Excel export ({items:,} items)"
    target = "ours / baseline <= 1.5"
    try:
        from designer.excel.export import export_workbook
    except ImportError as error:
        return Row(name, "n/a", "-", "-", target, False, f"not importable: {error}")
    started = time.perf_counter()
    sheets = plain_sheets(ctx.catalog)  # the same cells, built once, not timed
    built = time.perf_counter() - started
    cells = cell_count(sheets)
    with tempfile.TemporaryDirectory(prefix="bench-excel-") as folder:
        ours_path, base_path = Path(folder, "ours.xlsx"), Path(folder, "openpyxl.xlsx")
        timing = alternate(
            ctx,
            lambda: export_workbook(ctx.catalog, ours_path),
            lambda: write_openpyxl(sheets, base_path),
            repeat=EXCEL_REPEAT,
        )
        sizes = ours_path.stat().st_size, base_path.stat().st_size
        if xlsxwriter_installed():
            xlsx_path = Path(folder, "xlsxwriter.xlsx")
            xlsx_time = statistics.median(
                _once(lambda: write_xlsxwriter(sheets, xlsx_path))[0] for _ in range(timing.runs)
            )
            reference = (
                f"xlsxwriter constant_memory, same values: {seconds(xlsx_time)} (ours / "
                f"xlsxwriter {timing.ours / xlsx_time:.2f}x, median of {timing.runs})"
            )
        else:
            reference = "xlsxwriter not installed (pip install xlsxwriter for its reference time)"
        check = check_cells(ours_path, sheets)
    ratio = timing.ours / timing.baseline
    same = f"read back {check.sheets} of {check.of} sheets ({check.cells:,} cells) of ours: " + (
        "the same values"
        if not check.differ
        else f"DIFFERENT values in {len(check.differ)} rows, e.g. {check.differ[0]}"
    )
    note = (
        f"median of {timing.runs}; {len(sheets)} sheets, {sum(len(r) for _, r in sheets):,} "
        f"rows, {cells:,} cells; files {sizes[0] / 1e6:.1f} MB (ours) and {sizes[1] / 1e6:.1f} "
        f"MB; the plain values were built once from the export's own sheets in "
        f"{seconds(built)}, not timed; {same}; {reference}"
    )
    ok = ratio <= 1.5 and not check.differ
    return Row(name, timing.ours, timing.baseline, ratio, target, ok, note)


def row_excel_memory(ctx: Context) -> Row:
    name = "Excel export peak memory"
    target = "ours < 100 MB"
    programs, courses, seed = ctx.generated
    ours = measure_memory("ours", programs, courses, seed)
    base = measure_memory("openpyxl", programs, courses, seed)
    reference = (
        measure_memory("xlsxwriter", programs, courses, seed) if xlsxwriter_installed() else None
    )
    how = (
        "RSS high-water mark (VmHWM, reset once the catalog was loaded)"
        if ours.exact and base.exact
        else "ru_maxrss (the high-water mark could not be reset: may understate)"
    )
    note = (
        f"peak RSS growth while writing, above the RSS with the catalog loaded "
        f"({ours.base:.0f} MB, generator garbage collected, writers imported: "
        f"{ours.imports:.0f} MB of it), each in a fresh process; measured as the {how}; "
        f"ours {ours.seconds:.1f} s, the baseline {base.seconds:.1f} s (writing the same "
        f"values as the export generates them, sheet by sheet)"
        + (
            f"; xlsxwriter constant_memory: +{reference.growth:.0f} MB in {reference.seconds:.1f} s"
            if reference
            else "; xlsxwriter not installed"
        )
    )
    return Row(
        name,
        f"+{ours.growth:.0f} MB",
        f"+{base.growth:.0f} MB",
        f"{ours.growth / base.growth:.2f}x" if base.growth > 0 else "-",
        target,
        ours.growth < 100,
        note,
    )


# ---- storage and totals -------------------------------------------------------------------


def _json_baseline() -> tuple[str, Callable[[bytes], Any], Callable[[Any], bytes]]:
    """orjson: the fastest JSON library there is for Python (the project writes with it)."""
    import orjson

    return "orjson", orjson.loads, orjson.dumps


def _catalog_bytes(ctx: Context) -> bytes:
    if "catalog_bytes" not in ctx.results:
        from designer.storage import dumps

        ctx.results["catalog_bytes"] = dumps(ctx.catalog)
    return ctx.results["catalog_bytes"]


def _collector_running(fn: Callable[[], Any]) -> float:
    """One run of fn with the collector enabled throughout (how the code ran before)."""
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        return _once(fn)[0]
    finally:
        if not was_enabled:
            gc.disable()


def row_load(ctx: Context) -> Row:
    name = "load and validate the catalog file"
    target = "ours / baseline <= 3"
    from designer.storage import dumps, loads

    loading = sys.modules["designer.storage.load"]  # the module: the package re-exports load

    raw = _catalog_bytes(ctx)
    which, parse, _ = _json_baseline()

    def baseline() -> Any:
        # With the collector paused, as ours runs: orjson makes millions of dicts and lists,
        # and with it running the full collections they set off can take longer than the
        # parsing (several times longer, depending on what else the process holds).
        with collector_paused():
            return parse(raw)

    timing = alternate(ctx, lambda: loads(raw), baseline)
    same = dumps(timing.ours_result) == raw
    before = _collector_running(lambda: loading._loads(raw, "<catalog>"))
    ratio = timing.ours / timing.baseline
    parts = _load_parts(raw, baseline, loading._catalog)
    note = (
        f"median of {timing.runs}; {len(raw) / 1e6:.1f} MB; baseline {which}.loads (parsing "
        f"only: no schema, no reference checks, no catalog built; the collector paused, as "
        f"in ours); the loaded catalog "
        + ("saves to the same bytes" if same else "DIFFERS: it saves to other bytes")
        + f"; with the collector running (as before): {seconds(before)}, "
        f"{before / timing.baseline:.1f}x; {parts}"
    )
    return Row(name, timing.ours, timing.baseline, ratio, target, ratio <= 3 and same, note)


def _load_parts(raw: bytes, baseline: Callable[[], Any], catalog: Callable[[Any], Any]) -> str:
    """Where the load's time goes: each part's median ratio to the baseline run beside it.

    pydantic_core.from_json is pydantic's parser alone, straight into Python values.
    validate_json with no schema (TypeAdapter(Any)) first parses into pydantic's own
    values, then builds Python ones from them: the floor of any load through validate_json.
    Ours adds the schema (units built and checked field by field), then the catalog checks
    every reference and indexes the units.
    """
    from pydantic import TypeAdapter
    from pydantic_core import from_json

    from designer.storage.fileformat import CatalogFile

    plain = TypeAdapter(Any)
    ratios: dict[str, list[float]] = {"parser": [], "floor": [], "schema": [], "index": []}
    for _ in range(3):
        base = _once(baseline)[0]
        with collector_paused():
            ratios["parser"].append(_once(lambda: from_json(raw))[0] / base)
            ratios["floor"].append(_once(lambda: plain.validate_json(raw))[0] / base)
            took, document = _once(lambda: CatalogFile.model_validate_json(raw))
            ratios["schema"].append(took / base)
            ratios["index"].append(_once(partial(catalog, document))[0] / base)
            del document
    parser, floor, schema, index = (statistics.median(r) for r in ratios.values())
    return (
        f"its parts, each against the baseline run just before: pydantic's parser alone "
        f"(pydantic_core.from_json) {parser:.2f}x; validate_json with no schema (the floor of "
        f"any load through it) {floor:.2f}x; with our schema {schema:.2f}x; the catalog's "
        f"reference checks and index {index:.2f}x"
    )


def row_save(ctx: Context) -> Row:
    name = "save the catalog"
    target = "ours / baseline <= 5"
    import json

    from designer.storage import dumps

    raw = _catalog_bytes(ctx)
    data = json.loads(raw)  # the plain data our dumps serialises, built once, not timed
    which, _, serialise = _json_baseline()
    timing = alternate(ctx, lambda: dumps(ctx.catalog), lambda: serialise(data))
    same = timing.ours_result == raw
    before = _collector_running(lambda: dumps.__wrapped__(ctx.catalog))  # type: ignore[attr-defined]
    ratio = timing.ours / timing.baseline
    note = (
        f"median of {timing.runs}; {len(raw) / 1e6:.1f} MB (indented, as the file is); "
        f"baseline {which}.dumps of the same dicts and lists, unindented "
        f"({len(timing.baseline_result) / 1e6:.1f} MB); ours "
        + ("gives the same bytes each run" if same else "gave OTHER bytes")
        + f"; with the collector running (as before): {seconds(before)}, "
        f"{before / timing.baseline:.1f}x"
    )
    return Row(name, timing.ours, timing.baseline, ratio, target, ratio <= 5 and same, note)


def row_totals(ctx: Context) -> Row:
    name = "totals: full recompute vs one incremental update"
    target = "full / incremental >= 1000"
    catalog, totals = ctx.catalog, ctx.totals
    # The item whose change goes furthest up: in the course that the most programs use.
    course = max(
        (c for c in catalog.courses.values() if c.module_ids),
        key=lambda c: len(catalog.users(c.id)),
    )
    module = next(catalog.modules[m] for m in course.module_ids if catalog.modules[m].items)
    item = module.items[0]
    original = item.minutes
    values = [original + 1, original]
    turn = iter(range(10**9))
    batch = 101  # updates per timed run: one alone takes microseconds

    def one_update() -> None:
        catalog.set_field(item, "minutes", values[next(turn) % 2])

    def updates() -> None:
        for _ in range(batch):
            one_update()

    timing = alternate(ctx, totals.recompute_all, updates)
    timing.baseline /= batch
    cold = _once(one_update)[0]  # right after a full collection, as alternate times a run
    if item.minutes != original:
        catalog.set_field(item, "minutes", original)
    fresh = Totals(catalog)
    same = fresh._minutes == totals._minutes and fresh._children_minutes == totals._children_minutes
    fresh.close()
    ratio = timing.ours / timing.baseline
    note = (
        f"median of {timing.runs}; full: Totals.recompute_all() over {len(catalog.modules):,} "
        f"modules, {len(catalog.courses):,} courses, {len(catalog.programs)} programs; "
        f"incremental: catalog.set_field(item, 'minutes', m) on an item of the course most "
        f"programs use ({len(catalog.users(course.id))}), m alternating, Totals updating "
        f"itself from the event; timed as runs of {batch} updates (each changes the minutes), "
        f"divided by {batch}; one update alone right after a full collection, caches cold: "
        f"{seconds(cold)}; after the edits the totals are "
        + ("the same as a fresh recompute" if same else "DIFFERENT from a fresh recompute")
    )
    return Row(name, timing.ours, timing.baseline, ratio, target, ratio >= 1000 and same, note)


ROWS: list[Callable[[Context], Row]] = [
    row_overlap_matrix,
    row_duplicates,
    row_recall,
    row_excel_export,
    row_excel_memory,
    row_load,
    row_save,
    row_totals,
    *WINDOW_ROWS,
]

RATIOS = {
    row_overlap_matrix: "overlap: ratio = our time / the baseline's (lower is better); the "
    "baseline is an inverted index (unit -> programs using it) summed pair by pair in dicts",
    row_duplicates: "duplicates: ratio = the baseline's time / ours (a speed-up; higher is "
    "better); the baseline compares every pair of titles with token_set_ratio, timed on a "
    "sample and scaled by the number of pairs",
    row_recall: "recall: share of planted pairs (identical groups taken pair by pair, and "
    f"near pairs) that one reported group holds; baseline: share whose titles score >= "
    f"{NEAR_SCORE} with token_set_ratio",
    row_excel_export: "Excel export: ratio = our time / the baseline's (lower is better); "
    "ours is designer.excel's export_workbook (styles, widths, heights, formulas, drop-downs, "
    "the hidden _data sheet); the baseline is bare openpyxl write-only appending the same "
    "cells as plain values (taken from the export's own sheet generators, built before timing)",
    row_excel_memory: "Excel memory: peak RSS growth of one export in a child process, above "
    "the RSS with the catalog loaded; the baseline is bare openpyxl write-only writing the "
    "same values as they are generated",
    row_load: "load: ratio = our time / the baseline's (lower is better); ours is "
    "designer.storage.loads (pydantic parsing and validating the bytes, reference checks, the "
    "indexed Catalog); the baseline only parses the same bytes",
    row_save: "save: ratio = our time / the baseline's (lower is better); ours is "
    "designer.storage.dumps (orjson writing every unit's fields, indented); the baseline "
    "serialises the same plain data, built before timing, unindented",
    row_totals: "totals: ratio = a full recompute's time / one incremental update's (higher "
    "is better)",
    row_window_open: WINDOW_RATIO,
}


# ---- the table ----------------------------------------------------------------------------


def _c_loop_time(sample: list[str], runs: int = 3) -> float:
    """The exhaustive comparison with its inner loop in rapidfuzz's C++ (process.extract)."""
    cleaned = [utils.default_process(title) for title in sample]

    def compare_all() -> None:
        for i, title in enumerate(cleaned):
            process.extract(
                title,
                cleaned[i + 1 :],
                scorer=fuzz.token_set_ratio,
                score_cutoff=NEAR_SCORE,
                limit=None,
            )

    return statistics.median(_once(compare_all)[0] for _ in range(runs))


def _title(ctx: Context, unit_id: str) -> str:
    return ctx.catalog.get(unit_id).title  # type: ignore[union-attr]


def _cell(value: float | str, ratio: bool = False) -> str:
    if isinstance(value, str):
        return value
    return f"{value:.2f}x" if ratio else seconds(value)


def print_table(rows: list[Row]) -> None:
    header = ("row", "ours", "baseline", "ratio", "target", "result")
    cells = [header] + [
        (
            r.name,
            _cell(r.ours),
            _cell(r.baseline),
            _cell(r.ratio, ratio=True),
            r.target,
            "PASS" if r.ok else "FAIL",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    for n, line in enumerate(cells):
        print(
            "  ".join(
                text.ljust(width) if i == 0 else text.rjust(width) if i < 4 else text.ljust(width)
                for i, (text, width) in enumerate(zip(line, widths, strict=True))
            ).rstrip()
        )
        if n == 0:
            print("  ".join("-" * width for width in widths))


def machine() -> str:
    model = ""
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            model = next(
                (
                    line.split(":", 1)[1].strip()
                    for line in cpuinfo
                    if line.startswith("model name")
                ),
                "",
            )
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{os.cpu_count()} cores{f' ({model})' if model else ''}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small catalog: a smoke run")
    parser.add_argument("--repeat", type=int, default=5, help="runs per row (median taken)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--programs", type=int, help="default 500 (50 with --quick)")
    parser.add_argument("--courses", type=int, help="default 5000 (500 with --quick)")
    parser.add_argument(
        "--sample",
        type=int,
        default=600,
        help="titles the exhaustive baseline compares before scaling up",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=180,
        help="seconds a row may spend on repeats; slower rows take fewer runs",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated rows to run, by the end of their function's name (load,save)",
    )
    args = parser.parse_args(argv)
    programs = args.programs or (50 if args.quick else 500)
    courses = args.courses or (500 if args.quick else 5000)

    print(f"Curriculum Designer benchmarks, {datetime.now():%Y-%m-%d %H:%M}")
    print(f"machine: {machine()}")
    started = time.perf_counter()
    catalog, planted = generate(programs, courses, args.seed)
    generated = time.perf_counter() - started
    totals = Totals(catalog)
    items = sum(len(m.items) for m in catalog.modules.values())
    outcomes = sum(isinstance(node, Outcome) for node in catalog.walk())
    copies = sum(len(group) - 1 for group in planted.identical)
    print(
        f"catalog: seed {args.seed}, {len(catalog.programs)} programs, {len(catalog.courses):,} "
        f"courses, {len(catalog.modules):,} modules, {items:,} items, {outcomes:,} outcomes "
        f"(generated in {generated:.1f} s)"
    )
    print(
        f"planted: {len(planted.identical)} identical groups ({copies} copies), "
        f"{len(planted.near)} near-duplicate pairs (courses and modules), "
        f"{len(planted.children)} module pairs inside planted courses"
    )
    print(f"times: medians of up to {args.repeat} runs, ours and baseline in turns\n")

    ctx = Context(catalog, totals, planted, args.repeat, args.budget, args.sample)
    ctx.generated = (programs, courses, args.seed)
    rows = []
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    run = [r for r in ROWS if not chosen or any(r.__name__.endswith(n) for n in chosen)]
    for row in run:
        try:
            rows.append(Row(*row(ctx)))
        except Exception as error:  # one broken row must not hide the others
            traceback.print_exc()
            name = row.__name__.removeprefix("row_").replace("_", " ")
            rows.append(Row(name, "error", "-", "-", "-", False, repr(error)))
    print_table(rows)
    print()
    for row, result in zip(run, rows, strict=True):
        if row in RATIOS:
            print(f"- {RATIOS[row]}")
        if result.note:
            print(f"  {result.name}: {result.note}")
    failed = [r.name for r in rows if not r.ok]
    passed = len(rows) - len(failed)
    print(
        f"\nsummary: {passed} of {len(rows)} targets met"
        + (f"; FAIL: {', '.join(failed)}" if failed else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
