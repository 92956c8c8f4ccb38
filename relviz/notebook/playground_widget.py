"""``relviz.playground(text)``: edit a schema on the left, see its diagram, SQL, tables and joins on the right.

Every keystroke restarts a short wait (:class:`~relviz.notebook.debounce.Debouncer`); when the
reader pauses, :meth:`Playground.refresh` parses the text (cached by text) and redraws the
Diagram tab. The other tabs are drawn when they are shown, so typing costs one diagram. While the
schema has errors, Prisma's messages appear under the editor with the bad lines marked, and the
tabs keep the last valid schema under a banner saying so.
"""

from __future__ import annotations

import os
from collections import OrderedDict

import ipywidgets as widgets
import traitlets

from relviz.notebook import panels
from relviz.notebook.debounce import Debouncer
from relviz.notebook.errorview import error_summary, errors_html, notice_html, warnings_html
from relviz.notebook.widgets_common import StaticFallback, guarded_html, panel, problem_html, stylesheet

__all__ = ["Playground", "playground", "STARTER_SCHEMA", "TABS"]

TABS = ("Diagram", "SQL", "Tables", "Query")
ALL_MODELS = "(all models)"
DIALECTS = ("postgresql", "sqlite", "duckdb")

STARTER_SCHEMA = """\
datasource db {
  provider = "postgresql"
}

model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  posts Post[]
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}
"""


def schema_text_of(source) -> str:
    """The text to edit: given as text, a ``Schema`` (its first file), or the path of a ``.prisma`` file."""
    if source is None:
        return STARTER_SCHEMA
    if hasattr(source, "files") and source.files:
        return source.files[0].text
    if isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source and source.endswith(".prisma")):
        try:
            with open(source, encoding="utf-8") as f:
                return f.read()
        except OSError as e:
            from relviz.errors import UsageError

            raise UsageError(f"{source}: cannot be read ({e.strerror}); pass the schema text or the path of a .prisma file") from None
    if isinstance(source, str):
        return source
    raise TypeError(f"playground() takes the schema text, a Schema or a .prisma path, not {type(source).__name__}")


