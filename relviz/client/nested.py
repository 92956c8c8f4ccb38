"""Nested writes: ``create``, ``connect``, ``disconnect``, ``set``, ``update``, ``upsert``, ``delete``... inside ``data``.

Three kinds of relation field, three sets of rules (Prisma's, see tests/fixtures/queries/README.md):

- this model holds the foreign key (``Post.author``, ``Profile.user``): the key column is set;
- the other model holds it (``User.posts``, ``User.profile``): the children's key columns are set;
  a one-to-one partner that would be orphaned is P2014 when its key is required, else it lets go;
- an implicit many-to-many (``User.accounts``): rows of ``_AToB`` are added or removed.
"""

from __future__ import annotations

from relviz.client import errors as E
from relviz.client.errors import validation
from relviz.client.where import unique_where, unknown_argument
from relviz.db.names import quote

__all__ = ["NESTED_OPERATIONS", "NestedWrites"]

NESTED_OPERATIONS = ("create", "createMany", "connect", "connectOrCreate", "disconnect", "set", "update", "updateMany",
                     "upsert", "delete", "deleteMany")


_TO_ONE_REQUIRED = ("create", "connectOrCreate", "upsert", "connect", "update")
_TO_ONE_OPTIONAL = ("create", "connectOrCreate", "upsert", "disconnect", "delete", "connect", "update")


def _as_list(v):
    return list(v) if isinstance(v, (list, tuple)) else [v]


def _unwrap(arg):
    """A to-one ``update`` is either the data itself or ``{where, data}``: ``(where, data)``."""
    if isinstance(arg, dict) and "data" in arg and set(arg) <= {"where", "data"}:
        return arg.get("where"), arg["data"]
    return None, arg


def _check_unique_lists(target, ops):
    """``connect``/``disconnect``/``set``/``delete`` of a list relation take unique filters, one or a list.

    A single object that names no unique field is reported as Prisma does: it expected a list.
    """
    from relviz.client.errors import PrismaClientValidationError
    from relviz.client.values import WrongType

    for op in ("connect", "disconnect", "set", "delete"):
        if op not in ops:
            continue
        for where in _as_list(ops[op]):
            try:
                unique_where(target, where)
            except PrismaClientValidationError:
                if isinstance(ops[op], dict):
                    raise WrongType(op, f"{target.name}WhereUniqueInput[]", ops[op]) from None
                raise


