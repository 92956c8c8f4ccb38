"""``relviz query SCHEMA... OPS.json``: run Prisma Client operations on a fresh in-memory DuckDB database."""

from __future__ import annotations

import json
import sys

from relviz.cli._common import load_schema, write_output
from relviz.errors import UsageError

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "query", help="run Prisma Client operations (a JSON list) on a fresh DuckDB database",
        description="Run a JSON list of operations like {\"model\": \"user\", \"action\": \"findMany\", \"args\": {...}} "
        "on an empty in-memory DuckDB database made from the schema, and print each result as Prisma Client "
        "prints it (dates as ISO strings, BigInt and Decimal as strings, Bytes as base64). A failed "
        "operation gives {\"error\": message, \"code\": code} and the run goes on.",
    )
    parser.add_argument("paths", nargs="+", metavar="SCHEMA... OPS.json",
                        help="the schema file(s) or folder, then the operations file")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the results to FILE instead of printing them")
    parser.set_defaults(func=run)


def _read_operations(path: str) -> list:
    try:
        with open(path, encoding="utf-8") as f:
            ops = json.load(f)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file; give the operations file (a JSON list) last") from None
    except json.JSONDecodeError as e:
        raise UsageError(f"{path}:{e.lineno}:{e.colno}: not valid JSON ({e.msg})") from None
    if not isinstance(ops, list) or not all(isinstance(op, dict) for op in ops):
        raise UsageError(f"{path}: expected a JSON list of objects like "
                         '{"model": "user", "action": "findMany", "args": {}}')
    return ops


def run(args) -> int:
    from relviz.client.script import dumps, run_operations

    if len(args.paths) < 2:
        raise UsageError("give the schema file(s) and then the operations file: relviz query schema.prisma ops.json")
    *schema_paths, ops_path = args.paths
    operations = _read_operations(ops_path)
    schema = load_schema(schema_paths if len(schema_paths) > 1 else schema_paths[0])
    text = dumps(run_operations(schema, operations)) + "\n"
    if args.output:
        write_output(args.output, text)
    else:
        sys.stdout.write(text)
    return 0
