"""``relviz.explore(schema)``: pick a relation, see it highlighted, explained, joined in SQL, and its rows."""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import traitlets

from relviz.notebook import panels
from relviz.notebook.errorview import notice_html
from relviz.notebook.widgets_common import StaticFallback, guarded_html, panel, problem_html, stylesheet

__all__ = ["Explorer", "explore"]

_CODE = re.compile(r"`([^`]+)`")  # relation.explain() marks names as Markdown code

# Above this many models the diagram shows only the two models of the chosen relation.
FOCUS_ABOVE = 12


def _schema_and_sample(schema, con):
    if hasattr(schema, "con") and hasattr(schema, "schema"):  # a Sample from load_sample / sample_data
        return schema.schema, schema
    if isinstance(schema, str) and "\n" in schema:
        from relviz.schema import parse

        schema = parse(schema)
    elif not hasattr(schema, "models"):
        from relviz.schema import load

        schema = load(schema)
    if con is None:
        return schema, None
    from relviz.db.samples import Sample

    return schema, Sample(schema, con)


class Explorer(StaticFallback, widgets.VBox):
    """A relation chooser over one schema and one database."""

    relation_key = traitlets.Unicode("", help='the chosen relation field, "Model.field"')

    def __init__(self, schema, con=None, *, rows: int = 5, seed: int = 0, relation: str | None = None, **diagram_options):
        self.schema, self._sample = _schema_and_sample(schema, con)
        self.rows, self.seed = rows, seed
        self.diagram_options = diagram_options
        choices = panels.relation_choices(self.schema)
        self.relation = widgets.Dropdown(options=choices, description="relation",
                                         layout=widgets.Layout(width="auto", min_width="360px"))
        self.how = widgets.ToggleButtons(options=("inner", "left"), value="inner", style={"button_width": "60px"})
        self.explanation = panel("relviz-explanation")
        self.diagram = panel("relviz-diagram", width="100%")
        self.join = panel("relviz-panel", width="100%", max_height="520px")
        self.problems = panel("relviz-problems")
        super().__init__([
            stylesheet(),
            widgets.HBox([self.relation, self.how]),
            self.explanation,
            widgets.HBox([
                widgets.VBox([self.diagram], layout=widgets.Layout(width="50%")),
                widgets.VBox([self.join], layout=widgets.Layout(width="50%")),
            ], layout=widgets.Layout(width="100%")),
            self.problems,
        ])
        self.add_class("relviz-explorer")
        if not choices:
            self.explanation.value = notice_html("This schema has no relations.")
            return
        self.relation.observe(self._on_relation, names="value")
        self.how.observe(self._on_how, names="value")
        if relation is not None:
            self.relation.value = relation
        self.relation_key = self.relation.value
        self.show()

    def sample(self):
        """The database the joins run on: the one given, or sample rows made on first use."""
        if self._sample is None:
            self._sample = panels.sample_for(self.schema, rows=self.rows, seed=self.seed)
        return self._sample

    def _on_relation(self, change) -> None:
        self.relation_key = change["new"] or ""
        self.show()

    def _on_how(self, change) -> None:
        self.show(diagram=False)

    def show(self, *, diagram: bool = True) -> None:
        """Draw the chosen relation: explanation, highlighted diagram, join SQL and rows."""
        try:
            key = self.relation.value
            if not key:
                return
            relation = self.schema.relation(key)
            self.explanation.value = self._explanation_html(key, relation)
            if diagram:
                guarded_html(self.diagram, "draw the diagram", lambda: self._diagram_html(key, relation))
            guarded_html(self.join, "run the join", lambda: panels.join_html(self.sample(), key, how=self.how.value))
            self.problems.value = ""
        except Exception as e:  # shown, never raised into the kernel
            self.problems.value = problem_html(e, "show the relation")

    @staticmethod
    def _explanation_html(key, relation) -> str:
        try:
            text = relation.explain()
        except Exception:
            text = f"{relation.name}: {relation.kind} between {relation.referencing_model.name} and {relation.referenced_model.name}."
        body = _CODE.sub(r"<code>\1</code>", html.escape(text))
        return notice_html(f"<b>{html.escape(key)}</b>: {body}", kind="info", html_text=True)

    def _summary_text(self) -> str:
        return f"relviz relation explorer ({self.relation_key or 'no relation'}); run the notebook to choose another relation"

    def _static_parts(self):
        return [notice_html(self._summary_text() + "."), self.explanation.value, self.diagram.value, self.join.value]

    def _diagram_html(self, key, relation) -> str:
        options = dict(self.diagram_options)
        options.setdefault("highlight", key)
        if len(self.schema.models) > FOCUS_ABOVE and "focus" not in options:
            options["focus"] = sorted({relation.referencing_model.name, relation.referenced_model.name})
            options["depth"] = 0
        return panels.diagram_svg(self.schema, **options)


def explore(schema, con=None, *, rows: int = 5, seed: int = 0, relation: str | None = None, **diagram_options) -> Explorer:
    """Explore the relations of ``schema`` (a Schema, a ``.prisma`` path, schema text, or a ``Sample``).

    The joins run on ``con`` (a DuckDB connection of this schema, e.g. from ``relviz.connect``)
    or, when None, on ``rows`` made-up rows per table. ``relation`` picks the first relation
    shown (``"User.posts"``); other keywords go to :func:`relviz.erd.diagram`.
    """
    return Explorer(schema, con, rows=rows, seed=seed, relation=relation, **diagram_options)
