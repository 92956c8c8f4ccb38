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

from relviz.client.level import level_sql
from relviz.client.selection import parse_selection
from relviz.client.values import UTC, output_converter
from relviz.client.where import Ctx

__all__ = ["find", "read_records", "records_by_keys"]


_BUILDERS: dict = {}


def _shape(field) -> tuple:
    """What the generated code depends on for ``field`` (not its identity: schemas come and go)."""
    values = tuple((v.name, v.db_name) for v in field.enum.values) if field.enum is not None else None
    return field.name, field.kind, field.scalar_type, field.is_required, field.is_list, values


def _builder(fields, jsonb: bool, width: int):
    """A function turning rows into records, written for this shape (one dict display per row, no calls per value).

    ``[{'id': r0, 'createdAt': r3.replace(tzinfo=UTC), ...} for (r0, r1, r2, r3, r4) in rows]`` is
    what a careful hand-written loop does; generating it keeps relviz as fast for any model.
    """
    cache_key = (tuple(_shape(f) for f in fields), jsonb, width)
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
    sql, plan, reverse = level_sql(ctx, info, sel, args, parent)
    # Millions of new tuples and dicts, none of them garbage: the cycle collector would only
    # walk them again and again while they are made, so it pauses until the records are done.
    enabled = gc.isenabled()
    gc.disable()
    try:
        rows = client._fetch(sql, ctx.params)
        if reverse:
            rows.reverse()
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
