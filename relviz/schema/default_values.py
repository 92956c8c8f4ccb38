"""``@default`` as the attribute pass checks it: the value's kind against the field's type,
functions and their arguments, enum values, lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.attribute_args import map_arg
from relviz.schema.attributes import AttributeVisitor, render
from relviz.schema.model import CompositeType, DefaultValue, Field
from relviz.schema.resolve import python_value
from relviz.syntax.nodes import ArrayValue, Attribute, ConstantValue, FunctionCall, NumericValue, StringValue

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.resolve import Context

__all__ = ["field_default"]


_LITERAL_KIND: dict[str | None, type | tuple] = {
    "String": StringValue, "Json": StringValue, "Bytes": StringValue, "DateTime": StringValue,
    "Int": NumericValue, "BigInt": NumericValue, "Float": NumericValue, "Decimal": NumericValue,
}
_FUNCTION_TYPES = {
    "autoincrement": ("Int", "BigInt"), "sequence": ("Int", "BigInt"), "now": ("DateTime",),
    "uuid": ("String",), "cuid": ("String",), "nanoid": ("String",), "ulid": ("String",),
}


def field_default(ctx: Context, v: AttributeVisitor, field: Field, attribute: Attribute) -> None:
    """Read ``@default(...)`` into ``field.default`` and check it as Prisma does."""
    expr = v.default_arg("value")
    composite = isinstance(field.model, CompositeType)
    if not composite:
        db_name = map_arg(ctx, v)
    elif expr is not None:  # (no database name: a composite type's fields live inside a document)
        db_name = None
        if v.optional_arg("map") is not None:
            v.error("The `map` argument is not allowed on a composite type field.")
    if expr is None:
        return
    if isinstance(expr, FunctionCall):
        field.default = DefaultValue(expr.name, tuple(python_value(a.value) for a in expr.arguments), None, db_name, expr)
    else:
        field.default = DefaultValue(None, (), python_value(expr), db_name, expr)
    if composite and isinstance(expr, FunctionCall) and _composite_refuses(v, field, expr.name):
        return
    if field.kind == "scalar":
        _check_scalar_default(ctx, v, field, expr)
    elif field.kind == "enum":
        _check_enum_default(ctx, v, field, expr)
    elif field.kind == "unsupported" and not (isinstance(expr, FunctionCall) and expr.name == "dbgenerated"):
        v.error('Only @default(dbgenerated("...")) can be used for Unsupported types.')
    elif field.kind == "composite" and not (isinstance(expr, FunctionCall) and expr.name == "dbgenerated"):
        # (Prisma names the field's type as its container here)
        ctx.error(
            f"Error validating field `{field.name}` in composite type `{field.type_name}`: Defaults on fields of type "
            "composite are not supported. Please remove the `@default` attribute.",
            attribute.span,
        )


def _composite_refuses(v: AttributeVisitor, field: Field, function: str) -> bool:
    """The database makes no value inside a document: no ``dbgenerated()``, and no ``auto()`` or
    ``autoincrement()`` on a scalar field of a composite type. Reports and says so."""
    if function == "dbgenerated":
        v.error("Fields of composite types cannot have `dbgenerated()` as default.")
        return True
    if function in ("auto", "autoincrement") and field.kind == "scalar":
        v.error(f"The function `{function}()` is not supported on composite fields.")
        return True
    return False


_NO_ARGUMENT_FUNCTIONS = ("now", "autoincrement", "ulid", "auto")


def _check_scalar_default(ctx: Context, v: AttributeVisitor, field: Field, expr) -> None:
    scalar = field.scalar_type
    if isinstance(expr, FunctionCall):
        if expr.name in _NO_ARGUMENT_FUNCTIONS and expr.arguments:
            v.error(
                f"The `{expr.name}` function does not take any argument. Consider changing this default to `{expr.name}()`."
            )
            return
        allowed = _FUNCTION_TYPES.get(expr.name)
        if allowed is not None and scalar not in allowed:
            v.error(f"The function `{expr.name}()` cannot be used on fields of type `{scalar}`.")
            return
        _check_function_arguments(v, expr)
        return
    if field.is_list and not isinstance(expr, ArrayValue):
        v.error("The default value of a list field must be a list.")
        return
    if isinstance(expr, ArrayValue):
        if not field.is_list:
            v.error("The default value of a non-list field cannot be a list.")
            return
        for item in expr.items:
            if not _literal_matches(scalar, item):
                _literal_error(ctx, v, scalar, item)
                return
        return
    if not _literal_matches(scalar, expr):
        _literal_error(ctx, v, scalar, expr)


def _literal_error(ctx: Context, v: AttributeVisitor, scalar: str | None, expr) -> None:
    if scalar == "Boolean" and isinstance(expr, ConstantValue):  # a name, but neither true nor false
        ctx.error('Error parsing attribute "@default": A boolean literal must be `true` or `false`.', expr.span)
    else:
        v.error(f"Expected a {scalar} value, but found `{render(expr)}`.")


_VERSIONS = {"uuid": ("4", "7"), "cuid": ("1", "2")}


def _check_function_arguments(v: AttributeVisitor, call) -> None:
    """``uuid(4|7)``, ``cuid(1|2)``, ``nanoid(n)``, ``dbgenerated("...")``."""
    args = [a.value for a in call.arguments]
    name = call.name
    if name in _VERSIONS:
        if args and not (len(args) == 1 and isinstance(args[0], NumericValue) and args[0].text in _VERSIONS[name]):
            first, second = _VERSIONS[name]
            v.error(f"`{name}()` takes either no argument, or a single integer argument which is either {first} or {second}.")
    elif name == "nanoid":
        if args and not (len(args) == 1 and isinstance(args[0], NumericValue) and "." not in args[0].text):
            v.error("`nanoid()` takes a single Int argument.")
    elif name == "dbgenerated":
        if args and not (len(args) == 1 and isinstance(args[0], StringValue)):
            v.error("`dbgenerated()` takes a single String argument")


def _literal_matches(scalar: str | None, expr) -> bool:
    if scalar == "Boolean":
        return isinstance(expr, ConstantValue) and expr.name in ("true", "false")
    if scalar in ("Int", "BigInt"):
        return isinstance(expr, NumericValue)
    if scalar == "Decimal":
        return isinstance(expr, (NumericValue, StringValue))
    kind = _LITERAL_KIND.get(scalar)
    return kind is None or isinstance(expr, kind)


def _check_enum_default(ctx: Context, v: AttributeVisitor, field: Field, expr) -> None:
    if field.is_list and not isinstance(expr, (ArrayValue, FunctionCall)):
        v.error(f"Expected an enum value, but found `{render(expr)}`.")
        return
    items = expr.items if isinstance(expr, ArrayValue) and field.is_list else [expr]
    names = {value.name for value in field.enum.values}
    for item in items:
        if isinstance(item, ConstantValue):
            if item.name not in names:
                v.error(
                    f"The defined default value `{item.name}` is not a valid value of the enum specified for the field."
                )
                return
        elif not (isinstance(item, FunctionCall) and item.name == "dbgenerated"):  # (the one function an enum takes)
            v.error(f"Expected an enum value, but found `{render(item)}`.")
            return
