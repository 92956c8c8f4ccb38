"""The meaning of a schema: read-only handles for models, fields, enums and relations.

Glossary (Prisma's words):

- *scalar field*: a field holding a value (``String``, ``Int``, an enum...).
- *relation field*: a field whose type is another model (``posts Post[]``); it has no column.
- *referencing fields* (``fields:``): the scalar fields holding the foreign key.
- *referenced fields* (``references:``): the fields they point at, an ``@id`` or ``@unique``.
- *referencing model*: the model that holds the foreign key (Prisma's "model A").
- *back-relation field*: the relation field on the other side, without ``fields:``.
- *relation name*: ``@relation("name")``, or by default ``AToB`` with the model names sorted.
- *implicit many-to-many*: two list fields, no join model; Prisma creates ``_AToB`` with
  columns ``A`` and ``B`` pointing at the alphabetically first and second model.
- *name* vs *database name*: ``name`` is the Prisma name, ``db_name`` the ``@map``/``@@map``
  string, ``table_name``/``column_name`` whichever the database sees.
- *arity*: required (``Type``), optional (``Type?``) or list (``Type[]``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, cast

from mypy_extensions import mypyc_attr

if TYPE_CHECKING:  # pragma: no cover
    from relviz.syntax.nodes import Attribute, Block, EnumValueDecl, Expression, FieldDecl, Span

__all__ = [
    "SCALAR_TYPES", "CompositeType", "Datasource", "DefaultValue", "Enum", "EnumValue", "Field",
    "Generator", "Index", "IndexField", "JoinTable", "Model", "NativeType", "PrimaryKey", "Relation",
]

SCALAR_TYPES: Final = ("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes")

ONE_TO_ONE: Final = "one-to-one"
ONE_TO_MANY: Final = "one-to-many"
MANY_TO_MANY: Final = "many-to-many"


def _not_found(kind: str, name: str, known) -> KeyError:
    import difflib

    close = difflib.get_close_matches(name, list(known), n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return KeyError(f"no {kind} named {name!r}.{hint}")


@mypyc_attr(acyclic=True)  # holds text and syntax nodes only
class Datasource:
    """The ``datasource`` block: which database, and how relations are enforced."""

    def __init__(
        self, name: str, provider: str | None, relation_mode: str, schemas: list, span: Span, properties: dict,
    ):
        self.name = name
        self.provider = provider
        self.relation_mode = relation_mode
        self.schemas = schemas
        self.span = span
        self.properties = properties

    def __repr__(self) -> str:
        return f"<Datasource {self.name} provider={self.provider!r} relationMode={self.relation_mode!r}>"


@mypyc_attr(acyclic=True)  # holds text and syntax nodes only
class Generator:
    """A ``generator`` block."""

    def __init__(self, name: str, provider: Any, preview_features: list, properties: dict, span: Span):
        self.name = name
        self.provider = provider
        self.preview_features = preview_features
        self.properties = properties
        self.span = span

    def __repr__(self) -> str:
        return f"<Generator {self.name} provider={self.provider!r}>"


@mypyc_attr(acyclic=True)  # holds text and syntax nodes only
class NativeType:
    """``@db.VarChar(200)``: the name, its arguments as written, and the datasource prefix."""

    __slots__ = ("name", "args", "datasource")

    def __init__(self, name: str, args: tuple, datasource: str):
        self.name, self.args, self.datasource = name, args, datasource

    def __repr__(self) -> str:
        return f"@{self.datasource}.{self.name}" + (f"({', '.join(self.args)})" if self.args else "")


@mypyc_attr(acyclic=True)  # holds text and syntax nodes only
class DefaultValue:
    """``@default(...)``: a function (``autoincrement()``) or a literal value."""

    __slots__ = ("function", "args", "value", "db_name", "expression")

    def __init__(self, function: str | None, args: tuple, value: Any, db_name: str | None, expression: Expression):
        self.function = function
        self.args = args
        self.value = value
        self.db_name = db_name
        self.expression = expression

    def __repr__(self) -> str:
        return f"@default({self.expression!r})"


class EnumValue:
    """One value of an enum, with its database name (``@map``)."""

    __slots__ = ("enum", "name", "db_name", "documentation", "span", "_ast")

    def __init__(self, enum: Enum, name: str, db_name: str | None, documentation: str | None, span: Span):
        self.enum, self.name, self.db_name = enum, name, db_name
        self.documentation, self.span = documentation, span
        self._ast: EnumValueDecl = None  # type: ignore[assignment]  # its syntax, set by the types pass

    def __repr__(self) -> str:
        return f"<EnumValue {self.enum.name}.{self.name}>"


class Enum:
    """An ``enum`` block."""

    # Filled by the resolution passes (declared here, as every attribute of these classes is).
    _ast: Block
    _schema_span: Span | None = None

    def __init__(self, name: str, span: Span, documentation: str | None):
        self.name = name
        self.span = span
        self.documentation = documentation
        self.values: tuple[EnumValue, ...] = ()
        self.db_name: str | None = None
        self.schema_name: str | None = None

    def value(self, name: str) -> EnumValue:
        """The value called ``name``; KeyError (naming the closest values) when there is none."""
        for v in self.values:
            if v.name == name:
                return v
        raise _not_found(f"value in enum {self.name}", name, [v.name for v in self.values])

    def __repr__(self) -> str:
        return f"<Enum {self.name}>"


class Field:
    """A field of a model, view or composite type."""

    # What most fields are, as class-level defaults: a schema has many fields and the passes
    # set only what differs (``kind`` and the attributes found).
    kind = "unsupported"
    unsupported_type: str | None = None
    scalar_type: str | None = None
    enum: Enum | None = None
    related_model: Model | None = None
    composite_type: CompositeType | None = None
    db_name: str | None = None
    native_type: NativeType | None = None
    default: DefaultValue | None = None
    is_id = False
    is_unique = False
    is_updated_at = False
    is_ignored = False
    is_read_only = False
    relation: Relation | None = None
    _native_attribute: Attribute | None = None  # the `@db.*` attribute

    def __init__(self, model: Model | CompositeType, decl: FieldDecl):
        """A field of ``model`` as declared by ``decl`` (a :class:`~relviz.syntax.nodes.FieldDecl`)."""
        self.model = model
        self._ast = decl
        self.name = decl.name
        self.type_name = decl.type_name
        self.arity = decl.arity
        self.documentation = decl.documentation

    @property
    def attributes(self) -> tuple[Attribute, ...]:
        """Its ``@`` attributes as written (syntax nodes)."""
        return tuple(self._ast.attributes)

    @property
    def span(self) -> Span:
        """Where the field is declared."""
        return self._ast.span

    @property
    def column_name(self) -> str:
        """The column's name in the database: the ``@map`` name, else the field's."""
        return self.db_name or self.name

    @property
    def is_required(self) -> bool:
        """Declared without ``?`` or ``[]``."""
        return self.arity == "required"

    @property
    def is_optional(self) -> bool:
        """Declared with ``?``: the column may be NULL (a relation field: there may be no related record)."""
        return self.arity == "optional"

    @property
    def is_list(self) -> bool:
        """Declared with ``[]``: a scalar list, or the many side of a relation."""
        return self.arity == "list"

    @property
    def is_relation(self) -> bool:
        """A relation field: its type is a model, and it is no column of its own."""
        return self.kind == "relation"

    @property
    def type_label(self) -> str:
        """The type as written in the schema: ``String?``, ``Post[]``."""
        return self.type_name + {"required": "", "optional": "?", "list": "[]"}[self.arity]

    def __repr__(self) -> str:
        return f"<Field {self.model.name}.{self.name} {self.type_label}>"


# Prisma's operator classes (``ops:`` of an index field, PostgreSQL's), besides ``raw("...")``.
OPERATOR_CLASSES = frozenset(
    ("InetOps", "JsonbOps", "JsonbPathOps", "ArrayOps", "TextOps", "BitMinMaxOps", "VarBitMinMaxOps")
    + tuple(f"{kind}{variant}Ops" for kind in ("Bpchar", "Bytea", "Text") for variant in ("Bloom", "MinMax"))
    + tuple(
        f"{kind}{variant}Ops"
        for kind in ("Date", "Float4", "Float8", "Inet", "Int2", "Int4", "Int8", "Numeric", "Oid", "Timestamp",
                     "TimestampTz", "Time", "TimeTz", "Uuid")
        for variant in ("Bloom", "MinMax", "MinMaxMulti")
    )
    + ("InetInclusionOps",)
)


class IndexField:
    """One field of an index or primary key, with its ``sort``, ``length`` and ``ops`` arguments
    (or its ``path`` into a composite type)."""

    __slots__ = ("field", "sort", "length", "ops", "path")

    def __init__(
        self, field: Field | None, sort: str | None = None, length: int | None = None, ops: Any = None,
        path: list[str] | None = None,
    ):
        self.field, self.sort, self.length, self.ops, self.path = field, sort, length, ops, path

    def __repr__(self) -> str:
        return self.field.name if self.field is not None else ".".join(self.path or ())


class Index:
    """``@id``/``@@id`` is a :class:`PrimaryKey`; this is ``@unique``, ``@@unique``, ``@@index``, ``@@fulltext``."""

    _source_attribute: Attribute | None = None  # the attribute that declares it

    def __init__(
        self, kind: str, fields: tuple[IndexField, ...], name: str | None, db_name: str | None,
        from_field_attribute: bool, span: Span, clustered: bool | None = None, index_type: str | None = None,
    ):
        self.kind = kind
        self.fields = fields
        self.name = name
        self.db_name = db_name
        self.from_field_attribute = from_field_attribute
        self.span = span
        self.clustered = clustered
        self.index_type = index_type

    @property
    def is_unique(self) -> bool:
        """A unique constraint (``@unique`` or ``@@unique``), not a plain index."""
        return self.kind == "unique"

    @property
    def attribute_name(self) -> str:
        """The attribute that declares it: ``@unique``, ``@@unique``, ``@@index`` or ``@@fulltext``."""
        if self.from_field_attribute:
            return "@unique"
        return {"unique": "@@unique", "normal": "@@index", "fulltext": "@@fulltext"}[self.kind]

    @property
    def scalar_fields(self) -> tuple:
        """The model's fields it covers, in order."""
        return tuple(f.field for f in self.fields)

    def __repr__(self) -> str:
        return f"<Index {self.kind} {list(self.fields)}>"


