"""The SQL Prisma Migrate writes for a schema, for PostgreSQL and SQLite (byte for byte) and DuckDB.

    >>> print(relviz.parse(text).to_sql("sqlite"))          # doctest: +SKIP

Building SQL only: nothing here connects to a database. :func:`sql_schema` gives the tables
as data (names, columns, keys, foreign keys) for code that wants them without parsing SQL.
"""

from __future__ import annotations

from relviz.errors import UsageError
from relviz.sql.tables import SqlSchema, sql_schema

__all__ = ["DIALECTS", "SqlSchema", "create_sql", "default_dialect", "sql_schema"]

DIALECTS = ("postgresql", "sqlite", "duckdb")


def default_dialect(schema) -> str:
    """The schema's own provider when it is a dialect here (``sqlite``), else ``postgresql``."""
    provider = getattr(schema, "provider", None)
    return provider if provider in DIALECTS else "postgresql"


def _check(schema, dialect: str) -> str:
    dialect = {"postgres": "postgresql", "sqlite3": "sqlite"}.get(dialect, dialect)
    if dialect not in DIALECTS:
        raise UsageError(f"unknown SQL dialect: {dialect!r} (must be one of {list(DIALECTS)})")
    if getattr(schema, "provider", None) == "mongodb":
        if dialect == "duckdb":
            raise UsageError("DuckDB tables cannot be made from a MongoDB schema: MongoDB has collections, not tables")
        raise UsageError(f"Prisma Migrate writes no SQL for a MongoDB schema; change the provider to get {dialect} tables")
    return dialect


def create_sql(schema, dialect: str | None = "postgresql", *, foreign_keys: bool = False) -> str:
    """The SQL that creates ``schema``'s tables on an empty database.

    ``dialect=None`` picks :func:`default_dialect` (the schema's provider if it can).

    ``postgresql`` and ``sqlite`` give exactly what ``prisma migrate diff --from-empty`` prints
    (with the provider switched to that dialect). ``duckdb`` gives tables DuckDB can run;
    ``foreign_keys=True`` adds DuckDB foreign keys (see :mod:`relviz.sql.duckdb_dialect`).
    """
    dialect = _check(schema, dialect or default_dialect(schema))
    tables = sql_schema(schema, dialect)
    if dialect == "postgresql":
        from relviz.sql import postgresql as module
    elif dialect == "sqlite":
        from relviz.sql import sqlite as module
    else:
        from relviz.sql import duckdb_dialect as module

        return module.create_sql(schema, tables, foreign_keys=foreign_keys)
    return module.create_sql(schema, tables)
