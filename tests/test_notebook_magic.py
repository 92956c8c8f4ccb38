"""The %%prisma cell magic: validate, draw, keep the schema, fill DuckDB; errors as Prisma's text, never a traceback."""

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

import relviz
from relviz.notebook.magic import OptionError, load_ipython_extension, parse_options

COURSE = (Path(__file__).parents[1] / "data" / "course.prisma").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ip():
    shell = InteractiveShell.instance()
    load_ipython_extension(shell)
    return shell


def run(ip, line, cell):
    """Run one %%prisma cell; the HTML and SVG it displayed, joined, and the text/plain."""
    with capture_output() as captured:
        ip.run_cell_magic("prisma", line, cell)
    html = "".join(o.data.get("text/html", "") + o.data.get("image/svg+xml", "") for o in captured.outputs)
    text = "".join(o.data.get("text/plain", "") for o in captured.outputs)
    return html, text, captured


@pytest.mark.needs_dot
def test_a_valid_cell_is_drawn_as_an_svg_image(ip):
    _, text, captured = run(ip, "", COURSE)
    (output,) = captured.outputs
    assert output.data["image/svg+xml"].lstrip().startswith("<?xml")
    assert ">Session<" in output.data["image/svg+xml"]
    assert text.startswith("<Schema 5 models")


def test_without_graphviz_the_diagram_falls_back_to_mermaid(ip, monkeypatch):
    from relviz.erd import GraphvizMissing
    from relviz.notebook import dotserver

    def missing(figure):
        raise GraphvizMissing("no dot here")

    monkeypatch.setattr(dotserver, "svg_of", missing)
    monkeypatch.setattr("relviz.erd.figure.run_dot", lambda *a, **k: missing(None))
    _, _, captured = run(ip, "", COURSE)
    assert "erDiagram" in captured.outputs[0].data["text/markdown"]


def test_name_keeps_the_parsed_schema_in_the_notebook(ip):
    run(ip, "--name shop --no-diagram", COURSE)
    assert isinstance(ip.user_ns["shop"], relviz.Schema)
    assert ip.user_ns["shop"].relation("User.posts").kind == "one-to-many"


def test_an_invalid_cell_shows_prismas_error_at_its_line_and_no_traceback(ip):
    html, text, captured = run(ip, "--name broken", COURSE.replace("Post[]", "Pst[]"))
    assert 'Type &quot;Pst&quot; is neither a built-in type' in html
    assert "relviz-bad-line" in html and " 20 |   posts" in html
    assert "-->  schema.prisma:20" in text
    assert "Traceback" not in captured.stdout + captured.stderr + html
    assert "broken" not in ip.user_ns


def test_data_fills_duckdb_and_keeps_the_sample(ip):
    html, _, _ = run(ip, "--no-diagram --data shopdb --rows 3", COURSE)
    sample = ip.user_ns["shopdb"]
    assert len(sample.table("User")) == 3
    assert "kept as `shopdb`" in html


def test_data_without_a_name_is_kept_as_db(ip):
    run(ip, "--no-diagram --data", COURSE)
    assert ip.user_ns["db"].schema.model("Account")


def test_sql_shows_the_create_table_statements(ip):
    html, text, _ = run(ip, "--no-diagram --sql sqlite", COURSE)
    assert 'CREATE TABLE "Profile"' in text
    assert "CREATE TABLE &quot;Profile&quot;" in html


@pytest.mark.needs_dot
def test_focus_depth_and_highlight_shape_the_diagram(ip):
    html, _, _ = run(ip, "--focus Profile --depth 0 --highlight Profile.user", COURSE)
    assert ">Profile<" in html and ">Post<" not in html


@pytest.mark.needs_dot
def test_an_unknown_highlight_is_a_message_listing_the_choices(ip):
    html, _, captured = run(ip, "--highlight User.friends", COURSE)
    assert "Could not draw the diagram" in html
    assert "Traceback" not in captured.stdout + captured.stderr


def test_an_unknown_option_is_a_message_listing_the_options(ip):
    html, _, _ = run(ip, "--colour red", COURSE)
    assert "unknown option(s) --colour" in html and "--highlight" in html


def test_options_read_like_a_command_line():
    options = parse_options("--focus User --focus Post --depth 2 --data --rows 7 --name s")
    assert options.focus == ["User", "Post"] and options.depth == 2
    assert options.data == "db" and options.rows == 7 and options.name == "s"
    with pytest.raises(OptionError):
        parse_options("--rows many")


def test_load_ext_relviz_registers_the_magic(ip):
    assert "prisma" in ip.magics_manager.magics["cell"]
