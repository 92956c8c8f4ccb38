"""The tables Prisma Migrate makes for a schema, before any SQL is written.

Like Prisma's ``sql_schema_calculator``: one table per model (``@@ignore``'d models too,
views never), one column per scalar field (``@ignore``'d and ``Unsupported`` fields too),
then one join table ``_AToB(A, B)`` per implicit many-to-many relation. Ignoring is for the
client only: relations of ignored models and ignored relation fields keep their foreign keys. Names follow
:mod:`relviz.sql.naming`; the dialect modules only spell what is here.
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field

from relviz.schema.relations import implicit_on_delete
from relviz.sql import naming

__all__ = ["Column", "ForeignKey", "Index", "IndexColumn", "PrimaryKey", "SqlSchema", "Table", "sql_schema"]

# Defaults the client fills in: no database default.
CLIENT_DEFAULTS = frozenset(("uuid", "cuid", "nanoid", "ulid", "autoincrement", "sequence"))


@dataclass(frozen=True)
class Column:
    name: str
    arity: str  # "required" | "optional" | "list"
    scalar_type: str | None = None  # "String", ... (None for enums and Unsupported)
    native_type: object = None  # relviz NativeType, or None
    enum: object = None  # relviz Enum, or None
    unsupported: str | None = None  # the type inside Unsupported("...")
    autoincrement: bool = False
    default: object = None  # relviz DefaultValue with a database default, or None
    field: object = None  # the relviz Field (None for join-table columns)

    @property
    def is_list(self) -> bool:
        return self.arity == "list"

    @property
    def is_required(self) -> bool:
        return self.arity == "required"


@dataclass(frozen=True)
class IndexColumn:
    name: str
    sort: str | None = None  # "Asc" | "Desc" | None
    ops: object = None  # the `ops:` argument as written


@dataclass(frozen=True)
class Index:
    name: str
    columns: tuple[IndexColumn, ...]
    unique: bool = False
    using: str | None = None  # "Hash", "Gin", "Gist", "SpGist", "Brin" (BTree is the default)


@dataclass(frozen=True)
class PrimaryKey:
    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class ForeignKey:
    name: str
    columns: tuple[str, ...]
    referenced_table: str
    referenced_schema: str | None
    referenced_columns: tuple[str, ...]
    on_delete: str  # Prisma's referential action: "Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"
    on_update: str


@dataclass
class Table:
    name: str
    schema_name: str | None
    columns: list[Column]
    primary_key: PrimaryKey | None = None
    indexes: list[Index] = _field(default_factory=list)
    foreign_keys: list[ForeignKey] = _field(default_factory=list)
    model: object = None  # the relviz Model, or None for a join table
    relation: object = None  # the implicit many-to-many Relation of a join table

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass
class SqlSchema:
    """Everything a migration from an empty database creates."""

    dialect: str
    enums: list  # relviz Enum, declaration order
    tables: list[Table]
    uses_foreign_keys: bool = True


def sql_schema(schema, dialect: str) -> SqlSchema:
    """The tables, columns, keys, indexes and foreign keys of ``schema`` for ``dialect``."""
    limit = naming.identifier_limit(dialect)
    uses_fks = getattr(schema, "relation_mode", "foreignKeys") != "prisma"
    tables = {m.name: model_table(m, limit) for m in schema.models}
    if uses_fks:
        for relation in inline_relations(schema):
            table = tables[relation.referencing_model.name]
            table.foreign_keys.append(foreign_key(relation, limit))
    joins = [join_table(r, tables, dialect, limit) for r in implicit_many_to_many_relations(schema)]
    if not uses_fks:
        for table in joins:
            table.foreign_keys.clear()
    return SqlSchema(dialect, list(schema.enums), [*tables.values(), *joins], uses_fks)


# -- model tables ---------------------------------------------------------------------------

def model_table(model, limit: int) -> Table:
    columns = [scalar_column(f) for f in model.scalar_fields if f.kind != "composite"]
    table = Table(model.table_name, model.schema_name, columns, model=model)
    table.primary_key = primary_key(model, limit)
    table.indexes = [model_index(model, i, limit) for i in _prisma_index_order(model.indexes) if i.kind != "fulltext"]
    return table


def scalar_column(field) -> Column:
    default = field.default
    autoincrement = default is not None and default.function == "autoincrement"
    if default is not None and (default.function in CLIENT_DEFAULTS or (default.function == "dbgenerated" and not default.args)):
        default = None
    return Column(
        name=field.column_name, arity=field.arity, scalar_type=field.scalar_type,
        native_type=field.native_type, enum=field.enum, unsupported=field.unsupported_type,
        autoincrement=autoincrement, default=default, field=field,
    )


def primary_key(model, limit: int) -> PrimaryKey | None:
    pk = model.primary_key
    if pk is None:
        return None
    name = pk.db_name or naming.primary_key_name(model.table_name, limit=limit)
    return PrimaryKey(name, tuple(f.column_name for f in pk.fields))


def _prisma_index_order(indexes):
    """Prisma's order: field ``@unique``s, then ``@@index``es, ``@@unique``s, ``@@fulltext``s, each as written."""
    rank = {"normal": 1, "unique": 2, "fulltext": 3}
    return sorted(indexes, key=lambda i: 0 if i.from_field_attribute else rank[i.kind])


