"""The course's sample databases: a schema from ``data/`` with its hand-made CSV rows loaded.

    >>> schema, con = relviz.load_sample("course")          # doctest: +SKIP
    >>> sample = relviz.load_sample("social")               # doctest: +SKIP
    >>> sample.table("User")                                # a pandas DataFrame  # doctest: +SKIP

``data/NAME.prisma`` is the schema and ``data/NAME/TABLE.csv`` the rows of each table. A variant
``BASE-VARIANT`` (``course-explicit``) reads a table from its own folder first, then from
``data/BASE/`` (see data/README.md). The folder is found next to the package: ``relviz/data``
when installed with the data, else the repository's ``data/`` (an editable install);
``RELVIZ_DATA=/some/folder`` overrides both.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import NamedTuple

from relviz.db.names import literal, quote, table_ref
from relviz.errors import UsageError

__all__ = ["Sample", "data_dir", "load_csv_folder", "load_sample", "sample_names"]


class Sample(NamedTuple):
    """A sample database: ``schema, con = sample`` unpacks it; ``.table(name)`` shows a table."""

    schema: object
    con: object

    def table(self, name: str, limit: int | None = None):
        """A table as a pandas DataFrame, in key order: a model name (``"User"``) or a table name (``"_AccountToUser"``)."""
        sql = f"SELECT * FROM {_table_for(self.schema, name)} ORDER BY ALL"
        return self.con.execute(sql + (f" LIMIT {int(limit)}" if limit is not None else "")).df()

    def join(self, relation: str, how: str = "inner"):
        """``relviz.join`` on this sample: ``sample.join("User.posts", how="left")``."""
        from relviz.db.joins import join

        return join(self.con, relation, how=how, schema=self.schema)

    def row_counts(self) -> dict[str, int]:
        """``{table name: number of rows}``, in the order the tables were filled."""
        from relviz.db.order import table_plans

        return {t.name: self.con.execute(f"SELECT count(*) FROM {table_ref(t.name, t.schema_name)}").fetchall()[0][0]
                for t in table_plans(self.schema)}

    def __repr__(self) -> str:
        counts = ", ".join(f"{name} {n}" for name, n in self.row_counts().items())
        return f"<Sample {len(self.schema.models)} models: {counts}>"


def _table_for(schema, name: str) -> str:
    from relviz.db.order import table_plans

    for t in table_plans(schema):
        if name in (t.name, t.model.name if t.model is not None else None):
            return table_ref(t.name, t.schema_name)
    known = [m.name for m in schema.models] + [t.name for t in table_plans(schema) if t.model is None]
    raise UsageError(f"no table or model named {name!r} (must be one of {known})")


def data_dir() -> Path:
    """The folder holding the sample schemas and their CSVs."""
    here = Path(__file__).resolve().parent.parent  # relviz/
    candidates = [Path(os.environ["RELVIZ_DATA"])] if os.environ.get("RELVIZ_DATA") else []
    candidates += [here / "data", here.parent / "data"]
    for folder in candidates:
        if (folder / "course.prisma").is_file():
            return folder
    raise UsageError(
        "cannot find the sample data (course.prisma and its CSVs); looked in "
        + ", ".join(str(c) for c in candidates)
        + ". Install relviz from its repository (pip install -e .) or set RELVIZ_DATA to the data folder"
    )


def sample_names() -> list[str]:
    """The samples :func:`load_sample` knows: every ``data/*.prisma``."""
    return sorted(p.stem for p in data_dir().glob("*.prisma"))


def _csv_folders(root: Path, name: str) -> list[Path]:
    """``data/course-explicit``, then ``data/course``: a variant falls back to its base's CSVs."""
    parts = name.split("-")
    return [root / "-".join(parts[:n]) for n in range(len(parts), 0, -1) if (root / "-".join(parts[:n])).is_dir()]


def load_sample(name: str = "course", database=":memory:", *, overwrite: bool = False) -> Sample:
    """The sample ``name`` (``"course"``, ``"course-explicit"``, ``"social"``, ``"actions"``) in DuckDB.

    Returns a :class:`Sample`: ``schema, con = relviz.load_sample("course")``.
    """
    from relviz.db.database import connect
    from relviz.schema import load

    root = data_dir()
    path = root / f"{name}.prisma"
    if not path.is_file():
        raise UsageError(f"unknown sample: {name!r} (must be one of {sample_names()})")
    schema = load(path)
    con = connect(schema, database, overwrite=overwrite)
    load_csv_folder(con, schema, _csv_folders(root, name))
    return Sample(schema, con)


def load_csv_folder(con, schema, folders) -> dict[str, int]:
    """Load ``TABLE.csv`` from the first of ``folders`` that has it into each table; ``{table: rows}``.

    Tables are filled referenced-first; a table without a CSV stays empty. Each file is read by
    DuckDB's ``read_csv`` with the column types of its table, so a bad value fails loudly.
    """
    from relviz.db.order import table_plans
    from relviz.db.sequences import advance_sequences

    loaded = {}
    tables = table_plans(schema)
    for table in tables:
        found = next((Path(f) / f"{table.name}.csv" for f in folders if (Path(f) / f"{table.name}.csv").is_file()), None)
        if found is not None:
            loaded[table.name] = _load_csv(con, table, found)
    advance_sequences(con, tables)
    return loaded


def _load_csv(con, table, path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as f:
        header = next(csv.reader(f), [])
    types = dict(con.execute(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? AND schema_name = ?",
        [table.name, table.schema_name or "main"],
    ).fetchall())
    unknown = [c for c in header if c not in types]
    if unknown:
        raise UsageError(f"{path}: columns {unknown} are not in table {table.name} (its columns: {list(types)})")
    columns = "{" + ", ".join(f"{literal(c)}: {literal(types[c])}" for c in header) + "}"
    names = ", ".join(quote(c) for c in header)
    target = table_ref(table.name, table.schema_name)
    con.execute(
        f"INSERT INTO {target} ({names}) SELECT {names} FROM read_csv({literal(str(path))}, header = true, columns = {columns})"
    )
    return con.execute(f"SELECT count(*) FROM {target}").fetchall()[0][0]
