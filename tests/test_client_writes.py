"""Writes through relviz's Prisma-style client: defaults, nested writes, transactions and Prisma's error codes."""

import datetime as dt
import re

import pytest

import relviz
from relviz.client import Client, PrismaClientKnownRequestError, PrismaClientValidationError
from relviz.db import connect

SCHEMA = """
datasource db {
  provider = "postgresql"
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  createdAt DateTime  @default(now())
  updatedAt DateTime  @updatedAt
  posts     Post[]
  sessions  Session[]
  profile   Profile?
  teams     Team[]
}

model Profile {
  id     Int    @id @default(autoincrement())
  bio    String
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
  userId Int    @unique
}

model Post {
  id       Int    @id @default(autoincrement())
  title    String
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}

model Session {
  id     String @id @default(cuid())
  token  String @default(uuid())
  short  String @default(nanoid(8))
  user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
  userId Int
}

model Team {
  id    Int    @id @default(autoincrement())
  name  String
  users User[]
}
"""


@pytest.fixture
def db():
    schema = relviz.parse(SCHEMA, filename="writes.prisma")
    return Client(schema, connect(schema))


def test_prisma_client_fills_now_updated_at_cuid_uuid_and_nanoid(db):
    before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    user = db.user.create({"data": {"email": "ada@example.com", "sessions": {"create": {}}}, "include": {"sessions": True}})
    assert user["createdAt"] >= before and user["updatedAt"] >= before
    session = user["sessions"][0]
    assert re.fullmatch(r"c[0-9a-z]{24}", session["id"])
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", session["token"])
    assert len(session["short"]) == 8


def test_nested_create_of_every_relation_kind_in_one_call(db):
    user = db.user.create({"data": {
        "email": "ada@example.com",
        "profile": {"create": {"bio": "hi"}},
        "posts": {"create": [{"title": "A"}, {"title": "B"}]},
        "teams": {"create": {"name": "Analysts"}},
    }, "include": {"profile": True, "posts": True, "teams": True}})
    assert user["profile"]["userId"] == user["id"]
    assert [p["title"] for p in user["posts"]] == ["A", "B"]
    assert user["teams"] == [{"id": 1, "name": "Analysts"}]


def test_a_failed_nested_write_changes_nothing(db):
    db.user.create({"data": {"email": "ada@example.com"}})
    with pytest.raises(PrismaClientKnownRequestError) as e:
        db.user.create({"data": {"email": "bob@example.com", "posts": {"create": {"title": "x"}},
                                 "teams": {"connect": {"id": 42}}}})
    assert e.value.code == "P2025"
    assert db.user.count() == 1 and db.post.count() == 0


def test_unique_violation_is_p2002_naming_the_column(db):
    db.user.create({"data": {"email": "ada@example.com"}})
    with pytest.raises(PrismaClientKnownRequestError) as e:
        db.user.create({"data": {"email": "ada@example.com"}})
    assert e.value.code == "P2002" and "(`email`)" in str(e.value)


def test_a_foreign_key_to_nothing_is_p2003_naming_the_constraint(db):
    with pytest.raises(PrismaClientKnownRequestError) as e:
        db.post.create({"data": {"title": "x", "authorId": 7}})
    assert e.value.code == "P2003" and "`Post_authorId_fkey`" in str(e.value)


def test_deleting_a_parent_with_restricted_children_is_p2003_and_cascades_otherwise(db):
    db.user.create({"data": {"email": "ada@example.com", "posts": {"create": {"title": "x"}},
                             "profile": {"create": {"bio": "hi"}}}})
    with pytest.raises(PrismaClientKnownRequestError) as e:
        db.user.delete({"where": {"id": 1}})
    assert e.value.code == "P2003"
    db.post.deleteMany()
    assert db.user.delete({"where": {"id": 1}, "include": {"profile": True}})["profile"]["bio"] == "hi"
    assert db.profile.count() == 0


def test_a_second_profile_for_a_required_one_to_one_is_p2014(db):
    db.user.create({"data": {"email": "ada@example.com", "profile": {"create": {"bio": "one"}}}})
    with pytest.raises(PrismaClientKnownRequestError) as e:
        db.user.update({"where": {"id": 1}, "data": {"profile": {"create": {"bio": "two"}}}})
    assert e.value.code == "P2014" and "'ProfileToUser'" in str(e.value)


def test_connecting_a_post_moves_it_to_its_new_author(db):
    db.user.create({"data": {"email": "ada@example.com", "posts": {"create": {"title": "x"}}}})
    db.user.create({"data": {"email": "bob@example.com", "posts": {"connect": {"id": 1}}}})
    assert db.post.findUnique({"where": {"id": 1}})["authorId"] == 2


def test_updated_at_moves_on_update_and_atomic_numbers_work(db):
    db.user.create({"data": {"email": "ada@example.com", "updatedAt": "2020-01-01T00:00:00Z"}})
    user = db.user.update({"where": {"id": 1}, "data": {"email": "ada@math.org"}})
    assert user["updatedAt"].year > 2020


def test_a_missing_required_relation_is_a_validation_error(db):
    with pytest.raises(PrismaClientValidationError, match="Argument `author` is missing."):
        db.post.create({"data": {"title": "x"}})


def test_upsert_creates_then_updates(db):
    args = {"where": {"email": "ada@example.com"}, "create": {"email": "ada@example.com"},
            "update": {"email": "ada@math.org"}}
    assert db.user.upsert(args)["email"] == "ada@example.com"
    assert db.user.upsert(args)["email"] == "ada@math.org"


def test_a_transaction_commits_every_call_or_none(db):
    with db.transaction():
        db.user.create({"data": {"email": "ada@example.com"}})
        db.user.create({"data": {"email": "bob@example.com"}})
    assert db.user.count() == 2
    with pytest.raises(PrismaClientKnownRequestError):
        with db.transaction():
            db.user.create({"data": {"email": "cy@example.com"}})
            db.user.create({"data": {"email": "ada@example.com"}})  # P2002: the whole block is undone
    assert db.user.count() == 2
