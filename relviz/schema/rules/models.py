"""Rules per model and view, in Prisma's order: the model, its scalar fields, its relation
fields (ambiguity stops everything), its indexes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.rules import constraints, defaults
from relviz.schema.rules import fields as field_rules
from relviz.schema.rules.postgres_indexes import postgres_indexes
from relviz.schema.rules.relation_fields import (
    constraint_name_too_long, ignored_related_model, missing_relation_index, mongodb_native_types, referential_actions,
    relation_is_unambiguous, relation_map, relation_names,
)

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Index, Model
    from relviz.schema.resolve import Context

__all__ = ["validate_models"]

VALIDATING = "Error validating: "


def validate_models(ctx: Context) -> bool:
    """Every model and view in declaration order; False when an ambiguous relation stopped validation."""
    names = relation_names(ctx)
    features = ctx.preview_features
    database_name_clashes(ctx)
    ctx.constraint_names = constraints.ConstraintNames(ctx)
    for model in ctx.models_in_order:
        if model.is_view and "views" not in features:
            ctx.error(f"{VALIDATING}View definitions are only available with the `views` preview feature.", model.span)
        has_a_strict_unique_criteria(ctx, model)
        if not model.is_view:  # (a view's keys and indexes get the view checks below instead)
            constraints.primary_key_name_is_unique(ctx, model)  # (a view's name still counts for others)
            field_rules.primary_key_supported(ctx, model)
            primary_key_arguments_supported(ctx, model)
            only_one_fulltext_index(ctx, model)
        schemas(ctx, model, "model")
        if not model.is_view:
            key_column_types(ctx, model)
        field_rules.mongodb_scalar_fields(ctx, model)
        if model.is_view:
            views_have_no_primary_key(ctx, model)
            view_indexes(ctx, model)
        else:
            field_rules.mongodb_indexes(ctx, model)
            for field in model.fields:
                if field.default is not None:
                    field_rules.cockroach_autoincrement(ctx, field)
            inverted_indexes(ctx, model)
            postgres_indexes(ctx, model)
            field_rules.autoincrement(ctx, model)
        taken = _client_names(model)
        for field in model.fields:
            if field.kind != "relation":
                if field.is_list or field.scalar_type in ("Json", "Decimal"):
                    field_rules.scalar_field_supported(ctx, field)
                if field.name in taken:
                    client_name_is_free(ctx, model, field, taken)
                if field.native_type is not None:
                    field_rules.native_type_arguments(ctx, field)
                if field.default is not None:
                    defaults.default_value_parses(ctx, field)
                    if field.default.function is not None:
                        field_rules.default_function_supported(ctx, field)
        for field in model.fields:
            if field.kind == "relation":
                if not relation_is_unambiguous(ctx, model, field, names):
                    return False
                if field.name in taken:
                    client_name_is_free(ctx, model, field, taken)
                ignored_related_model(ctx, model, field)
                referential_actions(ctx, field)
                relation_map(ctx, model, field)
                missing_relation_index(ctx, model, field)
                mongodb_native_types(ctx, field)
        if model.is_view:  # (its indexes had the view checks above)
            continue
        for index in model._prisma_indexes:
            index_has_fields(ctx, index)
            constraints.index_name_is_unique(ctx, model, index)
            index_length_supported(ctx, index)
            if index.index_type is not None:
                index_type_supported(ctx, index)
            fulltext_supported(ctx, index)
            mapped_name_is_not_too_long(ctx, model, index)
    if ctx.connector.provider not in ("sqlserver",):
        enum_database_name_clashes(ctx)
    for enum in ctx.schema.enums:
        if ctx.connector.provider == "sqlserver":
            ctx.error(f"{VALIDATING}You defined the enum `{enum.name}`. But the current connector does not support enums.", enum.span)
        schemas(ctx, enum, "enum")
    return True


def _client_names(model: Model) -> dict[str, list[str]]:
    """The names (``name:``) the model's ``@@index``, ``@@unique`` and ``@@id`` give their criteria
    in the client -> the attributes giving each."""
    taken: dict[str, list[str]] = {}
    for index in model.indexes:
        if index.name is not None and not index.from_field_attribute:
            taken.setdefault(index.name, []).append("@@unique" if index.kind == "unique" else "@@index")
    pk = model.primary_key
    if pk is not None and pk.name is not None and not pk.from_field_attribute:
        taken.setdefault(pk.name, []).append("@@id")
    return taken


def client_name_is_free(ctx: Context, model: Model, field, taken: dict[str, list[str]]) -> None:
    """A field's name is no name of a compound criterion in the client."""
    container = "view" if model.is_view else "model"
    for attribute in taken[field.name]:
        ctx.error(
            f'Error validating {container} "{model.name}": The custom name `{field.name}` specified for the '
            f"`{attribute}` attribute is already used as a name for a field. Please choose a different name.",
            model.span,
        )


