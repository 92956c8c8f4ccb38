"""Relation rules, one function per rule, run per relation in Prisma's order.

One-to-one and one-to-many ("inline") relations: keys, arity, types, referential actions,
placement of ``fields``/``references``, cascading cycles. Many-to-many: implicit (join
table) and embedded (MongoDB) rules.
"""

from __future__ import annotations

from relviz.schema.model import ONE_TO_ONE
from relviz.schema.relations import EMBEDDED_M2M, IMPLICIT_M2M
from relviz.schema.rules.constraints import relation_name_is_unique

__all__ = ["validate_relations"]

RELATION = 'Error parsing attribute "@relation": '
VALIDATING = "Error validating: "
FORMAT_HINT = "You can run `prisma format` to fix this automatically."
CYCLE_HINT = " Read more at https://pris.ly/d/cyclic-referential-actions"


def validate_relations(ctx) -> None:
    """Every relation, in the order Prisma stores them."""
    for relation in ctx.prisma_relations:
        if relation.is_inline:
            _inline(ctx, relation)
        elif relation.kind == IMPLICIT_M2M:
            for rule in (supports_implicit_relations, validate_singular_id, no_implicit_referential_actions,
                         no_implicit_references):
                rule(ctx, relation)
        elif relation.kind == EMBEDDED_M2M:
            embedded_rules(ctx, relation)


def _inline(ctx, relation) -> None:
    if relation.is_complete:
        cycles(ctx, relation)
        multiple_cascading_paths(ctx, relation)
    for rule in (references_unique_fields, same_length, field_arity, referencing_scalar_field_types,
                 relation_name_is_unique, required_relation_cannot_use_set_null):
        rule(ctx, relation)
    if relation.kind == ONE_TO_ONE:
        rules = (missing_opposite_field, one_to_one_fields_and_references_are_defined, one_to_one_defined_on_one_side_only,
                 one_to_one_referential_actions, one_to_one_fields_must_be_unique, one_to_one_mixups,
                 one_to_one_back_relation_is_optional, one_to_one_fields_on_wrong_side)
    else:
        rules = (missing_opposite_field, one_to_many_fields_and_references_are_defined, one_to_many_referential_actions)
    for rule in rules:
        rule(ctx, relation)


# -- helpers ----------------------------------------------------------------------------------
def _info(ctx, field):
    return ctx.relation_info.get(field) if field is not None else None


def referencing(ctx, field):
    """The ``fields:`` of a relation field: a list, or None when not given."""
    info = _info(ctx, field)
    return info.fields if info is not None else None


def referenced(ctx, field):
    info = _info(ctx, field)
    return info.references if info is not None else None


def _empty(fields) -> bool:
    return not fields


def _explicit_actions(ctx, field) -> bool:
    info = _info(ctx, field)
    return info is not None and (info.on_delete is not None or info.on_update is not None)


def unique_criteria(model):
    """Prisma's unique criteria: the primary key, then every unique index (as field lists)."""
    if model.primary_key is not None:
        yield list(model.primary_key.fields)
    for index in getattr(model, "_prisma_indexes", model.indexes):
        if index.kind == "unique":
            yield [f.field for f in index.fields]


def _has_errors(ctx) -> bool:
    return ctx.has_errors


# -- every inline relation --------------------------------------------------------------------
def references_unique_fields(ctx, relation) -> None:
    """``references`` must name a unique criterion of the referenced model."""
    forward = relation.forward
    references = referenced(ctx, forward)
    if forward is None or not references:
        return
    names = sorted(f.name for f in references)
    target = relation.model_b
    if any(sorted(f.name for f in c) == names for c in unique_criteria(target)):
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


def _references_in_order(ctx, relation, references) -> None:
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


def same_length(ctx, relation) -> None:
    forward = relation.forward
    fields, references = referencing(ctx, forward), referenced(ctx, forward)
    if fields is not None and references is not None and len(fields) != len(references):
        ctx.error(
            f"{VALIDATING}You must specify the same number of fields in `fields` and `references`.",
            ctx.relation_info[forward].attribute.span,
        )


