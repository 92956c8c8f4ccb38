"""What a diagram shows, before any output format: tables, their columns, and the links between them.

Glossary: a *table* is anything drawn as a box (a model, a view, an explicit join model, an
implicit join table `_AToB`, an enum, a composite type); a *column* is one row of it; a *link*
is one line between two tables (a relation, one half of an implicit join table, or a field's
use of an enum or composite type). Tables and columns keep Prisma names as stable ids, so
switching to database names (`@map`/`@@map`) never changes the ids, only the text shown.
"""

from dataclasses import dataclass

from .cardinality import relation_ends
from .options import DiagramOptionError, auto_detail
from .select import select_models, unknown_name_message

__all__ = ["Column", "Table", "Link", "Scene", "SchemaParts", "build_scene", "parts_of_schema"]


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


def build_scene(parts, options):
    """Turn SchemaParts and Options into a Scene."""
    models = select_models(
        parts.models,
        parts.relations,
        focus=options.focus,
        depth=options.depth,
        include=options.include,
        exclude=options.exclude,
    )
    names = {m.name for m in models}
    relations = [
        r
        for r in parts.relations
        if r.referencing_model.name in names and r.referenced_model.name in names
    ]
    highlight = _resolve_highlight(options.highlight, parts.relations)
    physical = options.join_tables == "physical"
    join_count = sum(1 for r in relations if physical and _join_table(r))
    detail = auto_detail(options.detail, table_count=len(models) + join_count)
    context = _Context(
        options=options,
        detail=detail,
        relations=relations,
        provider=parts.provider,
        wide=_wide_models(models, options, detail),
    )
    tables = [model_table(m, context=context) for m in models]
    links = []
    pairs = _pair_counts(relations)
    for relation in relations:
        lit = highlight is not None and relation is highlight
        if physical and _join_table(relation):
            tables.append(join_table(relation, context=context))
            links.extend(join_links(relation, context=context, highlighted=lit))
        else:
            links.append(relation_link(relation, context=context, pairs=pairs, highlighted=lit))
    extra_tables, extra_links = _type_tables(models, parts, context)
    return Scene(
        tables=tuple(tables + extra_tables),
        links=tuple(links + extra_links),
        detail=detail,
        direction=options.direction,
        theme=options.theme,
    )


# detail="auto" never lists every field of a model this wide unless it is a focus model.
AUTO_WIDE = 30


@dataclass(frozen=True)
class _Context:
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


def _wide_models(models, options, detail):
    if options.detail != "auto" or detail != "all":
        return frozenset()
    return frozenset(m.name for m in models if len(m.fields) > AUTO_WIDE and m.name not in options.focus)


# -- models ---------------------------------------------------------------------------


def model_kind(model):
    """"view", "join-model" or "model"."""
    if getattr(model, "is_view", False):
        return "view"
    if getattr(model, "is_join_model", False):
        return "join-model"
    return "model"


def model_table(model, *, context):
    """A Table for a model or view, with the columns this detail level shows."""
    keys = key_markers(model, relations=context.relations)
    referenced = referenced_field_names(model, relations=context.relations)
    detail = context.detail_of(model.name)
    shown = [f for f in model.fields if _shows(f, keys=keys, referenced=referenced, detail=detail)]
    columns = tuple(field_column(f, markers=keys.get(f.name, ()), db_names=context.db_names) for f in shown)
    total = len(model.fields) if detail == "all" else len(model.scalar_fields)
    shown_count = len(columns) if detail == "all" else sum(1 for c in columns if not c.is_relation)
    return Table(
        id=model.name,
        name=_model_name(model, db_names=context.db_names),
        kind=model_kind(model),
        columns=columns,
        doc=model.documentation,
        hidden=max(total - shown_count, 0),
        db_note=_other_name(model.name, model.db_name, db_names=context.db_names),
    )


def _shows(field, *, keys, referenced, detail):
    if detail == "tables":
        return False
    if detail == "all":
        return True
    return field.kind != "relation" and (field.name in keys or field.name in referenced)


