"""Build a Scene from a schema's parts and the options: select, then turn models and relations into tables and links."""

from .columns import model_table
from .links import implicit_join_table, join_links, join_table, pair_counts, relation_link, resolve_highlight
from .options import auto_detail
from .scene import DrawContext, Scene, wide_models
from .select import select_models
from .type_tables import type_tables

__all__ = ["build_scene"]


def build_scene(parts, options):
    """Turn SchemaParts and Options into a Scene."""
    highlight = resolve_highlight(options.highlight, parts.relations)
    models = select_models(
        parts.models,
        parts.relations,
        focus=options.focus,
        depth=options.depth,
        include=options.include,
        exclude=options.exclude,
    )
    names = {m.name for m in models}
    if highlight is not None:  # the highlighted relation is always drawn, with both its models
        names |= {highlight.referencing_model.name, highlight.referenced_model.name}
        models = [m for m in parts.models if m.name in names]
    relations = [
        r
        for r in parts.relations
        if r.referencing_model.name in names and r.referenced_model.name in names
    ]
    physical = options.join_tables == "physical"
    join_count = sum(1 for r in relations if physical and implicit_join_table(r))
    detail = auto_detail(options.detail, table_count=len(models) + join_count)
    context = DrawContext(
        options=options,
        detail=detail,
        relations=relations,
        provider=parts.provider,
        wide=wide_models(models, options, detail),
    )
    tables = [model_table(m, context=context) for m in models]
    links = []
    pairs = pair_counts(relations)
    for relation in relations:
        lit = highlight is not None and relation is highlight
        if physical and implicit_join_table(relation):
            tables.append(join_table(relation, context=context))
            links.extend(join_links(relation, context=context, highlighted=lit))
        else:
            links.append(relation_link(relation, context=context, pairs=pairs, highlighted=lit))
    extra_tables, extra_links = type_tables(models, parts, context)
    return Scene(
        tables=tuple(tables + extra_tables),
        links=tuple(links + extra_links),
        detail=detail,
        direction=options.direction,
        theme=options.theme,
    )
