"""Prisma ``where`` filters as SQL conditions: scalar filters, relation filters, AND/OR/NOT.

``where_sql(ctx, info, where, alias)`` returns a condition on the row ``alias`` of ``info``'s
table and appends its parameters to ``ctx.params``. Relation filters become ``EXISTS``
subqueries (``some``, ``is``), ``NOT EXISTS`` (``none``, ``isNot``, ``is: null``) or
``NOT EXISTS (... AND NOT filter)`` (``every``), so a row is never repeated.
"""

from __future__ import annotations

import json

from relviz.client.arguments import filter_options, suggestion, unknown_argument, where_options
from relviz.client.errors import PrismaClientValidationError, validation
from relviz.client.values import WrongType, input_value, jsonb_order
from relviz.db.names import quote

__all__ = ["Ctx", "link_condition", "suggestion", "unique_where", "unknown_argument", "where_sql"]

_LOGIC = ("AND", "OR", "NOT")


class Ctx:
    """One SQL statement being written: its parameters and fresh table aliases."""

    def __init__(self, si, _counter=None):
        self.si = si
        self.params: list = []
        self._counter = _counter if _counter is not None else [0]

    def sub(self) -> "Ctx":
        """A context for one part of the statement (its own parameters, the same aliases)."""
        return Ctx(self.si, self._counter)

    def alias(self) -> str:
        self._counter[0] += 1
        return f"t{self._counter[0]}"

    def param(self, value) -> str:
        self.params.append(value)
        return "?"


def link_condition(link, near_alias: str, far_alias: str) -> str:
    """``far.fk = near.id`` for each column pair of a foreign-key link."""
    return " AND ".join(f"{far_alias}.{quote(f)} = {near_alias}.{quote(n)}" for n, f in zip(link.near, link.far))


def where_sql(ctx: Ctx, info, where, alias: str) -> str:
    """The SQL condition for ``where`` on ``info``'s rows aliased ``alias`` (``TRUE`` when empty)."""
    if where is None:
        return "TRUE"
    if not isinstance(where, dict):
        raise validation(f"Argument `where` must be an object, not {type(where).__name__}.")
    parts = []
    for key, value in where.items():
        parts.append(_one(ctx, info, key, value, alias))
    return _and(parts)


def _and(parts) -> str:
    parts = [p for p in parts if p != "TRUE"]
    if not parts:
        return "TRUE"
    return parts[0] if len(parts) == 1 else " AND ".join(f"({p})" for p in parts)


def _as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _one(ctx, info, key, value, alias) -> str:
    if key == "AND":
        return _and([where_sql(ctx, info, w, alias) for w in _as_list(value)])
    if key == "OR":
        items = [where_sql(ctx, info, w, alias) for w in _as_list(value)]
        return "FALSE" if not items else " OR ".join(f"({p})" for p in items)
    if key == "NOT":
        return _and([f"NOT ({where_sql(ctx, info, w, alias)})" for w in _as_list(value)])
    field = info.scalar_by_name.get(key)
    if field is not None:
        return scalar_filter(ctx, field, f"{alias}.{quote(field.column_name)}", value)
    link = info.links.get(key)
    if link is not None:
        return _relation_filter(ctx, link, value, alias)
    fields = info.uniques.get(key)
    if fields is not None and len(fields) > 1:
        if not isinstance(value, dict):
            raise WrongType(key, _compound_type(info, key), value)
        return _compound(ctx, key, fields, value, alias)
    raise unknown_argument(key, where_options(info))


def _compound(ctx, key, fields, value, alias) -> str:
    parts = []
    names = {f.name for f in fields}
    for name in value:
        if name not in names:
            raise unknown_argument(name, [f.name for f in fields])
    for f in fields:
        if f.name not in value:
            raise validation(f"Argument `{f.name}` is missing.")
        if value[f.name] is None:
            raise validation(f"Argument `{f.name}` must not be null.")
        if isinstance(value[f.name], dict):
            raise WrongType(f.name, _type_name(f), value[f.name])
        try:  # the parts of a compound key are plain values, not filters
            v = input_value(f, value[f.name], element=True)
        except WrongType:
            raise WrongType(f.name, _type_name(f), value[f.name]) from None
        parts.append(f"{alias}.{quote(f.column_name)} = {ctx.param(v)}")
    return _and(parts)


