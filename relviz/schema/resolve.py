"""Resolution passes, in Prisma's order: names, field types, attributes; then relations.

Each pass reads the syntax tree and fills the model objects of :mod:`relviz.schema.model`,
adding Prisma's diagnostics to ``ctx.diagnostics`` instead of raising. Attributes are read
as Prisma's ``parser-database`` reads them: relation fields first, then each block in order
(scalar fields, then the block's ``@@`` attributes), each attribute visited by name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final

from relviz.errors import Diagnostic
from relviz.schema.attributes import Arguments
from relviz.schema.model import SCALAR_TYPES, CompositeType, Datasource, Enum, EnumValue, Field, Generator, Model
from relviz.syntax.nodes import (
    ArrayValue, Attribute, Block, ConfigBlock, ConstantValue, EnumValueDecl, FieldDecl, NumericValue, SchemaFileAst, Span,
    StringValue,
)

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.relations import PrismaRelation
    from relviz.schema.rules.connector import Connector
    from relviz.schema.rules.constraints import ConstraintNames

__all__ = [
    "NOT_SCALAR_KINDS", "Context", "RelationAttribute", "in_declaration_order", "python_value", "resolve_names",
    "resolve_types", "resolve_attributes",
]

PROVIDER_ALIASES = {"postgres": "postgresql"}
_SCALARS: Final = frozenset(SCALAR_TYPES)
_RESERVED_SCALARS: Final = _SCALARS
# A field whose type names nothing ("unknown") is a relation field to Prisma's later checks:
# `fields:`, `@@id`, `@@index` and `@map` clashes treat it as one, never as a scalar.
NOT_SCALAR_KINDS: Final = ("relation", "unknown")


class Context:
    """What the passes share: the files' syntax trees, the objects made so far, the diagnostics."""

    # Filled by relation inference (relviz.schema.relations), then by the validation stage
    # (declared, not given defaults: each is set before any pass reads it).
    prisma_relations: list[PrismaRelation]
    connector: Connector
    preview_features: set[str]
    models_in_order: list[Model]
    relations_from: dict[Model, list[PrismaRelation]]
    constraint_names: ConstraintNames

    def __init__(self, schema: Any, asts: list[SchemaFileAst]):
        self.schema = schema
        self.asts = asts
        self.diagnostics: list[Diagnostic] = []
        self.blocks: dict[str, Any] = {}  # top-level name -> Model | Enum | CompositeType
        self.relation_attributes: dict[Field, Arguments] = {}
        self.relation_info: dict[Field, RelationAttribute] = {}
        self.datasource_blocks: list[ConfigBlock] = []
        self.duplicates: dict = {}  # id(syntax block) -> the object of a block whose name was taken
        self.generator_blocks: list[ConfigBlock] = []
        self.unique_name_sets: dict = {}  # model -> its unique criteria's sorted field names (relation rules)

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

    def __init__(self, attribute: Attribute):
        self.attribute = attribute
        self.name: str | None = None
        self.fields: list[Field] | None = None  # (None: no `fields:` argument)
        self.references: list[Field] | None = None
        self.on_delete: str | None = None
        self.on_update: str | None = None
        self.on_delete_span: Span | None = None
        self.on_update_span: Span | None = None
        self.on_delete_argument_span: Span | None = None
        self.on_update_argument_span: Span | None = None
        self.map: str | None = None
        self.fields_span: Span | None = None


# Names a model, view or enum cannot take: the generated client would not compile (JavaScript's
# keywords, and PrismaClient).
RESERVED_NAMES = frozenset((
    "PrismaClient", "async", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
    "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements",
    "import", "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public",
    "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
))


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


def _attribute_identifiers(ctx: Context, attributes: list[Attribute]) -> None:
    for attribute in attributes:
        name = attribute.name
        if not name or name[0].isnumeric() or "-" in name:
            _identifier(ctx, name, attribute.name_span, "Attribute")


