"""Validation: Prisma's rules over the resolved schema, each adding diagnostics, never raising.

Order, as in Prisma: the configuration (datasource, generators) is checked after the models'
syntax, names, types and attributes, whatever their state; the validation rules proper run
only when nothing so far was an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.model import Model
from relviz.schema.resolve import in_declaration_order

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.resolve import Context

__all__ = ["validate_schema"]


def validate_schema(ctx: Context) -> None:
    """Check the configuration, then run every rule stage, in Prisma's order."""
    from relviz.schema import rules
    from relviz.schema.rules.configuration import preview_features, validate_configuration
    from relviz.schema.rules.connector import connector_of

    validate_configuration(ctx)
    if ctx.has_errors:
        return
    ctx.connector = connector_of(ctx)
    ctx.preview_features = preview_features(ctx)
    ctx.models_in_order = _models_in_order(ctx)
    ctx.relations_from = _relations_from(ctx)
    for stage in rules.ALL:
        if stage(ctx) is False:
            break


def _models_in_order(ctx: Context) -> list:
    """Models, then views, each as declared across files (Prisma walks them in this order)."""
    found = [obj for obj in in_declaration_order(ctx) if isinstance(obj, Model) and ctx.blocks.get(obj.name) is obj]
    return [m for m in found if not m.is_view] + [m for m in found if m.is_view]


def _relations_from(ctx: Context) -> dict:
    """Complete one-to-one and one-to-many relations by the model holding the foreign key."""
    position: dict = {}
    for ast in ctx.asts:  # Prisma orders by model id: declaration order, models and views together
        for top in ast.tops:
            obj = ctx.blocks.get(top.name)
            if isinstance(obj, Model) and obj._ast is top:
                position[obj] = len(position)
    found: dict = {}
    for i, relation in enumerate(ctx.prisma_relations):
        if relation.is_inline and relation.is_complete:
            found.setdefault(relation.model_a, []).append((position.get(relation.model_b, 0), i, relation))
    return {model: [r for _, _, r in sorted(items, key=lambda t: (t[0], t[1]))] for model, items in found.items()}
