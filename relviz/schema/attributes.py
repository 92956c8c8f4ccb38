"""Reading attribute arguments: positional and named, with the spans Prisma points at."""

from __future__ import annotations

from relviz.syntax.nodes import ArrayValue, Attribute, ConstantValue, FunctionCall, StringValue

__all__ = ["Arguments", "field_refs", "string_arg"]


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


def field_refs(expression) -> list[tuple[str, dict, object]] | None:
    """``[a, b(sort: Desc)]`` as ``[(name, {arg: value}, node)]``; None when not a list of fields."""
    if expression is None:
        return None
    items = expression.items if isinstance(expression, ArrayValue) else [expression]
    refs = []
    for item in items:
        if isinstance(item, ConstantValue):
            refs.append((item.name, {}, item))
        elif isinstance(item, FunctionCall):
            refs.append((item.name, {a.name: a.value for a in item.arguments if a.name}, item))
        else:
            return None
    return refs