class PrimaryKey:
    """``@id`` on a field or ``@@id([a, b])`` on a model."""

    _source_attribute: Attribute | None = None  # the attribute that declares it

    def __init__(
        self, fields: tuple[Field, ...], name: str | None, db_name: str | None, from_field_attribute: bool,
        span: Span, clustered: bool | None = None,
    ):
        self.fields = fields
        self.name = name
        self.db_name = db_name
        self.from_field_attribute = from_field_attribute
        self.span = span
        self.clustered = clustered
        self.index_fields: tuple[IndexField, ...] = ()

    @property
    def is_compound(self) -> bool:
        """Made of more than one field (``@@id([a, b])``)."""
        return len(self.fields) > 1

    def __repr__(self) -> str:
        return f"<PrimaryKey {[f.name for f in self.fields]}>"


class Model:
    """A ``model`` (a table) or ``view`` block."""

    # Filled by the resolution passes.
    _ast: Block
    _schema_span: Span | None = None
    _all_fields: tuple[Field, ...] = ()  # fields defined twice included, as Prisma reads their attributes
    _prisma_indexes: tuple[Index, ...] = ()  # the indexes in Prisma's order (field attributes first)

    def __init__(self, name: str, is_view: bool, span: Span, documentation: str | None, schema: Any):
        self.name = name
        self.is_view = is_view
        self.span = span
        self.documentation = documentation
        self.schema = schema
        self.fields: tuple[Field, ...] = ()
        self.db_name: str | None = None
        self.schema_name: str | None = None
        self.is_ignored = False
        self.primary_key: PrimaryKey | None = None
        self.indexes: tuple[Index, ...] = ()
        self.attributes: tuple = ()
        self._by_name: dict[str, Field] = {}

    @property
    def table_name(self) -> str:
        """The table's name in the database: the ``@@map`` name, else the model's."""
        return self.db_name or self.name

    def field(self, name: str) -> Field:
        """The field called ``name``; KeyError (naming the closest fields) when there is none."""
        try:
            return self._by_name[name]
        except KeyError:
            raise _not_found(f"field in model {self.name}", name, self._by_name) from None

    @property
    def scalar_fields(self) -> tuple[Field, ...]:
        """The fields that are columns (and composite-type fields), in declaration order."""
        return tuple(f for f in self.fields if f.kind != "relation")

    @property
    def relation_fields(self) -> tuple[Field, ...]:
        """The fields whose type is a model, in declaration order."""
        return tuple(f for f in self.fields if f.kind == "relation")

    @property
    def unique_constraints(self) -> tuple[Index, ...]:
        """Its ``@unique`` and ``@@unique`` constraints."""
        return tuple(i for i in self.indexes if i.kind == "unique")

    @property
    def relations(self) -> tuple[Relation, ...]:
        """The schema's relations that this model takes part in, on either side."""
        return tuple(r for r in self.schema.relations if self in (r.referencing_model, r.referenced_model))

    @property
    def join_relations(self) -> tuple[Relation, ...]:
        """The two relations of an explicit many-to-many join model, or ``()``."""
        return self.schema._join_relations.get(self.name, ())

    @property
    def is_join_model(self) -> bool:
        """An explicit many-to-many join model: one with two relations out (see :attr:`join_relations`)."""
        return bool(self.join_relations)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """In Jupyter: the model and its neighbours as a diagram."""
        from relviz.erd.display import mimebundle

        return mimebundle(self, include=include, exclude=exclude)

    def __repr__(self) -> str:
        return f"<{'View' if self.is_view else 'Model'} {self.name}>"


