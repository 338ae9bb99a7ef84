"""How far a long computation over a catalog got, and how its caller stops it early.

A computation that can take seconds on a large catalog takes an optional progress callback,
`progress(done, total)`. It is called now and then, not at every step: every REPORT_EVERY
seconds of work, so that a progress bar moves and a Cancel button answers quickly, while
reporting costs next to nothing. The callback stops the computation by returning False or
by raising Cancelled; the computation then raises Cancelled, with no partial result.

Qt-free: the checks, the duplicate search and the command line use it too.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from time import perf_counter
from typing import TypeVar

T = TypeVar("T")

ProgressCallback = Callable[[int, int], bool | None]
"""progress(done, total): False (or raising Cancelled) stops the work; None or True go on."""

# Seconds of work between two calls of the progress callback. A worker beside the window
# gives way to it at each call (designer.ui.background): every 30 ms, expanding a course
# of a large catalog while the checks ran took 104 ms (median); every 10 ms, 37 ms, for
# checks that take 8 % longer (7.5 s against 6.9 s; benchmarks/README.md).
REPORT_EVERY = 0.01


class Cancelled(Exception):
    """The work stopped on request, with no result: its progress callback asked to stop,
    or the designer cancelled the dialog it ran under (designer.ui.progress_dialog)."""


class Meter:
    """Counts the steps of a computation and tells its progress callback now and then.

    The work is cut into parts of an estimated number of steps (`part`); steps counted
    within a part never run past its end, so an estimate that is too small stalls the
    count for a while rather than making it overshoot. `done` never goes down.
    Without a callback (`progress` None) it does nothing and `each` walks the items as
    they are, so the plain call of a computation costs the same as before.
    """

    def __init__(self, progress: ProgressCallback | None, total: int) -> None:
        self.progress = progress
        self.total = max(total, 1)
        self.done = 0
        self.end = 0  # where the current part ends
        self._due = perf_counter() + REPORT_EVERY

    def start(self) -> None:
        """Report 0 of total at once: the caller learns the total before the first step."""
        self.report()

    def part(self, steps: int) -> None:
        """Begin the next part of the work, estimated at `steps` steps."""
        self._move(self.end)
        self.end = min(self.end + max(steps, 0), self.total)

    @property
    def left(self) -> int:
        """The steps left in the current part: for a walk to spread over (see `each`)."""
        return self.end - self.done

    def advance(self, steps: int = 1) -> None:
        """Count steps of the current part; report if the last report is old enough."""
        if self.progress is None:
            return
        self._move(min(self.done + steps, self.end))
        if perf_counter() >= self._due:
            self.report()

    def each(self, items: Collection[T], steps: int | None = None) -> Iterable[T]:
        """The items, counting `steps` (one per item if None) spread over them as they go."""
        if self.progress is None:
            return items
        return self._walk(items, len(items) if steps is None else steps)

    def _walk(self, items: Collection[T], steps: int) -> Iterator[T]:
        start, count = self.done, max(len(items), 1)
        for number, item in enumerate(items, 1):
            yield item
            self.advance(start + steps * number // count - self.done)

    def finish(self) -> None:
        """Report total of total: the work is done (a request to stop comes too late now)."""
        self.done = self.end = self.total
        if self.progress is not None:
            self.progress(self.total, self.total)

    def report(self) -> None:
        """Call the progress callback now; raise Cancelled if it asks to stop."""
        self._due = perf_counter() + REPORT_EVERY
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise Cancelled

    def _move(self, done: int) -> None:
        self.done = max(self.done, min(done, self.total))
