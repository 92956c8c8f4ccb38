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
"""

from __future__ import annotations

import contextlib
import sys
import time
from dataclasses import dataclass, field as _field
from math import prod

from relviz.db.names import literal, quote, table_ref
from relviz.db.order import fill_order, foreign_key_relations
from relviz.db.sequences import advance_sequences
from relviz.db.sample_values import Salts, enum_values, injective_limit, is_low_cardinality, scalar_sql
from relviz.errors import UsageError

__all__ = ["TablePlan", "sample_data", "table_plans"]

DEFAULT_ROWS = 10
PROGRESS_THRESHOLD = 100_000  # more rows asked: progress lines on stderr
BULK_THRESHOLD = 100_000  # more rows asked, in a database made here: keys added after the rows
_PRIMES = (1_000_003, 10_000_019, 100_000_007, 1_000_000_007, 2_147_483_647)


@dataclass
class TablePlan:
    """One table to fill: a model's, or an implicit many-to-many join table (``relation`` set)."""

    name: str
    schema_name: str | None
    model: object = None
    relation: object = None

    @property
    def ref(self) -> str:
        return table_ref(self.name, self.schema_name)


def table_plans(schema) -> list[TablePlan]:
    """Every table of the schema in the order to fill it: models referenced first, join tables last."""
    from relviz.sql import sql_schema

    tables = sql_schema(schema, "duckdb").tables
    by_model = {t.model.name: t for t in tables if t.model is not None}
    models, _ = fill_order(schema)
    plans = [TablePlan(by_model[m.name].name, by_model[m.name].schema_name, model=m) for m in models if m.name in by_model]
    plans += [TablePlan(t.name, t.schema_name, relation=t.relation) for t in tables if t.model is None]
    return plans


# -- how each model's rows are made --------------------------------------------------------

@dataclass
class _Group:
    """Sources whose values, together, never repeat: digits of one permutation in mixed radix."""

    members: list  # Relation or Field
    sizes: list  # how many values each member can take
    salt: str

    @property
    def size(self) -> int:
        return prod(self.sizes)


@dataclass
class _ModelPlan:
    model: object
    rows: int
    dtypes: dict  # column name -> DuckDB type
    injective: set = _field(default_factory=set)  # scalar fields counting i
    modes: dict = _field(default_factory=dict)  # Relation -> "free" | "injective" | "tree" | "chain" | "null" | _Group
    fk_source: dict = _field(default_factory=dict)  # FK Field -> (Relation, position)
    groups: list = _field(default_factory=list)


def _prime_coprime_to(n: int) -> int:
    """A prime P with gcd(P, n) = 1, so ``i -> (i * P + k) mod n`` visits every number below n once."""
    return next((p for p in _PRIMES if n % p), 1)


