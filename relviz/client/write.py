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
from relviz.client.values import input_value, jsonb_order
from relviz.client.where import Ctx, unique_where, where_sql
from relviz.db.names import quote

__all__ = ["Writer"]

_ATOMIC = ("set", "increment", "decrement", "multiply", "divide", "push", "unset")
_NESTED = ("create", "createMany", "connect", "connectOrCreate", "disconnect", "set", "update", "updateMany",
           "upsert", "delete", "deleteMany")


def _as_list(v):
    return list(v) if isinstance(v, (list, tuple)) else [v]


def _unknown(name):
    return validation(f"Unknown argument `{name}`. Available options are marked with ?.")


class Writer:
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
        return input_value(field, value)

    def _check_data(self, info, data, what="data"):
        if not isinstance(data, dict):
            raise validation(f"Argument `{what}` must be an object.")
        for k in data:
            if k not in info.scalar_by_name and k not in info.links:
                raise _unknown(k)

    def prepare_row(self, info, data, fixed=None) -> tuple[dict, list, list]:
        """``(values, before, after)`` for creating one row: column values, and to-one/other nested writes."""
        self._check_data(info, data)
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
                    raise _unknown(op)
            (before if link.kind == "fk_here" else after).append((link, v))
        if fixed:
            values.update(fixed)
        return values, before, after

    def create(self, info, data, fixed=None):
        """Create one row (and its nested writes); returns its key."""
        values, before, after = self.prepare_row(info, data, fixed)
        for link, ops in before:
            ref = self._to_one_for_create(info, link, ops)
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

    def create_many(self, info, rows, *, skip_duplicates=False, fixed=None) -> list[tuple]:
        prepared = []
        for data in _as_list(rows):
            values, before, after = self.prepare_row(info, data, fixed)
            if before or after:
                raise validation("createMany takes scalar fields only (no nested writes); use create for relations.")
            self._complete(info, values)
            prepared.append(values)
        if not prepared:
            return []
        keys = self._insert(info, prepared, skip_duplicates=skip_duplicates)
        for values in prepared:
            self._check_foreign_keys(info, values)
        return keys

    def _check_foreign_keys(self, info, values, links=None):
        """P2003 when a foreign key written directly points at no row."""
        for link in links or info.fk_links:
            if not all(f in values for f in link.near_fields):
                continue
            ref = tuple(values[f] for f in link.near_fields)
            if None in ref:
                continue
            target = self.si.info(link.target)
            cond = " AND ".join(f"{quote(c)} = ?" for c in link.far)
            if not self.c._fetch(f"SELECT 1 FROM {target.table} WHERE {cond} LIMIT 1", list(ref)):
                raise E.foreign_key_failed(self._constraint(link))

    def _constraint(self, link):
        from relviz.sql.naming import foreign_key_name

        r = link.relation
        return r.db_name or foreign_key_name(r.referencing_model.table_name, [f.column_name for f in r.referencing_fields])

    # -- to-one where this model holds the foreign key -------------------------------------------------

    def _find_target(self, link, where, *, op="connect"):
        target = self.si.info(link.target)
        key = self.unique_key(target, where)
        if key is None:
            kind = {"one-to-one": "one-to-one", "one-to-many": "one-to-many"}.get(link.relation.kind, link.relation.kind)
            raise E.not_found(f"No '{target.name}' record (needed to inline the relation on '{link.field.model.name}' "
                              f"record(s)) was found for a nested {op} on {kind} relation '{link.relation.name}'.")
        return target, key

    def _to_one_for_create(self, info, link, ops):
        """The referenced values for a new row's foreign key, from ``create``/``connect``/``connectOrCreate``."""
        if len(ops) != 1 or next(iter(ops)) not in ("create", "connect", "connectOrCreate"):
            raise validation(f"Argument `{link.name}` takes exactly one of `create`, `connect` or `connectOrCreate` here.")
        ref = self._resolve_to_one(link, ops)
        self._free_partner(info, link, ref, me=None)
        return ref

    def _resolve_to_one(self, link, ops):
        target = self.si.info(link.target)
        (op, arg), = ops.items()
        if op == "create":
            key = self.create(target, arg)
        elif op == "connect":
            _t, key = self._find_target(link, arg)
        else:
            key = self.unique_key(target, arg.get("where"))
            if key is None:
                key = self.create(target, arg.get("create", {}))
        return self.values(target, key, link.far_fields)

    def _free_partner(self, info, link, ref, me):
        """One-to-one: another row already points at ``ref``: P2014 if its key is required, else it lets go."""
        if not link.fk_unique:
            return
        cond = " AND ".join(f"t0.{quote(c)} = ?" for c in link.near)
        params = list(ref)
        if me is not None:
            kc, kp = self._key_condition(info, [me])
            cond += f" AND NOT ({kc})"
            params += kp
        others = self.keys(info, None, (cond, params))
        if not others:
            return
        if link.fk_required:
            raise E.required_relation_violated(link.relation)
        self._set_columns(info, others, {f: None for f in link.near_fields})

    def _nested_to_one_here(self, info, key, link, ops):
        target = self.si.info(link.target)
        for op, arg in ops.items():
            current = self.values(info, key, link.near_fields)
            connected = current is not None and None not in current
            if op in ("create", "connect", "connectOrCreate"):
                ref = self._resolve_to_one(link, {op: arg})
                self._free_partner(info, link, ref, me=key)
                key = self._set_columns(info, [key], dict(zip(link.near_fields, ref)))[0]
            elif op == "disconnect":
                if arg is False:
                    continue
                if link.fk_required:
                    raise E.required_relation_violated(link.relation)
                if connected and (arg is True or self._matches(target, link, current, arg)):
                    key = self._set_columns(info, [key], {f: None for f in link.near_fields})[0]
            elif op in ("update", "upsert", "delete"):
                tkey = self._target_by_ref(target, link, current) if connected else None
                if op == "update":
                    data = arg["data"] if set(arg) <= {"where", "data"} and "data" in arg else arg
                    if tkey is None or ("where" in arg and "data" in arg and not self._matches(target, link, current, arg["where"])):
                        raise E.not_found(f"No '{target.name}' record was found for a nested update on relation '{link.relation.name}'.")
                    self.update_rows(target, [tkey], data)
                elif op == "upsert":
                    if tkey is not None:
                        self.update_rows(target, [tkey], arg.get("update", {}))
                    else:
                        ref = self._resolve_to_one(link, {"create": arg.get("create", {})})
                        key = self._set_columns(info, [key], dict(zip(link.near_fields, ref)))[0]
                else:
                    if arg is False:
                        continue
                    if tkey is None:
                        raise E.not_found(f"No '{target.name}' record was found for a nested delete on relation '{link.relation.name}'.")
                    self.delete_rows(target, [tkey])
            else:
                raise validation(f"Argument `{op}` is not available on the relation `{link.name}`.")
        return key

    def _target_by_ref(self, target, link, ref):
        cond = " AND ".join(f"t0.{quote(c)} = ?" for c in link.far)
        found = self.keys(target, None, (cond, list(ref)), limit=1)
        return found[0] if found else None

    def _matches(self, target, link, ref, where) -> bool:
        if not where or where is True:
            return True
        cond = " AND ".join(f"t0.{quote(c)} = ?" for c in link.far)
        return bool(self.keys(target, where, (cond, list(ref)), limit=1))

    # -- nested writes ------------------------------------------------------------------------------

    def nested(self, info, key, link, ops):
        """Run the nested writes ``ops`` of relation field ``link`` for the row ``key``; returns the row's (new) key."""
        if not isinstance(ops, dict):
            raise validation(f"Invalid value for argument `{link.name}`: expected a nested write object.")
        for op in ops:
            if op not in _NESTED:
                raise _unknown(op)
        if link.kind == "fk_here":
            return self._nested_to_one_here(info, key, link, ops)
        if link.kind == "join":
            self._nested_join(info, key, link, ops)
        else:
            self._nested_children(info, key, link, ops)
        return key

    def _children_condition(self, link, pref):
        cond = " AND ".join(f"t0.{quote(c)} = ?" for c in link.far)
        return cond, list(pref)

    def _nested_children(self, info, key, link, ops):
        """Writes on a relation whose other side holds the foreign key (``User.posts``, ``User.profile``)."""
        target = self.si.info(link.target)
        pref = self.values(info, key, link.near_fields)
        fixed = dict(zip(link.far_fields, pref))
        mine = self._children_condition(link, pref)
        single = not link.to_many
        for op, arg in ops.items():
            if op == "create":
                for data in _as_list(arg):
                    if single:
                        self._replace_only_child(target, link, mine)
                    self.create(target, data, fixed)
            elif op == "createMany":
                self.create_many(target, arg.get("data", []), skip_duplicates=arg.get("skipDuplicates", False), fixed=fixed)
            elif op in ("connect", "connectOrCreate"):
                for item in _as_list(arg):
                    where = item if op == "connect" else item.get("where")
                    child = self.unique_key(target, where)
                    if child is None and op == "connectOrCreate":
                        if single:
                            self._replace_only_child(target, link, mine)
                        self.create(target, item.get("create", {}), fixed)
                        continue
                    if child is None:
                        raise E.not_found(f"Expected 1 records to be connected, found only 0.")
                    if single:
                        self._replace_only_child(target, link, mine, keep=child)
                    self._set_columns(target, [child], fixed)
            elif op == "disconnect":
                if single:
                    if arg is False:
                        continue
                    children = self.keys(target, None if arg is True else arg, mine)
                else:
                    children = [k for w in _as_list(arg) for k in self.keys(target, unique_where(target, w), mine)]
                if not children:
                    continue
                if link.fk_required:
                    raise E.required_relation_violated(link.relation)
                self._set_columns(target, children, {f: None for f in link.far_fields})
            elif op == "set":
                wanted = []
                for w in _as_list(arg):
                    k = self.unique_key(target, w)
                    if k is None:
                        raise E.not_found("Expected 1 records to be connected, found only 0.")
                    wanted.append(k)
                current = self.keys(target, None, mine)
                dropped = [k for k in current if k not in wanted]
                if dropped:
                    if link.fk_required:
                        raise E.required_relation_violated(link.relation)
                    self._set_columns(target, dropped, {f: None for f in link.far_fields})
                if wanted:
                    self._set_columns(target, wanted, fixed)
            elif op == "update":
                for item in _as_list(arg):
                    if single:
                        data = item["data"] if set(item) <= {"where", "data"} and "data" in item else item
                        where = item.get("where") if data is not item else None
                    else:
                        where, data = item.get("where"), item.get("data", {})
                    found = self.keys(target, where, mine, limit=1)
                    if not found:
                        raise E.not_found(f"No '{target.name}' record was found for a nested update on relation '{link.relation.name}'.")
                    self.update_rows(target, found, data)
            elif op == "updateMany":
                for item in _as_list(arg):
                    found = self.keys(target, item.get("where"), mine)
                    if found:
                        self.update_rows(target, found, item.get("data", {}))
            elif op == "upsert":
                for item in _as_list(arg):
                    found = self.keys(target, item.get("where") if not single else item.get("where"), mine, limit=1)
                    if found:
                        self.update_rows(target, found, item.get("update", {}))
                    else:
                        self.create(target, item.get("create", {}), fixed)
            elif op == "delete":
                if single:
                    if arg is False:
                        continue
                    found = self.keys(target, None if arg is True else arg, mine, limit=1)
                    if not found:
                        raise E.not_found(f"No '{target.name}' record was found for a nested delete on relation '{link.relation.name}'.")
                    self.delete_rows(target, found)
                    continue
                for w in _as_list(arg):
                    found = self.keys(target, unique_where(target, w), mine, limit=1)
                    if not found:
                        raise E.not_connected(link.relation, info.model, target.model)
                    self.delete_rows(target, found)
            elif op == "deleteMany":
                for w in _as_list(arg):
                    found = self.keys(target, w, mine)
                    if found:
                        self.delete_rows(target, found)

    def _replace_only_child(self, target, link, mine, keep=None):
        """One-to-one from the parent's side: an existing child must let go (P2014 if it cannot)."""
        current = [k for k in self.keys(target, None, mine) if k != keep]
        if not current:
            return
        if link.fk_required:
            raise E.required_relation_violated(link.relation)
        self._set_columns(target, current, {f: None for f in link.far_fields})

    def _nested_join(self, info, key, link, ops):
        """Writes on an implicit many-to-many relation (rows of ``_AToB``)."""
        target = self.si.info(link.target)
        (near_id,) = self.values(info, key, link.near_fields)
        near, far = quote(link.near_join), quote(link.far_join)
        mine = (f"EXISTS (SELECT 1 FROM {link.table} AS j WHERE j.{far} = t0.{quote(link.far[0])} AND j.{near} = ?)", [near_id])

        def far_id(k):
            return self.values(target, k, link.far_fields)[0]

        def connect(k):
            self.c._write(f"INSERT OR IGNORE INTO {link.table} ({near}, {far}) VALUES (?, ?)", [near_id, far_id(k)], None)

        for op, arg in ops.items():
            if op == "create":
                for data in _as_list(arg):
                    connect(self.create(target, data))
            elif op in ("connect", "connectOrCreate"):
                for item in _as_list(arg):
                    where = item if op == "connect" else item.get("where")
                    k = self.unique_key(target, where)
                    if k is None and op == "connectOrCreate":
                        k = self.create(target, item.get("create", {}))
                    if k is None:
                        raise E.not_found("Expected 1 records to be connected, found only 0.")
                    connect(k)
            elif op == "disconnect":
                for w in _as_list(arg):
                    for k in self.keys(target, unique_where(target, w)):
                        self.c._write(f"DELETE FROM {link.table} WHERE {near} = ? AND {far} = ?", [near_id, far_id(k)], None)
            elif op == "set":
                wanted = []
                for w in _as_list(arg):
                    k = self.unique_key(target, w)
                    if k is None:
                        raise E.not_found("Expected 1 records to be connected, found only 0.")
                    wanted.append(k)
                self.c._write(f"DELETE FROM {link.table} WHERE {near} = ?", [near_id], None)
                for k in wanted:
                    connect(k)
            elif op == "update":
                for item in _as_list(arg):
                    found = self.keys(target, item.get("where"), mine, limit=1)
                    if not found:
                        raise E.not_found(f"No '{target.name}' record was found for a nested update on relation '{link.relation.name}'.")
                    self.update_rows(target, found, item.get("data", {}))
            elif op == "updateMany":
                for item in _as_list(arg):
                    found = self.keys(target, item.get("where"), mine)
                    if found:
                        self.update_rows(target, found, item.get("data", {}))
            elif op == "upsert":
                for item in _as_list(arg):
                    found = self.keys(target, item.get("where"), mine, limit=1)
                    if found:
                        self.update_rows(target, found, item.get("update", {}))
                    else:
                        connect(self.create(target, item.get("create", {})))
            elif op == "delete":
                for w in _as_list(arg):
                    found = self.keys(target, unique_where(target, w), mine, limit=1)
                    if not found:
                        raise E.not_connected(link.relation, info.model, target.model)
                    self.delete_rows(target, found)
            elif op == "deleteMany":
                for w in _as_list(arg):
                    found = self.keys(target, w, mine)
                    if found:
                        self.delete_rows(target, found)
            elif op == "createMany":
                raise validation(f"Unknown argument `createMany`: a many-to-many relation ({link.name}) has no createMany.")

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
        self._check_foreign_keys(info, values)
        new = []
        for k in keys:
            new.append(tuple(values.get(f, v) for f, v in zip(info.key_fields, k)))
        return new

    def _referenced_fields(self, info):
        found = set()
        for r in self.si.schema.relations:
            if r.referenced_model is info.model and r.join_table is None:
                found.update(r.referenced_fields)
            if r.join_table is not None and info.model in (r.join_table.a_model, r.join_table.b_model):
                found.add(info.model.primary_key.fields[0])
        return found

    def update_rows(self, info, keys, data) -> list[tuple]:
        """Apply ``data`` (scalars, atomic operations, nested writes) to rows ``keys``; returns their new keys."""
        self._check_data(info, data)
        plain, atomic, nested = {}, [], []
        for k, v in data.items():
            field = info.scalar_by_name.get(k)
            if field is None:
                nested.append((info.links[k], v))
                continue
            if isinstance(v, dict) and field.scalar_type != "Json":
                for op in v:
                    if op not in _ATOMIC:
                        raise _unknown(op)
                if set(v) == {"set"}:
                    plain[field] = self._scalar_input(info, field, v["set"], creating=False)
                elif "unset" in v:
                    plain[field] = None
                else:
                    atomic.append((field, v))
            else:
                plain[field] = self._scalar_input(info, field, v, creating=False)
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
