"""Reads through relviz's Prisma-style client: shapes, filters, values, and the SQL it shows."""

import datetime as dt
import decimal

import pytest

import relviz
from relviz.client import BigInt, Client, PrismaClientKnownRequestError, PrismaClientValidationError
from relviz.db import connect

SCHEMA = """
datasource db {
  provider = "postgresql"
}

enum Role {
  ADMIN @map("admin")
  READER
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  name      String?
  role      Role      @default(READER)
  balance   Decimal   @default(0)
  visits    BigInt    @default(0)
  avatar    Bytes?
  settings  Json?
  tags      String[]
  createdAt DateTime  @default(now())
  posts     Post[]
  profile   Profile?
}

model Profile {
  id     Int    @id @default(autoincrement())
  bio    String
  user   User   @relation(fields: [userId], references: [id])
  userId Int    @unique
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}
"""


@pytest.fixture
def db():
    schema = relviz.parse(SCHEMA, filename="reads.prisma")
    client = Client(schema, connect(schema))
    client.user.create({"data": {
        "email": "ada@example.com", "name": "Ada", "role": "ADMIN", "balance": "12.50", "visits": "9007199254740993",
        "avatar": b"\x00\x01", "settings": {"theme": "dark", "a": 1}, "tags": ["math"],
        "createdAt": "2024-01-02T03:04:05.678Z",
        "profile": {"create": {"bio": "Mathematician"}},
        "posts": {"create": [{"title": "Notes"}, {"title": "Engines"}]},
    }})
    client.user.create({"data": {"email": "bob@example.com", "createdAt": dt.datetime(2024, 2, 1, tzinfo=dt.timezone.utc)}})
    return client


def test_values_come_back_as_prisma_client_returns_them(db):
    ada = db.user.findUnique({"where": {"email": "ada@example.com"}})
    assert ada["createdAt"] == dt.datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=dt.timezone.utc)
    assert ada["balance"] == decimal.Decimal("12.5") and str(ada["balance"]) == "12.5"
    assert isinstance(ada["visits"], BigInt) and ada["visits"] == 9007199254740993
    assert ada["avatar"] == b"\x00\x01"
    assert ada["settings"] == {"a": 1, "theme": "dark"}
    assert ada["role"] == "ADMIN"  # the Prisma name, not the @map value
    assert ada["tags"] == ["math"]


def test_a_list_field_without_a_value_is_an_empty_list(db):
    assert db.user.findUnique({"where": {"email": "bob@example.com"}, "select": {"tags": True}}) == {"tags": []}


def test_include_puts_scalars_first_and_relations_in_argument_order(db):
    ada = db.user.findFirst({"where": {"name": "Ada"}, "include": {"profile": True, "posts": {"orderBy": {"id": "desc"}}}})
    assert list(ada)[-2:] == ["profile", "posts"]
    assert [p["title"] for p in ada["posts"]] == ["Engines", "Notes"]


def test_select_keeps_the_argument_order_and_counts(db):
    ada = db.user.findUnique({"where": {"id": 1}, "select": {"_count": True, "email": True, "id": True}})
    assert ada == {"_count": {"posts": 2}, "email": "ada@example.com", "id": 1}
    assert list(ada) == ["_count", "email", "id"]


def test_each_relation_level_is_one_query_whatever_the_number_of_rows(db):
    db.user.findMany({"include": {"posts": {"include": {"author": True}}, "profile": True}})
    reads = [s for s in list(db.log)[-4:] if str(s).startswith("SELECT")]
    assert len(reads) == 4  # users, their posts, the posts' authors, the profiles
    assert "IN (SELECT unnest(" in reads[1].sql


def test_explain_returns_the_sql_next_to_the_result_and_changes_nothing(db):
    shown = db.post.deleteMany({"where": {"title": "Notes"}}, explain=True)
    assert shown.result == {"count": 1}
    assert "DELETE FROM" in shown.sql and "prisma.post.deleteMany" in repr(shown)
    assert db.post.count() == 2


def test_explain_keeps_the_error_of_a_call_that_fails(db):
    shown = db.user.delete({"where": {"id": 1}}, explain=True)
    assert shown.error.code == "P2003" and shown.result is None
    assert db.user.count() == 2


def test_the_log_shows_statements_with_their_values(db):
    db.user.findMany({"where": {"email": {"startsWith": "ada"}}})
    assert "LIKE 'ada%'" in str(db.log[-1])


def test_relation_filters_some_every_none_and_is(db):
    def emails(where):
        return [u["email"] for u in db.user.findMany({"where": where, "orderBy": {"id": "asc"}, "select": {"email": True}})]

    assert emails({"posts": {"some": {"title": "Notes"}}}) == ["ada@example.com"]
    assert emails({"posts": {"every": {"title": "Notes"}}}) == ["bob@example.com"]
    assert emails({"posts": {"none": {}}}) == ["bob@example.com"]
    assert emails({"profile": {"is": None}}) == ["bob@example.com"]
    assert emails({"profile": {"bio": {"contains": "math", "mode": "insensitive"}}}) == ["ada@example.com"]
    assert emails({"role": "ADMIN"}) == ["ada@example.com"]


def test_a_missing_record_is_p2025_when_asked_to_throw(db):
    with pytest.raises(PrismaClientKnownRequestError) as e:
        db.user.findUniqueOrThrow({"where": {"id": 99}})
    assert e.value.code == "P2025" and "No record was found for a query." in str(e.value)


def test_unknown_arguments_are_validation_errors_without_a_code(db):
    with pytest.raises(PrismaClientValidationError) as e:
        db.user.findMany({"limit": 2})
    assert e.value.code is None and "Unknown argument `limit`" in str(e.value)
    with pytest.raises(PrismaClientValidationError, match="needs at least one of `id` or `email`"):
        db.user.findUnique({"where": {"name": "Ada"}})


def test_snake_case_names_are_aliases(db):
    assert db.user.find_many({"select": {"id": True}, "orderBy": {"id": "asc"}}) == [{"id": 1}, {"id": 2}]


def test_aggregate_and_group_by_keep_prisma_key_order(db):
    assert db.post.aggregate({"_max": {"id": True}, "_count": True}) == {"_max": {"id": 2}, "_count": 2}
    assert db.post.groupBy({"by": ["authorId"], "_count": {"_all": True}}) == [{"_count": {"_all": 2}, "authorId": 1}]


def test_importing_the_client_does_not_import_duckdb():
    import subprocess
    import sys

    code = "import relviz.client, sys; print('duckdb' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_a_client_can_start_from_a_sample_or_a_connection():
    from relviz.db import load_sample

    sample = load_sample("course")
    assert Client(sample).user.count() == sample.con.execute("SELECT count(*) FROM \"User\"").fetchone()[0] > 0
    schema = relviz.parse(SCHEMA, filename="reads.prisma")
    con = connect(schema)
    assert Client(con).user.findMany() == []


def test_explain_shows_call_sql_and_result_side_by_side_in_a_notebook(db):
    html = db.user.findMany({"select": {"email": True}, "take": 1}, explain=True)._repr_html_()
    assert "prisma.user.findMany" in html and "SELECT" in html and "ada@example.com" in html
    assert html.count("<td") == 3
