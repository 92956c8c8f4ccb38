"""Writes: create, update and delete rows, with nested writes, the way Prisma Client runs them.

Rows are named by their key values (:attr:`ModelInfo.key_columns`). Nested writes run in the
order their keys appear in ``data``. Deletes and key updates go through :mod:`relviz.db.actions`,
which applies ``onDelete``/``onUpdate`` as Prisma does with ``relationMode = "prisma"``; with
real foreign keys (Prisma's default) a blocked delete is reported as the database would
(P2003) and a missing referenced row on insert or update is checked here (P2003).
"""

from __future__ import annotations

import decimal

from relviz.client import errors as E
from relviz.client.defaults import client_default
from relviz.client.errors import validation
from relviz.client.nested import NESTED_OPERATIONS, NestedWrites
from relviz.client.values import WrongType, input_value, jsonb_order
from relviz.client.where import Ctx, unique_where, unknown_argument, where_sql
from relviz.db.names import quote

__all__ = ["Writer"]

def _atomic_operations(field) -> tuple:
    """What a field's update object takes: ``{increment: 1}`` for numbers, ``{push: x}`` for lists, ``{set: x}`` always."""
    if field.is_list:
        return ("set", "push")
    if field.kind == "scalar" and field.scalar_type in ("Int", "BigInt", "Float", "Decimal"):
        return ("set", "increment", "decrement", "multiply", "divide")
    return ("set",)
_NESTED = NESTED_OPERATIONS


def _as_list(v):
    return list(v) if isinstance(v, (list, tuple)) else [v]


