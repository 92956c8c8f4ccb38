"""``relviz sql [--dialect D] [--foreign-keys] [-o FILE] SCHEMA...``: print the SQL that creates the tables."""

from __future__ import annotations

import sys

from relviz.cli._common import add_schema_argument, load_schema, write_output

__all__ = ["register", "run"]

DIALECTS = ("postgresql", "sqlite", "duckdb")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "sql", help="print the SQL Prisma Migrate writes for the schema (or DuckDB tables)",
        description="Print the CREATE statements for an empty database: exactly Prisma's for "
        "postgresql and sqlite, runnable DuckDB SQL for duckdb.",
    )
    parser.add_argument(
        "--dialect", choices=DIALECTS, default=None,
        help="SQL dialect (default: the schema's provider if it is one of these, else postgresql)",
    )
    parser.add_argument(
        "--foreign-keys", action="store_true",
        help="duckdb only: write FOREIGN KEY constraints (by default relviz enforces relations itself)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the SQL to FILE instead of printing it")
    add_schema_argument(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    from relviz.sql import create_sql

    schema = load_schema(args.schema)
    sql = create_sql(schema, args.dialect, foreign_keys=args.foreign_keys)
    if args.output:
        write_output(args.output, sql)
    else:
        sys.stdout.write(sql)
    return 0
