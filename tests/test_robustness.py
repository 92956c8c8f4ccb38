"""relviz.parse never breaks on a damaged schema: it raises SchemaError or returns, and every
diagnostic points inside the text.

Hypothesis mutates schemas from the corpus: it cuts, duplicates and swaps characters, lines and
tokens, and inserts bits of Prisma syntax.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relviz
from relviz.errors import SchemaError

from conftest import FIXTURES_DIR

CORPUS = sorted(
    p.read_text(encoding="utf-8")
    for folder in ("invalid", "relations", "validation")
    for p in (FIXTURES_DIR / folder).glob("*.prisma")
) + [(FIXTURES_DIR / "real" / "epic-stack.prisma").read_text(encoding="utf-8")]
SNIPPETS = [
    "@", "@@", "(", ")", "[", "]", "{", "}", ",", ":", "?", "[]", '"', "\\", "\n", "//", "///", "/*", "*/", "=",
    "@relation(", "fields: [", "references: [id]", "onDelete: Cascade", "@id", "@unique", "@default(", "@db.VarChar(3)",
    "model X {", "enum E {", "type T {", "view V {", "datasource db {", "generator g {", "}", "Int", "String?", "X[]",
    "@@index([", "@@id([a, b])", "Unsupported(\"x\")", "é", "😀", "\t", "\r\n", "-1", "1.5", "true", "env(\"X\")",
]
TOKEN = re.compile(r"\w+|\s+|.", re.S)

settings.register_profile("relviz", max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile("relviz")


@st.composite
def mutated_schemas(draw):
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(_mutation(text))
    return text


def _mutation(text):
    if not text:
        return st.sampled_from(SNIPPETS)
    lines = text.split("\n")
    tokens = TOKEN.findall(text)
    n = len(text)
    return st.one_of(
        # cut a range of characters
        st.tuples(st.integers(0, n), st.integers(0, 40)).map(lambda p: text[: p[0]] + text[p[0] + p[1]:]),
        # duplicate a range of characters
        st.tuples(st.integers(0, n), st.integers(0, 60)).map(lambda p: text[: p[0] + p[1]] + text[p[0]: p[0] + p[1]] + text[p[0] + p[1]:]),
        # swap two characters
        st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).map(lambda p: _swap(list(text), *p, joiner="")),
        # swap, drop or duplicate lines
        st.tuples(st.integers(0, len(lines) - 1), st.integers(0, len(lines) - 1)).map(lambda p: _swap(lines, *p, joiner="\n")),
        st.integers(0, len(lines) - 1).map(lambda i: "\n".join(lines[:i] + lines[i + 1:])),
        st.integers(0, len(lines) - 1).map(lambda i: "\n".join(lines[: i + 1] + lines[i:])),
        # swap or drop tokens
        st.tuples(st.integers(0, len(tokens) - 1), st.integers(0, len(tokens) - 1)).map(lambda p: _swap(tokens, *p, joiner="")),
        st.integers(0, len(tokens) - 1).map(lambda i: "".join(tokens[:i] + tokens[i + 1:])),
        # insert a bit of Prisma syntax
        st.tuples(st.integers(0, n), st.sampled_from(SNIPPETS)).map(lambda p: text[: p[0]] + p[1] + text[p[0]:]),
    )


def _swap(items, i, j, joiner):
    items = list(items)
    if items:
        items[i], items[j] = items[j], items[i]
    return joiner.join(items)


def _diagnostics_of(text):
    try:
        schema = relviz.parse(text, filename="mutant.prisma")
    except SchemaError as e:
        assert e.errors, "a SchemaError carries at least one error"
        return e.diagnostics
    return schema.diagnostics


def _assert_inside(text, diagnostics):
    for d in diagnostics:
        assert 0 <= d.start <= d.end <= len(text), (d, len(text))
        d.pretty()  # drawing the source excerpt never fails
        d.to_lint()


@given(mutated_schemas())
def test_a_damaged_schema_gives_diagnostics_inside_the_text_never_a_crash(text):
    _assert_inside(text, _diagnostics_of(text))


@given(st.lists(st.sampled_from(SNIPPETS + [" ", "a", "b", "id", "\n"]), max_size=80).map("".join))
def test_schema_soup_gives_diagnostics_inside_the_text_never_a_crash(text):
    _assert_inside(text, _diagnostics_of(text))


@pytest.mark.parametrize("text", ["", "\n", "}", "model", "model A {", "model A {\n}", "@@", "\ufeffmodel A {\n id Int @id\n}\n"])
def test_edge_texts_do_not_crash(text):
    _assert_inside(text, _diagnostics_of(text))
