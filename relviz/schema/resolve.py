"""Resolution passes, in Prisma's order: names, field types, attributes; then relations.

Each pass reads the syntax tree and fills the model objects of :mod:`relviz.schema.model`,
adding Prisma's diagnostics to ``ctx.diagnostics`` instead of raising.
"""

from __future__ import annotations

from relviz.errors import Diagnostic
from relviz.schema.attributes import Arguments, field_refs, string_arg
from relviz.schema.model import (
    SCALAR_TYPES, CompositeType, Datasource, DefaultValue, Enum, EnumValue, Field, Generator, Index,
    IndexField, Model, NativeType, PrimaryKey,
)
from relviz.syntax.nodes import ArrayValue, Block, ConfigBlock, ConstantValue, FunctionCall, NumericValue, StringValue

__all__ = ["Context", "resolve_names", "resolve_types", "resolve_attributes"]

PROVIDER_ALIASES = {"postgres": "postgresql"}
FIELD_ATTRIBUTES = frozenset(("id", "unique", "default", "map", "relation", "updatedAt", "ignore", "shardKey"))
BLOCK_ATTRIBUTES = frozenset(("id", "unique", "index", "fulltext", "map", "schema", "ignore", "shardKey"))


class Context:
    """What the passes share: the files' syntax trees, the objects made so far, the diagnostics."""

    def __init__(self, schema, asts):
        self.schema = schema
        self.asts = asts
        self.diagnostics: list[Diagnostic] = []
        self.blocks: dict[str, object] = {}  # top-level name -> Model | Enum | CompositeType
        self.relation_attributes: dict[Field, Arguments] = {}

    def error(self, message: str, span) -> None:
        self.diagnostics.append(Diagnostic(message, span.file, span.start, span.end))

    def warning(self, message: str, span) -> None:
        self.diagnostics.append(Diagnostic(message, span.file, span.start, span.end, is_warning=True))

    @property
    def has_errors(self) -> bool:
        return any(not d.is_warning for d in self.diagnostics)


# -- pass 1: names ----------------------------------------------------------------------------
_KIND_WORD = {"model": "model", "view": "view", "type": "composite type", "enum": "enum"}


def resolve_names(ctx: Context) -> None:
    """Make a Model, Enum or CompositeType per block; report names defined twice."""
    schema = ctx.schema
    models, views, enums, types = [], [], [], []
    for ast in ctx.asts:
        for top in ast.tops:
            if isinstance(top, ConfigBlock):
                _config_block(ctx, top)
                continue
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


def _kind_of(obj) -> str:
    if isinstance(obj, Enum):
        return "enum"
    if isinstance(obj, CompositeType):
        return "composite type"
    return "view" if obj.is_view else "model"


def _config_block(ctx: Context, block: ConfigBlock) -> None:
    props = {p.name: p for p in block.properties}
    values = {name: _python_value(p.value) for name, p in props.items()}
    if block.keyword == "generator":
        preview = values.get("previewFeatures") or []
        ctx.schema.generators += (
            Generator(block.name, values.get("provider"), list(preview) if isinstance(preview, list) else [], values, block.span),
        )
        return
    if ctx.schema.datasource is not None:
        ctx.error(
            f'You defined more than one datasource. This is not allowed yet because support for multiple databases has not been implemented yet.',
            block.name_span,
        )
        return
    provider = values.get("provider")
    provider = PROVIDER_ALIASES.get(provider, provider)
    mode = values.get("relationMode") or values.get("referentialIntegrity")
    if mode is None:
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
        fields = []
        for decl in obj._ast.fields:
            if decl.name in obj._by_name:
                ctx.error(f'Field "{decl.name}" is already defined on {_owner_word(obj)} "{obj.name}".', decl.name_span)
                continue
            field = Field(obj, decl.name, decl.type_name, decl.arity, decl.span, decl.documentation, tuple(decl.attributes))
            field._ast = decl
            _field_kind(ctx, field, decl, blocks)
            obj._by_name[decl.name] = field
            fields.append(field)
        obj.fields = tuple(fields)
    for enum in ctx.schema.enums:
        values = []
        for decl in enum._ast.fields:
            value = EnumValue(enum, decl.name, None, decl.documentation, decl.span)
            value._ast = decl
            values.append(value)
        enum.values = tuple(values)


def _owner_word(obj) -> str:
    return "composite type" if isinstance(obj, CompositeType) else ("view" if obj.is_view else "model")


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
        elif isinstance(target, Model):
            field.kind, field.related_model = "relation", target
        else:
            ctx.error(
                f'Type "{decl.type_name}" is neither a built-in type, nor refers to another model, '
                "composite type, or enum.",
                decl.type_span,
            )
            field.kind = "unknown"


