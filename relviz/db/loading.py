"""Loading many rows fast: DuckDB settings for a fill, and keys and indexes built after the rows.

DuckDB keeps an index up to date row by row while rows go in, but builds one over a full table
in a single sweep, much faster. So a fill drops the tables' ``CREATE INDEX`` indexes and (for
large runs in a database it made itself) their primary keys and unique constraints, and makes
them again once the rows are in: the same checks, done once. Both functions return that SQL
per table (by the table's quoted name), so each table's keys can be built as soon as its rows are in.
"""

from __future__ import annotations

from relviz.db.names import duckdb_schema, literal, quote

__all__ = ["drop_indexes", "drop_keys", "settings_for_filling"]


def settings_for_filling(con, *, small: bool, one_thread: bool = False) -> dict:
    """No DuckDB progress bar (relviz reports per table). Small runs use one thread: DuckDB would
    spend more time starting threads than working; so do runs that fill several tables at a time
    (``one_thread``), each on a thread of its own. Large runs let DuckDB store rows out of order
    (a third faster; ``ORDER BY`` gives them back in order). Returns the old settings, to restore."""
    wanted = {"enable_progress_bar": False}
    if small or one_thread:
        wanted["threads"] = 1
    else:
        wanted["preserve_insertion_order"] = False
    old = {}
    for name, value in wanted.items():
        old[name] = con.execute(f"SELECT current_setting({literal(name)})").fetchall()[0][0]
        con.execute(f"SET {name} = {literal(value)}")
    return old


def drop_keys(con, schema, tables) -> dict[str, list[str]]:
    """Make each (empty) table again without its primary key and unique constraints; returns the SQL
    that adds them back once the rows are in, by table.

    DuckDB checks a key row by row while rows go in, but builds it over a full table in one
    sweep, about three times faster in all. Used only for large runs in a database sample_data
    made itself: the columns come from :mod:`relviz.sql`, the keys from DuckDB's own catalog,
    and unique keys come back as unique indexes with Prisma's names.
    """
    from relviz.sql import sql_schema
    from relviz.sql.duckdb_dialect import column_sql

    by_name = {(duckdb_schema(t.schema_name), t.name): t for t in sql_schema(schema, "duckdb").tables}
    found = con.execute(
        "SELECT schema_name, table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY constraint_index"
    ).fetchall()
    keys: dict = {}
    for schema_name, table, kind, columns in found:
        keys.setdefault((schema_name, table), []).append((kind, tuple(columns)))
    again: dict[str, list[str]] = {}
    for plan in tables:
        key = (duckdb_schema(plan.schema_name), plan.name)
        table = by_name[key]
        columns = ",\n  ".join(column_sql(c, table)[0] for c in table.columns)
        con.execute(f"DROP TABLE {plan.ref}")
        con.execute(f"CREATE TABLE {plan.ref} (\n  {columns}\n)")
        names = {tuple(c.name for c in i.columns): i.name for i in table.indexes if i.unique}
        statements = again.setdefault(plan.ref, [])
        for kind, cols in keys.get(key, []):
            listed = ", ".join(quote(c) for c in cols)
            if kind == "PRIMARY KEY":
                statements.append(f"ALTER TABLE {plan.ref} ADD PRIMARY KEY ({listed})")
            else:
                name = names.get(cols) or f"{plan.name}_{'_'.join(cols)}_key"
                statements.append(f"CREATE UNIQUE INDEX {quote(name)} ON {plan.ref} ({listed})")
    return again


def drop_indexes(con, tables) -> dict[str, list[str]]:
    """Drop the tables' ``CREATE INDEX`` indexes, returning the SQL that makes them again, by table.

    DuckDB builds an index over a full table about twice as fast as it keeps one up to date row
    by row. (Primary keys and unique constraints stay: DuckDB cannot drop those.)"""
    wanted = {(duckdb_schema(t.schema_name), t.name): t.ref for t in tables}
    found = con.execute("SELECT schema_name, table_name, index_name, sql FROM duckdb_indexes()").fetchall()
    again: dict[str, list[str]] = {}
    for schema_name, table, name, sql in found:
        if (schema_name, table) in wanted and sql:
            con.execute(f"DROP INDEX {quote(schema_name)}.{quote(name)}")
            again.setdefault(wanted[schema_name, table], []).append(sql)
    return again
