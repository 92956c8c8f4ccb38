"""``select``/``include``/``omit`` read as a tree: which keys each returned record has, in which order.

Prisma's rules: with ``include`` (or neither), every scalar field in schema order minus
``omit``, then the included relations and ``_count`` in argument order; with ``select``, just the
selected keys in argument order. ``_count: true`` counts every list relation in schema order.
"""

from __future__ import annotations

from relviz.client.errors import validation

__all__ = ["Selection", "parse_selection", "RELATION_ARGS"]

RELATION_ARGS = ("select", "include", "omit", "where", "orderBy", "take", "skip", "cursor", "distinct")


class Selection:
    """The keys of the records of one model, in output order."""

    def __init__(self, info):
        self.info = info
        self.scalars: list = []          # scalar Fields, in output order
        self.relations: list = []        # (key, Link, args, Selection)
        self.counts: list = []           # (name, Link, where)
        self.count_key_seen = False
        self.order: list[str] = []       # every output key
        self.in_order = True             # all scalars come before relations and _count

    def _add(self, key, kind):
        if kind == "scalar" and len(self.order) > len(self.scalars):
            self.in_order = False
        self.order.append(key)


def _unknown_field(key, info, statement):
    return validation(f"Unknown field `{key}` for {statement} statement on model `{info.name}`. "
                      "Available options are marked with ?.")


def parse_selection(si, info, args: dict | None) -> Selection:
    """The :class:`Selection` for ``args`` (the ``select``/``include``/``omit`` of one level)."""
    args = args or {}
    select, include, omit = args.get("select"), args.get("include"), args.get("omit")
    if select is not None and include is not None:
        raise validation("Please either use `include` or `select`, but not both at the same time.")
    if select is not None and omit is not None:
        raise validation("Please either use `omit` or `select`, but not both at the same time.")
    sel = Selection(info)
    if select is not None:
        if not isinstance(select, dict):
            raise validation("Argument `select` must be an object.")
        for key, value in select.items():
            _pick(si, info, sel, key, value, "select")
        return sel
    omitted = set()
    if omit is not None:
        for key, value in omit.items():
            if key not in info.scalar_by_name:
                raise _unknown_field(key, info, "omit")
            if value:
                omitted.add(key)
    for f in info.scalars:
        if f.name not in omitted:
            sel.scalars.append(f)
            sel._add(f.name, "scalar")
    if include is not None:
        if not isinstance(include, dict):
            raise validation("Argument `include` must be an object.")
        for key, value in include.items():
            if key in info.scalar_by_name:
                raise validation(f"Invalid scalar field `{key}` for include statement on model {info.name}. "
                                 "Available options are marked with ?.\nNote that include statements only accept "
                                 "relation fields.")
            _pick(si, info, sel, key, value, "include")
    return sel


def _pick(si, info, sel, key, value, statement):
    if value is False or value is None:
        if key not in info.scalar_by_name and key not in info.links and key != "_count":
            raise _unknown_field(key, info, statement)
        return
    if key == "_count":
        sel.counts = _counts(info, value)
        sel._add("_count", "count")
        return
    field = info.scalar_by_name.get(key)
    if field is not None:
        if value is not True:
            raise validation(f"Invalid value for field `{key}` in select: expected `true` or `false`.")
        sel.scalars.append(field)
        sel._add(key, "scalar")
        return
    link = info.links.get(key)
    if link is None:
        raise _unknown_field(key, info, statement)
    nested = {} if value is True else value
    if not isinstance(nested, dict):
        raise validation(f"Invalid value for field `{key}`: expected `true` or an object.")
    for arg in nested:
        allowed = RELATION_ARGS if link.to_many else ("select", "include", "omit")
        if arg not in allowed:
            # Prisma lists no options here for a to-one relation (its arguments object has none to mark)
            raise validation(f"Unknown argument `{arg}`." + (" Available options are marked with ?." if link.to_many else ""))
    target = si.info(link.target)
    sel.relations.append((key, link, nested, parse_selection(si, target, nested)))
    sel._add(key, "relation")


def _counts(info, value):
    if value is True:
        return [(name, info.links[name], None) for name in info.to_many]
    if not isinstance(value, dict) or set(value) != {"select"} or not isinstance(value["select"], dict):
        raise validation("Argument `_count` must be `true` or `{ select: { relation: true } }`.")
    out = []
    for name, v in value["select"].items():
        if name not in info.to_many:
            raise validation(f"Unknown field `{name}` for select statement on model `{info.name}Count"
                             "OutputType`. Available options are marked with ?.")
        if v is False or v is None:
            continue
        where = v.get("where") if isinstance(v, dict) else None
        out.append((name, info.links[name], where))
    return out
