"""Prisma Client calls typed in the playground: read like TypeScript, run rolled back, shown with their SQL."""

from pathlib import Path

import pytest

import relviz
from relviz.notebook.clientcall import CallError, client_html, default_call, read_call

COURSE = Path(__file__).parents[1] / "data" / "course.prisma"


@pytest.fixture(scope="module")
def sample():
    pytest.importorskip("relviz.client")
    import relviz.db

    return relviz.db.sample_data(relviz.load(COURSE), rows=3)


@pytest.mark.parametrize("text, expected", [
    ("prisma.user.findMany()", ("user", "findMany", {})),
    ("await prisma.user.findMany({ include: { posts: true } });", ("user", "findMany", {"include": {"posts": True}})),
    ('db.post.findFirst({ where: { title: "a: b", authorId: null } })',
     ("post", "findFirst", {"where": {"title": "a: b", "authorId": None}})),
    ("prisma.user.findMany({'where': {'id': {'in': [1, 2]}}, 'take': 2})",
     ("user", "findMany", {"where": {"id": {"in": [1, 2]}}, "take": 2})),
    ("prisma.post.count({ where: { published: false } })", ("post", "count", {"where": {"published": False}})),
])
def test_calls_are_read_like_typescript_or_python(text, expected):
    assert read_call(text) == expected


@pytest.mark.parametrize("text", ["hello", "prisma.user.findMany(__import__('os'))", "prisma.user.findMany([1])"])
def test_anything_else_is_refused_and_never_evaluated(text):
    with pytest.raises(CallError):
        read_call(text)


def test_the_default_call_includes_the_chosen_relation_field():
    schema = relviz.load(COURSE)
    assert default_call(schema, "User.posts") == "prisma.user.findMany({ include: { posts: true }, take: 3 })"
    assert default_call(schema, None) == "prisma.user.findMany({ take: 3 })"


def test_a_call_shows_its_sql_and_its_result(sample):
    markup = client_html(sample, "prisma.user.findMany({ include: { posts: true }, take: 1 })")
    assert "FROM &quot;Post&quot;" in markup
    assert "&quot;posts&quot;: [" in markup


def test_a_write_is_shown_and_rolled_back(sample):
    markup = client_html(sample, 'prisma.user.create({ data: { email: "new@example.com" } })')
    assert "INSERT INTO &quot;User&quot;" in markup and "new@example.com" in markup
    assert len(sample.table("User")) == 3


def test_prisma_client_errors_are_shown_in_prismas_words(sample):
    markup = client_html(sample, "prisma.post.findMany({ where: { nope: 1 } })")
    assert "Unknown argument `nope`" in markup


def test_an_unknown_model_lists_the_models(sample):
    assert "models: user, profile, post, session, account" in client_html(sample, "prisma.tag.findMany()")
