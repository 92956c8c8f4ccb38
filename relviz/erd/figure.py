"""The Diagram object: DOT source, Mermaid and Markdown text, rendering, notebook display."""

from pathlib import Path

from .build import build_scene
from .dot import dot_source
from .markdown import markdown_source
from .mermaid import mermaid_source
from .options import DiagramOptionError, Options, as_tuple
from .output import check_format, format_for_path, run_dot, write_atomic
from .scene import SchemaParts, parts_of_schema, relation_parts

__all__ = ["Diagram", "diagram"]


class Diagram:
    """An ER diagram of a Prisma schema; displays itself as SVG in notebooks."""

    def __init__(self, scene, *, title=None):
        self.scene = scene
        self.title = title
        self.source = dot_source(scene)

    def __repr__(self):
        return f"<relviz.Diagram: {len(self.scene.tables)} tables, {len(self.scene.links)} links>"

    def mermaid(self):
        """Mermaid `erDiagram` text."""
        return mermaid_source(self.scene)

    def markdown(self):
        """Markdown: a mermaid block, a table of models and a table of relations."""
        return markdown_source(self.scene, title=self.title)

    def pipe(self, format="svg", *, dpi=None):
        """The diagram as bytes in one of svg, png, pdf, dot, mermaid, md."""
        check_format(format)
        if format == "dot":
            return self.source.encode("utf-8")
        if format == "mermaid":
            return self.mermaid().encode("utf-8")
        if format == "md":
            return self.markdown().encode("utf-8")
        return run_dot(self.source, format=format, dpi=dpi)

    def svg(self):
        """The SVG image as text."""
        return self.pipe("svg").decode("utf-8")

    def render(self, path, format=None, *, dpi=None):
        """Write the diagram to path (format from the extension unless given); returns the Path."""
        format = check_format(format) if format else format_for_path(path)
        return write_atomic(Path(path), self.pipe(format, dpi=dpi))

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        from .display import mimebundle

        return mimebundle(self, include=include, exclude=exclude)


def diagram(
    schema,
    focus=None,
    depth=1,
    include=None,
    exclude=None,
    direction="LR",
    join_tables="logical",
    detail="auto",
    db_names=False,
    theme="light",
    highlight=None,
    enums=False,
):
    """Draw a schema as an entity-relationship diagram with crow's foot ends.

    schema       a Schema (``relviz.load(path)``); one Relation: its two models, highlighted;
                 or one Model: the model and its neighbours (as ``focus=model.name``)
    focus        model name(s) to centre on; with ``depth`` hops of related models around them
    include      glob(s) of model names to keep (``"User*"``); exclude: glob(s) to leave out
    direction    "LR" (left to right) or "TB" (top to bottom)
    join_tables  "logical": an implicit many-to-many is one line; "physical": its ``_AToB``
                 table with columns A and B
    detail       "tables" (names only), "keys" (key columns), "all" (every field, relation
                 fields in grey), or "auto": all up to 15 tables, keys up to 60, names beyond
    db_names     show ``@map``/``@@map`` database names instead of Prisma names
    theme        "light" or "dark"
    highlight    one relation to point at: a Relation, its name, or "Model.field"
    enums        draw enums as tables, linked from the fields that use them

    Returns a :class:`Diagram`: ``.source`` (DOT), ``.mermaid()``, ``.markdown()``,
    ``.pipe(format)``, ``.render(path)``; in Jupyter it shows itself as SVG.
    """
    is_relation = hasattr(schema, "referencing_model") and hasattr(schema, "kind")
    if is_relation and highlight is None:
        highlight = schema
    if _is_model(schema):
        schema, focus = schema.schema, focus or schema.name
    options = Options(
        focus=as_tuple(focus),
        depth=depth,
        include=as_tuple(include),
        exclude=as_tuple(exclude),
        direction=direction,
        join_tables=join_tables,
        detail=detail,
        db_names=bool(db_names),
        theme=theme,
        highlight=highlight,
        enums=bool(enums),
    )
    return Diagram(build_scene(_parts(schema, is_relation=is_relation), options))


def _is_model(obj):
    return hasattr(obj, "relation_fields") and hasattr(getattr(obj, "schema", None), "models")


def _parts(obj, *, is_relation):
    if isinstance(obj, SchemaParts):
        return obj
    if is_relation:
        return relation_parts(obj)
    if hasattr(obj, "models") and hasattr(obj, "relations"):
        return parts_of_schema(obj)
    raise DiagramOptionError(
        f"cannot draw a {type(obj).__name__}: give a Schema (relviz.load(path) or relviz.parse(text)),"
        " a Model or a Relation"
    )
