"""What a diagram shows, before any output format: tables, their columns, and the links between them.

Glossary: a *table* is anything drawn as a box (a model, a view, an explicit join model, an
implicit join table `_AToB`, an enum, a composite type); a *column* is one row of it; a *link*
is one line between two tables (a relation, one half of an implicit join table, or a field's
use of an enum or composite type). Tables and columns keep Prisma names as stable ids, so
switching to database names (`@map`/`@@map`) never changes the ids, only the text shown.
"""

from dataclasses import dataclass

__all__ = [
    "AUTO_WIDE",
    "Column",
    "DrawContext",
    "Link",
    "Scene",
    "SchemaParts",
    "Table",
    "parts_of_schema",
    "relation_parts",
    "wide_models",
]


@dataclass(frozen=True)
class Column:
    port: str
    name: str
    type: str = ""
    markers: tuple = ()
    default: str = None
    doc: str = None
    is_relation: bool = False


@dataclass(frozen=True)
class Table:
    id: str
    name: str
    kind: str  # "model" | "view" | "join-model" | "join-table" | "enum" | "composite"
    columns: tuple = ()
    doc: str = None
    hidden: int = 0  # fields not shown at this detail level
    db_note: str = None  # the other name (database name, or Prisma name when showing db names)


@dataclass(frozen=True)
class Link:
    id: str
    kind: str  # "relation" | "join" | "enum" | "composite"
    tail: str
    head: str
    tail_ports: tuple = ()
    head_ports: tuple = ()
    tail_end: str = None
    head_end: str = None
    relation: str = None
    relation_kind: str = None
    label: str = None
    tooltip: str = None
    highlighted: bool = False
    on_delete: str = None
    join_table: str = None  # the `_AToB` table behind an implicit many-to-many line


@dataclass(frozen=True)
class Scene:
    tables: tuple
    links: tuple
    detail: str
    direction: str
    theme: str


@dataclass(frozen=True)
class SchemaParts:
    """The pieces of a schema a diagram needs (a whole Schema, or just one relation's models)."""

    models: tuple
    relations: tuple
    enums: tuple = ()
    composite_types: tuple = ()
    provider: str = None


def parts_of_schema(schema):
    """SchemaParts of a whole Schema: models and views, relations, enums, composite types."""
    return SchemaParts(
        models=tuple(schema.models) + tuple(getattr(schema, "views", ())),
        relations=tuple(schema.relations),
        enums=tuple(schema.enums),
        composite_types=tuple(getattr(schema, "composite_types", ())),
        provider=getattr(schema, "provider", None),
    )


# detail="auto" never lists every field of a model this wide unless it is a focus model.
AUTO_WIDE = 30


@dataclass(frozen=True)
class DrawContext:
    """What every table and link builder needs to know: the options and the resolved detail."""

    options: object
    detail: str
    relations: list
    provider: str = None
    wide: frozenset = frozenset()  # models drawn with keys only although `detail` is "all"

    @property
    def db_names(self):
        return self.options.db_names

    def detail_of(self, table_id):
        """The detail level of one table: "auto" keeps very wide models to their keys."""
        return "keys" if table_id in self.wide else self.detail


def wide_models(models, options, detail):
    """Models that detail="auto" keeps to their keys: very wide ones, unless focused."""
    if options.detail != "auto" or detail != "all":
        return frozenset()
    return frozenset(m.name for m in models if len(m.fields) > AUTO_WIDE and m.name not in options.focus)


def relation_parts(relation):
    """The two models of a relation and every relation between them."""
    a, b = relation.referencing_model, relation.referenced_model
    models = (a,) if a is b else (a, b)
    names = {m.name for m in models}
    relations = tuple(
        r
        for r in a.relations
        if r.referencing_model.name in names and r.referenced_model.name in names
    )
    return SchemaParts(models=models, relations=relations or (relation,))
