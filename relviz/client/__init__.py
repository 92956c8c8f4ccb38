"""Prisma Client's queries on DuckDB: ``relviz.client.Client(schema, con)``.

    >>> from relviz.client import Client                                   # doctest: +SKIP
    >>> db = Client(schema, relviz.db.connect(schema))
    >>> db.user.create({"data": {"email": "ada@example.com", "posts": {"create": [{"title": "Hi"}]}}})
    >>> db.user.findMany({"include": {"posts": True}}, explain=True)   # the SQL, next to the result

- :mod:`relviz.client.client`: the :class:`Client` and its model accessors.
- :mod:`relviz.client.operations`: one function per Prisma action.
- :mod:`relviz.client.read` / :mod:`relviz.client.write` / :mod:`relviz.client.aggregate`: the SQL.
- :mod:`relviz.client.where`, :mod:`relviz.client.order`, :mod:`relviz.client.selection`: arguments.
- :mod:`relviz.client.values`: values in and out (``plain`` gives the JSON Prisma prints).
- :mod:`relviz.client.errors`: ``PrismaClientKnownRequestError`` (P-codes) and ``PrismaClientValidationError``.

Importing this package does not import duckdb.
"""

from relviz.client.client import Client, ModelDelegate
from relviz.client.errors import PrismaClientError, PrismaClientKnownRequestError, PrismaClientValidationError
from relviz.client.log import Explanation, Statement
from relviz.client.values import BigInt, plain

__all__ = [
    "BigInt", "Client", "Explanation", "ModelDelegate", "PrismaClientError", "PrismaClientKnownRequestError",
    "PrismaClientValidationError", "Statement", "plain",
]