class _Generator:
    def __init__(self, schema, con, seed: int, rows):
        self.schema = schema
        self.con = con
        self.salts = Salts(seed)
        self.requested = rows
        self.models, broken = fill_order(schema)
        self.broken = set(broken)
        self.relations = foreign_key_relations(schema)
        self.plans: dict[str, _ModelPlan] = {}
        self.column_types: dict = {}
        for schema_name, table, column, dtype in con.execute(
            "SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns()"
        ).fetchall():
            self.column_types.setdefault((schema_name, table), {})[column] = dtype
        self.own_relations: dict = {}
        for r in self.relations:
            self.own_relations.setdefault(r.referencing_model.name, []).append(r)

    # -- planning ----------------------------------------------------------------------------
    def requested_rows(self, name: str, model_name: str | None = None) -> int:
        if isinstance(self.requested, dict):
            for key in (name, model_name):
                if key is not None and key in self.requested:
                    return int(self.requested[key])
            return DEFAULT_ROWS
        return int(self.requested)

    def rows_of(self, model) -> int:
        plan = self.plans.get(model.name)
        return plan.rows if plan is not None else self.requested_rows(model.table_name, model.name)

    def plan(self, model, table: TablePlan) -> _ModelPlan:
        dtypes = self.column_types.get((_duckdb_schema(table.schema_name), table.name), {})
        plan = _ModelPlan(model, self.requested_rows(table.name, model.name), dtypes)
        self.plans[model.name] = plan
        # a relation with more foreign key fields claims shared fields first (`[tenantId, userId]`
        # before `[tenantId]`), so both relations hold: the composite one picks the row.
        own = sorted(self.own_relations.get(model.name, []), key=lambda r: -len(r.referencing_fields))
        for r in own:
            for pos, f in enumerate(r.referencing_fields):
                plan.fk_source.setdefault(f, (r, pos))
            plan.modes[r] = "null" if r in self.broken and not _required(r) else ("tree" if r.is_self else "free")
        for key in _unique_keys(model):
            self._satisfy(plan, key)
        plan.rows = min([plan.rows, *self._caps(plan)])
        return plan

    def _sources(self, plan, key):
        """The things whose values make up ``key``: relations (whole foreign keys) and scalar fields."""
        sources = []
        for f in key:
            if f in plan.fk_source:
                r = plan.fk_source[f][0]
                if r not in sources and all(g in key for g in r.referencing_fields):
                    sources.append(r)
            elif f.kind in ("scalar", "enum"):
                sources.append(f)
        return sources

    def _satisfy(self, plan, key) -> None:
        sources = self._sources(plan, key)
        if any(s in plan.injective or plan.modes.get(s) in ("injective", "chain") for s in sources):
            return
        if any(g.members and all(m in sources for m in g.members) for g in plan.groups):
            return
        counting = [s for s in sources if not _is_relation(s) and not is_low_cardinality(s) and not s.is_list]
        if counting:
            plan.injective.add(counting[0])
            return
        free = [s for s in sources if not (_is_relation(s) and plan.modes[s] == "null")]
        if not free:  # only foreign keys left NULL: NULLs never repeat a key
            return
        grouped = {m for g in plan.groups for m in g.members}
        if len(free) == 1 or any(s in grouped for s in free):
            # one source alone, or a source already paired elsewhere: make the widest one count
            widest = max(free, key=lambda s: self._size(plan, s), default=None)
            if widest is None:
                return
            if _is_relation(widest):
                plan.modes[widest] = "chain" if widest.is_self else "injective"
            else:
                plan.injective.add(widest)
            return
        group = _Group(free, [self._size(plan, s) for s in free], f"{plan.model.name}#group{len(plan.groups)}")
        plan.groups.append(group)
        for s in free:
            if _is_relation(s):
                plan.modes[s] = group

    def _size(self, plan, source) -> int:
        if _is_relation(source):
            return self.rows_of(source.referenced_model)
        if source.kind == "enum":
            return len(source.enum.values)
        return 2 if source.scalar_type == "Boolean" else self.rows_of(plan.model)

    def _caps(self, plan):
        """Upper limits on the model's row count, from keys that can take only so many values."""
        for r, mode in plan.modes.items():
            parent_rows = self.rows_of(r.referenced_model)
            if mode == "injective":
                yield parent_rows
            elif _required(r) and not r.is_self and mode != "null" and parent_rows == 0:
                yield 0
        for g in plan.groups:
            yield g.size
        for f in plan.injective:
            limit = injective_limit(f, plan.dtypes.get(f.column_name, ""))
            if limit is not None:
                yield limit

    # -- values --------------------------------------------------------------------------------
    def choice(self, model, r, idx: str):
        """``(row number of the referenced row, condition for NULL or None)`` of relation ``r`` in row ``idx``."""
        plan = self.plans[model.name]
        mode = plan.modes[r]
        n = self.rows_of(r.referenced_model)
        salt = f"{model.name}.{r.referencing_field.name}"
        optional = not _required(r)
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
        if isinstance(mode, _Group):
            return self.digit(mode, mode.members.index(r), idx), None
        return self.salts.below(salt, idx, n), null

    def digit(self, group: _Group, k: int, idx: str) -> str:
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
        if default is not None and not _in_unique_key(f):
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
            statements.append(
                f"UPDATE {table.ref} AS c SET {assign} FROM (SELECT c2.rowid AS rid, "
                f"arg_min(struct_pack({picked}), hash(c2.rowid, p.rowid, {salt})) AS v "
                f"FROM {table.ref} AS c2 JOIN {parent} AS p ON {match} GROUP BY c2.rowid) AS m WHERE c.rowid = m.rid"
            )
            present = " AND ".join(f"c.{quote(f.column_name)} IS NOT NULL" for f, _ in pairs)
            found = " AND ".join(f"p.{quote(g.column_name)} = c.{quote(f.column_name)}" for f, g in pairs)
            orphan = f"{present} AND NOT EXISTS (SELECT 1 FROM {parent} AS p WHERE {found})"
            if _required(r):
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
        group = _Group([None, None], sizes, f"{table.name}#pairs")
        da, db = self.digit(group, 0, "i"), self.digit(group, 1, "i")
        if same:  # no row joins a record with itself
            db = f"({db} + CASE WHEN {db} >= {da} THEN 1 ELSE 0 END)"
        va = self.value(a, a.primary_key.fields[0], f"({da})")
        vb = self.value(b, b.primary_key.fields[0], f"({db})")
        return f'INSERT INTO {table.ref} ("A", "B")\nSELECT {va}, {vb}\nFROM range({rows}) AS t(i)', rows


