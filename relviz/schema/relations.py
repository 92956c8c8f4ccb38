"""Relation inference: pair relation fields and decide each relation's kind, as Prisma does.

For every relation field, its *opposite* is the first relation field of the related model that
points back with the same relation name (or none). Then, on the arity of this field and its
opposite::

    (list, list)         -> many-to-many (implicit, with a join table `_<name>`)
    (one, list)          -> one-to-many, the single side holds the foreign key
    (one, one)           -> one-to-one, the required side, else the side with `fields:`, holds the key
    (one, none)          -> one-to-one if the `fields:` are unique, else one-to-many (back side missing)

"Model A" (``referencing_model``) is the side with the foreign key; for many-to-many it is
the model whose name sorts first (for a self-relation, the field whose name sorts first).
Every relation Prisma sees, complete or not, is kept in ``ctx.prisma_relations`` (in Prisma's
order) for validation; ``schema.relations`` holds the complete ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from relviz.schema.model import MANY_TO_MANY, ONE_TO_MANY, ONE_TO_ONE, JoinTable, Relation

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field, Model
    from relviz.schema.resolve import Context, RelationAttribute

__all__ = ["PrismaRelation", "infer_relations", "relation_name_of", "default_relation_name", "implicit_on_delete"]

IMPLICIT_M2M, EMBEDDED_M2M = "implicit-many-to-many", "embedded-many-to-many"


def relation_name_of(ctx: Context, field: Field) -> str | None:
    info = ctx.relation_info.get(field)
    return info.name if info is not None else None


def default_relation_name(model_a: str, model_b: str) -> str:
    """Prisma's name for an unnamed relation: the two model names, sorted, joined by ``To``."""
    first, second = sorted((model_a, model_b))
    return f"{first}To{second}"


class PrismaRelation:
    """One relation as Prisma's parser database stores it; a side may be missing."""

    __slots__ = ("kind", "forward", "back", "name", "model_a", "model_b", "public")

    def __init__(self, kind, forward, back, name, model_a, model_b):
        self.kind = kind  # ONE_TO_ONE | ONE_TO_MANY | IMPLICIT_M2M | EMBEDDED_M2M
        self.forward = forward  # field_a: the relation field on model A (None for a back-only 1:m)
        self.back = back  # field_b
        self.name = name
        self.model_a = model_a
        self.model_b = model_b
        self.public: Relation | None = None

    @property
    def is_inline(self) -> bool:
        return self.kind in (ONE_TO_ONE, ONE_TO_MANY)

    @property
    def is_complete(self) -> bool:
        return self.forward is not None and self.back is not None

    def __repr__(self) -> str:
        return f"<PrismaRelation {self.kind} {self.forward!r} {self.back!r}>"


def _key(field: Field) -> tuple[str, str]:
    return (field.model.name, field.name)


def _fields_are_unique(model: Model, fields) -> bool:
    """Whether an ``@unique``/``@@unique`` of the model has exactly these fields, in this order."""
    for index in model._prisma_indexes or model.indexes:
        if index.kind == "unique" and len(index.fields) == len(fields):
            if all(f.field is g and f.path is None for f, g in zip(index.fields, fields)):
                return True
    return False


def infer_relations(ctx: Context) -> None:
    """Fill ``ctx.prisma_relations`` and ``schema.relations``."""
    schema = ctx.schema
    info = ctx.relation_info
    by_model: dict[Model, list[Field]] = {}
    ordered_fields: list[Field] = []
    model: Model
    for model in (*schema.models, *schema.views):
        for field in model.fields:
            if field.kind == "relation":
                by_model.setdefault(model, []).append(field)
                ordered_fields.append(field)
    relations: list[PrismaRelation] = []
    for field in _prisma_field_order(ctx, ordered_fields):
        owner, target = field.model, field.related_model
        name = relation_name_of(ctx, field)
        opposite = next(
            (
                f for f in (by_model.get(target, ()) if target is not None else ())
                if f.related_model is owner and f is not field and relation_name_of(ctx, f) == name
            ),
            None,
        )
        relation = _ingest(ctx, field, opposite, name, info)
        if relation is not None:
            relations.append(relation)
    ctx.prisma_relations = relations
    position = {field: i for i, field in enumerate(ordered_fields)}
    public = []
    for relation in relations:
        if relation.is_complete:
            relation.public = _public_relation(ctx, relation)
            public.append(relation)
    public.sort(key=lambda r: min(position[r.forward], position[r.back]))
    for relation in public:
        for f in (relation.forward, relation.back):
            f.relation = relation.public
    schema.relations = tuple(r.public for r in public)
    schema._join_relations = _join_models(schema)


def _prisma_field_order(ctx: Context, fields: list[Field]) -> list[Field]:
    """Relation fields in the order Prisma walks them: by block declaration order across files."""
    order = {}
    for i, ast in enumerate(ctx.asts):
        for j, top in enumerate(ast.tops):
            order[id(top)] = (i, j)
    return sorted(fields, key=lambda f: order.get(id(getattr(f.model, "_ast", None)), (0, 0)))


