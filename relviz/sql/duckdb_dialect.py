"""DuckDB: the same tables as Prisma's migration, in SQL that DuckDB can run.

Design (what differs from Prisma's Postgres SQL, and why):

- **Foreign keys are applied by relviz, not by DuckDB (the default).** DuckDB's foreign keys
  cannot cascade or set null (``ON DELETE CASCADE`` is a parser error), and DuckDB checks
  them on every statement, even inside a transaction: deleting a child row and then its
  parent in one transaction still fails with "still referenced". relviz emulates Prisma's
  referential actions (Cascade, SetNull, Restrict...) in a transaction, which needs tables
  without foreign keys. Each foreign key is still listed, Prisma's ALTER TABLE written out
  as a comment, so a reader sees every relation.
- ``foreign_keys=True`` writes real DuckDB foreign keys, inside CREATE TABLE (DuckDB has no
  ``ALTER TABLE ... ADD FOREIGN KEY``) and without actions (DuckDB only does NO ACTION, which
  behaves as Prisma's Restrict); a comment says where an action other than Restrict/NoAction
  is applied by relviz instead. Tables then come in dependency order (referenced tables
  first); a foreign key that would close a cycle between tables is left out with a comment.
  Self-references are kept. A foreign key to a table in another schema, or to columns that
  are no PRIMARY KEY/UNIQUE constraint, is left out with a comment too (DuckDB refuses both).
- Over-eager constraint checking (DuckDB 2.0, checked): with foreign keys, a referenced key
  cannot be updated while rows point at it, and a parent cannot be deleted in the same
  transaction that deleted its children. Without foreign keys (the default) updates and
  deletes of key and unique columns behave as in Postgres, inside transactions too
  (delete-then-reinsert of a unique value, changing one twice, swapping two, shifting all ids).
- Unique constraints are written inside CREATE TABLE (``CONSTRAINT "User_email_key" UNIQUE``)
  because a DuckDB foreign key may only reference a PRIMARY KEY or UNIQUE constraint of the
  table, not a separate unique index. Other indexes stay CREATE INDEX, without ``USING``
  (DuckDB has one index type, ART) and without operator classes. An index on a list column
  (``String[]``) is left out as a comment: ART indexes cannot have list keys.
- ``autoincrement()`` is a sequence: ``CREATE SEQUENCE "User_id_seq"`` and
  ``DEFAULT nextval('"User_id_seq"')`` (Postgres names SERIAL's sequence the same way).
- Types: see :mod:`relviz.sql.column_types` (TIMESTAMP(3) -> TIMESTAMP, JSONB -> JSON,
  BYTEA -> BLOB, DECIMAL(65,30) -> DECIMAL(38,10), TIMESTAMPTZ without precision...).
  ``Unsupported("...")`` columns become TEXT, and ``dbgenerated()`` defaults that are not
  DuckDB SQL are left out; both with a comment on the column.
- Postgres' ``public`` schema is DuckDB's default schema (``main``): those tables are written
  without a schema name. Other ``@@schema`` names get CREATE SCHEMA IF NOT EXISTS.
"""

from __future__ import annotations

from dataclasses import replace

from relviz.sql.column_types import DUCKDB_TYPES, duckdb_native_type
from relviz.sql.defaults import default_sql, left_out_default
from relviz.sql.naming import sequence_name
from relviz.sql.render import (
    DEFAULT_SCHEMA, INDENT, enum_sql, foreign_key_clause, index_sql, qualified, quote, script, step,
)

__all__ = ["column_sql", "column_type", "create_sql", "dependency_order", "duckdb_foreign_key", "table_sql"]

ENFORCED_BY_DUCKDB = ("Restrict", "NoAction")


def _schema(name: str | None) -> str | None:
    """The schema DuckDB must create: none for Prisma's default ``public`` (DuckDB's ``main``)."""
    return None if name in (None, DEFAULT_SCHEMA) else name


