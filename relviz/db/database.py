"""``connect(schema)``: a DuckDB database with the schema's tables, implicit join tables included.

The tables come from :func:`relviz.sql.create_sql` (dialect ``duckdb``), which writes no
foreign key constraints: DuckDB cannot cascade, and its foreign keys refuse even harmless
updates of a referenced row. relviz plays the part Prisma plays with ``relationMode = "prisma"``:
:mod:`relviz.db.actions` applies ``onDelete``/``onUpdate``, and :mod:`relviz.db.checks` finds orphans.

Each connection made here remembers its schema, so ``relviz.join(con, "User.posts")`` needs
no schema argument (:func:`schema_of`).
"""

from __future__ import annotations

import os
import weakref
from pathlib import Path

from relviz.errors import UsageError

__all__ = ["connect", "remember_schema", "resolve_schema", "schema_of"]

_SCHEMAS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def resolve_schema(schema):
    """A :class:`~relviz.Schema`, given one or the path of a ``.prisma`` file (or folder)."""
    if isinstance(schema, (str, os.PathLike)):
        from relviz.schema import load

        return load(schema)
    if not hasattr(schema, "models"):
        raise UsageError(f"expected a relviz Schema or the path of a .prisma file, not {type(schema).__name__}")
    return schema


def _free_database_path(database, overwrite: bool) -> str:
    database = os.fspath(database)
    if database == ":memory:" or database.startswith(":memory:"):
        return database
    path = Path(database)
    if not path.parent.is_dir():
        raise UsageError(f"{path}: the folder {path.parent} does not exist; create it first or choose another file name")
    if path.exists():
        if not overwrite:
            raise UsageError(
                f"{path}: this database file already exists; relviz will not replace it. "
                "Pass overwrite=True to start it afresh, choose another file name, "
                'or use database=":memory:"'
            )
        path.unlink()
        Path(f"{path}.wal").unlink(missing_ok=True)
    return database


def connect(schema, database=":memory:", *, overwrite: bool = False):
    """A DuckDB connection with the tables of ``schema`` created (empty).

    ``schema`` is a :class:`~relviz.Schema` or the path of a ``.prisma`` file. ``database`` is
    ``":memory:"`` (the default) or a file name; an existing file is never replaced unless
    ``overwrite=True``.
    """
    import duckdb

    from relviz.sql import create_sql

    schema = resolve_schema(schema)
    ddl = create_sql(schema, "duckdb")  # raises UsageError for MongoDB schemas
    database = _free_database_path(database, overwrite)
    con = duckdb.connect(database)
    try:
        con.execute(ddl)
    except Exception:
        con.close()
        raise
    remember_schema(con, schema)
    return con


def remember_schema(con, schema) -> None:
    """Tie ``schema`` to ``con`` (done by :func:`connect`; for connections made elsewhere)."""
    _SCHEMAS[con] = schema


def schema_of(con, schema=None):
    """The schema of a connection made by :func:`connect`, or ``schema`` when given."""
    if schema is not None:
        return resolve_schema(schema)
    con = getattr(con, "con", con)  # a Sample
    try:
        return _SCHEMAS[con]
    except (KeyError, TypeError):
        raise UsageError(
            "this connection was not made by relviz.connect(), so relviz does not know its schema; "
            "pass schema=... or call relviz.db.remember_schema(con, schema)"
        ) from None
