"""Referential actions: what deleting or updating a row does to the rows that point at it.

DuckDB cannot cascade, so relviz applies ``onDelete`` and ``onUpdate`` itself, the way Prisma
Client does with ``relationMode = "prisma"``, inside one transaction:

- ``Cascade``: the rows pointing at a deleted row are deleted too (and so on, down the
  relations); on update, their foreign key follows the new value.
- ``SetNull``: their foreign key becomes NULL. ``SetDefault``: it takes its ``@default``, which
  must point at a row that exists (else Prisma's P2003, as the database would say).
- ``Restrict`` and ``NoAction``: if any row points at the row, nothing changes and
  :class:`RelationViolationError` (Prisma's P2014) names the relation.
- Rows of an implicit many-to-many join table (``_AToB``) go with either side, always.

:func:`delete` and :func:`update` take a ``where`` dict of field values; :func:`apply_delete` and
:func:`apply_update` take the key values of the rows and run inside the caller's transaction
(for code that has already found its rows, such as Prisma-Client-style queries).
"""

from __future__ import annotations

from typing import NamedTuple

from relviz.db.names import literal, quote, table_of
from relviz.db.order import foreign_key_relations
from relviz.errors import RelvizError, UsageError

__all__ = ["Effect", "RelationViolationError", "apply_delete", "apply_update", "delete", "find_keys", "key_fields", "update"]


class RelationViolationError(RelvizError):
    """A change that a relation forbids (``onDelete: Restrict``...), worded as Prisma words it."""

    def __init__(self, message: str, *, code: str, relation=None, hint: str | None = None):
        super().__init__(message + (f"\n{hint}" if hint else ""))
        self.code = code
        self.relation = relation
        self.prisma_message = message


class Effect(NamedTuple):
    """One thing a delete or update did: ``Effect("Book", "deleted", 2, "Book.author onDelete: Cascade")``."""

    model: str
    change: str  # "deleted" | "updated" | "set null" | "set default" | "unlinked"
    rows: int
    because: str | None = None

    def __str__(self) -> str:
        because = f" ({self.because})" if self.because else ""
        return f"{self.model}: {self.rows} row{'s' if self.rows != 1 else ''} {self.change}{because}"


# -- keys and row sets ---------------------------------------------------------------------------

def key_fields(model) -> tuple:
    """The fields that tell one row from another: the primary key, else the first unique key."""
    if model.primary_key is not None:
        return tuple(model.primary_key.fields)
    unique = next(iter(model.unique_constraints), None)
    if unique is None:
        raise UsageError(f"model {model.name} has no @id or @unique: relviz cannot tell its rows apart")
    return tuple(unique.scalar_fields)


def _in_rows(columns, rows, alias: str = "t") -> tuple[str, list]:
    """A condition ``(columns) in rows`` and its parameters."""
    if not rows:
        return "FALSE", []
    refs = [f"{quote(alias)}.{quote(c)}" for c in columns]
    if len(columns) == 1:
        return f"{refs[0]} IN (SELECT unnest(?))", [[r[0] for r in rows]]
    names = [f"k{i}" for i in range(len(columns))]
    values = ", ".join("(" + ", ".join("?" * len(columns)) + ")" for _ in rows)
    match = " AND ".join(f"{ref} = k.{n}" for ref, n in zip(refs, names))
    params = [v for row in rows for v in row]
    return f"EXISTS (SELECT 1 FROM (VALUES {values}) AS k({', '.join(names)}) WHERE {match})", params


def _select(con, model, fields, columns, rows) -> list[tuple]:
    """Values of ``fields`` for the rows whose ``columns`` are in ``rows``."""
    cond, params = _in_rows(columns, rows)
    names = ", ".join(f"t.{quote(f.column_name)}" for f in fields)
    return con.execute(f"SELECT {names} FROM {table_of(model)} AS t WHERE {cond}", params).fetchall()


