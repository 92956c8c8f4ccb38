"""``sample_data(schema, rows=...)``: made-up rows for every table, generated inside DuckDB in bulk.

Each table is filled by one ``INSERT INTO ... SELECT ... FROM range(n)``: every column is a
SQL expression of the row number ``i`` (see :mod:`relviz.db.sample_values`), so a million rows
take one statement per table, and the same ``seed`` gives the same rows.

How the rows respect the schema:

- **Foreign keys** pick a row number ``r`` of the referenced table and use the very expression
  that made that row's key, evaluated at ``r``: no lookups, and never an orphan. An optional
  foreign key is NULL in about one row in four.
- **Self-relations** point at an earlier row (``r < i``), so managers, parents and mentors form
  trees without cycles; the first row has none (or points at itself, when required).
- **Unique keys** (``@id``, ``@unique``, ``@@id``, ``@@unique``): one field of the key counts
  ``i`` (``id`` 1, 2, 3...). When the key is only foreign keys (a one-to-one relation, an
  explicit join model) the referenced rows are chosen without repeats: a permutation of the
  row numbers, or, for several keys, distinct combinations (``(i * P + k) mod N`` in mixed radix).
  Tables that cannot have that many distinct keys get fewer rows.
- **Implicit many-to-many** join tables get distinct pairs (and no one follows themselves).
- **Defaults**: a field with a literal ``@default`` takes it in about one row in three;
  ``autoincrement()`` ids count from 1 and their sequence is moved past the last one.
- Tables are filled referenced tables first (:func:`relviz.db.order.fill_order`); a cycle
  between tables is broken by leaving one optional foreign key NULL.

Which rows each table gets is planned in :mod:`relviz.db.row_plan`; large runs in a database
made here build their keys and indexes after the rows (:mod:`relviz.db.loading`) and fill
several tables at a time (:mod:`relviz.db.parallel`), with the same rows.
"""

from __future__ import annotations

import contextlib
import sys
import time
from functools import partial
from math import prod

from relviz.db.loading import drop_indexes, drop_keys, settings_for_filling
from relviz.db.names import literal, quote, table_ref
from relviz.db.order import TablePlan, table_plans
from relviz.db.row_plan import DEFAULT_ROWS, Group, RowPlanner, in_unique_key, is_required
from relviz.db.sample_values import Salts, enum_values, scalar_sql
from relviz.db.sequences import advance_sequences, sequence_columns
from relviz.errors import UsageError

__all__ = ["DEFAULT_ROWS", "TablePlan", "sample_data", "table_plans"]

PROGRESS_THRESHOLD = 100_000  # more rows asked: progress lines on stderr
BULK_THRESHOLD = 100_000  # more rows asked, in a database made here: keys added after the rows
_PRIMES = (1_000_003, 10_000_019, 100_000_007, 1_000_000_007, 2_147_483_647)


def _prime_coprime_to(n: int) -> int:
    """A prime P with gcd(P, n) = 1, so ``i -> (i * P + k) mod n`` visits every number below n once."""
    return next((p for p in _PRIMES if n % p), 1)


