"""A parser for the Prisma Schema Language, line by line as Prisma's own grammar reads it.

A block is a header line (``model User {``), member lines, and a line starting with ``}``;
a block with no closing line is no block at all, and each of its lines is then an invalid
top-level line, as in Prisma. Within a line, a small recursive descent reads attributes and
their arguments. ``parse_file`` never raises: syntax errors go to the result's ``diagnostics``
and the bad line is skipped, so the rest of the file is still read. ``/* block comments */``
are found first (:mod:`relviz.syntax.comments`) and the lines are read with them blanked out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Final

from relviz.errors import Diagnostic, SourceFile
from relviz.syntax.comments import BlockComments
from relviz.syntax.lexer import tokenize_line, unescape
from relviz.syntax.nodes import (
    Argument, ArrayValue, Attribute, Expression, Block, ConfigBlock, ConstantValue, EnumValueDecl, FieldDecl,
    FunctionCall, NumericValue, ObjectValue, Property, SchemaFileAst, Span, StringValue,
)

__all__ = ["parse_file"]

CONFIG_KEYWORDS = frozenset(("datasource", "generator"))

INVALID_TOP_LINE = "Error validating: This line is invalid. It does not start with any known Prisma schema keyword."
INVALID_BLOCK = (
    "Error validating: This block is invalid. It does not start with any known Prisma schema keyword. "
    "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'."
)
LEGACY_COLON = "Field declarations don't require a `:`."
INVALID_MODEL_LINE = "Error validating: This line is not a valid field or attribute definition."
INVALID_ENUM_LINE = "Error validating: This line is not an enum value definition."
INVALID_CONFIG_LINE = "Error validating: This line is not a valid definition within a {keyword}."
INVALID_FIELD = 'Error validating {keyword} "{model}": This field declaration is invalid. It is either missing a name or a type.'
BAD_ESCAPE = "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`."

# The common field line, read without the tokenizer: `name Type? <rest>`.
# (Prisma's grammar lets blanks stand between a type and its `?` or `[]`.)
# In these patterns a repeat is possessive (`*+`, `++`) and a group atomic (`(?>...)`) wherever
# nothing after it could take a character back: the same matches, and the regex engine keeps
# no state to backtrack to.
_FIELD_LINE: Final = re.compile(
    r"[ \t]*+([A-Za-z0-9][A-Za-z0-9_-]*+)[ \t]++([A-Za-z0-9][A-Za-z0-9_-]*+)(?>[ \t]*+(\?|\[\]))?(?=[ \t@/]|$)[ \t]*+"
)
# A block's header; Prisma's `{` takes the rest of its line, whatever it holds.
# Its keyword may run into the name (`modelPost {` is model Post in Prisma's grammar).
_HEADER: Final = re.compile(r"[ \t]*+(model|view|type|enum|datasource|generator)[ \t]*+([A-Za-z0-9][A-Za-z0-9_-]*+)[ \t]*+\{")
_LEGACY_COLON: Final = re.compile(r"[ \t]*[A-Za-z0-9][A-Za-z0-9_-]*[ \t]*(:)")
_ARBITRARY_HEADER: Final = re.compile(r"[ \t]*([A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*\{")
# A line that closes a block: `}` after blanks. (Tried only on lines with a `}` in them.)
_CLOSE_LINE: Final = re.compile(r"[ \t]*+\}")


def _enclosing_keyword(text: str, at: int) -> str | None:
    """The keyword of the block around offset ``at`` (None at the top level), told by the
    nearest header or ``}`` line above its line."""
    end = text.rfind("\n", 0, at)  # the end of the line above
    while end != -1:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.lstrip(" \t").startswith("}"):
            return None
        header = _HEADER.match(line)
        if header is not None:
            return header[1]
        end = start - 1
    return None


_ENUM_VALUE: Final = re.compile(r"[ \t]*+([A-Za-z][A-Za-z0-9_-]*+)(?:[ \t]++(?=@)|[ \t]*+$)")
# Attributes in the form `prisma format` writes, read without the tokenizer: `@id`, `@db.Text`,
# `@default(now())`, `@map("name")`, `@db.VarChar(255)`,
# `@relation("name", fields: [a, b], references: [id], onDelete: Cascade)`, `@@index([a, b])`.
_IDENT = r"[A-Za-z][A-Za-z0-9_-]*+"
_SIMPLE_HEAD: Final = re.compile(rf"@({_IDENT}(?:\.{_IDENT})?)(\(?)")
_SIMPLE_BLOCK_HEAD: Final = re.compile(rf"[ \t]*+@(@({_IDENT}(?:\.{_IDENT})?))(\(?)")
_SIMPLE_ARGUMENT: Final = re.compile(
    rf"(?:({_IDENT}): )?"  # 1: name
    rf"(?:({_IDENT})(\(\))?"  # 2: constant or function name, 3: its empty parentheses
    r'|("[^"\\\x00-\x1f]*+")'  # 4: string without escapes
    r"|(-?[0-9]++(?:\.[0-9]++)?)"  # 5: number
    rf"|(\[((?:{_IDENT}(?:, {_IDENT})*+)?)\]))"  # 6: array of names, 7: its items
    r"(, |\))"  # 8: what follows
)


def _blanks_end(text: str, pos: int) -> int:
    """Where the blanks (spaces and tabs) from ``pos`` on end, found without a regex call."""
    n = len(text)
    while pos < n:
        c = text[pos]
        if c != " " and c != "\t":
            break
        pos += 1
    return pos


def _simple_arguments(text: str, pos: int, at: int, source: SourceFile) -> tuple[list, int] | None:
    """Arguments from just after ``(`` to just after ``)``, when all are of the simplest kinds."""
    arguments: list[Argument] = []
    if text.startswith(")", pos):
        return arguments, pos + 1
    match = _SIMPLE_ARGUMENT.match
    while True:
        m = match(text, pos)
        if m is None:
            return None
        # Every offset follows from the lengths of the groups, read in one call.
        name, constant, parentheses, string, number, array, items_text, follow = m.groups()
        value_start = at + pos if name is None else at + pos + len(name) + 2
        value: Expression
        if constant is not None:
            if parentheses is None:
                value_end = value_start + len(constant)
                value = ConstantValue(constant, source, value_start, value_end)
            else:
                value_end = value_start + len(constant) + 2
                value = FunctionCall(constant, [], source, value_start, value_end)
        elif string is not None:
            value_end = value_start + len(string)
            value = StringValue(string[1:-1], source, value_start, value_end)
        elif number is not None:
            value_end = value_start + len(number)
            value = NumericValue(number, source, value_start, value_end)
        else:
            value_end = value_start + len(array)
            items: list[Expression] = []
            if items_text:
                item_start = value_start + 1
                for item in items_text.split(", "):
                    item_end = item_start + len(item)
                    items.append(ConstantValue(item, source, item_start, item_end))
                    item_start = item_end + 2
            value = ArrayValue(items, source, value_start, value_end)
        arguments.append(Argument(name, value, source, at + pos, value_end))
        pos = value_end - at + len(follow)
        if follow == ")":  # (else `, `)
            return arguments, pos


def _simple_attributes(text: str, at: int, source: SourceFile) -> list[Attribute] | None:
    """The attributes of ``text`` (standing at offset ``at``) when each is of the simplest kinds
    and nothing else follows: the nodes the line parser would make, without its tokens. None
    for anything else, to be read by the line parser."""
    found = []
    pos, n = 0, len(text)
    head = _SIMPLE_HEAD.match
    while pos < n:
        m = head(text, pos)
        if m is None:
            return None
        name, parenthesis = m.groups()
        name_start = pos + 1  # (after the `@`)
        name_end = name_start + len(name)
        if not parenthesis:
            # Without parentheses, the span takes in the blanks that follow: the file's own, not a
            # trailing block comment blanked out for reading (`@id /* key */` spans `@id `).
            end = _blanks_end(source.text, at + name_end)
            found.append(Attribute(name, [], source, at + pos, end, at + name_start, at + name_end))
            pos = _blanks_end(text, end - at)
            continue
        read = _simple_arguments(text, name_end + 1, at, source)
        if read is None:
            return None
        arguments, end = read
        found.append(Attribute(name, arguments, source, at + pos, at + end, at + name_start, at + name_end, True))
        pos = _blanks_end(text, end)
    return found


def _simple_block_attribute(line: str, base: int, source: SourceFile) -> Attribute | None:
    """A whole ``@@attribute`` line of the simplest kinds (see ``_simple_attributes``), or None."""
    m = _SIMPLE_BLOCK_HEAD.match(line)
    if m is None:
        return None
    _, name, parenthesis = m.groups()
    start = m.start(1) - 1  # (the first `@`)
    name_start = start + 2
    name_end = name_start + len(name)
    if not parenthesis:
        if _blanks_end(line, name_end) != len(line):
            return None
        end = _content_end(line)
        return Attribute(name, [], source, base + start, base + end, base + name_start, base + name_end)
    read = _simple_arguments(line, name_end + 1, base, source)
    if read is None:
        return None
    arguments, end = read
    if _blanks_end(line, end) != len(line):
        return None
    return Attribute(
        name, arguments, source, base + start, base + _content_end(line), base + name_start, base + name_end, True,
    )


def _content_end(line: str) -> int:
    """Where a line's text ends, before a ``\\r`` of its line break. A block attribute's span
    runs to there in Prisma: the blanks and the comment after it are part of it."""
    return len(line) - 1 if line.endswith("\r") else len(line)


_OPTIONAL_LIST: Final = re.compile(r"[ \t]*[A-Za-z0-9][A-Za-z0-9_-]*[ \t]+([A-Za-z0-9][A-Za-z0-9_-]*\[\]\?)(?=[ \t@/]|$)")
OPTIONAL_LIST = "Optional lists are not supported. Use either `Type[]` or `Type?`."


def _moved_expression(e: Expression, d: int) -> Expression:
    """A copy of expression ``e`` standing ``d`` characters further on."""
    file, start, end = e._file, e._start + d, e._end + d
    if isinstance(e, ConstantValue):
        return ConstantValue(e.name, file, start, end)
    if isinstance(e, ArrayValue):
        return ArrayValue([_moved_expression(x, d) for x in e.items], file, start, end)
    if isinstance(e, FunctionCall):
        return FunctionCall(e.name, [_moved_argument(a, d) for a in e.arguments], file, start, end)
    if isinstance(e, StringValue):
        return StringValue(e.value, file, start, end)
    if isinstance(e, ObjectValue):
        return ObjectValue([_moved_argument(m, d) for m in e.members], file, start, end)
    assert isinstance(e, NumericValue)
    return NumericValue(e.text, file, start, end)


def _moved_argument(a: Argument, d: int) -> Argument:
    value = a.value
    return Argument(a.name, None if value is None else _moved_expression(value, d), a._file, a._start + d, a._end + d)


def _moved_attributes(attributes: list[Attribute], d: int) -> list[Attribute]:
    """Copies of ``attributes`` standing ``d`` characters further on."""
    copies = []
    for a in attributes:
        copy = Attribute(
            a.name, [_moved_argument(x, d) for x in a.arguments], a._file, a._start + d, a._end + d,
            a._name_start + d, a._name_end + d, a.has_parentheses,
        )
        comma = a.trailing_comma
        if comma is not None:
            copy.trailing_comma = Span(comma.file, comma.start + d, comma.end + d)
        copies.append(copy)
    return copies


def _doc_text(comment: str) -> str:
    """The text of a ``///`` comment as Prisma keeps it: leading blanks dropped, trailing ones kept."""
    return comment[3:].lstrip(" \t").rstrip("\r")


