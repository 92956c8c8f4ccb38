"""``count``, ``aggregate`` and ``groupBy``: SQL aggregates over the filtered rows, in Prisma's key order."""

from __future__ import annotations

import decimal

from relviz.client.errors import validation
from relviz.client.order import order_sql, order_terms, sort_value
from relviz.client.values import BigInt, output_converter
from relviz.client.where import Ctx, scalar_filter, where_sql
from relviz.db.names import quote

__all__ = ["aggregate", "count", "group_by"]

_FUNCS = ("_count", "_sum", "_avg", "_min", "_max")


def _source(ctx, info, args) -> str:
    """The filtered (and paged) rows as a subquery aliased ``t0``."""
    from relviz.client.level import level_sql
    from relviz.client.selection import Selection

    sel = Selection(info)
    sel.scalars = list(info.scalars)
    page = {k: args[k] for k in ("where", "orderBy", "take", "skip", "cursor", "distinct") if k in args}
    if not any(k in page for k in ("take", "skip", "cursor", "distinct")):
        cond = where_sql(ctx, info, page.get("where"), "t0")
        return f"{info.table} AS t0" + (f" WHERE {cond}" if cond != "TRUE" else "")
    sql, _plan, _rev = level_sql(ctx, info, sel, page)
    cols = ", ".join(quote(f.column_name) for f in info.scalars)
    return f"(SELECT {cols} FROM ({sql})) AS t0"


def _spec(info, name, value):
    if value is True and name == "_count":
        return True
    if not isinstance(value, dict):
        raise validation(f"Argument `{name}` must be an object.")
    out = []
    for field_name, on in value.items():
        if not on:
            continue
        if field_name == "_all" and name == "_count":
            out.append(("_all", None))
            continue
        field = info.scalar_by_name.get(field_name)
        if field is None:
            raise validation(f"Unknown field `{field_name}` for select statement on model `{info.name}"
                             f"{name[1:].capitalize()}AggregateOutputType`. Available options are marked with ?.")
        if name in ("_sum", "_avg") and field.scalar_type not in ("Int", "BigInt", "Float", "Decimal"):
            raise validation(f"Unknown field `{field_name}` for select statement on model `{info.name}"
                             f"{name[1:].capitalize()}AggregateOutputType`. Available options are marked with ?.")
        out.append((field_name, field))
    return out


def _agg_sql(name, field, si=None) -> str:
    if field is None:
        return "count(*)"
    col = f"t0.{quote(field.column_name)}"
    if name in ("_min", "_max") and si is not None:
        col = sort_value(si, field, col)
    if name == "_count":
        return f"count({col})"
    if name == "_avg":
        if field.scalar_type == "Decimal":
            return f"sum({col}) / count({col})"  # exact below, in Python
        return f"avg({col})"
    return {"_sum": "sum", "_min": "min", "_max": "max"}[name] + f"({col})"


def _convert(name, field, value, jsonb):
    if field is None or name == "_count":
        return int(value) if value is not None else 0
    if value is None:
        return None
    t = field.scalar_type
    if name == "_avg":
        if t == "Decimal":
            return value
        return float(value)
    if name == "_sum":
        if t == "BigInt":
            return BigInt(value)
        if t == "Decimal":
            return output_converter(field)(value)
        if t == "Int":
            return int(value)
        return float(value)
    convert = output_converter(field, jsonb=jsonb)
    return convert(value) if convert else value


def _aggregate_columns(info, args):
    """``[(key, spec)]`` for the aggregate arguments, in argument order."""
    return [(k, _spec(info, k, args[k])) for k in args if k in _FUNCS]


def _select_list(columns, si):
    exprs, layout = [], []
    for key, spec in columns:
        if spec is True:
            layout.append((key, True, len(exprs)))
            exprs.append("count(*)")
            continue
        items = []
        for name, field in spec:
            if key == "_avg" and field is not None and field.scalar_type == "Decimal":
                items.append((name, field, (len(exprs), len(exprs) + 1)))
                exprs.append(f"sum(t0.{quote(field.column_name)})")
                exprs.append(f"count(t0.{quote(field.column_name)})")
                continue
            items.append((name, field, len(exprs)))
            exprs.append(_agg_sql(key, field, si))
        layout.append((key, items, None))
    return exprs, layout


def _decimal_avg(total, n):
    if total is None or not n:
        return None
    ctx = decimal.Context(prec=34)
    return ctx.divide(decimal.Decimal(total), decimal.Decimal(n))


def _result(layout, row, jsonb):
    out = {}
    for key, items, index in layout:
        if items is True:
            out[key] = int(row[index])
            continue
        part = {}
        for name, field, i in items:
            if isinstance(i, tuple):
                v = _decimal_avg(row[i[0]], row[i[1]])
                part[name] = output_converter(field)(v) if v is not None else None
            else:
                part[name] = _convert(key, field, row[i], jsonb)
        out[key] = part
    return out


def count(client, info, args):
    ctx = Ctx(client._si)
    select = args.get("select")
    source = _source(ctx, info, args)
    if select is None or select is True:
        return int(client._fetch(f"SELECT count(*) FROM {source}", ctx.params)[0][0])
    spec = _spec(info, "_count", select)
    exprs, layout = _select_list([("_count", spec)], client._si)
    row = client._fetch(f"SELECT {', '.join(exprs)} FROM {source}", ctx.params)[0]
    return _result(layout, row, client._si.jsonb)["_count"]


