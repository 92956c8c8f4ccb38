"""The common non-relation errors: names, types, attributes, ids, defaults, native types, connectors.

Each message is Prisma 7.10's own, word for word (asked of its validator).
"""

from schema_messages import errors_of, warnings_of

PG = 'datasource db {\n  provider = "postgresql"\n}\n'
MY = 'datasource db {\n  provider = "mysql"\n}\n'


def test_duplicate_model_is_rejected():
    schema = PG + """model A {
  id Int @id
}
model A {
  id Int @id
}
"""
    assert errors_of(schema) == [
        "The model \"A\" cannot be defined because a model with that name already exists."
    ]
    assert warnings_of(schema) == []


def test_duplicate_field_is_rejected():
    schema = PG + """model A {
  id Int @id
  id String
}
"""
    assert errors_of(schema) == [
        "Field \"id\" is already defined on model \"A\"."
    ]
    assert warnings_of(schema) == []


def test_duplicate_enum_value_is_rejected():
    schema = PG + """enum E {
  A
  A
}
"""
    assert errors_of(schema) == [
        "Value \"A\" is already defined on enum \"E\"."
    ]
    assert warnings_of(schema) == []


def test_unknown_type_is_rejected():
    schema = PG + """model A {
  id Int @id
  b Bee
}
"""
    assert errors_of(schema) == [
        "Type \"Bee\" is neither a built-in type, nor refers to another model, composite type, or enum."
    ]
    assert warnings_of(schema) == []


def test_unknown_attribute_is_rejected():
    schema = PG + """model A {
  id Int @id @primary
}
"""
    assert errors_of(schema) == [
        "Attribute not known: \"@primary\"."
    ]
    assert warnings_of(schema) == []


def test_unknown_block_attribute_is_rejected():
    schema = PG + """model A {
  id Int @id
  @@primary([id])
}
"""
    assert errors_of(schema) == [
        "Attribute not known: \"@primary\"."
    ]
    assert warnings_of(schema) == []


def test_missing_argument_is_reported():
    schema = PG + """model A {
  id Int @id
  @@index
}
"""
    assert errors_of(schema) == [
        "Argument \"fields\" is missing."
    ]
    assert warnings_of(schema) == []


def test_unknown_argument_is_reported():
    schema = PG + """model A {
  id Int @id @unique(wat: 1)
}
"""
    assert errors_of(schema) == [
        "No such argument."
    ]
    assert warnings_of(schema) == []


def test_attribute_given_twice_is_reported():
    schema = PG + """model A {
  id Int @id @id
}
"""
    assert errors_of(schema) == [
        "Attribute \"@id\" can only be defined once.",
        "Attribute \"@id\" can only be defined once."
    ]
    assert warnings_of(schema) == []


def test_two_id_fields_are_rejected():
    schema = PG + """model A {
  id Int @id
  b Int @id
}
"""
    assert errors_of(schema) == [
        "Error validating model \"A\": At most one field must be marked as the id field with the `@id` attribute."
    ]
    assert warnings_of(schema) == []


def test_id_and_compound_id_together_are_rejected():
    schema = PG + """model A {
  id Int @id
  b Int
  @@id([id, b])
}
"""
    assert errors_of(schema) == [
        "Error validating model \"A\": Each model must have at most one id criteria. You can't have `@id` and `@@id` at the same time."
    ]
    assert warnings_of(schema) == []


def test_model_without_unique_criterion_is_rejected():
    schema = PG + """model A {
  a Int
}
"""
    assert errors_of(schema) == [
        "Error validating model \"A\": Each model must have at least one unique criteria that has only required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model."
    ]
    assert warnings_of(schema) == []


def test_compound_id_on_optional_field_is_rejected():
    schema = PG + """model A {
  a Int?
  b Int
  @@id([a, b])
}
"""
    assert errors_of(schema) == [
        "Error validating model \"A\": The id definition refers to the optional field `a`. ID definitions must reference only required fields."
    ]
    assert warnings_of(schema) == []


