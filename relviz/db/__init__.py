"""Relations you can query: the schema's tables in DuckDB, sample rows, joins and referential actions.

    >>> schema, con = relviz.load_sample("course")                  # doctest: +SKIP
    >>> relviz.join(con, "User.posts", how="left")                  # doctest: +SKIP

- :func:`connect` makes a DuckDB database with the schema's tables (:mod:`relviz.db.database`).
- :func:`load_sample` loads a course schema and its hand-made CSVs (:mod:`relviz.db.samples`).
- :func:`sample_data` fills every table with made-up rows (:mod:`relviz.db.fill`).
- :func:`join_sql` / :func:`join` follow a relation (:mod:`relviz.db.joins`).
- :func:`delete` / :func:`update` apply ``onDelete``/``onUpdate`` as Prisma does (:mod:`relviz.db.actions`).
- :func:`integrity_problems` lists orphan foreign keys and repeated unique keys (:mod:`relviz.db.checks`).

Nothing here imports duckdb or pandas until a function runs.
"""

from relviz.db.actions import Effect, RelationViolationError, apply_delete, apply_update, delete, update
from relviz.db.checks import integrity_problems
from relviz.db.database import connect, remember_schema, schema_of
from relviz.db.fill import sample_data
from relviz.db.joins import join, join_sql
from relviz.db.samples import Sample, data_dir, load_sample, sample_names

__all__ = [
    "Effect", "RelationViolationError", "Sample", "apply_delete", "apply_update", "connect", "data_dir", "delete",
    "integrity_problems", "join", "join_sql", "load_sample", "remember_schema", "sample_data", "sample_names",
    "schema_of", "update",
]
