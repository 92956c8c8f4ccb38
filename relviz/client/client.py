"""``Client(schema, con)``: Prisma Client's model API on a DuckDB database.

    >>> db = relviz.Client(schema, con)                                   # doctest: +SKIP
    >>> db.user.findMany({"include": {"posts": True}, "orderBy": {"id": "asc"}})

One accessor per model (``db.user``, ``db.userAccount``), each with Prisma's methods and
arguments as Python dicts. Every write runs in one transaction (rolled back on error).
``db.log`` keeps the last SQL statements; ``explain=True`` returns them with the result.
"""

from __future__ import annotations

import collections
import contextlib
import re

from relviz.client import errors as E
from relviz.client.errors import PrismaClientError, validation
from relviz.client.log import Explanation, Statement
from relviz.client.meta import SchemaInfo

__all__ = ["Client", "ModelDelegate"]

_READ = ("where", "orderBy", "cursor", "take", "skip", "distinct", "select", "include", "omit", "relationLoadStrategy")
_UNIQUE = ("where", "select", "include", "omit", "relationLoadStrategy")
_SHAPE = ("select", "include", "omit")
ARGUMENTS = {
    "findUnique": _UNIQUE, "findUniqueOrThrow": _UNIQUE,
    "findFirst": _READ, "findFirstOrThrow": _READ, "findMany": _READ,
    "create": ("data",) + _SHAPE, "createMany": ("data", "skipDuplicates"),
    "createManyAndReturn": ("data", "skipDuplicates") + _SHAPE,
    "update": ("where", "data") + _SHAPE, "updateMany": ("where", "data", "limit"),
    "updateManyAndReturn": ("where", "data", "limit") + _SHAPE,
    "upsert": ("where", "create", "update") + _SHAPE,
    "delete": ("where",) + _SHAPE, "deleteMany": ("where", "limit"),
    "count": ("where", "orderBy", "cursor", "take", "skip", "select"),
    "aggregate": ("where", "orderBy", "cursor", "take", "skip", "_count", "_sum", "_avg", "_min", "_max"),
    "groupBy": ("where", "orderBy", "by", "having", "take", "skip", "_count", "_sum", "_avg", "_min", "_max"),
}
ACTIONS = tuple(ARGUMENTS)
_NOT_NULL = re.compile(r"NOT NULL constraint failed: [^.\s]+\.(\S+)")
_DUPLICATE = re.compile(r'(?:Duplicate key "(.*)" violates (?:unique|primary key) constraint'
                        r'|constraint violation: duplicate key "(.*)")', re.S)


class _LoggedConnection:
    """The DuckDB connection as :mod:`relviz.db.actions` sees it: every statement goes to the client's log."""

    def __init__(self, client):
        self._client = client

    def execute(self, sql, params=None):
        self._client._record(sql, params)
        return self._client.con.execute(sql, params or [])