def _is_relation(source) -> bool:
    return hasattr(source, "referencing_fields")


def _required(r) -> bool:
    return any(f.is_required for f in r.referencing_fields)


def _unique_keys(model):
    """Every unique key of the model (primary key first), smallest first, each once."""
    keys = []
    if model.primary_key is not None:
        keys.append(tuple(model.primary_key.fields))
    keys += [tuple(i.scalar_fields) for i in model.unique_constraints]
    seen, result = set(), []
    for key in sorted(keys, key=len):
        if key and None not in key and frozenset(key) not in seen:
            seen.add(frozenset(key))
            result.append(key)
    return result


def _in_unique_key(f) -> bool:
    return any(f in key for key in _unique_keys(f.model))


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
    bulk = ours and _asked(tables, generator) > BULK_THRESHOLD
    report = _progress(progress, tables, generator)
    settings = _settings_for_filling(con, tables, generator)
    try:
        later = _fill(con, schema, tables, generator, bulk=bulk, report=report)
        _add_keys(con, later)
    finally:
        with contextlib.suppress(Exception):  # the connection may have been closed on failure
            for name, value in settings.items():
                con.execute(f"SET {name} = {literal(value)}")
    return Sample(schema, con)


def _fill(con, schema, tables, generator, *, bulk: bool, report) -> list[str]:
    """Fill the tables in one transaction; returns the keys and indexes still to build (bulk runs)."""
    start = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    try:
        indexes = _drop_indexes(con, tables)
        keys = _drop_keys(con, schema, tables) if bulk else []
        for done, table in enumerate(tables, 1):
            if table.model is not None:
                plan = generator.plan(table.model, table)
                con.execute(generator.insert_sql(table))
                count = plan.rows
                repairs = generator.repair_sql(table)
                for sql in repairs:
                    con.execute(sql)
                if repairs:  # rows may have been dropped
                    count = con.execute(f"SELECT count(*) FROM {table.ref}").fetchone()[0]
            else:
                sql, count = generator.join_table_sql(table)
                con.execute(sql)
            if report:
                report(table.name, count, done, len(tables), time.perf_counter() - start)
        if not bulk:
            for sql in indexes:
                con.execute(sql)
        advance_sequences(con, tables)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return keys + indexes if bulk else []


