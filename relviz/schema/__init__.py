"""The meaning of a Prisma schema: models, fields, enums and the relations between them."""

from relviz.schema.model import (
    CompositeType, Datasource, DefaultValue, Enum, EnumValue, Field, Generator, Index, IndexField,
    JoinTable, Model, NativeType, PrimaryKey, Relation,
)
from relviz.schema.schema import Schema, load, parse

__all__ = [
    "CompositeType", "Datasource", "DefaultValue", "Enum", "EnumValue", "Field", "Generator", "Index",
    "IndexField", "JoinTable", "Model", "NativeType", "PrimaryKey", "Relation", "Schema", "load", "parse",
]
