"""relviz in Jupyter: the ``%%prisma`` cell magic, the schema playground and the relation explorer.

    %load_ext relviz                      # then a cell starting with %%prisma --data
    relviz.playground(text)               # edit a schema, watch its diagram, SQL, tables, joins
    relviz.explore(schema)                # pick a relation: see it drawn, its join SQL, its rows

The widgets import ipywidgets, so ``import relviz`` never imports this package; the names below
are loaded on first use.
"""

__all__ = ["Explorer", "Playground", "explore", "load_ipython_extension", "playground"]

_HOMES = {
    "Explorer": "relviz.notebook.explorer",
    "explore": "relviz.notebook.explorer",
    "Playground": "relviz.notebook.playground_widget",
    "playground": "relviz.notebook.playground_widget",
    "load_ipython_extension": "relviz.notebook.magic",
}


def __getattr__(name):
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'relviz.notebook' has no attribute {name!r}")
