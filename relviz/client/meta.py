"""What the client needs to know about each model, worked out once per schema.

A :class:`ModelInfo` holds a model's table, scalar fields, unique inputs (``id``, ``email``,
``userId_accountId``, a named ``pair``...) and one :class:`Link` per relation field: how to get
from a row of this model to its related rows in SQL.
"""

from __future__ import annotations

from relviz.db.names import quote, table_of, table_ref

__all__ = ["Link", "ModelInfo", "SchemaInfo"]


class Link:
    """How a relation field reaches its related rows.

    ``kind`` is ``"fk_here"`` (this model holds the foreign key: ``Post.author``), ``"fk_there"``
    (the related model holds it: ``User.posts``, ``User.profile``) or ``"join"`` (an implicit
    many-to-many through ``_AToB``). ``near``/``far`` are column names: this model's columns and
    the related model's columns that must be equal (for ``join``: the ids, with ``near_join``/``far_join``
    the join table's columns ``A``/``B``).
    """

    def __init__(self, field, kind, near_fields, far_fields, *, table=None, near_join=None, far_join=None):
        self.field = field
        self.name = field.name
        self.relation = field.relation
        self.kind = kind
        self.to_many = field.is_list
        self.target = field.related_model
        self.near_fields = tuple(near_fields)
        self.far_fields = tuple(far_fields)
        self.near = tuple(f.column_name for f in near_fields)
        self.far = tuple(f.column_name for f in far_fields)
        self.table = table
        self.near_join = near_join
        self.far_join = far_join

    @property
    def fk_required(self) -> bool:
        """The foreign key of a ``fk_here``/``fk_there`` link is required (cannot become NULL)."""
        fk = self.near_fields if self.kind == "fk_here" else self.far_fields
        return self.kind != "join" and any(f.is_required for f in fk)

    @property
    def fk_unique(self) -> bool:
        """The foreign key columns are unique: a one-to-one relation."""
        return self.relation.is_one_to_one

    def __repr__(self) -> str:
        return f"<Link {self.field.model.name}.{self.name} {self.kind}>"


def _link(field) -> Link:
    r = field.relation
    if r.join_table is not None:
        from relviz.sql.naming import join_table_name

        near_col, far_col = ("A", "B") if field is r.referencing_field else ("B", "A")
        jt = r.join_table
        table = table_ref(join_table_name(r.name), jt.a_model.schema_name)
        near_id = field.model.primary_key.fields[0]
        far_id = field.related_model.primary_key.fields[0]
        return Link(field, "join", [near_id], [far_id], table=table, near_join=near_col, far_join=far_col)
    if field is r.referencing_field:
        return Link(field, "fk_here", r.referencing_fields, r.referenced_fields)
    return Link(field, "fk_there", r.referenced_fields, r.referencing_fields)


class ModelInfo:
    """A model as the client sees it."""

    def __init__(self, schema_info, model):
        self.schema_info = schema_info
        self.model = model
        self.name = model.name
        self.table = table_of(model)
        self.scalars = tuple(f for f in model.scalar_fields if f.kind in ("scalar", "enum") and not f.is_ignored)
        self.scalar_by_name = {f.name: f for f in self.scalars}
        self.relation_fields = tuple(f for f in model.relation_fields if f.related_model is not None)
        self.links = {f.name: _link(f) for f in self.relation_fields}
        self.to_many = tuple(f.name for f in self.relation_fields if f.is_list)
        self.uniques = self._unique_inputs()
        self.key_fields = self._key_fields()
        self.key_columns = tuple(f.column_name for f in self.key_fields)
        self.fk_links = tuple(l for l in self.links.values() if l.kind == "fk_here")
        self.accessor = model.name[:1].lower() + model.name[1:]

    def _unique_inputs(self) -> dict:
        """``{input name: fields}`` in Prisma's order: the id first, then every unique constraint."""
        found = {}
        pk = self.model.primary_key
        if pk is not None:
            found[self._compound_name(pk.fields, pk.name)] = tuple(pk.fields)
        for index in self.model.unique_constraints:
            fields = index.scalar_fields
            found.setdefault(self._compound_name(fields, index.name), tuple(fields))
        return found

    @staticmethod
    def _compound_name(fields, name) -> str:
        if len(fields) == 1:
            return fields[0].name
        return name or "_".join(f.name for f in fields)

    def _key_fields(self) -> tuple:
        if self.model.primary_key is not None:
            return tuple(self.model.primary_key.fields)
        return next(iter(self.uniques.values()), self.scalars)

    def field(self, name):
        return self.scalar_by_name.get(name) or next((f for f in self.relation_fields if f.name == name), None)

    def column(self, name: str, alias: str = "t") -> str:
        return f"{alias}.{quote(self.scalar_by_name[name].column_name)}"

    def __repr__(self) -> str:
        return f"<ModelInfo {self.name}>"


class SchemaInfo:
    """Every model's :class:`ModelInfo`, by model name and by client accessor (``user``, ``userAccount``)."""

    def __init__(self, schema):
        self.schema = schema
        self.models = {m.name: ModelInfo(self, m) for m in schema.models if not m.is_ignored}
        self.by_accessor = {i.accessor: i for i in self.models.values()}
        provider = schema.provider
        # What the database does that Prisma passes on: the course's default is Postgres.
        self.postgres = provider in (None, "postgresql", "cockroachdb")
        self.jsonb = self.postgres                                           # Json keys come back sorted
        self.nulls_largest = provider in (None, "postgresql", "cockroachdb")  # NULLs last ascending
        self.like_ignores_case = provider in ("sqlite", "mysql")              # contains/startsWith/endsWith
        self.has_mode = provider in (None, "postgresql", "cockroachdb", "mongodb")  # mode: "insensitive"
        self.enums_as_text = provider == "sqlite"                             # enums sort by their text
        self.sequences_roll_back = provider == "sqlite"                       # a failed insert uses no id
        self.skip_duplicates = provider not in ("sqlite", "sqlserver", "mongodb")  # createMany skipDuplicates
        self.foreign_keys = getattr(schema.datasource, "relation_mode", "foreignKeys") != "prisma"

    def info(self, model) -> ModelInfo:
        return self.models[getattr(model, "name", model)]