class Writer(NestedWrites):
    """Runs one write operation (inside the client's transaction)."""

    def __init__(self, client):
        self.c = client
        self.si = client._si

    # -- finding rows -------------------------------------------------------------------------------

    def keys(self, info, where, extra: tuple | None = None, *, limit: int | None = None) -> list[tuple]:
        """Key values of the rows of ``info`` matching ``where`` (and the SQL condition ``extra``)."""
        ctx = Ctx(self.si)
        cond = where_sql(ctx, info, where, "t0")
        if extra:
            cond = f"({cond}) AND ({extra[0]})"
            ctx.params.extend(extra[1])
        cols = ", ".join(f"t0.{quote(c)}" for c in info.key_columns)
        sql = f"SELECT {cols} FROM {info.table} AS t0 WHERE {cond} ORDER BY {cols}"
        if limit:
            sql += f" LIMIT {limit}"
        return [tuple(r) for r in self.c._fetch(sql, ctx.params)]

    def unique_key(self, info, where, extra=None, *, argument="where"):
        unique_where(info, where, argument=argument)
        found = self.keys(info, where, extra, limit=1)
        return found[0] if found else None

    def values(self, info, key, fields) -> tuple:
        """The values of ``fields`` in the row with key ``key``."""
        cols = ", ".join(f"t0.{quote(f.column_name)}" for f in fields)
        cond = " AND ".join(f"t0.{quote(c)} = ?" for c in info.key_columns)
        rows = self.c._fetch(f"SELECT {cols} FROM {info.table} AS t0 WHERE {cond}", list(key))
        return tuple(rows[0]) if rows else None

    def _key_condition(self, info, keys, alias="t0"):
        cols = [f"{alias}.{quote(c)}" for c in info.key_columns]
        if len(cols) == 1:
            return f"{cols[0]} IN (SELECT unnest(?))", [[k[0] for k in keys]]
        return (f"({', '.join(cols)}) IN (SELECT {', '.join('unnest(?)' for _ in cols)})",
                [[k[i] for k in keys] for i in range(len(cols))])

    # -- create -------------------------------------------------------------------------------------

    def _scalar_input(self, info, field, value, *, creating: bool):
        if isinstance(value, dict) and field.scalar_type != "Json":
            ops = set(value)
            if ops == {"set"}:
                value = value["set"]
            elif creating:
                raise validation(f"Invalid value for argument `{field.name}`: expected a value.")
            else:
                raise AssertionError("atomic operations are handled by update")
        if field.scalar_type == "Json" and not field.is_list:
            if value is None:
                return "null"  # a plain null stores JSON null (Prisma.JsonNull), not SQL NULL
            v = jsonb_order(value) if self.si.jsonb else value
            return input_value(field, v)
        if value is None and field.is_required:
            raise validation(f"Argument `{field.name}` must not be null.")
        if field.is_list and value is not None and not isinstance(value, (list, tuple)):
            t = field.enum.name if field.enum is not None else field.scalar_type
            kind = f"{info.name}Create{field.name}Input" if creating else f"{info.name}Update{field.name}Input"
            raise WrongType(field.name, f"{kind} or {t}[]", value)
        return input_value(field, value)

    def _check_data(self, info, data, what="data", *, creating=False, scalars_only=False):
        """Every key of ``data`` is a field of the model (options as Prisma lists them, for its suggestion)."""
        if not isinstance(data, dict):
            raise validation(f"Argument `{what}` must be an object.")
        allowed = set(info.scalar_by_name) | (set() if scalars_only else set(info.links))
        for k in data:
            if k not in allowed:
                options = [f.name for f in info.model.fields if f.name in allowed and not
                           (creating and f.default is not None and f.default.function == "autoincrement")]
                raise unknown_argument(k, options)

    def _check_missing(self, info, data, fixed):
        """The first required field (schema order) that ``data`` leaves out: Prisma reports it before anything else."""
        given = set(data) | {f.name for f in (fixed or {})}
        for f in info.model.fields:
            link = info.links.get(f.name)
            if link is not None:
                if (link.kind == "fk_here" and link.fk_required and f.name not in given
                        and not all(g.name in given or g.default is not None for g in link.near_fields)):
                    raise validation(f"Argument `{f.name}` is missing.")
                continue
            if (f.name in info.scalar_by_name and f.is_required and f.default is None and not f.is_list
                    and not f.is_updated_at and not f.is_read_only and f.name not in given):
                raise validation(f"Argument `{f.name}` is missing.")

    def _check_checked_or_unchecked(self, info, data, *, creating):
        """Prisma takes either relation fields (``author``) or their foreign keys (``authorId``), not both."""
        if not any(l.kind == "fk_here" and l.name in data for l in info.fk_links):
            return
        keys = {g.name for l in info.fk_links for g in l.near_fields}
        for k in data:
            if k in keys:
                options = [f.name for f in info.model.fields if f.name not in keys and (f.name in info.scalar_by_name or
                           f.name in info.links) and not (creating and f.default is not None
                                                          and f.default.function == "autoincrement")]
                raise unknown_argument(k, options)

    def prepare_row(self, info, data, fixed=None, *, scalars_only=False) -> tuple[dict, list, list]:
        """``(values, before, after)`` for creating one row: column values, and to-one/other nested writes."""
        if isinstance(data, dict) and not scalars_only:
            self._check_missing(info, data, fixed)
        self._check_data(info, data, creating=True, scalars_only=scalars_only)
        self._check_checked_or_unchecked(info, data, creating=True)
        values: dict = {}
        before, after = [], []
        for k, v in data.items():
            field = info.scalar_by_name.get(k)
            if field is not None:
                values[field] = self._scalar_input(info, field, v, creating=True)
                continue
            link = info.links[k]
            if not isinstance(v, dict):
                raise validation(f"Invalid value for argument `{k}`: expected a nested write object.")
            for op in v:
                if op not in _NESTED:
                    raise unknown_argument(op, _NESTED)
            (before if link.kind == "fk_here" else after).append((link, v))
        if fixed:
            values.update(fixed)
        return values, before, after

    def create(self, info, data, fixed=None):
        """Create one row (and its nested writes); returns its key."""
        values, before, after = self.prepare_row(info, data, fixed)
        for link, ops in before:
            ref = self.to_one_for_create(info, link, ops)
            for f, v in zip(link.near_fields, ref):
                values[f] = v
        self._complete(info, values)
        key = self._insert(info, [values])[0]
        self._check_foreign_keys(info, values)
        for link, ops in after:
            self.nested(info, key, link, ops)
        return key

    def _complete(self, info, values):
        """Fill what Prisma Client fills itself and report what is missing."""
        for link in info.fk_links:
            if any(f in values for f in link.near_fields):
                continue
            if link.fk_required and any(f.default is None for f in link.near_fields):
                raise validation(f"Argument `{link.name}` is missing.")
        for f in info.scalars:
            if f in values:
                continue
            filled, value = client_default(f)
            if filled:
                values[f] = value
            elif f.is_list and f.default is None:
                values[f] = []
            elif f.is_required and f.default is None and not f.is_read_only:
                raise validation(f"Argument `{f.name}` is missing.")

    def _insert(self, info, rows, *, skip_duplicates=False) -> list[tuple]:
        fields = []
        for row in rows:
            for f in row:
                if f not in fields:
                    fields.append(f)
        fields.sort(key=lambda f: info.scalars.index(f))
        keys = ", ".join(quote(c) for c in info.key_columns)
        verb = "INSERT OR IGNORE INTO" if skip_duplicates else "INSERT INTO"
        if not fields:
            sql = f"{verb} {info.table} DEFAULT VALUES RETURNING {keys}"
            out = []
            for _ in rows:
                out.extend(self.c._write(sql, [], info))
            return [tuple(r) for r in out]
        params, tuples = [], []
        for row in rows:
            marks = []
            for f in fields:
                if f in row:
                    marks.append("?")
                    params.append(row[f])
                else:
                    marks.append("DEFAULT")
            tuples.append(f"({', '.join(marks)})")
        sql = (f"{verb} {info.table} ({', '.join(quote(f.column_name) for f in fields)}) "
               f"VALUES {', '.join(tuples)} RETURNING {keys}")
        return [tuple(r) for r in self.c._write(sql, params, info)]

    def create_many(self, info, rows, *, skip_duplicates=None, fixed=None) -> list[tuple]:
        """Insert ``rows`` in one statement; ``skip_duplicates`` None means the argument was not given."""
        if skip_duplicates is not None and not self.si.skip_duplicates:
            raise unknown_argument("skipDuplicates")  # Prisma has no skipDuplicates on SQLite
        prepared = []
        for data in _as_list(rows):
            values, _before, _after = self.prepare_row(info, data, fixed, scalars_only=True)  # no nested writes
            self._complete(info, values)
            prepared.append(values)
        if not prepared:
            return []
        keys = self._insert(info, prepared, skip_duplicates=skip_duplicates)
        for values in prepared:
            self._check_foreign_keys(info, values)
        return keys

    def _check_foreign_keys(self, info, values, keys=None):
        """P2003 when a foreign key written directly points at no row (the database's check; none with relationMode prisma).

        ``values`` are the columns just written; when they are only part of a foreign key (one
        column of a two-column key), the rows ``keys`` are read for the rest.
        """
        if not self.si.foreign_keys:
            return
        for link in info.fk_links:
            given = [f in values for f in link.near_fields]
            if all(given):
                refs = {tuple(values[f] for f in link.near_fields)}
            elif any(given) and keys:
                refs = {self.values(info, k, link.near_fields) for k in keys}
            else:
                continue
            target = self.si.info(link.target)
            cond = " AND ".join(f"{quote(c)} = ?" for c in link.far)
            for ref in refs:
                if ref is None or None in ref:
                    continue
                if not self.c._fetch(f"SELECT 1 FROM {target.table} WHERE {cond} LIMIT 1", list(ref)):
                    raise E.foreign_key_failed(self._constraint(link), named=self.si.schema.provider != "sqlite")

    def _constraint(self, link):
        from relviz.sql.naming import foreign_key_name

        r = link.relation
        return r.db_name or foreign_key_name(r.referencing_model.table_name, [f.column_name for f in r.referencing_fields])

    # -- update ---------------------------------------------------------------------------------------

    def _set_columns(self, info, keys, values: dict) -> list[tuple]:
        """Set plain column ``values`` ({Field: value}) on rows ``keys``; returns their keys afterwards."""
        if not keys or not values:
            return list(keys)
        referenced = self._referenced_fields(info)
        cascading = {f: v for f, v in values.items() if f in referenced}
        rest = {f: v for f, v in values.items() if f not in referenced}
        if rest:
            cond, params = self._key_condition(info, keys, alias=info.table)
            assign = ", ".join(f"{quote(f.column_name)} = ?" for f in rest)
            self.c._write(f"UPDATE {info.table} SET {assign} WHERE {cond}", list(rest.values()) + params, info)
        if cascading:
            from relviz.db.actions import apply_update

            self.c._actions(lambda con: apply_update(con, self.si.schema, info.model, keys,
                                                     {f.name: v for f, v in cascading.items()}), info)
        new = [tuple(values.get(f, v) for f, v in zip(info.key_fields, k)) for k in keys]
        self._check_foreign_keys(info, values, new)
        return new

    def _referenced_fields(self, info):
        found = set()
        for r in self.si.schema.relations:
            if r.referenced_model is info.model and r.join_table is None:
                found.update(r.referenced_fields)
            if r.join_table is not None and info.model in (r.join_table.a_model, r.join_table.b_model):
                found.add(info.model.primary_key.fields[0])
        return found

    def update_rows(self, info, keys, data, *, scalars_only=False) -> list[tuple]:
        """Apply ``data`` (scalars, atomic operations, nested writes) to rows ``keys``; returns their new keys."""
        self._check_data(info, data, scalars_only=scalars_only)
        self._check_checked_or_unchecked(info, data, creating=False)
        plain, atomic, nested = {}, [], []
        for k, v in data.items():
            field = info.scalar_by_name.get(k)
            if field is None:
                nested.append((info.links[k], v))
                continue
            if isinstance(v, dict) and field.scalar_type != "Json":
                allowed = _atomic_operations(field)
                for op in v:
                    if op not in allowed:
                        raise unknown_argument(op, allowed)
                if set(v) == {"set"}:
                    plain[field] = self._update_input(info, field, v["set"])
                else:
                    atomic.append((field, v))
            else:
                plain[field] = self._update_input(info, field, v)
        if data:
            for f in info.scalars:
                if f.is_updated_at and f not in plain:
                    plain[f] = client_default(f)[1]
        keys = self._set_columns(info, keys, plain)
        for field, ops in atomic:
            self._atomic(info, keys, field, ops)
        if nested:
            out = []
            for key in keys:
                for link, ops in nested:
                    key = self.nested(info, key, link, ops)
                out.append(key)
            keys = out
        return keys

    def _update_input(self, info, field, value):
        try:
            return self._scalar_input(info, field, value, creating=False)
        except WrongType as e:
            t = field.enum.name if field.enum is not None else field.scalar_type
            p = ("Enum" + field.enum.name) if field.enum is not None else ("Bool" if t == "Boolean" else t)
            expected = (f"{t}, Nullable{p}FieldUpdateOperationsInput or Null" if field.is_optional
                        else f"{t} or {p}FieldUpdateOperationsInput")
            raise WrongType(field.name, expected, e.value) from None

    def _atomic(self, info, keys, field, ops):
        col = quote(field.column_name)
        cond, params = self._key_condition(info, keys, alias=info.table)
        if field.is_list:
            if "push" in ops:
                extra = input_value(field, _as_list(ops["push"]))
                self.c._write(f"UPDATE {info.table} SET {col} = list_concat(coalesce({col}, []), ?) WHERE {cond}",
                              [extra] + params, info)
            return
        (op, arg), = ops.items()
        if field.scalar_type == "Decimal":
            self._atomic_decimal(info, keys, field, op, arg)
            return
        value = input_value(field, arg)
        sign = {"increment": "+", "decrement": "-", "multiply": "*", "divide": "/"}[op]
        expr = f"{col} {sign} ?"
        if op == "divide" and field.scalar_type in ("Int", "BigInt"):
            expr = f"trunc({col} / ?)"
        self.c._write(f"UPDATE {info.table} SET {col} = CAST({expr} AS {self._type(field)}) WHERE {cond}", [value] + params, info)

    def _type(self, field):
        return {"Int": "INTEGER", "BigInt": "BIGINT", "Float": "DOUBLE"}.get(field.scalar_type, "DOUBLE")

    def _atomic_decimal(self, info, keys, field, op, arg):
        amount = input_value(field, arg)
        ctx = decimal.Context(prec=60)
        for key in keys:
            (current,) = self.values(info, key, [field])
            if current is None:
                continue
            current = decimal.Decimal(current)
            new = {"increment": ctx.add, "decrement": ctx.subtract, "multiply": ctx.multiply,
                   "divide": ctx.divide}[op](current, amount)
            self._set_columns(info, [key], {field: new})

    # -- delete ---------------------------------------------------------------------------------------

    def delete_rows(self, info, keys) -> int:
        from relviz.db.actions import apply_delete

        if not keys:
            return 0
        self.c._actions(lambda con: apply_delete(con, self.si.schema, info.model, keys), info)
        return len(keys)
