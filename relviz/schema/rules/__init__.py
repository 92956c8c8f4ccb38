"""Prisma's validation rules, one module per topic; ``ALL`` lists the stages in Prisma's order.

Each stage takes the resolution context; a stage returning False stops validation (Prisma
stops at the first ambiguous relation).
"""

from relviz.schema.rules import fields, models, relations

ALL = (
    fields.composite_cycles,
    fields.composite_types_supported,
    fields.unknown_default_functions,
    models.validate_models,
    relations.validate_relations,
)

__all__ = ["ALL"]
