"""Notebook display: `_repr_mimebundle_` for Schema, Relation and Diagram (SVG by default)."""

from .output import GraphvizMissing
from .scene import SchemaParts

__all__ = ["mimebundle", "relation_parts", "diagram_of"]


def relation_parts(relation):
    """The two models of a relation and every relation between them."""
    a, b = relation.referencing_model, relation.referenced_model
    models = (a,) if a is b else (a, b)
    names = {m.name for m in models}
    relations = tuple(
        r
        for r in a.relations
        if r.referencing_model.name in names and r.referenced_model.name in names
    )
    return SchemaParts(models=models, relations=relations or (relation,))


def diagram_of(obj, **options):
    """A Diagram for a Diagram, a Relation (highlighted, with its two models) or a Schema."""
    from .figure import Diagram, diagram

    if isinstance(obj, Diagram):
        return obj
    if hasattr(obj, "referencing_model") and hasattr(obj, "kind"):
        options.setdefault("highlight", obj)
        options.setdefault("detail", "all")
        return diagram(relation_parts(obj), **options)
    return diagram(obj, **options)


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