def _model_name(model, *, db_names):
    return (model.db_name or model.name) if db_names else model.name


def _other_name(name, db_name, *, db_names):
    if not db_name or db_name == name:
        return None
    return name if db_names else db_name


def key_markers(model, *, relations):
    """{field name: ("PK", "FK", "UQ"...)}: primary key, foreign key, unique (U1, U2 for compound)."""
    markers = {}

    def add(name, marker):
        if marker not in markers.setdefault(name, []):
            markers[name].append(marker)

    primary_key = model.primary_key
    for field in primary_key.fields if primary_key else ():
        add(field.name, "PK")
    for relation in relations:
        if relation.referencing_model is model:
            for field in relation.referencing_fields:
                add(field.name, "FK")
    compound = 0
    for index in model.unique_constraints:
        fields = [f.field if hasattr(f, "field") else f for f in index.fields]
        if len(fields) == 1:
            add(fields[0].name, "UQ")
        else:
            compound += 1
            for field in fields:
                add(field.name, f"U{compound}")
    return {name: tuple(m) for name, m in markers.items()}


def referenced_field_names(model, *, relations):
    """Names of this model's fields that some drawn relation points at."""
    names = set()
    for relation in relations:
        if relation.referenced_model is model:
            names.update(f.name for f in _referenced_fields(relation))
        if relation.referencing_model is model and not relation.referencing_fields:
            names.update(f.name for f in _pk_fields(model))
    return names


def field_column(field, *, markers=(), db_names=False):
    """A Column for one field of a model, view or composite type."""
    is_relation = field.kind == "relation"
    name = field.name
    if db_names and not is_relation:
        name = field.db_name or field.name
    return Column(
        port=field.name,
        name=name,
        type=type_text(field),
        markers=tuple(markers),
        default=default_text(field.default),
        doc=field.documentation,
        is_relation=is_relation,
    )


def type_text(field):
    """`String?`, `Int[]`, `Role`, `Unsupported("point")`."""
    base = field.type_name
    if field.unsupported_type is not None:
        base = f'Unsupported("{field.unsupported_type}")'
    return base + ("?" if field.is_optional else "[]" if field.is_list else "")


def default_text(default):
    """`autoincrement()`, `now()`, `"draft"`, `false`, `USER` (None when there is no default)."""
    if default is None:
        return None
    function = getattr(default, "function", None)
    if function:
        args = ", ".join(_literal(a) for a in getattr(default, "args", ()) or ())
        return f"{function}({args})"
    return _literal(getattr(default, "value", None))


def _literal(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, str):
        return value if value.isidentifier() else '"' + value.replace('"', '\\"') + '"'
    return str(value)


# -- relations ------------------------------------------------------------------------


def _pk_fields(model):
    primary_key = model.primary_key
    return tuple(primary_key.fields) if primary_key else ()


def _referenced_fields(relation):
    fields = tuple(relation.referenced_fields)
    return fields or _pk_fields(relation.referenced_model)


def _referencing_ports(relation):
    fields = tuple(relation.referencing_fields)
    return tuple(f.name for f in fields or _pk_fields(relation.referencing_model))


def _join_table(relation):
    return relation.join_table if relation.is_implicit_many_to_many else None


def _pair_counts(relations):
    counts = {}
    for r in relations:
        pair = tuple(sorted((r.referencing_model.name, r.referenced_model.name)))
        counts[pair] = counts.get(pair, 0) + 1
    return counts