class Client:
    """Prisma Client for ``schema`` on the DuckDB connection ``con`` (made by :func:`relviz.connect`).

    ``schema`` is a :class:`relviz.Schema` or the path of a ``.prisma`` file; without ``con`` the
    client makes an empty in-memory database. ``Client(relviz.load_sample("course"))`` and
    ``Client(con)`` (for a connection made by :func:`relviz.connect`) work too. A model whose accessor is also a client attribute
    (a model ``Log`` next to ``db.log``) is reached with ``db["log"]``.
    """

    def __init__(self, schema, con=None, *, log_size: int = 200):
        from relviz.db.database import connect, resolve_schema, schema_of

        if con is None and hasattr(schema, "con") and hasattr(schema, "schema"):  # Client(relviz.load_sample(...))
            schema, con = schema.schema, schema.con
        elif con is None and hasattr(schema, "execute"):  # Client(con) for a connection made by relviz.connect
            schema, con = schema_of(schema), schema
        schema = resolve_schema(schema)
        if con is None:
            con = connect(schema)
        self.schema = schema
        self.con = getattr(con, "con", con)
        self._si = SchemaInfo(schema)
        self.log: collections.deque = collections.deque(maxlen=log_size)
        self._depth = 0
        self._recorded = 0
        self._delegates = {name: ModelDelegate(self, info) for name, info in self._si.by_accessor.items()}

    def __getattr__(self, name):
        delegates = self.__dict__.get("_delegates", {})
        if name in delegates:
            return delegates[name]
        raise AttributeError(f"this client has no model accessor {name!r} (models: {', '.join(delegates)})")

    def __dir__(self):
        return list(super().__dir__()) + list(self._delegates)

    def __getitem__(self, name):
        return self._delegates[name]

    @property
    def models(self) -> tuple:
        """The accessor names: ``("user", "profile", ...)``."""
        return tuple(self._delegates)

    # -- running SQL ------------------------------------------------------------------------------------

    def _record(self, sql, params):
        self._recorded += 1
        self.log.append(Statement(sql, params))

    def _fetch(self, sql, params=None) -> list:
        self._record(sql, params)
        return self.con.execute(sql, params or []).fetchall()

    def _write(self, sql, params, info) -> list:
        import duckdb

        self._record(sql, params)
        try:
            return self.con.execute(sql, params or []).fetchall()
        except duckdb.ConstraintException as e:
            raise self._constraint_error(e, info) from None

    def _constraint_error(self, e, info):
        m = _DUPLICATE.search(str(e))
        if m and info is not None:
            text = m.group(1) or m.group(2)
            named = [c for c in re.findall(r"(?:^|, )([^:,]+): ", text)]
            for fields in info.uniques.values():
                columns = [f.column_name for f in fields]
                # DuckDB names the columns ("a: 1, b: 2"), except for duplicates inside one
                # statement ("1, 2"): then the first key with as many columns is the best guess.
                if set(columns) == set(named) or (not named and len(columns) == text.count(", ") + 1):
                    return E.unique_failed(columns, postgres=self._si.postgres)
            return E.unique_failed(named, postgres=self._si.postgres)
        m = _NOT_NULL.search(str(e))
        if m:
            column = m.group(1)
            hint = ""
            field = next((f for f in info.scalars if f.column_name == column), None) if info is not None else None
            if field is not None and field.default is not None and field.default.function == "dbgenerated":
                hint = f" ({field.name} has @default(dbgenerated(...)), which the DuckDB table cannot run: give a value)"
            return E.PrismaClientKnownRequestError(f"Null constraint violation on the fields: (`{column}`){hint}",
                                                   code="P2011")
        return E.PrismaClientKnownRequestError(str(e), code="P2010")

    def _actions(self, work, info):
        """Run a :mod:`relviz.db.actions` function; its refusals become Prisma's errors."""
        import duckdb

        from relviz.db.actions import RelationViolationError

        try:
            return work(_LoggedConnection(self))
        except RelationViolationError as e:
            if e.code == "P2014" and self._si.foreign_keys and e.relation is not None:
                from relviz.sql.naming import foreign_key_name

                r = e.relation
                name = r.db_name or foreign_key_name(r.referencing_model.table_name,
                                                     [f.column_name for f in r.referencing_fields])
                raise E.foreign_key_failed(name, named=self._si.schema.provider != "sqlite") from None
            raise E.PrismaClientKnownRequestError(e.prisma_message, code=e.code) from None
        except duckdb.ConstraintException as e:
            raise self._constraint_error(e, info) from None

    def _in_callers_transaction(self) -> bool:
        """A transaction is open on the connection (outside autocommit each statement has a new id)."""
        first = self.con.execute("SELECT txid_current()").fetchall()[0][0]
        return self.con.execute("SELECT txid_current()").fetchall()[0][0] == first

    def _transaction(self, work):
        """Run ``work`` in one transaction (or in the caller's, if one is open on the connection)."""
        if self._depth or self._in_callers_transaction():
            return work()
        with self.transaction():
            return work()

    @contextlib.contextmanager
    def transaction(self):
        """Prisma's ``$transaction``: ``with db.transaction(): ...`` commits every call inside, or none.

            >>> with db.transaction():                                   # doctest: +SKIP
            ...     db.post.deleteMany({"where": {"authorId": 1}})
            ...     db.user.delete({"where": {"id": 1}})
        """
        if self._depth:
            yield self
            return
        sequences = self._sequences() if self._si.sequences_roll_back else None
        self.con.execute("BEGIN TRANSACTION")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            if sequences:
                self._rewind(sequences)
            raise
        finally:
            self._depth -= 1
        self.con.execute("COMMIT")

    def _sequences(self) -> dict:
        rows = self.con.execute("SELECT schema_name, sequence_name, last_value FROM duckdb_sequences()").fetchall()
        return {(schema, name): last for schema, name, last in rows}

    def _rewind(self, before: dict) -> None:
        """SQLite gives a failed insert's id to the next row; DuckDB's sequences (like Postgres') do not roll back.

        A sequence that had given out ids is set back; one used for the first time cannot be
        (DuckDB has no "unused" state to return to), so after a failed very first insert the
        next id still skips one.
        """
        for (schema, name), last in self._sequences().items():
            old = before.get((schema, name))
            if old is not None and last != old:
                qualified = name if schema == "main" else f"{schema}.{name}"
                self.con.execute("SELECT setval(?, ?)", [qualified, old])

    def __repr__(self) -> str:
        return f"<relviz.Client models={list(self._delegates)}>"