def aggregate(client, info, args):
    ctx = Ctx(client._si)
    source = _source(ctx, info, args)
    exprs, layout = _select_list(_aggregate_columns(info, args), client._si)
    if not exprs:
        return {}
    row = client._fetch(f"SELECT {', '.join(exprs)} FROM {source}", ctx.params)[0]
    return _result(layout, row, client._si.jsonb)


def group_by(client, info, args):
    by = args.get("by")
    if isinstance(by, str):
        by = [by]
    if not by:
        raise validation("Argument `by` is missing.")
    fields = []
    for name in by:
        f = info.scalar_by_name.get(name)
        if f is None:
            raise validation(f"Invalid value for argument `by`: `{name}` is not a scalar field of {info.name}.")
        fields.append(f)
    ctx = Ctx(client._si)
    where = where_sql(ctx, info, args.get("where"), "t0")
    exprs, layout = _select_list(_aggregate_columns(info, args), client._si)
    n_agg = len(exprs)
    exprs += [f"t0.{quote(f.column_name)}" for f in fields]
    group = ", ".join(f"t0.{quote(f.column_name)}" for f in fields)
    sql = f"SELECT {', '.join(exprs)} FROM {info.table} AS t0"
    if where != "TRUE":
        sql += f" WHERE {where}"
    sql += f" GROUP BY {group}"
    having = args.get("having")
    if having:
        sql += f" HAVING {_having(ctx, info, having)}"
    terms = _group_order(ctx, info, args.get("orderBy"), fields)
    # Ties come in the order of the groups themselves (Postgres groups by sorting the by-fields).
    terms += [t for f in fields for t in order_terms(ctx, info, {f.name: "asc"}, "t0") if t[0] not in {x[0] for x in terms}]
    sql += f" ORDER BY {order_sql(terms)}"
    if args.get("take") is not None:
        sql += f" LIMIT {int(abs(args['take']))}"
    if args.get("skip"):
        sql += f" OFFSET {int(args['skip'])}"
    rows = client._fetch(sql, ctx.params)
    jsonb = client._si.jsonb
    converters = [output_converter(f, jsonb=jsonb) for f in fields]
    out = []
    for row in rows:
        record = _result(layout, row, jsonb)
        for f, c, v in zip(fields, converters, row[n_agg:]):
            record[f.name] = c(v) if c else v
        out.append(record)
    return out


def _group_order(ctx, info, order_by, fields):
    """``orderBy`` of a groupBy: by-fields, or aggregates such as ``{_avg: {population: "desc"}}``."""
    if order_by is None:
        return []
    items = order_by if isinstance(order_by, list) else [order_by]
    by = {f.name for f in fields}
    terms = []
    for item in items:
        for name, value in item.items():
            if name in _FUNCS:
                for field_name, direction in value.items():
                    field = info.scalar_by_name.get(field_name)
                    if field is None and field_name != "_all":
                        raise validation(f"Unknown argument `{field_name}`. Available options are marked with ?.")
                    expr = _agg_sql(name, field, ctx.si) if field is not None else "count(*)"
                    terms.extend((expr, d, n) for _e, d, n in _directions(ctx, info, direction))
            elif name in by:
                terms.extend(order_terms(ctx, info, {name: value}, "t0"))
            else:
                raise validation("Every field used for orderBy must be included in the by-arguments of the query. "
                                 f"Missing fields: {name}")
    return terms


def _directions(ctx, info, direction):
    """The direction and NULLs placement of ``"asc"``/``{sort, nulls}`` (read as for any scalar field)."""
    some_field = info.scalars[0].name
    return order_terms(ctx, info, {some_field: direction}, "t0")


def _having(ctx, info, having) -> str:
    parts = []
    for key, value in having.items():
        if key in ("AND", "OR", "NOT"):
            items = value if isinstance(value, list) else [value]
            inner = [_having(ctx, info, h) for h in items]
            if key == "AND":
                parts.append(" AND ".join(f"({p})" for p in inner) or "TRUE")
            elif key == "OR":
                parts.append(" OR ".join(f"({p})" for p in inner) or "FALSE")
            else:
                parts.append(" AND ".join(f"NOT ({p})" for p in inner) or "TRUE")
            continue
        field = info.scalar_by_name.get(key)
        if field is None:
            raise validation(f"Unknown argument `{key}`. Available options are marked with ?.")
        if isinstance(value, dict) and any(k in _FUNCS for k in value):
            for fn, flt in value.items():
                if fn not in _FUNCS:
                    parts.append(scalar_filter(ctx, field, f"t0.{quote(field.column_name)}", {fn: flt}))
                    continue
                expr = _agg_sql(fn, field)
                if fn == "_count":
                    parts.append(_int_filter(ctx, expr, flt))  # a count is an Int, whatever the field
                    continue
                parts.append(scalar_filter(ctx, field, expr, flt))
        else:
            parts.append(scalar_filter(ctx, field, f"t0.{quote(field.column_name)}", value))
    return " AND ".join(f"({p})" for p in parts) or "TRUE"


def _int_filter(ctx, expr, flt) -> str:
    if not isinstance(flt, dict):
        return f"{expr} = {ctx.param(flt)}"
    signs = {"equals": "=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">=", "not": "<>"}
    parts = []
    for op, v in flt.items():
        if op in signs:
            parts.append(f"{expr} {signs[op]} {ctx.param(v)}")
        elif op in ("in", "notIn"):
            if not v:
                parts.append("FALSE" if op == "in" else "TRUE")
            else:
                parts.append(f"{expr} {'IN' if op == 'in' else 'NOT IN'} ({', '.join(ctx.param(x) for x in v)})")
        else:
            raise validation(f"Unknown argument `{op}`. Available options are marked with ?.")
    return " AND ".join(parts) or "TRUE"