def find_keys(con, schema, model, where: dict | None) -> list[tuple]:
    """The key values (:func:`key_fields`) of the rows of ``model`` matching ``where`` (``{field: value}``)."""
    model = _model(schema, model)
    where = where or {}
    conditions, params = [], []
    for name, value in where.items():
        column = quote(_field(model, name).column_name)
        if value is None:
            conditions.append(f"t.{column} IS NULL")
        else:
            conditions.append(f"t.{column} = ?")
            params.append(value)
    keys = ", ".join(f"t.{quote(f.column_name)}" for f in key_fields(model))
    sql = f"SELECT {keys} FROM {table_of(model)} AS t WHERE {' AND '.join(conditions) or 'TRUE'}"
    return con.execute(sql, params).fetchall()


def _model(schema, model):
    if isinstance(model, str):
        try:
            return schema.model(model)
        except KeyError as e:
            raise UsageError(str(e).strip("'\"")) from None
    return model


def _field(model, name: str):
    try:
        field = model.field(name)
    except KeyError as e:
        raise UsageError(str(e).strip("'\"")) from None
    if field.kind == "relation":
        raise UsageError(f"{model.name}.{name} is a relation field; give its scalar fields "
                         f"({', '.join(f.name for f in field.relation.referencing_fields) or 'on the other model'}) instead")
    return field


def _pointing_at(schema, model):
    """Relations whose foreign key points at ``model`` (including self-relations)."""
    return [r for r in foreign_key_relations(schema) if r.referenced_model is model]


def _join_tables(schema, model):
    """``[(join table SQL name, column)]``: where ``model``'s ids appear in implicit many-to-many join tables."""
    from relviz.db.names import table_ref
    from relviz.sql.naming import join_table_name

    found = []
    for r in schema.relations:
        jt = r.join_table
        if jt is None:
            continue
        table = table_ref(join_table_name(r.name), jt.a_model.schema_name)
        if jt.a_model is model:
            found.append((table, "A", r))
        if jt.b_model is model:
            found.append((table, "B", r))
    return found


def _violation(con, relation, action_word: str, children) -> RelationViolationError:
    """Prisma's P2014, and a hint naming the rows that point at the row being changed."""
    child, parent = relation.referencing_model, relation.referenced_model
    message = (f"The change you are trying to make would violate the required relation '{relation.name}' "
               f"between the `{child.name}` and `{parent.name}` models.")
    child_keys = [f.column_name for f in key_fields(child)]
    pointed = sorted(set(_select(con, child, relation.referencing_fields, child_keys, children)), key=repr)
    targets = ", ".join(f"{parent.name}({_describe(relation.referenced_fields, v)})" for v in pointed[:3])
    targets += ", ..." if len(pointed) > 3 else ""
    n = len(children)
    hint = (f"{child.name}.{relation.referencing_field.name} has {action_word} and {n} {child.name} "
            f"row{'s' if n != 1 else ''} point{'s' if n == 1 else ''} at {targets}: "
            "delete them or point them elsewhere first.")
    return RelationViolationError(message, code="P2014", relation=relation, hint=hint)


def _describe(fields, row) -> str:
    return ", ".join(f"{f.name}={v!r}" for f, v in zip(fields, row))


# -- delete ----------------------------------------------------------------------------------------

def apply_delete(con, schema, model, key_rows, *, _doomed=None, _effects=None, _because=None) -> list[Effect]:
    """Delete the rows of ``model`` whose key values (:func:`key_fields`) are ``key_rows``, with every ``onDelete``.

    Runs in the caller's transaction; raises :class:`RelationViolationError` before or while
    changing rows, so the caller must roll back on error (:func:`delete` does).
    """
    model = _model(schema, model)
    doomed = _doomed if _doomed is not None else {}
    effects = _effects if _effects is not None else []
    keys = key_fields(model)
    mine = doomed.setdefault(model.name, set())
    rows = [tuple(r) for r in key_rows if tuple(r) not in mine]
    if not rows:
        return effects
    mine.update(rows)
    key_columns = [f.column_name for f in keys]
    for relation in _pointing_at(schema, model):
        _on_delete(con, schema, relation, keys, key_columns, rows, doomed, effects)
    for table, column, relation in _join_tables(schema, model):
        id_field = model.primary_key.fields[0]
        ids = [r[0] for r in _select(con, model, [id_field], key_columns, rows)]
        cond, params = _in_rows([column], [(i,) for i in ids])
        n = con.execute(f"DELETE FROM {table} AS t WHERE {cond}", params).fetchall()[0][0]
        if n:
            effects.append(Effect(relation.join_table.name, "unlinked", n, f"implicit many-to-many {relation.name}"))
    cond, params = _in_rows(key_columns, rows)
    n = con.execute(f"DELETE FROM {table_of(model)} AS t WHERE {cond}", params).fetchall()[0][0]
    effects.append(Effect(model.name, "deleted", n, _because))
    return effects


