"""Prisma's validation rules, one module per topic; ``ALL`` lists the stages in Prisma's order.

They run only when names, types and attributes produced no error (as in Prisma), in this order:

1. ``fields.composite_cycles``, ``fields.composite_types_supported``: composite types.
2. ``fields.unknown_default_functions``: ``@default(f())`` with a function Prisma does not know.
3. ``models.validate_models``: per model and view, in declaration order: unique criteria, primary
   key and constraint names (``constraints``), MongoDB ids, ``@@schema``, views, autoincrement,
   scalar fields (lists, Json, native types, defaults: ``fields``, ``defaults``), relation
   fields (``relation_fields``: an ambiguous relation stops everything), indexes; then enums.
4. ``relations.validate_relations``: per relation, in Prisma's order: cascading cycles
   (``cycles``), keys, arity, types, foreign key names, SetNull, then the one-to-one or
   one-to-many placement rules; many-to-many ones in ``many_to_many``.

The datasource and generator blocks are checked before all this, whatever the state of the
models (``configuration``); ``connector`` says what each database supports.
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
