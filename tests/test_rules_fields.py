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


def test_json_default_must_be_valid_json():
    schema = PG + 'model A {\n  id Int @id\n  j Json @default("{\\"a\\": tru}")\n}\n'
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": Parse error: \"{\"a\": tru}\" is not a valid JSON string. (expected ident at line 1 column 10)"
    ]
    assert warnings_of(schema) == []


def test_date_time_default_must_be_rfc3339():
    schema = PG + """model A {
  id Int @id
  at DateTime @default("2020-01-01")
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": Parse error: \"2020-01-01\" is not a valid rfc3339 datetime string. (premature end of input)"
    ]
    assert warnings_of(schema) == []


def test_uuid_takes_version_4_or_7():
    schema = PG + """model A {
  id String @id @default(uuid(5))
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@default\": `uuid()` takes either no argument, or a single integer argument which is either 4 or 7."
    ]
    assert warnings_of(schema) == []


def test_constraint_names_must_be_unique_across_tables_on_postgres():
    schema = PG + """model A {
  id Int @id
  a Int @unique(map: "same")
}
model B {
  id Int @id
  b Int
  @@index([b], map: "same")
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@unique\": The given constraint name `same` has to be unique in the following namespace: global for primary key, indexes and unique constraints. Please provide a different name using the `map` argument.",
        "Error parsing attribute \"@@index\": The given constraint name `same` has to be unique in the following namespace: global for primary key, indexes and unique constraints. Please provide a different name using the `map` argument."
    ]
    assert warnings_of(schema) == []


def test_two_models_cannot_share_a_table():
    schema = PG + """model A {
  id Int @id
  @@map("t")
}
model B {
  id Int @id
  @@map("t")
}
"""
    assert errors_of(schema) == [
        "The model with database name \"t\" could not be defined because another model or view with this name exists: \"A\"",
        "Error parsing attribute \"@id\": The given constraint name `t_pkey` has to be unique in the following namespace: global for primary key, indexes and unique constraints. Please provide a different name using the `map` argument.",
        "Error parsing attribute \"@id\": The given constraint name `t_pkey` has to be unique in the following namespace: global for primary key, indexes and unique constraints. Please provide a different name using the `map` argument."
    ]
    assert warnings_of(schema) == []


def test_schema_must_be_listed_in_the_datasource():
    schema = """datasource db {
  provider = "postgresql"
  schemas = ["a"]
}
model A {
  id Int @id
  @@schema("b")
}
"""
    assert errors_of(schema) == [
        "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema"
    ]
    assert warnings_of(schema) == []


def test_mysql_text_cannot_be_unique_without_length():
    schema = MY + """model A {
  id Int @id
  t String @unique @db.Text
}
"""
    assert errors_of(schema) == [
        "Native type `Text` cannot be unique in MySQL. Please use the `length` argument to the field in the index definition to allow this."
    ]
    assert warnings_of(schema) == []


def test_named_foreign_keys_are_not_supported_on_sqlite():
    schema = """datasource db {
  provider = "sqlite"
}

model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id     Int  @id
  userId Int
  user   User @relation(fields: [userId], references: [id], map: "fk")
}
"""
    assert errors_of(schema) == [
        "Error parsing attribute \"@relation\": Your provider does not support named foreign keys."
    ]
    assert warnings_of(schema) == []


def test_optional_lists_are_rejected():
    schema = PG + """model A {
  id Int @id
  tags String[]?
}
"""
    assert errors_of(schema) == [
        "Optional lists are not supported. Use either `Type[]` or `Type?`."
    ]
    assert warnings_of(schema) == []


def test_field_mapped_onto_another_fields_column_is_rejected():
    schema = PG + """model A {
  id Int @id
  a Int @map("b")
  b Int
}
"""
    assert errors_of(schema) == [
        "Field \"a\" is already defined on model \"A\"."
    ]
    assert warnings_of(schema) == []
