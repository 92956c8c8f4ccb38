"""Pure syntax: Prisma schema text to a tree of nodes, with no meaning attached."""

from relviz.syntax.parser import parse_file

__all__ = ["parse_file"]
