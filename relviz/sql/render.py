"""SQL fragments the dialects share: quoting, steps, indexes, enums, foreign key clauses.

Each function builds one piece of text and runs nothing. A migration script is a list of
steps, each ``-- Description`` on its own line followed by one statement and ``;``, with a
blank line between steps, as ``prisma migrate diff --script`` prints it.
"""

from __future__ import annotations

from relviz.sql.column_types import operator_class
from relviz.sql.defaults import string_literal

__all__ = [
    "DEFAULT_SCHEMA", "EMPTY_MIGRATION", "INDENT", "REFERENTIAL_ACTIONS", "enum_sql", "foreign_key_clause", "index_column_sql",
    "index_sql", "qualified", "quote", "script", "step",
]

INDENT = "    "
EMPTY_MIGRATION = "-- This is an empty migration.\n"

REFERENTIAL_ACTIONS = {
    "Cascade": "CASCADE", "Restrict": "RESTRICT", "NoAction": "NO ACTION", "SetNull": "SET NULL", "SetDefault": "SET DEFAULT",
}


def quote(name: str) -> str:
    """``User`` -> ``"User"``."""
    return '"' + name.replace('"', '""') + '"'


DEFAULT_SCHEMA = "public"


def qualified(name: str, schema_name: str | None = None) -> str:
    """``"User"``, or ``"auth"."User"`` for a table or type in a named schema (Prisma leaves ``public`` out)."""
    return f"{quote(schema_name)}.{quote(name)}" if schema_name and schema_name != DEFAULT_SCHEMA else quote(name)


def step(description: str, statement: str) -> str:
    """``-- CreateTable`` then the statement and its ``;``."""
    return f"-- {description}\n{statement};\n"


def script(steps) -> str:
    """The steps with a blank line between them (Prisma's text for no steps when empty)."""
    steps = list(steps)
    return "\n".join(steps) if steps else EMPTY_MIGRATION


def enum_sql(enum, *, schema_name: str | None = None) -> str:
    """``CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN')``."""
    values = ", ".join(string_literal(v.db_name or v.name) for v in enum.values)
    return f"CREATE TYPE {qualified(enum.db_name or enum.name, schema_name)} AS ENUM ({values})"


def index_column_sql(column, *, operator_classes: bool = True) -> str:
    """``"email"``, ``"createdAt" DESC``, ``"tags" array_ops``."""
    ops = operator_class(column.ops) if operator_classes else None
    sort = {"Asc": " ASC", "Desc": " DESC"}.get(column.sort, "")
    return quote(column.name) + (f" {ops}" if ops else "") + sort


def index_sql(index, table, *, using: bool = True, operator_classes: bool = True) -> str:
    """``CREATE UNIQUE INDEX "User_email_key" ON "User"("email")``."""
    columns = ", ".join(index_column_sql(c, operator_classes=operator_classes) for c in index.columns)
    target = qualified(table.name, table.schema_name)
    method = f" USING {index.using.upper()} " if using and index.using else ""
    unique = "UNIQUE " if index.unique else ""
    return f"CREATE {unique}INDEX {quote(index.name)} ON {target}{method}({columns})"


def foreign_key_clause(fk, *, gap: str = "", actions: bool = True) -> str:
    """``FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE``.

    ``gap`` goes between the referenced table and its columns (SQLite writes a space).
    """
    columns = ", ".join(map(quote, fk.columns))
    referenced = ", ".join(map(quote, fk.referenced_columns))
    clause = f"FOREIGN KEY ({columns}) REFERENCES {qualified(fk.referenced_table, fk.referenced_schema)}{gap}({referenced})"
    if actions:
        clause += f" ON DELETE {REFERENTIAL_ACTIONS[fk.on_delete]} ON UPDATE {REFERENTIAL_ACTIONS[fk.on_update]}"
    return clause