def _children(con, relation, parent_values):
    """Key values of the rows of the referencing model whose foreign key is one of ``parent_values``."""
    child = relation.referencing_model
    fk_columns = [f.column_name for f in relation.referencing_fields]
    return [tuple(r) for r in _select(con, child, key_fields(child), fk_columns, parent_values)]


def _on_delete(con, schema, relation, keys, key_columns, rows, doomed, effects) -> None:
    parent, child = relation.referenced_model, relation.referencing_model
    parent_values = [v for v in _select(con, parent, relation.referenced_fields, key_columns, rows) if None not in v]
    children = [c for c in _children(con, relation, parent_values) if c not in doomed.get(child.name, set())]
    if not children:
        return
    action = relation.on_delete or "Restrict"
    because = f"{child.name}.{relation.referencing_field.name} onDelete: {action}"
    if action in ("Restrict", "NoAction"):
        raise _violation(con, relation, f"onDelete: {action}", children)
    if action == "Cascade":
        apply_delete(con, schema, child, children, _doomed=doomed, _effects=effects, _because=because)
        return
    values = {f: None for f in relation.referencing_fields}
    if action == "SetDefault":
        values = {f: _default_value(f) for f in relation.referencing_fields}
    n = _set(con, child, values, children)
    effects.append(Effect(child.name, "set null" if action == "SetNull" else "set default", n, because))
    if action == "SetDefault":
        _check_points_somewhere(con, relation, values, doomed)


def _default_value(field):
    d = field.default
    if d is None or d.function is not None:
        return None
    return d.value


def _set(con, model, values: dict, key_rows) -> int:
    keys = key_fields(model)
    cond, params = _in_rows([f.column_name for f in keys], key_rows)
    assign = ", ".join(f"{quote(f.column_name)} = {literal(v)}" for f, v in values.items())
    return con.execute(f"UPDATE {table_of(model)} AS t SET {assign} WHERE {cond}", params).fetchall()[0][0]


def _check_points_somewhere(con, relation, values, doomed) -> None:
    """After SetDefault: the default must be a row that exists and is not being deleted (else P2003)."""
    from relviz.sql.naming import foreign_key_name

    parent = relation.referenced_model
    row = tuple(values[f] for f in relation.referencing_fields)
    if None in row:
        return
    found = _select(con, parent, key_fields(parent), [g.column_name for g in relation.referenced_fields], [row])
    alive = [k for k in found if tuple(k) not in doomed.get(parent.name, set())]
    if not alive:
        child = relation.referencing_model
        constraint = relation.db_name or foreign_key_name(child.table_name, [f.column_name for f in relation.referencing_fields])
        raise RelationViolationError(
            f"Foreign key constraint violated on the constraint: `{constraint}`", code="P2003", relation=relation,
            hint=(f"{child.name}.{relation.referencing_field.name} has onDelete: SetDefault, but its default "
                  f"({_describe(relation.referencing_fields, row)}) is not a {parent.name} that will still exist."),
        )


# -- update ----------------------------------------------------------------------------------------

def apply_update(con, schema, model, key_rows, data: dict, *, _effects=None, _because=None) -> list[Effect]:
    """Set ``data`` (``{field name: value}``) on the rows of ``model`` with key values ``key_rows``, with every ``onUpdate``.

    Runs in the caller's transaction (see :func:`apply_delete`).
    """
    model = _model(schema, model)
    effects = _effects if _effects is not None else []
    rows = [tuple(r) for r in key_rows]
    if not rows or not data:
        return effects
    values = {_field(model, name): value for name, value in data.items()}
    keys = key_fields(model)
    key_columns = [f.column_name for f in keys]
    for relation in _pointing_at(schema, model):
        if any(f in values for f in relation.referenced_fields):
            _on_update(con, schema, relation, keys, key_columns, rows, values, effects)
    id_field = model.primary_key.fields[0] if model.primary_key is not None else None
    if id_field in values:
        for table, column, relation in _join_tables(schema, model):
            ids = [r[0] for r in _select(con, model, [id_field], key_columns, rows)]
            cond, params = _in_rows([column], [(i,) for i in ids])
            n = con.execute(f"UPDATE {table} AS t SET {quote(column)} = {literal(values[id_field])} WHERE {cond}", params).fetchall()[0][0]
            if n:
                effects.append(Effect(relation.join_table.name, "updated", n, f"implicit many-to-many {relation.name}"))
    effects.append(Effect(model.name, "updated", _set(con, model, values, rows), _because))
    return effects


