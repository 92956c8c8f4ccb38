"""SQLite: the migration ``prisma migrate diff --from-empty --to-schema`` prints, byte for byte.

SQLite cannot add a foreign key to an existing table, so Prisma writes them inside CREATE
TABLE (``REFERENCES "User" ("id")``, with a space). A single-column primary key is written on
its column (``INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT`` for any ``Int @id``, autoincrement or not),
a compound one after the columns. There are no schemas, enums (enum columns are TEXT) or
native types, and an implicit many-to-many join table gets a unique index ``_AB_unique``
instead of a primary key. From an empty database Prisma never redefines a table, so none of
its ``PRAGMA foreign_keys``/``INSERT INTO "new_..."`` redefinition steps appear. Scalar lists
(which Prisma refuses on SQLite) are written as their element type.
"""

from __future__ import annotations

from relviz.sql.column_types import SQLITE_TYPES
from relviz.sql.defaults import default_sql
from relviz.sql.render import INDENT, foreign_key_clause, index_sql, quote, script, step

__all__ = ["column_sql", "column_type", "create_sql", "table_sql"]


def column_type(column) -> str:
    """TEXT for enums, the text of ``Unsupported("...")``, else the scalar type's SQLite type."""
    if column.enum is not None:
        return "TEXT"
    if column.unsupported is not None:
        return column.unsupported
    return SQLITE_TYPES[column.scalar_type]


def column_sql(column, *, primary_key: bool = False) -> str:
    """``    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT``."""
    sql = f"{INDENT}{quote(column.name)} {column_type(column)}"
    if column.is_required:
        sql += " NOT NULL"
    if primary_key:
        sql += " PRIMARY KEY"
    if primary_key and column.scalar_type == "Int":  # Prisma's rule: every single Int primary key
        sql += " AUTOINCREMENT"
    default = default_sql(column, "sqlite")
    return sql + (f" DEFAULT {default}" if default is not None else "")


def table_sql(table) -> str:
    pk = table.primary_key
    inline_pk = pk.columns[0] if pk is not None and len(pk.columns) == 1 else None
    body = ",\n".join(column_sql(c, primary_key=c.name == inline_pk) for c in table.columns)
    if pk is not None and inline_pk is None:
        body += f",\n\n{INDENT}PRIMARY KEY ({', '.join(map(quote, pk.columns))})"
    for fk in table.foreign_keys:
        body += f",\n{INDENT}CONSTRAINT {quote(fk.name)} {foreign_key_clause(fk, gap=' ')}"
    return f"CREATE TABLE {quote(table.name)} (\n{body}\n)"


def create_sql(schema, sql) -> str:
    """The whole migration for the tables in ``sql`` (a :class:`relviz.sql.tables.SqlSchema`)."""
    steps = [step("CreateTable", table_sql(t)) for t in sql.tables]
    steps += [step("CreateIndex", index_sql(i, _unqualified(t))) for t in sql.tables for i in t.indexes]
    return script(steps)


class _unqualified:
    """A table seen without its ``@@schema`` (SQLite has one schema)."""

    def __init__(self, table):
        self.name, self.schema_name = table.name, None