def test_index_on_unknown_field_is_rejected():
    schema = PG + """model A {
  id Int @id
  @@index([nope])
}
"""
    assert errors_of(schema) == [
        "Error validating model \"A\": The index definition refers to the unknown fields: nope."
    ]
    assert warnings_of(schema) == []


def test_default_of_the_wrong_type_is_rejected():
    schema = PG + """model A {
  id Int @id
  a Boolean @default("yes")
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": Expected a Boolean value, but found `\"yes\"`."
    ]
    assert warnings_of(schema) == []


def test_default_function_of_the_wrong_type_is_rejected():
    schema = PG + """model A {
  id String @id @default(autoincrement())
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": The function `autoincrement()` cannot be used on fields of type `String`."
    ]
    assert warnings_of(schema) == []


def test_default_enum_value_must_exist():
    schema = PG + """model A {
  id Int @id
  e E @default(Z)
}
enum E {
  X
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": The defined default value `Z` is not a valid value of the enum specified for the field."
    ]
    assert warnings_of(schema) == []


def test_updated_at_must_be_a_date_time():
    schema = PG + """model A {
  id Int @id
  a Int @updatedAt
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@updatedAt\": Fields that are marked with @updatedAt must be of type DateTime."
    ]
    assert warnings_of(schema) == []


def test_unknown_default_function_is_rejected():
    schema = PG + """model A {
  id Int @id @default(increment())
}
"""
    assert errors_of(schema) == [
        "Unknown function in @default(): `increment` is not known. You can read about the available functions here: https://pris.ly/d/attribute-functions"
    ]
    assert warnings_of(schema) == []


def test_native_type_must_fit_the_field_type():
    schema = PG + """model A {
  id Int @id @db.VarChar(3)
}
"""
    assert errors_of(schema) == [
        "Native type VarChar is not compatible with declared field type Int, expected field type String."
    ]
    assert warnings_of(schema) == []


def test_unknown_native_type_is_rejected():
    schema = PG + """model A {
  id Int @id @db.Number
}
"""
    assert errors_of(schema) == [
        "Native type Number is not supported for postgresql connector."
    ]
    assert warnings_of(schema) == []


def test_scalar_lists_are_not_supported_on_mysql():
    schema = MY + """model A {
  id Int @id
  tags String[]
}
"""
    assert errors_of(schema) == [
        "Field \"tags\" in model \"A\" can't be a list. The current connector does not support lists of primitive types."
    ]
    assert warnings_of(schema) == []


def test_autoincrement_on_a_non_id_field_is_rejected_on_sqlite():
    schema = """datasource db {
  provider = "sqlite"
}
model A {
  id Int @id
  n Int @default(autoincrement())
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": The `autoincrement()` default value is used on a non-id field even though the datasource does not support this.",
        "Error parsing attribute \"@default\": The `autoincrement()` default value is used on a non-indexed field even though the datasource does not support this."
    ]
    assert warnings_of(schema) == []


def test_composite_types_are_only_for_mongodb():
    schema = PG + """model A {
  id Int @id
}
type T {
  a Int
}
"""
    assert errors_of(schema) == [
        "Error validating: Composite types are not supported on Postgres."
    ]
    assert warnings_of(schema) == []


def test_views_have_no_primary_key():
    schema = """generator g {
  provider = "prisma-client-js"
  previewFeatures = ["views"]
}
datasource db {
  provider = "postgresql"
}
view V {
  id Int @id
}
"""
    assert errors_of(schema) == [
        "Error validating: Views cannot have primary keys."
    ]
    assert warnings_of(schema) == []


def test_views_need_the_preview_feature():
    schema = PG + """view V {
  id Int @unique
}
"""
    assert errors_of(schema) == [
        "Error validating: View definitions are only available with the `views` preview feature."
    ]
    assert warnings_of(schema) == []
