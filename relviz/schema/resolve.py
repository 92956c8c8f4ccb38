"""Resolution passes, in Prisma's order: names, field types, attributes; then relations.

Each pass reads the syntax tree and fills the model objects of :mod:`relviz.schema.model`,
adding Prisma's diagnostics to ``ctx.diagnostics`` instead of raising. Attributes are read
as Prisma's ``parser-database`` reads them: relation fields first, then each block in order
(scalar fields, then the block's ``@@`` attributes), each attribute visited by name.
"""

from __future__ import annotations

from relviz.errors import Diagnostic
from relviz.schema.attributes import Arguments, AttributeVisitor, coerce, coerce_array, render, string_arg
from relviz.schema.model import (
    SCALAR_TYPES, CompositeType, Datasource, DefaultValue, Enum, EnumValue, Field, Generator, Index,
    IndexField, Model, NativeType, PrimaryKey,
)
from relviz.syntax.nodes import ArrayValue, Block, ConfigBlock, ConstantValue, FunctionCall, NumericValue, Span, StringValue

__all__ = ["Context", "RelationAttribute", "resolve_names", "resolve_types", "resolve_attributes"]

PROVIDER_ALIASES = {"postgres": "postgresql"}
_RESERVED_SCALARS = frozenset(SCALAR_TYPES)


class Context:
    """What the passes share: the files' syntax trees, the objects made so far, the diagnostics."""

    def __init__(self, schema, asts):
        self.schema = schema
        self.asts = asts
        self.diagnostics: list[Diagnostic] = []
        self.blocks: dict[str, object] = {}  # top-level name -> Model | Enum | CompositeType
        self.relation_attributes: dict[Field, Arguments] = {}
        self.relation_info: dict[Field, RelationAttribute] = {}
        self.datasource_blocks: list[ConfigBlock] = []
        self.generator_blocks: list[ConfigBlock] = []

        # Spans point at the parsed text (block comments blanked); diagnostics at the original.
        self.files = {}
        for ast in asts:
            for top in ast.tops:
                self.files[id(top.span.file)] = ast.file
                break

    def error(self, message: str, span) -> None:
        file = self.files.get(id(span.file), span.file)
        self.diagnostics.append(Diagnostic(message, file, span.start, span.end))

    def warning(self, message: str, span) -> None:
        file = self.files.get(id(span.file), span.file)
        self.diagnostics.append(Diagnostic(message, file, span.start, span.end, is_warning=True))

    @property
    def has_errors(self) -> bool:
        return any(not d.is_warning for d in self.diagnostics)


class RelationAttribute:
    """What a relation field's ``@relation(...)`` says, resolved: Prisma's ``RelationField``."""

    __slots__ = ("attribute", "name", "fields", "references", "on_delete", "on_update", "on_delete_span",
                 "on_update_span", "on_delete_argument_span", "on_update_argument_span", "map", "fields_span")

    def __init__(self, attribute):
        self.attribute = attribute
        self.name = None
        self.fields = None  # list[Field] | None (None: no `fields:` argument)
        self.references = None
        self.on_delete = self.on_update = None
        self.on_delete_span = self.on_update_span = None
        self.on_delete_argument_span = self.on_update_argument_span = None
        self.map = None
        self.fields_span = None


# -- pass 1: names ----------------------------------------------------------------------------
_KIND_WORD = {"model": "model", "view": "view", "type": "composite type", "enum": "enum",
              "datasource": "datasource", "generator": "generator"}


def _identifier(ctx: Context, name: str, span, item: str) -> None:
    if name and not name[0].isnumeric() and "-" not in name:
        return
    if not name:
        ctx.error(f"Error validating: The name of a {item} must not be empty.", span)
    elif name[0].isnumeric():
        ctx.error(f"Error validating: The name of a {item} must not start with a number.", span)
    elif "-" in name:
        ctx.error(f"Error validating: The character `-` is not allowed in {item} names.", span)


def _attribute_identifiers(ctx: Context, attributes) -> None:
    for attribute in attributes:
        name = attribute.name
        if not name or name[0].isnumeric() or "-" in name:
            _identifier(ctx, name, attribute.name_span, "Attribute")


