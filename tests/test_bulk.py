"""The garbage collector is paused for bulk work and restored by the last pause to end."""

import gc
import threading

from designer.bulk import collector_paused


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
