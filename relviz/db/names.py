"""Quoted SQL names for DuckDB: tables (with their ``@@schema``), columns and values."""

from __future__ import annotations

__all__ = ["column_ref", "duckdb_schema", "literal", "quote", "table_of", "table_ref"]


def quote(name: str) -> str:
    """``"User"``: a DuckDB identifier, quoted so case and odd characters survive."""
    return '"' + name.replace('"', '""') + '"'


def table_ref(table_name: str, schema_name: str | None = None) -> str:
    """``"User"``, or ``"auth"."User"`` for a model with ``@@schema("auth")``."""
    if schema_name in (None, "public", "main"):  # Postgres' default schema is DuckDB's `main`
        return quote(table_name)
    return f"{quote(schema_name)}.{quote(table_name)}"


def duckdb_schema(schema_name: str | None) -> str:
    """The DuckDB schema a table lives in: ``main`` for none or Postgres' ``public``."""
    return "main" if schema_name in (None, "public", "main") else schema_name


def table_of(model) -> str:
    """The quoted table of a model."""
    return table_ref(model.table_name, model.schema_name)


def column_ref(alias: str, column: str) -> str:
    """``"Post"."authorId"``."""
    return f"{quote(alias)}.{quote(column)}"


def literal(value) -> str:
    """A Python value as a SQL literal: None, bool, int, float, str, or a list of those."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return "'" + str(value).replace("'", "''") + "'"
