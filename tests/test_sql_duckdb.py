"""DuckDB SQL runs in DuckDB, and keeps the tables Prisma would make."""

from pathlib import Path

import pytest

import relviz
from relviz.errors import UsageError
from relviz.sql import create_sql

duckdb = pytest.importorskip("duckdb")

FIXTURES = Path(__file__).parent / "fixtures"
RELATIONAL = {"postgresql", "sqlite", "mysql", "sqlserver", "cockroachdb"}


def _valid_relational_schemas():
    """Corpus and relation schemas Prisma calls valid, and every SQL fixture (all valid)."""
    for folder in ("real", "relations", "sql"):
        for path in sorted((FIXTURES / folder).glob("*.prisma")):
            verdict = path.with_suffix(".validate.txt")
            if folder != "sql" and (not verdict.exists() or verdict.read_text().strip() != "valid"):
                continue
            yield pytest.param(path, id=f"{folder}/{path.stem}")


SCHEMAS = list(_valid_relational_schemas())

BLOG = """
datasource db {
  provider = "postgresql"
}

enum Role {
  USER
  ADMIN
}

model User {
  id    Int     @id @default(autoincrement())
  email String  @unique
  role  Role    @default(USER)
  tags  String[]
  posts Post[]

  @@index([tags])
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int
  labels   Label[]
}

model Label {
  id    String @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  posts Post[]
}
"""


def _run(sql):
    con = duckdb.connect()
    con.execute(sql)
    return con


@pytest.mark.parametrize("foreign_keys", [False, True], ids=["relviz-enforced", "duckdb-foreign-keys"])
@pytest.mark.parametrize("path", SCHEMAS)
def test_duckdb_sql_runs_for_every_valid_corpus_schema(path, foreign_keys):
    schema = relviz.load(path)
    if schema.provider not in RELATIONAL:
        pytest.skip(f"{schema.provider} has no tables")
    con = _run(create_sql(schema, "duckdb", foreign_keys=foreign_keys))
    created = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert {m.table_name for m in schema.models} <= created


def test_the_corpus_has_schemas_to_run():
    assert len(SCHEMAS) >= 30


def test_autoincrement_is_a_sequence_that_fills_ids():
    con = _run(create_sql(relviz.parse(BLOG), "duckdb"))
    con.execute("INSERT INTO \"User\" (email) VALUES ('a@x'), ('b@x')")
    assert con.execute('SELECT id FROM "User" ORDER BY id').fetchall() == [(1,), (2,)]


def test_enums_and_defaults_work_in_duckdb():
    con = _run(create_sql(relviz.parse(BLOG), "duckdb"))
    con.execute("INSERT INTO \"User\" (email) VALUES ('a@x')")
    assert con.execute('SELECT role FROM "User"').fetchone() == ("USER",)
    con.execute('INSERT INTO "Label" DEFAULT VALUES')
    assert con.execute('SELECT count(*) FROM "Label" WHERE id IS NOT NULL').fetchone() == (1,)


def test_unique_constraints_hold_in_duckdb():
    con = _run(create_sql(relviz.parse(BLOG), "duckdb"))
    con.execute("INSERT INTO \"User\" (email) VALUES ('a@x')")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO \"User\" (email) VALUES ('a@x')")


def test_without_foreign_keys_a_cascade_can_be_emulated_in_one_transaction():
    con = _run(create_sql(relviz.parse(BLOG), "duckdb"))
    con.execute("INSERT INTO \"User\" (email) VALUES ('a@x')")
    con.execute("INSERT INTO \"Post\" (title, \"authorId\") VALUES ('hi', 1)")
    con.execute("BEGIN")
    con.execute('DELETE FROM "Post" WHERE "authorId" = 1')
    con.execute('DELETE FROM "User" WHERE id = 1')
    con.execute("COMMIT")
    assert con.execute('SELECT count(*) FROM "User"').fetchone() == (0,)


def test_foreign_keys_are_listed_as_comments_by_default():
    sql = create_sql(relviz.parse(BLOG), "duckdb")
    assert not [line for line in sql.splitlines() if "FOREIGN KEY" in line and not line.startswith("--")]
    assert '-- ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE' in sql


def test_duckdb_foreign_keys_reject_a_missing_parent():
    con = _run(create_sql(relviz.parse(BLOG), "duckdb", foreign_keys=True))
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO \"Post\" (title, \"authorId\") VALUES ('hi', 42)")


def test_duckdb_foreign_keys_say_where_relviz_applies_the_action():
    sql = create_sql(relviz.parse(BLOG), "duckdb", foreign_keys=True)
    assert "-- onDelete: Cascade is applied by relviz (DuckDB has no cascading foreign keys)" in sql
    assert "ON DELETE" not in sql


