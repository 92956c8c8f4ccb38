"""Crow's foot ends: the cardinality table, and each kind of relation drawn with the right ends."""

import re

import pytest

import relviz
from relviz.erd import diagram
from relviz.erd.cardinality import CARDINALITY, END_ARROWS, relation_ends

HEADER = 'datasource db {\n  provider = "postgresql"\n}\n'


def edge_line(source, link_id):
    """The DOT statement of the edge with this id."""
    lines = [line for line in source.splitlines() if f'id="edge-{link_id}"' in line]
    assert len(lines) == 1, f"no single edge {link_id} in:\n{source}"
    return lines[0]


def ends(source, link_id):
    line = edge_line(source, link_id)
    tail = re.search(r'arrowtail="(\w+)"', line).group(1)
    head = re.search(r'arrowhead="(\w+)"', line).group(1)
    return tail, head


def schema_of(body):
    """Parse compact test models: `model A { id Int @id\n b B }` gets Prisma's line breaks."""
    return relviz.parse(HEADER + body.replace("{ ", "{\n  ").replace(" }", "\n}"))


def draw(body, **options):
    return diagram(schema_of(body), **options).source


# (schema, edge id, arrowtail at the foreign key side, arrowhead at the referenced side)
CASES = [
    pytest.param(
        "model User { id Int @id\n posts Post[] }\n"
        "model Post { id Int @id\n author User @relation(fields: [authorId], references: [id])\n authorId Int }\n",
        "Post.author", "crowodot", "teetee", id="one-to-many-required",
    ),
    pytest.param(
        "model User { id Int @id\n posts Post[] }\n"
        "model Post { id Int @id\n author User? @relation(fields: [authorId], references: [id])\n authorId Int? }\n",
        "Post.author", "crowodot", "teeodot", id="one-to-many-optional",
    ),
    pytest.param(
        "model User { id Int @id\n profile Profile? }\n"
        "model Profile { id Int @id\n user User @relation(fields: [userId], references: [id])\n userId Int @unique }\n",
        "Profile.user", "teeodot", "teetee", id="one-to-one-required",
    ),
    pytest.param(
        "model User { id Int @id\n profile Profile? }\n"
        "model Profile { id Int @id\n user User? @relation(fields: [userId], references: [id])\n userId Int? @unique }\n",
        "Profile.user", "teeodot", "teeodot", id="one-to-one-optional",
    ),
    pytest.param(
        "model User { id Int @id\n accounts Account[] }\nmodel Account { id Int @id\n users User[] }\n",
        "Account.users", "crowodot", "crowodot", id="many-to-many-implicit",
    ),
    pytest.param(
        "model Person { id Int @id\n mentorId Int?\n"
        " mentor Person? @relation(\"Mentoring\", fields: [mentorId], references: [id])\n"
        " mentees Person[] @relation(\"Mentoring\") }\n",
        "Person.mentor", "crowodot", "teeodot", id="self-one-to-many",
    ),
    pytest.param(
        "model Person { id Int @id\n partnerId Int? @unique\n"
        " partner Person? @relation(\"Marriage\", fields: [partnerId], references: [id])\n"
        " partnerOf Person? @relation(\"Marriage\") }\n",
        "Person.partner", "teeodot", "teeodot", id="self-one-to-one",
    ),
    pytest.param(
        "model Person { id Int @id\n follows Person[] @relation(\"Follows\")\n followers Person[] @relation(\"Follows\") }\n",
        None, "crowodot", "crowodot", id="self-many-to-many",
    ),
]


@pytest.mark.parametrize("body, link_id, tail, head", CASES)
def test_each_kind_of_relation_gets_its_crows_foot_ends(body, link_id, tail, head):
    source = draw(body)
    if link_id is None:
        link_id = re.search(r'id="edge-([\w.]+)"', source).group(1)
    assert ends(source, link_id) == (tail, head)


def test_the_table_covers_every_kind_and_arity():
    kinds = {"one-to-one", "one-to-many", "many-to-many"}
    assert set(CARDINALITY) == {(k, r) for k in kinds for r in (True, False)}
    assert all(end in END_ARROWS for pair in CARDINALITY.values() for end in pair)


def test_unknown_relation_kind_lists_the_kinds():
    with pytest.raises(ValueError, match="must be one of"):
        relation_ends(kind="two-to-two", referencing_required=True)


def test_self_relation_is_a_loop_with_its_relation_name_and_both_ends_on_one_side():
    source = draw(CASES[5].values[0])
    line = edge_line(source, "Person.mentor")
    # Without a side (":e") Graphviz drops the end symbols of a loop between two ports.
    assert line.lstrip().startswith('"Person":"mentorId":e -> "Person":"id":e')
    assert "taillabel=<Mentoring>" in line


def test_two_relations_between_the_same_models_are_labelled_with_their_names():
    source = draw(
        "model User { id Int @id\n written Post[] @relation(\"written\")\n edited Post[] @relation(\"edited\") }\n"
        "model Post { id Int @id\n authorId Int\n editorId Int?\n"
        " author User @relation(\"written\", fields: [authorId], references: [id])\n"
        " editor User? @relation(\"edited\", fields: [editorId], references: [id]) }\n"
    )
    assert "label=<written>" in edge_line(source, "Post.author")
    assert "label=<edited>" in edge_line(source, "Post.editor")
    assert ends(source, "Post.editor") == ("crowodot", "teeodot")


def test_a_single_relation_between_two_models_has_no_label():
    assert "label=" not in edge_line(draw(CASES[0].values[0]), "Post.author")
