"""Pass 3, attributes, read as Prisma's ``parser-database`` reads them.

Relation fields first (``@relation`` and what cannot stand on a relation field), then each
block in declaration order: its scalar fields (``@map``, ``@ignore``, ``@id``, ``@updatedAt``,
``@default``, ``@db.*``, ``@unique``), then its ``@@`` attributes (``@@ignore``, ``@@id``,
``@@map``, ``@@schema``, every ``@@index``, ``@@unique``, ``@@fulltext``). Each attribute is
visited by name; what nobody visits is reported as unknown.
"""

from __future__ import annotations

from typing import Any

from relviz.schema.attribute_args import clustered_arg, length_arg, map_arg, map_name, sort_arg
from relviz.schema.attributes import AttributeVisitor, coerce
from relviz.schema.block_attributes import block_index, model_id, shard_key
from relviz.schema.default_values import field_default
from relviz.schema.model import CompositeType, Enum, Field, Index, IndexField, Model, NativeType, PrimaryKey
from relviz.schema.relation_attributes import relation_field_attributes
from relviz.schema.resolve import Context, NOT_SCALAR_KINDS, in_declaration_order
from relviz.syntax.nodes import Attribute, Block, NumericValue, StringValue

__all__ = ["resolve_attributes"]


def resolve_attributes(ctx: Context) -> None:
    """Relation fields' attributes first, then every block in declaration order (Prisma's order)."""
    ordered = list(in_declaration_order(ctx))
    for model in ordered:
        if isinstance(model, Model):
            for field in model._all_fields:
                if field.kind == "relation":
                    relation_field_attributes(ctx, model, field)
    for obj in ordered:
        if isinstance(obj, Model):
            _model_attributes(ctx, obj)
        elif isinstance(obj, Enum):
            _enum_attributes(ctx, obj)
        else:
            _composite_type_attributes(ctx, obj)


def _model_attributes(ctx: Context, model: Model) -> None:
    field_indexes: list[Index] = []
    state: dict[str, Any] = {"id_fields": []}
    for field in model._all_fields:
        if field.kind not in ("relation", "unknown"):
            _scalar_field_attributes(ctx, model, field, field_indexes, state)
    ast: Block = model._ast
    model.attributes = tuple(ast.attributes)
    v = AttributeVisitor(ctx, ast.attributes, prefix="@")
    container = "view" if model.is_view else "model"
    if v.single("ignore") is not None:
        for field in model.fields:
            if field.is_ignored and field.kind != "relation":
                ctx.error(
                    'Error parsing attribute "@ignore": Fields on an already ignored Model do not need an `@ignore` annotation.',
                    field.span,
                )
        model.is_ignored = True
        v.done()
    attribute = v.single("id")
    if attribute is not None:
        model_id(ctx, v, model, attribute, container)
        v.done()
    _map_and_schema(ctx, v, model)
    block_indexes = []
    for kind in ("index", "unique", "fulltext"):
        for attribute in v.repeated(kind):
            index = block_index(ctx, v, model, attribute, kind)
            if index is not None:
                block_indexes.append((attribute.span.start, index))
            v.done()
    if v.single("shardKey") is not None:
        shard_key(ctx, v, model)
        v.done()
    pk = model.primary_key
    if not model.is_ignored and pk is not None and pk.from_field_attribute and not pk.fields[0].is_required:
        ctx.error('Error parsing attribute "@id": Fields that are marked as id must be required.', pk.span)
    model._prisma_indexes = tuple(field_indexes) + tuple(i for _, i in block_indexes)
    model.indexes = tuple(field_indexes) + tuple(i for _, i in sorted(block_indexes, key=lambda p: p[0]))
    v.finish()


