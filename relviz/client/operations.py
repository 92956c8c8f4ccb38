"""Each Prisma Client action as a function of ``(client, model info, args)``."""

from __future__ import annotations

from relviz.client import errors as E
from relviz.client.aggregate import aggregate, count, group_by
from relviz.client.errors import validation
from relviz.client.read import find, records_by_keys
from relviz.client.selection import parse_selection
from relviz.client.where import unique_where
from relviz.client.write import Writer

__all__ = ["run"]


def _check_arguments(action, args):
    from relviz.client.client import ARGUMENTS

    allowed = ARGUMENTS[action]
    for key in args:
        if key not in allowed:
            raise validation(f"Unknown argument `{key}`. Available options are marked with ?.")


def _shape(args):
    return {k: args[k] for k in ("select", "include", "omit") if k in args}


def _record(client, info, key, args):
    found = records_by_keys(client, info, [key], _shape(args))
    return found[0] if found else None


def run(client, info, action, args):
    """Run ``prisma.<model>.<action>(args)``."""
    _check_arguments(action, args)
    return _ACTIONS[action](client, info, args)


def _check_returning(client, info, args, action):
    """``*AndReturn`` records can include only the relations whose foreign key the model holds (no lists, no _count)."""
    sel = parse_selection(client._si, info, args)
    statement = "select" if "select" in args else "include"
    for key, link, _args, _sub in sel.relations:
        if link.kind != "fk_here":
            raise validation(f"Unknown field `{key}` for {statement} statement on model "
                             f"`{action}{info.name}AndReturnOutputType`. Available options are marked with ?.")
    if sel.counts or "_count" in sel.order:
        raise validation(f"Unknown field `_count` for {statement} statement on model "
                         f"`{action}{info.name}AndReturnOutputType`. Available options are marked with ?.")


def _find_unique(client, info, args, *, throw=False):
    unique_where(info, args.get("where"))
    parse_selection(client._si, info, args)
    found = find(client, info, args, first=True)
    if found is None and throw:
        raise E.not_found("No record was found for a query.")
    return found


def _find_first(client, info, args, *, throw=False):
    found = find(client, info, args, first=True)
    if found is None and throw:
        raise E.not_found("No record was found for a query.")
    return found


def _create(client, info, args):
    if "data" not in args:
        raise validation("Argument `data` is missing.")
    if not isinstance(args["data"], dict):
        from relviz.client.values import WrongType

        error = WrongType("data", f"{info.name}CreateInput or {info.name}UncheckedCreateInput", args["data"])
        error.prisma_message = error.prisma_message.replace("provided List.", "provided (Object).")
        raise error
    parse_selection(client._si, info, args)

    def work():
        key = Writer(client).create(info, args["data"])
        return _record(client, info, key, args)
    return client._transaction(work)


def _create_many(client, info, args, *, returning=False):
    if "data" not in args:
        raise validation("Argument `data` is missing.")
    if returning:
        _check_returning(client, info, args, "CreateMany")

    def work():
        keys = Writer(client).create_many(info, args["data"], skip_duplicates=args.get("skipDuplicates"))
        if returning:
            return records_by_keys(client, info, keys, _shape(args))
        return {"count": len(keys)}
    return client._transaction(work)


def _update(client, info, args):
    if "data" not in args:
        raise validation("Argument `data` is missing.")
    parse_selection(client._si, info, args)

    def work():
        w = Writer(client)
        key = w.unique_key(info, args.get("where"))
        if key is None:
            raise E.not_found("No record was found for an update.")
        (key,) = w.update_rows(info, [key], args["data"])
        return _record(client, info, key, args)
    return client._transaction(work)


def _update_many(client, info, args, *, returning=False):
    if "data" not in args:
        raise validation("Argument `data` is missing.")
    if returning:
        _check_returning(client, info, args, "UpdateMany")

    def work():
        w = Writer(client)
        keys = w.keys(info, args.get("where"), limit=args.get("limit"))
        w._check_data(info, args["data"], scalars_only=True)  # updateMany takes scalar fields only
        keys = w.update_rows(info, keys, args["data"]) if keys else []
        if returning:
            return records_by_keys(client, info, keys, _shape(args))
        return {"count": len(keys)}
    return client._transaction(work)


def _upsert(client, info, args):
    for k in ("where", "create", "update"):
        if k not in args:
            raise validation(f"Argument `{k}` is missing.")
    parse_selection(client._si, info, args)

    def work():
        w = Writer(client)
        key = w.unique_key(info, args["where"])
        if key is None:
            key = w.create(info, args["create"])
        else:
            (key,) = w.update_rows(info, [key], args["update"])
        return _record(client, info, key, args)
    return client._transaction(work)


def _delete(client, info, args):
    parse_selection(client._si, info, args)

    def work():
        w = Writer(client)
        key = w.unique_key(info, args.get("where"))
        if key is None:
            raise E.not_found("No record was found for a delete.")
        record = _record(client, info, key, args)
        w.delete_rows(info, [key])
        return record
    return client._transaction(work)


def _delete_many(client, info, args):
    def work():
        w = Writer(client)
        keys = w.keys(info, args.get("where"), limit=args.get("limit"))
        w.delete_rows(info, keys)
        return {"count": len(keys)}
    return client._transaction(work)


_ACTIONS = {
    "findUnique": _find_unique,
    "findUniqueOrThrow": lambda c, i, a: _find_unique(c, i, a, throw=True),
    "findFirst": _find_first,
    "findFirstOrThrow": lambda c, i, a: _find_first(c, i, a, throw=True),
    "findMany": lambda c, i, a: find(c, i, a),
    "create": _create,
    "createMany": _create_many,
    "createManyAndReturn": lambda c, i, a: _create_many(c, i, a, returning=True),
    "update": _update,
    "updateMany": _update_many,
    "updateManyAndReturn": lambda c, i, a: _update_many(c, i, a, returning=True),
    "upsert": _upsert,
    "delete": _delete,
    "deleteMany": _delete_many,
    "count": count,
    "aggregate": aggregate,
    "groupBy": group_by,
}