def relation_link(relation, *, context, pairs, highlighted=False):
    """The Link of a relation: from the referencing columns to the referenced columns."""
    tail_end, head_end = relation_ends(
        kind=relation.kind, referencing_required=relation.referencing_field.is_required
    )
    a, b = relation.referencing_model.name, relation.referenced_model.name
    tail_ports, head_ports = relation_ports(relation, context=context)
    ambiguous = pairs.get(tuple(sorted((a, b))), 0) > 1 or a == b
    return Link(
        id=link_id(relation),
        kind="relation",
        tail=a,
        head=b,
        tail_ports=_ports(tail_ports, context),
        head_ports=_ports(head_ports, context),
        tail_end=tail_end,
        head_end=head_end,
        relation=relation.name,
        relation_kind=relation.kind,
        label=relation.name if (ambiguous or highlighted) else None,
        tooltip=relation_tooltip(relation),
        highlighted=highlighted,
        on_delete=getattr(relation, "on_delete", None),
        join_table=table.name if (table := _join_table(relation)) else None,
    )


def relation_ports(relation, *, context):
    """(referencing ports, referenced ports): the foreign key columns and the columns they reference.

    An implicit many-to-many relation has no such columns in either model (they live in the
    join table), so when relation fields are shown its line joins the two relation fields;
    otherwise it joins the two primary keys.
    """
    back = relation.referenced_field
    both_all = all(context.detail_of(m.name) == "all" for m in (relation.referencing_model, relation.referenced_model))
    if not relation.referencing_fields and both_all and back is not None:
        return (relation.referencing_field.name,), (back.name,)
    return _referencing_ports(relation), tuple(f.name for f in _referenced_fields(relation))


def _ports(ports, context):
    return () if context.detail == "tables" else ports


def link_id(relation):
    """A stable, unique id for a relation: the referencing model and relation field."""
    return f"{relation.referencing_model.name}.{relation.referencing_field.name}"


def relation_tooltip(relation):
    """One line: `Post.author -> User.posts: one-to-many, relation "PostToUser"`."""
    back = relation.referenced_field
    ends = f"{relation.referencing_model.name}.{relation.referencing_field.name}"
    if back is not None:
        ends += f" \u2194 {relation.referenced_model.name}.{back.name}"
    return f'{ends}: {relation.kind}, relation "{relation.name}"'


# -- implicit many-to-many join tables -----------------------------------------------


def join_key_markers(provider):
    """Prisma gives `_AToB` a primary key (A, B) on PostgreSQL/CockroachDB, a unique index elsewhere."""
    key = "PK" if provider in ("postgresql", "cockroachdb") else "U1"
    return (key, "FK")


def join_table(relation, *, context):
    """The physical `_AToB` table of an implicit many-to-many relation: columns A and B."""
    table = relation.join_table
    a_model, b_model = _join_models(relation)
    columns = tuple(
        Column(
            port=column,
            name=column,
            type=_pk_type(model),
            markers=join_key_markers(context.provider),
            doc=f"references {model.name}.{'/'.join(f.name for f in _pk_fields(model))}",
        )
        for column, model in (("A", a_model), ("B", b_model))
    )
    return Table(
        id=table.name,
        name=table.name,
        kind="join-table",
        columns=() if context.detail == "tables" else columns,
        doc=f'implicit many-to-many join table of relation "{relation.name}"',
    )


def _join_models(relation):
    table = relation.join_table
    a_model = getattr(table, "a_model", None) or relation.referencing_model
    b_model = getattr(table, "b_model", None) or relation.referenced_model
    return a_model, b_model


def _pk_type(model):
    fields = _pk_fields(model)
    return fields[0].type_name if len(fields) == 1 else "?"


def join_links(relation, *, context, highlighted=False):
    """Two links from the join table's A and B columns to the ids they reference."""
    table = relation.join_table
    links = []
    for column, model in zip(("A", "B"), _join_models(relation)):
        links.append(
            Link(
                id=f"{table.name}.{column}",
                kind="join",
                tail=table.name,
                head=model.name,
                tail_ports=_ports((column,), context),
                head_ports=_ports(tuple(f.name for f in _pk_fields(model)), context),
                tail_end="zero-or-many",
                head_end="exactly-one",
                relation=relation.name,
                relation_kind="many-to-many",
                label=column if highlighted else None,
                tooltip=f'{table.name}.{column} -> {model.name}: half of relation "{relation.name}"',
                highlighted=highlighted,
            )
        )
    return links


