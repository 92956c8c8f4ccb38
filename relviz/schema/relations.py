"""Relation inference: pair relation fields and decide each relation's kind, as Prisma does.

Two relation fields belong to one relation when each points at the other's model and they
carry the same relation name (or none). Then, on the arity of this field and its opposite::

    (list, list)         -> many-to-many (implicit, with a join table `_<name>`)
    (list, one)          -> one-to-many, the single side holds the foreign key
    (one, one)           -> one-to-one, the side with `fields:` holds the foreign key

"Model A" (``referencing_model``) is the side with the foreign key; for many-to-many it is
the model whose name sorts first (for a self-relation, the field whose name sorts first).
"""

from __future__ import annotations

from relviz.schema.attributes import Arguments, field_refs, string_arg
from relviz.schema.model import MANY_TO_MANY, ONE_TO_MANY, ONE_TO_ONE, JoinTable, Relation
from relviz.syntax.nodes import ConstantValue

__all__ = ["infer_relations", "relation_name_of", "default_relation_name"]


def relation_name_of(ctx, field) -> str | None:
    args = ctx.relation_attributes.get(field)
    return string_arg(args, "name", 0) if args is not None else None


def default_relation_name(model_a: str, model_b: str) -> str:
    """Prisma's name for an unnamed relation: the two model names, sorted, joined by ``To``."""
    first, second = sorted((model_a, model_b))
    return f"{first}To{second}"


def infer_relations(ctx) -> None:
    """Fill ``schema.relations``; unpaired fields go to ``ctx.unpaired`` for validation."""
    schema = ctx.schema
    relations: list[Relation] = []
    paired: set = set()
    ctx.unpaired = []
    ctx.ambiguous = []
    for model in (*schema.models, *schema.views):
        for field in model.fields:
            if field.kind != "relation" or field in paired:
                continue
            name = relation_name_of(ctx, field)
            target = field.related_model
            candidates = [
                f for f in target.fields
                if f.kind == "relation" and f.related_model is model and f is not field
                and relation_name_of(ctx, f) == name
            ]
            if len(candidates) != 1 or candidates[0] in paired:
                (ctx.unpaired if not candidates else ctx.ambiguous).append(field)
                continue
            opposite = candidates[0]
            paired.update((field, opposite))
            relation = _relation(ctx, field, opposite, name)
            relations.append(relation)
            for f in (field, opposite):
                f.relation = relation
    schema.relations = tuple(relations)
    schema._join_relations = _join_models(schema)


def _has_fields(ctx, field) -> bool:
    args = ctx.relation_attributes.get(field)
    return args is not None and args.get("fields") is not None


def _sort_key(field) -> tuple[str, str]:
    return (field.model.name, field.name)


def _relation(ctx, field, opposite, name) -> Relation:
    display_name = name if name is not None else default_relation_name(field.model.name, opposite.model.name)
    if field.is_list and opposite.is_list:
        a, b = sorted((field, opposite), key=_sort_key)
        relation = Relation(display_name, name is not None, MANY_TO_MANY, a, b)
        if _has_fields(ctx, field) or _has_fields(ctx, opposite):
            relation.is_embedded = True
            forward = field if _has_fields(ctx, field) else opposite
            _fill_keys(ctx, relation, forward)
        else:
            relation.join_table = JoinTable(f"_{display_name}", a.model, b.model)
        return relation
    if field.is_list or opposite.is_list:
        forward, back = (opposite, field) if field.is_list else (field, opposite)
        relation = Relation(display_name, name is not None, ONE_TO_MANY, forward, back)
    else:
        has_a, has_b = _has_fields(ctx, field), _has_fields(ctx, opposite)
        if has_a != has_b:
            forward, back = (field, opposite) if has_a else (opposite, field)
        else:
            forward, back = sorted((field, opposite), key=_sort_key)
        relation = Relation(display_name, name is not None, ONE_TO_ONE, forward, back)
    _fill_keys(ctx, relation, relation.referencing_field)
    return relation


def _fill_keys(ctx, relation: Relation, forward) -> None:
    """Referencing and referenced fields, the constraint name and the referential actions."""
    args = ctx.relation_attributes.get(forward)
    if args is not None:
        relation.referencing_fields = _resolve(forward.model, args.value("fields"))
        relation.referenced_fields = _resolve(forward.related_model, args.value("references"))
        relation.db_name = string_arg(args, "map")
        relation.on_delete_explicit = _action(args.value("onDelete"))
        relation.on_update_explicit = _action(args.value("onUpdate"))
    for f in relation.referencing_fields:
        f.is_read_only = True
    relation.on_delete = relation.on_delete_explicit or _default_on_delete(ctx, forward)
    relation.on_update = relation.on_update_explicit or "Cascade"


def _resolve(model, expression) -> tuple:
    refs = field_refs(expression) or []
    return tuple(model._by_name[name] for name, _, _ in refs if name in model._by_name)


def _action(value) -> str | None:
    return value.name if isinstance(value, ConstantValue) else None


def _default_on_delete(ctx, forward) -> str:
    if not forward.is_required:
        return "SetNull"
    datasource = ctx.schema.datasource
    if datasource is not None and datasource.provider == "sqlserver":
        return "NoAction"
    return "Restrict"


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
