"""PostgreSQL: the migration ``prisma migrate diff --from-empty --to-schema`` prints, byte for byte.

Steps in Prisma's order: CreateSchema, CreateExtension, CreateEnum, CreateTable, CreateIndex,
AddForeignKey. Primary keys are named constraints inside CREATE TABLE; foreign keys come
last, as ALTER TABLE, so tables can be created in model order.
"""

from __future__ import annotations

from relviz.sql.column_types import POSTGRES_TYPES, postgres_native_type, serial_type
from relviz.sql.defaults import default_sql
from relviz.sql.render import (
    INDENT, enum_sql, foreign_key_clause, index_sql, qualified, quote, script, step,
)

__all__ = ["column_sql", "column_type", "create_sql", "extension_sql", "extensions", "primary_key_sql", "table_sql"]


def column_type(column) -> str:
    """The column's type without ``[]``: enum, Unsupported text, native type or scalar default."""
    if column.enum is not None:
        return qualified(column.enum.db_name or column.enum.name, column.enum.schema_name)
    if column.unsupported is not None:
        return column.unsupported
    if column.native_type is not None:
        native = postgres_native_type(column.native_type)
        if native is not None:
            return native
    return POSTGRES_TYPES[column.scalar_type]


def column_sql(column) -> str:
    """``    "email" TEXT NOT NULL DEFAULT ''``."""
    base = column_type(column)
    sql_type = serial_type(base) if column.autoincrement else base
    sql = f"{INDENT}{quote(column.name)} {sql_type}{'[]' if column.is_list else ''}"
    if column.is_required:
        sql += " NOT NULL"
    default = default_sql(column, "postgresql", element_type=base)
    return sql + (f" DEFAULT {default}" if default is not None else "")


def primary_key_sql(pk) -> str:
    """``CONSTRAINT "User_pkey" PRIMARY KEY ("id")``."""
    return f"CONSTRAINT {quote(pk.name)} PRIMARY KEY ({','.join(map(quote, pk.columns))})"


def table_sql(table) -> str:
    columns = ",\n".join(column_sql(c) for c in table.columns)
    pk = f",\n\n{INDENT}{primary_key_sql(table.primary_key)}" if table.primary_key else ""
    return f"CREATE TABLE {qualified(table.name, table.schema_name)} (\n{columns}{pk}\n)"


def add_foreign_key_sql(table, fk) -> str:
    return f"ALTER TABLE {qualified(table.name, table.schema_name)} ADD CONSTRAINT {quote(fk.name)} {foreign_key_clause(fk)}"


def extensions(schema) -> list[tuple[str, str, dict]]:
    """``extensions = [...]`` of the datasource: (Prisma name, database name, {schema, version}), by Prisma name."""
    datasource = schema.datasource
    prop = (getattr(datasource, "properties", None) or {}).get("extensions") if datasource else None
    found = []
    for item in getattr(getattr(prop, "value", None), "items", None) or ():
        args = {a.name: getattr(a.value, "value", None) for a in getattr(item, "arguments", ()) if a.name}
        found.append((item.name, args.pop("map", None) or item.name, args))
    return sorted(found, key=lambda e: e[0])


def extension_sql(db_name: str, options: dict) -> str:
    """``CREATE EXTENSION IF NOT EXISTS "vector" WITH SCHEMA "x" VERSION "0.5"``."""
    sql = f"CREATE EXTENSION IF NOT EXISTS {quote(db_name)}"
    if options.get("schema"):
        sql += f" WITH SCHEMA {quote(options['schema'])}"
    if options.get("version"):
        sql += f" VERSION {quote(options['version'])}"
    return sql


def namespaces(schema, sql) -> list[str]:
    """The schemas to create: ``public``, or the ``@@schema`` names in use, sorted."""
    if not sql.enums and not sql.tables:
        return []
    if not (schema.datasource and schema.datasource.schemas):
        return ["public"]
    used = {t.schema_name for t in sql.tables} | {e.schema_name for e in sql.enums}
    return sorted(n for n in used if n)


def create_sql(schema, sql) -> str:
    """The whole migration for the tables in ``sql`` (a :class:`relviz.sql.tables.SqlSchema`)."""
    steps = [step("CreateSchema", f"CREATE SCHEMA IF NOT EXISTS {quote(n)}") for n in namespaces(schema, sql)]
    if sql.enums or sql.tables:
        steps += [step("CreateExtension", extension_sql(db, opts)) for _, db, opts in extensions(schema)]
    steps += [step("CreateEnum", enum_sql(e, schema_name=e.schema_name)) for e in sql.enums]
    steps += [step("CreateTable", table_sql(t)) for t in sql.tables]
    steps += [step("CreateIndex", index_sql(i, t)) for t in sql.tables for i in t.indexes]
    steps += [step("AddForeignKey", add_foreign_key_sql(t, fk)) for t in sql.tables for fk in t.foreign_keys]
    return script(steps)