def resolve_names(ctx: Context) -> None:
    """Make a Model, Enum or CompositeType per block; report names defined twice."""
    schema = ctx.schema
    models, views, enums, types = [], [], [], []
    config_names: dict[str, dict] = {"datasource": {}, "generator": {}}
    for ast in ctx.asts:
        for top in ast.tops:
            if top.name in _RESERVED_SCALARS:
                ctx.error(f'"{top.name}" is a reserved scalar type name and cannot be used.', top.name_span)
            if isinstance(top, ConfigBlock):
                seen = set()
                for prop in top.properties:
                    if prop.name in seen:
                        ctx.error(f'Key "{prop.name}" is already defined in {top.keyword} "{top.name}".', prop.name_span)
                    seen.add(prop.name)
                namespace = config_names[top.keyword]
                if top.name in namespace:
                    ctx.error(
                        f'The {top.keyword} "{top.name}" cannot be defined because a {top.keyword} with that name already exists.',
                        top.name_span,
                    )
                else:
                    namespace[top.name] = top
                (ctx.datasource_blocks if top.keyword == "datasource" else ctx.generator_blocks).append(top)
                continue
            _check_block_names(ctx, top)
            if top.name in ctx.blocks:
                existing = ctx.blocks[top.name]
                ctx.error(
                    f'The {_KIND_WORD[top.keyword]} "{top.name}" cannot be defined because a '
                    f"{_kind_of(existing)} with that name already exists.",
                    top.name_span,
                )
                continue
            if top.keyword == "enum":
                obj = Enum(top.name, top.span, top.documentation)
                enums.append(obj)
            elif top.keyword == "type":
                obj = CompositeType(top.name, top.span, top.documentation)
                types.append(obj)
            else:
                obj = Model(top.name, top.keyword == "view", top.span, top.documentation, schema)
                (views if obj.is_view else models).append(obj)
            obj._ast = top
            ctx.blocks[top.name] = obj
    schema.models, schema.views, schema.enums, schema.composite_types = (
        tuple(models), tuple(views), tuple(enums), tuple(types),
    )
    for block in ctx.datasource_blocks[:1]:
        _datasource(ctx, block)
    for block in ctx.generator_blocks:
        _generator(ctx, block)


def _check_block_names(ctx: Context, top: Block) -> None:
    """Identifier rules and duplicates inside one block (fields, enum values)."""
    keyword = top.keyword
    if keyword == "enum":
        _identifier(ctx, top.name, top.name_span, "Enum")
        _attribute_identifiers(ctx, top.attributes)
        seen = set()
        for value in top.fields:
            _identifier(ctx, value.name, value.name_span, "Enum Value")
            _attribute_identifiers(ctx, value.attributes)
            if value.name in seen:
                ctx.error(f'Value "{value.name}" is already defined on enum "{top.name}".', value.span)
            seen.add(value.name)
        return
    if keyword == "type":
        _identifier(ctx, top.name, top.name_span, "Composite type")
        seen = set()
        for field in top.fields:
            if field.name in seen:
                ctx.error(f'Field "{field.name}" is already defined on composite type "{top.name}".', field.name_span)
            seen.add(field.name)
        return
    is_view = keyword == "view"
    _identifier(ctx, top.name, top.name_span, "view" if is_view else "Model")
    _attribute_identifiers(ctx, top.attributes)
    seen = set()
    for field in top.fields:
        _identifier(ctx, field.name, field.name_span, "field" if is_view else "Field")
        _attribute_identifiers(ctx, field.attributes)
        if field.name in seen:
            ctx.error(f'Field "{field.name}" is already defined on {"view" if is_view else "model"} "{top.name}".', field.name_span)
        seen.add(field.name)


def _kind_of(obj) -> str:
    if isinstance(obj, Enum):
        return "enum"
    if isinstance(obj, CompositeType):
        return "composite type"
    return "view" if obj.is_view else "model"


def _generator(ctx: Context, block: ConfigBlock) -> None:
    values = {p.name: _python_value(p.value) for p in block.properties}
    preview = values.get("previewFeatures") or []
    ctx.schema.generators += (
        Generator(block.name, values.get("provider"), list(preview) if isinstance(preview, list) else [], values, block.span),
    )


