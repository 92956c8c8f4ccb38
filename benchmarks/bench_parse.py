"""How fast relviz reads a schema, next to Prisma's own validator and a lark grammar.

    python benchmarks/bench_parse.py [SCHEMA] [--rounds N] [--stages]

Measures, in one run and interleaved round by round so that machine noise hits all alike:
``relviz.parse`` (syntax, resolution, relation inference and validation), relviz's parser alone
(with the cyclic garbage collector paused, as ``relviz.parse`` runs it), the same language as a lark LALR grammar (``psl.lark``, parse tree only, no model built), and
Prisma's WASM validator (``prisma_validate.mjs``; needs node and the Prisma oracle install,
otherwise skipped). Prints medians and ratios to Prisma's validator. ``--stages`` also prints
the median of each of ``relviz.parse``'s passes (syntax, names, types, attributes, relations,
validation), to see where its time goes.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import time
from pathlib import Path

import relviz
from relviz.errors import SourceFile
from relviz.syntax import parse_file

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent / "tests" / "fixtures" / "real" / "calcom.prisma"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _without_gc(fn, *args):
    """``fn(*args)`` with the cyclic garbage collector paused, as ``relviz.parse`` pauses it while building."""
    gc.disable()
    try:
        return fn(*args)
    finally:
        gc.enable()


def prisma_times(path: Path, rounds: int) -> list[float] | None:
    if shutil.which("node") is None:
        return None
    proc = subprocess.run(
        ["node", str(HERE / "prisma_validate.mjs"), str(path), str(rounds)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        print(f"(Prisma's validator skipped: {proc.stderr.strip().splitlines()[-1] if proc.stderr else 'failed'})")
        return None
    return json.loads(proc.stdout)["times_ms"]


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
    args = ap.parse_args()
    path = Path(args.schema)
    text = path.read_text()
    lines = text.count("\n")

    import lark

    grammar = lark.Lark((HERE / "psl.lark").read_text(), parser="lalr", lexer="contextual")
    cases = {
        "relviz.parse (whole model)": lambda: relviz.parse(text, filename=path.name),
        "relviz parser alone": lambda: _without_gc(parse_file, SourceFile(path.name, text)),
        "lark LALR grammar (tree only)": lambda: grammar.parse(text),
    }
    for fn in cases.values():  # warm up
        fn()
    times: dict[str, list[float]] = {name: [] for name in cases}
    prisma: list[float] = []
    chunk = max(1, args.rounds // 5)
    for _ in range(0, args.rounds, chunk):  # interleave Python cases and Prisma's in chunks
        for _ in range(chunk):
            for name, fn in cases.items():
                times[name].append(timed(fn))
        more = prisma_times(path, chunk)
        if more is not None:
            prisma.extend(more)

    print(f"{path.name}: {lines} lines, {len(relviz.parse(text, filename=path.name).models)} models, {args.rounds} rounds")
    reference = statistics.median(prisma) if prisma else None
    if prisma:
        times = {"Prisma's WASM validator (prisma-schema-wasm)": prisma, **times}
    for name, values in times.items():
        median = statistics.median(values)
        ratio = f"  {median / reference:5.2f}x Prisma" if reference else ""
        print(f"  {name:<46} median {median:7.2f} ms{ratio}")
    if args.stages:
        print("relviz.parse pass by pass (medians):")
        for name, median in stage_times(path, text, args.rounds).items():
            print(f"  {name:<46} median {median:7.2f} ms")


if __name__ == "__main__":
    main()