# -- pass 3: attributes -----------------------------------------------------------------------
def resolve_attributes(ctx: Context) -> None:
    """Read field attributes, then block attributes, for every model, view, type and enum."""
    for obj in (*ctx.schema.models, *ctx.schema.views, *ctx.schema.composite_types):
        field_indexes: list[Index] = []
        for field in obj.fields:
            _field_attributes(ctx, obj, field, field_indexes)
        if not isinstance(obj, CompositeType):
            _block_attributes(ctx, obj, field_indexes)
    for enum in ctx.schema.enums:
        for value in enum.values:
            for attr in value._ast.attributes:
                if attr.name == "map":
                    value.db_name = string_arg(Arguments(attr), "name", 0)
        for attr in enum._ast.attributes:
            if attr.name == "map":
                enum.db_name = string_arg(Arguments(attr), "name", 0)
            elif attr.name == "schema":
                enum.schema_name = string_arg(Arguments(attr), "name", 0)


def _field_attributes(ctx: Context, obj, field: Field, field_indexes: list) -> None:
    for attr in field.attributes:
        name = attr.name
        args = Arguments(attr)
        if name == "id":
            field.is_id = True
            if isinstance(obj, Model) and obj.primary_key is None:
                pk = PrimaryKey((field,), None, string_arg(args, "map"), True, attr.span, _bool(args.value("clustered")))
                pk.index_fields = (IndexField(field, _const(args.value("sort")), _int(args.value("length"))),)
                obj.primary_key = pk
        elif name == "unique":
            field.is_unique = True
            field_indexes.append(
                Index(
                    "unique", (IndexField(field, _const(args.value("sort")), _int(args.value("length"))),),
                    None, string_arg(args, "map"), True, attr.span, _bool(args.value("clustered")),
                )
            )
        elif name == "default":
            field.default = _default(args)
        elif name == "map":
            field.db_name = string_arg(args, "name", 0)
        elif name == "updatedAt":
            field.is_updated_at = True
        elif name == "ignore":
            field.is_ignored = True
        elif name == "relation":
            ctx.relation_attributes[field] = args
        elif "." in name:
            prefix, _, type_name = name.partition(".")
            field.native_type = NativeType(type_name, tuple(_native_arg(a.value) for a in attr.arguments), prefix)
        elif name not in FIELD_ATTRIBUTES:
            ctx.error(f'Attribute not known: "@{name}".', attr.name_span)


def _native_arg(value) -> str:
    if isinstance(value, StringValue):
        return value.value
    if isinstance(value, NumericValue):
        return value.text
    return repr(value)


def _default(args: Arguments) -> DefaultValue:
    expr = args.value("value", 0)
    db_name = string_arg(args, "map")
    if isinstance(expr, FunctionCall):
        return DefaultValue(expr.name, tuple(_python_value(a.value) for a in expr.arguments), None, db_name, expr)
    return DefaultValue(None, (), _python_value(expr), db_name, expr)


def _const(value) -> str | None:
    return value.name if isinstance(value, ConstantValue) else None


def _int(value) -> int | None:
    return int(value.text) if isinstance(value, NumericValue) and "." not in value.text else None


def _bool(value) -> bool | None:
    if isinstance(value, ConstantValue) and value.name in ("true", "false"):
        return value.name == "true"
    return None


def _block_attributes(ctx: Context, model: Model, field_indexes: list) -> None:
    ast: Block = model._ast
    model.attributes = tuple(ast.attributes)
    indexes = list(field_indexes)
    for attr in ast.attributes:
        name = attr.name
        args = Arguments(attr)
        if name == "map":
            model.db_name = string_arg(args, "name", 0)
        elif name == "schema":
            model.schema_name = string_arg(args, "name", 0)
        elif name == "ignore":
            model.is_ignored = True
        elif name == "id":
            fields = _index_fields(ctx, model, args, attr)
            if fields is not None and model.primary_key is None:
                pk = PrimaryKey(
                    tuple(f.field for f in fields), string_arg(args, "name"), string_arg(args, "map"), False,
                    attr.span, _bool(args.value("clustered")),
                )
                pk.index_fields = tuple(fields)
                model.primary_key = pk
        elif name in ("unique", "index", "fulltext"):
            fields = _index_fields(ctx, model, args, attr)
            if fields is not None:
                kind = {"unique": "unique", "index": "normal", "fulltext": "fulltext"}[name]
                indexes.append(
                    Index(
                        kind, tuple(fields), string_arg(args, "name"), string_arg(args, "map"), False, attr.span,
                        _bool(args.value("clustered")), _const(args.value("type")),
                    )
                )
        elif name not in BLOCK_ATTRIBUTES:
            ctx.error(f'Attribute not known: "@@{name}".', attr.name_span)
    model.indexes = tuple(indexes)


def _index_fields(ctx: Context, model: Model, args: Arguments, attr) -> list[IndexField] | None:
    refs = field_refs(args.value("fields", 0))
    if refs is None:
        return None
    fields = []
    for ref_name, ref_args, node in refs:
        path = ref_name.split(".")
        field = model._by_name.get(path[0])
        if field is None:
            return None
        fields.append(
            IndexField(field, _const(ref_args.get("sort")), _int(ref_args.get("length")), ref_args.get("ops"), path if len(path) > 1 else None)
        )
    return fields
