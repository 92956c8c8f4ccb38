"""The SQL for one level of a read: the records of one model, filtered, ordered and paged.

A plain level is one ``SELECT ... WHERE ... ORDER BY ... LIMIT``. ``distinct``, a ``cursor`` or a
page of children per parent (``include: {posts: {take: 2}}``) need window functions: the level
then selects hidden columns (``__o`` order values, ``__c`` parent key, ``__d`` distinct fields,
``__cur``/``__w`` the cursor row and the filter) and numbers the rows (``__rn``).
"""

from __future__ import annotations

from relviz.client.errors import validation
from relviz.client.values import WrongType
from relviz.client.order import count_expr, order_sql, order_terms, with_key
from relviz.client.where import unique_where, where_sql
from relviz.db.names import quote

__all__ = ["Plan", "level_sql"]

A = "t0"


class Plan:
    """Where each piece of a level's rows sits: relation keys, counts, the parent key."""

    def __init__(self, sel):
        self.sel = sel
        self.columns: list[str] = []
        self.near_index: dict = {}   # link.near (column names) -> positions in the row
        self.count_index: list = []  # (relation name, position)
        self.parent_index: tuple = ()


def _position(cols: list, expr: str) -> int:
    """Where ``expr`` is in the select list, adding it at the end if it is not there yet."""
    if expr not in cols:
        cols.append(expr)
    return cols.index(expr)


def _int_arg(value, name, *, negative_ok=True):
    if value is None:
        return None
    if isinstance(value, float) and value == value and abs(value) != float("inf"):
        value = int(value)  # Prisma takes 1.5 as 1
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongType(name, "Int", value)
    if value < 0 and not negative_ok:
        raise validation(f"Invalid value for argument `{name}`: Provided value {value} is lower than 0.")
    return value


def _in_keys(ctx, pcols, keys) -> str:
    """``fk IN (SELECT unnest(?))``: the rows belonging to any of the parents ``keys``."""
    if len(pcols) == 1:
        ctx.params.append([k[0] for k in keys])
        return f"{pcols[0]} IN (SELECT unnest(?))"
    for i in range(len(pcols)):
        ctx.params.append([k[i] for k in keys])
    return f"({', '.join(pcols)}) IN (SELECT {', '.join('unnest(?)' for _ in pcols)})"


