"""A line of the benchmark table, shared by run.py and window.py."""

from __future__ import annotations

from typing import NamedTuple


class Row(NamedTuple):
    """One line of the table; ours and baseline are seconds, or text for other measures."""

    name: str
    ours: float | str
    baseline: float | str
    ratio: float | str
    target: str
    ok: bool
    note: str = ""