def _datasource(ctx: Context, block: ConfigBlock) -> None:
    props = {p.name: p for p in block.properties}
    values = {name: _python_value(p.value) for name, p in props.items()}
    provider = values.get("provider")
    provider = PROVIDER_ALIASES.get(provider, provider) if isinstance(provider, str) else None
    mode = values.get("relationMode") or values.get("referentialIntegrity")
    if mode not in ("prisma", "foreignKeys"):
        mode = "prisma" if provider == "mongodb" else "foreignKeys"
    schemas = values.get("schemas") if isinstance(values.get("schemas"), list) else []
    ctx.schema.datasource = Datasource(block.name, provider, mode, schemas, block.span, props)


def _python_value(expr):
    """A config or default expression as a Python value (functions stay as FunctionCall)."""
    if isinstance(expr, StringValue):
        return expr.value
    if isinstance(expr, NumericValue):
        return expr.value
    if isinstance(expr, ConstantValue):
        return {"true": True, "false": False}.get(expr.name, expr.name)
    if isinstance(expr, ArrayValue):
        return [_python_value(i) for i in expr.items]
    return expr


# -- pass 2: field types ----------------------------------------------------------------------
def resolve_types(ctx: Context) -> None:
    """Give every field its kind: scalar, enum, relation, composite or unsupported."""
    blocks = ctx.blocks
    for obj in (*ctx.schema.models, *ctx.schema.views, *ctx.schema.composite_types):
        fields, every = [], []
        for decl in obj._ast.fields:
            field = Field(obj, decl.name, decl.type_name, decl.arity, decl.span, decl.documentation, tuple(decl.attributes))
            field._ast = decl
            _field_kind(ctx, field, decl, blocks)
            every.append(field)  # Prisma still reads the attributes of a field defined twice
            if decl.name not in obj._by_name:
                obj._by_name[decl.name] = field
                fields.append(field)
        obj.fields = tuple(fields)
        obj._all_fields = tuple(every)
    for enum in ctx.schema.enums:
        values = []
        seen = set()
        for decl in enum._ast.fields:
            if decl.name in seen:
                continue
            seen.add(decl.name)
            value = EnumValue(enum, decl.name, None, decl.documentation, decl.span)
            value._ast = decl
            values.append(value)
        enum.values = tuple(values)


def _field_kind(ctx: Context, field: Field, decl, blocks) -> None:
    if decl.unsupported is not None:
        field.kind, field.unsupported_type = "unsupported", decl.unsupported
    elif decl.type_name in SCALAR_TYPES:
        field.kind, field.scalar_type = "scalar", decl.type_name
    else:
        target = blocks.get(decl.type_name)
        if isinstance(target, Enum):
            field.kind, field.enum = "enum", target
        elif isinstance(target, CompositeType):
            field.kind, field.composite_type = "composite", target
        elif isinstance(target, Model) and not isinstance(field.model, CompositeType):
            field.kind, field.related_model = "relation", target
        else:
            ctx.error(
                f'Type "{decl.type_name}" is neither a built-in type, nor refers to another model, '
                "composite type, or enum.",
                Span(decl.type_span.file, decl.type_span.start, decl.type_span.start + len(decl.type_name)),
            )
            field.kind = "unknown"


# -- pass 3: attributes -----------------------------------------------------------------------
def resolve_attributes(ctx: Context) -> None:
    """Relation fields' attributes first, then every block in declaration order (Prisma's order)."""
    ordered = list(_in_file_order(ctx))
    for model in ordered:
        if isinstance(model, Model):
            for field in model._all_fields:
                if field.kind == "relation":
                    _relation_field_attributes(ctx, model, field)
    for obj in ordered:
        if isinstance(obj, Model):
            _model_attributes(ctx, obj)
        elif isinstance(obj, Enum):
            _enum_attributes(ctx, obj)
        else:
            _composite_type_attributes(ctx, obj)


def _in_file_order(ctx: Context):
    """Models, views, enums and composite types in declaration order, across files."""
    for ast in ctx.asts:
        for top in ast.tops:
            obj = ctx.blocks.get(top.name)
            if obj is not None and getattr(obj, "_ast", None) is top:
                yield obj


