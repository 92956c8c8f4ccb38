"""Rules per model and view, in Prisma's order: the model, its scalar fields, its relation
fields (ambiguity stops everything), its indexes."""

from __future__ import annotations

from relviz.schema.rules import constraints, defaults
from relviz.schema.rules import fields as field_rules

__all__ = ["validate_models"]

VALIDATING = "Error validating: "


def validate_models(ctx) -> bool:
    """Every model and view in declaration order; False when an ambiguous relation stopped validation."""
    names = _relation_names(ctx)
    features = ctx.preview_features
    database_name_clashes(ctx)
    ctx.constraint_names = constraints.ConstraintNames(ctx)
    for model in ctx.models_in_order:
        if model.is_view and "views" not in features:
            ctx.error(f"{VALIDATING}View definitions are only available with the `views` preview feature.", model.span)
        has_a_strict_unique_criteria(ctx, model)
        constraints.primary_key_name_is_unique(ctx, model)
        field_rules.mongodb_ids(ctx, model)
        schemas(ctx, model, "model")
        mysql_text_keys(ctx, model)
        views_have_no_primary_key(ctx, model)
        field_rules.autoincrement(ctx, model)
        for field in model.fields:
            if field.kind != "relation":
                if field.is_list or field.scalar_type == "Json":
                    field_rules.scalar_field_supported(ctx, field)
                if field.native_type is not None:
                    field_rules.native_type_arguments(ctx, field)
                if field.default is not None:
                    defaults.default_value_parses(ctx, field)
        for field in model.fields:
            if field.kind == "relation":
                if not relation_is_unambiguous(ctx, model, field, names):
                    return False
                ignored_related_model(ctx, model, field)
                referential_actions(ctx, field)
                relation_map(ctx, model, field)
                missing_relation_index(ctx, model, field)
                mongodb_native_types(ctx, field)
        for index in model._prisma_indexes:
            index_has_fields(ctx, index)
            constraints.index_name_is_unique(ctx, model, index)
            fulltext_supported(ctx, index)
            mapped_name_is_not_too_long(ctx, model, index)
    if ctx.connector.provider not in ("sqlserver",):
        enum_database_name_clashes(ctx)
    for enum in ctx.schema.enums:
        if ctx.connector.provider == "sqlserver":
            ctx.error(f"{VALIDATING}You defined the enum `{enum.name}`. But the current connector does not support enums.", enum.span)
        schemas(ctx, enum, "enum")
    return True


_MULTI_SCHEMA = ("postgresql", "cockroachdb", "sqlserver")


def schemas(ctx, block, kind: str) -> None:
    """``@@schema("x")``: only where the database has schemas, only schemas the datasource lists, on every block if any."""
    datasource = ctx.schema.datasource
    span = getattr(block, "_schema_span", None)
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


def mysql_text_keys(ctx, model) -> None:
    """MySQL indexes a TEXT or BLOB column only with a prefix ``length``."""
    if ctx.connector.provider != "mysql":
        return

    def long_type(index_field):
        native = index_field.field.native_type
        if native is not None and native.name in _MYSQL_LONG_TYPES and index_field.length is None:
            return native.name
        return None

    for index in model._prisma_indexes:
        for index_field in index.fields:
            name = long_type(index_field)
            if name is None:
                continue
            if index.kind == "unique":
                message = f"Native type `{name}` cannot be unique in MySQL."
            else:
                message = f"You cannot define an index on fields with native type `{name}` of MySQL."
            ctx.error(f"{message} Please use the `length` argument to the field in the index definition to allow this.", index.span)
            break
    pk = model.primary_key
    if pk is not None:
        for index_field in pk.index_fields:
            name = long_type(index_field)
            if name is not None:
                ctx.error(
                    f"Native type `{name}` of MySQL cannot be used on a field that is `@id` or `@@id`. Please use the "
                    "`length` argument to the field in the index definition to allow this.",
                    pk.span,
                )
                break


# -- models -----------------------------------------------------------------------------------
def database_name_clashes(ctx) -> None:
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


def enum_database_name_clashes(ctx) -> None:
    seen = set()
    for enum in ctx.schema.enums:
        key = (enum.schema_name, enum.db_name or enum.name)
        if key in seen:
            ctx.error("An enum with the same database name is already defined.", enum.span)
        seen.add(key)


