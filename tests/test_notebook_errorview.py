"""Prisma's errors as HTML for notebooks: message, place, and the bad line marked."""

import re

import pytest

import relviz
from relviz.notebook.errorview import error_summary, errors_html, errors_text, notice_html

BROKEN = """\
model User {
  id    Int    @id
  posts Pst[]
}
"""


@pytest.fixture
def diagnostics():
    with pytest.raises(relviz.SchemaError) as caught:
        relviz.parse(BROKEN)
    return caught.value.diagnostics


def test_errors_html_shows_prismas_message_and_the_place(diagnostics):
    markup = errors_html(diagnostics)
    assert "Type &quot;Pst&quot; is neither a built-in type" in markup
    assert "schema.prisma:3:" in markup
    assert "Validation Error Count: 1" in markup


def test_errors_html_marks_the_offending_span_on_its_numbered_line(diagnostics):
    markup = errors_html(diagnostics)
    assert 'class="relviz-bad-line"' in markup
    assert "  3 |   posts" in markup
    assert re.search(r"<mark[^>]*>Pst(\[\])?</mark>", markup)


def test_errors_html_shows_the_lines_around_the_error(diagnostics):
    markup = errors_html(diagnostics)
    assert "  2 |   id    Int    @id" in markup
    assert "  4 | }" in markup


def test_errors_text_is_what_prisma_validate_prints(diagnostics):
    text = errors_text(diagnostics)
    assert text.startswith('error: Type "Pst" is neither')
    assert "-->  schema.prisma:3" in text
    assert text.endswith("Validation Error Count: 1")


def test_error_summary_names_the_line_of_the_first_error(diagnostics):
    assert error_summary(diagnostics).startswith("1 error; line 3: Type")


def test_schema_text_is_escaped_in_errors():
    with pytest.raises(relviz.SchemaError) as caught:
        relviz.parse('model A {\n  id Int @id\n  b <script>\n}\n')
    markup = errors_html(caught.value.diagnostics)
    assert "<script>" not in markup


def test_notice_escapes_its_text_unless_told_it_is_html():
    assert "&lt;b&gt;" in notice_html("<b>x</b>")
    assert "<b>x</b>" in notice_html("<b>x</b>", html_text=True)


def test_a_valid_schema_without_warnings_shows_nothing():
    from relviz.notebook.errorview import warnings_html

    assert warnings_html(relviz.parse("model A {\n  id Int @id\n}\n").diagnostics) == ""
