"""What the relation rules share: the ``@relation`` arguments of a field, and Prisma's message prefixes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field
    from relviz.schema.resolve import Context, RelationAttribute

__all__ = ["RELATION", "VALIDATING", "referenced", "referencing", "relation_info"]

RELATION = 'Error parsing attribute "@relation": '
VALIDATING = "Error validating: "


def relation_info(ctx: Context, field: Field | None) -> RelationAttribute | None:
    """The `@relation` arguments of a relation field, or None."""
    return ctx.relation_info.get(field) if field is not None else None


def referencing(ctx: Context, field: Field | None):
    """The ``fields:`` of a relation field: a list, or None when not given."""
    info = relation_info(ctx, field)
    return info.fields if info is not None else None


def referenced(ctx: Context, field: Field | None):
    """The ``references:`` of a relation field: a list, or None when not given."""
    info = relation_info(ctx, field)
    return info.references if info is not None else None