def _compound_type(info, key) -> str:
    """``RegionCountryCodeCompoundUniqueInput``: the input type of a compound unique key."""
    return info.name + "".join(p[:1].upper() + p[1:] for p in key.split("_")) + "CompoundUniqueInput"


# -- scalar filters -------------------------------------------------------------------------------

def scalar_filter(ctx, field, col: str, value) -> str:
    """The condition for one scalar field: a plain value means ``equals``."""
    if not isinstance(value, dict):
        if field.scalar_type == "Json" and not field.is_list:  # Json is filtered through an object only
            raise WrongType(field.name, f"Json{'Nullable' if field.is_optional else ''}Filter", value)
        return _equals(ctx, field, col, value, insensitive=False)
    options = filter_options(ctx, field)
    for op in value:
        if op not in options:
            raise unknown_argument(op, options)  # mode, for one, exists on Postgres only
    if field.scalar_type == "Json" and not field.is_list:
        return _json_filter(ctx, field, col, value)
    insensitive = value.get("mode") == "insensitive"
    parts = []
    for op, arg in value.items():
        if op == "mode":
            continue
        parts.append(_scalar_op(ctx, field, col, op, arg, insensitive))
    return _and(parts)


def _type_name(field) -> str:
    return field.enum.name if field.enum is not None else field.scalar_type


def _filter_type(field) -> str:
    """``IntFilter``, ``StringNullableFilter``, ``BoolFilter``...: the filter input Prisma expects."""
    base = "Bool" if field.scalar_type == "Boolean" else ("Enum" + field.enum.name if field.enum else field.scalar_type)
    return f"{base}{'Nullable' if field.is_optional else ''}Filter"


def _value(field, v, *, element=True, op=None):
    """``v`` for the database; a bad value is reported on the filter's own argument (``in``, ``gt``), as Prisma does."""
    try:
        return input_value(field, v, element=element)
    except WrongType as e:
        t = _type_name(field)
        expected = f"{_filter_type(field)} or {t}" if op is None else f"{t} or {t}FieldRefInput"
        raise WrongType(op or field.name, expected, v) from None
    except PrismaClientValidationError as e:
        if op is None:
            raise
        raise validation(e.prisma_message.replace(f"argument `{field.name}`", f"argument `{op}`", 1)) from None


def _equals(ctx, field, col, v, *, insensitive, op=None) -> str:
    if v is None:
        return f"{col} IS NULL"
    if field.is_list:
        return f"{col} = {ctx.param(_value(field, v, element=False, op=op))}"
    if isinstance(v, dict):
        raise validation(f"Invalid value for argument `{op or field.name}`: expected a value, not an object.")
    value = _value(field, v, op=op)
    if insensitive:
        return f"lower({col}) = lower({ctx.param(value)})"
    return f"{col} = {ctx.param(value)}"


