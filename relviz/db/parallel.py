"""Running SQL for different tables side by side, each worker thread on its own DuckDB cursor.

DuckDB runs a statement over a few thousand rows (one table of a schema with many tables) on a
single thread, so filling such tables one after the other leaves the other cores idle.
Statements on different tables, each in its own transaction on its own cursor, do not get in
each other's way; :func:`run_tasks` starts a task as soon as the tasks it waits for are done.
"""

from __future__ import annotations

import queue
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Callable

__all__ = ["Task", "run_tasks"]


@dataclass(eq=False)
class Task:
    """``run(cursor)`` once every task in ``after`` is done; its result is handed back by :func:`run_tasks`."""

    name: str
    run: Callable
    after: list = field(default_factory=list)


def run_tasks(con, tasks, workers: int):
    """Run ``tasks`` on up to ``workers`` threads, yielding ``(task, result)`` as each one finishes.

    Of the tasks ready to start, the first in ``tasks`` starts first. The first task that fails
    stops the run: tasks not started are dropped, running statements are interrupted, and its
    exception is raised here.
    """
    workers = max(1, min(workers, len(tasks)))
    cursors = [con.cursor() for _ in range(workers)]
    free: queue.SimpleQueue = queue.SimpleQueue()
    for cursor in cursors:
        free.put(cursor)

    def call(task):
        cursor = free.get()  # never waits: no more tasks run than there are cursors
        try:
            return task.run(cursor)
        finally:
            free.put(cursor)

    waiting, done, running = list(tasks), set(), {}
    try:
        with ThreadPoolExecutor(workers, thread_name_prefix="relviz") as pool:
            try:
                while waiting or running:
                    while len(running) < workers:
                        ready = next((t for t in waiting if all(a in done for a in t.after)), None)
                        if ready is None:
                            break
                        waiting.remove(ready)
                        running[pool.submit(call, ready)] = ready
                    if not running:
                        raise ValueError(f"tasks wait for each other: {[t.name for t in waiting]}")
                    finished, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in finished:
                        task = running.pop(future)
                        result = future.result()
                        done.add(task)
                        yield task, result
            finally:
                if running:  # stopped early: do not wait for whole statements
                    for cursor in cursors:
                        cursor.interrupt()
    finally:
        for cursor in cursors:
            cursor.close()
