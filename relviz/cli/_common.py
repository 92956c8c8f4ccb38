"""What the subcommands share: reading schemas and writing outputs safely."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from relviz.errors import SchemaError, UsageError

__all__ = ["SchemaLoadFailed", "add_schema_argument", "load_schema", "write_output"]


class SchemaLoadFailed(SystemExit):
    """Raised after Prisma-format errors were printed; exits with status 1."""


def add_schema_argument(parser) -> None:
    parser.add_argument("schema", nargs="+", metavar="SCHEMA", help="a .prisma file, several files of one schema, or a folder")


def load_schema(paths, *, stream=None):
    """Load a schema; on Prisma errors print them (Prisma's format) and exit with status 1."""
    from relviz.schema import load

    stream = stream or sys.stderr
    try:
        schema = load(paths)
    except SchemaError as e:
        print(str(e), file=stream)
        raise SchemaLoadFailed(1) from None
    for warning in schema.warnings:
        print(warning.pretty(), file=stream)
    return schema


def write_output(path, data) -> None:
    """Write ``data`` (str or bytes) to ``path`` atomically: all of it, or nothing."""
    path = Path(path)
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give a file name for the output")
    if not path.parent.exists():
        raise UsageError(f"{path.parent}: no such folder for the output")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private; outputs get the usual mode
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