def _scalar_op(ctx, field, col, op, arg, insensitive) -> str:
    if op == "equals":
        return _equals(ctx, field, col, arg, insensitive=insensitive, op=op)
    if op == "not":
        if arg is None:
            return f"{col} IS NOT NULL"
        if isinstance(arg, dict):
            inner = dict(arg)
            if insensitive and "mode" not in inner:
                inner["mode"] = "insensitive"
            return f"NOT ({scalar_filter(ctx, field, col, inner)})"
        value = _value(field, arg, element=not field.is_list, op="not")
        if insensitive:
            return f"lower({col}) <> lower({ctx.param(value)})"
        return f"{col} <> {ctx.param(value)}"
    if op in ("in", "notIn"):
        if not isinstance(arg, (list, tuple)):
            t = _type_name(field)
            refs = f" or List{t}FieldRefInput" if ctx.si.postgres else ""  # SQLite has no list field references
            raise WrongType(op, f"{t}[]{refs}", arg)
        values = [_value(field, v, op=op) for v in arg]
        if not values:
            return "FALSE" if op == "in" else "TRUE"
        target = f"lower({col})" if insensitive else col
        marks = ", ".join((f"lower({ctx.param(v)})" if insensitive else ctx.param(v)) for v in values)
        return f"{target} {'IN' if op == 'in' else 'NOT IN'} ({marks})"
    if op in ("lt", "lte", "gt", "gte"):
        sign = {"lt": "<", "lte": "<=", "gt": ">", "gte": ">="}[op]
        if arg is None:
            return "FALSE"
        return f"{col} {sign} {ctx.param(_value(field, arg, op=op))}"
    if op in ("contains", "startsWith", "endsWith"):
        if arg is None:
            return "FALSE"
        pattern = {"contains": "%{}%", "startsWith": "{}%", "endsWith": "%{}"}[op].format(_value(field, arg, op=op))
        ignore_case = insensitive or ctx.si.like_ignores_case  # SQLite's and MySQL's LIKE ignore case
        return f"{col} {'ILIKE' if ignore_case else 'LIKE'} {ctx.param(pattern)}"
    if op == "has":
        if isinstance(arg, (list, tuple)):
            t = _type_name(field)
            raise WrongType("has", f"{t}, {t}FieldRefInput or Null", arg)
        if arg is None:
            return "FALSE"
        return f"list_contains({col}, {ctx.param(_value(field, arg, op=op))})"
    if op in ("hasSome", "hasEvery"):
        values = [_value(field, v, op=op) for v in _as_list(arg)]
        fn = "list_has_any" if op == "hasSome" else "list_has_all"
        if not values:
            return "FALSE" if op == "hasSome" else f"{col} IS NOT NULL"
        return f"{fn}({col}, {ctx.param(values)})"
    if op == "isEmpty":
        return f"len({col}) {'=' if arg else '>'} 0"
    raise unknown_argument(op)


# -- Json filters ---------------------------------------------------------------------------------

def _json_text(ctx, v) -> str:
    text = json.dumps(jsonb_order(v) if ctx.si.jsonb else v, ensure_ascii=False, separators=(",", ":"))
    return ctx.param(text)


def _json_path(path) -> str:
    path = _as_list(path)
    return "$" + "".join(f"[{p}]" if isinstance(p, int) or (isinstance(p, str) and p.isdigit())
                         else '."' + str(p).replace('"', '\\"') + '"' for p in path)


def _json_filter(ctx, field, col, value) -> str:
    target = f"CAST({col} AS JSON)"
    if "path" in value:
        path = _json_path(value["path"]).replace("'", "''")
        target = f"json_extract({target}, '{path}')"
    parts = []
    for op, arg in value.items():
        if op in ("path", "mode"):
            continue
        if op == "equals":
            parts.append(f"{col} IS NULL" if arg is None and "path" not in value
                         else f"CAST(json({target}) AS VARCHAR) = {_json_text(ctx, arg)}")
        elif op == "not":
            parts.append(f"{col} IS NOT NULL" if arg is None and "path" not in value
                         else f"CAST(json({target}) AS VARCHAR) <> {_json_text(ctx, arg)}")
        elif op in ("array_contains", "array_starts_with", "array_ends_with"):
            needle = arg if isinstance(arg, list) or op != "array_contains" else [arg]
            if op == "array_contains":
                parts.append(f"(json_type({target}) = 'ARRAY' AND json_contains({target}, {_json_text(ctx, needle)}))")
            else:
                index = "0" if op == "array_starts_with" else "-1"
                parts.append(f"CAST(json_extract({target}, '$[{index}]') AS VARCHAR) = {_json_text(ctx, arg)}")
        elif op in ("string_contains", "string_starts_with", "string_ends_with"):
            pattern = {"string_contains": "%{}%", "string_starts_with": "{}%", "string_ends_with": "%{}"}[op].format(arg)
            parts.append(f"(json_type({target}) = 'VARCHAR' AND json_extract_string({target}, '$') LIKE {ctx.param(pattern)})")
        elif op in ("lt", "lte", "gt", "gte"):
            sign = {"lt": "<", "lte": "<=", "gt": ">", "gte": ">="}[op]
            if isinstance(arg, bool) or not isinstance(arg, (int, float)):
                raise validation(f"Invalid value for argument `{op}`: a Json comparison takes a number.")
            parts.append(f"(json_type({target}) IN ('BIGINT', 'UBIGINT', 'DOUBLE') "
                         f"AND CAST({target} AS DOUBLE) {sign} {ctx.param(float(arg))})")
        else:
            raise unknown_argument(op)
    return _and(parts)