def resolve_names(ctx: Context) -> None:
    """Make a Model, Enum or CompositeType per block; report names defined twice."""
    schema = ctx.schema
    models: list[Model] = []
    views: list[Model] = []
    enums: list[Enum] = []
    types: list[CompositeType] = []
    config_names: dict[str, dict] = {"datasource": {}, "generator": {}}
    for ast in ctx.asts:
        for top in ast.tops:
            if top.name in _RESERVED_SCALARS:
                ctx.error(f'"{top.name}" is a reserved scalar type name and cannot be used.', top.name_span)
            if isinstance(top, ConfigBlock):
                seen = set()
                for prop in top.properties:
                    if prop.name in seen:
                        where = "source" if top.keyword == "datasource" else top.keyword
                        ctx.error(f'Key "{prop.name}" is already defined in {where} "{top.name}".', prop.name_span)
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
            obj = _new_block(top, schema)
            obj._ast = top
            existing = ctx.blocks.get(top.name)
            if existing is not None:
                ctx.error(
                    f'The {_KIND_WORD[top.keyword]} "{top.name}" cannot be defined because a '
                    f"{_kind_of(existing)} with that name already exists.",
                    top.name_span,
                )
                # As in Prisma's table of names, the last block of a name is the one field types
                # resolve to; the earlier one is still read (its attributes), kept aside.
                ctx.duplicates[id(existing._ast)] = existing
                for found in (models, views, enums, types):
                    if existing in found:
                        found.remove(existing)
            if top.keyword == "enum":
                enums.append(obj)
            elif top.keyword == "type":
                types.append(obj)
            else:
                (views if obj.is_view else models).append(obj)
            ctx.blocks[top.name] = obj
    schema.models, schema.views, schema.enums, schema.composite_types = (
        tuple(models), tuple(views), tuple(enums), tuple(types),
    )
    for block in ctx.datasource_blocks[:1]:
        _datasource(ctx, block)
    for block in ctx.generator_blocks:
        _generator(ctx, block)


def _new_block(top: Block, schema):
    if top.keyword == "enum":
        return Enum(top.name, top.span, top.documentation)
    if top.keyword == "type":
        return CompositeType(top.name, top.span, top.documentation)
    return Model(top.name, top.keyword == "view", top.span, top.documentation, schema)


def _check_block_names(ctx: Context, top: Block) -> None:
    """Identifier rules and duplicates inside one block (fields, enum values)."""
    field: FieldDecl
    value: EnumValueDecl
    keyword = top.keyword
    if keyword == "enum":
        _identifier(ctx, top.name, top.name_span, "Enum")
        if top.name in RESERVED_NAMES:
            ctx.error(
                f"Error validating enum `{top.name}`: The enum name `{top.name}` is invalid. It is a reserved name. "
                "Please change it. Read more at "
                "https://www.prisma.io/docs/reference/tools-and-interfaces/prisma-schema/data-model#naming-enums",
                top.span,
            )
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
    if top.name in RESERVED_NAMES:
        ctx.error(
            f'Error validating model "{top.name}": The {keyword} name `{top.name}` is invalid. It is a reserved name. '
            "Please change it. Read more at https://pris.ly/d/naming-models",
            top.span,
        )
    _attribute_identifiers(ctx, top.attributes)
    seen = set()
    for field in top.fields:
        name = field.name
        if not name or name[0].isnumeric() or "-" in name:  # the span only when there is an error
            _identifier(ctx, name, field.name_span, "field" if is_view else "Field")
        for attribute in field.attributes:
            attribute_name = attribute.name
            if not attribute_name or attribute_name[0].isnumeric() or "-" in attribute_name:
                _identifier(ctx, attribute_name, attribute.name_span, "Attribute")
        if name in seen:
            ctx.error(f'Field "{name}" is already defined on {"view" if is_view else "model"} "{top.name}".', field.name_span)
        seen.add(name)


def _kind_of(obj) -> str:
    if isinstance(obj, Enum):
        return "enum"
    if isinstance(obj, CompositeType):
        return "composite type"
    return "view" if obj.is_view else "model"


def _generator(ctx: Context, block: ConfigBlock) -> None:
    values = {p.name: python_value(p.value) for p in block.properties}
    preview = values.get("previewFeatures") or []
    ctx.schema.generators += (
        Generator(block.name, values.get("provider"), list(preview) if isinstance(preview, list) else [], values, block.span),
    )