def _scalar_field_attributes(ctx: Context, model: Model, field: Field, field_indexes: list, state: dict) -> None:
    if not field._ast.attributes:
        return
    v = AttributeVisitor(ctx, field._ast.attributes)
    if v.single("map") is not None:
        field.db_name = map_name(ctx, v)
        if field.db_name is not None:
            _mapped_name_clashes(ctx, model, field, state)
        v.done()
    if v.single("ignore") is not None:
        if field.kind == "unsupported":
            v.error(
                "Fields of type `Unsupported` cannot take an `@ignore` attribute. "
                "They are already treated as ignored by the client due to their type."
            )
        else:
            field.is_ignored = True
        v.done()
    if v.single("relation") is not None:
        v.error("Invalid field type, not a relation.")
        v.done()
    attribute = v.single("id")
    if attribute is not None:
        _field_id(ctx, v, model, field, attribute, state)
        v.done()
    if v.single("updatedAt") is not None:
        if field.scalar_type != "DateTime":
            v.error("Fields that are marked with @updatedAt must be of type DateTime.")
        if field.is_list:
            v.error("Fields that are marked with @updatedAt cannot be lists.")
        field.is_updated_at = True
        v.done()
    attribute = v.single("default")
    if attribute is not None:
        field_default(ctx, v, field, attribute)
        v.done()
    if field.kind == "scalar":
        attribute = v.native_type()
        if attribute is not None:
            prefix, _, type_name = attribute.name.partition(".")
            field.native_type = NativeType(type_name, tuple(_native_arg(a.value) for a in attribute.arguments), prefix)
            field._native_attribute = attribute
    attribute = v.single("unique")
    if attribute is not None:
        db_name = map_arg(ctx, v)
        length = length_arg(ctx, v)
        sort = sort_arg(ctx, v)
        clustered = clustered_arg(ctx, v)
        field.is_unique = True
        index = Index("unique", (IndexField(field, sort, length),), None, db_name, True, attribute.span, clustered)
        index._source_attribute = attribute
        field_indexes.append(index)
        v.done()
    v.finish()


def _mapped_name_clashes(ctx: Context, model: Model, field: Field, state: dict) -> None:
    """A column name used twice: by two ``@map``s, or by a ``@map`` and another scalar field's
    name. As in Prisma, a name defined twice stands for its last field, and that field's own
    ``@map`` counts only once it has been read."""
    mapped = state.setdefault("mapped", {})
    message = f'Field "{field.name}" is already defined on {"view" if model.is_view else "model"} "{model.name}".'
    if field.db_name in mapped:
        ctx.error(message, field.span)
    mapped[field.db_name] = field
    other = model._by_name.get(field.db_name)  # type: ignore[arg-type]
    if (
        other is not None and other is not field and other.kind not in NOT_SCALAR_KINDS
        and other.db_name in (None, field.db_name)
    ):
        ctx.error(message, field.span)


def _field_id(ctx: Context, v: AttributeVisitor, model: Model, field: Field, attribute: Attribute, state: dict) -> None:
    field.is_id = True
    if model.primary_key is not None:  # (its arguments are left unread: "No such argument." each)
        ctx.error(
            f'Error validating model "{model.name}": At most one field must be marked as the id field with the `@id` attribute.',
            model.span,
        )
        return
    db_name = map_arg(ctx, v)
    length = length_arg(ctx, v)
    sort = sort_arg(ctx, v)
    clustered = clustered_arg(ctx, v)
    pk = PrimaryKey((field,), None, db_name, True, attribute.span, clustered)
    pk._source_attribute = attribute
    pk.index_fields = (IndexField(field, sort, length),)
    model.primary_key = pk


def _native_arg(value) -> str:
    if isinstance(value, StringValue):
        return value.value
    if isinstance(value, NumericValue):
        return value.text
    return repr(value)


# -- enums and composite types ------------------------------------------------------------
def _enum_attributes(ctx: Context, enum: Enum) -> None:
    for value in enum.values:
        v = AttributeVisitor(ctx, value._ast.attributes)
        if v.single("map") is not None:
            value.db_name = map_name(ctx, v)
            v.done()
        v.finish()
    v = AttributeVisitor(ctx, enum._ast.attributes)
    _map_and_schema(ctx, v, enum)
    v.finish()


def _map_and_schema(ctx: Context, v: AttributeVisitor, block) -> None:
    """``@@map("name")`` and ``@@schema("name")`` of a model or an enum."""
    if v.single("map") is not None:
        block.db_name = map_name(ctx, v)
        v.done()
    if v.single("schema") is not None:
        value = v.default_arg("name")
        block.schema_name = coerce(ctx, value, "string") if value is not None else None
        block._schema_span = value.span if value is not None else None
        v.done()


def _composite_type_attributes(ctx: Context, ct: CompositeType) -> None:
    for field in ct.fields:
        v = AttributeVisitor(ctx, field._ast.attributes)
        if field.kind == "scalar":
            attribute = v.native_type()
            if attribute is not None:
                prefix, _, type_name = attribute.name.partition(".")
                field.native_type = NativeType(type_name, tuple(_native_arg(a.value) for a in attribute.arguments), prefix)
                field._native_attribute = attribute
        if v.single("map") is not None:
            field.db_name = map_name(ctx, v)
            v.done()
        attribute = v.single("default")
        if attribute is not None:
            field_default(ctx, v, field, attribute)
            v.done()
        v.finish()
