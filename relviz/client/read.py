"""Reads: one query for the records asked for, then one query per relation level.

A level's query selects the output scalars, the hidden columns its relations need, its
``_count`` subqueries and (for a nested level) the parent key it belongs to. Nested levels
fetch every parent's children at once with ``WHERE fk IN (SELECT unnest(?))`` and are grouped
in Python, so a ``findMany`` with ``include: {posts: true}`` runs exactly two queries.
"""

from __future__ import annotations

import gc
from datetime import datetime
from operator import itemgetter

from relviz.client.errors import validation
from relviz.client.order import count_expr, order_sql, order_terms, with_key
from relviz.client.selection import parse_selection
from relviz.client.values import UTC, output_converter
from relviz.client.where import Ctx, where_sql
from relviz.db.names import quote

__all__ = ["find", "read_records", "records_by_keys"]


class _Plan:
    """Where each piece of a level's rows sits: scalars, relation keys, counts, parent key."""

    def __init__(self, sel):
        self.sel = sel
        self.columns: list[str] = []
        self.near_index: dict = {}   # tuple of column names -> tuple of positions
        self.count_index: list = []  # (name, position)
        self.parent_index: tuple = ()


def _position(cols: list, expr: str) -> int:
    """Where ``expr`` is in the select list, adding it at the end if it is not there yet."""
    if expr not in cols:
        cols.append(expr)
    return cols.index(expr)


def _int_arg(value, name):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise validation(f"Invalid value for argument `{name}`: expected an Int.")
    return value


def _level_sql(ctx, info, sel, args, parent=None):
    """The SQL for one level and its :class:`_Plan`; parameters go to ``ctx.params`` in SQL order."""
    plan = _Plan(sel)
    a = "t0"
    head, filt, order_ctx, cur_ctx = ctx.sub(), ctx.sub(), ctx.sub(), ctx.sub()
    cols = [f"{a}.{quote(f.column_name)}" for f in sel.scalars]
    for _key, link, _args, _sub in sel.relations:
        if link.near not in plan.near_index:
            plan.near_index[link.near] = tuple(_position(cols, f"{a}.{quote(c)}") for c in link.near)
    for name, link, where in sel.counts:
        plan.count_index.append((name, len(cols)))
        cols.append(count_expr(head, link, a, where))

    if parent is None:
        source = f"{info.table} AS {a}"
        conditions = []
        pcols = []
    else:
        link, keys = parent
        if link.kind == "join":
            source = (f"{link.table} AS j JOIN {info.table} AS {a} "
                      f"ON {a}.{quote(link.far[0])} = j.{quote(link.far_join)}")
            pcols = [f"j.{quote(link.near_join)}"]
        else:
            source = f"{info.table} AS {a}"
            pcols = [f"{a}.{quote(c)}" for c in link.far]
        conditions = [_in_keys(filt, pcols, keys)]
        plan.parent_index = tuple(_position(cols, c) for c in pcols)
    cond = where_sql(filt, info, args.get("where"), a)
    if cond != "TRUE":
        conditions.append(cond)
    terms = with_key(info, order_terms(order_ctx, info, args.get("orderBy"), a), a)
    take = _int_arg(args.get("take"), "take")
    skip = _int_arg(args.get("skip"), "skip") or 0
    distinct = args.get("distinct")
    cursor = args.get("cursor")
    if isinstance(distinct, str):
        distinct = [distinct]
    plan.columns = cols
    where_clause = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    reverse = take is not None and take < 0
    simple = not distinct and cursor is None and (parent is None or (take is None and not skip))
    if simple:
        sql = f"SELECT {', '.join(cols)} FROM {source}{where_clause} ORDER BY {order_sql(terms, reverse=reverse)}"
        if take is not None:
            sql += f" LIMIT {abs(take)}"
        if skip:
            sql += f" OFFSET {skip}"
        ctx.params.extend(head.params + filt.params + order_ctx.params)
        return sql, plan, reverse
    # The general form: hidden order columns (__o), parent key (__c) and distinct columns (__d),
    # then windows for distinct, the cursor and per-parent pages.
    inner_cols = list(cols)
    for j, i in enumerate(plan.parent_index):
        inner_cols[i] = f"{cols[i]} AS __c{j}"
    inner_cols += [f"{expr} AS __o{i}" for i, (expr, _d, _n) in enumerate(terms)]
    outer_terms = [(f"__o{i}", d, n) for i, (_e, d, n) in enumerate(terms)]
    for i, name in enumerate(distinct or ()):
        field = info.scalar_by_name.get(name)
        if field is None:
            raise validation(f"Invalid value for argument `distinct`: `{name}` is not a scalar field of {info.name}.")
        inner_cols.append(f"{a}.{quote(field.column_name)} AS __d{i}")
    if cursor is not None:
        from relviz.client.where import unique_where

        if parent is not None:
            raise validation("relviz supports `cursor` on the top-level query only.")
        unique_where(info, cursor, argument="cursor")
        inner_cols.append(f"({where_sql(cur_ctx, info, cursor, a)}) AS __cur")
        # Prisma places the cursor among all rows (it need not match `where`): number every row,
        # keep the filter as a column (__w) and apply it after the cursor's position is known.
        inner_cols.append(f"({' AND '.join(conditions) or 'TRUE'}) AS __w")
        where_clause = ""
    inner = f"SELECT {', '.join(inner_cols)} FROM {source}{where_clause}"
    parent_names = [f"__c{j}" for j in range(len(plan.parent_index))]
    if distinct:
        keys = parent_names + (["__w"] if cursor is not None else []) + [f"__d{i}" for i in range(len(distinct))]
        inner = (f"SELECT * FROM ({inner}) AS d QUALIFY row_number() OVER (PARTITION BY {', '.join(keys)} "
                 f"ORDER BY {order_sql(outer_terms)}) = 1")
    partition = f"PARTITION BY {', '.join(parent_names)} " if parent else ""
    base = (f"SELECT *, row_number() OVER ({partition}ORDER BY {order_sql(outer_terms, reverse=reverse)}) AS __rn "
            f"FROM ({inner}) AS b")
    filters = []
    if cursor is not None:
        filters.append("__w AND __rn >= (SELECT min(__rn) FROM __base WHERE __cur)")
    if parent is not None and (take is not None or skip):
        filters.append(f"__rn > {skip}" + (f" AND __rn <= {skip + abs(take)}" if take is not None else ""))
    sql = f"WITH __base AS ({base}) SELECT * FROM __base" + (f" WHERE {' AND '.join(filters)}" if filters else "")
    sql += " ORDER BY __rn"
    if parent is None:
        if take is not None:
            sql += f" LIMIT {abs(take)}"
        if skip:
            sql += f" OFFSET {skip}"
    ctx.params.extend(head.params + order_ctx.params + cur_ctx.params + filt.params)
    return sql, plan, reverse