def _relation_field_attributes(ctx: Context, model: Model, field: Field) -> None:
    if not field.attributes:
        return
    v = AttributeVisitor(ctx, field.attributes)
    attribute = v.single("relation")
    if attribute is not None:
        ctx.relation_attributes[field] = Arguments(attribute)
        _visit_relation(ctx, v, model, field, attribute)
        v.done()
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


def _visit_relation(ctx: Context, v: AttributeVisitor, model: Model, field: Field, attribute) -> None:
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
        elif field.kind == "relation":
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


def _model_attributes(ctx: Context, model: Model) -> None:
    field_indexes: list[Index] = []
    state = {"id_fields": []}
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
        _model_id(ctx, v, model, attribute, container)
        v.done()
    if v.single("map") is not None:
        model.db_name = _map_name(ctx, v)
        v.done()
    if v.single("schema") is not None:
        value = v.default_arg("name")
        model.schema_name = coerce(ctx, value, "string") if value is not None else None
        model._schema_span = value.span if value is not None else None
        v.done()
    block_indexes = []
    for kind in ("index", "unique", "fulltext"):
        for attribute in v.repeated(kind):
            index = _block_index(ctx, v, model, attribute, kind)
            if index is not None:
                block_indexes.append((attribute.span.start, index))
            v.done()
    if v.single("shardKey") is not None:
        _shard_key(ctx, v, model)
        v.done()
    model._prisma_indexes = tuple(field_indexes) + tuple(i for _, i in block_indexes)
    model.indexes = tuple(field_indexes) + tuple(i for _, i in sorted(block_indexes, key=lambda p: p[0]))
    v.finish()


def _map_name(ctx: Context, v: AttributeVisitor) -> str | None:
    value = v.default_arg("name")
    if value is None:
        return None
    name = coerce(ctx, value, "string")
    if name == "":
        v.error("The `name` argument cannot be an empty string.")
        return None
    return name


def _scalar_field_attributes(ctx: Context, model: Model, field: Field, field_indexes: list, state: dict) -> None:
    if not field.attributes:
        return
    v = AttributeVisitor(ctx, field.attributes)
    names = v.by_name
    if "map" in names and v.single("map") is not None:
        field.db_name = _map_name(ctx, v)
        if field.db_name is not None:
            _mapped_name_clashes(ctx, model, field, state)
        v.done()
    if "ignore" in names and v.single("ignore") is not None:
        if field.kind == "unsupported":
            v.error(
                "Fields of type `Unsupported` cannot take an `@ignore` attribute. "
                "They are already treated as ignored by the client due to their type."
            )
        else:
            field.is_ignored = True
        v.done()
    if "relation" in names and v.single("relation") is not None:
        v.error("Invalid field type, not a relation.")
        v.done()
    attribute = v.single("id") if "id" in names else None
    if attribute is not None:
        _field_id(ctx, v, model, field, attribute, state)
        v.done()
    if "updatedAt" in names and v.single("updatedAt") is not None:
        if field.scalar_type != "DateTime":
            v.error("Fields that are marked with @updatedAt must be of type DateTime.")
        if field.is_list:
            v.error("Fields that are marked with @updatedAt cannot be lists.")
        field.is_updated_at = True
        v.done()
    attribute = v.single("default") if "default" in names else None
    if attribute is not None:
        _field_default(ctx, v, field, attribute)
        v.done()
    if field.kind == "scalar":
        attribute = v.native_type()
        if attribute is not None:
            prefix, _, type_name = attribute.name.partition(".")
            field.native_type = NativeType(type_name, tuple(_native_arg(a.value) for a in attribute.arguments), prefix)
            field._native_attribute = attribute
    attribute = v.single("unique") if "unique" in names else None
    if attribute is not None:
        db_name = _map_arg(ctx, v)
        length = _length_arg(ctx, v)
        sort = _sort_arg(ctx, v)
        clustered = _clustered_arg(ctx, v)
        field.is_unique = True
        index = Index("unique", (IndexField(field, sort, length),), None, db_name, True, attribute.span, clustered)
        index._attribute = attribute
        field_indexes.append(index)
        v.done()
    v.finish()


