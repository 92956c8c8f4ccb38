"""``%load_ext relviz`` and the ``%%prisma`` cell magic: a cell of schema, checked and drawn.

    %%prisma --name shop --data --highlight User.posts
    model User { ... }

The cell is validated as Prisma would; a valid schema is drawn, an invalid one shows Prisma's
messages with the bad lines marked (never a traceback). Options:

  --name NAME        keep the parsed Schema in the notebook as NAME
  --data [NAME]      fill a DuckDB database with sample rows; keep the Sample as NAME (default ``db``)
  --rows N, --seed N how many rows per table, and which made-up rows (with --data)
  --sql [DIALECT]    also show the CREATE TABLE statements (postgresql, sqlite, duckdb)
  --focus MODEL, --depth N, --highlight MODEL.field, --direction LR|TB, --detail auto|tables|keys|all,
  --theme light|dark, --enums, --no-diagram   how the diagram is drawn (or not)
"""

from __future__ import annotations

import html
import shlex

from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.display import display

from relviz.notebook import panels
from relviz.notebook.errorview import errors_html, errors_text, notice_html

__all__ = ["PrismaMagics", "load_ipython_extension", "parse_options"]


def _parser():
    import argparse

    p = argparse.ArgumentParser(prog="%%prisma", add_help=False, exit_on_error=False)
    p.add_argument("--name")
    p.add_argument("--data", nargs="?", const="db", default=None, metavar="NAME")
    p.add_argument("--rows", type=int, default=5)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--sql", nargs="?", const="", default=None, metavar="DIALECT")
    p.add_argument("--focus", action="append")
    p.add_argument("--depth", type=int, default=1)
    p.add_argument("--highlight")
    p.add_argument("--direction", default="LR")
    p.add_argument("--detail", default="auto")
    p.add_argument("--theme", default="light")
    p.add_argument("--enums", action="store_true")
    p.add_argument("--no-diagram", dest="diagram", action="store_false")
    return p


class OptionError(ValueError):
    """The ``%%prisma`` line could not be read; the message says what to write instead."""


def parse_options(line: str):
    """The options of a ``%%prisma`` line as an ``argparse.Namespace`` (raises :class:`OptionError`)."""
    import argparse

    parser = _parser()
    try:
        words = shlex.split(line)
        options, extra = parser.parse_known_args(words)
    except (argparse.ArgumentError, ValueError) as e:
        raise OptionError(f"%%prisma: {e}") from None
    if extra:
        known = sorted(a for action in parser._actions for a in action.option_strings)
        raise OptionError(f"%%prisma: unknown option(s) {' '.join(extra)} (must be among {', '.join(known)})")
    return options


def _diagram_options(options) -> dict:
    return dict(focus=options.focus, depth=options.depth, highlight=options.highlight, direction=options.direction,
                detail=options.detail, theme=options.theme, enums=options.enums)


def _show_html(markup: str, text: str) -> None:
    display({"text/html": markup, "text/plain": text}, raw=True)


def _show_problem(message: str) -> None:
    _show_html(notice_html(message, kind="error"), message)


@magics_class
class PrismaMagics(Magics):
    """The ``%%prisma`` cell magic."""

    @cell_magic
    def prisma(self, line: str, cell: str):
        """Validate and draw the schema in this cell (``%%prisma --help`` lists the options)."""
        if line.strip() in ("--help", "-h"):
            _show_html(f"<pre>{html.escape(__doc__)}</pre>", __doc__)
            return None
        try:
            options = parse_options(line)
        except OptionError as e:
            _show_problem(str(e))
            return None
        run_cell(cell, options, self.shell.user_ns if self.shell is not None else {})
        return None


def run_cell(cell: str, options, namespace: dict) -> None:
    """Everything ``%%prisma`` does with one cell: validate, keep, draw, fill, show SQL."""
    analysis = panels.analyse(cell, "schema.prisma")
    if not analysis.ok:
        _show_html(errors_html(analysis.diagnostics), errors_text(analysis.diagnostics))
        return
    schema = analysis.schema
    if options.name:
        namespace[options.name] = schema
    steps = []
    if options.diagram:
        steps.append(("draw the diagram", lambda: _show_diagram(schema, options)))
    if options.sql is not None:
        steps.append(("write the SQL", lambda: _show_sql(schema, options.sql or schema.provider or "postgresql")))
    if options.data:
        steps.append(("fill the sample database", lambda: _show_data(schema, options, namespace)))
    for doing, step in steps:
        try:
            step()
        except panels.Unavailable as e:
            _show_html(notice_html(str(e), kind="warning"), str(e))
        except Exception as e:  # a bad --focus name, an unsupported provider...: a message, not a traceback
            _show_problem(f"Could not {doing}: {e}")


def _show_diagram(schema, options) -> None:
    """The diagram as ``image/svg+xml``, as a Diagram displays itself (GitHub shows it too)."""
    from relviz.notebook.dotserver import svg_of

    figure = panels.needs("relviz.erd", "diagram", "The diagram")(schema, **_diagram_options(options))
    try:
        svg = svg_of(figure)
    except panels.needs("relviz.erd", "GraphvizMissing", "The diagram"):
        from relviz.erd.display import mimebundle

        display(mimebundle(figure), raw=True)  # Mermaid text, and how to install Graphviz
        return
    display({"image/svg+xml": svg, "text/plain": repr(schema)}, raw=True)


def _show_sql(schema, dialect: str) -> None:
    from relviz.sql import create_sql

    sql = create_sql(schema, dialect)
    _show_html(panels.sql_html(schema, dialect), sql)


def _show_data(schema, options, namespace) -> None:
    sample = panels.sample_for(schema, rows=options.rows, seed=options.seed)
    namespace[options.data] = sample
    counts = ", ".join(f"{name} {n}" for name, n in panels.row_counts(sample).items())
    name = options.data
    text = (f"Sample data in DuckDB ({counts} rows), kept as `{name}`: "
            f'{name}.table("{schema.models[0].name if schema.models else "Model"}"), {name}.join("Model.field"), {name}.con')
    _show_html(notice_html(text, kind="ok"), text)


def load_ipython_extension(ipython) -> None:
    """``%load_ext relviz``: register ``%%prisma``."""
    ipython.register_magics(PrismaMagics)