class _Generator(RowPlanner):
    """The SQL of every value: a :class:`~relviz.db.row_plan.RowPlanner` that writes its plans out."""

    def __init__(self, schema, con, seed: int, rows):
        super().__init__(schema, con, rows)
        self.salts = Salts(seed)

    # -- values --------------------------------------------------------------------------------
    def choice(self, model, r, idx: str):
        """``(row number of the referenced row, condition for NULL or None)`` of relation ``r`` in row ``idx``."""
        plan = self.plans[model.name]
        mode = plan.modes[r]
        n = self.rows_of(r.referenced_model)
        salt = f"{model.name}.{r.referencing_field.name}"
        optional = not is_required(r)
        null = f"{self.salts.below(salt + '?', idx, 4)} = 0" if optional else None
        if mode == "null" or n == 0:
            return "NULL", "TRUE"
        if mode == "tree":
            first = f"{idx} = 0"
            pick = f"CASE WHEN {idx} = 0 THEN 0 ELSE ({self.salts.hash(salt, idx)} % {idx})::BIGINT END"
            return pick, (f"({first} OR {null})" if optional else None)
        if mode == "chain":
            return f"(({idx} + {n} - 1) % {n})", (f"({idx} = 0 OR {null})" if optional else None)
        if mode == "injective":
            p = _prime_coprime_to(n)
            return f"(({idx} * {p} + {self.salts(salt) % n}) % {n})", null
        if isinstance(mode, Group):
            return self.digit(mode, mode.members.index(r), idx), None
        return self.salts.below(salt, idx, n), null

    def digit(self, group: Group, k: int, idx: str) -> str:
        n = max(group.size, 1)  # an empty group fills no rows anyway
        p = _prime_coprime_to(n)
        j = f"(({idx})::HUGEINT * {p} + {self.salts(group.salt) % n}) % {n}"
        below = prod(group.sizes[:k])
        return f"((({j}) // {below}) % {group.sizes[k]})::BIGINT"

    def value(self, model, f, idx: str, depth: int = 0) -> str:
        """The SQL value of field ``f`` of ``model`` in row ``idx``, the same wherever it is asked for."""
        plan = self.plans[model.name]
        if f in plan.fk_source:
            r, pos = plan.fk_source[f]
            pick, null = self.choice(model, r, idx)
            if pick == "NULL" or depth > 8:
                return "NULL"
            parent = r.referenced_model
            inner = self.value(parent, r.referenced_fields[pos], f"({pick})", depth + 1)
            return f"CASE WHEN {null} THEN NULL ELSE {inner} END" if null else inner
        dtype = plan.dtypes.get(f.column_name)
        if dtype is None:
            return "NULL"
        group = next((g for g in plan.groups if f in g.members), None)
        if group is not None:
            k = group.members.index(f)
            values = literal(enum_values(f)) if f.kind == "enum" else "[FALSE, TRUE]"
            return f"{values}[{self.digit(group, k, idx)} + 1]"
        unique = f in plan.injective
        if unique or (f.is_id or f.default is not None and f.default.function == "autoincrement"):
            return scalar_sql(f, dtype, idx, self.salts, unique=True)
        sql = scalar_sql(f, dtype, idx, self.salts, unique=False)
        salt = f"{model.name}.{f.name}"
        default = _default_literal(f)
        if default is not None and not in_unique_key(f):
            sql = f"CASE WHEN {self.salts.below(salt + '=', idx, 3)} = 0 THEN {default} ELSE {sql} END"
        if f.is_optional:
            sql = f"CASE WHEN {self.salts.below(salt + '?', idx, 5)} = 0 THEN NULL ELSE {sql} END"
        return sql

    def insert_sql(self, table: TablePlan) -> str:
        plan = self.plans[table.model.name]
        fields = [f for f in table.model.scalar_fields if f.column_name in plan.dtypes]
        columns = ", ".join(quote(f.column_name) for f in fields)
        values = ",\n       ".join(self.value(table.model, f, "i") for f in fields)
        return f"INSERT INTO {table.ref} ({columns})\nSELECT {values}\nFROM range({plan.rows}) AS t(i)"

    def repair_sql(self, table: TablePlan) -> list[str]:
        """SQL for relations whose foreign key shares a column with another relation's (``[surveyId, workspaceId]``
        next to ``[feedbackSourceId, workspaceId]``): the shared column is already chosen, so pick, for each row,
        a referenced row that agrees with it; rows for which none exists lose the relation (NULL) or are dropped."""
        plan = self.plans[table.model.name]
        statements = []
        for r in self.own_relations.get(table.model.name, []):
            pairs = list(zip(r.referencing_fields, r.referenced_fields))
            own = [(f, g) for f, g in pairs if plan.fk_source[f][0] is r]
            shared = [(f, g) for f, g in pairs if plan.fk_source[f][0] is not r]
            if not own or not shared or plan.modes[r] == "null":
                continue
            parent = table_ref(r.referenced_model.table_name, r.referenced_model.schema_name)
            match = " AND ".join(f"p.{quote(g.column_name)} = c2.{quote(f.column_name)}" for f, g in shared)
            picked = ", ".join(f"{quote(f.column_name)} := p.{quote(g.column_name)}" for f, g in own)
            salt = self.salts(f"{table.name}.{r.name}#repair")
            assign = ", ".join(f"{quote(f.column_name)} = m.v.{quote(f.column_name)}" for f, _ in own)
            # the referenced row is known by its key, not its rowid: rowids differ between rows of this
            # transaction and committed ones, and a bulk run commits each table on its own
            key = ", ".join(f"p.{quote(g.column_name)}" for g in r.referenced_fields)
            statements.append(
                f"UPDATE {table.ref} AS c SET {assign} FROM (SELECT c2.rowid AS rid, "
                f"arg_min(struct_pack({picked}), hash(c2.rowid, {key}, {salt})) AS v "
                f"FROM {table.ref} AS c2 JOIN {parent} AS p ON {match} GROUP BY c2.rowid) AS m WHERE c.rowid = m.rid"
            )
            present = " AND ".join(f"c.{quote(f.column_name)} IS NOT NULL" for f, _ in pairs)
            found = " AND ".join(f"p.{quote(g.column_name)} = c.{quote(f.column_name)}" for f, g in pairs)
            orphan = f"{present} AND NOT EXISTS (SELECT 1 FROM {parent} AS p WHERE {found})"
            if is_required(r):
                statements.append(f"DELETE FROM {table.ref} AS c WHERE {orphan}")
            else:
                nulls = ", ".join(f"{quote(f.column_name)} = NULL" for f, _ in own)
                statements.append(f"UPDATE {table.ref} AS c SET {nulls} WHERE {orphan}")
        return statements

    def join_table_sql(self, table: TablePlan) -> tuple[str, int]:
        jt = table.relation.join_table
        a, b = jt.a_model, jt.b_model
        na, nb = self.rows_of(a), self.rows_of(b)
        same = a is b
        sizes = [na, nb - 1] if same else [na, nb]
        rows = min(self.requested_rows(table.name, table.relation.name), prod(sizes) if min(sizes) > 0 else 0)
        group = Group([None, None], sizes, f"{table.name}#pairs")
        da, db = self.digit(group, 0, "i"), self.digit(group, 1, "i")
        if same:  # no row joins a record with itself
            db = f"({db} + CASE WHEN {db} >= {da} THEN 1 ELSE 0 END)"
        va = self.value(a, a.primary_key.fields[0], f"({da})")
        vb = self.value(b, b.primary_key.fields[0], f"({db})")
        return f'INSERT INTO {table.ref} ("A", "B")\nSELECT {va}, {vb}\nFROM range({rows}) AS t(i)', rows