def _mapped_name_clashes(ctx: Context, model: Model, field: Field, state: dict) -> None:
    """A column name used twice: by two ``@map``s, or by a ``@map`` and a field not (yet) mapped."""
    mapped = state.setdefault("mapped", {})
    message = f'Field "{field.name}" is already defined on model "{model.name}".'
    if field.db_name in mapped:
        ctx.error(message, field.span)
    mapped[field.db_name] = field
    other = model._by_name.get(field.db_name)
    if other is not None and other is not field and other.kind != "relation" and other.db_name is None:
        ctx.error(message, field.span)


def _map_arg(ctx: Context, v: AttributeVisitor) -> str | None:
    value = v.optional_arg("map")
    if value is None:
        return None
    name = coerce(ctx, value, "string")
    if name == "":
        v.error("The `map` argument cannot be an empty string.")
        return None
    return name


def _length_arg(ctx: Context, v: AttributeVisitor) -> int | None:
    value = v.optional_arg("length")
    return coerce(ctx, value, "integer") if value is not None else None


def _sort_arg(ctx: Context, v: AttributeVisitor) -> str | None:
    value = v.optional_arg("sort")
    if value is None:
        return None
    sort = coerce(ctx, value, "constant")
    if sort is not None and sort not in ("Asc", "Desc"):
        v.error(f"The `sort` argument can only be `Asc` or `Desc` you provided: {sort}.")
        return None
    return sort


def _clustered_arg(ctx: Context, v: AttributeVisitor) -> bool | None:
    value = v.optional_arg("clustered")
    return coerce(ctx, value, "boolean") if value is not None else None


def _field_id(ctx: Context, v: AttributeVisitor, model: Model, field: Field, attribute, state: dict) -> None:
    db_name = _map_arg(ctx, v)
    length = _length_arg(ctx, v)
    sort = _sort_arg(ctx, v)
    clustered = _clustered_arg(ctx, v)
    field.is_id = True
    if model.primary_key is not None:
        ctx.error(
            f'Error validating model "{model.name}": At most one field must be marked as the id field with the `@id` attribute.',
            model.span,
        )
        return
    pk = PrimaryKey((field,), None, db_name, True, attribute.span, clustered)
    pk._attribute = attribute
    pk.index_fields = (IndexField(field, sort, length),)
    model.primary_key = pk


def _model_id(ctx: Context, v: AttributeVisitor, model: Model, attribute, container: str) -> None:
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
    db_name = _map_arg(ctx, v)
    clustered = _clustered_arg(ctx, v)
    if fields is None:
        return
    if model.primary_key is not None and model.primary_key.from_field_attribute:
        ctx.error(
            f'Error validating model "{model.name}": Each model must have at most one id criteria. '
            "You can't have `@id` and `@@id` at the same time.",
            model.span,
        )
        return
    if fields is not None:
        pk = PrimaryKey(tuple(f.field for f in fields), name, db_name, False, attribute.span, clustered)
        pk._attribute = attribute
        pk.index_fields = tuple(fields)
        model.primary_key = pk


def _block_index(ctx: Context, v: AttributeVisitor, model: Model, attribute, kind: str) -> Index | None:
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
                suggested = []
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
        db_name = _map_arg(ctx, v)
        name = None
        clustered = None
    elif kind == "index":
        name = _name_arg(ctx, v)
        db_name = _map_arg(ctx, v)
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
        clustered = _clustered_arg(ctx, v)
    else:
        name = _name_arg(ctx, v)
        db_name = _map_arg(ctx, v)
        if name is not None and not all(c == "_" or (c.isascii() and c.isalnum()) for c in name):
            ctx.error(
                f'Error validating model "{model.name}": The `name` property within the `@@unique` attribute only '
                "allows for the following characters: `_a-zA-Z0-9`.",
                attribute.span,
            )
        clustered = _clustered_arg(ctx, v)
    if fields is None:
        return None
    kind_name = {"unique": "unique", "index": "normal", "fulltext": "fulltext"}[kind]
    index = Index(kind_name, tuple(fields), name, db_name, False, attribute.span, clustered, index_type)
    index._attribute = attribute
    return index