_MULTI_SCHEMA = ("postgresql", "cockroachdb", "sqlserver")


def schemas(ctx: Context, block, kind: str) -> None:
    """``@@schema("x")``: only where the database has schemas, only schemas the datasource lists, on every block if any."""
    datasource = ctx.schema.datasource
    span = block._schema_span
    supported = ctx.connector.provider in _MULTI_SCHEMA
    if block.schema_name is not None and span is not None:
        if not supported:
            ctx.error("@@schema is not supported on the current datasource provider", span)
        elif datasource is None or block.schema_name not in datasource.schemas:
            ctx.error(
                "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema",
                span,
            )
    elif supported and datasource is not None and datasource.schemas and getattr(block, "schema_name", None) is None:
        if kind == "model":
            container = "view" if block.is_view else "model"
            ctx.error(f'Error validating {container} "{block.name}": This {container} is missing an `@@schema` attribute.', block.span)
        else:
            ctx.error("This enum is missing an `@@schema` attribute.", block.span)


_MYSQL_LONG_TYPES = frozenset(("Text", "LongText", "MediumText", "TinyText", "Blob", "TinyBlob", "MediumBlob", "LongBlob"))
_SQLSERVER_HEAP_TYPES = frozenset(("Text", "NText", "Image", "Xml"))
_SQLSERVER_MAX_TYPES = frozenset(("VarChar", "NVarChar", "VarBinary"))


def _mysql_long_type(index_field) -> str | None:
    """A TEXT or BLOB type that MySQL indexes only with a prefix ``length``."""
    native = index_field.field.native_type
    if native is not None and native.name in _MYSQL_LONG_TYPES and index_field.length is None:
        return native.name
    return None


def _sqlserver_heap_type(index_field) -> str | None:
    """A type SQL Server keeps off the row, so that no key can use it."""
    native = index_field.field.native_type
    if native is None:
        return None
    if native.name in _SQLSERVER_HEAP_TYPES and not native.args:
        return native.name
    if native.name in _SQLSERVER_MAX_TYPES and native.args == ("Max",):
        return f"{native.name}(Max)"
    return None


_UNFIT_KEY_TYPES = {
    "mysql": ("MySQL", _mysql_long_type, " Please use the `length` argument to the field in the index definition to allow this."),
    "sqlserver": ("SQL Server", _sqlserver_heap_type, ""),
}


def key_column_types(ctx: Context, model: Model) -> None:
    """Keys on column types the database cannot index: MySQL's TEXT/BLOB without a ``length``,
    SQL Server's ``Text``, ``NText``, ``Image``, ``Xml`` and ``(Max)`` types, and on SQL Server
    no ``Bytes`` in a primary key (the first unfit field of the key is reported)."""
    unfit = _UNFIT_KEY_TYPES.get(ctx.connector.provider or "")
    if unfit is None:
        return
    database, unfit_type, hint = unfit
    for index in model._prisma_indexes:
        name = next(filter(None, map(unfit_type, index.fields)), None)
        if name is None:
            continue
        if index.kind == "unique":
            ctx.error(f"Native type `{name}` cannot be unique in {database}.{hint}", index.span)
        else:
            ctx.error(f"You cannot define an index on fields with native type `{name}` of {database}.{hint}", index.span)
    pk = model.primary_key
    for index_field in pk.index_fields if pk is not None else ():
        name = unfit_type(index_field)
        if name is not None:
            ctx.error(f"Native type `{name}` of {database} cannot be used on a field that is `@id` or `@@id`.{hint}", pk.span)
            return
        if ctx.connector.provider == "sqlserver" and index_field.field.scalar_type == "Bytes":
            ctx.error("Invalid model: Using Bytes type is not allowed in the model's id.", pk.span)
            return


