"""relviz: see, learn and check database relations as Prisma models them.

    >>> import relviz
    >>> schema = relviz.load("data/course.prisma")
    >>> schema.relation("User.posts").kind
    'one-to-many'

The public API is small: read a schema (:func:`parse`, :func:`load`), walk it (:class:`Schema`,
:class:`Model`, :class:`Field`, :class:`Relation`), and catch :class:`SchemaError`. Diagrams,
SQL, DuckDB tables and the Prisma-Client-style queries live in subpackages that import their
heavy dependencies (graphviz, duckdb, pandas) only when used.
"""

from relviz.errors import Diagnostic, RelvizError, SchemaError, UsageError
from relviz.schema import Enum, Field, Model, Relation, Schema, load, parse

__version__ = "0.1.0"

__all__ = [
    "Diagnostic", "Enum", "Field", "Model", "Relation", "RelvizError", "Schema", "SchemaError",
    "UsageError", "load", "parse",
]