def _name_arg(ctx: Context, v: AttributeVisitor) -> str | None:
    value = v.optional_arg("name")
    if value is None:
        return None
    name = coerce(ctx, value, "string")
    if name == "":
        v.error("The `name` argument cannot be an empty string.")
        return None
    return name


def _index_field_refs(ctx: Context, model: Model, expr, attribute):
    """Index fields with their arguments; ``(unknown, relation)`` on failure; None when already reported."""
    items = expr.items if isinstance(expr, ArrayValue) else [expr]
    refs = []
    for item in items:
        if isinstance(item, ConstantValue):
            refs.append((item.name, {}))
        elif isinstance(item, FunctionCall):
            args = {}
            for arg in item.arguments:
                if arg.name is None or arg.value is None:
                    continue
                args[arg.name] = arg.value
                args["_span_" + arg.name] = arg.span
            refs.append((item.name, args))
        else:
            ctx.error(f"Expected a constant value, but received {_describe(item)} value `{render(item)}`.", item.span)
            return None
    out, unknown, relation, seen = [], [], [], set()
    for name, args in refs:
        path = name.split(".")
        field = model._by_name.get(path[0])
        if field is None:
            unknown.append(path[0] if len(path) > 1 else name)
            continue
        if field.kind == "relation":
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
            kind = "literal" if isinstance(length, ConstantValue) else _describe(length)
            ctx.error(f"Expected a numeric value, but received {kind} value `{render(length)}`.", length.span)
            length = None
        out.append(IndexField(
            field, sort.name if sort is not None else None, int(length.text) if length is not None else None,
            args.get("ops"), path if len(path) > 1 else None,
        ))
    if unknown or relation:
        return unknown, relation
    return out


def _describe(expr) -> str:
    from relviz.schema.attributes import describe

    return describe(expr)


def _shard_key(ctx: Context, v: AttributeVisitor, model: Model) -> None:
    expr = v.default_arg("fields")
    if expr is None:
        return
    names = coerce_array(ctx, expr, "constant")
    if names is None:
        return
    for name in names:
        field = model._by_name.get(name)
        if field is not None and field.kind == "relation":
            ctx.error(
                f'Error validating model "{model.name}": The shard key definition refers to the relation field '
                f"`{name}`. Shard key definitions must reference only scalar fields.",
                v.current.span,
            )


# -- @default ---------------------------------------------------------------------------------
_LITERAL_KIND = {
    "String": StringValue, "Json": StringValue, "Bytes": StringValue, "DateTime": StringValue,
    "Int": NumericValue, "BigInt": NumericValue, "Float": NumericValue, "Decimal": NumericValue,
}
_FUNCTION_TYPES = {
    "autoincrement": ("Int", "BigInt"), "sequence": ("Int", "BigInt"), "now": ("DateTime",),
    "uuid": ("String",), "cuid": ("String",), "nanoid": ("String",), "ulid": ("String",),
}


def _field_default(ctx: Context, v: AttributeVisitor, field: Field, attribute) -> None:
    expr = v.default_arg("value")
    db_name = _map_arg(ctx, v)
    if expr is None:
        return
    if isinstance(expr, FunctionCall):
        field.default = DefaultValue(expr.name, tuple(_python_value(a.value) for a in expr.arguments), None, db_name, expr)
    else:
        field.default = DefaultValue(None, (), _python_value(expr), db_name, expr)
    if field.kind == "scalar":
        _check_scalar_default(ctx, v, field, expr)
    elif field.kind == "enum":
        _check_enum_default(ctx, v, field, expr)
    elif field.kind == "unsupported" and not (isinstance(expr, FunctionCall) and expr.name == "dbgenerated"):
        v.error('Only @default(dbgenerated("...")) can be used for Unsupported types.')


_NO_ARGUMENT_FUNCTIONS = ("now", "autoincrement", "ulid", "auto")