class Playground(StaticFallback, widgets.VBox):
    """A schema editor with Diagram, SQL, Tables and Query tabs that follow it as you type."""

    schema = traitlets.Any(None, allow_none=True, help="the last valid Schema (None until one parses)")
    valid = traitlets.Bool(True, help="whether the editor's text is a valid schema")
    error_count = traitlets.Int(0)

    def __init__(self, schema_text=None, *, rows: int = 5, seed: int = 0, dialect: str | None = None,
                 debounce: float = 0.3, height: str = "520px", **diagram_options):
        self.diagram_options = diagram_options
        self.seed = seed
        self._shown_text = None      # the text the panels were last brought up to date with
        self._stale = set(TABS)      # tabs not yet drawn for the current schema
        self._svg_cache: OrderedDict = OrderedDict()
        self._sample = None          # (schema, rows, Sample) for the Tables and Query tabs
        self._quiet = False          # True while the playground sets its own controls
        self._default_call = ""      # the Prisma Client call the playground wrote (not the reader)
        self._debouncer = Debouncer(self.refresh, debounce)

        self._make_editor(schema_text, height)
        self._make_tabs(height, rows, dialect, diagram_options)
        left = widgets.VBox([self.status, self.editor, self.errors],
                            layout=widgets.Layout(width="41%", min_width="300px", margin="0 12px 0 0"))
        right = widgets.VBox([self.banner, self.tabs], layout=widgets.Layout(width="58%"))
        super().__init__([stylesheet(), widgets.HBox([left, right], layout=widgets.Layout(width="100%")), self.problems])
        self.add_class("relviz-playground")
        self._wire()
        self.refresh()

    # -- building ------------------------------------------------------------------------------
    def _make_editor(self, schema_text, height: str) -> None:
        self.editor = widgets.Textarea(value=schema_text_of(schema_text), continuous_update=True,
                                       layout=widgets.Layout(width="100%", height=height))
        self.editor.add_class("relviz-editor")
        self.status = panel("relviz-status")
        self.errors = panel("relviz-errors-panel", width="100%")
        self.banner = panel("relviz-banner")
        self.problems = panel("relviz-problems")

    def _make_tabs(self, height: str, rows: int, dialect, diagram_options: dict) -> None:
        small = {"description_width": "40px"}
        self.diagram = panel("relviz-diagram", width="100%")
        self._initial_focus = diagram_options.pop("focus", None)
        self.focus = widgets.Dropdown(options=[ALL_MODELS], value=ALL_MODELS, description="focus",
                                      layout=widgets.Layout(width="220px"), style=small)
        self.depth = widgets.BoundedIntText(value=diagram_options.pop("depth", 1), min=0, max=5, description="depth",
                                            layout=widgets.Layout(width="110px"), style=small)
        self.direction = widgets.ToggleButtons(options=("LR", "TB"), value=diagram_options.pop("direction", "LR"),
                                               style={"button_width": "40px"}, tooltips=("left to right", "top to bottom"))
        self.sql = panel("relviz-panel", width="100%", max_height=height)
        self.dialect = widgets.Dropdown(options=DIALECTS, value=dialect or "postgresql", description="dialect",
                                        layout=widgets.Layout(width="220px"))
        self.tables = panel("relviz-panel", width="100%", max_height=height)
        self.rows = widgets.IntSlider(value=rows, min=1, max=50, description="rows", continuous_update=False)
        self.relation = widgets.Dropdown(description="relation", layout=widgets.Layout(width="auto", min_width="320px"))
        self.how = widgets.ToggleButtons(options=("inner", "left"), value="inner", style={"button_width": "60px"})
        self.query = panel("relviz-panel", width="100%", max_height=height)
        self.call = widgets.Text(description="prisma call", continuous_update=False,
                                 layout=widgets.Layout(width="100%"), style={"description_width": "80px"})
        self.call.add_class("relviz-call")
        self.run_call = widgets.Button(description="Run", layout=widgets.Layout(width="70px"))
        self.call_result = panel("relviz-panel", width="100%", max_height=height)
        self.tabs = widgets.Tab(children=[
            widgets.VBox([widgets.HBox([self.focus, self.depth, self.direction]), self.diagram]),
            widgets.VBox([self.dialect, self.sql]),
            widgets.VBox([self.rows, self.tables]),
            widgets.VBox([widgets.HBox([self.relation, self.how]), self.query,
                          widgets.HBox([self.call, self.run_call], layout=widgets.Layout(width="100%")), self.call_result]),
        ], titles=TABS, layout=widgets.Layout(width="100%"))

    def _wire(self) -> None:
        self.editor.observe(self._on_edit, names="value")
        self.tabs.observe(self._on_tab, names="selected_index")
        self.dialect.observe(self._on_option("SQL"), names="value")
        self.rows.observe(self._on_option("Tables", "Query"), names="value")
        self.relation.observe(self._on_option("Query"), names="value")
        self.how.observe(self._on_option("Query"), names="value")
        for control in (self.focus, self.depth, self.direction):
            control.observe(self._on_option("Diagram"), names="value")
        self.call.observe(self._on_call, names="value")
        self.run_call.on_click(lambda button: self._on_call(None))

    # -- reading the editor ------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.editor.value

    @text.setter
    def text(self, value: str) -> None:
        self.editor.value = value

    def _on_edit(self, change) -> None:
        self._debouncer.trigger()

    def refresh(self) -> None:
        """Bring the panels up to date with the editor now (what the debounced callback runs)."""
        self._debouncer.cancel()
        try:
            self._update()
        except Exception as e:  # never let a callback break the kernel: show it instead
            self.problems.value = problem_html(e, "update the playground")

    def _update(self) -> None:
        text = self.editor.value
        if text == self._shown_text:
            return
        self._shown_text = text
        analysis = panels.analyse(text)
        self.error_count = sum(not d.is_warning for d in analysis.diagnostics)
        if not analysis.ok:
            self._show_errors(analysis.diagnostics)
            return
        self.errors.value = warnings_html(analysis.diagnostics)
        self.banner.value = ""
        self.problems.value = ""
        self.valid = True
        self.status.value = notice_html(self._summary(analysis.schema), kind="ok")
        if analysis.schema is not self.schema:
            self.schema = analysis.schema
            self._stale = set(TABS)
            self._draw("Diagram")
            self._draw(self.selected_tab)

    def _show_errors(self, diagnostics) -> None:
        self.valid = False
        self.status.value = notice_html(error_summary(diagnostics), kind="error")
        self.errors.value = errors_html(diagnostics)
        if self.schema is not None:
            self.banner.value = notice_html("The schema has errors: showing the last valid schema.", kind="warning")
        else:
            self.banner.value = notice_html("The schema has errors: fix them to see its diagram.", kind="warning")

    @staticmethod
    def _summary(schema) -> str:
        models, relations = len(schema.models), len(schema.relations)
        return f"Valid: {models} model{'s' * (models != 1)}, {relations} relation{'s' * (relations != 1)}"

    # -- tabs ----------------------------------------------------------------------------------
    @property
    def selected_tab(self) -> str:
        return TABS[self.tabs.selected_index or 0]

    def _on_tab(self, change) -> None:
        self._guard(self._draw, self.selected_tab)

    def _on_option(self, *tabs):
        def redraw(change):
            if self._quiet:  # the playground itself is updating the options
                return
            for tab in tabs:
                self._stale.add(tab)
            self._guard(self._draw, self.selected_tab)
        return redraw

    def _on_call(self, change) -> None:
        if self._quiet or self.schema is None:
            return
        guarded_html(self.call_result, "run the Prisma Client call", self._call_html)

    def _call_html(self) -> str:
        from relviz.notebook.clientcall import client_html

        return client_html(self.sample(), self.call.value)

    def _guard(self, function, *args) -> None:
        try:
            function(*args)
        except Exception as e:
            self.problems.value = problem_html(e, "update the playground")

    def _draw(self, tab: str) -> None:
        """Draw ``tab`` for the current schema, unless it already is."""
        if tab not in self._stale or self.schema is None:
            return
        self._stale.discard(tab)
        target, doing, make = {
            "Diagram": (self.diagram, "draw the diagram", self._diagram_html),
            "SQL": (self.sql, "write the SQL", lambda: panels.sql_html(self.schema, self.dialect.value)),
            "Tables": (self.tables, "fill the tables", self._tables_html),
            "Query": (self.query, "run the join", self._query_html),
        }[tab]
        guarded_html(target, doing, make)

    def diagram_settings(self) -> dict:
        """The keywords the Diagram tab passes to :func:`relviz.erd.diagram` now."""
        settings = dict(self.diagram_options, depth=self.depth.value, direction=self.direction.value)
        if self.focus.value != ALL_MODELS:
            settings["focus"] = self.focus.value
        return settings

    def _update_focus_choices(self) -> None:
        names = [m.name for m in self.schema.models]
        if list(self.focus.options[1:]) == names:
            return
        wanted, self._initial_focus = (self._initial_focus or self.focus.value), None
        current = wanted if wanted in names else ALL_MODELS
        self._quiet = True
        try:
            self.focus.options = [ALL_MODELS, *names]
            self.focus.value = current
        finally:
            self._quiet = False

    def _diagram_html(self) -> str:
        self._update_focus_choices()
        settings = self.diagram_settings()
        key = (self._shown_text, tuple(sorted((k, repr(v)) for k, v in settings.items())))
        if key not in self._svg_cache:
            self._svg_cache[key] = panels.diagram_svg(self.schema, **settings)
            while len(self._svg_cache) > 32:
                self._svg_cache.popitem(last=False)
        self._svg_cache.move_to_end(key)
        return self._svg_cache[key]

    def sample(self):
        """The sample database (a ``Sample``) of the current schema, made on first use."""
        rows = self.rows.value
        if self._sample is None or self._sample[0] is not self.schema or self._sample[1] != rows:
            if self._sample is not None:
                self._sample[2].con.close()
                self._sample = None
            self._sample = (self.schema, rows, panels.sample_for(self.schema, rows=rows, seed=self.seed))
        return self._sample[2]

    def _tables_html(self) -> str:
        return panels.tables_html(self.sample(), max_rows=self.rows.value)

    def _query_html(self) -> str:
        choices = panels.relation_choices(self.schema)
        if not choices:
            return notice_html("This schema has no relations to follow yet: add a relation field.")
        keys = [key for _, key in choices]
        current = self.relation.value if self.relation.value in keys else keys[0]
        self._set_relation_options(choices, current)
        guarded_html(self.call_result, "run the Prisma Client call", self._call_html)
        return panels.join_html(self.sample(), current, how=self.how.value)

    def _set_relation_options(self, choices, current) -> None:
        from relviz.notebook.clientcall import default_call

        self._quiet = True
        try:
            if list(self.relation.options) != choices:
                self.relation.options = choices
            if self.relation.value != current or not self.call.value or self.call.value == self._default_call:
                self._default_call = default_call(self.schema, current)
                self.call.value = self._default_call
            self.relation.value = current
        finally:
            self._quiet = False

    # -- where widgets cannot run -----------------------------------------------------------
    def _summary_text(self) -> str:
        state = self._summary(self.schema) if self.valid and self.schema is not None else "the schema has errors"
        return f"relviz playground ({state}); run the notebook to edit the schema live"

    def _static_parts(self):
        import html

        note = notice_html(self._summary_text() + ".")
        source = f"<details><summary>schema.prisma</summary><pre>{html.escape(self.text)}</pre></details>"
        return [note, self.errors.value, source, self.diagram.value]

    def close(self) -> None:
        self._debouncer.cancel()
        if self._sample is not None:
            self._sample[2].con.close()
            self._sample = None
        super().close()


def playground(schema_text=None, *, rows: int = 5, seed: int = 0, dialect: str | None = None,
               debounce: float = 0.3, height: str = "520px", **diagram_options) -> Playground:
    """An editor for ``schema_text`` (text, a ``Schema`` or a ``.prisma`` path) with live tabs.

    ``rows`` and ``seed`` shape the sample data of the Tables and Query tabs, ``dialect`` the SQL
    tab, ``debounce`` the pause (seconds) before redrawing; other keywords go to
    :func:`relviz.erd.diagram` (``direction="TB"``, ``detail="keys"``...).
    """
    return Playground(schema_text, rows=rows, seed=seed, dialect=dialect, debounce=debounce, height=height,
                      **diagram_options)
