"""Reading attribute arguments: positional and named, with the spans Prisma points at.

:class:`AttributeVisitor` walks one attribute list (a field's or a block's) the way Prisma's
``parser-database`` does: each known attribute is *visited* by name, its arguments are taken
one by one, and whatever is left over is reported (``No such argument.``, ``Attribute not
known: "@x".``, ``Attribute "@id" can only be defined once.``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from relviz.syntax.nodes import (
    Argument, ArrayValue, Attribute, ConstantValue, Expression, FunctionCall, NumericValue, ObjectValue, StringValue,
)

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.resolve import Context

__all__ = ["Arguments", "AttributeVisitor", "coerce", "describe", "field_refs", "string_arg"]


class Arguments:
    """An attribute's arguments, looked up by name with positional fallback."""

    def __init__(self, attribute: Attribute):
        self.attribute = attribute
        self.positional = [a for a in attribute.arguments if a.name is None]
        self.named = {a.name: a for a in attribute.arguments if a.name is not None}

    def get(self, name: str, position: int | None = None):
        """The argument node called ``name``, or the positional one at ``position``."""
        if name in self.named:
            return self.named[name]
        if position is not None and position < len(self.positional):
            return self.positional[position]
        return None

    def value(self, name: str, position: int | None = None):
        arg = self.get(name, position)
        return arg.value if arg is not None else None


def string_arg(args: Arguments, name: str, position: int | None = None) -> str | None:
    value = args.value(name, position)
    return value.value if isinstance(value, StringValue) else None


def field_refs(expression) -> list[tuple[str, dict, Expression]] | None:
    """``[a, b(sort: Desc)]`` as ``[(name, {arg: value}, node)]``; None when not a list of fields."""
    if expression is None:
        return None
    items = expression.items if isinstance(expression, ArrayValue) else [expression]
    refs: list[tuple[str, dict, Expression]] = []
    for item in items:
        if isinstance(item, ConstantValue):
            refs.append((item.name, {}, item))
        elif isinstance(item, FunctionCall):
            refs.append((item.name, {a.name: a.value for a in item.arguments if a.name}, item))
        else:
            return None
    return refs


# -- coercion, with Prisma's messages ---------------------------------------------------------
_DESCRIPTION = {
    StringValue: "string", NumericValue: "numeric", ConstantValue: "literal", FunctionCall: "functional",
    ArrayValue: "array", ObjectValue: "object",
}


def describe(expr) -> str:
    """Prisma's word for the kind of value it received: ``string``, ``numeric``, ``literal``,
    ``functional``, ``array``, ``object`` (its ``describe_value_type``)."""
    return _DESCRIPTION.get(type(expr), "unknown")


def render(expr) -> str:
    """An expression written back as Prisma prints it in messages."""
    if isinstance(expr, StringValue):
        return '"' + expr.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(expr, NumericValue):
        return expr.text
    if isinstance(expr, ConstantValue):
        return expr.name
    if isinstance(expr, ArrayValue):
        return "[" + ", ".join(render(i) for i in expr.items) + "]"
    if isinstance(expr, FunctionCall):
        args = ", ".join((f"{a.name}: " if a.name else "") + (render(a.value) if a.value is not None else "") for a in expr.arguments)
        return f"{expr.name}({args})"
    if isinstance(expr, ObjectValue):  # (its lists without blanks, as Prisma prints them)
        return "{ " + ", ".join(f"{m.name}: {_render_in_object(m.value)}" for m in expr.members) + " }"
    return ""


def _render_in_object(expr) -> str:
    if isinstance(expr, ArrayValue):
        return "[" + ",".join(_render_in_object(i) for i in expr.items) + "]"
    return render(expr)


_COERCE = {"string": StringValue, "constant": ConstantValue, "numeric": NumericValue}


