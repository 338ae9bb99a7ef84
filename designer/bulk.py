"""Bulk computations over a whole catalog, kept clear of the garbage collector's full sweeps."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


_lock = threading.Lock()
_pauses = 0  # how many collector_paused blocks are running, in any thread
_was_enabled = False  # whether the collector ran before the first of them
_frozen = False  # whether keep_out_of_sweeps has frozen the objects of a document


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector, and restore it as it was.

    A large catalog is millions of objects. A computation that makes hundreds of
    thousands of small ones (pairs, sets, results) makes Python sweep all of them again
    and again, which can take longer than the computation itself. What is made here holds
    no reference cycles, so reference counting frees it all the same.

    What the work made and keeps (a loaded catalog, the findings of the checks) is frozen
    when the pause ends, as keep_out_of_sweeps does: otherwise the collector's first
    sweeps after the pause walk all of it, a tenth of a second per hundred thousand
    objects, and the window, which shares the interpreter, freezes meanwhile.

    The collector is one for the whole process: pauses in several threads (checks in the
    background while a file loads) are counted, and the last to end restores it.
    """
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.freeze()
                gc.enable()


def bulk(function: Callable[P, R]) -> Callable[P, R]:
    """Run the function with the collector paused (see collector_paused)."""

    @wraps(function)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return function(*args, **kwargs)

    return run


def keep_out_of_sweeps(sweep: bool = True) -> None:
    """Leave the objects that exist now (the open document's) out of every later sweep.

    Call it once a document is open. Its catalog is most of the process's objects and
    lives until the next document replaces it; the collector's full sweeps, which come
    every so often as editing makes new objects, would otherwise walk all of it each time
    (half a second for a provider's portfolio) and freeze the window mid-edit. Frozen
    objects are still freed by reference counting; those the previous document left in
    reference cycles (tree nodes, closures) are collected here, once, before freezing
    again, if sweep: the sweep walks every object, 0.55 s with a catalog of 500 programs
    open (frozen as its load ended), to collect the 0 to 20 objects the previous views
    left in cycles; with a large catalog they may as well stay frozen. No sweep runs while
    a pause does: the next catalog, half loaded in a worker thread, is not frozen yet, and
    the sweep would walk it.
    """
    global _frozen
    if _frozen and sweep and not _pauses:
        gc.unfreeze()
        gc.collect()
    gc.freeze()
    _frozen = True


# How many values free_gradually lets go of at a time: a few milliseconds' work.
FREE_SLICE = 5000


def free_gradually(*containers: list[Any] | set[Any] | dict[Any, Any]) -> None:
    """Empty lists, sets and dicts a slice of values at a time.

    Emptying a large one in one call (clear, or letting it go as a function returns) frees
    all its values in one step of the interpreter, which no other thread can interrupt: a
    search's working data of 150,000 units took 40-60 ms to free, and the window, whose
    thread shares the interpreter, could not paint meanwhile. Between slices it can.
    """
    for values in containers:
        if isinstance(values, list):
            held = values
        else:
            held = list(values.items()) if isinstance(values, dict) else list(values)
            values.clear()  # frees nothing yet: held refers to every value
        while held:
            del held[-FREE_SLICE:]
