"""The schema playground, driven without a browser: set the editor's text, refresh, read the panels."""

import importlib.util
from pathlib import Path

import pytest

import relviz
from relviz.notebook import panels
from relviz.notebook.playground_widget import STARTER_SCHEMA, Playground, playground

COURSE = Path(__file__).parents[1] / "data" / "course.prisma"
TAG = "\nmodel Tag {\n  id   Int    @id\n  name String\n}\n"


@pytest.fixture
def course_text():
    return COURSE.read_text(encoding="utf-8")


@pytest.fixture
def pg(course_text):
    # a long debounce: nothing redraws until the test calls refresh()
    widget = playground(course_text, debounce=60)
    yield widget
    widget.close()


def break_(text):
    return text.replace("posts     Post[]", "posts     Pst[]")


@pytest.mark.needs_dot
def test_the_playground_draws_its_schema_at_once(pg):
    assert pg.valid and pg.schema is not None
    assert pg.diagram.value.startswith("<svg")
    assert ">Profile<" in pg.diagram.value
    assert "5 models, 4 relations" in pg.status.value


@pytest.mark.needs_dot
def test_typing_a_model_redraws_the_diagram_after_the_pause(pg):
    before = pg.diagram.value
    pg.text = pg.text + TAG
    assert pg.diagram.value == before, "nothing is drawn while the reader is still typing"
    pg.refresh()
    assert pg.diagram.value != before
    assert ">Tag<" in pg.diagram.value
    assert "6 models" in pg.status.value


@pytest.mark.needs_dot
def test_a_broken_schema_shows_prismas_error_and_keeps_the_last_diagram(pg):
    good = pg.diagram.value
    pg.text = break_(pg.text)
    pg.refresh()
    assert not pg.valid
    assert pg.error_count == 1
    assert 'Type &quot;Pst&quot; is neither a built-in type' in pg.errors.value
    assert "line 20" in pg.status.value
    assert "relviz-bad-line" in pg.errors.value and " 20 |   posts" in pg.errors.value
    assert "showing the last valid schema" in pg.banner.value
    assert pg.diagram.value == good
    assert pg.schema is not None and len(pg.schema.models) == 5


@pytest.mark.needs_dot
def test_fixing_the_schema_clears_the_error_and_the_banner(pg, course_text):
    pg.text = break_(course_text)
    pg.refresh()
    pg.text = course_text + TAG
    pg.refresh()
    assert pg.valid
    assert pg.errors.value == "" and pg.banner.value == ""
    assert ">Tag<" in pg.diagram.value


def test_starting_with_a_broken_schema_asks_for_a_fix():
    widget = playground(break_(COURSE.read_text()), debounce=60)
    assert not widget.valid and widget.schema is None
    assert "fix them to see its diagram" in widget.banner.value
    assert widget.diagram.value == ""


def test_other_tabs_are_drawn_only_when_shown(pg):
    assert pg.sql.value == "" and pg.tables.value == ""
    pg.tabs.selected_index = 1
    assert "CREATE TABLE &quot;Post&quot;" in pg.sql.value
    pg.dialect.value = "sqlite"
    assert "AUTOINCREMENT" in pg.sql.value


def test_the_shown_tab_follows_the_schema_as_you_type(pg):
    pg.tabs.selected_index = 1
    pg.text = pg.text + TAG
    pg.refresh()
    assert "CREATE TABLE &quot;Tag&quot;" in pg.sql.value


def test_hidden_tabs_are_redrawn_when_shown_again(pg):
    pg.tabs.selected_index = 1
    pg.tabs.selected_index = 0
    pg.text = pg.text + TAG
    pg.refresh()
    assert "&quot;Tag&quot;" not in pg.sql.value
    pg.tabs.selected_index = 1
    assert "CREATE TABLE &quot;Tag&quot;" in pg.sql.value


def test_the_tables_tab_shows_sample_rows_for_every_table(pg):
    pg.rows.value = 3
    pg.tabs.selected_index = 2
    for table in ("User", "Profile", "Post", "Session", "Account", "_AccountToUser"):
        assert f">{table} <small>" in pg.tables.value
    assert "user1@example.com" in pg.tables.value
    assert "(3 rows)" in pg.tables.value


