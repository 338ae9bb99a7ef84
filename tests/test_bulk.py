"""The garbage collector is paused for bulk work and restored by the last pause to end."""

import gc
import threading
import weakref

from designer.bulk import FREE_SLICE, collector_paused, free_gradually, keep_out_of_sweeps


def test_pauses_in_two_threads_restore_the_collector_only_when_both_end():
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()

    def other_thread() -> None:
        with collector_paused():
            inside.set()
            leave.wait(10)

    worker = threading.Thread(target=other_thread)
    with collector_paused():
        worker.start()
        assert inside.wait(10)
    # This pause ended first: the other thread's work still runs without the collector.
    assert not gc.isenabled()
    leave.set()
    worker.join(10)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


class Node:
    """An object in a reference cycle: only the collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_what_a_pause_made_is_left_out_of_later_sweeps():
    with collector_paused():
        made = [Node() for _ in range(100)]
    tracked = {id(o) for o in gc.get_objects()}
    assert not any(id(node) in tracked for node in made)
    assert gc.get_freeze_count() >= len(made)


def test_the_cycles_frozen_objects_left_are_collected_when_the_next_document_opens():
    keep_out_of_sweeps()  # a document opened
    with collector_paused():
        left = weakref.ref(Node())  # garbage in a cycle, made in a pause: frozen after it
    gc.collect()
    assert left() is not None  # no sweep looks at frozen objects
    keep_out_of_sweeps()  # the next document
    assert left() is None


class Value:
    """A value that notes, as it is freed, how many values its list still held."""

    def __init__(self, log: list[int], container: list["Value"]) -> None:
        self.log, self.container = log, container

    def __del__(self) -> None:
        self.log.append(len(self.container))


def test_free_gradually_empties_lists_sets_and_dicts_and_frees_their_values():
    class Unit:
        pass

    units = [Unit() for _ in range(3 * FREE_SLICE + 7)]
    alive = [weakref.ref(u) for u in units]
    as_list = list(units)
    as_set = set(units[:100])
    as_dict = {n: u for n, u in enumerate(units[100:])}
    del units
    free_gradually(as_list, as_set, as_dict)
    assert as_list == [] and as_set == set() and as_dict == {}
    assert not any(ref() for ref in alive)


def test_free_gradually_frees_a_slice_at_a_time():
    log: list[int] = []
    values: list[Value] = []
    values.extend(Value(log, values) for _ in range(2 * FREE_SLICE + 1))
    free_gradually(values)
    # Each value is freed while the list still holds the values of the slices before it.
    assert sorted(set(log)) == [0, 1, FREE_SLICE + 1]
