"""Constraint names (primary keys, indexes, foreign keys, defaults) must not clash where the
database keeps them in one namespace: per database, per table, or both."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Index, IndexField, Model
    from relviz.schema.relations import PrismaRelation
    from relviz.schema.resolve import Context

__all__ = ["ConstraintNames", "foreign_key_name", "index_name", "primary_key_name"]

_LIMITS = {"postgresql": 63, "cockroachdb": 63, "mysql": 64, "sqlserver": 128, "sqlite": 10000, "mongodb": 127}
_SCOPES = {
    "postgresql": ("GlobalPrimaryKeyKeyIndex", "ModelPrimaryKeyKeyIndexForeignKey"),
    "cockroachdb": ("ModelPrimaryKeyKeyIndexForeignKey",),
    "mysql": ("GlobalForeignKey", "ModelKeyIndex"),
    "sqlite": ("GlobalKeyIndex",),
    "sqlserver": ("GlobalPrimaryKeyForeignKeyDefault", "ModelPrimaryKeyKeyIndex"),
    "mongodb": ("ModelKeyIndex",),
}
_NAMED_PRIMARY_KEYS = ("postgresql", "cockroachdb", "sqlserver")
# kind of constraint -> the scopes it is checked against, in Prisma's order
_POSSIBLE = {
    "index": ("GlobalKeyIndex", "GlobalPrimaryKeyKeyIndex", "ModelKeyIndex", "ModelPrimaryKeyKeyIndex"),
    "relation": ("GlobalForeignKey", "GlobalPrimaryKeyForeignKeyDefault", "ModelPrimaryKeyKeyIndexForeignKey"),
    "default": ("GlobalPrimaryKeyForeignKeyDefault",),
    "primary": ("GlobalPrimaryKeyForeignKeyDefault", "GlobalPrimaryKeyKeyIndex", "ModelPrimaryKeyKeyIndex",
                "ModelPrimaryKeyKeyIndexForeignKey"),
}
# scope -> which constraints it holds
_CONTENTS = {
    "GlobalKeyIndex": ("index",),
    "GlobalForeignKey": ("relation",),
    "GlobalPrimaryKeyKeyIndex": ("primary", "index"),
    "GlobalPrimaryKeyForeignKeyDefault": ("primary", "relation", "default"),
    "ModelKeyIndex": ("index",),
    "ModelPrimaryKeyKeyIndex": ("primary", "index"),
    "ModelPrimaryKeyKeyIndexForeignKey": ("primary", "index", "relation"),
}


def describe(scope: str, model: str) -> str:
    return {
        "GlobalKeyIndex": "global for indexes and unique constraints",
        "GlobalForeignKey": "global for foreign keys",
        "GlobalPrimaryKeyKeyIndex": "global for primary key, indexes and unique constraints",
        "GlobalPrimaryKeyForeignKeyDefault": "global for primary keys, foreign keys and default constraints",
        "ModelKeyIndex": f"on model `{model}` for indexes and unique constraints",
        "ModelPrimaryKeyKeyIndex": f"on model `{model}` for primary key, indexes and unique constraints",
        "ModelPrimaryKeyKeyIndexForeignKey": f"on model `{model}` for primary key, indexes, unique constraints and foreign keys",
    }[scope]


def _truncate(text: str, limit: int) -> str:
    if len(text) < limit and text.isascii():
        return text
    data = text.encode("utf-8")
    if len(data) < limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def primary_key_name(table: str, limit: int) -> str:
    return _truncate(table, limit - 5) + "_pkey"


def index_name(table: str, columns, unique: bool, limit: int) -> str:
    suffix = "_key" if unique else "_idx"
    return _truncate(f"{table}_{'_'.join(columns)}", limit - len(suffix)) + suffix


def foreign_key_name(table: str, columns, limit: int) -> str:
    return _truncate(f"{table}_{'_'.join(columns)}", limit - 5) + "_fkey"


def default_name(table: str, column: str, limit: int) -> str:
    return _truncate(f"{table}_{column}", limit - 3) + "_df"


class ConstraintNames:
    """Every constraint's database name, counted per namespace, as Prisma's ``Names`` does."""

    def __init__(self, ctx: Context):
        provider = ctx.connector.provider
        self.limit = _LIMITS.get(provider or "", 10000)
        self.provider = provider
        self.scopes = _SCOPES.get(provider or "", ())
        self.counts: dict[tuple, int] = {}
        # (Not the context itself, which keeps this object: no cycle, so both go as soon as the read ends.)
        self.prisma_relations = ctx.prisma_relations
        self.relation_info = ctx.relation_info
        self._index_names: dict = {}
        self._relation_names: dict = {}
        models = ctx.models_in_order
        counts = self.counts
        named: dict = {}  # kind -> [(model, name)], each kind's names made once for every scope
        for scope in self.scopes:
            is_global = scope.startswith("Global")
            for kind in _CONTENTS[scope]:
                pairs = named.get(kind)
                if pairs is None:
                    pairs = named[kind] = list(self._names(kind, models))
                for model, name in pairs:
                    if is_global:
                        key = (scope, model.schema_name, name)
                    else:  # a relation counts on the model of the field it was read from
                        key = (scope, model._local if isinstance(model, _Holder) else model, name)
                    counts[key] = counts.get(key, 0) + 1
        # Most names are used once: only these few need a look in `violations`.
        self._clashing = {key[2] for key, count in self.counts.items() if count > 1}

    def _names(self, kind, models):
        if kind == "primary":
            for model in models:
                name = self.primary_key(model)
                if name is not None:
                    yield model, name
        elif kind == "index":
            for model in models:
                for index in model._prisma_indexes:
                    yield model, self.index(model, index)
        elif kind == "relation":
            for relation in self.prisma_relations:
                if relation.is_inline:  # (a relation without its forward side is named `<table>__fkey`)
                    yield _Holder(relation), self.relation(relation)
        elif kind == "default" and self.provider == "sqlserver":
            for model in models:
                for field in model.fields:
                    if field.default is not None and field.kind != "relation":
                        yield model, field.default.db_name or default_name(model.table_name, field.column_name, self.limit)

    def primary_key(self, model: Model) -> str | None:
        pk = model.primary_key
        if pk is None or self.provider not in _NAMED_PRIMARY_KEYS:
            return None
        return pk.db_name or primary_key_name(model.table_name, self.limit)

    def index(self, model: Model, index: Index) -> str:
        name = self._index_names.get(index)
        if name is None:
            if index.db_name:
                name = index.db_name
            else:
                columns = [_column_path(f) for f in index.fields]
                name = index_name(model.table_name, columns, index.kind == "unique", self.limit)
            self._index_names[index] = name
        return name

    def relation(self, relation: PrismaRelation) -> str:
        name = self._relation_names.get(relation)
        if name is None:
            info = self.relation_info.get(relation.forward)
            if info is not None and info.map:
                name = info.map
            else:
                columns = [f.column_name for f in (info.fields or [])] if info is not None else []
                name = foreign_key_name(relation.model_a.table_name, columns, self.limit)
            self._relation_names[relation] = name
        return name

    def violations(self, kind: str, model: Model, name: str):
        """The scopes in which ``name`` is used more than once, global ones first."""
        if name not in self._clashing:
            return []
        found = []
        for scope in _POSSIBLE[kind]:
            if scope in self.scopes and scope.startswith("Global") and self.counts.get((scope, model.schema_name, name), 0) > 1:
                found.append(scope)
        for scope in _POSSIBLE[kind]:
            if scope in self.scopes and scope.startswith("Model") and self.counts.get((scope, model, name), 0) > 1:
                found.append(scope)
        return found


def _column_path(index_field: IndexField) -> str:
    """An indexed field's name in a constraint name: its column, or on MongoDB the database names
    along a composite type's path, joined by ``_`` (``addr_st`` for ``address.street``)."""
    field = index_field.field
    if not index_field.path:
        return field.column_name
    names = [field.column_name]
    for part in index_field.path[1:]:
        composite = field.composite_type if field is not None else None
        field = composite._by_name.get(part) if composite is not None else None
        names.append(field.column_name if field is not None else part)
    return "_".join(names)