def _in_keys(ctx, pcols, keys) -> str:
    if len(pcols) == 1:
        ctx.params.append([k[0] for k in keys])
        return f"{pcols[0]} IN (SELECT unnest(?))"
    for i in range(len(pcols)):
        ctx.params.append([k[i] for k in keys])
    return f"({', '.join(pcols)}) IN (SELECT {', '.join('unnest(?)' for _ in pcols)})"


_BUILDERS: dict = {}


def _builder(fields, jsonb: bool, width: int):
    """A function turning rows into records, written for this shape (one dict display per row, no calls per value).

    ``[{'id': r0, 'createdAt': r3.replace(tzinfo=UTC), ...} for (r0, r1, r2, r3, r4) in rows]`` is
    what a careful hand-written loop does; generating it keeps relviz as fast for any model.
    """
    cache_key = (tuple(id(f) for f in fields), jsonb, width)
    found = _BUILDERS.get(cache_key)
    if found is not None:
        return found
    env = {"UTC": UTC, "datetime": datetime}
    items = []
    for i, f in enumerate(fields):
        value = f"r{i}"
        if f.scalar_type == "DateTime" and not f.is_list and f.kind == "scalar":
            # the constructor is about twice as fast as r.replace(tzinfo=UTC)
            aware = (f"datetime(r{i}.year, r{i}.month, r{i}.day, r{i}.hour, r{i}.minute, r{i}.second, "
                     f"r{i}.microsecond, UTC)")
            value = aware if f.is_required else f"(None if r{i} is None else {aware})"
        else:
            convert = output_converter(f, jsonb=jsonb)
            if convert is not None:
                env[f"c{i}"] = convert
                value = f"c{i}(r{i})"
        items.append(f"{f.name!r}: {value}")
    names = ", ".join(f"r{i}" for i in range(width)) + ("," if width == 1 else "")
    source = f"def build(rows):\n    return [{{{', '.join(items)}}} for ({names}) in rows]\n"
    exec(compile(source, f"<relviz records of {width} columns>", "exec"), env)
    build = env["build"]
    build.source = source
    _BUILDERS[cache_key] = build
    return build


