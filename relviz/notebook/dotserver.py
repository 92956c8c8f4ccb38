"""One long-lived ``dot -Tsvg`` process for the playground: a diagram in milliseconds, not a process start.

Starting ``dot`` costs tens of milliseconds (more on a busy machine), several times the layout of
a course-sized schema. ``dot`` reads graph after graph from its standard input and writes one SVG
document per graph, so the playground keeps one running and feeds it each new diagram. Anything
unexpected (no ``dot``, a DOT error, a timeout, Windows) stops that process and falls back to
:meth:`relviz.erd.Diagram.pipe`, which starts ``dot`` afresh and reports errors properly.
"""

from __future__ import annotations

import atexit
import os
import re
import select
import shutil
import subprocess
import threading
import time

__all__ = ["DotProcess", "svg_of"]

_END = b"</svg>"
_PAGE_ID = re.compile(r'<g id="page\d+,\d+_graph0"')


class DotFailed(RuntimeError):
    """The running ``dot`` did not answer with an SVG document."""


class DotProcess:
    """A ``dot -Tsvg`` child process turning DOT text into SVG text, one graph at a time."""

    def __init__(self, executable: str = "dot", *, timeout: float = 30.0, max_graphs: int = 500):
        self.executable = executable
        self.timeout = timeout
        self.max_graphs = max_graphs  # start afresh now and then, in case dot holds on to memory
        self._process = None
        self._graphs = 0
        self._lock = threading.Lock()

    def svg(self, source: str) -> str:
        """The SVG text of one DOT graph (raises :class:`DotFailed`, after stopping the process)."""
        with self._lock:
            try:
                return self._render(source)
            except BaseException:
                self.stop()
                raise

    def _render(self, source: str) -> str:
        process = self._running()
        process.stdin.write(source.encode("utf-8") + b"\n")
        process.stdin.flush()
        out = self._read_document(process)
        self._graphs += 1
        if self._graphs >= self.max_graphs:
            self.stop()
        text = out.decode("utf-8")
        return _PAGE_ID.sub('<g id="graph0"', text, count=1)

    def _read_document(self, process) -> bytes:
        out = bytearray()
        deadline = time.monotonic() + self.timeout
        streams = [process.stdout, process.stderr]
        while not out.rstrip().endswith(_END):
            left = deadline - time.monotonic()
            ready, _, _ = select.select(streams, [], [], max(0.0, left))
            if not ready:
                raise DotFailed(f"dot gave no SVG within {self.timeout:g} s")
            if process.stderr in ready:
                message = os.read(process.stderr.fileno(), 65536).decode("utf-8", "replace")
                if "Error" in message or not message:
                    raise DotFailed(f"dot: {message.strip() or 'stopped'}")
            if process.stdout in ready:
                chunk = os.read(process.stdout.fileno(), 1 << 20)
                if not chunk:
                    raise DotFailed("dot stopped")
                out += chunk
        return bytes(out)

    def _running(self):
        if self._process is None or self._process.poll() is not None:
            self._process = subprocess.Popen(
                [self.executable, "-Tsvg"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                bufsize=0,
            )
            self._graphs = 0
        return self._process

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if process is not None:
            for stream in (process.stdin, process.stdout, process.stderr):
                stream.close()


_shared: DotProcess | None = None
_failures = 0


def _shared_process() -> DotProcess | None:
    global _shared
    if os.name != "posix" or _failures >= 3:
        return None
    if _shared is None:
        executable = shutil.which("dot")
        if executable is None:
            return None
        _shared = DotProcess(executable)
        atexit.register(_shared.stop)
    return _shared


def svg_of(diagram) -> str:
    """The SVG text of a :class:`relviz.erd.Diagram`, from the shared ``dot`` when it can."""
    global _failures
    process = _shared_process()
    if process is not None:
        try:
            return process.svg(diagram.source)
        except (DotFailed, OSError, ValueError):
            _failures += 1
    svg = diagram.pipe("svg")
    return svg.decode("utf-8") if isinstance(svg, bytes) else svg