def test_duckdb_foreign_keys_create_referenced_tables_first():
    text = BLOG.replace("model User {", "model Zed {\n  id Int @id\n}\n\nmodel User {")
    schema = relviz.parse(text.replace("model Post {", "model Post0 {\n  id Int @id\n}\n\nmodel Post {"))
    sql = create_sql(schema, "duckdb", foreign_keys=True)
    assert sql.index('CREATE TABLE "User"') < sql.index('CREATE TABLE "Post"') < sql.index('CREATE TABLE "_LabelToPost"')


def test_a_cycle_of_foreign_keys_leaves_one_out_with_a_comment():
    schema = relviz.load(FIXTURES / "relations" / "cycle_between_three_models_postgresql.prisma")
    sql = create_sql(schema, "duckdb", foreign_keys=True)
    assert sql.count("-- left out (it closes a cycle between tables; relviz enforces it)") == 1
    _run(sql)


def test_an_index_on_a_list_column_is_left_out_as_a_comment():
    sql = create_sql(relviz.parse(BLOG), "duckdb")
    assert '-- CreateIndex (left out: DuckDB cannot index list columns)\n-- CREATE INDEX "User_tags_idx"' in sql


def test_mongodb_schemas_have_no_duckdb_tables():
    schema = relviz.load(FIXTURES / "real" / "pe-mongodb.prisma")
    with pytest.raises(UsageError, match="DuckDB tables cannot be made from a MongoDB schema"):
        create_sql(schema, "duckdb")


@pytest.mark.parametrize("provider", ["sqlite", "mysql"])
def test_duckdb_sql_is_made_from_the_model_whatever_the_provider(provider):
    text = BLOG.replace('"postgresql"', f'"{provider}"').replace("  tags  String[]\n", "").replace("  @@index([tags])\n", "")
    text = text.replace(' @default(dbgenerated("gen_random_uuid()")) @db.Uuid', "")
    con = _run(create_sql(relviz.parse(text), "duckdb"))
    assert con.execute('SELECT count(*) FROM "_LabelToPost"').fetchone() == (0,)


def test_unsupported_columns_stand_in_as_text_with_a_comment():
    sql = create_sql(relviz.load(FIXTURES / "sql" / "implicit_m2m_across_schemas.prisma"), "duckdb")
    assert ('"geo" TEXT, -- Unsupported("circle") stands in as TEXT; '
            "default dbgenerated(\"'<(0,0),1>'::circle\") left out: not DuckDB SQL") in sql
    _run(sql)


def test_named_schemas_are_created_and_public_is_duckdbs_main():
    sql = create_sql(relviz.load(FIXTURES / "sql" / "public_schema_is_unqualified.prisma"), "duckdb")
    assert 'CREATE SCHEMA IF NOT EXISTS "b";' in sql and '"public"' not in sql
    con = _run(sql)
    assert ("main", "Post") in con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall()


def test_duckdb_foreign_keys_block_a_cascade_in_one_transaction():
    """Why foreign keys are off by default: DuckDB checks them before the transaction ends."""
    con = _run(create_sql(relviz.parse(BLOG), "duckdb", foreign_keys=True))
    con.execute("INSERT INTO \"User\" (email) VALUES ('a@x')")
    con.execute("INSERT INTO \"Post\" (title, \"authorId\") VALUES ('hi', 1)")
    con.execute("BEGIN")
    con.execute('DELETE FROM "Post" WHERE "authorId" = 1')
    with pytest.raises(duckdb.ConstraintException):
        con.execute('DELETE FROM "User" WHERE id = 1')


def test_without_foreign_keys_keys_and_unique_values_update_freely_in_transactions():
    con = _run(create_sql(relviz.parse(BLOG), "duckdb"))
    con.execute("INSERT INTO \"User\" (email) VALUES ('a@x'), ('b@x')")
    con.execute("BEGIN")
    con.execute('DELETE FROM "User" WHERE id = 1')
    con.execute("INSERT INTO \"User\" (id, email) VALUES (1, 'a@x')")
    con.execute("UPDATE \"User\" SET email = 'c@x' WHERE id = 2")
    con.execute("UPDATE \"User\" SET email = 'b@x' WHERE id = 2")
    con.execute("COMMIT")
    con.execute("UPDATE \"User\" SET email = CASE id WHEN 1 THEN 'b@x' ELSE 'a@x' END")
    con.execute('UPDATE "User" SET id = id + 1')
    assert con.execute('SELECT id, email FROM "User" ORDER BY id').fetchall() == [(2, "b@x"), (3, "a@x")]
