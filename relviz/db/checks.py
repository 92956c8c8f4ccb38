"""Integrity checks in SQL: foreign keys that point nowhere (orphans) and repeated unique keys.

DuckDB holds relviz's tables without foreign key constraints (see :mod:`relviz.db.database`),
so these queries are how a reader (or a test) sees that every relation still holds.
"""

from __future__ import annotations

from relviz.db.names import column_ref, quote, table_of, table_ref
from relviz.db.order import foreign_key_relations

__all__ = ["duplicate_sql", "integrity_problems", "orphan_sql"]


def orphan_sql(relation) -> list[tuple[str, str]]:
    """``[(description, SQL counting orphan rows)]`` for a relation (two for an implicit many-to-many)."""
    if relation.join_table is not None:
        return _join_table_orphans(relation)
    child, parent = relation.referencing_model, relation.referenced_model
    pairs = list(zip(relation.referencing_fields, relation.referenced_fields))
    present = " AND ".join(f"{column_ref('c', f.column_name)} IS NOT NULL" for f, _ in pairs)
    match = " AND ".join(f"{column_ref('p', g.column_name)} = {column_ref('c', f.column_name)}" for f, g in pairs)
    sql = (f"SELECT count(*) FROM {table_of(child)} AS c WHERE {present} "
           f"AND NOT EXISTS (SELECT 1 FROM {table_of(parent)} AS p WHERE {match})")
    fields = ", ".join(f.name for f, _ in pairs)
    return [(f"{child.name}.{fields} -> {parent.name} ({relation.name})", sql)]


def _join_table_orphans(relation):
    jt = relation.join_table
    from relviz.sql.naming import join_table_name

    table = table_ref(join_table_name(relation.name), jt.a_model.schema_name)
    checks = []
    for column, model in (("A", jt.a_model), ("B", jt.b_model)):
        key = model.primary_key.fields[0].column_name
        sql = (f"SELECT count(*) FROM {table} AS j WHERE NOT EXISTS "
               f"(SELECT 1 FROM {table_of(model)} AS p WHERE {column_ref('p', key)} = {column_ref('j', column)})")
        checks.append((f"{jt.name}.{column} -> {model.name}", sql))
    return checks


def duplicate_sql(model, fields) -> str:
    """SQL counting the values of ``fields`` (a unique key of ``model``) held by more than one row."""
    columns = ", ".join(quote(f.column_name) for f in fields)
    present = " AND ".join(f"{quote(f.column_name)} IS NOT NULL" for f in fields)
    return (f"SELECT count(*) FROM (SELECT {columns} FROM {table_of(model)} WHERE {present} "
            f"GROUP BY {columns} HAVING count(*) > 1)")


def integrity_problems(con, schema) -> list[str]:
    """Every orphan foreign key and repeated unique key in the database, as sentences; ``[]`` when none."""
    checks = []
    relations = foreign_key_relations(schema) + [
        r for r in schema.relations
        if r.join_table is not None and not r.join_table.a_model.is_ignored and not r.join_table.b_model.is_ignored
    ]
    for relation in relations:
        checks += [(f"orphan row(s): {description}", sql) for description, sql in orphan_sql(relation)]
    for model in schema.models:
        keys = ([model.primary_key.fields] if model.primary_key is not None else []) + [i.scalar_fields for i in model.unique_constraints]
        for fields in keys:
            if None not in fields:
                names = ", ".join(f.name for f in fields)
                checks.append((f"repeated value(s) of {model.name}({names})", duplicate_sql(model, fields)))
    problems = []
    for start in range(0, len(checks), 100):  # one query per hundred checks: DuckDB plans them together
        chunk = checks[start:start + 100]
        counts = con.execute("SELECT " + ", ".join(f"({sql})" for _, sql in chunk)).fetchall()[0]
        problems += [f"{n} {description}" for (description, _), n in zip(chunk, counts) if n]
    return problems
