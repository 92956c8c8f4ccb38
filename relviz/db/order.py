"""The order to fill tables in: a model after the models its foreign keys point to, join tables last."""

from __future__ import annotations

from dataclasses import dataclass

from relviz.db.names import table_ref

__all__ = ["TablePlan", "fill_order", "foreign_key_relations", "table_plans"]


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


@dataclass
class TablePlan:
    """One table to fill: a model's, or an implicit many-to-many join table (``relation`` set)."""

    name: str
    schema_name: str | None
    model: object = None
    relation: object = None

    @property
    def ref(self) -> str:
        return table_ref(self.name, self.schema_name)


def table_plans(schema) -> list[TablePlan]:
    """Every table of the schema in the order to fill it: models referenced first, join tables last."""
    from relviz.sql import sql_schema

    tables = sql_schema(schema, "duckdb").tables
    by_model = {t.model.name: t for t in tables if t.model is not None}
    models, _ = fill_order(schema)
    plans = [TablePlan(by_model[m.name].name, by_model[m.name].schema_name, model=m) for m in models if m.name in by_model]
    plans += [TablePlan(t.name, t.schema_name, relation=t.relation) for t in tables if t.model is None]
    return plans
