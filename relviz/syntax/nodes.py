"""The syntax tree of a Prisma schema file: what was written, where, before any meaning.

Every node has a ``span`` (character offsets into its file) and so knows its file, line and
column. Names here follow Prisma's ``schema-ast`` crate.

The nodes are plain classes with written ``__init__``s and ``__slots__``, so that mypyc can
compile them into native classes (see :mod:`relviz._compiled`); they compare by identity.
A node holds only nodes, text and its file, never the model built from it, so it can never be
part of a reference cycle: ``acyclic`` tells mypyc to leave the nodes out of the cyclic garbage
collector's bookkeeping (a dropped tree is freed by reference counting alone).
"""

from __future__ import annotations

from mypy_extensions import mypyc_attr

from relviz.errors import SourceFile

__all__ = [
    "Span", "Expression", "StringValue", "NumericValue", "ConstantValue", "FunctionCall",
    "ArrayValue", "ObjectValue", "Argument", "Attribute", "FieldDecl", "EnumValueDecl", "Block", "ConfigBlock",
    "Property", "SchemaFileAst",
]


@mypyc_attr(acyclic=True)
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
# attributes, fields) keep their file and offsets, and make a ``Span`` when asked for one.


@mypyc_attr(acyclic=True)
class _Spanned:
    """A node that keeps where it stands as its file and offsets."""

    __slots__ = ("_file", "_start", "_end")
    # (Set by each node's own written __init__, with its other attributes.)
    _file: SourceFile
    _start: int
    _end: int

    @property
    def span(self) -> Span:
        """Where the node stands."""
        return Span(self._file, self._start, self._end)


@mypyc_attr(acyclic=True)
class _Named(_Spanned):
    """A node with a name of its own, kept as offsets too."""

    __slots__ = ("_name_start", "_name_end")
    _name_start: int
    _name_end: int

    @property
    def name_span(self) -> Span:
        """Where its name stands."""
        return Span(self._file, self._name_start, self._name_end)


@mypyc_attr(acyclic=True)
class Expression(_Spanned):
    """A value written in the schema: string, number, constant, function call, array or object."""

    __slots__ = ()


@mypyc_attr(acyclic=True)
class StringValue(Expression):
    __slots__ = ("value",)

    def __init__(self, value: str, file: SourceFile, start: int, end: int):
        self.value = value
        self._file = file
        self._start = start
        self._end = end

    def __repr__(self) -> str:
        return repr(self.value)


@mypyc_attr(acyclic=True)
class NumericValue(Expression):
    __slots__ = ("text",)

    def __init__(self, text: str, file: SourceFile, start: int, end: int):
        self.text = text
        self._file = file
        self._start = start
        self._end = end

    @property
    def value(self) -> int | float:
        return float(self.text) if "." in self.text else int(self.text)

    def __repr__(self) -> str:
        return self.text


@mypyc_attr(acyclic=True)
class ConstantValue(Expression):
    """A bare name: ``true``, ``Cascade``, an enum value, a field name, ``db.VarChar``."""

    __slots__ = ("name",)

    def __init__(self, name: str, file: SourceFile, start: int, end: int):
        self.name = name
        self._file = file
        self._start = start
        self._end = end

    def __repr__(self) -> str:
        return self.name


@mypyc_attr(acyclic=True)
class FunctionCall(Expression):
    __slots__ = ("name", "arguments")

    def __init__(self, name: str, arguments: list[Argument], file: SourceFile, start: int, end: int):
        self.name = name
        self.arguments = arguments
        self._file = file
        self._start = start
        self._end = end

    def __repr__(self) -> str:
        return f"{self.name}({', '.join(map(repr, self.arguments))})"


@mypyc_attr(acyclic=True)
class ArrayValue(Expression):
    __slots__ = ("items",)

    def __init__(self, items: list[Expression], file: SourceFile, start: int, end: int):
        self.items = items
        self._file = file
        self._start = start
        self._end = end

    def __repr__(self) -> str:
        return f"[{', '.join(map(repr, self.items))}]"


@mypyc_attr(acyclic=True)
class ObjectValue(Expression):
    """``{ key: value, ... }``: Prisma's grammar reads one, though no attribute takes it."""

    __slots__ = ("members",)

    def __init__(self, members: list[Argument], file: SourceFile, start: int, end: int):
        self.members = members
        self._file = file
        self._start = start
        self._end = end

    def __repr__(self) -> str:
        return "{ " + ", ".join(map(repr, self.members)) + " }"


@mypyc_attr(acyclic=True)
class Argument(_Spanned):
    """``name: value``, a positional ``value``, or an empty ``name:`` (value None)."""

    __slots__ = ("name", "value")

    def __init__(self, name: str | None, value: Expression | None, file: SourceFile, start: int, end: int):
        self.name = name
        self.value = value
        self._file = file
        self._start = start
        self._end = end

    def __repr__(self) -> str:
        return f"{self.name}: {self.value!r}" if self.name else repr(self.value)


@mypyc_attr(acyclic=True)
class Attribute(_Named):
    """``@name(args)`` on a field or enum value, ``@@name(args)`` on a block."""

    __slots__ = ("name", "arguments", "has_parentheses", "trailing_comma")

    def __init__(
        self, name: str, arguments: list[Argument], file: SourceFile, start: int, end: int, name_start: int,
        name_end: int, has_parentheses: bool = False, trailing_comma: Span | None = None,
    ):
        self.name = name
        self.arguments = arguments
        self._file = file
        self._start = start
        self._end = end
        self._name_start = name_start
        self._name_end = name_end
        self.has_parentheses = has_parentheses
        self.trailing_comma = trailing_comma  # `@map("x",)`: Prisma reports the comma when the attribute is read

    def __repr__(self) -> str:
        return f"@{self.name}({', '.join(map(repr, self.arguments))})"


@mypyc_attr(acyclic=True)
class FieldDecl(_Named):
    """``name Type? @attr`` inside a model, view or composite type."""

    __slots__ = ("name", "type_name", "arity", "attributes", "documentation", "_type_start", "_type_end", "unsupported")

    def __init__(
        self, name: str, type_name: str, arity: str, attributes: list[Attribute], documentation: str | None,
        file: SourceFile, start: int, end: int, name_end: int, type_start: int, type_end: int,
        unsupported: str | None = None,
    ):
        self.name = name
        self.type_name = type_name
        self.arity = arity  # "required" | "optional" | "list"
        self.attributes = attributes
        self.documentation = documentation
        self._file = file
        self._start = start
        self._end = end
        self._name_start = start  # (a field's declaration starts with its name)
        self._name_end = name_end
        self._type_start = type_start
        self._type_end = type_end
        self.unsupported = unsupported

    @property
    def type_span(self) -> Span:
        """Where its type stands."""
        return Span(self._file, self._type_start, self._type_end)

    def __repr__(self) -> str:
        mark = {"required": "", "optional": "?", "list": "[]"}[self.arity]
        return f"<field {self.name} {self.type_name}{mark}>"


@mypyc_attr(acyclic=True)
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


@mypyc_attr(acyclic=True)
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


@mypyc_attr(acyclic=True)
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


@mypyc_attr(acyclic=True)
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
        self.tops: list[Block | ConfigBlock] = []
        self.diagnostics: list = []
