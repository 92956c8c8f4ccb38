"""Relation inference, as Prisma does it: pairing, kinds, who holds the foreign key, names."""

from pathlib import Path

import pytest

import relviz

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def course():
    return relviz.load(DATA / "course.prisma")


@pytest.fixture(scope="module")
def explicit():
    return relviz.load(DATA / "course-explicit.prisma")


def test_profile_user_is_one_to_one_held_by_profile(course):
    r = course.relation("User.profile")
    assert (r.kind, r.referencing_model.name, r.referenced_model.name) == ("one-to-one", "Profile", "User")
    assert [f.name for f in r.referencing_fields] == ["userId"]
    assert [f.name for f in r.referenced_fields] == ["id"]


def test_posts_are_one_to_many_and_the_post_holds_the_foreign_key(course):
    r = course.relation("User.posts")
    assert r.kind == "one-to-many"
    assert r.referencing_field.name == "author" and r.referenced_field.name == "posts"


def test_unnamed_relations_get_prismas_default_name_with_sorted_model_names(course):
    assert [r.name for r in course.relations] == ["ProfileToUser", "PostToUser", "SessionToUser", "AccountToUser"]


def test_implicit_many_to_many_has_a_join_table_named_after_the_relation(course):
    r = course.relation("AccountToUser")
    assert r.is_implicit_many_to_many and r.kind == "many-to-many"
    assert (r.join_table.name, r.join_table.a_model.name, r.join_table.b_model.name) == ("_AccountToUser", "Account", "User")
    assert r.referencing_fields == ()


def test_referential_actions_default_to_restrict_on_delete_and_cascade_on_update(course):
    r = course.relation("Post.author")
    assert (r.on_delete, r.on_update, r.on_delete_explicit) == ("Restrict", "Cascade", None)
    assert course.relation("Profile.user").on_delete == "Cascade"


def test_an_optional_relation_defaults_to_set_null_on_delete():
    schema = relviz.parse(
        "model A {\n  id Int @id\n  bs B[]\n}\n"
        "model B {\n  id Int @id\n  aId Int?\n  a A? @relation(fields: [aId], references: [id])\n}\n"
    )
    assert schema.relation("B.a").on_delete == "SetNull"


def test_sql_server_defaults_to_no_action_where_others_restrict():
    schema = relviz.parse(
        'datasource db {\n  provider = "sqlserver"\n}\n'
        "model A {\n  id Int @id\n  bs B[]\n}\n"
        "model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n"
    )
    assert schema.relation("B.a").on_delete == "NoAction"


def test_an_explicit_join_model_is_recognised(explicit):
    join = explicit.model("UserAccount")
    assert join.is_join_model and explicit.join_models == (join,)
    assert {r.referenced_model.name for r in join.join_relations} == {"User", "Account"}
    assert not explicit.model("Post").is_join_model


SELF = """
model Employee {
  id        Int        @id
  managerId Int?
  manager   Employee?  @relation("Management", fields: [managerId], references: [id])
  reports   Employee[] @relation("Management")
  followers Employee[] @relation("Follows")
  following Employee[] @relation("Follows")
}
"""


def test_self_relations_pair_fields_by_relation_name():
    schema = relviz.parse(SELF)
    management, follows = schema.relations
    assert (management.name, management.kind, management.is_self) == ("Management", "one-to-many", True)
    assert management.referencing_field.name == "manager"
    assert (follows.kind, follows.join_table.name) == ("many-to-many", "_Follows")


def test_self_many_to_many_takes_the_field_whose_name_sorts_first_as_a():
    follows = relviz.parse(SELF).relation("Follows")
    assert follows.referencing_field.name == "followers"


def test_a_relation_field_without_an_opposite_is_reported_with_prismas_message():
    with pytest.raises(relviz.SchemaError) as e:
        relviz.parse("model A {\n  id Int @id\n  b B\n}\nmodel B {\n  id Int @id\n}\n")
    assert "is missing an opposite relation field on the model `B`" in str(e.value)


def test_every_relation_explains_itself_in_plain_words(course):
    text = course.relation("User.profile").explain()
    assert "one-to-one" in text and "`Profile` holds the foreign key `userId`" in text
    assert "_AccountToUser" in course.relation("AccountToUser").explain()


def test_a_self_many_to_many_explains_which_field_is_column_a():
    text = relviz.parse(SELF).relation("Follows").explain()
    assert "`followers`, plays model A: a row (A, B) means record B is in record A's `followers` list" in text
