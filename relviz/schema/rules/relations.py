"""Relation rules, one function per rule, run per relation in Prisma's order.

One-to-one and one-to-many ("inline") relations: keys, arity, types, referential actions,
placement of ``fields``/``references``, cascading cycles. Many-to-many: implicit (join
table) and embedded (MongoDB) rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.rules.relation_args import RELATION, VALIDATING, referenced, referencing, relation_info

from relviz.schema.model import ONE_TO_ONE
from relviz.schema.relations import EMBEDDED_M2M, IMPLICIT_M2M
from relviz.schema.rules.constraints import relation_name_is_unique
from relviz.schema.rules.cycles import cycles, multiple_cascading_paths
from relviz.schema.rules.many_to_many import (
    embedded_rules, no_implicit_referential_actions, no_implicit_references, supports_implicit_relations,
    validate_singular_id,
)

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field, Model
    from relviz.schema.relations import PrismaRelation
    from relviz.schema.resolve import Context

__all__ = ["referenced", "referencing", "unique_criteria", "validate_relations"]

FORMAT_HINT = "You can run `prisma format` to fix this automatically."
CYCLE_HINT = " Read more at https://pris.ly/d/cyclic-referential-actions"


def validate_relations(ctx: Context) -> None:
    """Every relation, in the order Prisma stores them."""
    for relation in ctx.prisma_relations:
        if relation.is_inline:
            _inline(ctx, relation)
        elif relation.kind == IMPLICIT_M2M:
            supports_implicit_relations(ctx, relation)
            validate_singular_id(ctx, relation)
            no_implicit_referential_actions(ctx, relation)
            no_implicit_references(ctx, relation)
        elif relation.kind == EMBEDDED_M2M:
            embedded_rules(ctx, relation)


def _inline(ctx: Context, relation: PrismaRelation) -> None:
    if relation.is_complete:
        cycles(ctx, relation)
        multiple_cascading_paths(ctx, relation)
    # (Called one by one rather than from tuples of rules: the compiled reader calls each directly.)
    references_unique_fields(ctx, relation)
    same_length(ctx, relation)
    field_arity(ctx, relation)
    referencing_scalar_field_types(ctx, relation)
    relation_name_is_unique(ctx, relation)
    required_relation_cannot_use_set_null(ctx, relation)
    missing_opposite_field(ctx, relation)
    if relation.kind == ONE_TO_ONE:
        one_to_one_fields_and_references_are_defined(ctx, relation)
        one_to_one_defined_on_one_side_only(ctx, relation)
        one_to_one_referential_actions(ctx, relation)
        one_to_one_fields_must_be_unique(ctx, relation)
        one_to_one_mixups(ctx, relation)
        one_to_one_back_relation_is_optional(ctx, relation)
        one_to_one_fields_on_wrong_side(ctx, relation)
    else:
        one_to_many_fields_and_references_are_defined(ctx, relation)
        one_to_many_referential_actions(ctx, relation)


# -- helpers ----------------------------------------------------------------------------------
def _empty(fields) -> bool:
    return not fields


def _explicit_actions(ctx: Context, field: Field) -> bool:
    info = relation_info(ctx, field)
    return info is not None and (info.on_delete is not None or info.on_update is not None)


def unique_criteria(model: Model):
    """Prisma's unique criteria: the primary key, then every unique index (as field lists)."""
    if model.primary_key is not None:
        yield list(model.primary_key.fields)
    for index in model._prisma_indexes or model.indexes:
        if index.kind == "unique":
            yield [f.field for f in index.fields]


def _unique_name_sets(ctx: Context, model: Model) -> set:
    """The field names of each unique criterion of ``model``, sorted: read once per model."""
    cache = ctx.unique_name_sets
    found = cache.get(model)
    if found is None:
        found = cache[model] = {tuple(sorted([f.name for f in c])) for c in unique_criteria(model)}
    return found


def _has_errors(ctx: Context) -> bool:
    return ctx.has_errors


# -- every inline relation --------------------------------------------------------------------
def references_unique_fields(ctx: Context, relation: PrismaRelation) -> None:
    """``references`` must name a unique criterion of the referenced model."""
    forward = relation.forward
    references = referenced(ctx, forward)
    if forward is None or not references:
        return
    target = relation.model_b
    if tuple(sorted([f.name for f in references])) in _unique_name_sets(ctx, target):
        _references_in_order(ctx, relation, references)
        return
    written = ", ".join(f.name for f in references)
    if len(references) == 1:
        hint = f"Consider adding an `@unique` attribute to the field `{written}` in the model `{target.name}`."
    else:
        hint = f"Consider adding an `@@unique([{written}])` attribute to the model `{target.name}`."
    ctx.error(
        f"{RELATION}The argument `references` must refer to a unique criterion in the related model. {hint}",
        forward.span,
    )