def primary_key_arguments_supported(ctx: Context, model: Model) -> None:
    """``length`` in a primary key only on MySQL, ``sort`` only on SQL Server."""
    pk = model.primary_key
    if pk is None or not pk.index_fields:
        return
    label = "@id" if pk.from_field_attribute else "@@id"
    provider = ctx.connector.provider
    for argument, supported in (("length", provider == "mysql"), ("sort", provider == "sqlserver")):
        if not supported and any(getattr(f, argument) is not None for f in pk.index_fields):
            ctx.error(
                f'Error parsing attribute "{label}": The {argument} argument is not supported in the primary key with '
                "the current connector",
                pk.span,
            )


def index_length_supported(ctx: Context, index: Index) -> None:
    """``length`` in an index only on MySQL."""
    if ctx.connector.provider == "mysql" or all(f.length is None for f in index.fields):
        return
    ctx.error(
        f'Error parsing attribute "{index.attribute_name}": The length argument is not supported in an index definition with the '
        "current connector",
        index.span,
    )


# -- models -----------------------------------------------------------------------------------
def database_name_clashes(ctx: Context) -> None:
    """Two models (or views) with one table name; the error goes on an ``@@map``."""
    seen: dict = {}
    for model in ctx.models_in_order:
        key = (model.schema_name, model.table_name)
        existing = seen.get(key)
        seen[key] = model
        if existing is None:
            continue
        if model.db_name is not None:
            name, holder = existing.name, model
        else:
            name, holder = model.name, existing
        attribute = next((a for a in holder.attributes if a.name == "map"), None)
        if attribute is None:
            continue
        ctx.error(
            f'The model with database name "{model.table_name}" could not be defined because another model or view '
            f'with this name exists: "{name}"',
            attribute.span,
        )


def enum_database_name_clashes(ctx: Context) -> None:
    seen = set()
    for enum in ctx.schema.enums:
        key = (enum.schema_name, enum.db_name or enum.name)
        if key in seen:
            ctx.error("An enum with the same database name is already defined.", enum.span)
        seen.add(key)


def has_a_strict_unique_criteria(ctx: Context, model: Model) -> None:
    """A model needs an ``@id`` or a unique criterion made of required fields."""
    if model.is_view or model.is_ignored:
        return
    if model.primary_key is not None:
        return
    loose = []
    for index in model._prisma_indexes:
        if index.kind != "unique":
            continue
        fields = [f.field for f in index.fields]
        if not any(f.is_optional or f.kind == "unsupported" for f in fields):  # (a list counts as required)
            return
        loose.append(", ".join(f.name for f in fields))
    message = (
        f'Error validating model "{model.name}": Each model must have at least one unique criteria that has only required '
        "fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or "
        "`@@unique([])` to the model."
    )
    if loose:
        message += " The following unique criterias were not considered as they contain fields that are not required:\n"
        message += "\n".join(f"- {names}" for names in loose)
    ctx.error(message, model.span)


def views_have_no_primary_key(ctx: Context, model: Model) -> None:
    if model.is_view and model.primary_key is not None:
        ctx.error(f"{VALIDATING}Views cannot have primary keys.", model.primary_key.span)


_VIEW_UNIQUE = "@@unique annotations on views are not backed by unique indexes in the database and cannot "


