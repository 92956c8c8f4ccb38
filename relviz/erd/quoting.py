"""Escape names, @map strings, defaults and doc comments for DOT, HTML-like labels and Mermaid."""

import re

__all__ = [
    "clean",
    "dot_string",
    "dot_tooltip",
    "html_tooltip",
    "html_text",
    "html_attr",
    "mermaid_text",
    "mermaid_word",
    "shorten",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_HTML_CHARS = re.compile("[&<>\"']")
# Mermaid turns `#name;` / `#35;` entity codes into HTML entities when it renders, so any
# character that could end a string or start a comment (`"`, `%%`, `#`) is written that way.
_MERMAID = {
    '"': "#quot;",
    "#": "#35;",
    "%": "#37;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    ";": "#59;",
    "`": "#96;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
    "\\": "#92;",
}
_MERMAID_CHARS = re.compile(r'["#%<>&;`{}|\\]')
_MERMAID_WORD_BAD = re.compile(r"[^A-Za-z0-9_\-]")


def clean(text):
    """Drop control characters that XML (and so SVG) cannot carry; keep newlines."""
    return _CONTROL.sub("", str(text))


def shorten(text, *, limit):
    """Cut ``text`` to ``limit`` characters, ending in an ellipsis when cut."""
    text = str(text)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "\u2026"


def html_text(text):
    """Text inside an HTML-like label: entities escaped, newlines shown as spaces.

    Graphviz expands backslash escapes (backslash-N is the node's name) even in HTML-like
    labels, and reads a doubled backslash as one, so backslashes are doubled.
    """
    return _NEWLINES.sub(" ", _html_escape(text))


def html_attr(text):
    """An attribute value inside an HTML-like label (TOOLTIP="..."): newlines kept as &#10;."""
    return _NEWLINES.sub("&#10;", _html_escape(text))


def _html_escape(text):
    text = clean(text).replace("\\", "\\\\")
    return _HTML_CHARS.sub(lambda m: _HTML[m.group()], text)


def dot_string(text):
    """A DOT double-quoted string (escString): backslashes and quotes escaped, newlines as \\n."""
    text = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _NEWLINES.sub(r"\\n", text) + '"'


def dot_tooltip(text):
    """A DOT tooltip string. Graphviz unescapes tooltips twice (backslash-backslash-N would still
    become the node's name), so each backslash is written as four."""
    return dot_string(clean(text).replace("\\", "\\\\"))


def html_tooltip(text):
    """A TOOLTIP inside an HTML-like label (the same escaping as any attribute there)."""
    return html_attr(text)


def mermaid_text(text):
    """Text inside a Mermaid double-quoted string, with entity codes for risky characters."""
    text = _NEWLINES.sub(" ", clean(text))
    return _MERMAID_CHARS.sub(lambda m: _MERMAID[m.group()], text)


def mermaid_word(text, *, fallback="x"):
    """A bare Mermaid token (attribute type or name): letters, digits, `_` and `-` only."""
    word = _MERMAID_WORD_BAD.sub("_", clean(text))
    if not word or not word[0].isalpha() and word[0] != "_":
        word = fallback + "_" + word
    return word
