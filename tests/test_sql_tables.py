"""The tables, names and SQL pieces behind create_sql, one rule per test."""

import pytest

import relviz
from relviz.errors import UsageError
from relviz.sql import create_sql, sql_schema
from relviz.sql.defaults import datetime_literal, string_literal

HEADER = 'datasource db {\n  provider = "postgresql"\n}\n'


def parse(body: str, provider: str = "postgresql"):
    return relviz.parse(HEADER.replace("postgresql", provider) + body)


def tables(body: str, dialect: str = "postgresql"):
    return {t.name: t for t in sql_schema(parse(body), dialect).tables}


M2M = """
model Tag {
  id    String @id @db.Uuid
  posts Post[]
}

model Post {
  id   Int   @id @default(autoincrement())
  tags Tag[]
}
"""


def test_implicit_join_table_columns_follow_alphabetical_order():
    join = tables(M2M)["_PostToTag"]
    a, b = join.columns
    assert (a.name, a.scalar_type, b.name, b.native_type.name) == ("A", "Int", "B", "Uuid")
    assert [fk.referenced_table for fk in join.foreign_keys] == ["Post", "Tag"]


def test_join_table_columns_take_the_id_type_without_autoincrement():
    sql = create_sql(parse(M2M))
    assert '"A" INTEGER NOT NULL,\n    "B" UUID NOT NULL,' in sql


def test_join_table_has_a_primary_key_in_postgres_and_a_unique_index_in_sqlite():
    body = M2M.replace(" @db.Uuid", "")
    assert tables(body)["_PostToTag"].primary_key.name == "_PostToTag_AB_pkey"
    sqlite = tables(body, "sqlite")["_PostToTag"]
    assert sqlite.primary_key is None
    assert [(i.name, i.unique) for i in sqlite.indexes] == [("_PostToTag_AB_unique", True), ("_PostToTag_B_index", False)]


def test_join_tables_come_after_every_model_table():
    assert list(tables(M2M)) == ["Tag", "Post", "_PostToTag"]


def test_field_uniques_come_first_then_indexes_then_compound_uniques():
    body = """
model User {
  id    Int    @id
  a     String
  b     String @unique
  c     String
  @@unique([a, c])
  @@index([c])
}
"""
    assert [i.name for i in tables(body)["User"].indexes] == ["User_b_key", "User_c_idx", "User_a_c_key"]


def test_index_name_argument_names_the_database_index_but_not_a_unique_one():
    body = """
model User {
  id Int    @id
  a  String
  b  String
  @@index([a], name: "by_a")
  @@unique([a, b], name: "a_and_b")
}
"""
    assert [i.name for i in tables(body)["User"].indexes] == ["by_a", "User_a_b_key"]


def test_optional_relation_over_a_required_field_defaults_to_restrict():
    body = """
model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id       Int   @id
  authorId Int
  author   User? @relation(fields: [authorId], references: [id])
}
"""
    [fk] = tables(body)["Post"].foreign_keys
    assert (fk.on_delete, fk.on_update) == ("Restrict", "Cascade")


def test_relation_mode_prisma_writes_no_foreign_keys():
    schema = relviz.parse(HEADER.replace("}", '  relationMode = "prisma"\n}') + M2M.replace(" @db.Uuid", ""))
    assert "FOREIGN KEY" not in create_sql(schema)


def test_ignored_models_get_tables_and_views_do_not():
    body = """
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["views"]
}

model Legacy {
  id Int @id
  @@ignore
}

view Report {
  id Int @unique
}
"""
    assert list(tables(body)) == ["Legacy"]


def test_string_defaults_double_their_single_quotes():
    assert string_literal("it's") == "'it''s'"


@pytest.mark.parametrize("written, expected", [
    ("2020-01-01T00:00:00Z", "2020-01-01 00:00:00 +00:00"),
    ("2020-01-01T10:00:00.5Z", "2020-01-01 10:00:00.500 +00:00"),
    ("2020-01-01T00:00:00.123+02:00", "2020-01-01 00:00:00.123 +02:00"),
])
def test_datetime_defaults_are_written_as_prisma_writes_them(written, expected):
    assert datetime_literal(written) == expected


def test_duckdb_datetime_defaults_are_in_utc_without_an_offset():
    assert datetime_literal("2020-01-01T00:00:00.123+02:00", dialect="duckdb") == "2019-12-31 22:00:00.123"


def test_decimal_defaults_keep_the_digits_as_written():
    sql = create_sql(parse("model A {\n  id Int @id\n  d Decimal @default(2.00)\n}\n"))
    assert '"d" DECIMAL(65,30) NOT NULL DEFAULT 2.00' in sql


def test_client_side_defaults_have_no_database_default():
    sql = create_sql(parse("model A {\n  id String @id @default(cuid())\n  u String @default(uuid())\n}\n"))
    assert '"id" TEXT NOT NULL,\n    "u" TEXT NOT NULL,' in sql


def test_a_postgres_schema_asked_for_sqlite_drops_its_native_types():
    schema = parse("model A {\n  id String @id @db.Uuid\n  name String @db.VarChar(20)\n}\n")
    assert '"id" TEXT NOT NULL PRIMARY KEY,\n    "name" TEXT NOT NULL' in create_sql(schema, "sqlite")


def test_native_types_postgres_lacks_fall_back_to_the_scalar_type():
    schema = parse("model A {\n  id Int @id @db.UnsignedInt\n  t String @db.Text\n}\n", provider="mysql")
    assert '"id" INTEGER NOT NULL,\n    "t" TEXT NOT NULL,' in create_sql(schema, "postgresql")


def test_sqlite_writes_foreign_keys_inside_create_table():
    sql = create_sql(parse(M2M.replace(" @db.Uuid", "")), "sqlite")
    assert 'CONSTRAINT "_PostToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Post" ("id") ON DELETE CASCADE' in sql
    assert "ALTER TABLE" not in sql


def test_an_empty_schema_is_an_empty_migration():
    assert create_sql(relviz.parse(HEADER)) == "-- This is an empty migration.\n"


def test_unknown_dialects_list_the_choices():
    with pytest.raises(UsageError, match=r"unknown SQL dialect: 'oracle' \(must be one of \['postgresql', 'sqlite', 'duckdb'\]\)"):
        create_sql(parse(M2M), "oracle")


def test_schema_to_sql_uses_the_schemas_provider():
    schema = parse(M2M.replace(" @db.Uuid", ""), provider="sqlite")
    assert schema.to_sql() == create_sql(schema, "sqlite")


@pytest.mark.parametrize("provider, dialect", [("sqlite", "sqlite"), ("postgresql", "postgresql"), ("mysql", "postgresql")])
def test_no_dialect_means_the_providers_own_or_postgresql(provider, dialect):
    schema = parse(M2M.replace(" @db.Uuid", ""), provider=provider)
    assert create_sql(schema, None) == create_sql(schema, dialect)