def _on_update(con, schema, relation, keys, key_columns, rows, values, effects) -> None:
    parent, child = relation.referenced_model, relation.referencing_model
    old = {tuple(v) for v in _select(con, parent, relation.referenced_fields, key_columns, rows) if None not in v}
    # each referenced value that changes, and what it becomes
    moves = {v: tuple(values.get(g, x) for g, x in zip(relation.referenced_fields, v)) for v in sorted(old, key=repr)}
    moves = {v: w for v, w in moves.items() if w != v}
    children = _children(con, relation, list(moves))
    if not children:
        return
    action = relation.on_update or "Cascade"
    because = f"{child.name}.{relation.referencing_field.name} onUpdate: {action}"
    if action in ("Restrict", "NoAction"):
        raise _violation(con, relation, f"onUpdate: {action}", children)
    if action == "Cascade":  # the children of each referenced row follow its new value
        groups = [(w, _children(con, relation, [v])) for v, w in moves.items()]  # all found before any moves
        for w, rows_of_v in groups:
            data = {f.name: x for f, x in zip(relation.referencing_fields, w)}
            apply_update(con, schema, child, rows_of_v, data, _effects=effects, _because=because)
        return
    if action == "SetNull":
        n = _set(con, child, {f: None for f in relation.referencing_fields}, children)
        effects.append(Effect(child.name, "set null", n, because))
        return
    defaults = {f: _default_value(f) for f in relation.referencing_fields}
    effects.append(Effect(child.name, "set default", _set(con, child, defaults, children), because))
    _check_points_somewhere(con, relation, defaults, {})


# -- the convenient forms --------------------------------------------------------------------------

def _in_transaction(con, work):
    import duckdb

    con.execute("BEGIN TRANSACTION")
    try:
        result = work()
    except duckdb.ConstraintException as e:
        con.execute("ROLLBACK")
        # A NOT NULL column met SetNull, or a key met its twin: Prisma's P2011 / P2002, in words.
        code = "P2011" if "NOT NULL" in str(e) else "P2002"
        raise RelationViolationError(
            f"The change was refused by the database and undone: {str(e).splitlines()[0]}",
            code=code,
            hint="Nothing was changed. A SetNull action needs an optional foreign key (`Int?`); "
            "a SetDefault action needs a default that is not taken.",
        ) from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return result


def delete(con, schema, model, where: dict) -> list[Effect]:
    """Delete the rows of ``model`` matching ``where`` and apply every ``onDelete``, in one transaction.

    >>> relviz.db.delete(con, schema, "Author", where={"id": 6})          # doctest: +SKIP
    [Effect(model='Book', change='deleted', rows=2, ...), Effect(model='Author', change='deleted', rows=1, ...)]

    Raises :class:`RelationViolationError` (and changes nothing) when a relation forbids it.
    """
    from relviz.db.database import schema_of

    schema = schema_of(con, schema)
    con = getattr(con, "con", con)
    model = _model(schema, model)
    return _in_transaction(con, lambda: apply_delete(con, schema, model, find_keys(con, schema, model, where)))


def update(con, schema, model, where: dict, data: dict) -> list[Effect]:
    """Set ``data`` on the rows of ``model`` matching ``where`` and apply every ``onUpdate``, in one transaction."""
    from relviz.db.database import schema_of

    schema = schema_of(con, schema)
    con = getattr(con, "con", con)
    model = _model(schema, model)
    return _in_transaction(con, lambda: apply_update(con, schema, model, find_keys(con, schema, model, where), data))
