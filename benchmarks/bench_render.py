"""How long relviz takes to draw a schema as SVG: building the DOT source, then Graphviz's layout.

    python benchmarks/bench_render.py [SCHEMA...] [--rounds N] [--detail auto|tables|keys|all]

Defaults: calcom.prisma (74 models; target under 1 s) and civitai.prisma (302 models; target
under 5 s) from tests/fixtures/real. The schema is parsed once, outside the timing; each round
times `relviz.diagram(schema).pipe("svg")` end to end, and the DOT-building part alone.
Prints medians. Needs Graphviz's `dot`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import relviz
from relviz.erd import diagram

REAL = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real"
TARGETS = {"calcom": 1.0, "civitai": 5.0}


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("schemas", nargs="*", default=[str(REAL / "calcom.prisma"), str(REAL / "civitai.prisma")])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--detail", default="auto")
    args = ap.parse_args()
    print(f"{'schema':<12} {'models':>6} {'relations':>9} {'detail':>7} {'build (s)':>10} {'svg (s)':>8} {'target':>7}")
    for name in args.schemas:
        path = Path(name)
        schema = relviz.load(path)
        figure = diagram(schema, detail=args.detail)
        figure.pipe("svg")  # warm up: imports, fontconfig cache
        build = [timed(lambda: diagram(schema, detail=args.detail)) for _ in range(args.rounds)]
        total = [timed(lambda: diagram(schema, detail=args.detail).pipe("svg")) for _ in range(args.rounds)]
        target = TARGETS.get(path.stem)
        verdict = "" if target is None else f"< {target:g} s " + ("ok" if statistics.median(total) < target else "MISSED")
        print(
            f"{path.stem:<12} {len(schema.models):>6} {len(schema.relations):>9} {figure.scene.detail:>7} "
            f"{statistics.median(build):>10.3f} {statistics.median(total):>8.3f} {verdict:>7}"
        )


if __name__ == "__main__":
    main()
