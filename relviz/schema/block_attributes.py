"""A model's ``@@`` attributes: ``@@id``, ``@@index``, ``@@unique``, ``@@fulltext``, ``@@shardKey``."""

from __future__ import annotations

from typing import Any

from relviz.schema.attribute_args import clustered_arg, map_arg, name_arg
from relviz.schema.attributes import AttributeVisitor, coerce, coerce_array, describe, render
from relviz.schema.model import OPERATOR_CLASSES, Index, IndexField, Model, PrimaryKey
from relviz.schema.resolve import Context, NOT_SCALAR_KINDS
from relviz.syntax.nodes import ArrayValue, Attribute, ConstantValue, FunctionCall, NumericValue, StringValue

__all__ = ["block_index", "model_id", "shard_key"]


def model_id(ctx: Context, v: AttributeVisitor, model: Model, attribute: Attribute, container: str) -> None:
    expr = v.default_arg("fields")
    fields = None
    resolved = None
    if expr is not None:
        resolved = _index_field_refs(ctx, model, expr, attribute)
        if isinstance(resolved, tuple):
            unknown, relation = resolved
            if unknown:
                ctx.error(
                    f'Error validating model "{model.name}": The multi field id declaration refers to the unknown '
                    f"field{'s' if len(unknown) > 1 else ''} {', '.join(f'`{u}`' for u in unknown)}.",
                    expr.span,
                )
            if relation:
                ctx.error(
                    f'Error validating model "{model.name}": The id definition refers to the relation '
                    f"field{'s' if len(relation) > 1 else ''} {', '.join(f'`{r}`' for r in relation)}. "
                    "ID definitions must reference only scalar fields.",
                    attribute.span,
                )
        elif resolved is not None:
            fields = resolved
            for index_field in fields:
                if not index_field.field.is_required:
                    ctx.error(
                        f'Error validating model "{model.name}": The id definition refers to the optional field '
                        f"`{index_field.field.name}`. ID definitions must reference only required fields.",
                        attribute.span,
                    )
    name = v.optional_arg("name")
    name = coerce(ctx, name, "string") if name is not None else None
    db_name = map_arg(ctx, v)
    clustered = clustered_arg(ctx, v)
    if fields is None:
        return
    if model.primary_key is not None and model.primary_key.from_field_attribute:
        ctx.error(
            f'Error validating model "{model.name}": Each model must have at most one id criteria. '
            "You can't have `@id` and `@@id` at the same time.",
            model.span,
        )
    if fields is not None:  # (Prisma keeps the @@id)
        pk = PrimaryKey(tuple(f.field for f in fields), name, db_name, False, attribute.span, clustered)
        pk._source_attribute = attribute
        pk.index_fields = tuple(fields)
        model.primary_key = pk


def block_index(ctx: Context, v: AttributeVisitor, model: Model, attribute: Attribute, kind: str) -> Index | None:
    is_unique = kind == "unique"
    expr = v.default_arg("fields")
    fields = None
    if expr is not None:
        resolved = _index_field_refs(ctx, model, expr, attribute)
        if isinstance(resolved, tuple):
            unknown, relation = resolved
            prefix = "unique " if is_unique else ""
            if unknown:
                ctx.error(
                    f'Error validating model "{model.name}": The {prefix}index definition refers to the unknown fields: '
                    f"{', '.join(unknown)}.",
                    attribute.span,
                )
            if relation:
                suggested: list[str] = []
                for name in relation:
                    info = ctx.relation_info.get(model._by_name[name])
                    suggested.extend(f.name for f in (info.fields or [])) if info is not None else None
                suggestion = (
                    f" Did you mean `@@{'unique' if is_unique else 'index'}([{', '.join(suggested)}])`?" if suggested else ""
                )
                ctx.error(
                    f'Error validating model "{model.name}": The {prefix}index definition refers to the relation fields '
                    f"{', '.join(relation)}. Index definitions must reference only scalar fields.{suggestion}",
                    attribute.span,
                )
        elif resolved is not None:
            fields = resolved
    index_type = None
    if kind == "fulltext":
        db_name = map_arg(ctx, v)
        name = None
        clustered = None
    elif kind == "index":
        name = name_arg(ctx, v)
        db_name = map_arg(ctx, v)
        if name is not None and db_name is not None:
            v.error(
                "The `@@index` attribute accepts the `name` argument as an alias for the `map` argument for legacy "
                "reasons. It does not accept both though. Please use the `map` argument to specify the database name "
                "of the index."
            )
            db_name = None
        elif name is not None:
            db_name = name
        name = None
        value = v.optional_arg("type")
        if value is not None:
            index_type = coerce(ctx, value, "constant")
            if index_type is not None and index_type not in ("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"):
                v.error(f"Unknown index type: {index_type}.")
                index_type = None
        clustered = clustered_arg(ctx, v)
    else:
        name = name_arg(ctx, v)
        db_name = map_arg(ctx, v)
        if name is not None and not all(c == "_" or (c.isascii() and c.isalnum()) for c in name):
            ctx.error(
                f'Error validating model "{model.name}": The `name` property within the `@@unique` attribute only '
                "allows for the following characters: `_a-zA-Z0-9`.",
                attribute.span,
            )
        clustered = clustered_arg(ctx, v)
    if fields is None:
        return None
    kind_name = {"unique": "unique", "index": "normal", "fulltext": "fulltext"}[kind]
    index = Index(kind_name, tuple(fields), name, db_name, False, attribute.span, clustered, index_type)
    index._source_attribute = attribute
    return index


