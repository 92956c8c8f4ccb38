"""How many rows each table gets, and how each foreign key and unique key chooses its values.

For :mod:`relviz.db.fill`. Each model gets a plan: which scalar fields *count* the row number
(``id`` 1, 2, 3...), and for each relation a *mode*:

- ``free``: any referenced row, at random;  ``null``: always NULL (a broken cycle);
- ``tree``: an earlier row of the same table (self-relations);
- ``injective``: a different referenced row for every row (one-to-one), ``chain``: the row before;
- a :class:`Group`: several foreign keys (and enums, Booleans) that together form a unique key
  take distinct combinations.

A table gets fewer rows than asked when its keys cannot take that many distinct values.
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field
from math import prod

from relviz.db.names import duckdb_schema
from relviz.db.order import TablePlan, fill_order, foreign_key_relations
from relviz.db.sample_values import injective_limit, is_low_cardinality

__all__ = ["DEFAULT_ROWS", "Group", "ModelPlan", "RowPlanner", "in_unique_key", "is_required", "unique_keys"]

DEFAULT_ROWS = 10


@dataclass
class Group:
    """Sources whose values, together, never repeat: digits of one permutation in mixed radix."""

    members: list  # Relation or Field
    sizes: list  # how many values each member can take
    salt: str

    @property
    def size(self) -> int:
        return prod(self.sizes)


@dataclass
class ModelPlan:
    model: object
    rows: int
    dtypes: dict  # column name -> DuckDB type
    injective: set = _field(default_factory=set)  # scalar fields counting i
    modes: dict = _field(default_factory=dict)  # Relation -> "free" | "injective" | "tree" | "chain" | "null" | Group
    fk_source: dict = _field(default_factory=dict)  # FK Field -> (Relation, position)
    groups: list = _field(default_factory=list)


class RowPlanner:
    """The plans of a schema's models, made in fill order (a model after the models it references)."""

    def __init__(self, schema, con, rows):
        self.schema = schema
        self.con = con
        self.requested = rows
        self.models, broken = fill_order(schema)
        self.broken = set(broken)
        self.relations = foreign_key_relations(schema)
        self.plans: dict[str, ModelPlan] = {}
        self.column_types: dict = {}
        for schema_name, table, column, dtype in con.execute(
            "SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns()"
        ).fetchall():
            self.column_types.setdefault((schema_name, table), {})[column] = dtype
        self.own_relations: dict = {}
        for r in self.relations:
            self.own_relations.setdefault(r.referencing_model.name, []).append(r)

    def requested_rows(self, name: str, model_name: str | None = None) -> int:
        if isinstance(self.requested, dict):
            for key in (name, model_name):
                if key is not None and key in self.requested:
                    return int(self.requested[key])
            return DEFAULT_ROWS
        return int(self.requested)

    def rows_of(self, model) -> int:
        plan = self.plans.get(model.name)
        return plan.rows if plan is not None else self.requested_rows(model.table_name, model.name)

    def plan(self, model, table: TablePlan) -> ModelPlan:
        dtypes = self.column_types.get((duckdb_schema(table.schema_name), table.name), {})
        plan = ModelPlan(model, self.requested_rows(table.name, model.name), dtypes)
        self.plans[model.name] = plan
        # a relation with more foreign key fields claims shared fields first (`[tenantId, userId]`
        # before `[tenantId]`), so both relations hold: the composite one picks the row.
        own = sorted(self.own_relations.get(model.name, []), key=lambda r: -len(r.referencing_fields))
        for r in own:
            for pos, f in enumerate(r.referencing_fields):
                plan.fk_source.setdefault(f, (r, pos))
            plan.modes[r] = "null" if r in self.broken and not is_required(r) else ("tree" if r.is_self else "free")
        for key in unique_keys(model):
            self._satisfy(plan, key)
        plan.rows = min([plan.rows, *self._caps(plan)])
        return plan

    def _sources(self, plan, key):
        """The things whose values make up ``key``: relations (whole foreign keys) and scalar fields."""
        sources = []
        for f in key:
            if f in plan.fk_source:
                r = plan.fk_source[f][0]
                if r not in sources and all(g in key for g in r.referencing_fields):
                    sources.append(r)
            elif f.kind in ("scalar", "enum"):
                sources.append(f)
        return sources

    def _satisfy(self, plan, key) -> None:
        sources = self._sources(plan, key)
        if any(s in plan.injective or plan.modes.get(s) in ("injective", "chain") for s in sources):
            return
        if any(g.members and all(m in sources for m in g.members) for g in plan.groups):
            return
        counting = [s for s in sources if not _is_relation(s) and not is_low_cardinality(s) and not s.is_list]
        if counting:
            plan.injective.add(counting[0])
            return
        free = [s for s in sources if not (_is_relation(s) and plan.modes[s] == "null")]
        if not free:  # only foreign keys left NULL: NULLs never repeat a key
            return
        grouped = {m for g in plan.groups for m in g.members}
        if len(free) == 1 or any(s in grouped for s in free):
            # one source alone, or a source already paired elsewhere: make the widest one count
            widest = max(free, key=lambda s: self._size(plan, s), default=None)
            if widest is None:
                return
            if _is_relation(widest):
                plan.modes[widest] = "chain" if widest.is_self else "injective"
            else:
                plan.injective.add(widest)
            return
        group = Group(free, [self._size(plan, s) for s in free], f"{plan.model.name}#group{len(plan.groups)}")
        plan.groups.append(group)
        for s in free:
            if _is_relation(s):
                plan.modes[s] = group

    def _size(self, plan, source) -> int:
        if _is_relation(source):
            return self.rows_of(source.referenced_model)
        if source.kind == "enum":
            return len(source.enum.values)
        return 2 if source.scalar_type == "Boolean" else self.rows_of(plan.model)

    def _caps(self, plan):
        """Upper limits on the model's row count, from keys that can take only so many values."""
        for r, mode in plan.modes.items():
            parent_rows = self.rows_of(r.referenced_model)
            if mode == "injective":
                yield parent_rows
            elif is_required(r) and not r.is_self and mode != "null" and parent_rows == 0:
                yield 0
        for g in plan.groups:
            yield g.size
        for f in plan.injective:
            limit = injective_limit(f, plan.dtypes.get(f.column_name, ""))
            if limit is not None:
                yield limit


def _is_relation(source) -> bool:
    return hasattr(source, "referencing_fields")


def is_required(r) -> bool:
    """Whether the relation's foreign key is required (any of its fields)."""
    return any(f.is_required for f in r.referencing_fields)


def unique_keys(model):
    """Every unique key of the model (primary key first), smallest first, each once."""
    keys = []
    if model.primary_key is not None:
        keys.append(tuple(model.primary_key.fields))
    keys += [tuple(i.scalar_fields) for i in model.unique_constraints]
    seen, result = set(), []
    for key in sorted(keys, key=len):
        if key and None not in key and frozenset(key) not in seen:
            seen.add(frozenset(key))
            result.append(key)
    return result


def in_unique_key(f) -> bool:
    return any(f in key for key in unique_keys(f.model))
