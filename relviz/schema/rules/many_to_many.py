"""Many-to-many rules: implicit relations (a join table Prisma makes) and MongoDB's embedded ones."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.rules.relation_args import RELATION, VALIDATING, referenced, referencing, relation_info

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field
    from relviz.schema.relations import PrismaRelation
    from relviz.schema.resolve import Context

__all__ = [
    "embedded_rules", "no_implicit_referential_actions", "no_implicit_references", "supports_implicit_relations",
    "validate_singular_id",
]


def _type_key(field: Field):
    return (field.kind, field.scalar_type, field.enum, field.composite_type, field.unsupported_type)


def _pair(relation: PrismaRelation):
    return (relation.forward, relation.back)


def supports_implicit_relations(ctx: Context, relation: PrismaRelation) -> None:
    if any(f.model.is_view for f in _pair(relation)):
        for field in _pair(relation):
            ctx.error(f"{VALIDATING}Implicit many-to-many relations are not supported for views.", field.span)
    if ctx.connector.supports_implicit_many_to_many:
        return
    for field in _pair(relation):
        ctx.error(
            f"{VALIDATING}Implicit many-to-many relations are not supported on {ctx.connector.name}. Please use the "
            "syntax defined in https://pris.ly/d/document-database-many-to-many",
            field.span,
        )


def validate_singular_id(ctx: Context, relation: PrismaRelation) -> None:
    for field in _pair(relation):
        target = field.related_model
        pk = target.primary_key
        if pk is None or len(pk.fields) != 1:
            container = "view" if target.is_view else "model"
            ctx.error(
                f"Error validating field `{field.name}` in {container} `{field.model.name}`: The relation field "
                f"`{field.name}` on {container} `{field.model.name}` references `{target.name}` which does not have an "
                "`@id` field. Models without `@id` cannot be part of a many to many relation. Use an explicit "
                "intermediate Model to represent this relationship.",
                field.span,
            )
            continue
        references = referenced(ctx, field)
        if references is not None and list(references) != [pk.fields[0]]:
            ctx.error(
                f"{VALIDATING}Implicit many-to-many relations must always reference the id field of the related model. "
                f"Change the argument `references` to use the id field of the related model `{target.name}`. But it is "
                f"referencing the following fields that are not the id: {', '.join(f.name for f in references)}",
                field.span,
            )


def no_implicit_referential_actions(ctx: Context, relation: PrismaRelation) -> None:
    for field in _pair(relation):
        info = relation_info(ctx, field)
        if info is None:
            continue
        for span in (info.on_delete_span, info.on_update_span):
            if span is not None:
                ctx.error(f"{VALIDATING}Referential actions on implicit many-to-many relations are not supported", span)


def no_implicit_references(ctx: Context, relation: PrismaRelation) -> None:
    for field in _pair(relation):
        if referenced(ctx, field) is not None:
            ctx.error(
                f"{RELATION}Implicit many-to-many relation should not have references argument defined. Either remove "
                "it, or change the relation to one-to-many.",
                field.span,
            )


def embedded_rules(ctx: Context, relation: PrismaRelation) -> None:
    """Two-way embedded many-to-many: MongoDB only, one scalar list field each way."""
    connector = ctx.connector
    if not connector.supports_embedded_many_to_many:
        for field in _pair(relation):
            ctx.error(
                f"{VALIDATING}Embedded many-to-many relations are not supported on {connector.name}. Please use the "
                "syntax defined in https://pris.ly/d/relational-database-many-to-many",
                field.span,
            )
        return
    for argument, get in (("references", referenced), ("fields", referencing)):
        for field in _pair(relation):
            values = get(ctx, field)
            if values is not None and len(values) == 1:
                continue
            info = relation_info(ctx, field)
            span = info.attribute.span if info is not None else field.span
            ctx.error(
                f"{RELATION}The `{argument}` argument must be defined and must point to exactly one scalar field. "
                "https://pris.ly/d/many-to-many-relations",
                span,
            )
    for field in _pair(relation):
        references = referenced(ctx, field)
        if references:
            pk = references[0].model.primary_key
            if pk is None or list(pk.fields) != [references[0]]:
                ctx.error(f"{RELATION}The `references` argument must point to a singular `id` field", relation_info(ctx, field).attribute.span)
    for field in _pair(relation):
        fields, references = referencing(ctx, field), referenced(ctx, field)
        if not fields or not references:
            continue
        a, b = fields[0], references[0]
        same_native = (a.native_type.name if a.native_type else None) == (b.native_type.name if b.native_type else None)
        if a.is_list and _type_key(a) == _type_key(b) and same_native and not b.is_list:
            continue
        ctx.error(
            f"{RELATION}The scalar field defined in `fields` argument must be an array of the same type defined in "
            "`references`",
            relation_info(ctx, field).attribute.span,
        )
    for field in _pair(relation):
        info = relation_info(ctx, field)
        if info is None:
            continue
        for span in (info.on_delete_span, info.on_update_span):
            if span is not None:
                ctx.error(f"{VALIDATING}Referential actions on two-way embedded many-to-many relations are not supported", span)
