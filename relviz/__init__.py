"""relviz: see, learn and check database relations as Prisma models them.

    >>> import relviz
    >>> schema = relviz.load("data/course.prisma")
    >>> schema.relation("User.posts").kind
    'one-to-many'

The public API is small. Read a schema (:func:`parse`, :func:`load`), walk it (:class:`Schema`,
:class:`Model`, :class:`Field`, :class:`Relation`) and catch :class:`SchemaError`; draw it
(:func:`diagram`); make its tables in DuckDB (:func:`connect`, :func:`load_sample`,
:func:`sample_data`), follow relations (:func:`join`) and query it as Prisma Client does
(:class:`Client`); in Jupyter, ``%load_ext relviz``, :func:`playground` and :func:`explore`.

Each function below is a thin door into a subpackage that imports its heavy library
(graphviz, duckdb, pandas, ipywidgets) only when called, so ``import relviz`` stays light.
"""

from relviz import _compiled

_compiled.choose()  # the compiled schema reader when `make setup` built it and it matches its source

from relviz.errors import Diagnostic, RelvizError, SchemaError, UsageError  # noqa: E402
from relviz.schema import Enum, Field, Model, Relation, Schema, load, parse  # noqa: E402

_compiled.restore_docs()

__version__ = "0.1.0"

__all__ = [
    "Client", "Diagnostic", "Enum", "Field", "Model", "Relation", "RelvizError", "Schema", "SchemaError",
    "UsageError", "connect", "diagram", "explore", "join", "load", "load_sample", "parse", "playground",
    "sample_data",
]


def diagram(schema, **options):
    """An ER diagram of ``schema`` (see :func:`relviz.erd.diagram` for the options); shows itself in Jupyter."""
    from relviz.erd import diagram as _diagram

    return _diagram(schema, **options)


def connect(schema, database=":memory:", *, overwrite=False):
    """A DuckDB connection with the tables Prisma Migrate would create for ``schema`` (none filled)."""
    from relviz.db import connect as _connect

    return _connect(schema, database, overwrite=overwrite)


def load_sample(name="course", database=":memory:", *, overwrite=False):
    """A course schema (``"course"``, ``"course-explicit"``, ``"social"``, ``"actions"``) loaded with its sample CSVs."""
    from relviz.db import load_sample as _load_sample

    return _load_sample(name, database, overwrite=overwrite)


def sample_data(schema, rows=None, seed=0, con=None, **options):
    """Fill every table of ``schema`` with deterministic made-up rows (see :func:`relviz.db.sample_data`)."""
    from relviz.db import sample_data as _sample_data

    if rows is None:
        return _sample_data(schema, seed=seed, con=con, **options)
    return _sample_data(schema, rows, seed, con, **options)


def join(con, relation, how="inner", **options):
    """Follow a relation (``"User.posts"``) in the database; the rows as a pandas DataFrame."""
    from relviz.db import join as _join

    return _join(con, relation, how, **options)


def playground(schema_text=None, **options):
    """A live schema editor with tabs for its diagram, SQL, tables and queries (Jupyter)."""
    from relviz.notebook import playground as _playground

    return _playground(schema_text, **options)


def explore(schema, con=None, **options):
    """Pick a relation: see it highlighted in the diagram, its join SQL and its rows (Jupyter)."""
    from relviz.notebook import explore as _explore

    return _explore(schema, con, **options)


def load_ipython_extension(ipython):
    """``%load_ext relviz``: adds the ``%%prisma`` cell magic."""
    from relviz.notebook import load_ipython_extension as _load

    _load(ipython)


def __getattr__(name):
    if name == "Client":
        from relviz.client import Client

        return Client
    raise AttributeError(f"module 'relviz' has no attribute {name!r}")