class _Holder:
    """A relation's models for its constraint name: global scopes use the referencing model's
    schema; the per-model scope counts it on the model of the field Prisma read it from."""

    __slots__ = ("schema_name", "_local")

    def __init__(self, relation: PrismaRelation):
        self.schema_name = relation.model_a.schema_name
        self._local = (relation.forward or relation.back).model


def _map_span(attribute, fallback, arguments=("map",)):
    """Where Prisma points for a constraint name: the first of ``arguments`` given, else ``fallback``."""
    if attribute is not None:
        for wanted in arguments:
            for arg in attribute.arguments:
                if arg.name == wanted:
                    return arg.span
    return fallback


def _message(name: str, scope: str, model: Model) -> str:
    return (
        f"The given constraint name `{name}` has to be unique in the following namespace: {describe(scope, model.name)}. "
        "Please provide a different name using the `map` argument."
    )


def primary_key_name_is_unique(ctx: Context, model: Model) -> None:
    names = ctx.constraint_names
    name = names.primary_key(model)
    if name is None:
        return
    scopes = names.violations("primary", model, name)
    if not scopes:
        return
    pk = model.primary_key
    attribute = pk._source_attribute
    label = "@id" if pk.from_field_attribute else "@@id"
    for scope in scopes:
        ctx.error(f'Error parsing attribute "{label}": {_message(name, scope, model)}', _map_span(attribute, pk.span))


def index_name_is_unique(ctx: Context, model: Model, index) -> None:
    names = ctx.constraint_names
    name = names.index(model, index)
    scopes = names.violations("index", model, name)
    if not scopes:
        return
    attribute = index._source_attribute
    span = _map_span(attribute, index.span, ("map", "name"))  # (an index points at its name: too)
    for scope in scopes:
        ctx.error(f'Error parsing attribute "{index.attribute_name}": {_message(name, scope, model)}', span)


def relation_name_is_unique(ctx: Context, relation: PrismaRelation) -> None:
    if relation.forward is None and relation.back is None:
        return
    names = ctx.constraint_names
    name = names.relation(relation)
    model = relation.model_a
    for scope in names.violations("relation", model, name):
        if relation.forward is not None:
            info = ctx.relation_info.get(relation.forward)
            span = _map_span(info.attribute if info is not None else None, relation.forward.span)
        else:
            span = relation.model_b.span
        ctx.error(f'Error parsing attribute "@relation": {_message(name, scope, model)}', span)