def _references_in_order(ctx: Context, relation: PrismaRelation, references) -> None:
    if len(references) <= 1 or ctx.connector.allows_fields_in_arbitrary_order:
        return
    names = [f.name for f in references]
    if any([f.name for f in c] == names for c in unique_criteria(relation.model_b)):
        return
    ctx.error(
        f"{VALIDATING}The argument `references` must refer to a unique criterion in the related model "
        f"`{relation.model_b.name}` using the same order of fields. Please check the ordering in the following fields: "
        f"`{', '.join(names)}`.",
        relation.forward.span,
    )


def same_length(ctx: Context, relation: PrismaRelation) -> None:
    forward = relation.forward
    fields, references = referencing(ctx, forward), referenced(ctx, forward)
    if fields is not None and references is not None and len(fields) != len(references):
        ctx.error(
            f"{VALIDATING}You must specify the same number of fields in `fields` and `references`.",
            ctx.relation_info[forward].attribute.span,
        )


def field_arity(ctx: Context, relation: PrismaRelation) -> None:
    """A required relation field needs required scalar fields."""
    forward = relation.forward
    fields = referencing(ctx, forward)
    if forward is None or not forward.is_required or fields is None or all(not f.is_optional for f in fields):
        return
    ctx.error(
        f"{VALIDATING}The relation field `{forward.name}` uses the scalar fields {', '.join(f.name for f in fields)}. "
        "At least one of those fields is optional. Hence the relation field must be optional as well.",
        forward.span,
    )


def _type_key(field: Field):
    return (field.kind, field.scalar_type, field.enum, field.composite_type, field.unsupported_type)


def referencing_scalar_field_types(ctx: Context, relation: PrismaRelation) -> None:
    forward = relation.forward
    fields = referencing(ctx, forward)
    if fields is None:
        return
    for a, b in zip(fields, referenced(ctx, forward) or ()):
        if _type_key(a) != _type_key(b):
            ctx.error(
                f"{RELATION}The type of the field `{a.name}` in the model `{a.model.name}` is not matching the type of "
                f"the referenced field `{b.name}` in model `{b.model.name}`.",
                forward.span,
            )


def required_relation_cannot_use_set_null(ctx: Context, relation: PrismaRelation) -> None:
    forward = relation.forward
    if forward is None:
        return
    fields = referencing(ctx, forward)
    if fields is not None and all(not f.is_required for f in fields):
        return
    info = relation_info(ctx, forward)
    if info is None:
        return
    warn = ctx.connector.allows_set_null_on_required()
    for key, action in (("onDelete", info.on_delete), ("onUpdate", info.on_update)):
        if action != "SetNull":
            continue
        if warn:
            ctx.warning(
                f"The `{key}` referential action of a relation should not be set to `SetNull` when a referenced field is "
                "required. We recommend either to choose another referential action, or to make the referenced fields "
                "optional. Read more at https://pris.ly/d/postgres-set-null ",
                forward.span,
            )
        else:
            ctx.error(
                f"{RELATION}The `{key}` referential action of a relation must not be set to `SetNull` when a referenced "
                "field is required.\nEither choose another referential action, or make the referenced fields optional.\n",
                forward.span,
            )


def missing_opposite_field(ctx: Context, relation: PrismaRelation) -> None:
    """Both sides of a relation must be written (``prisma format`` adds the missing one)."""
    if relation.is_complete:
        return
    field = relation.forward or relation.back
    container = "view" if field.model.is_view else "model"
    ctx.error(
        f"Error validating field `{field.name}` in {container} `{field.model.name}`: The relation field `{field.name}` "
        f"on {container} `{field.model.name}` is missing an opposite relation field on the model "
        f"`{field.related_model.name}`. Either run `prisma format` or add it manually.",
        field.span,
    )


# -- one-to-one -------------------------------------------------------------------------------
def _both(relation: PrismaRelation):
    return (relation.forward, relation.back) if relation.is_complete else (None, None)