def _default_literal(f) -> str | None:
    d = f.default
    if d is None or d.function is not None or d.value is None:
        return None
    if f.kind == "enum":
        try:
            value = f.enum.value(str(d.value))
        except KeyError:
            return None
        return literal(value.db_name or value.name)
    if f.is_list and not isinstance(d.value, (list, tuple)):
        return None
    return literal(d.value)


# -- the public function -----------------------------------------------------------------------

def sample_data(schema, rows=DEFAULT_ROWS, seed: int = 0, con=None, *, progress=None):
    """Fill every table of ``schema`` with made-up rows; returns a :class:`~relviz.db.samples.Sample`.

    ``rows`` is the number of rows per table (an int), or a dict ``{model or table name: rows}``
    (others get 10). Tables whose keys cannot take that many distinct values get fewer rows.
    ``con`` is an empty database made by :func:`relviz.connect` (a new in-memory one when None).
    ``progress`` is a function ``progress(table, rows, done, total)`` called after each table,
    ``True``/``False`` to print or not print a line per table on stderr, or None: print when
    more than 100,000 rows are asked for.
    """
    from relviz.db.database import connect, remember_schema, resolve_schema
    from relviz.db.samples import Sample

    schema = resolve_schema(schema)
    ours = con is None
    if ours:
        con = connect(schema)
    else:
        remember_schema(con, schema)
    tables = table_plans(schema)
    _check_rows(rows, tables)
    _check_empty(con, tables)
    generator = _Generator(schema, con, seed, rows)
    asked = _asked(tables, generator)
    bulk = ours and asked > BULK_THRESHOLD
    report = _progress(progress, tables, generator)
    workers = int(con.execute("SELECT current_setting('threads')").fetchall()[0][0])
    # a table at a time on each of DuckDB's threads, unless one table holds more than its share of the rows
    one_each = bulk and workers > 1 and _largest(tables, generator) * workers <= asked
    settings = settings_for_filling(con, small=asked <= PROGRESS_THRESHOLD, one_thread=one_each)
    try:
        if bulk:
            _fill_in_bulk(con, schema, tables, generator, workers=workers, report=report)
        else:
            _fill(con, tables, generator, report=report)
    finally:
        with contextlib.suppress(Exception):  # the connection may have been closed on failure
            for name, value in settings.items():
                con.execute(f"SET {name} = {literal(value)}")
    return Sample(schema, con)


