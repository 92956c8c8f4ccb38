"""The relation explorer: choose a relation, see it highlighted, explained, and joined."""

import importlib.util
from pathlib import Path

import pytest

import relviz
from relviz.notebook.explorer import explore

COURSE = Path(__file__).parents[1] / "data" / "course.prisma"
needs_joins = pytest.mark.skipif(importlib.util.find_spec("relviz.db.joins") is None,
                                 reason="relviz.db.joins is not written yet")


@pytest.fixture(scope="module")
def schema():
    return relviz.load(COURSE)


def test_the_explorer_offers_every_relation_field(schema):
    explorer = explore(schema)
    keys = [key for _, key in explorer.relation.options]
    assert keys[:4] == ["User.profile", "User.posts", "User.sessions", "User.accounts"]
    assert "Profile.user" in keys and "Account.users" in keys


def test_choosing_a_relation_explains_it(schema):
    explorer = explore(schema, relation="User.posts")
    assert explorer.relation_key == "User.posts"
    assert "one-to-many" in explorer.explanation.value
    explorer.relation.value = "Account.users"
    assert explorer.relation_key == "Account.users"
    assert "many-to-many" in explorer.explanation.value


@pytest.mark.needs_dot
def test_the_chosen_relation_is_highlighted_in_the_diagram(schema):
    explorer = explore(schema, relation="User.posts")
    plain = explorer.diagram.value
    explorer.relation.value = "User.sessions"
    assert explorer.diagram.value.startswith("<svg")
    assert explorer.diagram.value != plain


@needs_joins
def test_the_join_sql_and_its_rows_are_shown(schema):
    explorer = explore(schema, relation="User.posts", rows=4)
    assert "JOIN" in explorer.join.value
    assert "rows</b>" in explorer.join.value
    explorer.how.value = "left"
    assert "LEFT" in explorer.join.value.upper()


def test_the_explorer_takes_a_path_or_schema_text():
    assert explore(str(COURSE)).schema.model("Session")
    assert explore(COURSE.read_text()).schema.model("Profile")


def test_a_schema_without_relations_says_so():
    explorer = explore("model A {\n  id Int @id\n}\n")
    assert "no relations" in explorer.explanation.value


def test_names_in_the_explanation_are_set_as_code(schema):
    explorer = explore(schema, relation="Post.author")
    assert "<code>Post</code>" in explorer.explanation.value
    assert "`" not in explorer.explanation.value


def test_where_widgets_cannot_run_a_static_copy_shows_the_relation(schema):
    bundle = explore(schema, relation="User.posts")._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "User.posts" in bundle["text/plain"] and "one-to-many" in bundle["text/html"]
