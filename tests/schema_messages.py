"""Helpers for the rule tests: the messages relviz gives for a schema, errors and warnings apart."""

import relviz
from relviz.errors import SchemaError

__all__ = ["diagnostics_of", "errors_of", "warnings_of"]


def diagnostics_of(text: str):
    try:
        return relviz.parse(text, filename="schema.prisma").diagnostics
    except SchemaError as e:
        return e.diagnostics


def errors_of(text: str) -> list[str]:
    """Prisma's error messages for the schema, in Prisma's order ([] when valid)."""
    return [d.message for d in diagnostics_of(text) if not d.is_warning]


def warnings_of(text: str) -> list[str]:
    return [d.message for d in diagnostics_of(text) if d.is_warning]
