"""Choose which models a diagram shows: include/exclude globs, then focus models plus N hops."""

import difflib
from fnmatch import fnmatchcase

from .options import DiagramOptionError

__all__ = ["select_models", "unknown_name_message"]


def unknown_name_message(*, what, name, choices):
    """`unknown model 'Usr' (did you mean 'User'?)`, listing close matches or a few choices."""
    close = difflib.get_close_matches(name, list(choices), n=3, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[name.lower()]] if name.lower() in lowered else []
    if close:
        hint = "did you mean " + " or ".join(repr(c) for c in close) + "?"
    else:
        shown = sorted(choices)[:8]
        more = ", ..." if len(choices) > len(shown) else ""
        hint = "known: " + ", ".join(shown) + more if shown else "the schema has none"
    return f"unknown {what} {name!r} ({hint})"


def _matches(name, globs):
    return any(fnmatchcase(name, glob) for glob in globs)


def select_models(models, relations, *, focus=(), depth=1, include=(), exclude=()):
    """Return the models to draw, in declaration order."""
    by_name = {m.name: m for m in models}
    for name in focus:
        if name not in by_name:
            raise DiagramOptionError(unknown_name_message(what="model", name=name, choices=by_name))
    allowed = {
        m.name
        for m in models
        if (not include or _matches(m.name, include)) and not _matches(m.name, exclude)
    }
    if not focus:
        return [m for m in models if m.name in allowed]
    allowed |= set(focus)
    neighbours = _neighbours(relations, allowed)
    chosen, frontier = set(focus), set(focus)
    for _ in range(depth):
        frontier = {n for name in frontier for n in neighbours.get(name, ())} - chosen
        chosen |= frontier
    return [m for m in models if m.name in chosen]


def _neighbours(relations, allowed):
    graph = {}
    for relation in relations:
        a, b = relation.referencing_model.name, relation.referenced_model.name
        if a in allowed and b in allowed:
            graph.setdefault(a, set()).add(b)
            graph.setdefault(b, set()).add(a)
    return graph
