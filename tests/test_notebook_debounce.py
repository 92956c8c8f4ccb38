"""The debouncer runs its function once typing pauses, in a script and on an event loop."""

import asyncio
import threading
import time

from relviz.notebook.debounce import Debouncer


def test_zero_delay_runs_at_once():
    calls = []
    Debouncer(lambda: calls.append(1), 0).trigger()
    assert calls == [1]


def test_many_triggers_in_a_row_run_once_after_the_pause_without_a_loop():
    done = threading.Event()
    calls = []

    def record():
        calls.append(1)
        done.set()

    debouncer = Debouncer(record, 0.05)
    for _ in range(5):
        debouncer.trigger()
    assert calls == [] and debouncer.mode == "thread"
    assert done.wait(2)
    time.sleep(0.1)
    assert calls == [1]


def test_on_an_event_loop_the_function_runs_on_the_loop_thread():
    threads = []

    async def main():
        debouncer = Debouncer(lambda: threads.append(threading.current_thread()), 0.02)
        debouncer.trigger()
        debouncer.trigger()
        assert debouncer.mode == "loop"
        await asyncio.sleep(0.2)

    asyncio.run(main())
    assert threads == [threading.main_thread()]


def test_flush_runs_a_waiting_call_now_and_cancel_drops_it():
    calls = []
    debouncer = Debouncer(lambda: calls.append(1), 60)
    debouncer.trigger()
    assert debouncer.pending
    debouncer.flush()
    assert calls == [1] and not debouncer.pending
    debouncer.trigger()
    debouncer.cancel()
    debouncer.flush()
    assert calls == [1]
