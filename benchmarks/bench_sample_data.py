"""How fast ``relviz.sample_data`` fills a schema with one million rows in total.

    python benchmarks/bench_sample_data.py [--rows 1000000] [--runs 3] [SCHEMA...]

For each schema (by default data/course.prisma and tests/fixtures/real/calcom.prisma), the rows
per table are chosen so the tables hold about ``--rows`` rows together (a warm-up run measures
how many rows the key limits leave, then the per-table number is scaled once). Each timed run
makes a fresh in-memory DuckDB database, creates the tables and fills them (``sample_data``
with ``con=None``); the median of the runs is printed with the rows per second, and the median
CPU time of the process (all DuckDB threads), which says more on a busy machine. Target: under 3 s.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import time
from pathlib import Path

import relviz
from relviz.db import sample_data

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = [ROOT / "data" / "course.prisma", ROOT / "tests" / "fixtures" / "real" / "calcom.prisma"]


def fill(schema, per_table: int):
    """Wall-clock seconds, CPU seconds (all of DuckDB's threads) and rows written."""
    start, cpu = time.perf_counter(), time.process_time()
    sample = sample_data(schema, rows=per_table, seed=0, progress=False)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    total = sum(sample.row_counts().values())
    sample.con.close()
    return seconds, cpu, total


def bench(path: Path, rows: int, runs: int) -> None:
    schema = relviz.load(path)
    tables = len(schema.models) + sum(1 for r in schema.relations if r.join_table is not None)
    per_table = math.ceil(rows / tables)
    _, _, total = fill(schema, per_table)  # warm-up, and how many rows the key limits leave
    if total < rows:
        per_table = math.ceil(per_table * rows / total)
    times, cpus, total = [], [], 0
    for _ in range(runs):
        seconds, cpu, total = fill(schema, per_table)
        times.append(seconds)
        cpus.append(cpu)
    median = statistics.median(times)
    print(f"{path.name}: {tables} tables, {per_table:,} rows asked per table, {total:,} rows in total")
    print(f"  median {median:.2f} s over {runs} runs ({', '.join(f'{t:.2f}' for t in times)}), "
          f"{total / median:,.0f} rows/s  [{'under' if median < 3 else 'OVER'} the 3 s target]")
    print(f"  CPU time, all threads: median {statistics.median(cpus):.2f} s "
          "(wall time grows when other programs share the CPUs; CPU time much less)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("schemas", nargs="*", type=Path, default=DEFAULTS)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"sample_data benchmark ({os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} before)")
    for path in args.schemas:
        bench(path, args.rows, args.runs)


if __name__ == "__main__":
    main()