def _resolve_highlight(highlight, relations):
    """A Relation, a relation name, or "Model.field" -> the Relation (or None)."""
    if highlight is None:
        return None
    if not isinstance(highlight, str):
        for relation in relations:
            if relation is highlight:
                return relation
        highlight = getattr(highlight, "name", str(highlight))
    for relation in relations:
        fields = [relation.referencing_field, relation.referenced_field]
        dotted = {f"{f.model.name}.{f.name}" for f in fields if f is not None}
        if relation.name == highlight or highlight in dotted:
            return relation
    choices = sorted({r.name for r in relations})
    raise DiagramOptionError(unknown_name_message(what="relation", name=highlight, choices=choices))


# -- enums and composite types -------------------------------------------------------


def _type_tables(models, parts, context):
    """Composite types used by the drawn models (always) and enums (when options.enums)."""
    tables, links = [], []
    shown_types = _used_composites(models)
    for composite in parts.composite_types:
        if composite.name in shown_types:
            tables.append(composite_table(composite, context=context))
    holders = list(models) + [c for c in parts.composite_types if c.name in shown_types]
    used_enums = {f.enum.name for m in holders for f in m.fields if f.kind == "enum" and f.enum}
    enums = [e for e in parts.enums if e.name in used_enums] if context.options.enums else []
    tables.extend(enum_table(e, context=context) for e in enums)
    enum_names = {e.name for e in enums}
    for holder in holders:
        links.extend(_type_links(holder, enum_names=enum_names, shown_types=shown_types, context=context))
    return tables, links


def _used_composites(models):
    found, todo = set(), [f for m in models for f in m.fields]
    while todo:
        field = todo.pop()
        composite = field.composite_type if field.kind == "composite" else None
        if composite is not None and composite.name not in found:
            found.add(composite.name)
            todo.extend(composite.fields)
    return found


def _type_links(holder, *, enum_names, shown_types, context):
    holder_id = _holder_id(holder)
    links, seen = [], set()
    for field in holder.fields:
        if field.kind == "enum" and field.enum and field.enum.name in enum_names:
            target, kind = "enum:" + field.enum.name, "enum"
        elif field.kind == "composite" and field.composite_type and field.composite_type.name in shown_types:
            target, kind = "type:" + field.composite_type.name, "composite"
        else:
            continue
        ports = (field.name,) if context.detail_of(holder_id) == "all" else ()
        if not ports and (holder_id, target) in seen:
            continue
        seen.add((holder_id, target))
        links.append(
            Link(
                id=f"{holder_id}.{field.name}",
                kind=kind,
                tail=holder_id,
                head=target,
                tail_ports=ports,
                tooltip=f"{holder.name}.{field.name}: {type_text(field)}",
            )
        )
    return links


def _holder_id(holder):
    is_model = hasattr(holder, "relation_fields") or hasattr(holder, "is_view")
    return holder.name if is_model else "type:" + holder.name


def composite_table(composite, *, context):
    """A composite type (MongoDB `type Address { ... }`) as a table of its own."""
    columns = tuple(field_column(f, db_names=context.db_names) for f in composite.fields)
    return Table(
        id="type:" + composite.name,
        name=composite.name,
        kind="composite",
        columns=columns if context.detail != "tables" else (),
        doc=composite.documentation,
        hidden=len(columns) if context.detail == "tables" else 0,
    )


def enum_table(enum, *, context):
    """An enum as a small table listing its values."""
    columns = tuple(
        Column(
            port=v.name,
            name=(v.db_name or v.name) if context.db_names else v.name,
            doc=getattr(v, "documentation", None),
        )
        for v in enum.values
    )
    return Table(
        id="enum:" + enum.name,
        name=(enum.db_name or enum.name) if context.db_names else enum.name,
        kind="enum",
        columns=columns if context.detail != "tables" else (),
        doc=enum.documentation,
        hidden=len(columns) if context.detail == "tables" else 0,
        db_note=_other_name(enum.name, enum.db_name, db_names=context.db_names),
    )
