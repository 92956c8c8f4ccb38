"""Focus and filters: which models a diagram shows."""

from pathlib import Path

import pytest

import relviz
from relviz.erd import diagram
from relviz.erd.options import DiagramOptionError

DATA = Path(__file__).parent.parent / "data"
CALCOM = Path(__file__).parent / "fixtures" / "real" / "calcom.prisma"


def table_ids(figure):
    return [t.id for t in figure.scene.tables]


@pytest.fixture(scope="module")
def course():
    return relviz.load(DATA / "course.prisma")


def test_focus_with_depth_zero_is_the_model_alone(course):
    assert table_ids(diagram(course, focus="Post", depth=0)) == ["Post"]


def test_focus_takes_neighbours_hop_by_hop(course):
    assert table_ids(diagram(course, focus="Post", depth=1)) == ["User", "Post"]
    assert len(table_ids(diagram(course, focus="Post", depth=2))) == 5


def test_several_focus_models(course):
    assert table_ids(diagram(course, focus=["Post", "Session"], depth=0)) == ["Post", "Session"]


def test_include_and_exclude_globs(course):
    assert table_ids(diagram(course, include="P*")) == ["Profile", "Post"]
    assert table_ids(diagram(course, exclude=["P*", "Acc*"])) == ["User", "Session"]


def test_only_relations_between_shown_models_are_drawn(course):
    figure = diagram(course, include=["User", "Post"])
    assert [link.id for link in figure.scene.links] == ["Post.author"]


def test_unknown_focus_lists_close_matches(course):
    with pytest.raises(DiagramOptionError, match=r"unknown model 'Usr' \(did you mean 'User'\?\)"):
        diagram(course, focus="Usr")
    with pytest.raises(DiagramOptionError, match="known: Account, Post, Profile, Session, User"):
        diagram(course, focus="Zebra")


def test_auto_detail_follows_the_number_of_tables_drawn():
    schema = relviz.load(CALCOM)
    small = diagram(schema, focus="Booking", depth=1)
    assert "Booking" in table_ids(small) and len(small.scene.tables) <= 15 and small.scene.detail == "all"
    assert diagram(schema, focus="User", depth=1).scene.detail == "keys"
    assert diagram(schema).scene.detail == "tables"


def test_a_highlighted_relation_brings_both_its_models(course):
    figure = diagram(course, focus="Post", depth=0, highlight="User.sessions")
    assert table_ids(figure) == ["User", "Post", "Session"]
    assert [link.id for link in figure.scene.links if link.highlighted] == ["Session.user"]
