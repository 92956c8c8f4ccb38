"""Entity-relationship diagrams of Prisma schemas: Graphviz (SVG, PNG, PDF, DOT), Mermaid, Markdown."""

from .figure import Diagram, diagram
from .output import FORMATS, GraphvizMissing

__all__ = ["Diagram", "diagram", "FORMATS", "GraphvizMissing"]
