"""``autoincrement()`` sequences moved past ids that were written out (CSV rows, sample data)."""

from __future__ import annotations

import re

from relviz.db.names import duckdb_schema, literal, quote

__all__ = ["advance_sequences"]

_NEXTVAL = re.compile(r"nextval\('(.+)'\)")


def advance_sequences(con, tables) -> None:
    """Move each ``autoincrement()`` sequence past the largest id written, so later inserts do not clash."""
    wanted = {(duckdb_schema(t.schema_name), t.name): t for t in tables}
    sequences, tops = [], []
    for schema_name, name, column, default in con.execute(
        "SELECT schema_name, table_name, column_name, column_default FROM duckdb_columns() "
        "WHERE column_default LIKE 'nextval(%'"
    ).fetchall():
        m = _NEXTVAL.search(default)
        if m is not None and (schema_name, name) in wanted:
            sequences.append(m[1])
            tops.append(f"(SELECT coalesce(max({quote(column)}), 0) FROM {wanted[(schema_name, name)].ref})")
    if not sequences:
        return
    maxima = con.execute("SELECT " + ", ".join(tops)).fetchall()[0]
    steps = [f"(SELECT count(nextval({literal(seq)})) FROM range({int(top)}))" for seq, top in zip(sequences, maxima) if top]
    if steps:
        con.execute("SELECT " + ", ".join(steps))