# -- relation filters -----------------------------------------------------------------------------

def _exists(ctx, link, alias, inner, *, negate_inner=False) -> str:
    target = ctx.si.info(link.target)
    a = ctx.alias()
    cond = where_sql(ctx, target, inner, a) if inner is not None else "TRUE"
    if negate_inner:
        cond = f"NOT ({cond})"
    if link.kind == "join":
        j = ctx.alias()
        return (f"EXISTS (SELECT 1 FROM {link.table} AS {j} JOIN {target.table} AS {a} "
                f"ON {a}.{quote(link.far[0])} = {j}.{quote(link.far_join)} "
                f"WHERE {j}.{quote(link.near_join)} = {alias}.{quote(link.near[0])} AND ({cond}))")
    return f"EXISTS (SELECT 1 FROM {target.table} AS {a} WHERE {link_condition(link, alias, a)} AND ({cond}))"


def _relation_filter(ctx, link, value, alias) -> str:
    if link.to_many:
        if not isinstance(value, dict):
            raise validation(f"Invalid value for argument `{link.name}`: expected an object with `some`, `every` or `none`.")
        parts = []
        for op, inner in value.items():
            if op == "some":
                parts.append(_exists(ctx, link, alias, inner))
            elif op == "none":
                parts.append("NOT " + _exists(ctx, link, alias, inner))
            elif op == "every":
                parts.append("NOT " + _exists(ctx, link, alias, inner, negate_inner=True))
            else:
                raise unknown_argument(op)
        return _and(parts)
    if value is None:
        return "NOT " + _exists(ctx, link, alias, None)
    if not isinstance(value, dict):
        raise validation(f"Invalid value for argument `{link.name}`: expected an object.")
    if value and set(value) <= {"is", "isNot"}:
        parts = []
        for op, inner in value.items():
            if inner is None:
                parts.append(("NOT " if op == "is" else "") + _exists(ctx, link, alias, None))
            else:
                parts.append(("NOT " if op == "isNot" else "") + _exists(ctx, link, alias, inner))
        return _and(parts)
    return _exists(ctx, link, alias, value)


# -- unique where ---------------------------------------------------------------------------------

def _options(names) -> str:
    names = [f"`{n}`" for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def unique_where(info, where, *, argument: str = "where"):
    """Check that ``where`` names a unique key (Prisma's ``WhereUniqueInput``); returns it unchanged."""
    if not isinstance(where, dict):
        raise validation(f"Argument `{argument}` is missing.")
    for key, value in where.items():
        fields = info.uniques.get(key)
        if fields is None:
            continue
        if len(fields) > 1 and not isinstance(value, dict):
            raise WrongType(key, _compound_type(info, key), value)
        if len(fields) > 1 and isinstance(value, dict):
            return where
        if len(fields) == 1 and value is not None and (not isinstance(value, dict) or "equals" in value):
            return where
    for key in where:
        if key not in info.scalar_by_name and key not in info.links and key not in _LOGIC and key not in info.uniques:
            raise unknown_argument(key, list(info.uniques) + where_options(info))
    raise validation(
        f"Argument `{argument}` of type {info.name}WhereUniqueInput needs at least one of "
        f"{_options(list(info.uniques))} arguments. Available options are marked with ?.")
