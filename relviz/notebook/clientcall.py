"""A Prisma Client call typed as in TypeScript, run on the sample database: ``prisma.user.findMany({ include: { posts: true } })``.

The call is read, never evaluated: ``prisma.<model>.<action>(<object>)`` where the object is a
JavaScript (or Python) literal: bare or quoted keys, strings, numbers, ``true``/``false``/``null``,
arrays and nested objects. It runs with ``explain=True``, inside a transaction that is rolled
back, so a ``create`` or ``delete`` shows its SQL and result and changes nothing.
"""

from __future__ import annotations

import ast
import contextlib
import html
import io
import json
import re

from relviz.notebook.errorview import notice_html

__all__ = ["CallError", "client_html", "default_call", "read_call"]

_CALL = re.compile(r"^\s*(?:await\s+)?(?:(?:prisma|db|client)\s*\.\s*)?(\w+)\s*\.\s*(\w+)\s*\((.*)\)\s*;?\s*$", re.S)
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[A-Za-z_$][\w$]*|.', re.S)
_WORDS = {"true": "True", "false": "False", "null": "None", "undefined": "None"}
_PRE = "font-family: var(--jp-code-font-family, monospace); font-size: 12px; white-space: pre; overflow-x: auto; margin: 4px 0;"


class CallError(ValueError):
    """The text is not a Prisma Client call relviz can read; the message shows the expected form."""


def _python_literal(text: str) -> str:
    """JavaScript object literal -> Python literal: bare keys quoted, true/false/null renamed."""
    out = []
    tokens = _TOKEN.findall(text)
    for i, token in enumerate(tokens):
        if token[0].isalpha() or token[0] in "_$":
            following = next((t for t in tokens[i + 1:] if not t.isspace()), "")
            if following == ":":
                token = json.dumps(token)
            else:
                token = _WORDS.get(token, token)
        out.append(token)
    return "".join(out)


def read_call(text: str) -> tuple[str, str, dict]:
    """``(model accessor, action, arguments)`` from ``prisma.user.findMany({ ... })``."""
    m = _CALL.match(text)
    if not m:
        raise CallError("write a call like prisma.user.findMany({ include: { posts: true } })")
    accessor, action, args_text = m.groups()
    args_text = args_text.strip()
    if not args_text:
        return accessor, action, {}
    try:
        args = ast.literal_eval(_python_literal(args_text))
    except (ValueError, SyntaxError) as e:
        raise CallError(f"the argument of {action}() is not a literal object ({e.msg if hasattr(e, 'msg') else e}); "
                        "use strings, numbers, true/false/null, [...] and { key: value }") from None
    if not isinstance(args, dict):
        raise CallError(f"{action}() takes one object: {{ where: ..., include: ... }}")
    return accessor, action, args


def default_call(schema, key: str | None) -> str:
    """A call that follows relation field ``key`` (``"User.posts"``), or lists the first model."""
    if key:
        model, _, field = key.partition(".")
        return f"prisma.{model[:1].lower() + model[1:]}.findMany({{ include: {{ {field}: true }}, take: 3 }})"
    if schema.models:
        name = schema.models[0].name
        return f"prisma.{name[:1].lower() + name[1:]}.findMany({{ take: 3 }})"
    return ""


def _error_html(error) -> str:
    """Prisma Client's error message, its lines kept."""
    return notice_html(f'<pre style="{_PRE} white-space: pre-wrap;">{html.escape(str(error))}</pre>', kind="error", html_text=True)


def client_html(sample, text: str) -> str:
    """Run the call on ``sample`` (rolled back) and show its SQL and its result as JSON."""
    from relviz.notebook.panels import needs

    Client = needs("relviz.client", "Client", "Prisma Client calls")
    plain = needs("relviz.client", "plain", "Prisma Client calls")
    try:
        accessor, action, args = read_call(text)
    except CallError as e:
        return notice_html(str(e), kind="warning")
    PrismaClientError = needs("relviz.client", "PrismaClientError", "Prisma Client calls")
    cursor = sample.con.cursor()
    try:
        client = Client(sample.schema, cursor)
        if accessor not in client.models:
            return notice_html(f"there is no prisma.{accessor} (models: {', '.join(client.models)})", kind="warning")
        method = getattr(client[accessor], action, None)
        if method is None or action.startswith("_"):
            return notice_html(f"prisma.{accessor} has no action {action!r} (findMany, findFirst, findUnique, create, ...)",
                               kind="warning")
        with contextlib.redirect_stdout(io.StringIO()):  # explain=True also prints the SQL
            explanation = method(args, explain=True)
    except PrismaClientError as e:
        return _error_html(e)
    finally:
        cursor.close()
    sql = f'<pre class="relviz-sql" style="{_PRE}">{html.escape(explanation.sql)}</pre>' if explanation.statements else ""
    if explanation.error is not None:
        return sql + _error_html(explanation.error)
    result = json.dumps(plain(explanation.result), indent=2, ensure_ascii=False)
    return sql + f'<pre class="relviz-result" style="{_PRE}">{html.escape(result)}</pre>'
