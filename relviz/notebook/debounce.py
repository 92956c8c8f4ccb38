"""Run a function once typing pauses: every call to ``trigger()`` restarts the wait.

In a Jupyter kernel the widget callbacks run on the kernel's asyncio event loop, so the wait is
``loop.call_later`` and the function later runs on that same thread, between messages, like any
other callback. Without a running loop (a plain script) a ``threading.Timer`` does the waiting,
and a lock keeps two runs from overlapping. ``delay=0`` runs the function at once.
"""

from __future__ import annotations

import asyncio
import threading

__all__ = ["Debouncer"]


class Debouncer:
    """Call ``function()`` ``delay`` seconds after the last :meth:`trigger`."""

    def __init__(self, function, delay: float = 0.3):
        self.function = function
        self.delay = delay
        self._pending = None  # an asyncio.TimerHandle or a threading.Timer
        self._lock = threading.RLock()
        self.mode = None  # how the last wait was done: "now", "loop" or "thread"

    def trigger(self) -> None:
        self.cancel()
        if self.delay <= 0:
            self.mode = "now"
            self._run()
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is not None:
            self.mode = "loop"
            self._pending = loop.call_later(self.delay, self._run)
        else:
            timer = threading.Timer(self.delay, self._run)
            timer.daemon = True
            self.mode = "thread"
            self._pending = timer
            timer.start()

    def cancel(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.cancel()

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def flush(self) -> None:
        """Run now if a call is waiting (tests and benchmarks use this)."""
        if self._pending is not None:
            self.cancel()
            self._run()

    def _run(self) -> None:
        self._pending = None
        with self._lock:
            self.function()