class ModelDelegate:
    """``db.user``: Prisma Client's methods for one model."""

    def __init__(self, client: Client, info):
        self._client = client
        self._info = info
        self.name = info.accessor

    def __repr__(self) -> str:
        return f"<prisma.{self.name}>"

    def _call(self, action, args, explain):
        from relviz.client.operations import run

        args = {} if args is None else args
        if not isinstance(args, dict):
            raise validation(f"prisma.{self.name}.{action}() takes one argument object (a dict).")
        if explain:
            return self._explain(action, args)
        try:
            return run(self._client, self._info, action, args)
        except PrismaClientError as e:
            e.call = f"{self.name}.{action}"
            raise

    def _explain(self, action, args):
        """Run the call in a transaction that is rolled back, and show the SQL it ran."""
        from relviz.client.operations import run

        client = self._client
        if client._depth:
            raise validation("explain=True cannot run inside another operation.")
        result = error = None
        start = client._recorded
        client._depth += 1
        client.con.execute("BEGIN TRANSACTION")
        try:
            result = run(client, self._info, action, args)
        except PrismaClientError as e:
            e.call = f"{self.name}.{action}"
            error = e
        finally:
            client.con.execute("ROLLBACK")
            client._depth -= 1
        n = client._recorded - start
        statements = list(client.log)[-n:] if n else []
        return Explanation(f"{self.name}.{action}", statements, result, error, args)


def _method(action):
    def call(self, args=None, *, explain: bool = False):
        return self._call(action, args, explain)

    call.__name__ = action
    call.__doc__ = (f"Prisma Client's ``{action}``: arguments as a dict. ``explain=True`` runs it in a transaction "
                    "that is rolled back and returns an Explanation: the SQL it ran (shown as its repr), .result, .error.")
    return call


for _action in ACTIONS:
    setattr(ModelDelegate, _action, _method(_action))

_SNAKE = {
    "find_unique": "findUnique", "find_unique_or_throw": "findUniqueOrThrow", "find_first": "findFirst",
    "find_first_or_throw": "findFirstOrThrow", "find_many": "findMany", "create_many": "createMany",
    "create_many_and_return": "createManyAndReturn", "update_many": "updateMany",
    "update_many_and_return": "updateManyAndReturn", "delete_many": "deleteMany", "group_by": "groupBy",
}
for _snake, _action in _SNAKE.items():
    setattr(ModelDelegate, _snake, getattr(ModelDelegate, _action))
