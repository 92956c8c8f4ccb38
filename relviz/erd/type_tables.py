"""Enums and composite types as tables of their own, linked from the fields that use them."""

from .columns import field_column, other_name, type_text
from .scene import Column, Link, Table

__all__ = ["composite_table", "enum_table", "type_tables"]


def type_tables(models, parts, context):
    """Composite types used by the drawn models (always) and enums (when options.enums)."""
    tables, links = [], []
    shown_types = _used_composites(models)
    for composite in parts.composite_types:
        if composite.name in shown_types:
            tables.append(composite_table(composite, context=context))
    holders = [(m.name, m) for m in models]
    holders += [("type:" + c.name, c) for c in parts.composite_types if c.name in shown_types]
    used_enums = {f.enum.name for _, h in holders for f in h.fields if f.kind == "enum" and f.enum}
    enums = [e for e in parts.enums if e.name in used_enums] if context.options.enums else []
    tables.extend(enum_table(e, context=context) for e in enums)
    enum_names = {e.name for e in enums}
    for holder_id, holder in holders:
        links.extend(
            _type_links(holder, holder_id=holder_id, enum_names=enum_names, shown_types=shown_types, context=context)
        )
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


def _type_links(holder, *, holder_id, enum_names, shown_types, context):
    links, seen = [], set()
    for field in holder.fields:
        if field.kind == "enum" and field.enum and field.enum.name in enum_names:
            target, kind = "enum:" + field.enum.name, "enum"
        elif field.kind == "composite" and field.composite_type and field.composite_type.name in shown_types:
            target, kind = "type:" + field.composite_type.name, "composite"
        else:
            continue
        shows_fields = context.detail_of(holder_id) == "all" or holder_id.startswith("type:")
        ports = (field.name,) if shows_fields and context.detail != "tables" else ()
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
        db_note=other_name(enum.name, enum.db_name, db_names=context.db_names),
    )
