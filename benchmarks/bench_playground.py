"""How long the playground takes from an edit to the new diagram, in the kernel (no browser).

    python benchmarks/bench_playground.py [SCHEMA ...] [--rounds N]

Each round types a new model at the end of the schema (so nothing is cached), then runs the
debounced update synchronously (``Playground.refresh()``) and stops the clock once the Diagram
tab holds the new SVG (drawn by the playground's long-lived ``dot``). Also times the parts: parse,
DOT source, ``dot`` started afresh as ``Diagram.pipe`` does (for comparison), and an undo
(text seen before: served from the cache). Prints medians in milliseconds. The 300 ms typing
pause is not included: it is the same for every schema.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = [ROOT / "data" / "course.prisma", ROOT / "tests" / "fixtures" / "real" / "calcom.prisma"]
TARGET_MS = {"course.prisma": 50}


def ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def added_model(i: int) -> str:
    return f"\nmodel Bench{i} {{\n  id    Int    @id\n  title String\n}}\n"


def bench(path: Path, rounds: int) -> dict[str, float]:
    import relviz
    from relviz.erd import diagram
    from relviz.notebook.playground_widget import Playground

    text = path.read_text(encoding="utf-8")
    pg = Playground(text, debounce=60)
    times = {"edit -> new diagram": [], "parse": [], "DOT source": [], "dot, new process": [], "undo (cached)": []}
    for i in range(rounds):
        edited = text + added_model(i)
        start = time.perf_counter()
        pg.text = edited
        pg.refresh()
        times["edit -> new diagram"].append(ms(start))
        assert f">Bench{i}<" in pg.diagram.value, "the new model is not in the diagram"

        start = time.perf_counter()
        pg.text = text if i % 2 else text + added_model(i - 1 if i else 0)
        pg.refresh()
        times["undo (cached)"].append(ms(start))

        start = time.perf_counter()
        schema = relviz.parse(edited)
        times["parse"].append(ms(start))
        start = time.perf_counter()
        figure = diagram(schema)
        times["DOT source"].append(ms(start))
        start = time.perf_counter()
        figure.pipe("svg")
        times["dot, new process"].append(ms(start))
    pg.close()
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("schemas", nargs="*", type=Path, default=DEFAULTS)
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    for path in args.schemas:
        medians = bench(path, args.rounds)
        print(f"{path.name} (median of {args.rounds} rounds)")
        for name, value in medians.items():
            print(f"  {name:<22} {value:8.1f} ms")
        target = TARGET_MS.get(path.name)
        if target is not None:
            verdict = "within" if medians["edit -> new diagram"] <= target else "OVER"
            print(f"  target: edit -> new diagram under {target} ms: {verdict}")


if __name__ == "__main__":
    main()
