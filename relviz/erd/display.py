"""Notebook display: `_repr_mimebundle_` for Schema, Model, Relation and Diagram (SVG by default)."""

from .output import GraphvizMissing

__all__ = ["mimebundle", "diagram_of"]


def diagram_of(obj, **options):
    """A Diagram for a Diagram, a Schema, a Model (with its neighbours) or a Relation (highlighted)."""
    from .figure import Diagram, diagram

    return obj if isinstance(obj, Diagram) else diagram(obj, **options)


def mimebundle(obj, include=None, exclude=None, **options):
    """{mimetype: data} for Jupyter: SVG, or the Mermaid Markdown when Graphviz is missing."""
    figure = diagram_of(obj, **options)
    wanted = [m for m in ("image/svg+xml", "text/markdown") if (not include or m in include) and not (exclude and m in exclude)]
    bundle = {}
    if "image/svg+xml" in wanted:
        try:
            bundle["image/svg+xml"] = figure.svg()
        except GraphvizMissing as missing:
            if "text/markdown" in wanted:
                bundle["text/markdown"] = figure.markdown() + f"\n\n_({missing})_\n"
    return bundle
