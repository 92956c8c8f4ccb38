"""The order to fill tables in: a model after the models its foreign keys point to."""

from __future__ import annotations

__all__ = ["fill_order", "foreign_key_relations"]


def foreign_key_relations(schema):
    """Relations held by foreign key columns (1:1 and 1:n; not implicit many-to-many)."""
    models = set(schema.models)
    return [
        r for r in schema.relations
        if r.referencing_fields and r.join_table is None
        and r.referencing_model in models and r.referenced_model in models
    ]


def fill_order(schema):
    """``(models, broken)``: every model, referenced models first, and the relations left out to break cycles.

    Kahn's algorithm in declaration order. When only cycles remain, the first relation in the
    cycle whose foreign key is optional is *broken*: its rows get ``NULL`` there. Self-relations
    never block (a row points at an earlier row of the same table).
    """
    relations = [r for r in foreign_key_relations(schema) if not r.is_self]
    broken: list = []
    placed: list = []
    remaining = list(schema.models)
    while remaining:
        left = set(remaining)
        waiting = {r.referencing_model for r in relations if r.referenced_model in left and r not in broken}
        ready = [m for m in remaining if m not in waiting]
        if ready:
            placed.extend(ready)
            remaining = [m for m in remaining if m in waiting]
            continue
        inside = [r for r in relations if r not in broken and r.referencing_model in left and r.referenced_model in left]
        optional = [r for r in inside if not any(f.is_required for f in r.referencing_fields)]
        broken.append((optional or inside)[0])
    return placed, broken