class NestedWrites:
    """The nested-write half of :class:`relviz.client.write.Writer` (which provides ``keys``, ``create``...)."""

    def nested(self, info, key, link, ops):
        """Run the nested writes ``ops`` of relation field ``link`` for the row ``key``; returns the row's (new) key."""
        if not isinstance(ops, dict):
            raise validation(f"Invalid value for argument `{link.name}`: expected a nested write object.")
        for op in ops:
            if op not in NESTED_OPERATIONS:
                raise unknown_argument(op, NESTED_OPERATIONS)
        if link.kind == "fk_here":
            allowed = _TO_ONE_REQUIRED if link.fk_required else _TO_ONE_OPTIONAL
            for op in ops:
                if op not in allowed:  # a required relation has no disconnect or delete
                    raise unknown_argument(op, allowed)
            return self._to_one_here(info, key, link, ops)
        target = self.si.info(link.target)
        if link.to_many:
            _check_unique_lists(target, ops)
        run = _Children(self, info, key, link, target) if link.kind == "fk_there" else _Join(self, info, key, link, target)
        for op, arg in ops.items():
            getattr(run, op)(arg)
        return key

    # -- this model holds the foreign key ------------------------------------------------------------

    def to_one_for_create(self, info, link, ops):
        """The referenced values for a new row's foreign key, from ``create``/``connect``/``connectOrCreate``."""
        if len(ops) != 1 or next(iter(ops)) not in ("create", "connect", "connectOrCreate"):
            raise validation(f"Argument `{link.name}` takes exactly one of `create`, `connect` or `connectOrCreate` here.")
        if "create" in ops and not isinstance(ops["create"], dict):
            raise self._not_one_object(link, "create", ops["create"])
        ref = self._resolve_to_one(link, ops)
        self._free_partner(info, link, ref, me=None)
        return ref

    def _not_one_object(self, link, op, value):
        """A to-one relation takes one object: Prisma names the input types it expected."""
        from relviz.client.values import WrongType

        target, back = link.target.name, link.relation.referenced_field if link.kind == "fk_here" else None
        without = f"Without{back.name[:1].upper()}{back.name[1:]}" if back is not None else ""
        expected = f"{target}Create{without}Input or {target}UncheckedCreate{without}Input"
        error = WrongType(op, expected, value)
        error.prisma_message = error.prisma_message.replace("provided List.", "provided (Object).")
        return error

    def _resolve_to_one(self, link, ops):
        """Create or find the row a to-one relation points at; returns its referenced values."""
        target = self.si.info(link.target)
        (op, arg), = ops.items()
        if op == "create":
            key = self.create(target, arg)
        elif op == "connect":
            key = self.unique_key(target, arg)
            if key is None:
                raise E.not_found(
                    f"No '{target.name}' record (needed to inline the relation on '{link.field.model.name}' record(s)) "
                    f"was found for a nested connect on {link.relation.kind} relation '{link.relation.name}'.")
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

    def _related(self, target, link, ref, where=None):
        """The key of the row ``ref`` points at (and that matches ``where``), or None."""
        if ref is None or None in ref:
            return None
        cond = " AND ".join(f"t0.{quote(c)} = ?" for c in link.far)
        found = self.keys(target, where if isinstance(where, dict) else None, (cond, list(ref)), limit=1)
        return found[0] if found else None

    def _to_one_here(self, info, key, link, ops):
        target = self.si.info(link.target)
        for op, arg in ops.items():
            ref = self.values(info, key, link.near_fields)
            if op in ("create", "connect", "connectOrCreate"):
                new = self._resolve_to_one(link, {op: arg})
                self._free_partner(info, link, new, me=key)
                key = self._set_columns(info, [key], dict(zip(link.near_fields, new)))[0]
            elif op == "disconnect":
                if arg is False:
                    continue
                if link.fk_required:
                    raise E.required_relation_violated(link.relation)
                if self._related(target, link, ref, arg) is not None:
                    key = self._set_columns(info, [key], {f: None for f in link.near_fields})[0]
            elif op == "update":
                where, data = _unwrap(arg)
                related = self._related(target, link, ref, where)
                if related is None:
                    raise E.not_found(f"No '{target.name}' record was found for a nested update on "
                                      f"{link.relation.kind} relation '{link.relation.name}'.")
                self.update_rows(target, [related], data)
            elif op == "upsert":
                related = self._related(target, link, ref, arg.get("where"))
                if related is not None:
                    self.update_rows(target, [related], arg.get("update", {}))
                else:
                    new = self._resolve_to_one(link, {"create": arg.get("create", {})})
                    key = self._set_columns(info, [key], dict(zip(link.near_fields, new)))[0]
            elif op == "delete":
                if arg is False:
                    continue
                related = self._related(target, link, ref, arg)
                if related is None:
                    raise E.not_found(f"No '{target.name}' record was found for a nested delete on "
                                      f"{link.relation.kind} relation '{link.relation.name}'.")
                self.delete_rows(target, [related])
            else:
                raise validation(f"Argument `{op}` is not available on the relation `{link.name}`: "
                                 f"{info.name} holds its foreign key.")
        return key