def _table_sql(table, generator) -> tuple[list[str], int | None]:
    """The statements that fill ``table`` and its row count (None: count the rows after the statements,
    as a repair may have dropped some). Plans are made here, so call this in fill order."""
    if table.model is None:
        sql, count = generator.join_table_sql(table)
        return [sql], count
    plan = generator.plan(table.model, table)
    repairs = generator.repair_sql(table)
    return [generator.insert_sql(table), *repairs], None if repairs else plan.rows


def _run_fill(con, table, statements, count) -> int:
    for sql in statements:
        con.execute(sql)
    if count is None:
        count = con.execute(f"SELECT count(*) FROM {table.ref}").fetchall()[0][0]
    return count


def _run_fill_alone(con, table, statements, count) -> int:
    """:func:`_run_fill` in a transaction of its own (a repair sees the table's rows as in :func:`_fill`)."""
    con.execute("BEGIN TRANSACTION")
    try:
        count = _run_fill(con, table, statements, count)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(Exception):
            con.execute("ROLLBACK")
        raise
    return count


def _fill(con, tables, generator, *, report) -> None:
    """Fill the tables one after the other, in one transaction, keeping their keys (indexes built after the rows)."""
    start = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        indexes = drop_indexes(con, tables)
        for done, table in enumerate(tables, 1):
            count = _run_fill(con, table, *_table_sql(table, generator))
            if report:
                report(table.name, count, done, len(tables), time.perf_counter() - start)
        for statements in indexes.values():
            for sql in statements:
                con.execute(sql)
        advance_sequences(con, tables)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _fill_in_bulk(con, schema, tables, generator, *, workers: int, report) -> None:
    """Fill the tables of a database made here ``workers`` at a time (DuckDB runs a statement over a table
    of fewer than 122,880 rows on one thread), each table's keys and indexes built over its full rows
    (:mod:`relviz.db.loading`). Progress is reported in fill order. On failure the database is closed.

    Each table is filled in a transaction of its own: nobody else sees this database until it is
    handed back.
    """
    from relviz.db.parallel import run_tasks

    start = time.perf_counter()
    try:
        con.execute("BEGIN TRANSACTION")
        indexes = drop_indexes(con, tables)
        keys = drop_keys(con, schema, tables)
        con.execute("COMMIT")
        fills, tasks = _bulk_tasks(con, tables, generator, keys, indexes)
        counts, reported = {}, 0
        with contextlib.closing(run_tasks(con, tasks, workers)) as finished:
            for task, result in finished:
                if task in fills:
                    counts[fills[task]] = result
                while reported < len(tables) and tables[reported].ref in counts:
                    table = tables[reported]
                    reported += 1
                    if report:
                        report(table.name, counts[table.ref], reported, len(tables), time.perf_counter() - start)
    except BaseException:
        con.close()
        raise


