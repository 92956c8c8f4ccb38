"""``DEFAULT ...`` clauses: a field's ``@default`` as each dialect spells it.

``now()`` is ``CURRENT_TIMESTAMP``; ``dbgenerated("expr")`` is ``expr`` as written; ``uuid()``,
``cuid()``, ``nanoid()`` and ``autoincrement()`` have no database default (the client or a
SERIAL/sequence fills them in). Literals keep the text written in the schema (``2.00`` stays
``2.00``), strings are quoted with ``''`` for ``'``, lists become ``ARRAY[...]::TYPE[]``.
Prisma's SQLite quirks are kept: a Json default is written without quotes, Bytes as bare hex.
"""

from __future__ import annotations

import base64
import re
from datetime import datetime, timezone

from relviz.syntax.nodes import ConstantValue, NumericValue, StringValue

__all__ = ["datetime_literal", "default_sql", "left_out_default", "literal_sql", "string_literal"]


def string_literal(text: str) -> str:
    """``it's`` -> ``'it''s'``."""
    return "'" + text.replace("'", "''") + "'"


def _fraction(dt: datetime) -> str:
    """Fractional seconds as Rust's chrono ``%.f`` writes them: none, 3 or 6 digits."""
    if not dt.microsecond:
        return ""
    return f".{dt.microsecond // 1000:03d}" if dt.microsecond % 1000 == 0 else f".{dt.microsecond:06d}"


def datetime_literal(text: str, *, dialect: str = "postgresql") -> str:
    """``2020-01-01T00:00:00Z`` -> ``2020-01-01 00:00:00 +00:00`` (DuckDB: in UTC, no offset)."""
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return text
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    if dialect == "duckdb":
        return dt.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S") + _fraction(dt)
    offset = dt.utcoffset()
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    zone = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return dt.strftime("%Y-%m-%d %H:%M:%S") + _fraction(dt) + " " + zone


def _bytes_literal(text: str, dialect: str) -> str:
    raw = base64.b64decode(text)
    if dialect == "sqlite":
        return string_literal(raw.hex())
    if dialect == "duckdb":
        return string_literal("".join(f"\\x{b:02X}" for b in raw)) + "::BLOB"
    return string_literal("\\x" + raw.hex())


def _value(expr):
    """A literal as written: a string's value, a number's text (``2.00``), a constant's name (``true``)."""
    if isinstance(expr, NumericValue):
        return expr.text
    if isinstance(expr, ConstantValue):
        return expr.name
    if isinstance(expr, StringValue):
        return expr.value
    return expr


def literal_sql(expr, column, dialect: str) -> str:
    """One literal value (not a list) for ``column``."""
    value = _value(expr)
    if column.enum is not None:
        try:
            enum_value = column.enum.value(str(value))
            value = enum_value.db_name or enum_value.name
        except KeyError:
            pass
        return string_literal(str(value))
    kind = column.scalar_type
    if kind == "Boolean":
        return str(value).lower()
    if kind in ("Int", "BigInt", "Float", "Decimal"):
        return str(value)
    if kind == "DateTime":
        return string_literal(datetime_literal(str(value), dialect=dialect))
    if kind == "Bytes":
        return _bytes_literal(str(value), dialect)
    if kind == "Json" and dialect == "sqlite":
        return str(value)
    return string_literal(str(value))


# dbgenerated() expressions DuckDB understands as well; any other is left out for DuckDB.
_DUCKDB_EXPRESSIONS = re.compile(
    r"\(?\s*(gen_random_uuid\(\)|uuid\(\)|now\(\)|current_timestamp(\(\))?|current_date|true|false|-?\d+(\.\d+)?|'[^']*')\s*\)?",
    re.I,
)


def default_sql(column, dialect: str, *, element_type: str | None = None) -> str | None:
    """The SQL after ``DEFAULT`` for ``column``, or None when the database has no default.

    ``element_type`` is the column's type without ``[]``, for casting list defaults.
    """
    default = column.default
    if default is None or column.autoincrement:
        return None
    if default.function == "now":
        return "CURRENT_TIMESTAMP"
    if default.function == "dbgenerated":
        expression = str(default.args[0])
        if dialect == "duckdb" and not _DUCKDB_EXPRESSIONS.fullmatch(expression):
            return None
        return expression
    if default.function is not None:
        return None
    expr = default.expression
    items = getattr(expr, "items", None)
    if items is not None:
        if dialect == "sqlite":
            return None
        rendered = ", ".join(literal_sql(item, column, dialect) for item in items)
        return f"ARRAY[{rendered}]::{element_type}[]"
    return literal_sql(expr, column, dialect)


def left_out_default(column, dialect: str) -> str | None:
    """What ``default_sql`` leaves out for DuckDB, for a comment: ``dbgenerated("...")``, else None."""
    default = column.default
    if dialect != "duckdb" or default is None or default.function != "dbgenerated":
        return None
    if default_sql(column, dialect) is None:
        return f'dbgenerated("{default.args[0]}")'
    return None
