"""The syntax tree of a Prisma schema file: what was written, where, before any meaning.

Every node has a ``span`` (character offsets into its file) and so knows its file, line and
column. Names here follow Prisma's ``schema-ast`` crate.
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field

from relviz.errors import SourceFile

__all__ = [
    "Span", "Expression", "StringValue", "NumericValue", "ConstantValue", "FunctionCall",
    "ArrayValue", "Argument", "Attribute", "FieldDecl", "EnumValueDecl", "Block", "ConfigBlock",
    "Property", "SchemaFileAst",
]


class Span:
    """Where a node stands: a file and half-open character offsets ``[start, end)``."""

    __slots__ = ("file", "start", "end")

    def __init__(self, file: SourceFile, start: int, end: int):
        self.file = file
        self.start = start
        self.end = end

    def __eq__(self, other) -> bool:
        return isinstance(other, Span) and (self.file, self.start, self.end) == (other.file, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    @property
    def line(self) -> int:
        return self.file.line_col(self.start)[0]

    @property
    def column(self) -> int:
        return self.file.line_col(self.start)[1]

    def __repr__(self) -> str:
        return f"{self.file.name}:{self.line}:{self.column}"


class Expression:
    """A value written in the schema: string, number, constant, function call or array."""

    __slots__ = ()
    span: Span


@dataclass(slots=True, repr=False)
class StringValue(Expression):
    value: str
    span: Span

    def __repr__(self) -> str:
        return repr(self.value)


@dataclass(slots=True, repr=False)
class NumericValue(Expression):
    text: str
    span: Span

    @property
    def value(self) -> int | float:
        return float(self.text) if "." in self.text else int(self.text)

    def __repr__(self) -> str:
        return self.text


@dataclass(slots=True, repr=False)
class ConstantValue(Expression):
    """A bare name: ``true``, ``Cascade``, an enum value, a field name, ``db.VarChar``."""

    name: str
    span: Span

    def __repr__(self) -> str:
        return self.name


@dataclass(slots=True, repr=False)
class FunctionCall(Expression):
    name: str
    arguments: list[Argument]
    span: Span

    def __repr__(self) -> str:
        return f"{self.name}({', '.join(map(repr, self.arguments))})"


@dataclass(slots=True, repr=False)
class ArrayValue(Expression):
    items: list[Expression]
    span: Span

    def __repr__(self) -> str:
        return f"[{', '.join(map(repr, self.items))}]"


@dataclass(slots=True, repr=False)
class Argument:
    """``name: value``, a positional ``value``, or an empty ``name:`` (value None)."""

    name: str | None
    value: Expression | None
    span: Span

    def __repr__(self) -> str:
        return f"{self.name}: {self.value!r}" if self.name else repr(self.value)


@dataclass(slots=True, repr=False)
class Attribute:
    """``@name(args)`` on a field or enum value, ``@@name(args)`` on a block."""

    name: str
    arguments: list[Argument]
    span: Span
    name_span: Span
    has_parentheses: bool = False

    def __repr__(self) -> str:
        return f"@{self.name}({', '.join(map(repr, self.arguments))})"


@dataclass(slots=True, repr=False)
class FieldDecl:
    """``name Type? @attr`` inside a model, view or composite type."""

    name: str
    type_name: str
    arity: str  # "required" | "optional" | "list"
    attributes: list[Attribute]
    documentation: str | None
    span: Span
    name_span: Span
    type_span: Span
    unsupported: str | None = None

    def __repr__(self) -> str:
        mark = {"required": "", "optional": "?", "list": "[]"}[self.arity]
        return f"<field {self.name} {self.type_name}{mark}>"


@dataclass(slots=True, repr=False)
class EnumValueDecl:
    name: str
    attributes: list[Attribute]
    documentation: str | None
    span: Span
    name_span: Span

    def __repr__(self) -> str:
        return f"<enum value {self.name}>"


@dataclass(slots=True, repr=False)
class Block:
    """``model``, ``view``, ``type`` or ``enum``: a name, members and ``@@`` attributes."""

    keyword: str  # "model" | "view" | "type" | "enum"
    name: str
    fields: list  # FieldDecl for models, views and types; EnumValueDecl for enums
    attributes: list[Attribute]
    documentation: str | None
    span: Span
    name_span: Span

    def __repr__(self) -> str:
        return f"<{self.keyword} {self.name}>"


@dataclass(slots=True, repr=False)
class Property:
    """``key = value`` inside a datasource or generator."""

    name: str
    value: Expression | None
    span: Span
    name_span: Span

    def __repr__(self) -> str:
        return f"{self.name} = {self.value!r}"


@dataclass(slots=True, repr=False)
class ConfigBlock:
    """``datasource`` or ``generator``."""

    keyword: str  # "datasource" | "generator"
    name: str
    properties: list[Property]
    documentation: str | None
    span: Span
    name_span: Span

    def __repr__(self) -> str:
        return f"<{self.keyword} {self.name}>"


@dataclass(slots=True)
class SchemaFileAst:
    """One parsed file: its top-level blocks in order, and the syntax errors met."""

    file: SourceFile
    tops: list = _field(default_factory=list)
    diagnostics: list = _field(default_factory=list)