def column_type(column) -> str:
    """The DuckDB type without ``[]``."""
    if column.enum is not None:
        return qualified(column.enum.db_name or column.enum.name, column.enum.schema_name)
    if column.unsupported is not None:
        return "TEXT"
    if column.native_type is not None:
        native = duckdb_native_type(column.native_type)
        if native is not None:
            return native
    return DUCKDB_TYPES[column.scalar_type]


def _sequence(table, column) -> str:
    return qualified(sequence_name(table.name, column.name), table.schema_name)


def column_sql(column, table) -> tuple[str, str | None]:
    """The column's definition, and a comment on what DuckDB does differently (or None)."""
    base = column_type(column)
    sql = f"{quote(column.name)} {base}{'[]' if column.is_list else ''}"
    if column.is_required:
        sql += " NOT NULL"
    if column.autoincrement:
        default = "nextval(" + "'" + _sequence(table, column).replace("'", "''") + "')"
    else:
        default = default_sql(column, "duckdb", element_type=base)
    sql += f" DEFAULT {default}" if default is not None else ""
    notes = []
    if column.unsupported is not None:
        written = column.unsupported.replace("\\", "\\\\").replace('"', '\\"')
        notes.append(f'Unsupported("{written}") stands in as TEXT')
    if left_out_default(column, "duckdb"):
        notes.append(f"default {left_out_default(column, 'duckdb')} left out: not DuckDB SQL")
    comment = "; ".join(notes) or None
    return sql, comment


def _action_comments(fk) -> list[str]:
    return [
        f"{label}: {action} is applied by relviz (DuckDB has no cascading foreign keys)"
        for label, action in (("onDelete", fk.on_delete), ("onUpdate", fk.on_update))
        if action not in ENFORCED_BY_DUCKDB
    ]


def _one_line(comment: str) -> str:
    """A comment cannot span lines: a line break would end it and turn the rest into SQL."""
    return " ".join(comment.splitlines())


def _body(columns, constraints) -> str:
    """Column and constraint lines: commas between items, comments after or above them."""
    items = [(sql, (), comment) for sql, comment in columns] + [(sql, above, None) for sql, above in constraints]
    lines = []
    for i, (sql, above, after) in enumerate(items):
        if i == len(columns) and i:
            lines.append("")
        lines += [f"{INDENT}-- {_one_line(c)}" for c in above]
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"{INDENT}{sql}{comma}" + (f" -- {_one_line(after)}" if after else ""))
    return "\n".join(lines)


def table_sql(table, *, foreign_keys=(), left_out=()) -> str:
    """CREATE TABLE with the primary key, unique constraints and (optionally) foreign keys inside.

    ``left_out`` holds (foreign key, reason) pairs written as comments at the end.
    """
    constraints = []
    if table.primary_key:
        pk = table.primary_key
        constraints.append((f"CONSTRAINT {quote(pk.name)} PRIMARY KEY ({','.join(map(quote, pk.columns))})", ()))
    for index in table.indexes:
        if index.unique and _indexable(index, table):
            columns = ", ".join(quote(c.name) for c in index.columns)
            constraints.append((f"CONSTRAINT {quote(index.name)} UNIQUE ({columns})", ()))
    for fk in foreign_keys:
        constraints.append((f"CONSTRAINT {quote(fk.name)} {foreign_key_clause(fk, actions=False)}", _action_comments(fk)))
    body = _body([column_sql(c, table) for c in table.columns], constraints)
    for fk, reason in left_out:
        body += f"\n{INDENT}-- left out ({reason}; relviz enforces it): {_fk_comment(fk)}"
    return f"CREATE TABLE {qualified(table.name, table.schema_name)} (\n{body}\n)"


def _keys(table):
    """The column tuples DuckDB lets a foreign key reference: the primary key and UNIQUE constraints."""
    keys = [table.primary_key.columns] if table.primary_key else []
    return keys + [tuple(c.name for c in i.columns) for i in table.indexes if i.unique and _indexable(i, table)]