def _build(sel, rows, jsonb):
    """Records (dicts of the output scalars) for ``rows``, with values as Prisma Client returns them."""
    if not rows:
        return []
    return _builder(sel.scalars, jsonb, len(rows[0]))(rows)


def read_records(client, info, args, *, parent=None, sel=None):
    """The records of ``info`` for ``args`` (``where``, ``orderBy``, ``take``... and ``select``/``include``/``omit``)."""
    sel = sel or parse_selection(client._si, info, args)
    ctx = Ctx(client._si)
    sql, plan, reverse = _level_sql(ctx, info, sel, args, parent)
    rows = client._fetch(sql, ctx.params)
    if reverse:
        rows.reverse()
    enabled = gc.isenabled()
    gc.disable()
    try:
        records = _build(sel, rows, client._si.jsonb)
        _attach(client, sel, plan, records, rows)
    finally:
        if enabled:
            gc.enable()
    return records, rows, plan


def _attach(client, sel, plan, records, rows):
    for key, link, args, sub in sel.relations:
        idx = plan.near_index[link.near]
        values = list(map(itemgetter(*idx), rows))
        if len(idx) == 1:
            wanted = set(values)
            wanted.discard(None)
            keys = [(v,) for v in wanted]
        else:
            wanted = {v for v in values if None not in v}
            keys = list(wanted)
        target = client._si.info(link.target)
        if not keys:
            children_rows, children = [], []
        else:
            children, children_rows, child_plan = read_records(client, target, args, parent=(link, keys), sel=sub)
        if keys:
            owners = list(map(itemgetter(*child_plan.parent_index), children_rows))
        else:
            owners = []
        if link.to_many:
            groups = {v: [] for v in wanted}
            for owner, child in zip(owners, children):
                groups[owner].append(child)
            for record, v in zip(records, values):
                record[key] = groups[v] if v in groups else []
        else:
            found = dict(zip(owners, children))
            for record, v in zip(records, values):
                record[key] = found.get(v)
    counted = "_count" in sel.order
    if counted:
        for record, row in zip(records, rows):
            record["_count"] = {name: row[i] for name, i in plan.count_index}
    natural = [f.name for f in sel.scalars] + [k for k, *_ in sel.relations] + (["_count"] if counted else [])
    if natural != sel.order:
        order = sel.order
        for i, record in enumerate(records):
            records[i] = {k: record[k] for k in order}


def find(client, info, args, *, first: bool = False):
    """``findMany`` (a list) or, with ``first``, ``findFirst`` (a record or None)."""
    if first:
        args = dict(args)
        args["take"] = -1 if isinstance(args.get("take"), int) and args["take"] < 0 else 1
    records, _rows, _plan = read_records(client, info, args)
    if first:
        return records[0] if records else None
    return records


def records_by_keys(client, info, keys, args) -> list:
    """The records with these key values (``info.key_fields``), in the order of ``keys``, shaped by ``args``.

    Writes use it to return what they wrote: one query (and one per relation level), whatever the
    number of rows.
    """
    if not keys:
        return []
    sel = parse_selection(client._si, info, args)
    records, rows, plan = read_records(client, info, {}, parent=(_KeyLink(info), keys), sel=sel)
    found = dict(zip(map(itemgetter(*plan.parent_index), rows), records))
    if len(plan.parent_index) == 1:
        return [found[k[0]] for k in keys if k[0] in found]
    return [found[tuple(k)] for k in keys if tuple(k) in found]


class _KeyLink:
    """Stands in for a relation so that a level can be read for a list of key values."""

    kind = "key"

    def __init__(self, info):
        self.far = info.key_columns
