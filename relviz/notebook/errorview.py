"""Prisma's errors as HTML: the message, ``file:line:column``, and the source with the bad line marked."""

from __future__ import annotations

import html

__all__ = ["error_summary", "errors_html", "errors_text", "notice_html", "warnings_html"]

_BOX = "font-family: var(--jp-code-font-family, monospace); font-size: 12px; margin: 4px 0 8px 0;"
_TITLE = "color: #b3261e; font-weight: 600;"
_WARNING_TITLE = "color: #8a5a00; font-weight: 600;"
_WHERE = "color: #666;"
_PRE = "margin: 2px 0 0 0; padding: 4px 6px; background: #f8f8f8; border-left: 3px solid #b3261e; white-space: pre; overflow-x: auto;"
_LINE = "background: #fde7e9; display: inline-block; min-width: 100%;"
_MARK = "background: #f6b3b9; color: inherit; text-decoration: underline wavy #b3261e;"
_NOTICE = {
    "info": "background: #eef4fb; border-left: 3px solid #2f6fb3; color: #1d3a5c;",
    "ok": "background: #edf7ee; border-left: 3px solid #2e7d32; color: #1b4620;",
    "warning": "background: #fff6e0; border-left: 3px solid #c98a00; color: #5c4100;",
    "error": "background: #fdecee; border-left: 3px solid #b3261e; color: #5c1410;",
}


def notice_html(text: str, *, kind: str = "info", html_text: bool = False) -> str:
    """A one-line coloured box (``kind``: info, ok, warning, error) holding ``text``."""
    body = text if html_text else html.escape(text)
    style = _NOTICE.get(kind, _NOTICE["info"])
    return f'<div class="relviz-notice relviz-{kind}" style="{style} padding: 4px 8px; margin: 2px 0; font-size: 13px;">{body}</div>'


def _errors(diagnostics) -> list:
    return [d for d in diagnostics if not d.is_warning]


def error_summary(diagnostics) -> str:
    """``2 errors: line 20: Type "Pst" is neither...`` (first error only)."""
    errors = _errors(diagnostics)
    if not errors:
        return "no errors"
    first = errors[0]
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    return f"{count}; line {first.line}: {first.message}"


def errors_text(diagnostics) -> str:
    """Exactly what ``prisma validate`` prints."""
    from relviz.errors import format_diagnostics

    return format_diagnostics(diagnostics)


def _source_lines(diagnostic, context: int = 1) -> str:
    text = diagnostic.file.text
    lines = text.split("\n")
    first = text.count("\n", 0, diagnostic.start)  # 0-based
    last = text.count("\n", 0, max(diagnostic.start, diagnostic.end - 1))
    out = []
    for n in range(max(0, first - context), min(len(lines), last + context + 1)):
        out.append(_numbered(diagnostic, lines, n, first <= n <= last))
    return "\n".join(out)


def _numbered(diagnostic, lines, n: int, bad: bool) -> str:
    number = f"{n + 1:>3} | "
    line = lines[n]
    if not bad:
        return html.escape(number + line)
    line_start = sum(len(s) + 1 for s in lines[:n])
    a = max(0, diagnostic.start - line_start)
    b = min(len(line), diagnostic.end - line_start)
    if b <= a:  # an empty span (a missing token): mark the whole line
        marked = html.escape(line)
    else:
        marked = html.escape(line[:a]) + f'<mark style="{_MARK}">' + html.escape(line[a:b]) + "</mark>" + html.escape(line[b:])
    return f'<span class="relviz-bad-line" style="{_LINE}">{html.escape(number)}{marked}</span>'


def _one_html(diagnostic) -> str:
    kind = "warning" if diagnostic.is_warning else "error"
    title_style = _WARNING_TITLE if diagnostic.is_warning else _TITLE
    title = f'<div style="{title_style}">{kind}: {html.escape(diagnostic.message)}</div>'
    where = f'<div style="{_WHERE}">  --&gt;  {html.escape(diagnostic.location)}</div>'
    return f'<div class="relviz-{kind}">{title}{where}<pre style="{_PRE}">{_source_lines(diagnostic)}</pre></div>'


def warnings_html(diagnostics, *, limit: int = 10) -> str:
    """Prisma's warnings (a valid schema can have some), drawn like errors; ``""`` when none."""
    warnings = [d for d in diagnostics if d.is_warning]
    if not warnings:
        return ""
    parts = [_one_html(d) for d in warnings[:limit]]
    return f'<div class="relviz-warnings" style="{_BOX}">{"".join(parts)}</div>'


def errors_html(diagnostics, *, limit: int = 10) -> str:
    """Every error (up to ``limit``) with its source lines, the offending span marked."""
    errors = _errors(diagnostics)
    parts = [_one_html(d) for d in errors[:limit]]
    if len(errors) > limit:
        parts.append(f"<div>... and {len(errors) - limit} more</div>")
    count = f"Validation Error Count: {len(errors)}"
    return f'<div class="relviz-errors" style="{_BOX}">{"".join(parts)}<div style="{_WHERE}">{count}</div></div>'