def has_a_strict_unique_criteria(ctx, model) -> None:
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
        if all(f.is_required for f in fields):
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


def views_have_no_primary_key(ctx, model) -> None:
    if model.is_view and model.primary_key is not None:
        ctx.error(f"{VALIDATING}Views cannot have primary keys.", model.primary_key.span)


# -- relation fields --------------------------------------------------------------------------
def _relation_names(ctx) -> dict:
    """(model, related model, relation name) -> the relation fields sharing it, in order."""
    names: dict = {}
    for model in ctx.models_in_order:
        for field in model.fields:
            if field.kind == "relation":
                info = ctx.relation_info.get(field)
                name = ("explicit", info.name) if info is not None and info.name is not None else ("generated",)
                names.setdefault((model, field.related_model, name), []).append(field)
    return names


def _join_names(fields) -> str:
    names = [f"`{f.name}`" for f in fields]
    if len(names) < 2:
        return ", ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def relation_is_unambiguous(ctx, model, field, names) -> bool:
    info = ctx.relation_info.get(field)
    explicit = info is not None and info.name is not None
    key = (model, field.related_model, ("explicit", info.name) if explicit else ("generated",))
    fields = names.get(key, ())
    if len(fields) <= 1:
        return True
    listed = _join_names(fields)
    is_self = model is field.related_model
    if not explicit and is_self and len(fields) == 2:
        message = (
            f"Ambiguous self relation detected. The fields {listed} in model `{model.name}` both refer to "
            f"`{model.name}`. If they are part of the same relation add the same relation name for them with "
            "`@relation(<name>)`."
        )
    elif not explicit and is_self:
        message = (
            f"Unnamed self relation detected. The fields {listed} in model `{model.name}` have no relation name. "
            "Please provide a relation name for one of them by adding `@relation(<name>)."
        )
    elif explicit and is_self and len(fields) > 2:
        message = (
            f"Wrongly named self relation detected. The fields {listed} in model `{model.name}` have the same relation "
            "name. At most two relation fields can belong to the same relation and therefore have the same name. Please "
            "assign a different relation name to one of them."
        )
    elif explicit and is_self:
        return True
    elif not explicit:
        message = (
            f"Ambiguous relation detected. The fields {listed} in model `{model.name}` both refer to "
            f"`{field.related_model.name}`. Please provide different relation names for them by adding `@relation(<name>)."
        )
    else:
        message = (
            f"Wrongly named relation detected. The fields {listed} in model `{model.name}` both use the same relation "
            "name. Please provide different relation names for them through `@relation(<name>)."
        )
    container = "view" if model.is_view else "model"
    ctx.error(f'Error validating {container} "{model.name}": {message}', field.span)
    return False


def ignored_related_model(ctx, model, field) -> None:
    target = field.related_model
    if not target.is_ignored or field.is_ignored or model.is_ignored:
        return
    ctx.error(
        f'Error parsing attribute "@ignore": The relation field `{field.name}` on Model `{model.name}` must specify the '
        f"`@ignore` attribute, because the model {target.name} it is pointing to is marked ignored.",
        field.span,
    )


def referential_actions(ctx, field) -> None:
    """Each explicit action must be one the connector (or relationMode) supports."""
    info = ctx.relation_info.get(field)
    if info is None:
        return
    connector = ctx.connector
    for action, span in ((info.on_delete, info.on_delete_argument_span), (info.on_update, info.on_update_argument_span)):
        if action is None:
            continue
        if connector.supports_action(action):
            if action == "SetDefault" and connector.provider == "mysql" and connector.uses_foreign_keys:
                ctx.warning(
                    "MySQL does not actually support the `SetDefault` referential action, so using it may result in "
                    "unexpected errors. Read more at https://pris.ly/d/mysql-set-default ",
                    span,
                )
            continue
        allowed = ", ".join(f"`{a}`" for a in connector.allowed_actions())
        extra = ""
        if connector.is_prisma_mode and action == "NoAction" and "Restrict" in connector.emulated_actions:
            extra = (
                f". `NoAction` is not implemented for {connector.name} when using `relationMode = \"prisma\"`, "
                "you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode"
            )
        ctx.error(f"{VALIDATING}Invalid referential action: `{action}`. Allowed values: ({allowed}){extra}", span)


