"""Run a list of operations (``{"model", "action", "args"}``) on a fresh database, as the Prisma oracle's ``query`` does."""

from __future__ import annotations

import json

from relviz.client.errors import PrismaClientError
from relviz.client.values import plain

__all__ = ["dumps", "run_operations"]


def _message(e: PrismaClientError) -> str:
    """As the oracle prints it: the last three lines of Prisma's message, joined by spaces.

    Prisma's message ends with a blank line and the sentence, after the code frame of the call
    (known request errors) or after the printed arguments, whose last line is ``}`` (validation).
    """
    before = "}" if e.code is None else ""
    return " ".join(([before, ""] + e.prisma_message.strip().split("\n"))[-3:])


def run_operations(schema, operations, *, con=None) -> list:
    """One JSON-ready result per operation; a failed one gives ``{"error": message, "code": code}`` and the run goes on."""
    from relviz.client.client import Client
    from relviz.db.database import connect

    client = Client(schema, con if con is not None else connect(schema))
    results = []
    for op in operations:
        try:
            delegate = client._delegates.get(op.get("model"))
            if delegate is None:
                raise KeyError(f"unknown model accessor {op.get('model')!r}")
            method = getattr(type(delegate), op.get("action", ""), None)
            if method is None or op.get("action", "").startswith("_"):
                raise KeyError(f"unknown action {op.get('action')!r}")
            results.append(plain(method(delegate, op.get("args") or {})))
        except PrismaClientError as e:
            results.append({"error": _message(e), "code": e.code})
        except KeyError as e:
            results.append({"error": str(e).strip("'\""), "code": None})
    return results


def dumps(results) -> str:
    """JSON as ``JSON.stringify(results, null, 2)`` writes it."""
    return json.dumps(results, indent=2, ensure_ascii=False)
