"""Prisma's names for tables, constraints and indexes, cut to the database's identifier limit.

Glossary: a *constraint name* is what the database calls a primary key, unique index, index or
foreign key. Prisma derives it from the table name and the column names (not the Prisma names),
unless the schema gives one with ``map:``. Prisma keeps names under the database's limit by
cutting the front part and keeping the suffix:

    table_col1_col2 + "_key"     ->  first (limit - 4) characters + "_key"

so a Postgres name is never longer than 63 characters. Join tables of implicit many-to-many
relations (``_AToB``) cut the table name and keep the whole ``_AB_pkey``/``_B_index``/``_A_fkey``.
"""

from __future__ import annotations

__all__ = [
    "MAX_IDENTIFIER_LENGTH", "foreign_key_name", "identifier_limit", "index_name", "join_foreign_key_name",
    "join_index_name", "join_primary_key_name", "join_table_name", "join_unique_name", "primary_key_name",
    "sequence_name", "truncate_with_suffix", "unique_index_name",
]

# Prisma's connector limits (psl `max_identifier_length`); DuckDB has none, Postgres' is kept for it.
MAX_IDENTIFIER_LENGTH = {"postgresql": 63, "cockroachdb": 63, "mysql": 64, "sqlserver": 128, "sqlite": 10000, "duckdb": 63}


def identifier_limit(dialect: str) -> int:
    """The longest name the dialect keeps (Prisma's limit per connector)."""
    return MAX_IDENTIFIER_LENGTH.get(dialect, 63)


def truncate_with_suffix(prefix: str, suffix: str, *, limit: int) -> str:
    """``prefix + suffix``, the prefix cut so the whole stays within ``limit`` characters."""
    return prefix[: max(limit - len(suffix), 0)] + suffix


def primary_key_name(table: str, *, limit: int = 63) -> str:
    """``User_pkey``: the default name of a table's primary key constraint."""
    return truncate_with_suffix(table, "_pkey", limit=limit)


def _columns_name(table: str, columns, suffix: str, limit: int) -> str:
    return truncate_with_suffix(f"{table}_{'_'.join(columns)}", suffix, limit=limit)


def unique_index_name(table: str, columns, *, limit: int = 63) -> str:
    """``User_email_key``: the default name of a unique index (``@unique``, ``@@unique``)."""
    return _columns_name(table, columns, "_key", limit)


def index_name(table: str, columns, *, limit: int = 63) -> str:
    """``Post_authorId_idx``: the default name of an ``@@index``."""
    return _columns_name(table, columns, "_idx", limit)


def foreign_key_name(table: str, columns, *, limit: int = 63) -> str:
    """``Post_authorId_fkey``: the default name of a foreign key constraint."""
    return _columns_name(table, columns, "_fkey", limit)


def join_table_name(relation_name: str, *, limit: int = 63) -> str:
    """``_CategoryToPost``: the join table of an implicit many-to-many relation."""
    return f"_{relation_name}"[:limit]


def join_primary_key_name(table: str, *, limit: int = 63) -> str:
    """``_CategoryToPost_AB_pkey``: the join table's primary key (Postgres)."""
    return truncate_with_suffix(table, "_AB_pkey", limit=limit)


def join_unique_name(table: str, *, limit: int = 63) -> str:
    """``_CategoryToPost_AB_unique``: the join table's unique index (SQLite)."""
    return truncate_with_suffix(table, "_AB_unique", limit=limit)


def join_index_name(table: str, *, limit: int = 63) -> str:
    """``_CategoryToPost_B_index``: the index on the join table's ``B`` column."""
    return truncate_with_suffix(table, "_B_index", limit=limit)


def join_foreign_key_name(table: str, column: str, *, limit: int = 63) -> str:
    """``_CategoryToPost_A_fkey``: the foreign key of the join table's ``A`` or ``B`` column."""
    return truncate_with_suffix(table, f"_{column}_fkey", limit=limit)


def sequence_name(table: str, column: str, *, limit: int = 63) -> str:
    """``User_id_seq``: the sequence behind an ``autoincrement()`` column (as Postgres' SERIAL names it)."""
    return truncate_with_suffix(f"{table}_{column}", "_seq", limit=limit)
