"""The playground's long-lived `dot`: the same SVG as a fresh `dot`, and a safe fallback."""

import pytest

import relviz
from relviz.erd import diagram
from relviz.notebook import dotserver

pytestmark = pytest.mark.needs_dot

SCHEMA = """\
model User {
  id    Int    @id
  posts Post[]
}

model Post {
  id       Int  @id
  author   User @relation(fields: [authorId], references: [id])
  authorId Int
}
"""


class FakeDiagram:
    def __init__(self, source):
        self.source = source

    def pipe(self, format):
        raise RuntimeError("fresh dot was asked")


def test_graph_after_graph_gives_the_same_svg_as_a_fresh_dot():
    figure = diagram(relviz.parse(SCHEMA))
    fresh = figure.pipe("svg").decode("utf-8")
    process = dotserver.DotProcess()
    try:
        assert process.svg(figure.source) == fresh
        assert process.svg(figure.source) == fresh
    finally:
        process.stop()


def test_a_dot_error_stops_the_process_and_says_so():
    process = dotserver.DotProcess(timeout=10)
    with pytest.raises(dotserver.DotFailed, match="dot"):
        process.svg("digraph { a -> }")
    assert process._process is None
    assert "<svg" in process.svg("digraph { a -> b }")
    process.stop()


def test_svg_of_falls_back_to_a_fresh_dot_when_the_shared_one_fails(monkeypatch):
    monkeypatch.setattr(dotserver, "_failures", 0)
    with pytest.raises(RuntimeError, match="fresh dot was asked"):
        dotserver.svg_of(FakeDiagram("digraph { a -> }"))
    assert dotserver._failures == 1


def test_the_process_starts_afresh_after_max_graphs():
    process = dotserver.DotProcess(max_graphs=2)
    first = process.svg("digraph { a }")
    process.svg("digraph { b }")
    assert process._process is None
    assert process.svg("digraph { a }") == first
    process.stop()
