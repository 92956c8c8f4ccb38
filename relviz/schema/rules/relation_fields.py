"""Rules per relation field: ambiguous names, ignored targets, referential actions the database
supports, foreign key names, the index relationMode "prisma" wants, MongoDB's native types."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field, Model
    from relviz.schema.resolve import Context

__all__ = [
    "constraint_name_too_long", "ignored_related_model", "missing_relation_index", "mongodb_native_types", "referential_actions",
    "relation_is_unambiguous", "relation_map", "relation_names",
]

VALIDATING = "Error validating: "


def relation_names(ctx: Context) -> dict[tuple, list[Field]]:
    """(model, related model, relation name) -> the relation fields sharing it, in order."""
    names: dict[tuple, list[Field]] = {}
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


def relation_is_unambiguous(ctx: Context, model: Model, field: Field, names: dict[tuple, list[Field]]) -> bool:
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


def ignored_related_model(ctx: Context, model: Model, field: Field) -> None:
    target = field.related_model
    if not target.is_ignored or field.is_ignored or model.is_ignored:
        return
    ctx.error(
        f'Error parsing attribute "@ignore": The relation field `{field.name}` on Model `{model.name}` must specify the '
        f"`@ignore` attribute, because the model {target.name} it is pointing to is marked ignored.",
        field.span,
    )


def referential_actions(ctx: Context, field: Field) -> None:
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


def relation_map(ctx: Context, model: Model, field: Field) -> None:
    """``@relation(map: ...)`` names the foreign key: only where foreign keys have names, and not too long."""
    info = ctx.relation_info.get(field)
    if info is None or info.map is None:
        return
    if ctx.connector.provider not in _NAMED_FOREIGN_KEYS:
        ctx.error('Error parsing attribute "@relation": Your provider does not support named foreign keys.', info.attribute.span)
        return
    constraint_name_too_long(ctx, model, info.map, "@relation", info.attribute.span)


def constraint_name_too_long(ctx: Context, model: Model, name: str, label: str, span) -> None:
    limit = ctx.constraint_names.limit
    if len(name.encode("utf-8")) > limit:
        ctx.error(
            f'Error validating model "{model.name}": The constraint name \'{name}\' specified in the `map` argument for '
            f"the `{label}` constraint is too long for your chosen provider. The maximum allowed length is {limit} bytes.",
            span,
        )


_MISSING_INDEX = (
    'With `relationMode = "prisma"`, no foreign keys are used, so relation fields will not benefit from the index '
    "usually created by the relational database under the hood. This can lead to poor performance when querying "
    "these fields. We recommend adding an index manually. Learn more at "
    'https://pris.ly/d/relation-mode-prisma-indexes" '
)


def missing_relation_index(ctx: Context, model: Model, field: Field) -> None:
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


def mongodb_native_types(ctx: Context, field: Field) -> None:
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


def _native(field: Field):
    native = field.native_type
    return f"@{native.datasource}.{native.name}" if native is not None else None
