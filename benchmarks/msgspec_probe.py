"""How fast another decoder reads a catalog file into typed, checked units: a probe, not a row.

    pip install msgspec
    python benchmarks/msgspec_probe.py FILE [--rounds N]

The load row measures pydantic (see benchmarks/README.md, "Why the load row stays above
3x"). This decodes the same bytes with msgspec into structs shaped like our units, with
the constraints of designer.model.units (id pattern, ranges, enums, strict booleans,
unknown fields refused), and prints each decoder's median time and its ratio to orjson
run just before it. Programs keep only the fields the probe needs; the rest of their
fields are few (500 programs) and would not change the figure.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import msgspec
import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from designer.model.units import (  # noqa: E402
    MAX_ITEM_MINUTES,
    MAX_UNIT_HOURS,
    Bloom,
    ItemKind,
    Knowledge,
)
from designer.storage.fileformat import CatalogFile  # noqa: E402

Id = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
Minutes = Annotated[float, msgspec.Meta(ge=0, le=MAX_ITEM_MINUTES)]
Hours = Annotated[float, msgspec.Meta(ge=0, le=MAX_UNIT_HOURS)]


class Outcome(msgspec.Struct, forbid_unknown_fields=True):
    id: Id
    text: str = ""
    bloom: Bloom | None = None
    knowledge: Knowledge | None = None
    supports: list[str] = []


class Item(msgspec.Struct, forbid_unknown_fields=True):
    id: Id
    title: str = ""
    kind: ItemKind = ItemKind.VIDEO
    minutes: Minutes = 0.0
    graded: bool = False
    outcome_ids: list[str] = []


class Unit(msgspec.Struct, forbid_unknown_fields=True):
    """What a course and a module both have (subclasses inherit the refusal of unknown fields)."""

    id: Id
    code: str = ""
    title: str = ""
    description: str = ""
    hours: Hours | None = None
    outcomes: list[Outcome] = []


class Module(Unit):
    items: list[Item] = []


class Course(Unit):
    module_ids: list[str] = []


class Program(msgspec.Struct):
    id: Id
    title: str = ""
    outcomes: list[Outcome] = []
    course_ids: list[str] = []


class Catalog(msgspec.Struct):
    format: str
    version: int
    programs: list[Program] = []
    courses: list[Course] = []
    modules: list[Module] = []
    settings: dict[str, Any] = {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    raw = Path(args.file).read_bytes()
    decoders = {
        "msgspec into structs": msgspec.json.Decoder(Catalog).decode,
        "pydantic into our units": CatalogFile.model_validate_json,
    }
    ratios: dict[str, list[float]] = {name: [] for name in decoders}
    times: dict[str, list[float]] = {name: [] for name in ["orjson", *decoders]}
    gc.disable()  # as the load runs: see designer.bulk.collector_paused
    for _ in range(args.rounds):
        started = time.perf_counter()
        orjson.loads(raw)
        base = time.perf_counter() - started
        times["orjson"].append(base)
        for name, decode in decoders.items():
            started = time.perf_counter()
            decode(raw)
            took = time.perf_counter() - started
            times[name].append(took)
            ratios[name].append(took / base)
    for name, runs in times.items():
        ratio = f"{statistics.median(ratios[name]):.2f}x orjson" if name in ratios else ""
        print(f"{name:26} median {statistics.median(runs) * 1000:6.0f} ms  {ratio}")


if __name__ == "__main__":
    main()
