"""Links for relations: crow's foot ends, the key columns they join, implicit join tables, highlight."""

from .cardinality import relation_ends
from .columns import pk_fields, referenced_fields
from .options import DiagramOptionError
from .scene import Column, Link, Table
from .select import unknown_name_message

__all__ = [
    "implicit_join_table",
    "join_key_markers",
    "join_links",
    "join_table",
    "link_id",
    "pair_counts",
    "relation_link",
    "relation_ports",
    "relation_tooltip",
    "resolve_highlight",
]


def _referencing_ports(relation):
    fields = tuple(relation.referencing_fields)
    return tuple(f.name for f in fields or pk_fields(relation.referencing_model))


def implicit_join_table(relation):
    """The JoinTable of an implicit many-to-many relation, else None."""
    return relation.join_table if relation.is_implicit_many_to_many else None


def pair_counts(relations):
    """{(model, model): number of relations between them}: two or more get labelled lines."""
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
        tail_ports=ports_at(tail_ports, context),
        head_ports=ports_at(head_ports, context),
        tail_end=tail_end,
        head_end=head_end,
        relation=relation.name,
        relation_kind=relation.kind,
        label=relation.name if (ambiguous or highlighted) else None,
        tooltip=relation_tooltip(relation),
        highlighted=highlighted,
        on_delete=getattr(relation, "on_delete", None),
        join_table=table.name if (table := implicit_join_table(relation)) else None,
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
    return _referencing_ports(relation), tuple(f.name for f in referenced_fields(relation))


def ports_at(ports, context):
    """The ports, or none when tables are drawn without columns."""
    return () if context.detail == "tables" else ports


def link_id(relation):
    """A stable, unique id for a relation: the referencing model and relation field."""
    return f"{relation.referencing_model.name}.{relation.referencing_field.name}"


def relation_tooltip(relation):
    """`Post.author <-> User.posts: one-to-many, relation "PostToUser"`, then the relation explained."""
    back = relation.referenced_field
    ends = f"{relation.referencing_model.name}.{relation.referencing_field.name}"
    if back is not None:
        ends += f" \u2194 {relation.referenced_model.name}.{back.name}"
    summary = f'{ends}: {relation.kind}, relation "{relation.name}"'
    explain = getattr(relation, "explain", None)
    return f"{summary}\n\n{explain()}" if callable(explain) else summary


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
            doc=f"references {model.name}.{'/'.join(f.name for f in pk_fields(model))}",
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
    fields = pk_fields(model)
    return fields[0].type_name if len(fields) == 1 else "?"


def join_links(relation, *, context, highlighted=False):
    """Two links from the join table's A and B columns to the ids they reference."""
    table = relation.join_table
    models = _join_models(relation)
    labelled = highlighted or models[0] is models[1]  # a self-relation: say which line is A
    links = []
    for column, model in zip(("A", "B"), models):
        links.append(
            Link(
                id=f"{table.name}.{column}",
                kind="join",
                tail=table.name,
                head=model.name,
                tail_ports=ports_at((column,), context),
                head_ports=ports_at(tuple(f.name for f in pk_fields(model)), context),
                tail_end="zero-or-many",
                head_end="exactly-one",
                relation=relation.name,
                relation_kind="many-to-many",
                label=column if labelled else None,
                tooltip=f'{table.name}.{column} -> {model.name}: half of relation "{relation.name}"',
                highlighted=highlighted,
            )
        )
    return links


def resolve_highlight(highlight, relations):
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
