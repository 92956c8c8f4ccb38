"""Rendering with Graphviz: every valid corpus schema draws a node per model and an edge per relation."""

import html
import re
from pathlib import Path

import pytest

import relviz
from relviz.diagram import diagram
from relviz.diagram.options import DiagramOptionError

DATA = Path(__file__).parent.parent / "data"

pytestmark = pytest.mark.needs_dot


def svg_ids(svg, kind):
    """The ids of <g class="node"> or <g class="edge"> groups, unescaped."""
    return [html.unescape(i) for i in re.findall(rf'<g id="([^"]+)" class="{kind}">', svg)]


def svg_titles(svg, kind):
    return [html.unescape(t) for t in re.findall(rf'<g id="[^"]+" class="{kind}">\s*<title>([^<]*)</title>', svg)]


def is_valid(schema_path):
    return schema_path.with_suffix(".validate.txt").read_text().strip() == "valid"


def test_every_valid_corpus_schema_has_a_node_per_model_and_an_edge_per_relation(real_schema):
    if not is_valid(real_schema):
        pytest.skip("Prisma rejects this schema")
    schema = relviz.load(real_schema)
    svg = diagram(schema).svg()
    nodes = svg_titles(svg, "node")
    for model in (*schema.models, *schema.views):
        assert model.name in nodes
    edge_ids = {i for i in svg_ids(svg, "edge") if not re.search(r"-\d+$", i)}
    relation_ids = {f"edge-{r.referencing_model.name}.{r.referencing_field.name}" for r in schema.relations}
    assert edge_ids == relation_ids


def test_physical_view_of_the_course_shows_the_join_table_and_its_two_edges():
    svg = diagram(relviz.load(DATA / "course.prisma"), join_tables="physical").svg()
    assert "_AccountToUser" in svg_titles(svg, "node")
    titles = svg_titles(svg, "edge")
    assert "_AccountToUser:A->Account:id" in titles and "_AccountToUser:B->User:id" in titles
    assert "Post:authorId->User:id" in titles


@pytest.mark.parametrize("format, magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("pdf", b"%PDF")])
def test_each_image_format_is_deterministic(format, magic):
    schema = relviz.load(DATA / "course.prisma")
    first = diagram(schema).pipe(format)
    assert first.startswith(magic)
    assert diagram(relviz.load(DATA / "course.prisma")).pipe(format) == first


def test_render_follows_the_extension_and_leaves_no_temporary_files(tmp_path):
    figure = diagram(relviz.load(DATA / "course.prisma"))
    for name in ("erd.svg", "erd.png", "erd.dot", "erd.mmd", "erd.md"):
        figure.render(tmp_path / name)
    assert (tmp_path / "erd.dot").read_text() == figure.source
    assert (tmp_path / "erd.mmd").read_text() == figure.mermaid()
    assert (tmp_path / "erd.md").read_text().startswith("```mermaid\nerDiagram")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["erd.dot", "erd.md", "erd.mmd", "erd.png", "erd.svg"]


def test_render_refuses_an_unknown_extension_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "erd.txt"
    target.write_text("mine")
    with pytest.raises(DiagramOptionError, match=r"\.svg"):
        diagram(relviz.load(DATA / "course.prisma")).render(target)
    assert target.read_text() == "mine"


def test_big_schemas_render_with_every_detail_level():
    schema = relviz.load(Path(__file__).parent / "fixtures" / "real" / "calcom.prisma")
    for detail in ("tables", "keys", "all"):
        svg = diagram(schema, detail=detail, join_tables="physical").svg()
        assert svg.count('class="node"') >= len(schema.models)


def test_render_gives_the_file_the_usual_permissions(tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        path = diagram(relviz.load(DATA / "course.prisma")).render(tmp_path / "erd.dot")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
