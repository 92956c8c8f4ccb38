"""Entity-relationship diagrams of Prisma schemas: Graphviz (SVG, PNG, PDF, DOT), Mermaid, Markdown.

`relviz.diagram` is both this subpackage and the public function: the module itself can be
called, ``relviz.diagram(schema, focus="User")``, so the name works whichever of the two
Python's import system last bound to it.
"""

import sys
import types

from .figure import Diagram, diagram
from .output import FORMATS, GraphvizMissing

__all__ = ["Diagram", "diagram", "FORMATS", "GraphvizMissing"]


class _CallableModule(types.ModuleType):
    """This package, callable as :func:`diagram`."""

    def __call__(self, schema, **options):
        return diagram(schema, **options)


sys.modules[__name__].__class__ = _CallableModule
