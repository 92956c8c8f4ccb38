"""Prisma Client's errors: known request errors (with a ``P`` code) and validation errors.

    RelvizError
    └── PrismaClientError                  anything a query can raise
        ├── PrismaClientKnownRequestError  the database said no: ``.code`` is P2002, P2003, P2014, P2017, P2025...
        └── PrismaClientValidationError    the arguments are wrong (unknown field, bad value); ``.code`` is None

The message is Prisma's wording (``Unique constraint failed on the fields: (`email`)``),
prefixed with the call that failed, as Prisma prints it: ``Invalid `prisma.user.create()` invocation:``.
"""

from __future__ import annotations

from relviz.errors import RelvizError

__all__ = [
    "PrismaClientError", "PrismaClientKnownRequestError", "PrismaClientValidationError",
    "not_found", "required_relation_violated", "unique_failed", "foreign_key_failed", "not_connected", "validation",
]


class PrismaClientError(RelvizError):
    """A query failed; ``.prisma_message`` is Prisma's own sentence, ``str(e)`` adds the call."""

    code: str | None = None

    def __init__(self, message: str, *, code: str | None = None, meta: dict | None = None):
        super().__init__(message)
        self.prisma_message = message
        self.code = code
        self.meta = meta or {}
        self.call: str | None = None

    def __str__(self) -> str:
        if self.call:
            return f"Invalid `prisma.{self.call}()` invocation:\n\n{self.prisma_message}"
        return self.prisma_message


class PrismaClientKnownRequestError(PrismaClientError):
    """The database refused the change or a record was missing (``.code``: Prisma's P-code)."""


class PrismaClientValidationError(PrismaClientError):
    """The arguments do not fit the schema (``.code`` is None, as in Prisma)."""

    def __init__(self, message: str):
        super().__init__(message, code=None)


def validation(message: str) -> PrismaClientValidationError:
    return PrismaClientValidationError(message)


def not_found(detail: str) -> PrismaClientKnownRequestError:
    """P2025: a record the operation depends on is missing."""
    return PrismaClientKnownRequestError(
        "An operation failed because it depends on one or more records that were required but not found. " + detail,
        code="P2025")


# Postgres quotes a column name in its messages unless it is plain lower case and not one of
# these keywords (every keyword but the unreserved ones: quote_ident's rule).
_PG_KEYWORDS = frozenset("""
all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast
char character check coalesce collate collation column concurrently constraint create cross current_catalog
current_date current_role current_schema current_time current_timestamp current_user dec decimal default deferrable
desc distinct do else end except exists extract false fetch float for foreign freeze from full grant greatest group
grouping having ilike in initially inner inout int integer intersect interval into is isnull join json json_array
json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value
lateral leading least left like limit localtime localtimestamp merge_action national natural nchar none normalize not
notnull null nullif numeric offset on only or order out outer overlaps overlay placing position precision primary
real references returning right row select session_user setof similar smallint some substring symmetric system_user
table tablesample then time timestamp to trailing treat trim true union unique user using values varchar variadic
verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi
xmlroot xmlserialize xmltable
""".split())


def unique_failed(columns, *, postgres: bool = True) -> PrismaClientKnownRequestError:
    """P2002, naming the columns as the database does (Postgres quotes those that need quotes)."""
    def show(c: str) -> str:
        plain = not postgres or (c == c.lower() and c.replace("_", "a").isalnum() and not c[:1].isdigit()
                                 and c not in _PG_KEYWORDS)
        return f"`{c}`" if plain else f'`"{c}"`'
    return PrismaClientKnownRequestError(
        f"Unique constraint failed on the fields: ({', '.join(show(c) for c in columns)})",
        code="P2002", meta={"target": list(columns)})


def foreign_key_failed(constraint: str, *, named: bool = True) -> PrismaClientKnownRequestError:
    """P2003: a foreign key points at no row (or a row that others still point at is deleted).

    SQLite does not say which constraint failed (``named=False``), Postgres does.
    """
    where = f"the constraint: `{constraint}`" if named else "the foreign key"
    return PrismaClientKnownRequestError(f"Foreign key constraint violated on {where}", code="P2003",
                                         meta={"constraint": constraint})


def required_relation_violated(relation) -> PrismaClientKnownRequestError:
    """P2014: the change would leave a required relation without its partner."""
    child, parent = relation.referencing_model, relation.referenced_model
    return PrismaClientKnownRequestError(
        f"The change you are trying to make would violate the required relation '{relation.name}' "
        f"between the `{child.name}` and `{parent.name}` models.", code="P2014")


def not_connected(relation, parent, child) -> PrismaClientKnownRequestError:
    """P2017: a nested write names a record that is not connected to the parent."""
    return PrismaClientKnownRequestError(
        f"The records for relation `{relation.name}` between the `{parent.name}` and `{child.name}` models "
        "are not connected.", code="P2017")