def coerce(ctx, expr, kind: str):
    """The Python value of ``expr`` if it is a ``kind`` ("string", "constant", "integer", "boolean"), else an error and None."""
    if kind == "string" and isinstance(expr, StringValue):
        return expr.value
    if kind == "constant" and isinstance(expr, ConstantValue):
        return expr.name
    if kind == "integer" and isinstance(expr, NumericValue) and "." not in expr.text:
        return int(expr.text)
    if kind == "boolean" and isinstance(expr, ConstantValue) and expr.name in ("true", "false"):
        return expr.name == "true"
    if expr is not None:
        kind = "numeric" if kind == "integer" else kind
        ctx.error(f"Expected a {kind} value, but received {describe(expr)} value `{render(expr)}`.", expr.span)
    return None


def coerce_array(ctx, expr, kind: str):
    """A list of ``kind`` values (a single value counts as a list of one), or None after an error."""
    items = expr.items if isinstance(expr, ArrayValue) else [expr]
    out = []
    for item in items:
        value = coerce(ctx, item, kind)
        if value is None:
            return None
        out.append(value)
    return out


class AttributeVisitor:
    """Prisma's attribute validation state machine over one attribute list."""

    __slots__ = ("ctx", "attributes", "prefix", "visited", "current", "args")

    def __init__(self, ctx: Context, attributes: list[Attribute], prefix: str = "@"):
        self.ctx = ctx
        self.attributes = attributes
        self.prefix = prefix
        # Bit i set: attribute i has been visited (or reported). An attribute list is short, so
        # each lookup scans it: cheaper than building tables per list.
        self.visited = 0
        self.current: Any = None  # the Attribute being read
        self.args: dict[str | None, Argument] = {}

    @property
    def all_visited(self) -> bool:
        """Whether every attribute of the list has been visited (or reported)."""
        return self.visited == (1 << len(self.attributes)) - 1

    # -- attributes -----------------------------------------------------------------------
    def single(self, name: str) -> Attribute | None:
        """An attribute that may appear once; both are reported when it appears twice."""
        found = -1
        twice = False
        for i, attribute in enumerate(self.attributes):
            if attribute.name == name:
                if found == -1:
                    found = i
                else:
                    twice = True
        if found == -1:
            return None
        if twice:
            for i, attribute in enumerate(self.attributes):
                if attribute.name == name:
                    self.ctx.error(f'Attribute "@{name}" can only be defined once.', attribute.span)
                    self.visited |= 1 << i
            return None
        self.visited |= 1 << found
        return self._start(self.attributes[found])

    def repeated(self, name: str):
        """Every usable occurrence of an attribute that may repeat (``@@index``)."""
        for i, attribute in enumerate(self.attributes):
            if attribute.name == name and not self.visited >> i & 1:
                self.visited |= 1 << i
                if self._start(attribute) is not None:
                    yield attribute

    def native_type(self) -> Attribute | None:
        """The ``@db.Type`` attribute; a second one is reported."""
        chosen = None
        for i, attribute in enumerate(self.attributes):
            if "." in attribute.name:
                self.visited |= 1 << i
                if chosen is not None:
                    self.ctx.error(f'Attribute "@{attribute.name.partition(".")[0]}" can only be defined once.', attribute.span)
                chosen = attribute
        return chosen

    def finish(self) -> None:
        """Report the attributes nobody visited."""
        if not self.all_visited:
            for i, attribute in enumerate(self.attributes):
                if not self.visited >> i & 1:
                    self.ctx.error(f'Attribute not known: "@{attribute.name}".', attribute.span)
            self.visited = (1 << len(self.attributes)) - 1

    # -- arguments ------------------------------------------------------------------------
    def _start(self, attribute: Attribute) -> Attribute | None:
        if attribute.trailing_comma is not None:
            return self._start_carefully(attribute)
        args = {}
        for arg in attribute.arguments:
            value = arg.value
            name = arg.name
            if value is None or name in args or (value.__class__ is FunctionCall and value.arguments):
                return self._start_carefully(attribute)
            args[name] = arg
        self.current = attribute
        self.args = args
        return attribute

    def _start_carefully(self, attribute: Attribute) -> Attribute | None:
        """``_start`` for arguments with something to report: missing values, repeated names."""
        ctx = self.ctx
        valid = True
        for arg in attribute.arguments:
            if arg.value is None and arg.name is not None:
                ctx.error(
                    f'Error parsing attribute "{self.prefix}{attribute.name}": The `{arg.name}` argument is missing a value.',
                    _name_span(arg),
                )
                valid = False
        for arg in attribute.arguments:
            if isinstance(arg.value, FunctionCall):
                for inner in arg.value.arguments:
                    if inner.value is None and inner.name is not None:
                        ctx.error(
                            f'Error parsing attribute "{self.prefix}{attribute.name}": The `{inner.name}` argument is missing a value.',
                            _name_span(inner),
                        )
                        valid = False
        if attribute.trailing_comma is not None:
            ctx.error(
                f'Error parsing attribute "{self.prefix}{attribute.name}": Trailing commas are not valid in attribute '
                "arguments, please remove the comma.",
                attribute.trailing_comma,
            )
        if not valid:
            return None
        self.current = attribute
        self.args = {}
        unnamed: list[str] = []
        for arg in attribute.arguments:
            if arg.name in self.args:
                if arg.name is None:
                    if not unnamed:
                        unnamed.append(render(self.args[None].value))
                    unnamed.append(render(arg.value))
                else:
                    ctx.error(f'Argument "{arg.name}" is already specified.', arg.span)
            self.args[arg.name] = arg
        if unnamed:
            self.error(
                "You provided multiple unnamed arguments. This is not possible. Did you forget the brackets? "
                f"Did you mean `[{', '.join(unnamed)}]`?"
            )
        return attribute

    def default_arg(self, name: str, report: bool = True, quiet: bool = False):
        """The argument called ``name`` or else the unnamed one; reports when missing (unless ``quiet``)."""
        named = _take(self.args, name)
        unnamed = _take(self.args, None)
        if named is not None and unnamed is not None:
            if not quiet:
                self.ctx.error(f'Argument "{name}" is already specified as unnamed argument.', named.span)
            return None
        arg = named or unnamed
        if arg is None:
            if report:
                self.ctx.error(f'Argument "{name}" is missing.', self.current.span)
            return None
        return arg.value

    def optional_arg(self, name: str):
        arg = _take(self.args, name)
        return arg.value if arg is not None else None

    def optional_argument(self, name: str):
        """The whole ``name: value`` argument node, or None."""
        return _take(self.args, name)

    def error(self, message: str) -> None:
        """An error about the current attribute: ``Error parsing attribute "@x": ...``."""
        self.ctx.error(f'Error parsing attribute "{self.prefix}{self.current.name}": {message}', self.current.span)

    def done(self) -> None:
        """Report the arguments nobody asked for."""
        if self.args:
            leftover = list(self.args.values())
            if _hash_order_reversed(self.current.span.file.name):
                leftover.reverse()
            for arg in leftover:
                self.ctx.error("No such argument.", arg.span)
        self.current = None
        self.args = {}

    def discard(self) -> None:
        self.current = None
        self.args = {}


def _take(args: dict[str | None, Argument], name: str | None) -> Argument | None:
    """``args.pop(name, None)``, in operations the compiled reader runs natively."""
    arg = args.get(name)
    if arg is not None:
        del args[name]
    return arg


def _hash_order_reversed(filename: str) -> bool:
    """Whether Prisma 7.10 lists two leftover arguments last first.

    Prisma keeps an attribute's arguments in a hash map, so the order of its "No such argument."
    errors is an accident of hashing; observed, it changes with the length of the file's name:
    declaration order for names up to 16 characters (``schema.prisma``), the reverse for longer
    ones. This mirrors that observation; it cannot be exact for three or more leftovers.
    """
    stem = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem[: -len(".prisma")] if stem.endswith(".prisma") else stem
    return len(stem) > 16


def _name_span(arg):
    from relviz.syntax.nodes import Span

    return Span(arg.span.file, arg.span.start, arg.span.start + len(arg.name))
