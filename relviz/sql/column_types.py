"""Column types: a field's scalar type, enum or ``@db.X`` native type, spelled per dialect.

Prisma's defaults (no ``@db`` attribute):

=========  ==================  ========  ==============
Prisma     PostgreSQL          SQLite    DuckDB
=========  ==================  ========  ==============
String     TEXT                TEXT      TEXT
Boolean    BOOLEAN             BOOLEAN   BOOLEAN
Int        INTEGER             INTEGER   INTEGER
BigInt     BIGINT              BIGINT    BIGINT
Float      DOUBLE PRECISION    REAL      DOUBLE
Decimal    DECIMAL(65,30)      DECIMAL   DECIMAL(38,10)
DateTime   TIMESTAMP(3)        DATETIME  TIMESTAMP
Json       JSONB               JSONB     JSON
Bytes      BYTEA               BLOB      BLOB
=========  ==================  ========  ==============

A native type is kept when the target dialect has it (``@db.VarChar(200)`` -> ``VARCHAR(200)``)
and dropped otherwise, so a MySQL schema asked for Postgres keeps ``@db.Text`` but not
``@db.TinyInt`` (Prisma itself refuses such a schema). SQLite has no native types.
"""

from __future__ import annotations

import re

__all__ = [
    "DUCKDB_TYPES", "POSTGRES_NATIVE_TYPES", "POSTGRES_TYPES", "SQLITE_TYPES", "duckdb_native_type",
    "operator_class", "postgres_native_type", "serial_type",
]

POSTGRES_TYPES = {
    "String": "TEXT", "Boolean": "BOOLEAN", "Int": "INTEGER", "BigInt": "BIGINT", "Float": "DOUBLE PRECISION",
    "Decimal": "DECIMAL(65,30)", "DateTime": "TIMESTAMP(3)", "Json": "JSONB", "Bytes": "BYTEA",
}
SQLITE_TYPES = {
    "String": "TEXT", "Boolean": "BOOLEAN", "Int": "INTEGER", "BigInt": "BIGINT", "Float": "REAL",
    "Decimal": "DECIMAL", "DateTime": "DATETIME", "Json": "JSONB", "Bytes": "BLOB",
}
DUCKDB_TYPES = {
    "String": "TEXT", "Boolean": "BOOLEAN", "Int": "INTEGER", "BigInt": "BIGINT", "Float": "DOUBLE",
    "Decimal": "DECIMAL(38,10)", "DateTime": "TIMESTAMP", "Json": "JSON", "Bytes": "BLOB",
}

# Postgres native types: name -> SQL spelling; "{}" takes the arguments as written, if any.
POSTGRES_NATIVE_TYPES = {
    "Text": "TEXT", "Char": "CHAR{}", "VarChar": "VARCHAR{}", "Bit": "BIT{}", "VarBit": "VARBIT{}",
    "Uuid": "UUID", "Xml": "XML", "Inet": "INET", "Citext": "CITEXT", "Boolean": "BOOLEAN",
    "Integer": "INTEGER", "SmallInt": "SMALLINT", "BigInt": "BIGINT", "Oid": "OID",
    "Decimal": "DECIMAL{}", "Money": "MONEY", "Real": "REAL", "DoublePrecision": "DOUBLE PRECISION",
    "Timestamp": "TIMESTAMP{}", "Timestamptz": "TIMESTAMPTZ{}", "Date": "DATE", "Time": "TIME{}",
    "Timetz": "TIMETZ{}", "Json": "JSON", "JsonB": "JSONB", "ByteA": "BYTEA",
}

# The serial types Postgres uses for `autoincrement()`, by the column's integer type.
_SERIAL = {"INTEGER": "SERIAL", "BIGINT": "BIGSERIAL", "SMALLINT": "SMALLSERIAL"}

# DuckDB spellings for the native types (of any provider) that change what a column holds;
# any other native type falls back to the scalar type's DuckDB type.
_DUCKDB_NATIVE = {
    "SmallInt": "SMALLINT", "TinyInt": "TINYINT", "Int2": "SMALLINT", "Integer": "INTEGER", "Int4": "INTEGER",
    "Int8": "BIGINT", "UnsignedTinyInt": "UTINYINT", "UnsignedSmallInt": "USMALLINT", "UnsignedInt": "UINTEGER",
    "UnsignedBigInt": "UBIGINT", "Real": "REAL", "Float4": "REAL", "DoublePrecision": "DOUBLE", "Double": "DOUBLE",
    "Uuid": "UUID", "UniqueIdentifier": "UUID", "Date": "DATE", "Time": "TIME", "Timetz": "TIMETZ",
    "Timestamptz": "TIMESTAMPTZ", "DateTimeOffset": "TIMESTAMPTZ", "VarChar": "VARCHAR{}", "NVarChar": "VARCHAR{}",
    "Char": "VARCHAR{}", "NChar": "VARCHAR{}", "String": "VARCHAR{}", "Json": "JSON", "JsonB": "JSON",
    "Money": "DECIMAL(19,4)", "SmallMoney": "DECIMAL(10,4)",
}
_DUCKDB_MAX_PRECISION = 38


def _args(args) -> str:
    return f"({','.join(args)})" if args else ""


def postgres_native_type(native) -> str | None:
    """``@db.VarChar(200)`` -> ``VARCHAR(200)``; None when Postgres has no such type."""
    spelling = POSTGRES_NATIVE_TYPES.get(native.name)
    return None if spelling is None else spelling.format(_args(native.args))


def serial_type(base: str) -> str:
    """The Postgres SERIAL type standing for an autoincrementing integer column."""
    return _SERIAL.get(base, base)


def duckdb_native_type(native) -> str | None:
    """The DuckDB type for a native type, or None to use the scalar type's default."""
    if native.name == "Decimal" and native.args:
        precision, scale = (int(a) for a in (*native.args, "0")[:2])
        if precision > _DUCKDB_MAX_PRECISION:
            precision, scale = _DUCKDB_MAX_PRECISION, min(scale, 10)
        return f"DECIMAL({precision},{scale})"
    spelling = _DUCKDB_NATIVE.get(native.name)
    if spelling is None:
        return None
    args = native.args if native.args and native.args[0].isdigit() else ()
    return spelling.format(f"({args[0]})" if args else "")


# Words Prisma's operator class names keep together (`VarBitMinMaxOps` -> `varbit_minmax_ops`).
_OPS_WORD = re.compile(r"MinMax|TimestampTz|TimeTz|VarBit|TsVector|MacAddr8|MacAddr|Bpchar|[A-Z][a-z0-9]*")


def operator_class(ops) -> str | None:
    """An index field's ``ops:`` as Postgres spells it: ``JsonbOps`` -> ``jsonb_ops``, ``raw("x")`` -> ``x``."""
    if ops is None:
        return None
    arguments = getattr(ops, "arguments", None)
    if arguments is not None:  # raw("gin_trgm_ops")
        return arguments[0].value.value if arguments else None
    name = getattr(ops, "name", ops)
    return "_".join(word.lower() for word in _OPS_WORD.findall(str(name)))
