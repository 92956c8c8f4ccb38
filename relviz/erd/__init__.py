"""Entity-relationship diagrams of Prisma schemas: Graphviz (SVG, PNG, PDF, DOT), Mermaid, Markdown.

The public door is :func:`relviz.diagram`; this package holds the machinery behind it.
"""

from .figure import Diagram, diagram
from .output import FORMATS, GraphvizMissing

__all__ = ["Diagram", "diagram", "FORMATS", "GraphvizMissing"]
