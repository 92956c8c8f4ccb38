"""``relviz check SCHEMA...``: validate like ``prisma validate``."""

from __future__ import annotations

import sys

from relviz.cli._common import add_schema_argument, load_schema

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser("check", help="validate a schema; Prisma's errors and exit 1 when invalid")
    add_schema_argument(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    schema = load_schema(args.schema)
    print(f"The schema at {', '.join(args.schema)} is valid: {len(schema.models)} models, {len(schema.relations)} relations.")
    return 0
