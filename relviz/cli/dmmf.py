"""``relviz dmmf SCHEMA...``: print the DMMF datamodel as Prisma does."""

from __future__ import annotations

import json

from relviz.cli._common import add_schema_argument, load_schema

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser("dmmf", help="print Prisma's DMMF datamodel (JSON)")
    add_schema_argument(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    schema = load_schema(args.schema)
    print(json.dumps(schema.to_dmmf(), indent=2, ensure_ascii=False))
    return 0
