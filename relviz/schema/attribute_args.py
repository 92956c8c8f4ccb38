"""The arguments attributes share (``map``, ``name``, ``length``, ``sort``, ``clustered``), read with Prisma's checks."""

from __future__ import annotations

from relviz.schema.attributes import AttributeVisitor, coerce
from relviz.schema.resolve import Context

__all__ = ["clustered_arg", "length_arg", "map_arg", "map_name", "name_arg", "sort_arg"]


def map_name(ctx: Context, v: AttributeVisitor) -> str | None:
    value = v.default_arg("name")
    if value is None:
        return None
    name = coerce(ctx, value, "string")
    if name == "":
        v.error("The `name` argument cannot be an empty string.")
        return None
    return name


def _nonempty_string_arg(ctx: Context, v: AttributeVisitor, argument: str) -> str | None:
    """The optional string argument ``argument``; an empty string is Prisma's error."""
    value = v.optional_arg(argument)
    if value is None:
        return None
    text = coerce(ctx, value, "string")
    if text == "":
        v.error(f"The `{argument}` argument cannot be an empty string.")
        return None
    return text


def map_arg(ctx: Context, v: AttributeVisitor) -> str | None:
    return _nonempty_string_arg(ctx, v, "map")


def length_arg(ctx: Context, v: AttributeVisitor) -> int | None:
    value = v.optional_arg("length")
    return coerce(ctx, value, "integer") if value is not None else None


def sort_arg(ctx: Context, v: AttributeVisitor) -> str | None:
    value = v.optional_arg("sort")
    if value is None:
        return None
    sort = coerce(ctx, value, "constant")
    if sort is not None and sort not in ("Asc", "Desc"):
        v.error(f"The `sort` argument can only be `Asc` or `Desc` you provided: {sort}.")
        return None
    return sort


def clustered_arg(ctx: Context, v: AttributeVisitor) -> bool | None:
    value = v.optional_arg("clustered")
    return coerce(ctx, value, "boolean") if value is not None else None


def name_arg(ctx: Context, v: AttributeVisitor) -> str | None:
    return _nonempty_string_arg(ctx, v, "name")
