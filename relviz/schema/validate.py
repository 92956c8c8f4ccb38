"""Validation: Prisma's rules over the resolved schema, each adding diagnostics, never raising."""

from __future__ import annotations

__all__ = ["validate_schema"]


def validate_schema(ctx) -> None:
    """Run every rule, in Prisma's order."""
    from relviz.schema import rules

    for rule in rules.ALL:
        rule(ctx)
