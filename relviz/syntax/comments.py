"""Block comments, ``/* ... */``, where Prisma's grammar takes them.

Prisma 7 reads a block comment as documentation, like ``///``: where a line starts (and the
line may go on after it: ``/* id */ id Int @id``), where a line ends (a trailing comment, over
several lines too), or standing alone. A comment with text both before and after it is no
comment to Prisma, and neither is a trailing one over several lines after text that is no line
of its block: Prisma skips that one line, and reads the lines below as the lines they are. A
``/*`` inside a string or a ``//`` comment starts nothing.

The parser reads the text with every comment it takes blanked out (newlines kept, so that
offsets and lines hold) and finds their documentation here, by line.
"""

from __future__ import annotations

import re
from typing import Callable

__all__ = ["BlockComments"]

# Strings and line comments first, so that a `/*` inside either is left alone.
_PIECE = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|/\*.*?\*/', re.S)


class BlockComments:
    """The block comments of one file's text.

    - ``text``: the text with the comments Prisma takes blanked out;
    - ``leading``: the last line of a comment standing alone -> its text;
    - ``inline``: the last line of a comment that a member or block follows on that line -> its text;
    - ``trailing``: the line a member ends with a comment on -> its text;
    - ``trailing_ends``: that line -> the comment's last line, when it runs over several;
    - ``covered``: every line a standalone comment spans.

    ``reads_as_a_line(text, offset)`` tells whether ``text`` reads as a whole line of the block
    around ``offset``: a trailing comment over several lines is one only after such a line.
    """

    __slots__ = ("text", "leading", "inline", "trailing", "trailing_ends", "covered")

    def __init__(self, text: str, reads_as_a_line: Callable[[str, int], bool]):
        self.leading: dict[int, str] = {}
        self.inline: dict[int, str] = {}
        self.trailing: dict[int, str] = {}
        self.trailing_ends: dict[int, int] = {}
        self.covered: set[int] = set()
        self.text = text if "/*" not in text else self._blank(text, reads_as_a_line)

    def _blank(self, text: str, reads_as_a_line) -> str:
        pieces = []
        last = pos = 0
        line, counted = 0, 0  # the line number at offset `counted`, kept as the scan goes on
        search = _PIECE.search
        while (m := search(text, pos)) is not None:
            body = m.group()
            start, pos = m.span()
            if body[0] != "/" or body[1] == "/":  # a string or a line comment
                continue
            line += text.count("\n", counted, start)
            counted = start
            if not self._takes(text, start, pos, line, reads_as_a_line):
                # No comment: Prisma skips the rest of this line and reads on from the next one.
                pos = text.find("\n", start) + 1 or len(text)
                continue
            pieces.append(text[last:start])
            pieces.append(re.sub(r"[^\n]", " ", body))
            last = pos
        pieces.append(text[last:])
        return "".join(pieces)

    def _takes(self, text: str, start: int, end: int, first_line: int, reads_as_a_line) -> bool:
        """Whether Prisma takes the comment ``text[start:end]`` (starting on ``first_line``) as one;
        if so, its documentation is noted."""
        last_line = first_line + text.count("\n", start, end)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        before = text[line_start:start].strip()
        if "{" in before:  # a block's header: its `{` takes the rest of the line, comment and all
            return False
        if before == "}":  # the end of a block: what follows starts anew
            before = ""
        after = text[end: line_end if line_end != -1 else len(text)].strip()
        doc = text[start + 2: end - 2].strip()
        if not before and not after:
            self.leading[last_line] = doc
            self.covered.update(range(first_line, last_line + 1))
        elif not after:
            if first_line != last_line:
                if not reads_as_a_line(before, line_start):
                    return False
                self.trailing_ends[first_line] = last_line
            self.trailing[first_line] = doc
        elif not before:
            self.inline[last_line] = doc
        else:
            return False
        return True