_NAMED_FOREIGN_KEYS = ("postgresql", "cockroachdb", "mysql", "sqlserver")


def relation_map(ctx, model, field) -> None:
    """``@relation(map: ...)`` names the foreign key: only where foreign keys have names, and not too long."""
    info = ctx.relation_info.get(field)
    if info is None or info.map is None:
        return
    if ctx.connector.provider not in _NAMED_FOREIGN_KEYS:
        ctx.error('Error parsing attribute "@relation": Your provider does not support named foreign keys.', info.attribute.span)
        return
    _too_long(ctx, model, info.map, "@relation", info.attribute.span)


def _too_long(ctx, model, name: str, label: str, span) -> None:
    limit = ctx.constraint_names.limit
    if len(name.encode("utf-8")) > limit:
        ctx.error(
            f'Error validating model "{model.name}": The constraint name \'{name}\' specified in the `map` argument for '
            f"the `{label}` constraint is too long for your chosen provider. The maximum allowed length is {limit} bytes.",
            span,
        )


def mapped_name_is_not_too_long(ctx, model, index) -> None:
    if index.db_name is None:
        return
    label = "@unique" if index.from_field_attribute else {"unique": "@@unique", "normal": "@@index", "fulltext": "@@fulltext"}[index.kind]
    _too_long(ctx, model, index.db_name, label, index.span)


_MISSING_INDEX = (
    'With `relationMode = "prisma"`, no foreign keys are used, so relation fields will not benefit from the index '
    "usually created by the relational database under the hood. This can lead to poor performance when querying "
    "these fields. We recommend adding an index manually. Learn more at "
    'https://pris.ly/d/relation-mode-prisma-indexes" '
)


def missing_relation_index(ctx, model, field) -> None:
    """With relationMode = "prisma", the foreign key should start an index, an @id or a @unique."""
    connector = ctx.connector
    if not connector.suggests_missing_indexes or not connector.is_prisma_mode:
        return
    info = ctx.relation_info.get(field)
    if info is None or info.fields is None:
        return
    fields = list(info.fields)
    n = len(fields)
    for index in model._prisma_indexes:
        if [f.field for f in index.fields[:n]] == fields:
            return
    if model.primary_key is not None and list(model.primary_key.fields[:n]) == fields:
        return
    ctx.warning(_MISSING_INDEX, info.attribute.span)


def mongodb_native_types(ctx, field) -> None:
    """On MongoDB, a foreign key and the field it references should share their native type."""
    if not ctx.connector.is_mongo:
        return
    info = ctx.relation_info.get(field)
    if info is None or not info.fields or not info.references:
        return
    for a, b in zip(info.fields, info.references):
        ta, tb = _native(a), _native(b)
        if ta == tb:
            continue
        an, bn = f"{a.model.name}.{a.name}", f"{b.model.name}.{b.name}"
        if ta is None:
            hint = f"Consider either removing {bn}'s native type attribute or adding '{tb}' to {an}."
        elif tb is None:
            hint = f"Consider either removing {an}'s native type attribute or adding '{ta}' to {bn}."
        else:
            hint = f"Consider updating those fields to either use '{ta}' or '{tb}'."
        ctx.warning(
            f"Warning validating field `{field.name}` in model `{field.model.name}`: Field {an} and {bn} must have the "
            f"same native type for MongoDB to join those collections correctly. {hint} Beware that this will become an "
            "error in the future.",
            a.span,
        )


def _native(field):
    native = field.native_type
    return f"@{native.datasource}.{native.name}" if native is not None else None


# -- indexes ----------------------------------------------------------------------------------
def _attribute_name(index) -> str:
    if index.from_field_attribute:
        return "@unique"
    return {"unique": "@@unique", "normal": "@@index", "fulltext": "@@fulltext"}[index.kind]


def index_has_fields(ctx, index) -> None:
    if not index.fields:
        ctx.error(
            f'Error parsing attribute "{_attribute_name(index)}": The list of fields in an index cannot be empty. '
            "Please specify at least one field.",
            index.span,
        )


def fulltext_supported(ctx, index) -> None:
    if index.kind == "fulltext" and ctx.connector.provider not in ("mysql", "mongodb"):
        ctx.error(
            f'Error parsing attribute "@@fulltext": Defining fulltext indexes is not supported with the current connector.',
            index.span,
        )