def field_arity(ctx, relation) -> None:
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


def _type_key(field):
    return (field.kind, field.scalar_type, field.enum, field.composite_type, field.unsupported_type)


def referencing_scalar_field_types(ctx, relation) -> None:
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


def required_relation_cannot_use_set_null(ctx, relation) -> None:
    forward = relation.forward
    if forward is None:
        return
    fields = referencing(ctx, forward)
    if fields is not None and all(not f.is_required for f in fields):
        return
    info = _info(ctx, forward)
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


def missing_opposite_field(ctx, relation) -> None:
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
def _both(relation):
    return (relation.forward, relation.back) if relation.is_complete else (None, None)


def one_to_one_fields_and_references_are_defined(ctx, relation) -> None:
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


def one_to_one_defined_on_one_side_only(ctx, relation) -> None:
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


def one_to_one_referential_actions(ctx, relation) -> None:
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


def one_to_one_fields_must_be_unique(ctx, relation) -> None:
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


def one_to_one_mixups(ctx, relation) -> None:
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


def one_to_one_back_relation_is_optional(ctx, relation) -> None:
    forward, back = _both(relation)
    if forward is None or _has_errors(ctx) or not back.is_required:
        return
    ctx.error(
        f"{RELATION}The relation field `{back.name}` on Model `{back.model.name}` is required. This is not valid because "
        "it's not possible to enforce this constraint on the database level. Please change the field type from "
        f"`{forward.model.name}` to `{forward.model.name}?` to fix this.",
        back.span,
    )


def one_to_one_fields_on_wrong_side(ctx, relation) -> None:
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
def one_to_many_fields_and_references_are_defined(ctx, relation) -> None:
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


def one_to_many_referential_actions(ctx, relation) -> None:
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


# -- cascading cycles (SQL Server, MongoDB, relationMode = "prisma") --------------------------
def _on_delete(ctx, relation) -> str:
    info = _info(ctx, relation.forward)
    if info is not None and info.on_delete is not None:
        return info.on_delete
    fields = referencing(ctx, relation.forward) or ()
    if not any(f.is_required for f in fields):
        return "SetNull"
    return "Restrict" if ctx.connector.supports_action("Restrict") else "NoAction"


def _on_update(ctx, relation) -> str:
    info = _info(ctx, relation.forward)
    return info.on_update if info is not None and info.on_update is not None else "Cascade"


def _triggers(action: str) -> bool:
    return action not in ("NoAction", "Restrict")


def _complete_inline_from(ctx, model):
    return ctx.relations_from.get(model, ())


def _cascade_error(ctx, relation, message: str) -> None:
    info = _info(ctx, relation.forward)
    on_delete = _on_delete(ctx, relation) if (info is None or info.on_delete is None) else None
    on_update = _on_update(ctx, relation) if (info is None or info.on_update is None) else None
    on_delete = on_delete if on_delete is not None and _triggers(on_delete) else None
    on_update = on_update if on_update is not None and _triggers(on_update) else None
    if on_delete and on_update:
        message += f" (Implicit default `onDelete`: `{on_delete}`, and `onUpdate`: `{on_update}`)"
    elif on_delete:
        message += f" (Implicit default `onDelete`: `{on_delete}`)"
    elif on_update:
        message += f" (Implicit default `onUpdate`: `{on_update}`)"
    ctx.error(f"{VALIDATING}{message}{CYCLE_HINT}", relation.forward.span)


def _path(chain) -> str:
    return " → ".join(f"{r.model_a.name}.{r.forward.name}" for r in chain)


