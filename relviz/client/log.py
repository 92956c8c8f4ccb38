"""What the client ran: each SQL statement with its parameters, for showing next to the Prisma call."""

from __future__ import annotations

import datetime as dt
import decimal

__all__ = ["Explanation", "Statement"]


def _show(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, decimal.Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        items = [_show(v) for v in value[:10]]
        if len(value) > 10:
            items.append(f"... {len(value) - 10} more")
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dt.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, bytes):
        return "'\\x" + value.hex() + "'::BLOB"
    return "'" + str(value).replace("'", "''") + "'"


class Statement:
    """One SQL statement and its parameters; ``str()`` shows it with the values written in."""

    __slots__ = ("sql", "params")

    def __init__(self, sql: str, params):
        self.sql = sql
        self.params = list(params or [])

    def __str__(self) -> str:
        parts = self.sql.split("?")
        if len(parts) - 1 != len(self.params):
            return self.sql
        out = [parts[0]]
        for value, rest in zip(self.params, parts[1:]):
            out.append(_show(value))
            out.append(rest)
        return "".join(out)

    def __repr__(self) -> str:
        return f"<Statement {str(self)[:80]!r}>"


class Explanation:
    """What ``explain=True`` gives: the call, the SQL statements it ran (``.statements``), its ``.result`` or ``.error``.

    In a notebook it shows as three columns side by side: the Prisma Client call, the SQL, and
    what came back (as Prisma Client prints it).
    """

    def __init__(self, call: str, statements, result=None, error=None, args=None):
        self.call = call
        self.statements = list(statements)
        self.result = result
        self.error = error
        self.args = args

    @property
    def sql(self) -> str:
        return ";\n\n".join(str(s) for s in self.statements) + (";" if self.statements else "")

    def __str__(self) -> str:
        return f"-- prisma.{self.call}()\n" + self.sql

    __repr__ = __str__

    def _prisma(self) -> str:
        import json

        args = json.dumps(self.args, indent=2, ensure_ascii=False, default=str) if self.args else ""
        return f"prisma.{self.call}({args})"

    def _outcome(self) -> str:
        import json

        from relviz.client.values import plain

        if self.error is not None:
            return f"{type(self.error).__name__} ({self.error.code or 'no code'}):\n{self.error.prisma_message}"
        return json.dumps(plain(self.result), indent=2, ensure_ascii=False)

    def _repr_html_(self) -> str:
        from html import escape

        cells = [("Prisma Client", self._prisma()), ("SQL", self.sql), ("Result", self._outcome())]
        heads = "".join(f"<th style='text-align:left'>{escape(h)}</th>" for h, _ in cells)
        body = "".join(f"<td style='vertical-align:top;text-align:left'><pre style='white-space:pre-wrap'>{escape(t)}</pre></td>"
                       for _, t in cells)
        return f"<table><tr>{heads}</tr><tr>{body}</tr></table>"