class _Level:
    """The pieces of one level's statement, each with its own parameters (kept in SQL order at the end)."""

    def __init__(self, ctx, info, sel, args, parent):
        self.ctx, self.info, self.parent = ctx, info, parent
        self.head, self.filt, self.order_ctx, self.cur_ctx = ctx.sub(), ctx.sub(), ctx.sub(), ctx.sub()
        self.plan = plan = Plan(sel)
        cols = [f"{A}.{quote(f.column_name)}" for f in sel.scalars]
        for _key, link, _args, _sub in sel.relations:
            if link.near not in plan.near_index:
                plan.near_index[link.near] = tuple(_position(cols, f"{A}.{quote(c)}") for c in link.near)
        for name, link, where in sel.counts:
            plan.count_index.append((name, len(cols)))
            cols.append(count_expr(self.head, link, A, where))
        self.source, self.pcols, self.conditions = f"{info.table} AS {A}", [], []
        if parent is not None:
            link, keys = parent
            if link.kind == "join":
                self.source = (f"{link.table} AS j JOIN {info.table} AS {A} "
                               f"ON {A}.{quote(link.far[0])} = j.{quote(link.far_join)}")
                self.pcols = [f"j.{quote(link.near_join)}"]
            else:
                self.pcols = [f"{A}.{quote(c)}" for c in link.far]
            self.conditions.append(_in_keys(self.filt, self.pcols, keys))
            plan.parent_index = tuple(_position(cols, c) for c in self.pcols)
        cond = where_sql(self.filt, info, args.get("where"), A)
        if cond != "TRUE":
            self.conditions.append(cond)
        plan.columns = self.cols = cols
        self.terms = with_key(info, order_terms(self.order_ctx, info, args.get("orderBy"), A), A)
        self.take = _int_arg(args.get("take"), "take")
        self.skip = _int_arg(args.get("skip"), "skip", negative_ok=False) or 0
        distinct = args.get("distinct")
        self.distinct = [distinct] if isinstance(distinct, str) else distinct
        self.cursor = args.get("cursor")
        self.reverse = self.take is not None and self.take < 0

    @property
    def is_simple(self) -> bool:
        return (not self.distinct and self.cursor is None
                and (self.parent is None or (self.take is None and not self.skip)))

    def _where_clause(self) -> str:
        return f" WHERE {' AND '.join(self.conditions)}" if self.conditions else ""

    def _page(self) -> str:
        sql = f" LIMIT {abs(self.take)}" if self.take is not None else ""
        return sql + (f" OFFSET {self.skip}" if self.skip else "")

    def simple_sql(self) -> str:
        self.ctx.params.extend(self.head.params + self.filt.params + self.order_ctx.params)
        return (f"SELECT {', '.join(self.cols)} FROM {self.source}{self._where_clause()} "
                f"ORDER BY {order_sql(self.terms, reverse=self.reverse)}{self._page()}")

    def windowed_sql(self) -> str:
        info, plan, cols = self.info, self.plan, self.cols
        inner_cols = list(cols)
        for j, i in enumerate(plan.parent_index):
            inner_cols[i] = f"{cols[i]} AS __c{j}"
        inner_cols += [f"{expr} AS __o{i}" for i, (expr, _d, _n) in enumerate(self.terms)]
        outer_terms = [(f"__o{i}", d, n) for i, (_e, d, n) in enumerate(self.terms)]
        for i, name in enumerate(self.distinct or ()):
            field = info.scalar_by_name.get(name)
            if field is None:
                raise validation(f"Invalid value for argument `distinct`. Expected {info.name}ScalarFieldEnum.")
            inner_cols.append(f"{A}.{quote(field.column_name)} AS __d{i}")
        where_clause = self._where_clause()
        if self.cursor is not None:
            if self.parent is not None:
                raise validation("relviz supports `cursor` on the top-level query only.")
            unique_where(info, self.cursor, argument="cursor")
            inner_cols.append(f"({where_sql(self.cur_ctx, info, self.cursor, A)}) AS __cur")
            # Prisma places the cursor among all rows (it need not match `where`): number every row,
            # keep the filter as a column (__w) and apply it once the cursor's position is known.
            inner_cols.append(f"({' AND '.join(self.conditions) or 'TRUE'}) AS __w")
            where_clause = ""
        inner = f"SELECT {', '.join(inner_cols)} FROM {self.source}{where_clause}"
        parent_names = [f"__c{j}" for j in range(len(plan.parent_index))]
        if self.distinct:
            keys = parent_names + (["__w"] if self.cursor is not None else [])
            keys += [f"__d{i}" for i in range(len(self.distinct))]
            inner = (f"SELECT * FROM ({inner}) AS d QUALIFY row_number() OVER (PARTITION BY {', '.join(keys)} "
                     f"ORDER BY {order_sql(outer_terms)}) = 1")
        partition = f"PARTITION BY {', '.join(parent_names)} " if self.parent else ""
        base = (f"SELECT *, row_number() OVER ({partition}ORDER BY {order_sql(outer_terms, reverse=self.reverse)}) "
                f"AS __rn FROM ({inner}) AS b")
        filters = []
        if self.cursor is not None:
            filters.append("__w AND __rn >= (SELECT min(__rn) FROM __base WHERE __cur)")
        if self.parent is not None and (self.take is not None or self.skip):
            last = f" AND __rn <= {self.skip + abs(self.take)}" if self.take is not None else ""
            filters.append(f"__rn > {self.skip}{last}")
        sql = f"WITH __base AS ({base}) SELECT * FROM __base"
        sql += (f" WHERE {' AND '.join(filters)}" if filters else "") + " ORDER BY __rn"
        if self.parent is None:
            sql += self._page()
        self.ctx.params.extend(self.head.params + self.order_ctx.params + self.cur_ctx.params + self.filt.params)
        return sql


def level_sql(ctx, info, sel, args, parent=None):
    """``(sql, plan, reverse)`` for one level; parameters go to ``ctx.params``.

    ``parent`` is ``(link, parent keys)`` for a nested level. ``reverse`` is True for a negative
    ``take``: the rows come newest first and the caller turns them around.
    """
    level = _Level(ctx, info, sel, args, parent)
    sql = level.simple_sql() if level.is_simple else level.windowed_sql()
    return sql, level.plan, level.reverse
