"""Relation rules: pairing, placement of ``fields``/``references``, keys, actions."""

from __future__ import annotations

__all__ = ["missing_opposite_field"]


def missing_opposite_field(ctx) -> None:
    """A relation field whose model has no field pointing back."""
    for field in ctx.unpaired:
        ctx.error(
            f"Error validating field `{field.name}` in model `{field.model.name}`: The relation field "
            f"`{field.name}` on model `{field.model.name}` is missing an opposite relation field on the model "
            f"`{field.related_model.name}`. Either run `prisma format` or add it manually.",
            field.span,
        )
