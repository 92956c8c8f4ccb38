"""Model tables: which fields a detail level shows, their types, key markers and defaults."""

from .scene import Column, Table

__all__ = [
    "default_text",
    "field_column",
    "key_markers",
    "model_kind",
    "model_table",
    "other_name",
    "pk_fields",
    "referenced_field_names",
    "referenced_fields",
    "type_text",
]


def pk_fields(model):
    """The primary key's fields of a model (empty without one)."""
    primary_key = model.primary_key
    return tuple(primary_key.fields) if primary_key else ()


def referenced_fields(relation):
    """The fields a relation references: `references:`, or the primary key (implicit m:n)."""
    fields = tuple(relation.referenced_fields)
    return fields or pk_fields(relation.referenced_model)


def model_kind(model):
    """The kind of table a model is drawn as: "view", "join-model" or "model"."""
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
        db_note=other_name(model.name, model.db_name, db_names=context.db_names),
    )


def _shows(field, *, keys, referenced, detail):
    if detail == "tables":
        return False
    if detail == "all":
        return True
    return field.kind != "relation" and (field.name in keys or field.name in referenced)


def _model_name(model, *, db_names):
    return (model.db_name or model.name) if db_names else model.name


def other_name(name, db_name, *, db_names):
    """The name not shown (the database name, or the Prisma name with db_names), if it differs."""
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
            names.update(f.name for f in referenced_fields(relation))
        if relation.referencing_model is model and not relation.referencing_fields:
            names.update(f.name for f in pk_fields(model))
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