def model_index(model, index, limit: int) -> Index:
    columns = tuple(IndexColumn(f.field.column_name, f.sort, f.ops) for f in index.fields)
    names = [c.name for c in columns]
    unique = index.kind == "unique"
    # `name:` names the database index of an @@index (Prisma 2 style), but only the client API of an @@unique.
    given = index.db_name or (None if unique else index.name)
    name = given or (naming.unique_index_name if unique else naming.index_name)(model.table_name, names, limit=limit)
    using = index.index_type if index.index_type not in (None, "BTree") else None
    return Index(name, columns, unique, using)


# -- foreign keys -----------------------------------------------------------------------------

def inline_relations(schema):
    """Relations held by a foreign key, in Prisma's order: by model, then by relation field."""
    position = {m.name: i for i, m in enumerate(schema.models)}
    found = []
    for r in schema.relations:
        if r.is_many_to_many or not r.referencing_fields or r.referenced_model is None:
            continue
        a, b = r.referencing_model, r.referenced_model
        if a.name not in position or b.name not in position:  # a view: no foreign key
            continue
        found.append(((position[a.name], a.fields.index(r.referencing_field)), r))
    return [r for _, r in sorted(found, key=lambda pair: pair[0])]


def foreign_key(relation, limit: int) -> ForeignKey:
    table = relation.referencing_model.table_name
    columns = tuple(f.column_name for f in relation.referencing_fields)
    name = relation.db_name or naming.foreign_key_name(table, columns, limit=limit)
    target = relation.referenced_model
    return ForeignKey(
        name, columns, target.table_name, target.schema_name, tuple(f.column_name for f in relation.referenced_fields),
        # Recomputed for the target dialect (every one relviz writes supports Restrict).
        on_delete=relation.on_delete_explicit or implicit_on_delete(relation.referencing_field, relation.referencing_fields),
        on_update=relation.on_update_explicit or "Cascade",
    )


# -- implicit many-to-many join tables --------------------------------------------------------

def implicit_many_to_many_relations(schema):
    """Implicit m:n relations in Prisma's order: by model A, then by model A's relation field."""
    position = {m.name: i for i, m in enumerate(schema.models)}
    found = []
    for r in schema.relations:
        jt = r.join_table
        if jt is None:
            continue
        if jt.a_model.name not in position or jt.b_model.name not in position:
            continue
        field = r.referencing_field
        index = field.model.fields.index(field) if field.model is jt.a_model else len(jt.a_model.fields)
        found.append(((position[jt.a_model.name], index), r))
    return [r for _, r in sorted(found, key=lambda pair: pair[0])]


def _id_column(model, tables, name: str) -> tuple[Column, str]:
    id_field = model.primary_key.fields[0]
    column = tables[model.name].column(id_field.column_name)
    return Column(name, "required", column.scalar_type, column.native_type, column.enum, column.unsupported), id_field.column_name


def join_table(relation, tables, dialect: str, limit: int) -> Table:
    jt = relation.join_table
    name = naming.join_table_name(relation.name, limit=limit)
    (col_a, id_a), (col_b, id_b) = _id_column(jt.a_model, tables, "A"), _id_column(jt.b_model, tables, "B")
    table = Table(name, jt.a_model.schema_name, [col_a, col_b], relation=relation)
    if dialect == "sqlite":
        table.indexes.append(Index(naming.join_unique_name(name, limit=limit), (IndexColumn("A"), IndexColumn("B")), unique=True))
    else:
        table.primary_key = PrimaryKey(naming.join_primary_key_name(name, limit=limit), ("A", "B"))
    table.indexes.append(Index(naming.join_index_name(name, limit=limit), (IndexColumn("B"),)))
    for column, model, id_column in (("A", jt.a_model, id_a), ("B", jt.b_model, id_b)):
        fk_name = naming.join_foreign_key_name(name, column, limit=limit)
        table.foreign_keys.append(ForeignKey(fk_name, (column,), model.table_name, model.schema_name, (id_column,), "Cascade", "Cascade"))
    return table
