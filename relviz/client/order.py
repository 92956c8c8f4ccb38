"""Prisma ``orderBy`` as SQL: scalar fields, ``{sort, nulls}``, to-one relation fields, relation ``_count``.

NULLs go where the database puts them: last ascending and first descending on Postgres (the
course's database), first ascending on SQLite and MySQL. The model's key is appended as a
tie-breaker so pages, cursors and ``distinct`` are stable.
"""

from __future__ import annotations

from relviz.client.errors import validation
from relviz.client.where import link_condition
from relviz.db.names import quote

__all__ = ["count_expr", "order_sql", "order_terms", "sort_value", "with_key"]


def _direction(ctx, value, name):
    """``("ASC"|"DESC", "FIRST"|"LAST")``; NULLs go where the schema's database puts them by default."""
    nulls = None
    if isinstance(value, dict):
        nulls = value.get("nulls")
        value = value.get("sort")
    if value not in ("asc", "desc"):
        raise validation(f"Invalid value for argument `{name}`. Expected SortOrder.")
    if nulls not in (None, "first", "last"):
        raise validation(f"Invalid value for argument `nulls`. Expected NullsOrder.")
    if nulls is None:
        largest = ctx.si.nulls_largest  # Postgres: NULL sorts as the largest value; SQLite, MySQL: the smallest
        nulls = ("last" if value == "asc" else "first") if largest else ("first" if value == "asc" else "last")
    return value.upper(), nulls.upper()


def _items(order_by):
    if order_by is None:
        return []
    items = order_by if isinstance(order_by, (list, tuple)) else [order_by]
    for item in items:
        if not isinstance(item, dict):
            raise validation("Argument `orderBy` must be an object or a list of objects.")
        yield from item.items()


def order_terms(ctx, info, order_by, alias: str) -> list[tuple[str, str, str]]:
    """``[(expression, "ASC"|"DESC", "FIRST"|"LAST")]`` for ``order_by`` on ``info``'s rows ``alias``."""
    terms = []
    for name, value in _items(order_by):
        terms.extend(_term(ctx, info, name, value, alias))
    return terms


def _term(ctx, info, name, value, alias):
    field = info.scalar_by_name.get(name)
    if field is not None:
        d, n = _direction(ctx, value, name)
        return [(sort_value(ctx.si, field, f"{alias}.{quote(field.column_name)}"), d, n)]
    link = info.links.get(name)
    if link is None:
        raise validation(f"Unknown argument `{name}`. Available options are marked with ?.")
    if not isinstance(value, dict):
        raise validation(f"Invalid value for argument `{name}`: expected an object.")
    target = ctx.si.info(link.target)
    if link.to_many:
        for key in value:
            if key != "_count":  # a list relation orders by how many rows it has, nothing else
                raise validation(f"Unknown argument `{key}`. Available options are marked with ?.")
        d, n = _direction(ctx, value["_count"], "_count")
        return [(_count_expr(ctx, link, alias), d, n)]
    a = ctx.alias()
    out = []
    for inner_name, inner_value in value.items():
        for expr, d, n in _term(ctx, target, inner_name, inner_value, a):
            out.append((f"(SELECT {expr} FROM {target.table} AS {a} WHERE {link_condition(link, alias, a)})", d, n))
    return out


def sort_value(si, field, col: str) -> str:
    """What the database sorts by: the column, or an enum's text where enums are stored as text (SQLite)."""
    if field.kind == "enum" and si.enums_as_text:
        return f"CAST({col} AS VARCHAR)"
    return col


def count_expr(ctx, link, alias, where=None) -> str:
    """``(SELECT count(*) ...)``: how many related rows each row of ``alias`` has."""
    return _count_expr(ctx, link, alias, where)


def _count_expr(ctx, link, alias, where=None) -> str:
    from relviz.client.where import where_sql

    target = ctx.si.info(link.target)
    a = ctx.alias()
    cond = where_sql(ctx, target, where, a) if where else "TRUE"
    if link.kind == "join":
        j = ctx.alias()
        if cond == "TRUE":
            return f"(SELECT count(*) FROM {link.table} AS {j} WHERE {j}.{quote(link.near_join)} = {alias}.{quote(link.near[0])})"
        return (f"(SELECT count(*) FROM {link.table} AS {j} JOIN {target.table} AS {a} "
                f"ON {a}.{quote(link.far[0])} = {j}.{quote(link.far_join)} "
                f"WHERE {j}.{quote(link.near_join)} = {alias}.{quote(link.near[0])} AND ({cond}))")
    return f"(SELECT count(*) FROM {target.table} AS {a} WHERE {link_condition(link, alias, a)} AND ({cond}))"


def order_sql(terms, *, reverse: bool = False) -> str:
    """``expr ASC NULLS LAST, ...``; ``reverse`` flips every term (for a negative ``take``)."""
    out = []
    for expr, d, n in terms:
        if reverse:
            d = "DESC" if d == "ASC" else "ASC"
            n = "LAST" if n == "FIRST" else "FIRST"
        out.append(f"{expr} {d} NULLS {n}")
    return ", ".join(out)


def with_key(info, terms, alias: str):
    """``terms`` plus the model's key columns (ascending) not already ordered on."""
    seen = {t[0] for t in terms}
    extra = [(f"{alias}.{quote(c)}", "ASC", "LAST") for c in info.key_columns if f"{alias}.{quote(c)}" not in seen]
    return list(terms) + extra