class CompositeType:
    """A ``type`` block (MongoDB's embedded documents)."""

    _ast: Block
    _all_fields: tuple[Field, ...] = ()

    def __init__(self, name: str, span: Span, documentation: str | None):
        self.name = name
        self.span = span
        self.documentation = documentation
        self.fields: tuple[Field, ...] = ()
        self._by_name: dict[str, Field] = {}
        self.is_view = False

    def field(self, name: str) -> Field:
        """The field called ``name``; KeyError (naming the closest fields) when there is none."""
        try:
            return self._by_name[name]
        except KeyError:
            raise _not_found(f"field in type {self.name}", name, self._by_name) from None

    def __repr__(self) -> str:
        return f"<CompositeType {self.name}>"


class JoinTable:
    """The table Prisma creates for an implicit many-to-many relation: ``_AToB(A, B)``."""

    def __init__(self, name: str, a_model: Model, b_model: Model):
        self.name = name
        self.a_model = a_model
        self.b_model = b_model

    column_a = "A"
    column_b = "B"

    def __repr__(self) -> str:
        return f"<JoinTable {self.name}(A -> {self.a_model.name}, B -> {self.b_model.name})>"


class Relation:
    """One relation between two models (or a model and itself), as Prisma infers it."""

    def __init__(
        self, name: str, has_explicit_name: bool, kind: str, referencing_field: Field, referenced_field: Field | None,
    ):
        self.name = name
        self.has_explicit_name = has_explicit_name
        self.kind = kind
        self.referencing_field: Field = referencing_field
        self.referenced_field: Field | None = referenced_field
        self.referencing_fields: tuple[Field, ...] = ()
        self.referenced_fields: tuple[Field, ...] = ()
        self.on_delete: str | None = None
        self.on_update: str | None = None
        self.on_delete_explicit: str | None = None
        self.on_update_explicit: str | None = None
        self.db_name: str | None = None
        self.join_table: JoinTable | None = None
        self.is_embedded = False

    @property
    def referencing_model(self) -> Model:
        """The model holding the foreign key; for many-to-many, the first of the two (column ``A``
        of the join table)."""
        return cast(Model, self.referencing_field.model)  # (relation fields are fields of models)

    @property
    def referenced_model(self) -> Model | None:
        """The model the foreign key points to."""
        return self.referencing_field.related_model

    @property
    def fields(self) -> tuple[Field, ...]:
        """The foreign-key fields (``@relation(fields: [...])``), on the referencing model."""
        return self.referencing_fields

    @property
    def references(self) -> tuple[Field, ...]:
        """The fields they point to (``@relation(references: [...])``), on the referenced model."""
        return self.referenced_fields

    @property
    def is_one_to_one(self) -> bool:
        """A one-to-one relation."""
        return self.kind == ONE_TO_ONE

    @property
    def is_one_to_many(self) -> bool:
        """A one-to-many relation."""
        return self.kind == ONE_TO_MANY

    @property
    def is_many_to_many(self) -> bool:
        """A many-to-many relation: Prisma's implicit one, through a join table, or MongoDB's, with
        lists of ids. (An explicit join model makes two one-to-many relations instead.)"""
        return self.kind == MANY_TO_MANY

    @property
    def is_implicit_many_to_many(self) -> bool:
        """A many-to-many relation through Prisma's own join table (``_AToB``)."""
        return self.join_table is not None

    @property
    def is_self(self) -> bool:
        """A relation of a model with itself."""
        return self.referencing_model is self.referenced_model

    @property
    def relation_fields(self) -> tuple[Field, ...]:
        """Its relation fields: the referencing side's, then the other side's when there is one."""
        return tuple(f for f in (self.referencing_field, self.referenced_field) if f is not None)

    def explain(self) -> str:
        """One paragraph in plain words: what the relation connects, who holds the key, what the arities mean."""
        from relviz.schema.explain import explain

        return explain(self)

    def join_sql(self, direction: str = "forward", how: str = "inner") -> str:
        """The SQL that follows this relation (see :func:`relviz.db.join_sql`)."""
        from relviz.db import join_sql

        return join_sql(self, direction=direction, how=how)

    def _repr_mimebundle_(self, include=None, exclude=None):
        """In Jupyter: the relation's two models, the relation highlighted."""
        from relviz.erd.display import mimebundle

        return mimebundle(self, include=include, exclude=exclude)

    def __str__(self) -> str:
        a, b = self.referencing_field, self.referenced_field
        right = f"{b.model.name}.{b.name}" if b is not None else getattr(self.referenced_model, "name", "?")
        return f"{self.name}: {a.model.name}.{a.name} -> {right} ({self.kind})"

    def __repr__(self) -> str:
        return f"<Relation {self}>"
