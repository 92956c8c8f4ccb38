"""How fast relviz reads a schema, next to Prisma's own validator and a lark grammar.

    python benchmarks/bench_parse.py [SCHEMA] [--rounds N] [--stages] [--spread]

Measures, in one run, taking turns five rounds at a time so that the machine's moods hit all
cases alike:

- Prisma's WASM validator (``prisma_validate.mjs``, in one warm node process; needs node and
  the Prisma oracle install, otherwise skipped);
- ``relviz.parse`` (syntax, resolution, relation inference and validation) as this process
  runs it: on the compiled reader when ``make setup`` built it (relviz/_compiled.py). Its
  schema is dropped and collected within the time, as Prisma's validator drops what it builds;
  a second line times the same with the schema kept, to show what that teardown costs;
- ``relviz.parse`` as plain Python too, when this process runs compiled (in a warm process of
  its own with ``RELVIZ_PURE_PYTHON=1``);
- relviz's parser alone, and the same language as a lark LALR grammar (``psl.lark``, parse
  tree only).

Prints medians and ratios to Prisma's validator (``--spread`` adds minimums and first
quartiles: this machine is noisy). ``--stages`` also prints the median of each of
``relviz.parse``'s passes (syntax, names, types, attributes, relations, validation).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import relviz
from relviz import _compiled
from relviz.errors import SourceFile
from relviz.syntax import parse_file

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "fixtures" / "real" / "calcom.prisma"


def timed(fn) -> float:
    """Milliseconds of ``fn()`` with its result dropped, as Prisma's validator drops what it
    builds: the collection of the young objects it leaves is timed too (relviz.parse pauses the
    garbage collector while it builds, and its schema's objects point at each other, so only
    the collector frees them)."""
    start = time.perf_counter()
    fn()
    gc.collect(0)
    return (time.perf_counter() - start) * 1000


def timed_kept(fn) -> float:
    """Milliseconds of ``fn()`` alone, its result kept until the clock has stopped."""
    start = time.perf_counter()
    result = fn()
    elapsed = (time.perf_counter() - start) * 1000
    del result
    gc.collect(0)
    return elapsed


def _without_gc(fn, *args):
    """``fn(*args)`` with the cyclic garbage collector paused, as ``relviz.parse`` pauses it while building."""
    gc.disable()
    try:
        return fn(*args)
    finally:
        gc.enable()


class Worker:
    """A warm process timing one more case on request, round by round between ours: Prisma's
    validator in node, or relviz as plain Python. ``times(n)`` -> the milliseconds of ``n`` runs."""

    def __init__(self, command: list[str], env: dict | None = None):
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )

    def times(self, n: int) -> list[float]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{n}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(self.proc.stderr.read().strip() if self.proc.stderr else "no answer")
        answer = json.loads(line)
        return answer["times_ms"] if isinstance(answer, dict) else answer

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def prisma_worker(path: Path) -> Worker | None:
    if shutil.which("node") is None:
        return None
    worker = Worker(["node", str(HERE / "prisma_validate.mjs"), str(path), "serve"])
    try:
        worker.times(1)
    except (RuntimeError, ValueError) as error:
        print(f"(Prisma's validator skipped: {str(error).splitlines()[-1] if str(error) else 'failed'})")
        return None
    return worker


def pure_python_worker(path: Path) -> Worker:
    """``relviz.parse`` as plain Python, in a process of its own (``RELVIZ_PURE_PYTHON=1``)."""
    env = {**os.environ, _compiled.PURE_VARIABLE: "1"}
    return Worker([sys.executable, __file__, str(path), "--serve"], env=env)


def stage_times(path: Path, text: str, rounds: int) -> dict[str, float]:
    """Median milliseconds of each pass of ``relviz.parse``, run one after the other as it runs them."""
    from relviz.schema import relations, resolve
    from relviz.schema.schema import Schema
    from relviz.schema.validate import validate_schema

    def passes():
        source = SourceFile(path.name, text)
        ast = parse_file(source)
        yield "syntax (parse_file)"
        ctx = resolve.Context(Schema([source]), [ast])
        ctx.diagnostics = list(ast.diagnostics)
        resolve.resolve_names(ctx)
        yield "names"
        resolve.resolve_types(ctx)
        yield "field types"
        resolve.resolve_attributes(ctx)
        yield "attributes"
        relations.infer_relations(ctx)
        yield "relations"
        validate_schema(ctx)
        yield "validation rules"

    times: dict[str, list[float]] = {}
    for _ in range(rounds):
        gc.disable()
        try:
            start = time.perf_counter()
            for name in passes():
                now = time.perf_counter()
                times.setdefault(name, []).append((now - start) * 1000)
                start = now
        finally:
            gc.enable()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("schema", nargs="?", default=str(DEFAULT))
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--stages", action="store_true", help="also time each pass of relviz.parse")
    ap.add_argument("--spread", action="store_true", help="also print each case's minimum and first quartile")
    ap.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)  # pure_python_worker's side
    args = ap.parse_args()
    path = Path(args.schema)
    text = path.read_text()
    lines = text.count("\n")
    if args.serve:
        relviz.parse(text, filename=path.name)  # warm up
        for request in sys.stdin:
            times = [timed(lambda: relviz.parse(text, filename=path.name)) for _ in range(int(request))]
            print(json.dumps(times), flush=True)
        return

    import lark

    grammar = lark.Lark((HERE / "psl.lark").read_text(), parser="lalr", lexer="contextual")
    compiled = _compiled.active()
    first_case = f"relviz.parse ({'compiled' if compiled else 'plain Python'})"
    cases = {
        first_case: lambda: relviz.parse(text, filename=path.name),
        "relviz parser alone": lambda: _without_gc(parse_file, SourceFile(path.name, text)),
        "lark LALR grammar (tree only)": lambda: grammar.parse(text),
    }
    for fn in cases.values():  # warm up
        fn()
    times: dict[str, list[float]] = {name: [] for name in cases}
    kept: list[float] = []
    prisma_side = prisma_worker(path)
    pure_side = pure_python_worker(path) if compiled else None
    workers = {"Prisma's WASM validator (prisma-schema-wasm)": prisma_side, "relviz.parse (plain Python)": pure_side}
    workers = {name: worker for name, worker in workers.items() if worker is not None}
    measured = {name: [] for name in workers}
    # Each case runs a few rounds back to back (its steady pace, its own data in the caches), then
    # the next case, and so on in turn, so that the machine's moods hit all cases alike.
    block = 5
    for done in range(0, args.rounds, block):
        n = min(block, args.rounds - done)
        for name, worker in workers.items():
            measured[name].extend(worker.times(n))
        for name, fn in cases.items():
            times[name].extend(timed(fn) for _ in range(n))
        kept.extend(timed_kept(cases[first_case]) for _ in range(n))
    for worker in workers.values():
        worker.close()
    prisma = measured.pop("Prisma's WASM validator (prisma-schema-wasm)", [])
    pure = measured.pop("relviz.parse (plain Python)", [])

    print(f"{path.name}: {lines} lines, {len(relviz.parse(text, filename=path.name).models)} models, {args.rounds} rounds")
    reference = statistics.median(prisma) if prisma else None
    first, *rest = times.items()
    kept_name = "  the same, its schema kept (no teardown)"
    times = dict([first, (kept_name, kept), *([("relviz.parse (plain Python)", pure)] if pure else []), *rest])
    if prisma:
        times = {"Prisma's WASM validator (prisma-schema-wasm)": prisma, **times}
    for name, values in times.items():
        median = statistics.median(values)
        ratio = f"  {median / reference:5.2f}x Prisma" if reference else ""
        spread = f"   (min {min(values):6.2f}, first quartile {statistics.quantiles(values, n=4)[0]:6.2f})"
        print(f"  {name:<46} median {median:7.2f} ms{ratio}{spread if args.spread else ''}")
    if args.stages:
        print("relviz.parse pass by pass (medians):")
        for name, median in stage_times(path, text, args.rounds).items():
            print(f"  {name:<46} median {median:7.2f} ms")


if __name__ == "__main__":
    main()
