"""Prisma's validation rules, one module per topic; ``ALL`` lists them in Prisma's order."""

from relviz.schema.rules import relations

ALL = (relations.missing_opposite_field,)

__all__ = ["ALL"]