def _ingest(
    ctx: Context, field: Field, opposite: Field | None, name: str | None, info: dict[Field, RelationAttribute],
) -> PrismaRelation | None:
    model, target = cast("Model", field.model), field.related_model  # (relation fields are fields of models)
    is_self = model is target
    arity = field.arity
    has_fields = field in info and info[field].fields is not None
    if opposite is not None:
        opp_arity = opposite.arity
        if arity == "list" and opp_arity == "list":  # m:n
            if model.name > target.name or (is_self and field.name > opposite.name):
                return None
            opp_has_fields = opposite in info and info[opposite].fields is not None
            kind = EMBEDDED_M2M if (has_fields or opp_has_fields) else IMPLICIT_M2M
            return PrismaRelation(kind, field, opposite, name, model, target)
        if arity == "required" and opp_arity == "optional":  # 1:1, we are the required side
            return PrismaRelation(ONE_TO_ONE, field, opposite, name, model, target)
        if arity == "required" and opp_arity == "required":  # 1:1 required on both sides
            if _key(field) > _key(opposite):
                return None
            return PrismaRelation(ONE_TO_ONE, field, opposite, name, model, target)
        if arity == "optional" and opp_arity == "required":
            return None
        if arity == "optional" and opp_arity == "optional":  # 1:1 optional on both sides
            if has_fields:
                return PrismaRelation(ONE_TO_ONE, field, opposite, name, model, target)
            if opposite in info and info[opposite].fields is not None:
                return None
            if _key(field) > _key(opposite):
                return None
            return PrismaRelation(ONE_TO_ONE, field, opposite, name, model, target)
        if arity == "list":  # 1:m, the back side: skipped
            return None
        return PrismaRelation(ONE_TO_MANY, field, opposite, name, model, target)
    if arity == "list":  # 1:m defined on the back side only
        return PrismaRelation(ONE_TO_MANY, None, field, name, target, model)
    fields = info[field].fields if field in info else None
    if fields is not None and _fields_are_unique(model, fields):
        return PrismaRelation(ONE_TO_ONE, field, None, name, model, target)
    return PrismaRelation(ONE_TO_MANY, field, None, name, model, target)


def _public_relation(ctx: Context, pr: PrismaRelation) -> Relation:
    name = pr.name
    display_name = name if name is not None else default_relation_name(pr.model_a.name, pr.model_b.name)
    if pr.kind in (IMPLICIT_M2M, EMBEDDED_M2M):
        relation = Relation(display_name, name is not None, MANY_TO_MANY, pr.forward, pr.back)
        if pr.kind == EMBEDDED_M2M:
            relation.is_embedded = True
            forward = pr.forward if ctx.relation_info.get(pr.forward) and ctx.relation_info[pr.forward].fields is not None else pr.back
            _fill_keys(ctx, relation, forward)
        else:
            relation.join_table = JoinTable(f"_{display_name}", pr.forward.model, pr.back.model)
        return relation
    kind = ONE_TO_ONE if pr.kind == ONE_TO_ONE else ONE_TO_MANY
    relation = Relation(display_name, name is not None, kind, pr.forward, pr.back)
    _fill_keys(ctx, relation, pr.forward)
    return relation


def _fill_keys(ctx: Context, relation: Relation, forward) -> None:
    """Referencing and referenced fields, the constraint name and the referential actions."""
    info = ctx.relation_info.get(forward)
    if info is not None:
        relation.referencing_fields = tuple(info.fields or ())
        relation.referenced_fields = tuple(info.references or ())
        relation.db_name = info.map
        relation.on_delete_explicit = info.on_delete
        relation.on_update_explicit = info.on_update
    for f in relation.referencing_fields:
        f.is_read_only = True
    datasource = ctx.schema.datasource
    restrict = datasource is None or datasource.provider != "sqlserver" or datasource.relation_mode == "prisma"
    relation.on_delete = relation.on_delete_explicit or implicit_on_delete(
        forward, relation.referencing_fields, restrict_supported=restrict
    )
    relation.on_update = relation.on_update_explicit or "Cascade"


def implicit_on_delete(relation_field, referencing_fields, *, restrict_supported: bool = True) -> str:
    """Prisma's ``onDelete`` when none is written: Restrict (NoAction where the database lacks
    Restrict) when the relation field or any of its key fields is required; SetNull when all are optional."""
    if not relation_field.is_required and not any(f.is_required for f in referencing_fields):
        return "SetNull"
    return "Restrict" if restrict_supported else "NoAction"


def _join_models(schema) -> dict:
    """Models that only join two others: two foreign keys that together form the primary key."""
    found = {}
    for model in schema.models:
        relation_fields = model.relation_fields
        if len(relation_fields) != 2 or model.primary_key is None:
            continue
        relations = [f.relation for f in relation_fields]
        if any(r is None or r.kind != ONE_TO_MANY or r.referencing_model is not model for r in relations):
            continue
        if any(r.referencing_field not in relation_fields for r in relations):
            continue
        key_fields = set(model.primary_key.fields)
        fk_fields = {f for r in relations for f in r.referencing_fields}
        if key_fields == fk_fields and len(relations[0].referencing_fields) and len(relations[1].referencing_fields):
            found[model.name] = tuple(relations)
    return found
