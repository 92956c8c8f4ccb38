"""The syntax tree of a Prisma schema file: what was written, where, before any meaning.

Every node has a ``span`` (character offsets into its file) and so knows its file, line and
column. Names here follow Prisma's ``schema-ast`` crate.
"""

from __future__ import annotations

from dataclasses import dataclass, field as _field, fields

from relviz.errors import SourceFile

__all__ = [
    "Span", "Expression", "StringValue", "NumericValue", "ConstantValue", "FunctionCall",
    "ArrayValue", "ObjectValue", "Argument", "Attribute", "FieldDecl", "EnumValueDecl", "Block", "ConfigBlock",
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


def _span(stored) -> Span:
    """A node's span from what it stores: a Span, or the parser's ``(file, start, end)``."""
    return Span(*stored) if stored.__class__ is tuple else stored


class _LazySpans:
    """Nodes made by the thousand whose spans are mostly never looked at: the parser gives them
    ``(file, start, end)`` tuples, and the ``Span`` is made when asked for (and kept)."""

    __slots__ = ()

    def __eq__(self, other) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(
            (_span(getattr(self, f.name)) == _span(getattr(other, f.name))) if f.name.startswith("_")
            else getattr(self, f.name) == getattr(other, f.name)
            for f in fields(self)  # type: ignore[arg-type]
        )

    __hash__ = None  # type: ignore[assignment]


def _lazy_span(stored_name: str) -> property:
    def get(self) -> Span:
        stored = getattr(self, stored_name)
        if stored.__class__ is tuple:
            stored = Span(*stored)
            setattr(self, stored_name, stored)
        return stored

    def put(self, value: Span) -> None:
        setattr(self, stored_name, value)

    return property(get, put)


class Expression(_LazySpans):
    """A value written in the schema: string, number, constant, function call or array."""

    __slots__ = ()
    span = _lazy_span("_span")


@dataclass(slots=True, repr=False, eq=False)
class StringValue(Expression):
    value: str
    _span: Span | tuple

    def __repr__(self) -> str:
        return repr(self.value)


@dataclass(slots=True, repr=False, eq=False)
class NumericValue(Expression):
    text: str
    _span: Span | tuple

    @property
    def value(self) -> int | float:
        return float(self.text) if "." in self.text else int(self.text)

    def __repr__(self) -> str:
        return self.text


@dataclass(slots=True, repr=False, eq=False)
class ConstantValue(Expression):
    """A bare name: ``true``, ``Cascade``, an enum value, a field name, ``db.VarChar``."""

    name: str
    _span: Span | tuple

    def __repr__(self) -> str:
        return self.name


@dataclass(slots=True, repr=False, eq=False)
class FunctionCall(Expression):
    name: str
    arguments: list[Argument]
    _span: Span | tuple

    def __repr__(self) -> str:
        return f"{self.name}({', '.join(map(repr, self.arguments))})"


@dataclass(slots=True, repr=False, eq=False)
class ArrayValue(Expression):
    items: list[Expression]
    _span: Span | tuple

    def __repr__(self) -> str:
        return f"[{', '.join(map(repr, self.items))}]"


@dataclass(slots=True, repr=False, eq=False)
class ObjectValue(Expression):
    """``{ key: value, ... }``: Prisma's grammar reads one, though no attribute takes it."""

    members: list[Argument]
    _span: Span | tuple

    def __repr__(self) -> str:
        return "{ " + ", ".join(map(repr, self.members)) + " }"


@dataclass(slots=True, repr=False, eq=False)
class Argument(_LazySpans):
    """``name: value``, a positional ``value``, or an empty ``name:`` (value None)."""

    name: str | None
    value: Expression | None
    _span: Span | tuple

    span = _lazy_span("_span")

    def __repr__(self) -> str:
        return f"{self.name}: {self.value!r}" if self.name else repr(self.value)


@dataclass(slots=True, repr=False, eq=False)
class Attribute(_LazySpans):
    """``@name(args)`` on a field or enum value, ``@@name(args)`` on a block."""

    name: str
    arguments: list[Argument]
    _span: Span | tuple
    _name_span: Span | tuple
    has_parentheses: bool = False
    trailing_comma: Span | None = None  # `@map("x",)`: Prisma reports the comma when the attribute is read

    span = _lazy_span("_span")
    name_span = _lazy_span("_name_span")

    def __repr__(self) -> str:
        return f"@{self.name}({', '.join(map(repr, self.arguments))})"


@dataclass(slots=True, repr=False, eq=False)
class FieldDecl(_LazySpans):
    """``name Type? @attr`` inside a model, view or composite type."""

    name: str
    type_name: str
    arity: str  # "required" | "optional" | "list"
    attributes: list[Attribute]
    documentation: str | None
    _span: Span | tuple
    _name_span: Span | tuple
    _type_span: Span | tuple
    unsupported: str | None = None

    span = _lazy_span("_span")
    name_span = _lazy_span("_name_span")
    type_span = _lazy_span("_type_span")

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
