"""Splits one line of schema text into tokens: one compiled regular expression, one pass."""

from __future__ import annotations

import re

__all__ = ["tokenize_line", "unescape"]

# One alternative per kind of token; the kind is told afterwards from the first character.
_PIECE = re.compile(
    r'[ \t]+|//[^\r\n]*|"(?:[^"\\\x00-\x1f]|\\[^\r\n])*"|"[^\r\n]*'
    r"|-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_-])|[A-Za-z0-9][A-Za-z0-9_-]*|@@|."
)
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\[^\r\n])*"')
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_IDENT_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_NEWLINE = ("NL", "", 0, 0)


def _kind(piece: str) -> str:
    c = piece[0]
    if c in _IDENT_START or c == "-":
        if (c == "-" or c.isdigit()) and _NUMBER.fullmatch(piece):
            return "NUMBER"
        return "IDENT" if c != "-" else "-"
    if c == '"':
        return "STRING" if _STRING.fullmatch(piece) else "BADSTRING"
    if c == "/" and piece.startswith("//"):
        return "DOC" if piece.startswith("///") else "COMMENT"
    if piece == "@@":
        return "ATAT"
    return c


# The same pieces, each with the blanks before it: ``(blanks, piece)``; blanks at the line's end
# match nothing, which is fine since they make no token.
_BLANKS_PIECE = re.compile(
    r'([ \t]*)(//[^\r\n]*|"(?:[^"\\\x00-\x1f]|\\[^\r\n])*"|"[^\r\n]*'
    r"|-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_-])|[A-Za-z0-9][A-Za-z0-9_-]*|@@|[^ \t\n])"
)
# The kind of a piece told by its first character alone, where that is enough; the others go to ``_kind``.
_FIRST = {c: "IDENT" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
_FIRST.update((c, c) for c in "()[]{},.:=?!#$%&'*+;<>\\^`|~")


def tokenize_line(line: str, base: int) -> list[tuple[str, str, int, int]]:
    """Tokens of one line (without its newline) as ``(kind, text, start, end)``; ``NL`` last.

    Offsets are ``base`` plus the position in the line. Punctuation's kind is its own text.
    """
    tokens: list[tuple] = []
    append = tokens.append
    first = _FIRST.get
    pos = base
    for blanks, piece in _BLANKS_PIECE.findall(line):
        start = pos + len(blanks)
        pos = start + len(piece)
        append((first(piece[0]) or _kind(piece), piece, start, pos))
    # Three end marks, so that a parser may look two tokens past the last without a bounds check.
    pos = base + len(line)
    end_mark = ("NL", "", pos, pos)
    tokens += (end_mark, end_mark, end_mark)
    return tokens


_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "r": "\r", "t": "\t", "0": "\0", "'": "'", "/": "/"}
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def unescape(body: str) -> tuple[str, int | None]:
    """The value of a string literal's body, and the offset of a bad escape (or None)."""
    if "\\" not in body:
        return body, None
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = body[i + 1] if i + 1 < n else ""
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt == "u" and _HEX4.fullmatch(body, i + 2, i + 6):
            out.append(chr(int(body[i + 2 : i + 6], 16)))
            i += 6
        else:
            return "".join(out), i
    return "".join(out), None
