"""Follow a relation in SQL: ``join_sql(relation)`` writes the join, ``join(con, "User.posts")`` runs it.

A relation can be followed two ways. *Forward* starts at the referencing model (the one holding
the foreign key, Prisma's model A; for an implicit many-to-many, the model whose name sorts
first) and goes along its relation field; *backward* starts at the referenced model and goes
along the back-relation field. ``join(con, "User.posts")`` picks the way from the field named:
``User.posts`` is the back-relation of ``Post.author``, so it goes backward, from User to Post.

The result has one column per scalar field of each side, named ``Model.field`` (``"User.id"``,
``"Post.title"``). When both sides are the same model (a self-relation), the far side is named
after the relation field instead: ``"User.name"`` next to ``"manager.name"``. Rows come ordered
by the near side's key, then the far side's.
"""

from __future__ import annotations

from relviz.db.names import column_ref, quote, table_of, table_ref
from relviz.errors import UsageError

__all__ = ["DIRECTIONS", "HOWS", "join", "join_sql", "resolve_relation"]

DIRECTIONS = ("forward", "backward")
HOWS = ("inner", "left")


def _check(value: str, allowed, what: str) -> str:
    if value not in allowed:
        raise UsageError(f"unknown {what}: {value!r} (must be one of {list(allowed)})")
    return value


def _sides(relation, direction: str):
    """``(near model, relation field followed, far model)``."""
    if direction == "forward":
        field = relation.referencing_field
    else:
        field = relation.referenced_field
        if field is None:  # pragma: no cover - valid schemas always have the back-relation
            raise UsageError(f"relation {relation.name} has no back-relation field to follow backward")
    return field.model, field, field.related_model


def _from_table(model, alias: str) -> str:
    table = table_of(model)
    return table if table == quote(alias) else f"{table} AS {quote(alias)}"


def _key_fields(model):
    if model.primary_key is not None:
        return list(model.primary_key.fields)
    unique = next(iter(model.unique_constraints), None)
    return list(unique.scalar_fields) if unique is not None else list(model.scalar_fields)


def _select_list(model, alias: str) -> list[str]:
    return [f"{column_ref(alias, f.column_name)} AS {quote(f'{alias}.{f.name}')}" for f in model.scalar_fields]


def _on(pairs, left: str, right: str) -> str:
    """``"Post"."authorId" = "User"."id"`` for each (left column, right column)."""
    return " AND ".join(f"{column_ref(left, a)} = {column_ref(right, b)}" for a, b in pairs)


def join_sql(relation, direction: str = "forward", how: str = "inner") -> str:
    """The SQL that follows ``relation``: its near model joined to its far model.

    ``direction`` is ``"forward"`` (from the model holding the foreign key) or ``"backward"``;
    ``how`` is ``"inner"`` (only rows with a partner) or ``"left"`` (every near row, NULLs when
    it has no partner). An implicit many-to-many goes through its join table ``_AToB``.
    """
    _check(direction, DIRECTIONS, "direction")
    keyword = {"inner": "JOIN", "left": "LEFT JOIN"}[_check(how, HOWS, "join kind")]
    near, field, far = _sides(relation, direction)
    near_alias = near.name
    far_alias = field.name if far is near else far.name
    lines = ["SELECT " + ",\n       ".join(_select_list(near, near_alias) + _select_list(far, far_alias)),
             f"FROM {_from_table(near, near_alias)}"]
    if relation.join_table is not None:
        lines += _through_join_table(relation, direction, near, near_alias, far, far_alias, keyword)
    else:
        pairs = [(f.column_name, g.column_name) for f, g in zip(relation.referencing_fields, relation.referenced_fields)]
        if direction == "forward":  # near holds the foreign key
            on = _on([(b, a) for a, b in pairs], far_alias, near_alias)
        else:
            on = _on(pairs, far_alias, near_alias)
        lines.append(f"{keyword} {_from_table(far, far_alias)} ON {on}")
    order = [column_ref(near_alias, f.column_name) for f in _key_fields(near)]
    order += [column_ref(far_alias, f.column_name) for f in _key_fields(far)]
    lines.append("ORDER BY " + ", ".join(order))
    return "\n".join(lines)


def _through_join_table(relation, direction, near, near_alias, far, far_alias, keyword) -> list[str]:
    """The two joins of an implicit many-to-many.

    A row (A, B) says: B is in model A's list field (the referencing field) and A is in model B's.
    So going forward, along model A's field, the near row is column A; backward it is column B.
    This holds for self-relations too, where model A's field is the one whose name sorts first.
    """
    from relviz.sql.naming import join_table_name

    jt = relation.join_table
    name = join_table_name(relation.name)
    table = table_ref(name, jt.a_model.schema_name)
    near_column, far_column = ("A", "B") if direction == "forward" else ("B", "A")
    near_key = near.primary_key.fields[0].column_name
    far_key = far.primary_key.fields[0].column_name
    return [
        f"{keyword} {table} ON {column_ref(name, near_column)} = {column_ref(near_alias, near_key)}",
        f"{keyword} {_from_table(far, far_alias)} ON {column_ref(far_alias, far_key)} = {column_ref(name, far_column)}",
    ]


def resolve_relation(schema, relation, direction: str | None = None):
    """``(Relation, direction)`` from a Relation, a relation name (``"PostToUser"``) or a field (``"User.posts"``)."""
    if not isinstance(relation, str):
        return relation, direction or "forward"
    try:
        found = schema.relation(relation)
    except KeyError as e:
        raise UsageError(str(e).strip("'\"")) from None
    if direction is None and "." in relation and found.name != relation:
        model_name, _, field_name = relation.partition(".")
        field = schema.model(model_name).field(field_name)
        direction = "forward" if field is found.referencing_field else "backward"
    return found, direction or "forward"


def join(con, relation, how: str = "inner", *, direction: str | None = None, schema=None):
    """Follow a relation in the database and return the rows as a pandas DataFrame.

    ``relation`` is a relation field (``"User.posts"``: from User to its posts), a relation name
    (``"PostToUser"``, forward unless ``direction="backward"``) or a Relation. The connection's
    schema is the one given to :func:`relviz.connect` (or pass ``schema=``).
    """
    from relviz.db.database import schema_of

    schema = schema_of(con, schema)
    relation, direction = resolve_relation(schema, relation, direction)
    con = getattr(con, "con", con)
    return con.execute(join_sql(relation, direction, how)).df()
