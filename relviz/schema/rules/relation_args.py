"""What the relation rules share: the ``@relation`` arguments of a field, and Prisma's message prefixes."""

from __future__ import annotations

__all__ = ["RELATION", "VALIDATING", "referenced", "referencing", "relation_info"]

RELATION = 'Error parsing attribute "@relation": '
VALIDATING = "Error validating: "


def relation_info(ctx, field):
    """The `@relation` arguments of a relation field, or None."""
    return ctx.relation_info.get(field) if field is not None else None


def referencing(ctx, field):
    """The ``fields:`` of a relation field: a list, or None when not given."""
    info = relation_info(ctx, field)
    return info.fields if info is not None else None


def referenced(ctx, field):
    """The ``references:`` of a relation field: a list, or None when not given."""
    info = relation_info(ctx, field)
    return info.references if info is not None else None