def _bulk_tasks(con, tables, generator, keys, indexes):
    """``({fill task: table ref}, tasks)``: for each table, a task filling it and a task building its keys,
    indexes and sequences once its rows are in.

    A table's rows depend on no other table's, except where a repair reads the referenced rows
    (:meth:`_Generator.repair_sql`): such a table waits for those tables, and they wait for it
    before building their keys.
    """
    from relviz.db.parallel import Task

    sequences = sequence_columns(con, tables)
    by_model = {t.model.name: t for t in tables if t.model is not None}
    fill_of, readers = {}, {}
    for table in tables:
        statements, count = _table_sql(table, generator)
        after = []
        if len(statements) > 1:  # repairs read the referenced tables
            for r in generator.own_relations.get(table.model.name, []):
                parent = by_model.get(r.referenced_model.name)
                if parent is not None and parent.ref in fill_of and parent is not table:
                    after.append(fill_of[parent.ref])
                    readers.setdefault(parent.ref, []).append(table.ref)
        run = partial(_run_fill_alone, table=table, statements=statements, count=count)
        fill_of[table.ref] = Task(f"fill {table.name}", run, after)
    tasks = []
    for table in tables:
        later = keys.get(table.ref, []) + indexes.get(table.ref, [])
        run = partial(_run_keys, table=table, statements=later, sequences=sequences)
        after = [fill_of[table.ref]] + [fill_of[ref] for ref in readers.get(table.ref, [])]
        tasks += [fill_of[table.ref], Task(f"keys of {table.name}", run, after)]
    return {task: ref for ref, task in fill_of.items()}, tasks


def _run_keys(con, table, statements, sequences) -> None:
    for sql in statements:
        con.execute(sql)
    advance_sequences(con, [table], sequences)


def _asked(tables, generator) -> int:
    """How many rows were asked for, all tables together."""
    return sum(generator.requested_rows(t.name, t.model.name if t.model else None) for t in tables)


def _largest(tables, generator) -> int:
    """The most rows asked for one table."""
    return max((generator.requested_rows(t.name, t.model.name if t.model else None) for t in tables), default=0)


def _check_rows(rows, tables) -> None:
    """``rows`` is a count, or a dict whose keys are model or table names; counts are whole and not negative."""
    counts = rows.values() if isinstance(rows, dict) else [rows]
    bad = [n for n in counts if isinstance(n, bool) or not isinstance(n, int) or n < 0]
    if bad:
        raise UsageError(f"rows must be whole numbers, 0 or more (got {bad[0]!r})")
    if isinstance(rows, dict):
        known = [t.model.name if t.model is not None else t.name for t in tables]
        names = set(known) | {t.name for t in tables}
        unknown = [k for k in rows if k not in names]
        if unknown:
            raise UsageError(f"rows names no model or table {unknown[0]!r} (must be one of {known})")


def _check_empty(con, tables) -> None:
    checks = " UNION ALL ".join(f"SELECT {literal(t.name)} WHERE EXISTS (SELECT 1 FROM {t.ref})" for t in tables)
    full = [row[0] for row in con.execute(checks).fetchall()] if tables else []
    if full:
        raise UsageError(
            f"sample_data fills empty tables, but {', '.join(full)} already hold rows; "
            "pass a fresh connection from relviz.connect(schema), or con=None for a new in-memory database"
        )


def _progress(progress, tables, generator):
    if callable(progress):
        return lambda name, rows, done, total, elapsed: progress(name, rows, done, total)
    if progress is None:
        progress = _asked(tables, generator) > PROGRESS_THRESHOLD
    if not progress:
        return None

    def report(name, rows, done, total, elapsed):
        print(f"sample_data: {name}: {rows:,} rows ({done}/{total} tables, {elapsed:.1f}s)", file=sys.stderr, flush=True)

    return report
