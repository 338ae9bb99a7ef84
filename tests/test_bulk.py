"""The garbage collector is paused for bulk work and restored by the last pause to end."""

import gc
import threading
import weakref

from designer.bulk import collector_paused, keep_out_of_sweeps


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
