"""The syntax tree of a Prisma schema file: what was written, where, before any meaning.

Every node has a ``span`` (character offsets into its file) and so knows its file, line and
column. Names here follow Prisma's ``schema-ast`` crate.

The nodes are plain classes with written ``__init__``s and ``__slots__``, so that mypyc can
compile them into native classes (see :mod:`relviz._compiled`); they compare by identity.
"""

from __future__ import annotations

from typing import Union

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

    def __eq__(self, other: object) -> bool:
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


# Nodes made by the thousand whose spans are mostly never looked at (expressions, arguments,
# attributes, fields) store the parser's ``(file, start, end)`` tuple, and make the ``Span``
# when first asked for it (and keep it).
StoredSpan = Union[Span, tuple]


def _span(stored: StoredSpan) -> Span:
    """A node's span from what it stores: a Span, or the parser's ``(file, start, end)``."""
    return Span(*stored) if isinstance(stored, tuple) else stored


class _Spanned:
    """A node that stores its span as the parser gave it."""

    __slots__ = ("_span",)

    def __init__(self, span: StoredSpan):
        self._span = span

    @property
    def span(self) -> Span:
        """Where the node stands."""
        self._span = span = _span(self._span)
        return span


class _Named(_Spanned):
    """A node with a name of its own, whose span is stored as the parser gave it too."""

    __slots__ = ("_name_span",)

    def __init__(self, span: StoredSpan, name_span: StoredSpan):
        self._span = span
        self._name_span = name_span

    @property
    def name_span(self) -> Span:
        """Where its name stands."""
        self._name_span = span = _span(self._name_span)
        return span


class Expression(_Spanned):
    """A value written in the schema: string, number, constant, function call, array or object."""

    __slots__ = ()


class StringValue(Expression):
    __slots__ = ("value",)

    def __init__(self, value: str, span: StoredSpan):
        self.value = value
        self._span = span

    def __repr__(self) -> str:
        return repr(self.value)


class NumericValue(Expression):
    __slots__ = ("text",)

    def __init__(self, text: str, span: StoredSpan):
        self.text = text
        self._span = span

    @property
    def value(self) -> int | float:
        return float(self.text) if "." in self.text else int(self.text)

    def __repr__(self) -> str:
        return self.text


class ConstantValue(Expression):
    """A bare name: ``true``, ``Cascade``, an enum value, a field name, ``db.VarChar``."""

    __slots__ = ("name",)

    def __init__(self, name: str, span: StoredSpan):
        self.name = name
        self._span = span

    def __repr__(self) -> str:
        return self.name


class FunctionCall(Expression):
    __slots__ = ("name", "arguments")

    def __init__(self, name: str, arguments: list[Argument], span: StoredSpan):
        self.name = name
        self.arguments = arguments
        self._span = span

    def __repr__(self) -> str:
        return f"{self.name}({', '.join(map(repr, self.arguments))})"


class ArrayValue(Expression):
    __slots__ = ("items",)

    def __init__(self, items: list[Expression], span: StoredSpan):
        self.items = items
        self._span = span

    def __repr__(self) -> str:
        return f"[{', '.join(map(repr, self.items))}]"


class ObjectValue(Expression):
    """``{ key: value, ... }``: Prisma's grammar reads one, though no attribute takes it."""

    __slots__ = ("members",)

    def __init__(self, members: list[Argument], span: StoredSpan):
        self.members = members
        self._span = span

    def __repr__(self) -> str:
        return "{ " + ", ".join(map(repr, self.members)) + " }"


class Argument(_Spanned):
    """``name: value``, a positional ``value``, or an empty ``name:`` (value None)."""

    __slots__ = ("name", "value")

    def __init__(self, name: str | None, value: Expression | None, span: StoredSpan):
        self.name = name
        self.value = value
        self._span = span

    def __repr__(self) -> str:
        return f"{self.name}: {self.value!r}" if self.name else repr(self.value)


