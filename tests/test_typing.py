"""The schema reader (relviz.syntax, relviz.schema) type-checks: its annotations are true.

relviz ships ``py.typed``, so these annotations are read by its users' type checkers; they are
also what a compiler such as mypyc would trust (see benchmarks/README.md).
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_schema_reader_passes_mypy_as_configured_in_pyproject():
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental"], cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success" in proc.stdout