def _index_field_refs(ctx: Context, model: Model, expr, attribute):
    """Index fields with their arguments; ``(unknown, relation)`` on failure; None when already reported."""
    items = expr.items if isinstance(expr, ArrayValue) else [expr]
    refs: list[tuple] = []
    for item in items:
        if isinstance(item, ConstantValue):
            refs.append((item.name, {}))
        elif isinstance(item, FunctionCall):
            args: dict[str, Any] = {}
            for arg in item.arguments:
                if arg.name is None or arg.value is None:
                    continue
                args[arg.name] = arg.value
                args["_span_" + arg.name] = arg.span
            refs.append((item.name, args))
        else:
            ctx.error(f"Expected a constant value, but received {describe(item)} value `{render(item)}`.", item.span)
            return None
    out, unknown, relation, seen = [], [], [], set()
    for name, args in refs:
        path = name.split(".")
        field = model._by_name.get(path[0])
        if field is None:
            unknown.append(path[0] if len(path) > 1 else name)
            continue
        if field.kind in NOT_SCALAR_KINDS:
            relation.append(path[0])
            continue
        if len(path) > 1 and field.kind != "composite":
            unknown.append(name)
            continue
        if name in seen:
            ctx.error(
                f'Error validating model "{model.name}": The unique index definition refers to the field {name} multiple times.',
                attribute.span,
            )
            return None
        seen.add(name)
        sort = args.get("sort")
        if sort is not None and not (isinstance(sort, ConstantValue) and sort.name in ("Asc", "Desc")):
            ctx.error("Unexpected token. Expected one of: Asc, Desc", args["_span_sort"])
            sort = None
        length = args.get("length")
        if length is not None and not (isinstance(length, NumericValue) and "." not in length.text):
            ctx.error(f"Expected a numeric value, but received {describe(length)} value `{render(length)}`.", length.span)
            length = None
        ops = args.get("ops")
        if ops is not None:
            problem = _operator_class_problem(ops)
            if problem is not None:
                ctx.error(f"Unexpected token. Expected one of: {problem}", args["_span_ops"] if problem == "operator class" else ops.span)
                ops = None
        out.append(IndexField(
            field, sort.name if sort is not None else None, int(length.text) if length is not None else None,
            ops, path if len(path) > 1 else None,
        ))
    if unknown or relation:
        return unknown, relation
    return out


def _operator_class_problem(ops) -> str | None:
    """What is wrong with an ``ops:`` value, in Prisma's words; None for a known class or ``raw("...")``."""
    if isinstance(ops, ConstantValue):
        return None if ops.name in OPERATOR_CLASSES else f"Invalid operator class: {ops.name}"
    if isinstance(ops, FunctionCall) and ops.name == "raw":
        if len(ops.arguments) != 1:
            return f"Wrong number of arguments. Expected: 1, got: {len(ops.arguments)}"
        return None if isinstance(ops.arguments[0].value, StringValue) else "Invalid parameter type: expected string"
    return "operator class"


def shard_key(ctx: Context, v: AttributeVisitor, model: Model) -> None:
    expr = v.default_arg("fields")
    if expr is None:
        return
    names = coerce_array(ctx, expr, "constant")
    if names is None:
        return
    for name in names:
        field = model._by_name.get(name)
        if field is not None and field.kind in NOT_SCALAR_KINDS:
            ctx.error(
                f'Error validating model "{model.name}": The shard key definition refers to the relation field '
                f"`{name}`. Shard key definitions must reference only scalar fields.",
                v.current.span,
            )