def _path(toks: list, i: int) -> tuple[str, int]:
    """The dotted name starting at token ``i`` (an identifier), and the index just past it."""
    name = toks[i][1]
    i += 1
    if toks[i][0] != ".":
        return name, i
    parts = [name]
    while toks[i][0] == "." and toks[i + 1][0] == "IDENT":
        parts.append(toks[i + 1][1])
        i += 2
    return ".".join(parts), i


class _LineParser:
    """Reads one line's tokens: attributes, arguments, expressions."""

    def __init__(self, source: SourceFile, diagnostics: list):
        self.source = source
        self.diagnostics = diagnostics
        self.toks: list = []
        self.i = 0
        self.trailing_comma: Span | None = None  # the first `,` right before a `)` in the attribute being read

    def enter_arguments(self, i: int) -> None:
        """Stand at an attribute's ``(``, no trailing comma met yet. (A method of its own, so
        that no reader, nor mypyc, takes ``trailing_comma`` for None after the arguments are read.)"""
        self.i = i
        self.trailing_comma = None

    def start(self, line: str, base: int) -> None:
        self.toks = tokenize_line(line, base)
        self.i = 0

    def kind(self, k: int = 0) -> str:
        return self.toks[self.i + k][0]

    def span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end)

    def error(self, message: str, start: int, end: int) -> None:
        self.diagnostics.append(Diagnostic(message, self.source, start, end))

    def last_end(self) -> int:
        return self.toks[self.i - 1][3]

    def attribute(self) -> Attribute | None:
        """``@name(args)`` or ``@@name(args)``; None when the line does not read as one."""
        toks = self.toks
        i = self.i
        start = toks[i][2]
        i += 1
        tok = toks[i]
        if tok[0] != "IDENT":
            self.i = i
            return None
        name_start = tok[2]
        name, i = _path(toks, i)
        source = self.source
        name_end = toks[i - 1][3]
        tok = toks[i]
        if tok[0] == "(":
            self.enter_arguments(i)
            arguments = self.arguments()
            if arguments is None:
                return None
            attribute = Attribute(name, arguments, source, start, toks[self.i - 1][3], name_start, name_end, True)
            attribute.trailing_comma = self.trailing_comma
            return attribute
        self.i = i
        # Without parentheses, Prisma's span takes in the blanks that follow (its grammar reads them
        # while looking for an argument list), but not a trailing block comment blanked out for reading.
        end = tok[2]
        blanks_end = _blanks_end(source.text, name_end)
        if blanks_end < end and source.text.startswith("/*", blanks_end):
            end = blanks_end
        return Attribute(name, [], source, start, end, name_start, name_end, False)

    def path(self) -> str:
        name, self.i = _path(self.toks, self.i)
        return name

    def arguments(self) -> list[Argument] | None:
        toks = self.toks
        source = self.source
        i = self.i + 1  # (
        args: list[Argument] = []
        if toks[i][0] == "," and toks[i + 1][0] == ")":  # `now(,)`: no argument, a trailing comma
            if self.trailing_comma is None:
                self.trailing_comma = Span(source, toks[i][2], toks[i][3])
            self.i = i + 2
            return args
        while True:
            tok = toks[i]
            kind = tok[0]
            if kind == ")":
                self.i = i + 1
                return args
            start = tok[2]
            if kind == "IDENT" and toks[i + 1][0] == ":":
                name = tok[1]
                i += 2
                if toks[i][0] in (",", ")"):
                    value = None
                else:
                    self.i = i
                    value = self.expression()
                    i = self.i
                    if value is None:
                        return None
            else:
                name = None
                self.i = i
                value = self.expression()
                i = self.i
                if value is None:
                    return None
            args.append(Argument(name, value, source, start, toks[i - 1][3]))
            kind = toks[i][0]
            if kind == ",":
                if toks[i + 1][0] == ")" and self.trailing_comma is None:
                    self.trailing_comma = Span(source, toks[i][2], toks[i][3])
                i += 1
            elif kind != ")":
                self.i = i
                return None

    def expression(self):
        toks = self.toks
        i = self.i
        if i >= len(toks):
            return None
        kind, text, start, end = toks[i]
        if kind == "IDENT":
            if text[0].isdigit():  # Prisma reads the number first, and then cannot go on (`6model`)
                return None
            if toks[i + 1][0] == ".":
                name, i = _path(toks, i)
                end = toks[i - 1][3]
            else:
                name = text
                i += 1
            if toks[i][0] == "(":
                self.i = i
                args = self.arguments()
                if args is None:
                    return None
                return FunctionCall(name, args, self.source, start, toks[self.i - 1][3])
            self.i = i
            return ConstantValue(name, self.source, start, end)
        if kind == "STRING":
            self.i = i + 1
            value, bad = unescape(text[1:-1])
            if bad is not None:
                self.error(BAD_ESCAPE, start, end)
            return StringValue(value, self.source, start, end)
        if kind == "NUMBER":
            self.i = i + 1
            return NumericValue(text, self.source, start, end)
        if kind == "[":
            i += 1
            items = []
            while toks[i][0] != "]":
                self.i = i
                item = self.expression()
                if item is None:
                    return None
                items.append(item)
                i = self.i
                kind = toks[i][0]
                if kind == ",":
                    i += 1
                    if toks[i][0] == "]":  # no trailing comma in a list
                        return None
                elif kind != "]":
                    return None
            self.i = i + 1
            return ArrayValue(items, self.source, start, toks[i][3])
        if kind == "{":
            return self.object_value(i, start)
        return None

    def object_value(self, i: int, start: int) -> ObjectValue | None:
        """``{ key: value, ... }`` from token ``i`` (its ``{``): names for keys, no trailing comma."""
        toks = self.toks
        i += 1
        members: list[Argument] = []
        while toks[i][0] != "}":
            key = toks[i]
            if key[0] != "IDENT" or toks[i + 1][0] != ":":
                return None
            self.i = i + 2
            value = self.expression()
            if value is None:
                return None
            i = self.i
            members.append(Argument(key[1], value, self.source, key[2], toks[i - 1][3]))
            if toks[i][0] == ",":
                i += 1
                if toks[i][0] == "}":
                    return None
            elif toks[i][0] != "}":
                return None
        self.i = i + 1
        return ObjectValue(members, self.source, start, toks[i][3])

    def attributes(self) -> list[Attribute] | None:
        """Attributes until the end of the line (a trailing comment allowed); None if anything else."""
        found = []
        while self.kind() == "@":
            attribute = self.attribute()
            if attribute is None:
                return None
            found.append(attribute)
        return found if self.kind() in ("NL", "COMMENT", "DOC") else None

    def trailing_doc(self) -> str | None:
        if self.kind() == "DOC":
            return _doc_text(self.toks[self.i][1])
        return None