def test_the_query_tab_offers_every_relation_field_and_shows_the_join(pg):
    pg.tabs.selected_index = 3
    keys = [key for _, key in pg.relation.options]
    assert {"User.posts", "Post.author", "User.accounts", "Account.users"} <= set(keys)
    pg.relation.value = "User.posts"
    assert "JOIN &quot;Post&quot;" in pg.query.value and "rows</b>" in pg.query.value
    pg.how.value = "left"
    assert "LEFT JOIN" in pg.query.value


@pytest.mark.skipif(importlib.util.find_spec("relviz.client") is None, reason="relviz.client is not written yet")
def test_the_query_tab_runs_a_prisma_client_call_for_the_chosen_relation(pg):
    pg.tabs.selected_index = 3
    pg.relation.value = "Account.users"
    assert pg.call.value == "prisma.account.findMany({ include: { users: true }, take: 3 })"
    assert "&quot;users&quot;: [" in pg.call_result.value
    pg.call.value = "prisma.post.count()"
    assert "</pre>" in pg.call_result.value and "count" in pg.call_result.value.lower()


def test_a_failing_panel_shows_a_message_and_the_playground_keeps_working(pg, monkeypatch):
    def boom(schema, **options):
        raise RuntimeError("dot crashed")

    monkeypatch.setattr(panels, "diagram_svg", boom)
    pg.text = pg.text + TAG
    pg.refresh()
    assert "Could not draw the diagram: RuntimeError: dot crashed" in pg.diagram.value
    assert pg.valid and "6 models" in pg.status.value


def test_a_missing_part_of_relviz_is_named_in_its_tab(pg, monkeypatch):
    def missing(schema, **options):
        raise panels.Unavailable("The diagram needs relviz.erd.diagram, which cannot be imported here")

    monkeypatch.setattr(panels, "diagram_svg", missing)
    pg.text = pg.text + TAG
    pg.refresh()
    assert "needs relviz.erd.diagram" in pg.diagram.value


def test_an_unexpected_error_while_updating_is_shown_not_raised(pg, monkeypatch):
    monkeypatch.setattr(panels, "analyse", lambda text: 1 / 0)
    pg.text = pg.text + TAG
    pg.refresh()
    assert "ZeroDivisionError" in pg.problems.value


def test_the_same_text_is_parsed_once(pg):
    assert panels.analyse(pg.text) is panels.analyse(pg.text)


def test_the_playground_takes_a_schema_a_path_or_nothing():
    assert "model Post" in Playground(relviz.load(COURSE), debounce=60).text
    assert "model Session" in Playground(str(COURSE), debounce=60).text
    assert Playground(debounce=60).text == STARTER_SCHEMA


@pytest.mark.needs_dot
def test_where_widgets_cannot_run_a_static_copy_shows_the_schema_and_diagram(pg):
    bundle = pg._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("relviz playground (Valid: 5 models, 4 relations)")
    assert "<svg" in bundle["text/html"] and "model Session" in bundle["text/html"]


@pytest.mark.needs_dot
def test_the_diagram_can_focus_on_one_model(pg):
    assert pg.focus.options[1:] == ("User", "Profile", "Post", "Session", "Account")
    pg.depth.value = 0
    pg.focus.value = "Session"
    assert ">Session<" in pg.diagram.value and ">Post<" not in pg.diagram.value
    pg.text = pg.text + TAG
    pg.refresh()
    assert pg.focus.value == "Session" and "Tag" in pg.focus.options


@pytest.mark.needs_dot
def test_diagram_keywords_set_the_first_view(course_text):
    widget = playground(course_text, debounce=60, focus="Profile", depth=0, direction="TB")
    assert widget.focus.value == "Profile" and widget.direction.value == "TB"
    assert ">Profile<" in widget.diagram.value and ">Session<" not in widget.diagram.value


def test_prismas_warnings_on_a_valid_schema_are_shown_under_the_editor():
    text = 'datasource db {\n  provider = "postgresql"\n  referentialIntegrity = "prisma"\n}\n' + STARTER_SCHEMA.split("}\n", 1)[1]
    widget = playground(text, debounce=60)
    assert widget.valid
    assert "warning: The `referentialIntegrity` attribute is deprecated" in widget.errors.value
    assert "relviz-bad-line" in widget.errors.value