def _check_scalar_default(ctx: Context, v: AttributeVisitor, field: Field, expr) -> None:
    scalar = field.scalar_type
    if isinstance(expr, FunctionCall):
        if expr.name in _NO_ARGUMENT_FUNCTIONS and expr.arguments:
            v.error(
                f"The `{expr.name}` function does not take any argument. Consider changing this default to `{expr.name}()`."
            )
            return
        allowed = _FUNCTION_TYPES.get(expr.name)
        if allowed is not None and scalar not in allowed:
            v.error(f"The function `{expr.name}()` cannot be used on fields of type `{scalar}`.")
            return
        _check_function_arguments(v, expr)
        return
    if field.is_list and not isinstance(expr, ArrayValue):
        v.error("The default value of a list field must be a list.")
        return
    if isinstance(expr, ArrayValue):
        if not field.is_list:
            return
        for item in expr.items:
            if not _literal_matches(scalar, item):
                v.error(f"Expected a {scalar} value, but found `{render(item)}`.")
                return
        return
    if not _literal_matches(scalar, expr):
        v.error(f"Expected a {scalar} value, but found `{render(expr)}`.")


_VERSIONS = {"uuid": ("4", "7"), "cuid": ("1", "2")}


def _check_function_arguments(v: AttributeVisitor, call) -> None:
    """``uuid(4|7)``, ``cuid(1|2)``, ``nanoid(n)``, ``dbgenerated("...")``."""
    args = [a.value for a in call.arguments]
    name = call.name
    if name in _VERSIONS:
        if args and not (len(args) == 1 and isinstance(args[0], NumericValue) and args[0].text in _VERSIONS[name]):
            first, second = _VERSIONS[name]
            v.error(f"`{name}()` takes either no argument, or a single integer argument which is either {first} or {second}.")
    elif name == "nanoid":
        if args and not (len(args) == 1 and isinstance(args[0], NumericValue) and "." not in args[0].text):
            v.error("`nanoid()` takes a single Int argument.")
    elif name == "dbgenerated":
        if args and not (len(args) == 1 and isinstance(args[0], StringValue)):
            v.error("`dbgenerated()` takes a single String argument")


def _literal_matches(scalar: str, expr) -> bool:
    if scalar == "Boolean":
        return isinstance(expr, ConstantValue) and expr.name in ("true", "false")
    if scalar in ("Int", "BigInt"):
        return isinstance(expr, NumericValue)
    if scalar == "Decimal":
        return isinstance(expr, (NumericValue, StringValue))
    kind = _LITERAL_KIND.get(scalar)
    return kind is None or isinstance(expr, kind)


def _check_enum_default(ctx: Context, v: AttributeVisitor, field: Field, expr) -> None:
    if field.is_list and not isinstance(expr, (ArrayValue, FunctionCall)):
        v.error(f"Expected an enum value, but found `{render(expr)}`.")
        return
    items = expr.items if isinstance(expr, ArrayValue) and field.is_list else [expr]
    names = {value.name for value in field.enum.values}
    for item in items:
        if isinstance(item, ConstantValue):
            if item.name not in names:
                v.error(
                    f"The defined default value `{item.name}` is not a valid value of the enum specified for the field."
                )
                return
        elif not isinstance(item, FunctionCall):
            v.error(f"Expected an enum value, but found `{render(item)}`.")
            return


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
            value.db_name = _map_name(ctx, v)
            v.done()
        v.finish()
    v = AttributeVisitor(ctx, enum._ast.attributes)
    if v.single("map") is not None:
        enum.db_name = _map_name(ctx, v)
        v.done()
    if v.single("schema") is not None:
        value = v.default_arg("name")
        enum.schema_name = coerce(ctx, value, "string") if value is not None else None
        enum._schema_span = value.span if value is not None else None
        v.done()
    v.finish()


def _composite_type_attributes(ctx: Context, ct: CompositeType) -> None:
    for field in ct.fields:
        v = AttributeVisitor(ctx, field.attributes)
        if field.kind == "scalar":
            attribute = v.native_type()
            if attribute is not None:
                prefix, _, type_name = attribute.name.partition(".")
                field.native_type = NativeType(type_name, tuple(_native_arg(a.value) for a in attribute.arguments), prefix)
                field._native_attribute = attribute
        if v.single("map") is not None:
            field.db_name = _map_name(ctx, v)
            v.done()
        attribute = v.single("default")
        if attribute is not None:
            _field_default(ctx, v, field, attribute)
            v.done()
        v.finish()
