"""Diagnostics and the errors relviz raises, printed the way Prisma prints them.

Exception tree::

    RelvizError                 every error relviz raises on purpose
    ├── SchemaError             a schema Prisma would reject; carries every Diagnostic
    └── UsageError              a call or command given something it cannot use (bad path, unknown option)

A :class:`Diagnostic` is one error or warning at one place in one schema file. Its text is
Prisma's own wording, and :meth:`Diagnostic.pretty` draws it with the source lines exactly
as ``prisma validate`` does.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["Diagnostic", "RelvizError", "SchemaError", "SourceFile", "UsageError", "format_diagnostics"]


class SourceFile:
    """The text of one schema file, with a table of line starts for positions."""

    __slots__ = ("name", "text", "_line_starts")

    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        self._line_starts: list[int] | None = None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self._line_starts = starts
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def byte_offset(self, offset: int) -> int:
        """The UTF-8 byte offset of a character offset."""
        return len(self.text[:offset].encode("utf-8"))

    def utf16_offset(self, offset: int) -> int:
        """The UTF-16 code unit offset of a character offset (JavaScript string positions, as Prisma's lint reports)."""
        head = self.text[:offset]
        return offset if head.isascii() else len(head.encode("utf-16-le")) // 2

    def __repr__(self) -> str:
        return f"SourceFile({self.name!r})"


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning: Prisma's message and the span it points at."""

    message: str
    file: SourceFile = field(repr=False)
    start: int
    end: int
    is_warning: bool = False

    @property
    def filename(self) -> str:
        return self.file.name

    @property
    def line(self) -> int:
        return self.file.line_col(self.start)[0]

    @property
    def column(self) -> int:
        return self.file.line_col(self.start)[1]

    @property
    def location(self) -> str:
        """``file:line:column``, for people and editors."""
        return f"{self.file.name}:{self.line}:{self.column}"

    def pretty(self) -> str:
        """The diagnostic as Prisma prints it: title, ``-->  file:line`` and the source lines."""
        return _pretty_print(self.file, self.start, self.end, self.message, "warning" if self.is_warning else "error")

    def to_lint(self) -> dict:
        """The diagnostic as Prisma's ``lint`` reports it (offsets in UTF-16 code units, as JavaScript counts)."""
        return {
            "file_name": self.file.name,
            "start": self.file.utf16_offset(self.start),
            "end": self.file.utf16_offset(self.end),
            "text": self.message,
            "is_warning": self.is_warning,
        }

    def __str__(self) -> str:
        return f"{self.location}: {'warning' if self.is_warning else 'error'}: {self.message}"


def _line_number(n: int) -> str:
    return f"{n:2} | " if n > 0 else "   | "


def _pretty_print(source: SourceFile, start: int, end: int, message: str, title: str) -> str:
    text = source.text
    start_line = text.count("\n", 0, start)
    end_line = text.count("\n", 0, end)
    lines = text.split("\n")

    def numbered(n: int) -> str:
        return _line_number(n) + lines[n - 1] if 0 < n <= len(lines) else _line_number(n)

    out = [f"{title}: {message}", f"  -->  {source.name}:{start_line + 1}", _line_number(0)]
    out.append(numbered(start_line))
    out.append(_line_number(start_line + 1) + lines[start_line])
    out.extend(numbered(n) for n in range(start_line + 2, end_line + 2))
    out.append(_line_number(0))
    return "\n".join(out) + "\n"


def format_diagnostics(diagnostics) -> str:
    """Errors as ``prisma validate`` prints them, ending with the error count."""
    errors = [d for d in diagnostics if not d.is_warning]
    return "".join(d.pretty() for d in errors) + f"\nValidation Error Count: {len(errors)}"


class RelvizError(Exception):
    """Every error relviz raises on purpose."""


class UsageError(RelvizError):
    """A call or command was given something it cannot use; the message says what to do."""


class SchemaError(RelvizError):
    """The schema is invalid; ``diagnostics`` holds every error (and warning) Prisma would report."""

    def __init__(self, diagnostics):
        self.diagnostics = tuple(diagnostics)
        super().__init__(format_diagnostics(self.diagnostics))

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_warning)

    def _repr_markdown_(self) -> str:
        return "```\n" + str(self) + "\n```"