class _Children:
    """Nested writes on a relation whose other model holds the foreign key (``User.posts``, ``User.profile``)."""

    def __init__(self, w, info, key, link, target):
        self.w, self.info, self.link, self.target = w, info, link, target
        parent = w.values(info, key, link.near_fields)
        self.fixed = dict(zip(link.far_fields, parent))  # what makes a row one of the children
        self.mine = (" AND ".join(f"t0.{quote(c)} = ?" for c in link.far), list(parent))
        self.single = not link.to_many

    def _items(self, arg, *required):
        """The items of a list operation (``update: [{where, data}]``), each with its required keys."""
        items = _as_list(arg)
        for item in items:
            if not isinstance(item, dict):
                raise validation(f"Invalid value for a nested write on `{self.link.name}`: expected an object.")
            for key in required:
                if key not in item:
                    raise validation(f"Argument `{key}` is missing.")
        return items

    def _children(self, where=None, *, unique=False, limit=None):
        if unique:
            where = unique_where(self.target, where)
        return self.w.keys(self.target, where, self.mine, limit=limit)

    def _let_go(self, keys):
        """Disconnect ``keys``: their foreign key becomes NULL, or P2014 when it is required."""
        if not keys:
            return
        if self.link.fk_required:
            raise E.required_relation_violated(self.link.relation)
        self.w._set_columns(self.target, keys, {f: None for f in self.link.far_fields})

    def _only_child(self, keep=None):
        """One-to-one from the parent's side: the current child must let go of its parent."""
        if self.single:
            self._let_go([k for k in self._children() if k != keep])

    def create(self, arg):
        for data in _as_list(arg):
            self._only_child()
            self.w.create(self.target, data, self.fixed)

    def createMany(self, arg):
        self.w.create_many(self.target, arg.get("data", []), skip_duplicates=arg.get("skipDuplicates"),
                           fixed=self.fixed)

    def connect(self, arg):
        for where in _as_list(arg):
            child = self.w.unique_key(self.target, where)
            if child is None:
                raise E.PrismaClientKnownRequestError(
                    "The required connected records were not found. Expected 1 records to be connected after "
                    f"connect operation on {self.link.relation.kind} relation '{self.link.relation.name}', found 0.",
                    code="P2018")
            self._only_child(keep=child)
            self.w._set_columns(self.target, [child], self.fixed)

    def connectOrCreate(self, arg):
        for item in _as_list(arg):
            if self.w.unique_key(self.target, item.get("where")) is None:
                self.create(item.get("create", {}))
            else:
                self.connect(item.get("where"))

    def disconnect(self, arg):
        if self.single:
            if arg is not False:
                self._let_go(self._children(None if arg is True else arg))
            return
        self._let_go([k for where in _as_list(arg) for k in self._children(where, unique=True)])

    def set(self, arg):
        wanted = []
        for where in _as_list(arg):
            key = self.w.unique_key(self.target, where)
            if key is None:
                raise E.not_found("Expected 1 records to be connected, found only 0.")
            wanted.append(key)
        self._let_go([k for k in self._children() if k not in wanted])
        if wanted:
            self.w._set_columns(self.target, wanted, self.fixed)

    def update(self, arg):
        for item in (_as_list(arg) if self.single else self._items(arg, "where", "data")):
            where, data = _unwrap(item) if self.single else (item["where"], item["data"])
            found = self._children(where, limit=1)
            if not found:
                raise E.not_found(f"No '{self.target.name}' record was found for a nested update on "
                                  f"{self.link.relation.kind} relation '{self.link.relation.name}'.")
            self.w.update_rows(self.target, found, data)

    def updateMany(self, arg):
        for item in self._items(arg, "data"):
            found = self._children(item.get("where"))
            if found:
                self.w.update_rows(self.target, found, item.get("data", {}))

    def upsert(self, arg):
        for item in self._items(arg, *(("create", "update") if self.single else ("where", "create", "update"))):
            found = self._children(item.get("where"), limit=1)
            if found:
                self.w.update_rows(self.target, found, item.get("update", {}))
            else:
                self.create(item.get("create", {}))

    def delete(self, arg):
        if self.single:
            if arg is False:
                return
            found = self._children(None if arg is True else arg, limit=1)
            if not found:
                raise E.not_found(f"No '{self.target.name}' record was found for a nested delete on "
                                  f"{self.link.relation.kind} relation '{self.link.relation.name}'.")
            self.w.delete_rows(self.target, found)
            return
        for where in _as_list(arg):
            found = self._children(where, unique=True, limit=1)
            if not found:
                raise E.not_connected(self.link.relation, self.info.model, self.target.model)
            self.w.delete_rows(self.target, found)

    def deleteMany(self, arg):
        for where in _as_list(arg):
            self.w.delete_rows(self.target, self._children(where))


class _Join(_Children):
    """Nested writes on an implicit many-to-many relation: rows of its join table ``_AToB``."""

    def __init__(self, w, info, key, link, target):
        self.w, self.info, self.link, self.target = w, info, link, target
        (self.near_id,) = w.values(info, key, link.near_fields)
        self.near, self.far = quote(link.near_join), quote(link.far_join)
        self.mine = (f"EXISTS (SELECT 1 FROM {link.table} AS j WHERE j.{self.far} = t0.{quote(link.far[0])} "
                     f"AND j.{self.near} = ?)", [self.near_id])
        self.single = False

    def _far_id(self, key):
        return self.w.values(self.target, key, self.link.far_fields)[0]

    def _link(self, key):
        self.w.c._write(f"INSERT OR IGNORE INTO {self.link.table} ({self.near}, {self.far}) VALUES (?, ?)",
                        [self.near_id, self._far_id(key)], None)

    def create(self, arg):
        for data in _as_list(arg):
            self._link(self.w.create(self.target, data))

    def createMany(self, arg):
        raise validation(f"Unknown argument `createMany`: the many-to-many relation `{self.link.name}` has no createMany.")

    def connect(self, arg):
        for where in _as_list(arg):
            key = self.w.unique_key(self.target, where)
            if key is None:
                raise E.not_found("Expected 1 records to be connected, found only 0.")
            self._link(key)

    def disconnect(self, arg):
        for where in _as_list(arg):
            for key in self.w.keys(self.target, unique_where(self.target, where)):
                self.w.c._write(f"DELETE FROM {self.link.table} WHERE {self.near} = ? AND {self.far} = ?",
                                [self.near_id, self._far_id(key)], None)

    def set(self, arg):
        wanted = []
        for where in _as_list(arg):
            key = self.w.unique_key(self.target, where)
            if key is None:
                raise E.not_found("Expected 1 records to be connected, found only 0.")
            wanted.append(key)
        self.w.c._write(f"DELETE FROM {self.link.table} WHERE {self.near} = ?", [self.near_id], None)
        for key in wanted:
            self._link(key)