def _datasource(ctx: Context, block: ConfigBlock) -> None:
    props = {p.name: p for p in block.properties}
    values = {name: python_value(p.value) for name, p in props.items()}
    provider = values.get("provider")
    provider = PROVIDER_ALIASES.get(provider, provider) if isinstance(provider, str) else None
    mode = values.get("relationMode") or values.get("referentialIntegrity")
    if mode not in ("prisma", "foreignKeys"):
        mode = "prisma" if provider == "mongodb" else "foreignKeys"
    schemas = values.get("schemas")
    if not isinstance(schemas, list):
        schemas = []
    ctx.schema.datasource = Datasource(block.name, provider, mode, schemas, block.span, props)


def python_value(expr):
    """A config or default expression as a Python value (functions stay as FunctionCall)."""
    if isinstance(expr, StringValue):
        return expr.value
    if isinstance(expr, NumericValue):
        return expr.value
    if isinstance(expr, ConstantValue):
        return {"true": True, "false": False}.get(expr.name, expr.name)
    if isinstance(expr, ArrayValue):
        return [python_value(i) for i in expr.items]
    return expr


def in_declaration_order(ctx: Context) -> Iterator[Model | Enum | CompositeType]:
    """Models, views, enums and composite types (those whose name was taken too) in declaration
    order, across files: the order in which Prisma's passes walk them."""
    for ast in ctx.asts:
        for top in ast.tops:
            obj = ctx.blocks.get(top.name)
            if obj is not None and obj._ast is top:
                yield obj
            elif id(top) in ctx.duplicates:
                yield ctx.duplicates[id(top)]


# -- pass 2: field types ----------------------------------------------------------------------
def resolve_types(ctx: Context) -> None:
    """Give every field its kind: scalar, enum, relation, composite or unsupported (and report
    an enum without values on the way, where Prisma does)."""
    blocks = ctx.blocks
    for obj in in_declaration_order(ctx):
        if isinstance(obj, Enum):
            if not obj._ast.fields:
                ctx.error("Error validating: An enum must have at least one value.", obj._ast.span)
            continue
        fields: list[Field] = []
        every: list[Field] = []
        by_name = obj._by_name
        decl: FieldDecl
        for decl in obj._ast.fields:
            field = Field(obj, decl)
            type_name = decl.type_name
            if type_name in _SCALARS and decl.unsupported is None:
                field.kind, field.scalar_type = "scalar", type_name
            else:
                _field_kind(ctx, field, decl, blocks)
            every.append(field)  # Prisma still reads the attributes of a field defined twice
            if decl.name not in by_name:
                fields.append(field)
            by_name[decl.name] = field  # and a name defined twice stands for its last field
        obj.fields = tuple(fields)
        obj._all_fields = tuple(every)
    for enum in [*ctx.schema.enums, *[d for d in ctx.duplicates.values() if isinstance(d, Enum)]]:
        values = []
        seen = set()
        value_decl: EnumValueDecl
        for value_decl in enum._ast.fields:
            if value_decl.name in seen:
                continue
            seen.add(value_decl.name)
            value = EnumValue(enum, value_decl.name, None, value_decl.documentation, value_decl.span)
            value._ast = value_decl
            values.append(value)
        enum.values = tuple(values)


def _field_kind(ctx: Context, field: Field, decl: FieldDecl, blocks: dict[str, Any]) -> None:
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
            suggestion = _type_suggestion(decl.type_name, blocks)
            ctx.error(
                f'Type "{decl.type_name}" is neither a built-in type, nor refers to another model, '
                "composite type, or enum." + (f' Did you mean "{suggestion}"?' if suggestion else ""),
                Span(decl.type_span.file, decl.type_span.start, decl.type_span.start + len(decl.type_name)),
            )
            field.kind = "unknown"


_SCALARS_BY_LOWER = {name.lower(): name for name in SCALAR_TYPES}


def _type_suggestion(name: str, blocks) -> str | None:
    """Prisma's "Did you mean": a scalar type spelled in other letter cases (``datetime``), or a
    block whose name in lower case is what was written (``userkind`` for ``UserKind``, but
    nothing for ``userKind``)."""
    scalar = _SCALARS_BY_LOWER.get(name.lower())
    if scalar is not None:
        return scalar
    return next((block for block in blocks if block.lower() == name), None)


# -- pass 3: attributes (in relviz.schema.attribute_pass) -------------------------------------
def resolve_attributes(ctx: Context) -> None:
    """Relation fields' attributes first, then every block in declaration order (Prisma's order)."""
    from relviz.schema.attribute_pass import resolve_attributes as run

    run(ctx)