def cycles(ctx, relation) -> None:
    """A cascading self-relation, or a cascading cycle back to this model."""
    connector = ctx.connector
    if not connector.detects_reference_cycles and connector.uses_foreign_keys:
        return
    visited = set()
    pending = [(relation, (relation,))]
    parent = relation.model_a
    while pending:
        current, chain = pending.pop()
        visited.add(current.forward)
        related = current.model_b
        if not (_triggers(_on_delete(ctx, current)) or _triggers(_on_update(ctx, current))):
            continue
        if current.model_a is related:
            _cascade_error(
                ctx, relation,
                "A self-relation must have `onDelete` and `onUpdate` referential actions set to `NoAction` in one of "
                "the @relation attributes.",
            )
            return
        if related is parent:
            _cascade_error(
                ctx, relation,
                "Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and "
                f"`onUpdate` referential actions set to `NoAction`. Cycle path: {_path(chain)}.",
            )
            return
        for nxt in _complete_inline_from(ctx, related):
            if nxt.forward not in visited:
                pending.append((nxt, chain + (nxt,)))


def multiple_cascading_paths(ctx, relation) -> None:
    """Two cascading paths from this model to the same model (SQL Server with foreign keys)."""
    connector = ctx.connector
    if not connector.detects_reference_cycles or connector.is_prisma_mode:
        return

    def triggers(r) -> bool:
        return _triggers(_on_delete(ctx, r)) or _triggers(_on_update(ctx, r))

    if not triggers(relation):
        return
    parent = relation.model_a
    paths = []
    pending = [(r, (r,), frozenset()) for r in _complete_inline_from(ctx, parent) if triggers(r)]
    while pending:
        current, chain, path = pending.pop()
        path = path | {current.forward}
        if current.model_a is current.model_b or current.model_b is parent:
            continue
        forward = [
            (r, chain + (r,), path) for r in _complete_inline_from(ctx, current.model_b)
            if triggers(r) and r.forward not in path
        ]
        if not forward:
            paths.append(chain + (current,))
            continue
        pending.extend(forward)
    seen: dict = {}
    for chain in paths:
        models = seen.setdefault(chain[0].forward.name, set())
        for r in chain:
            models.add(r.model_b.name)
    reachable = set()
    mine = seen.pop(relation.forward.name, None)
    if mine is not None:
        for other in seen.values():
            reachable |= mine & other
    if not reachable:
        return
    names = ", ".join(f"`{m}`" for m in sorted(reachable))
    if len(reachable) == 1:
        message = f"When any of the records in model {names} is updated or deleted"
    else:
        message = f"When any of the records in models {names} are updated or deleted"
    _cascade_error(
        ctx, relation,
        f"{message}, the referential actions on the relations cascade to model `{parent.name}` through multiple paths. "
        "Please break one of these paths by setting the `onUpdate` and `onDelete` to `NoAction`.",
    )


# -- many-to-many -----------------------------------------------------------------------------
def _pair(relation):
    return (relation.forward, relation.back)


def supports_implicit_relations(ctx, relation) -> None:
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


def validate_singular_id(ctx, relation) -> None:
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


def no_implicit_referential_actions(ctx, relation) -> None:
    for field in _pair(relation):
        info = _info(ctx, field)
        if info is None:
            continue
        for span in (info.on_delete_span, info.on_update_span):
            if span is not None:
                ctx.error(f"{VALIDATING}Referential actions on implicit many-to-many relations are not supported", span)


def no_implicit_references(ctx, relation) -> None:
    for field in _pair(relation):
        if referenced(ctx, field) is not None:
            ctx.error(
                f"{RELATION}Implicit many-to-many relation should not have references argument defined. Either remove "
                "it, or change the relation to one-to-many.",
                field.span,
            )


def embedded_rules(ctx, relation) -> None:
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
            info = _info(ctx, field)
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
                ctx.error(f"{RELATION}The `references` argument must point to a singular `id` field", _info(ctx, field).attribute.span)
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
            _info(ctx, field).attribute.span,
        )
    for field in _pair(relation):
        info = _info(ctx, field)
        if info is None:
            continue
        for span in (info.on_delete_span, info.on_update_span):
            if span is not None:
                ctx.error(f"{VALIDATING}Referential actions on two-way embedded many-to-many relations are not supported", span)
