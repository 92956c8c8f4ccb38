"""Escaping: hostile names, @map strings, defaults and doc comments never break DOT, SVG or Mermaid."""

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import relviz
from relviz.erd import diagram
from relviz.erd.markdown import md_cell
from relviz.erd.quoting import (
    dot_string,
    dot_tooltip,
    html_attr,
    html_text,
    html_tooltip,
    mermaid_text,
    mermaid_word,
    shorten,
)

HOSTILE = Path(__file__).parent / "fixtures" / "diagram" / "hostile.prisma"


@pytest.mark.parametrize(
    "function, text, expected",
    [
        (html_text, 'a<b>&"c"', "a&lt;b&gt;&amp;&quot;c&quot;"),
        (html_text, "two\nlines", "two lines"),
        (html_text, "bell\x07", "bell"),
        (html_attr, "one\ntwo <x>", "one&#10;two &lt;x&gt;"),
        (dot_string, 'say "hi" \\N', '"say \\"hi\\" \\\\N"'),
        (dot_string, "a\nb", '"a\\nb"'),
        (dot_tooltip, "C:\\Names", '"C:\\\\\\\\Names"'),
        (html_tooltip, "a\\N <b>", "a\\\\N &lt;b&gt;"),
        (html_text, "sec\\ond \\N", "sec\\\\ond \\\\N"),
        (mermaid_text, 'x "%%" #1; {a|b}', "x #quot;#37;#37;#quot; #35;1#59; #123;a#124;b#125;"),
        (mermaid_text, "back\\slash", "back#92;slash"),
        (mermaid_word, "first name<>", "first_name__"),
        (mermaid_word, "1st", "x_1st"),
        (md_cell, "a | b <i>\nc", "a \\| b &lt;i&gt; c"),
    ],
)
def test_escaping_functions(function, text, expected):
    assert function(text) == expected


def test_shorten_ends_with_an_ellipsis():
    assert shorten("abcdef", limit=4) == "abc\u2026"
    assert shorten("abc", limit=4) == "abc"


def hostile_figures():
    schema = relviz.load(HOSTILE)
    yield diagram(schema, enums=True)
    yield diagram(schema, enums=True, db_names=True, detail="all")
    yield diagram(schema, enums=True, detail="all", highlight=schema.relations[0], join_tables="physical")


def test_hostile_text_stays_inside_labels_in_the_dot_source():
    for figure in hostile_figures():
        source = figure.source
        assert "</TD></TR></TABLE> &" not in source  # the field doc is an escaped TOOLTIP
        assert 'a backslash \\\\\\\\N' in source  # four: Graphviz unescapes tooltips twice
        for line in source.splitlines()[4:-1]:
            assert line.startswith('  "'), line  # one statement per line: nothing leaked out


def test_hostile_relation_names_label_their_edges_escaped():
    source = next(hostile_figures()).source
    assert "label=<we&lt;i&gt;rd &quot; &amp; | %% rel>" in source
    assert "label=<sec\\\\ond>" in source  # Graphviz reads a doubled backslash as one


def test_hostile_text_in_mermaid_and_markdown_is_entity_coded():
    for figure in hostile_figures():
        text = figure.mermaid()
        for line in text.splitlines()[1:]:
            assert line.count('"') % 2 == 0 and "%%" not in line and "<" not in line
        markdown = figure.markdown()
        assert "<b>" not in markdown


@pytest.mark.needs_dot
def test_hostile_text_gives_well_formed_svg():
    for figure in hostile_figures():
        root = ElementTree.fromstring(figure.pipe("svg"))
        titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
        assert "User" in titles and "Post" in titles
        tips = [a.get("{http://www.w3.org/1999/xlink}title") for a in root.iter("{http://www.w3.org/2000/svg}a")]
        assert any("a backslash \\N \\G \\\\ and" in (tip or "") for tip in tips)  # not the node name
        texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
        assert "_ta<g>s _ta<g>s" not in texts  # the join table `_ta<g>s \N` keeps its backslash-N
