"""``autoincrement()`` sequences moved past ids that were written out (CSV rows, sample data)."""

from __future__ import annotations

import re

from relviz.db.names import duckdb_schema, literal, quote

__all__ = ["advance_sequences", "sequence_columns"]

_NEXTVAL = re.compile(r"nextval\('(.+)'\)")


def sequence_columns(con, tables) -> dict[str, list[tuple[str, str]]]:
    """``{table: [(sequence, column), ...]}``: the tables' columns that count with ``autoincrement()``,
    by the table's quoted name."""
    wanted = {(duckdb_schema(t.schema_name), t.name): t.ref for t in tables}
    found: dict[str, list[tuple[str, str]]] = {}
    for schema_name, name, column, default in con.execute(
        "SELECT schema_name, table_name, column_name, column_default FROM duckdb_columns() "
        "WHERE column_default LIKE 'nextval(%'"
    ).fetchall():
        m = _NEXTVAL.search(default)
        if m is not None and (schema_name, name) in wanted:
            found.setdefault(wanted[schema_name, name], []).append((m[1], column))
    return found


def advance_sequences(con, tables, columns=None) -> None:
    """Move each ``autoincrement()`` sequence past the largest id written, so later inserts do not clash.

    ``columns`` is what :func:`sequence_columns` says of the tables (asked for when None)."""
    if columns is None:
        columns = sequence_columns(con, tables)
    sequences, tops = [], []
    for t in tables:
        for sequence, column in columns.get(t.ref, []):
            sequences.append(sequence)
            tops.append(f"(SELECT coalesce(max({quote(column)}), 0) FROM {t.ref})")
    if not sequences:
        return
    maxima = con.execute("SELECT " + ", ".join(tops)).fetchall()[0]
    steps = [f"setval({literal(seq)}, {int(top)})" for seq, top in zip(sequences, maxima) if top]
    if steps:
        con.execute("SELECT " + ", ".join(steps)).fetchall()
