"""A line of the benchmark table and how it writes times, shared by run.py and window.py."""

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


def seconds(value: float) -> str:
    """A time as the table writes it: us, ms or s, whichever reads best."""
    if value < 0.001:
        return f"{value * 1e6:.0f} us"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    if value < 100:
        return f"{value:.2f} s"
    return f"{value:,.0f} s"