class _Parser:
    def __init__(self, source: SourceFile):
        self.source = source
        self.diagnostics: list[Diagnostic] = []
        self.line = _LineParser(source, self.diagnostics)
        comments = BlockComments(source.text, self.reads_as_a_line)
        text = comments.text
        self.comment_docs, self.inline_docs, self.trailing_docs = comments.leading, comments.inline, comments.trailing
        self.comment_lines, self.trailing_ends = comments.covered, comments.trailing_ends
        self.lines = text.split("\n")
        self.offsets = [0, *accumulate([len(line) + 1 for line in self.lines])]
        # The lines that close a block (start with `}`), in order, for `closing_line`.
        close_line = _CLOSE_LINE.match
        self.closes = [k for k, line in enumerate(self.lines) if "}" in line and close_line(line)]
        self.text_length = len(text)
        self.source_text = text  # block comments blanked out
        # Attribute texts already read in this file: text -> (offset, nodes, trailing doc).
        self.tails: dict[str, tuple] = {}
        self.block_lines: dict[str, tuple] = {}  # the same for whole `@@attribute` lines

    def span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end)

    def line_error(self, message: str, n: int, at: int = 0) -> None:
        """An error over line ``n`` (read from column ``at``) from its first non-blank character
        through its newline."""
        self.diagnostics.append(Diagnostic(message, self.source, self.first_char(n, at), self.line_end(n)))

    def first_char(self, n: int, at: int = 0) -> int:
        """Offset of the first non-blank character of line ``n`` from column ``at``."""
        line = self.lines[n]
        return self.offsets[n] + len(line) - len(line[at:].lstrip(" \t"))

    def block_end(self, close: int) -> int:
        """Offset just past the ``}`` that starts line ``close`` (after its blanks)."""
        return self.offsets[close] + self.lines[close].index("}") + 1

    def line_end(self, n: int) -> int:
        """Offset just past line ``n``'s newline (Prisma's member spans take the newline in), or
        past the last line of a block comment that line ``n`` ends with."""
        n = self.trailing_ends.get(n, n)
        return min(self.offsets[n] + len(self.lines[n]) + 1, self.text_length)

    def parse(self) -> SchemaFileAst:
        ast = SchemaFileAst(self.source)
        # Comment lines in a row are one comment block to Prisma; its `///` and `/* */` texts
        # document the block right below it. A blank line after it makes it document nothing, and a
        # datasource or generator passes it on to the next model, view, type or enum.
        docs: list[str] = []
        commented = False  # whether the lines just read were comments
        pending: tuple | None = None  # the comment block a datasource or generator passed on: (text,)
        lines = self.lines
        n, count = 0, len(lines)
        at = 0  # where line n is read from: past a block's `}` when the line goes on after it
        while n < count:
            stripped = lines[n][at:].strip()
            if not stripped:
                if n in self.comment_docs:
                    docs.append(self.comment_docs[n])
                    commented = True
                elif n in self.comment_lines:
                    commented = True
                elif not at:
                    docs, commented = [], False
                n, at = n + 1, 0
                continue
            if stripped.startswith("//"):
                if stripped.startswith("///"):
                    docs.append(_doc_text(lines[n][at:].lstrip()))
                commented = True
                n, at = n + 1, 0
                continue
            if n in self.inline_docs:
                docs.append(self.inline_docs[n])
                commented = True
            comment = ("\n".join(docs) if docs else None,) if commented else None
            docs, commented = [], False
            header = _HEADER.match(lines[n], at)
            if header is not None:  # (its pattern names only the keywords Prisma knows)
                close = self.closing_line(n)
                if close is not None:
                    if header[1] in CONFIG_KEYWORDS:
                        if comment is not None:
                            pending = comment
                        ast.tops.append(self.config_block(header, n, close, comment[0] if comment else None))
                    else:
                        if comment is None:
                            comment = pending
                        pending = None
                        ast.tops.append(self.block(header, n, close, comment[0] if comment else None))
                    # Prisma's grammar reads on right after the `}`: another block may start there.
                    n, at = close, self.block_end(close) - self.offsets[close]
                    continue
            arbitrary = _ARBITRARY_HEADER.match(lines[n], at)
            if arbitrary is not None and n + 1 < count:
                closed = self.unknown_block(n, arbitrary.start(1))
                if closed is not None:
                    n, at = closed
                    continue
            self.line_error(INVALID_TOP_LINE, n, at)
            n, at = n + 1, 0
        ast.diagnostics = self.diagnostics
        return ast

    def unknown_block(self, n: int, name_at: int) -> tuple[int, int] | None:
        """``name { ... }`` from line ``n``: a block, but of no kind Prisma knows, reported whole.

        Prisma's grammar reads the rest of the header line, then anything up to the first ``}``,
        wherever it stands (in a string too), and reads on right after it. Returns the line and
        column to go on from, or None when no ``}`` follows (no block then).
        """
        text = self.source_text
        close = text.find("}", self.offsets[n + 1])
        if close == -1:
            return None
        start = self.offsets[n] + name_at
        self.diagnostics.append(Diagnostic(INVALID_BLOCK, self.source, start, close + 1))
        k = bisect_right(self.offsets, close) - 1
        return k, close + 1 - self.offsets[k]

    def closing_line(self, n: int) -> int | None:
        """The first line after line ``n`` that starts with ``}``."""
        i = bisect_right(self.closes, n)
        return self.closes[i] if i < len(self.closes) else None

    def header_spans(self, header, n: int, close: int) -> tuple[Span, Span]:
        base = self.offsets[n]
        whole = self.span(base + header.start(1), self.block_end(close))
        return whole, self.span(base + header.start(2), base + header.end(2))

    # -- model, view, type, enum -------------------------------------------------------------
    def block(self, header, n: int, close: int, doc: str | None) -> Block:
        keyword, name = header[1], header[2]
        if keyword == "enum":
            members, attributes = self.enum_members(n, close)
        else:
            members, attributes = self.fields(n, close, name, keyword)
        whole, name_span = self.header_spans(header, n, close)
        return Block(keyword, name, members, attributes, doc, whole, name_span)

    def member_doc(self, k: int, line: str, docs: list) -> bool:
        """Whether line ``k`` is blank or a comment: documentation goes to ``docs``; a blank line
        with no comment parts a comment from the member below it (``docs`` emptied)."""
        stripped = line.strip()
        if not stripped:
            if k in self.comment_docs:
                docs.append(self.comment_docs[k])
            elif k not in self.comment_lines:
                docs.clear()
            return True
        if stripped.startswith("//"):
            if stripped.startswith("///"):
                docs.append(_doc_text(line.lstrip()))
            return True
        return False

    def fields(self, n: int, close: int, model: str, keyword: str) -> tuple[list, list]:
        """The members of a model, view or composite type between lines ``n`` and ``close``."""
        composite = keyword == "type"
        members: list = []
        attributes: list[Attribute] = []
        docs: list[str] = []
        lines, offsets = self.lines, self.offsets
        source = self.source
        field_line = _FIELD_LINE.match
        tails = self.tails
        inline_docs, trailing_docs, trailing_ends = self.inline_docs, self.trailing_docs, self.trailing_ends
        text_length = self.text_length
        for k in range(n + 1, close):
            line = lines[k]
            m = field_line(line)
            if m is None:
                if self.member_doc(k, line, docs):
                    continue
                if k in inline_docs:
                    docs.append(inline_docs[k])
                member_doc = "\n".join(docs) if docs else None
                docs = []
                if line.lstrip()[0] == "@":
                    self.block_attribute(line, k, attributes, INVALID_MODEL_LINE)
                else:
                    field = self.unusual_field(line, offsets[k], k, member_doc, model, keyword)
                    if field is not None:
                        if composite:
                            self.composite_field_attributes(field)
                        members.append(field)
                continue
            # The common line, `name Type? @attributes`, read here without further calls.
            member_doc = None
            if inline_docs and k in inline_docs:
                docs.append(inline_docs[k])
            if docs:
                member_doc = "\n".join(docs)
                docs = []
            base = offsets[k]
            regs = m.regs  # (one call for every offset below)
            rest_at = regs[0][1]
            trailing = None
            if rest_at == len(line):
                field_attributes = []
            else:
                # Attribute tails repeat (`@default(now())`, `@relation(fields: [userId], ...)`):
                # read each text once per file, and copy the nodes of the first with offsets moved.
                # (Not on a line ending with a block comment: blanked out, it reads as blanks.)
                rest = line[rest_at:]
                remember = not trailing_docs or k not in trailing_docs
                seen = tails.get(rest) if remember else None
                if seen is not None:
                    first_at, first, trailing = seen
                    field_attributes = _moved_attributes(first, base + rest_at - first_at)
                else:
                    read = self.field_attributes(rest, base + rest_at, remember)
                    if read is None:
                        self.line_error(INVALID_MODEL_LINE, k)
                        continue
                    field_attributes, trailing = read
            if trailing is None and trailing_docs:
                trailing = trailing_docs.get(k)
            if trailing is not None:
                member_doc = f"{member_doc}\n{trailing}" if member_doc else trailing
            name_start, name_end = regs[1]
            type_start, type_end = regs[2]
            mark_start, mark_end = regs[3]
            line_end = base + len(line) + 1 if k not in trailing_ends else self.line_end(k)
            field = FieldDecl(
                line[name_start:name_end], line[type_start:type_end],
                "required" if mark_start == -1 else "optional" if mark_end - mark_start == 1 else "list",
                field_attributes, member_doc, source, base + name_start,
                line_end if line_end < text_length else text_length,
                base + name_end, base + type_start, base + (mark_end if mark_start != -1 else type_end),
            )
            if composite:
                self.composite_field_attributes(field)
            members.append(field)
        return members, attributes

    def field_attributes(self, rest: str, at: int, remember: bool = True) -> tuple[list, str | None] | None:
        """The attributes after a field's type (and a trailing ``///`` comment), first read of
        this text in the file (kept for the next lines with the same text when ``remember``);
        None when they do not read as attributes."""
        attributes = _simple_attributes(rest, at, self.source)
        if attributes is not None:
            if remember:
                self.tails[rest] = (at, attributes, None)
            return attributes, None
        lp = self.line
        errors = len(self.diagnostics)
        lp.start(rest, at)
        attributes = lp.attributes()
        if attributes is None:
            return None
        trailing = lp.trailing_doc()
        if remember and len(self.diagnostics) == errors:
            self.tails[rest] = (at, attributes, trailing)
        return attributes, trailing

    def block_attribute(self, line: str, k: int, attributes: list, invalid: str) -> None:
        """An ``@@attribute`` line, added to ``attributes``; else an ``invalid`` line error."""
        base = self.offsets[k]
        block_lines = self.block_lines
        seen = block_lines.get(line)
        if seen is not None:
            attributes.append(_moved_attributes(seen[1], base - seen[0])[0])
            return
        attribute = _simple_block_attribute(line, base, self.source)
        if attribute is not None:
            attributes.append(attribute)
            block_lines[line] = (base, [attribute])
            return
        lp = self.line
        lp.start(line, base)
        if lp.kind() == "ATAT":
            errors = len(self.diagnostics)
            attribute = lp.attribute()
            if attribute is not None and lp.kind() in ("NL", "COMMENT", "DOC"):
                attribute._end = base + _content_end(line)
                attributes.append(attribute)
                if len(self.diagnostics) == errors:
                    block_lines[line] = (base, [attribute])
                return
        self.line_error(invalid, k)

    def enum_members(self, n: int, close: int) -> tuple[list, list]:
        """The values and ``@@`` attributes of an enum between lines ``n`` and ``close``."""
        members: list = []
        attributes: list[Attribute] = []
        docs: list[str] = []
        source = self.source
        for k in range(n + 1, close):
            line = self.lines[k]
            if self.member_doc(k, line, docs):
                continue
            if k in self.inline_docs:
                docs.append(self.inline_docs[k])
            if k in self.trailing_docs:
                docs.append(self.trailing_docs[k])
            member_doc = "\n".join(docs) if docs else None
            docs = []
            base = self.offsets[k]
            simple = _ENUM_VALUE.match(line)
            if simple is not None:  # a name and simple attributes (or none): no tokens needed
                rest_at = simple.end()
                value_attributes = (
                    [] if rest_at == len(line) else _simple_attributes(line[rest_at:], base + rest_at, source)
                )
                if value_attributes is not None:
                    start = base + simple.start(1)
                    members.append(EnumValueDecl(
                        simple[1], value_attributes, member_doc,
                        Span(source, start, self.line_end(k)),
                        Span(source, start, base + simple.end(1)),
                    ))
                    continue
            if line.lstrip()[0] == "@":
                self.block_attribute(line, k, attributes, INVALID_ENUM_LINE)
                continue
            lp = self.line
            lp.start(line, base)
            if lp.kind() == "IDENT":
                value = self.enum_value(k, member_doc)
                if value is not None:
                    members.append(value)
                    continue
            self.line_error(INVALID_ENUM_LINE, k)
        return members, attributes

    def composite_field_attributes(self, field: FieldDecl) -> None:
        """``@relation``, ``@unique`` and ``@id`` have no meaning in a composite type: a syntax error in Prisma."""
        for attribute in field.attributes:
            if attribute.name in ("relation", "unique", "id"):
                self.diagnostics.append(Diagnostic(
                    f"Error validating: Defining `@{attribute.name}` attribute for a field in a composite type is not allowed.",
                    self.source, field.span.start, field.span.end,
                ))

    def unusual_field(self, line: str, base: int, k: int, doc: str | None, model: str, keyword: str) -> FieldDecl | None:
        """A member line that is not of the common ``name Type? @attributes`` shape: an
        ``Unsupported("...")`` field, or one of the invalid lines Prisma reports."""
        optional_list = _OPTIONAL_LIST.match(line)
        if optional_list is not None:
            self.diagnostics.append(Diagnostic(
                OPTIONAL_LIST, self.source, base + optional_list.start(1), base + optional_list.end(1),
            ))
            return None
        colon = _LEGACY_COLON.match(line)
        if colon is not None and self.declares_field(line[:colon.start(1)] + " " + line[colon.end(1):], base):
            # `name: Type`: Prisma names the colon, and the field is dropped
            self.diagnostics.append(Diagnostic(LEGACY_COLON, self.source, base + colon.start(1), base + colon.end(1)))
            return None
        lp = self.line
        lp.start(line, base)
        if lp.kind() == "IDENT" and lp.kind(1) != "IDENT" and self.declares_field(line, base):
            self.line_error(INVALID_FIELD.format(keyword=keyword, model=model), k)  # a name and attributes, no type
            return None
        if not (lp.kind() == "IDENT" and lp.kind(1) == "IDENT" and lp.toks[lp.i + 1][1] == "Unsupported"):
            self.line_error(INVALID_MODEL_LINE, k)
            return None
        return self.unsupported_field(k, doc)

    def reads_as_a_line(self, text: str, at: int) -> bool:
        """Whether ``text`` reads as a whole member line of the block around offset ``at`` (at
        the top level only headers do): ``key = value`` in a datasource or generator, else a
        field (a value in an enum) or an ``@@attribute``. Nothing is kept, and no diagnostic."""
        keyword = _enclosing_keyword(self.source.text, at)
        if keyword is None:
            return False
        lp = self.line
        lp.start(text, 0)
        errors = len(self.diagnostics)
        if keyword in CONFIG_KEYWORDS:
            if not (lp.kind() == "IDENT" and lp.kind(1) == "="):
                return False
            lp.i = 2
            readable = lp.expression() is not None and lp.kind() == "NL"
        elif lp.kind() == "ATAT":
            readable = lp.attribute() is not None and lp.kind() == "NL"
        elif keyword == "enum":
            readable = lp.kind() == "IDENT" and (lp.kind(1) == "NL" or lp.kind(1) == "@" and self.declares_field(text, 0))
        else:
            readable = lp.kind() == "IDENT" and (lp.toks[1][1] == "Unsupported" or self.declares_field(text, 0))
        del self.diagnostics[errors:]
        return readable

    def declares_field(self, text: str, base: int) -> bool:
        """Whether ``text`` reads as ``name Type? @attributes // comment``, the type optional
        (nothing is kept, and no diagnostic). Leaves the line parser on ``text``'s tokens."""
        lp = self.line
        lp.start(text, base)
        if lp.kind() != "IDENT":
            return False
        lp.i = 1
        if lp.kind() == "IDENT":
            lp.i = 2
            if lp.kind() == "?":
                lp.i = 3
            elif lp.kind() == "[" and lp.kind(1) == "]":
                lp.i = 4
        errors = len(self.diagnostics)
        readable = lp.attributes() is not None
        del self.diagnostics[errors:]
        lp.i = 0
        return readable

    def unsupported_field(self, k: int, doc: str | None) -> FieldDecl | None:
        """``name Unsupported("type")?``: the one field type with an argument."""
        lp = self.line
        toks = lp.toks
        if not (lp.kind(2) == "(" and lp.kind(3) == "STRING" and lp.kind(4) == ")"):
            self.line_error(INVALID_MODEL_LINE, k)
            return None
        name, type_tok = toks[0], toks[1]
        unsupported = unescape(toks[3][1][1:-1])[0]
        type_end = toks[4][3]
        lp.i = 5
        arity = "required"
        if lp.kind() == "?":
            arity, type_end = "optional", toks[5][3]
            lp.i = 6
        elif lp.kind() == "[" and lp.kind(1) == "]":
            arity, type_end = "list", toks[6][3]
            lp.i = 7
        attributes = lp.attributes()
        if attributes is None:
            self.line_error(INVALID_MODEL_LINE, k)
            return None
        return FieldDecl(
            name[1], "Unsupported", arity, attributes, doc, self.source, name[2], self.line_end(k), name[3],
            type_tok[2], type_end, unsupported,
        )

    def enum_value(self, k: int, doc: str | None) -> EnumValueDecl | None:
        lp = self.line
        name = lp.toks[0]
        lp.i = 1
        attributes = lp.attributes()
        if attributes is None:
            return None
        trailing = lp.trailing_doc()
        if trailing is not None:
            doc = f"{doc}\n{trailing}" if doc else trailing
        return EnumValueDecl(name[1], attributes, doc, self.span(name[2], self.line_end(k)), self.span(name[2], name[3]))

    # -- datasource and generator -----------------------------------------------------------
    def config_block(self, header, n: int, close: int, doc: str | None) -> ConfigBlock:
        keyword = header[1]
        properties = []
        lp = self.line
        for k in range(n + 1, close):
            line = self.lines[k]
            stripped = line.strip()
            if not stripped or stripped.startswith("//"):
                continue
            lp.start(line, self.offsets[k])
            if lp.kind() == "IDENT" and lp.kind(1) == "=":
                name = lp.toks[0]
                lp.i = 2
                empty = lp.kind() in ("NL", "COMMENT", "DOC")
                value = None if empty else lp.expression()
                if (empty or value is not None) and lp.kind() in ("NL", "COMMENT", "DOC"):
                    end = lp.last_end()
                    properties.append(Property(name[1], value, self.span(name[2], end), self.span(name[2], name[3])))
                    continue
            self.line_error(INVALID_CONFIG_LINE.format(keyword=keyword), k)
        whole, name_span = self.header_spans(header, n, close)
        return ConfigBlock(keyword, header[2], properties, doc, whole, name_span)


def parse_file(source: SourceFile) -> SchemaFileAst:
    """Parse one schema file. Syntax errors are in the result's ``diagnostics``."""
    return _Parser(source).parse()