def view_indexes(ctx: Context, model: Model) -> None:
    """A view's indexes, which Prisma checks instead of a model's index rules: a view may have
    unique criteria (the client needs them), but no index, no database name, no clustering,
    and no arguments on its fields."""
    for index in model._prisma_indexes:
        if index.kind != "unique":
            ctx.error(f"{VALIDATING}Views cannot have indexes.", index.span)
        if index.db_name is not None:
            ctx.error(f"{VALIDATING}{_VIEW_UNIQUE}specify a mapped database name.", index.span)
        if index.clustered is not None:
            ctx.error(f"{VALIDATING}{_VIEW_UNIQUE}be clustered.", index.span)
        for index_field in index.fields:
            if index_field.length is not None or index_field.ops is not None or index_field.sort is not None:
                ctx.error(
                    f'Error parsing attribute "{index.attribute_name}": Scalar fields in @@unique attributes in views '
                    "cannot have arguments.",
                    index.span,
                )


def mapped_name_is_not_too_long(ctx: Context, model: Model, index: Index) -> None:
    if index.db_name is None:
        return
    constraint_name_too_long(ctx, model, index.db_name, index.attribute_name, index.span)


# -- indexes ----------------------------------------------------------------------------------
def index_has_fields(ctx: Context, index: Index) -> None:
    if not index.fields:
        ctx.error(
            f'Error parsing attribute "{index.attribute_name}": The list of fields in an index cannot be empty. '
            "Please specify at least one field.",
            index.span,
        )


def only_one_fulltext_index(ctx: Context, model: Model) -> None:
    """MongoDB has one text index per collection: with two ``@@fulltext``, each is reported."""
    if not ctx.connector.is_mongo:
        return
    fulltext = [index for index in model._prisma_indexes if index.kind == "fulltext"]
    if len(fulltext) > 1:
        for index in fulltext:
            ctx.error(
                'Error parsing attribute "@@fulltext": The current connector only allows one fulltext attribute per model',
                index.span,
            )


def fulltext_supported(ctx: Context, index: Index) -> None:
    if index.kind == "fulltext" and ctx.connector.provider not in ("mysql", "mongodb"):
        ctx.error(
            'Error parsing attribute "@@fulltext": Defining fulltext indexes is not supported with the current connector.',
            index.span,
        )


_INDEX_TYPES = {
    "postgresql": ("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"),
    "cockroachdb": ("BTree", "Gin"),
}


def index_type_supported(ctx: Context, index: Index) -> None:
    """``@@index(type: ...)``: Postgres has them all, CockroachDB BTree and Gin, the others BTree."""
    if index.index_type in _INDEX_TYPES.get(ctx.connector.provider or "", ("BTree",)):
        return
    attribute = index._source_attribute
    span = next((a.span for a in attribute.arguments if a.name == "type"), index.span) if attribute else index.span
    ctx.error(
        'Error parsing attribute "@@index": The given index type is not supported with the current connector', span
    )


def inverted_indexes(ctx: Context, model: Model) -> None:
    """CockroachDB's inverted (``type: Gin``) indexes: no operator classes, only ``Json`` and
    list fields, a ``Json`` field only as the last one. (Its other indexes take ``ops:`` silently.)"""
    if ctx.connector.provider != "cockroachdb":
        return
    for index in model._prisma_indexes:
        if index.index_type != "Gin":
            continue
        prefix = f'Error parsing attribute "{index.attribute_name}": '
        last = len(index.fields) - 1
        for i, index_field in enumerate(index.fields):
            field = index_field.field
            if index_field.ops is not None:
                ctx.error(f"{prefix}Custom operator classes are not supported with the current connector.", index.span)
                break
            if field is None:
                continue
            if field.scalar_type != "Json" and not field.is_list:
                ctx.error(f"{prefix}The Gin index type does not support the type of the field `{field.name}`.", index.span)
            if field.scalar_type == "Json" and i < last:
                ctx.error(f"{prefix}A `Json` column is only allowed as the last column of an inverted index.", index.span)