def one_to_one_fields_and_references_are_defined(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None:
        return
    for argument, get in (("fields", referencing), ("references", referenced)):
        if _empty(get(ctx, forward)) and _empty(get(ctx, back)):
            for a, b in ((forward, back), (back, forward)):
                ctx.error(
                    f"{RELATION}The relation fields `{a.name}` on Model `{a.model.name}` and `{b.name}` on Model "
                    f"`{b.model.name}` do not provide the `{argument}` argument in the @relation attribute. "
                    "You have to provide it on one of the two fields.",
                    a.span,
                )


def one_to_one_defined_on_one_side_only(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None:
        return
    for argument, get in (("references", referenced), ("fields", referencing)):
        if not _empty(get(ctx, forward)) and not _empty(get(ctx, back)):
            message = (
                f"{RELATION}The relation fields `{forward.name}` on Model `{forward.model.name}` and `{back.name}` on "
                f"Model `{back.model.name}` both provide the `{argument}` argument in the @relation attribute. "
                "You have to provide it only on one of the two fields."
            )
            ctx.error(message, forward.span)
            ctx.error(message, back.span)


def one_to_one_referential_actions(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None:
        return
    if _explicit_actions(ctx, forward) and _explicit_actions(ctx, back):
        for a, b in ((back, forward), (forward, back)):
            ctx.error(
                f"{RELATION}The relation fields `{a.name}` on Model `{a.model.name}` and `{b.name}` on Model "
                f"`{b.model.name}` both provide the `onDelete` or `onUpdate` argument in the @relation attribute. "
                "You have to provide it only on one of the two fields.",
                a.span,
            )
    elif _explicit_actions(ctx, back):
        ctx.error(
            f"{RELATION}The relation field `{back.name}` on Model `{back.model.name}` must not specify the `onDelete` or "
            f"`onUpdate` argument in the @relation attribute. You must only specify it on the opposite field "
            f"`{forward.name}` on model `{forward.model.name}`.",
            back.span,
        )


def one_to_one_fields_must_be_unique(ctx: Context, relation: PrismaRelation) -> None:
    forward = relation.forward
    if forward is None:
        return
    fields = referencing(ctx, forward)
    criteria = list(unique_criteria(relation.model_a))
    if fields is None:
        if criteria:
            return
        return
    if any(len(c) == len(fields) and set(c) == set(fields) for c in criteria):
        return
    names = ", ".join(f.name for f in fields)
    if len(fields) == 1:
        hint = f"Either add an `@unique` attribute to the field `{names}`, or change the relation to one-to-many."
    else:
        hint = f"Either add an `@@unique([{names}])` attribute to the model, or change the relation to one-to-many."
    ctx.error(f"{RELATION}A one-to-one relation must use unique fields on the defining side. {hint}", forward.span)


def one_to_one_mixups(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None or _has_errors(ctx):
        return
    if not _empty(referencing(ctx, forward)) and not _empty(referenced(ctx, back)):
        message = (
            f"{RELATION}The relation field `{forward.name}` on Model `{forward.model.name}` provides the `fields` argument "
            f"in the @relation attribute. And the related field `{back.name}` on Model `{back.model.name}` provides the "
            "`references` argument. You must provide both arguments on the same side."
        )
        ctx.error(message, forward.span)
        ctx.error(message, back.span)
    if not _empty(referenced(ctx, forward)) and not _empty(referencing(ctx, back)):
        ctx.error(
            f"{RELATION}The relation field `{forward.name}` on Model `{forward.model.name}` provides the `references` "
            f"argument in the @relation attribute. And the related field `{back.name}` on Model `{back.model.name}` "
            "provides the `fields` argument. You must provide both arguments on the same side.",
            forward.span,
        )


def one_to_one_back_relation_is_optional(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None or _has_errors(ctx) or not back.is_required:
        return
    ctx.error(
        f"{RELATION}The relation field `{back.name}` on Model `{back.model.name}` is required. This is not valid because "
        "it's not possible to enforce this constraint on the database level. Please change the field type from "
        f"`{forward.model.name}` to `{forward.model.name}?` to fix this.",
        back.span,
    )


def one_to_one_fields_on_wrong_side(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None or _has_errors(ctx):
        return
    if forward.is_required and (referencing(ctx, back) is not None or referenced(ctx, back) is not None):
        ctx.error(
            f"{RELATION}The relation field `{back.model.name}.{back.name}` defines the `fields` and/or `references` "
            f"argument. You must set them on the required side of the relation (`{forward.model.name}.{forward.name}`) "
            "in order for the constraints to be enforced. Alternatively, you can change this field to be required and "
            "the opposite optional, or make both sides of the relation optional.",
            back.span,
        )


# -- one-to-many ------------------------------------------------------------------------------
def one_to_many_fields_and_references_are_defined(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None:
        return
    if _empty(referencing(ctx, forward)):
        ctx.error(
            f"{RELATION}The relation field `{forward.name}` on Model `{forward.model.name}` must specify the `fields` "
            f"argument in the @relation attribute. {FORMAT_HINT}",
            forward.span,
        )
    if _empty(referenced(ctx, forward)):
        ctx.error(
            f"{RELATION}The relation field `{forward.name}` on Model `{forward.model.name}` must specify the `references` "
            "argument in the @relation attribute.",
            forward.span,
        )
    if not _empty(referencing(ctx, back)) or not _empty(referenced(ctx, back)):
        ctx.error(
            f"{RELATION}The relation field `{back.name}` on Model `{back.model.name}` must not specify the `fields` or "
            f"`references` argument in the @relation attribute. You must only specify it on the opposite field "
            f"`{forward.name}` on model `{forward.model.name}`.",
            back.span,
        )


def one_to_many_referential_actions(ctx: Context, relation: PrismaRelation) -> None:
    forward, back = _both(relation)
    if forward is None or not _explicit_actions(ctx, back):
        return
    ctx.error(
        f"{RELATION}The relation field `{back.name}` on Model `{back.model.name}` must not specify the `onDelete` or "
        f"`onUpdate` argument in the @relation attribute. You must only specify it on the opposite field "
        f"`{forward.name}` on model `{forward.model.name}`, or in case of a many to many relation, in an explicit join "
        "table.",
        back.span,
    )
