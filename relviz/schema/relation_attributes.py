"""``@relation`` and the other attributes of relation fields, as Prisma reads them.

The result goes to ``ctx.relation_info`` (a :class:`~relviz.schema.resolve.RelationAttribute`
per relation field): relation name, ``fields``, ``references``, referential actions, ``map``.
"""

from __future__ import annotations

from relviz.schema.attributes import Arguments, AttributeVisitor, coerce, coerce_array
from relviz.schema.model import Field, Model
from relviz.schema.resolve import Context, NOT_SCALAR_KINDS, RelationAttribute
from relviz.syntax.nodes import Attribute

__all__ = ["relation_field_attributes"]


def relation_field_attributes(ctx: Context, model: Model, field: Field) -> None:
    if not field._ast.attributes:
        return
    v = AttributeVisitor(ctx, field._ast.attributes)
    attribute = v.single("relation")
    if attribute is not None:
        ctx.relation_attributes[field] = Arguments(attribute)
        _visit_relation(ctx, v, model, field, attribute)
        v.done()
    if v.all_visited:  # `@relation(...)` alone, the common case
        return
    if v.single("id") is not None:
        v.error(
            f"The field `{field.name}` is a relation field and cannot be marked with `@id`. "
            "Only scalar fields can be declared as id."
        )
        v.discard()
    if v.single("ignore") is not None:
        field.is_ignored = True
        v.done()
    if v.single("default") is not None:
        v.error("Cannot set a default value on a relation field.")
        v.discard()
    if v.single("map") is not None:
        v.error("The attribute `@map` cannot be used on relation fields.")
        v.default_arg("name")
        v.discard()
    if v.single("unique") is not None:
        info = ctx.relation_info.get(field)
        names = [f.name for f in (info.fields or [])] if info is not None else []
        suggestion = ""
        if len(names) == 1:
            suggestion = f" Did you mean to put it on `{names[0]}`?"
        elif names:
            suggestion = f" Did you mean to provide `@@unique([{', '.join(names)}])`?"
        v.error(
            f"The field `{field.name}` is a relation field and cannot be marked with `unique`. "
            f"Only scalar fields can be made unique.{suggestion}"
        )
        v.discard()
    v.finish()


_ACTIONS = ("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault")


def _visit_relation(ctx: Context, v: AttributeVisitor, model: Model, field: Field, attribute: Attribute) -> None:
    info = RelationAttribute(attribute)
    ctx.relation_info[field] = info
    fields = v.optional_arg("fields")
    if fields is not None:
        info.fields_span = fields.span
        resolved = _resolve_relation_fields(ctx, fields, model, attribute)
        if isinstance(resolved, tuple):
            unknown, relation = resolved
            if unknown:
                ctx.error(
                    "Error validating: The argument fields must refer only to existing fields. "
                    f"The following fields do not exist in this model: {', '.join(unknown)}",
                    fields.span,
                )
            if relation:
                ctx.error(
                    "Error validating: The argument fields must refer only to scalar fields. "
                    f"But it is referencing the following relation fields: {', '.join(relation)}",
                    fields.span,
                )
            resolved = []
        info.fields = resolved if resolved is not None else []
    references = v.optional_arg("references")
    if references is not None:
        target = field.related_model
        assert target is not None  # (a relation field's type is a model)
        resolved = _resolve_relation_fields(ctx, references, target, attribute)
        if isinstance(resolved, tuple):
            unknown, relation = resolved
            if unknown:
                ctx.error(
                    f"Error validating: The argument `references` must refer only to existing fields in the related model "
                    f"`{target.name}`. The following fields do not exist in the related model: {', '.join(unknown)}",
                    attribute.span,
                )
            if relation:
                ctx.error(
                    f"Error validating: The argument `references` must refer only to scalar fields in the related model "
                    f"`{target.name}`. But it is referencing the following relation fields: {', '.join(relation)}",
                    attribute.span,
                )
            resolved = []
        info.references = resolved if resolved is not None else []
    name = v.default_arg("name", report=False, quiet=True)
    if name is not None:
        value = coerce(ctx, name, "string")
        if value == "":
            v.error("A relation cannot have an empty name.")
        elif value is not None:
            info.name = value
    for key in ("onDelete", "onUpdate"):
        argument = v.optional_argument(key)
        if argument is None:
            continue
        expr = argument.value
        action = coerce(ctx, expr, "constant")
        if action is None:
            continue
        if action not in _ACTIONS:
            ctx.error(f'Error parsing attribute "@relation": Invalid referential action: `{action}`', expr.span)
            continue
        if key == "onDelete":
            info.on_delete, info.on_delete_span, info.on_delete_argument_span = action, expr.span, argument.span
        else:
            info.on_update, info.on_update_span, info.on_update_argument_span = action, expr.span, argument.span
    mapped = v.optional_arg("map")
    if mapped is not None:
        value = coerce(ctx, mapped, "string")
        if value == "":
            v.error("The `map` argument cannot be an empty string.")
        elif value is not None:
            info.map = value


def _resolve_relation_fields(ctx: Context, expr, model: Model, attribute):
    """Scalar fields named in ``fields:``/``references:``; ``(unknown, relation)`` names on failure, None if already reported."""
    names = coerce_array(ctx, expr, "constant")
    if names is None:
        return None
    found, unknown, relation = [], [], []
    for name in names:
        field = model._by_name.get(name) if "." not in name else None
        if field is None:
            unknown.append(name)
        elif field.kind in NOT_SCALAR_KINDS:
            relation.append(name)
        elif field in found:
            ctx.error(
                f'Error validating model "{model.name}": The unique index definition refers to the field {name} multiple times.',
                attribute.span,
            )
            return None
        else:
            found.append(field)
    if unknown or relation:
        return unknown, relation
    return found
