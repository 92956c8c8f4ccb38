"""Notebook display: Schema, Relation and Diagram show themselves as SVG."""

from pathlib import Path

import pytest

import relviz
from relviz.erd import figure as figure_module
from relviz.erd import output
from relviz.erd.display import diagram_of, mimebundle
from relviz.erd.figure import diagram

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def course():
    return relviz.load(DATA / "course.prisma")


def test_a_relation_shows_its_two_models_with_itself_highlighted(course):
    figure = diagram_of(course.relation("Post.author"))
    assert [t.id for t in figure.scene.tables] == ["Post", "User"]
    assert [link.highlighted for link in figure.scene.links] == [True]


def test_a_self_relation_shows_one_table():
    schema = relviz.parse(
        'datasource db {\n  provider = "sqlite"\n}\n'
        'model Person {\n  id Int @id\n  mentorId Int?\n'
        '  mentor Person? @relation("M", fields: [mentorId], references: [id])\n  mentees Person[] @relation("M")\n}\n'
    )
    assert [t.id for t in diagram_of(schema.relations[0]).scene.tables] == ["Person"]


@pytest.mark.needs_dot
def test_schema_relation_and_diagram_give_svg(course):
    for obj in (course, course.relation("PostToUser"), diagram(course)):
        bundle = mimebundle(obj)
        assert list(bundle) == ["image/svg+xml"] and bundle["image/svg+xml"].lstrip().startswith("<?xml")
    assert diagram(course)._repr_mimebundle_() == mimebundle(course)


def test_without_graphviz_the_bundle_falls_back_to_mermaid_markdown(course, monkeypatch):
    def missing(source, *, format, dpi=None):
        raise output.GraphvizMissing("Graphviz's `dot` program was not found")

    monkeypatch.setattr(figure_module, "run_dot", missing)
    bundle = mimebundle(course)
    assert list(bundle) == ["text/markdown"] and bundle["text/markdown"].startswith("```mermaid")


def test_include_and_exclude_pick_mimetypes(course):
    assert mimebundle(course, include=["text/plain"]) == {}


def test_relviz_diagram_is_the_function_even_after_the_machinery_is_imported(course):
    import relviz.erd.figure  # noqa: F401  (binds relviz.erd, never relviz.diagram)

    assert relviz.diagram(course, focus="Post").source == diagram(course, focus="Post").source


def test_diagram_takes_a_relation_and_refuses_other_things(course):
    figure = diagram(course.relation("User.profile"))
    assert [link.id for link in figure.scene.links if link.highlighted] == ["Profile.user"]
    with pytest.raises(relviz.UsageError, match="give a Schema"):
        diagram("data/course.prisma")


def test_a_model_shows_itself_with_its_neighbours(course):
    figure = diagram(course.model("Profile"))
    assert [t.id for t in figure.scene.tables] == ["User", "Profile"]
    assert mimebundle(course.model("Profile"), include=["text/plain"]) == {}
