"""What each tab shows, as HTML strings: pure functions of a schema (no widgets here).

Each panel uses another part of relviz (diagram, sql, db). When that part cannot be imported,
the panel raises :class:`Unavailable`, whose message the widgets show instead of the panel.
"""

from __future__ import annotations

import html
import importlib
from functools import lru_cache

from relviz.notebook.errorview import notice_html

__all__ = [
    "Analysis", "Unavailable", "analyse", "dataframe_html", "diagram_svg", "join_html", "relation_choices",
    "row_counts", "sample_for", "sql_html", "tables_html",
]

_PRE = "font-family: var(--jp-code-font-family, monospace); font-size: 12px; white-space: pre; overflow-x: auto; margin: 4px 0;"


class Unavailable(RuntimeError):
    """A part of relviz a panel needs cannot be imported here; the message says which and why."""


def needs(module: str, name: str, purpose: str):
    """``module.name``, or :class:`Unavailable` saying that ``purpose`` needs it."""
    try:
        return getattr(importlib.import_module(module), name)
    except Exception as e:  # a missing module, one with a missing dependency, or one still being written
        raise Unavailable(
            f"{purpose} needs {module}.{name}, which cannot be imported here ({type(e).__name__}: {e})"
        ) from None


# -- the schema ------------------------------------------------------------------------------

class Analysis:
    """The schema read from one text: ``schema`` when valid, else ``diagnostics`` with the errors."""

    __slots__ = ("text", "schema", "diagnostics")

    def __init__(self, text, schema, diagnostics):
        self.text, self.schema, self.diagnostics = text, schema, diagnostics

    @property
    def ok(self) -> bool:
        return self.schema is not None


@lru_cache(maxsize=64)
def analyse(text: str, filename: str = "schema.prisma") -> Analysis:
    """Parse ``text`` once (cached by text): a valid schema, or Prisma's diagnostics."""
    from relviz.errors import SchemaError
    from relviz.schema import parse

    try:
        schema = parse(text, filename=filename)
    except SchemaError as e:
        return Analysis(text, None, e.diagnostics)
    return Analysis(text, schema, schema.diagnostics)


# -- Diagram ---------------------------------------------------------------------------------

def diagram_svg(schema, **options) -> str:
    """The schema's diagram as SVG text (``options`` as for :func:`relviz.erd.diagram`)."""
    from relviz.notebook.dotserver import svg_of

    diagram = needs("relviz.erd", "diagram", "The diagram")
    svg = svg_of(diagram(schema, **options))
    start = svg.find("<svg")  # drop the XML prolog and doctype: the SVG goes inside HTML
    return svg[start:] if start > 0 else svg


# -- SQL -------------------------------------------------------------------------------------

def sql_html(schema, dialect: str = "postgresql") -> str:
    """The ``CREATE TABLE`` statements Prisma Migrate would run, in a ``<pre>``."""
    create_sql = needs("relviz.sql", "create_sql", "The SQL tab")
    return f'<pre class="relviz-sql" style="{_PRE}">{html.escape(create_sql(schema, dialect))}</pre>'


# -- Tables ----------------------------------------------------------------------------------

def sample_for(schema, rows: int = 5, seed: int = 0):
    """A new in-memory DuckDB database of ``schema`` filled with made-up rows (a ``Sample``)."""
    sample_data = needs("relviz.db", "sample_data", "Sample data")
    return sample_data(schema, rows=rows, seed=seed, progress=False)


def dataframe_html(frame, *, max_rows: int = 10) -> str:
    return frame.to_html(max_rows=max_rows, index=False, border=0, na_rep="NULL", classes="relviz-table")


def _fresh(sample):
    """The same sample on a new cursor: DuckDB refuses a query while another's result is unread."""
    return type(sample)(sample.schema, sample.con.cursor())


def row_counts(sample) -> dict[str, int]:
    """``{table name: rows}`` in the order the tables were filled (read on a cursor of its own)."""
    table_plans = needs("relviz.db.fill", "table_plans", "Counting rows")
    cursor = sample.con.cursor()
    try:
        return {plan.name: cursor.execute(f"SELECT count(*) FROM {plan.ref}").fetchall()[0][0]
                for plan in table_plans(sample.schema)}
    finally:
        cursor.close()


def tables_html(sample, *, max_rows: int = 10) -> str:
    """Every table of a sample database: its name, row count and first rows."""
    table_plans = needs("relviz.db.fill", "table_plans", "The Tables tab")
    parts = []
    for plan in table_plans(sample.schema):
        frame = _fresh(sample).table(plan.name)
        parts.append(f"<h4 style='margin: 10px 0 2px 0'>{html.escape(plan.name)} <small>({len(frame)} rows)</small></h4>")
        parts.append(dataframe_html(frame, max_rows=max_rows))
    return "".join(parts) or notice_html("This schema has no tables.")


# -- Query (joins) ---------------------------------------------------------------------------

def relation_choices(schema) -> list[tuple[str, str]]:
    """``(label, "Model.field")`` for every relation field, model by model.

    The label says where the relation goes: ``User.posts -> Post[] (one-to-many)``.
    """
    choices = []
    for model in schema.models:
        for field in model.relation_fields:
            if field.relation is None:
                continue
            label = f"{model.name}.{field.name} \u2192 {field.type_label} ({field.relation.kind})"
            choices.append((label, f"{model.name}.{field.name}"))
    return choices


def join_html(sample, key: str, *, how: str = "inner", max_rows: int = 20) -> str:
    """The SQL that follows relation field ``key`` (``"User.posts"``) and the rows it returns."""
    resolve_relation = needs("relviz.db.joins", "resolve_relation", "The Query tab")
    join_sql = needs("relviz.db", "join_sql", "The Query tab")
    relation, direction = resolve_relation(sample.schema, key)
    sql = join_sql(relation, direction, how)
    cursor = sample.con.cursor()
    try:
        frame = cursor.execute(sql).df()
    finally:
        cursor.close()
    rows = f"<div style='margin: 6px 0 2px 0'><b>{len(frame)} rows</b></div>"
    return f'<pre class="relviz-sql" style="{_PRE}">{html.escape(sql)}</pre>{rows}{dataframe_html(frame, max_rows=max_rows)}'