def duckdb_foreign_key(fk, table, target):
    """The foreign key as DuckDB accepts it, or None and the reason it cannot be written."""
    if target is None or _schema(fk.referenced_schema) != _schema(table.schema_name):
        return None, "DuckDB cannot reference a table in another schema"
    for key in _keys(target):
        if key == fk.referenced_columns:
            return fk, None
        if sorted(key) == sorted(fk.referenced_columns):  # same key, other order: follow the constraint's
            pairs = dict(zip(fk.referenced_columns, fk.columns))
            return replace(fk, columns=tuple(pairs[k] for k in key), referenced_columns=key), None
    return None, "DuckDB needs a PRIMARY KEY or UNIQUE constraint on the referenced columns"


def _fk_comment(fk) -> str:
    return f"CONSTRAINT {quote(fk.name)} {foreign_key_clause(fk)}"


def dependency_order(tables):
    """Tables with referenced tables first (stable), and the foreign keys left out to break cycles."""
    by_name = {(t.schema_name, t.name): t for t in tables}
    ordered, state, dropped = [], {}, set()

    def visit(table):
        state[id(table)] = "visiting"
        for fk in table.foreign_keys:
            target = by_name.get((fk.referenced_schema, fk.referenced_table))
            if target is None or target is table:
                continue
            if state.get(id(target)) == "visiting":
                dropped.add(id(fk))
            elif id(target) not in state:
                visit(target)
        state[id(table)] = "done"
        ordered.append(table)

    for table in tables:
        if id(table) not in state:
            visit(table)
    return ordered, dropped


def _add_foreign_key_comment(table, fk) -> str:
    target = qualified(table.name, table.schema_name)
    return f"-- ALTER TABLE {target} ADD CONSTRAINT {quote(fk.name)} {foreign_key_clause(fk)}"


def create_sql(schema, sql, *, foreign_keys: bool = False) -> str:
    """DuckDB SQL for the tables in ``sql`` (a :class:`relviz.sql.tables.SqlSchema`)."""
    names = sorted(({_schema(t.schema_name) for t in sql.tables} | {_schema(e.schema_name) for e in sql.enums}) - {None})
    steps = [step("CreateSchema", f"CREATE SCHEMA IF NOT EXISTS {quote(n)}") for n in names]
    steps += [step("CreateEnum", enum_sql(e, schema_name=e.schema_name)) for e in sql.enums]
    steps += [
        step("CreateSequence", f"CREATE SEQUENCE {_sequence(t, c)}") for t in sql.tables for c in t.columns if c.autoincrement
    ]
    if foreign_keys:
        tables, cycles = dependency_order(sql.tables)
        by_name = {(t.schema_name, t.name): t for t in sql.tables}
        for t in tables:
            kept, left_out = [], []
            for fk in t.foreign_keys:
                written, reason = duckdb_foreign_key(fk, t, by_name.get((fk.referenced_schema, fk.referenced_table)))
                if id(fk) in cycles:
                    written, reason = None, "it closes a cycle between tables"
                if written is None:
                    left_out.append((fk, reason))
                else:
                    kept.append(written)
            steps.append(step("CreateTable", table_sql(t, foreign_keys=kept, left_out=left_out)))
    else:
        tables = sql.tables
        steps += [step("CreateTable", table_sql(t)) for t in tables]
    steps += [_create_index_step(i, t) for t in tables for i in t.indexes if not i.unique]
    if not foreign_keys:
        steps += [
            f"-- AddForeignKey (applied by relviz, not DuckDB)\n{_add_foreign_key_comment(t, fk)};\n"
            for t in tables for fk in t.foreign_keys
        ]
    return script(steps)


def _index_sql(index, table) -> str:
    return index_sql(index, table, using=False, operator_classes=False)


def _indexable(index, table) -> bool:
    """DuckDB's ART indexes cannot have list columns as keys."""
    return not any(table.column(c.name).is_list for c in index.columns)


def _create_index_step(index, table) -> str:
    if _indexable(index, table):
        return step("CreateIndex", _index_sql(index, table))
    return f"-- CreateIndex (left out: DuckDB cannot index list columns)\n-- {_index_sql(index, table)};\n"