class Attribute(_Named):
    """``@name(args)`` on a field or enum value, ``@@name(args)`` on a block."""

    __slots__ = ("name", "arguments", "has_parentheses", "trailing_comma")

    def __init__(
        self, name: str, arguments: list[Argument], span: StoredSpan, name_span: StoredSpan,
        has_parentheses: bool = False, trailing_comma: Span | None = None,
    ):
        self.name = name
        self.arguments = arguments
        self._span = span
        self._name_span = name_span
        self.has_parentheses = has_parentheses
        self.trailing_comma = trailing_comma  # `@map("x",)`: Prisma reports the comma when the attribute is read

    def __repr__(self) -> str:
        return f"@{self.name}({', '.join(map(repr, self.arguments))})"


class FieldDecl(_Named):
    """``name Type? @attr`` inside a model, view or composite type."""

    __slots__ = ("name", "type_name", "arity", "attributes", "documentation", "_type_span", "unsupported")

    def __init__(
        self, name: str, type_name: str, arity: str, attributes: list[Attribute], documentation: str | None,
        span: StoredSpan, name_span: StoredSpan, type_span: StoredSpan, unsupported: str | None = None,
    ):
        self.name = name
        self.type_name = type_name
        self.arity = arity  # "required" | "optional" | "list"
        self.attributes = attributes
        self.documentation = documentation
        self._span = span
        self._name_span = name_span
        self._type_span = type_span
        self.unsupported = unsupported

    @property
    def type_span(self) -> Span:
        """Where its type stands."""
        self._type_span = span = _span(self._type_span)
        return span

    def __repr__(self) -> str:
        mark = {"required": "", "optional": "?", "list": "[]"}[self.arity]
        return f"<field {self.name} {self.type_name}{mark}>"


class EnumValueDecl:
    __slots__ = ("name", "attributes", "documentation", "span", "name_span")

    def __init__(self, name: str, attributes: list[Attribute], documentation: str | None, span: Span, name_span: Span):
        self.name = name
        self.attributes = attributes
        self.documentation = documentation
        self.span = span
        self.name_span = name_span

    def __repr__(self) -> str:
        return f"<enum value {self.name}>"


class Block:
    """``model``, ``view``, ``type`` or ``enum``: a name, members and ``@@`` attributes."""

    __slots__ = ("keyword", "name", "fields", "attributes", "documentation", "span", "name_span")

    def __init__(
        self, keyword: str, name: str, fields: list, attributes: list[Attribute], documentation: str | None,
        span: Span, name_span: Span,
    ):
        self.keyword = keyword  # "model" | "view" | "type" | "enum"
        self.name = name
        self.fields = fields  # FieldDecl for models, views and types; EnumValueDecl for enums
        self.attributes = attributes
        self.documentation = documentation
        self.span = span
        self.name_span = name_span

    def __repr__(self) -> str:
        return f"<{self.keyword} {self.name}>"


class Property:
    """``key = value`` inside a datasource or generator."""

    __slots__ = ("name", "value", "span", "name_span")

    def __init__(self, name: str, value: Expression | None, span: Span, name_span: Span):
        self.name = name
        self.value = value
        self.span = span
        self.name_span = name_span

    def __repr__(self) -> str:
        return f"{self.name} = {self.value!r}"


class ConfigBlock:
    """``datasource`` or ``generator``."""

    __slots__ = ("keyword", "name", "properties", "documentation", "span", "name_span")

    def __init__(
        self, keyword: str, name: str, properties: list[Property], documentation: str | None, span: Span,
        name_span: Span,
    ):
        self.keyword = keyword  # "datasource" | "generator"
        self.name = name
        self.properties = properties
        self.documentation = documentation
        self.span = span
        self.name_span = name_span

    def __repr__(self) -> str:
        return f"<{self.keyword} {self.name}>"


class SchemaFileAst:
    """One parsed file: its top-level blocks in order, and the syntax errors met."""

    __slots__ = ("file", "tops", "diagnostics")

    def __init__(self, file: SourceFile):
        self.file = file
        self.tops: list = []
        self.diagnostics: list = []
