"""Prisma's argument names and what it says about unknown ones: options in Prisma's order, "Did you mean".

Prisma suggests the first option at the smallest edit distance (Levenshtein), if that distance is
at most 3: ``Unknown argument `nick`. Did you mean `name`? Available options are marked with ?.``
"""

from __future__ import annotations

from relviz.client.errors import validation

__all__ = ["filter_options", "suggestion", "unknown_argument", "where_options"]


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (for Prisma's "Did you mean" suggestions)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def suggestion(name: str, options) -> str | None:
    """Prisma's suggestion: the first option at the smallest edit distance, if that is at most 3."""
    best, found = 4, None
    for option in options:
        d = _distance(name, option)
        if d < best:
            best, found = d, option
    return found


def unknown_argument(name: str, options=()):
    """Prisma's validation error for an argument that is not one of ``options`` (with "Did you mean")."""
    hint = suggestion(name, options)
    did_you_mean = f" Did you mean `{hint}`?" if hint else ""
    return validation(f"Unknown argument `{name}`.{did_you_mean} Available options are marked with ?.")


def where_options(info) -> list[str]:
    """The fields of ``<Model>WhereInput``, in Prisma's order."""
    return ["AND", "OR", "NOT"] + [f.name for f in info.model.fields if f.name in info.scalar_by_name or f.name in info.links]


def filter_options(ctx, field) -> list[str]:
    """The fields of a scalar field's filter type (``StringFilter``...), in Prisma's order."""
    if field.is_list:
        return ["equals", "has", "hasEvery", "hasSome", "isEmpty"]
    t = "Enum" if field.kind == "enum" else field.scalar_type
    if t == "Boolean":
        return ["equals", "not"]
    if t == "Enum":
        return ["equals", "in", "notIn", "not"]
    if t == "Json":
        return ["equals", "path", "string_contains", "string_starts_with", "string_ends_with", "array_starts_with",
                "array_ends_with", "array_contains", "lt", "lte", "gt", "gte", "not"]
    options = ["equals", "in", "notIn", "lt", "lte", "gt", "gte"]
    if t == "String":
        options += ["contains", "startsWith", "endsWith"] + (["mode"] if ctx.si.has_mode else [])
    return options + ["not"]
