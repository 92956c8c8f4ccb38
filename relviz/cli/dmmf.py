"""``relviz dmmf SCHEMA...``: print the DMMF datamodel as Prisma does."""

from __future__ import annotations

from relviz.cli._common import add_schema_argument, load_schema

__all__ = ["register", "run"]


def register(subparsers) -> None:
    parser = subparsers.add_parser("dmmf", help="print Prisma's DMMF datamodel (JSON)")
    add_schema_argument(parser)
    parser.set_defaults(func=run)


def run(args) -> int:
    schema = load_schema(args.schema)
    from relviz.dmmf import dumps

    print(dumps(schema.to_dmmf()))
    return 0