def _settings_for_filling(con, tables, generator) -> dict:
    """No DuckDB progress bar (relviz reports per table). Small runs use one thread: DuckDB would
    spend more time starting threads than working. Large runs let DuckDB store rows out of order
    (a third faster; ``ORDER BY`` gives them back in order). Returns the old settings, to restore."""
    wanted = {"enable_progress_bar": False}
    if _asked(tables, generator) <= PROGRESS_THRESHOLD:
        wanted["threads"] = 1
    else:
        wanted["preserve_insertion_order"] = False
    old = {}
    for name, value in wanted.items():
        old[name] = con.execute(f"SELECT current_setting({literal(name)})").fetchone()[0]
        con.execute(f"SET {name} = {literal(value)}")
    return old


def _asked(tables, generator) -> int:
    """How many rows were asked for, all tables together."""
    return sum(generator.requested_rows(t.name, t.model.name if t.model else None) for t in tables)


def _drop_keys(con, schema, tables) -> list[str]:
    """Make each (empty) table again without its primary key and unique constraints; returns the SQL
    that adds them back once the rows are in.

    DuckDB checks a key row by row while rows go in, but builds it over a full table in one
    sweep, about three times faster in all. Used only for large runs in a database sample_data
    made itself: the columns come from :mod:`relviz.sql`, the keys from DuckDB's own catalog,
    and unique keys come back as unique indexes with Prisma's names.
    """
    from relviz.sql import sql_schema
    from relviz.sql.duckdb_dialect import column_sql

    by_name = {(_duckdb_schema(t.schema_name), t.name): t for t in sql_schema(schema, "duckdb").tables}
    found = con.execute(
        "SELECT schema_name, table_name, constraint_type, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') ORDER BY constraint_index"
    ).fetchall()
    keys: dict = {}
    for schema_name, table, kind, columns in found:
        keys.setdefault((schema_name, table), []).append((kind, tuple(columns)))
    again = []
    for plan in tables:
        key = (_duckdb_schema(plan.schema_name), plan.name)
        table = by_name[key]
        columns = ",\n  ".join(column_sql(c, table)[0] for c in table.columns)
        con.execute(f"DROP TABLE {plan.ref}")
        con.execute(f"CREATE TABLE {plan.ref} (\n  {columns}\n)")
        names = {tuple(c.name for c in i.columns): i.name for i in table.indexes if i.unique}
        for kind, cols in keys.get(key, []):
            listed = ", ".join(quote(c) for c in cols)
            if kind == "PRIMARY KEY":
                again.append(f"ALTER TABLE {plan.ref} ADD PRIMARY KEY ({listed})")
            else:
                name = names.get(cols) or f"{plan.name}_{'_'.join(cols)}_key"
                again.append(f"CREATE UNIQUE INDEX {quote(name)} ON {plan.ref} ({listed})")
    return again


def _add_keys(con, statements) -> None:
    """Build the keys and indexes of a bulk run over the full tables (outside the filling transaction,
    where DuckDB builds each one in a single pass); a repeated key closes the database and raises."""
    try:
        for sql in statements:
            con.execute(sql)
    except Exception:
        con.close()
        raise


def _drop_indexes(con, tables) -> list[str]:
    """Drop the tables' ``CREATE INDEX`` indexes, returning the SQL that makes them again.

    DuckDB builds an index over a full table about twice as fast as it keeps one up to date row
    by row. (Primary keys and unique constraints stay: DuckDB cannot drop those.)"""
    wanted = {(_duckdb_schema(t.schema_name), t.name) for t in tables}
    found = con.execute("SELECT schema_name, table_name, index_name, sql FROM duckdb_indexes()").fetchall()
    again = []
    for schema_name, table, name, sql in found:
        if (schema_name, table) in wanted and sql:
            con.execute(f"DROP INDEX {quote(schema_name)}.{quote(name)}")
            again.append(sql)
    return again


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


def _duckdb_schema(schema_name: str | None) -> str:
    return "main" if schema_name in (None, "public") else schema_name
