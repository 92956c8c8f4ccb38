"""``@default`` strings that must parse: JSON for ``Json`` fields, RFC 3339 for ``DateTime``,
a decimal number for ``Decimal``, base64 for ``Bytes``; each item of a list default too.

The reasons in parentheses are the ones Prisma's parsers give (serde_json, chrono, bigdecimal,
base64).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from relviz.syntax.nodes import ArrayValue, StringValue

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field
    from relviz.schema.resolve import Context

__all__ = ["base64_error", "decimal_error", "default_value_parses", "json_error", "rfc3339_error"]


def default_value_parses(ctx: Context, field: Field) -> None:
    default = field.default
    if default is None:
        return
    expression = default.expression
    items = expression.items if isinstance(expression, ArrayValue) else (expression,)
    for item in items:
        if isinstance(item, StringValue):
            _string_parses(ctx, field.scalar_type, item)


def _string_parses(ctx: Context, scalar_type: str | None, value: StringValue) -> None:
    text = value.value
    if scalar_type == "Json":
        reason, what = json_error(text), 'attribute "@default": Parse error: "{}" is not a valid JSON string.'
    elif scalar_type == "DateTime":
        reason, what = rfc3339_error(text), 'attribute "@default": Parse error: "{}" is not a valid rfc3339 datetime string.'
    elif scalar_type == "Bytes":
        reason, what = base64_error(text), 'attribute "@default": Parse error: "{}" is not a valid base64 string.'
    elif scalar_type == "Decimal":  # (Prisma names the attribute without its `@` here)
        reason, what = decimal_error(text), 'attribute "default": Parse error: "{}" is not a valid decimal.'
    else:
        return
    if reason is not None:
        ctx.error(f"Error parsing {what.format(text)} ({reason})", value.span)


# -- base64, as Rust's base64 crate decodes it (standard alphabet, padded, canonical) -------------
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:([A-Za-z0-9+/]{2})==|([A-Za-z0-9+/]{3})=)?")
_BASE64_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def base64_error(text: str) -> str | None:
    """None for standard, padded base64 whose last character carries no stray bits, else the
    reason Prisma gives."""
    m = _BASE64.fullmatch(text)
    if m is not None:
        two, three = m[1], m[2]
        unused_bits = 0b1111 if two else 0b11 if three else 0
        if not unused_bits or not _BASE64_DIGITS.index((two or three)[-1]) & unused_bits:
            return None
    return "Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`"


# -- decimal numbers, with Rust's bigdecimal's messages -----------------------------------------
_EMPTY = "cannot parse integer from empty string"
_INVALID_DIGIT = "invalid digit found in string"


def decimal_error(text: str) -> str | None:
    """None for a number Rust's ``BigDecimal::from_str`` reads (``-1.5``, ``.5``, ``1e3``,
    ``1_000``), else its reason: the exponent is read first, as an i128, then the digits
    around the point as one big integer."""
    base, e, exponent = text.partition("e") if "e" in text.split("E", 1)[0] else text.partition("E")
    if e:
        reason = _i128_error(exponent[1:] if exponent.startswith("+") else exponent)
        if reason is not None:
            return reason
    if not base:
        return "Failed to parse empty string"
    lead, dot, trail = base.partition(".")
    return _bigint_error(lead + trail if dot else base)


def _i128_error(text: str) -> str | None:
    """Rust's ``i128::from_str``: a sign, then ASCII digits, within 128 bits."""
    if not text:
        return _EMPTY
    negative = text[0] == "-"
    digits = text[1:] if text[0] in "+-" else text
    if not digits:
        return _INVALID_DIGIT
    value = 0
    for ch in digits:
        if not ("0" <= ch <= "9"):
            return _INVALID_DIGIT
        value = value * 10 + ord(ch) - 48
        if negative and value > 2**127:
            return "number too small to fit in target type"
        if not negative and value > 2**127 - 1:
            return "number too large to fit in target type"
    return None


def _bigint_error(text: str) -> str | None:
    """num-bigint's ``BigInt::from_str_radix(text, 10)``: one sign, digits, underscores between."""
    if text.startswith("-") and not text.startswith("-+"):
        text = text[1:]
    if text.startswith("+") and not text.startswith("++"):
        text = text[1:]
    if not text:
        return _EMPTY
    if text[0] == "_" or any(not ("0" <= ch <= "9") for ch in text if ch != "_"):
        return _INVALID_DIGIT
    return None


# -- JSON, with serde_json's messages -----------------------------------------------------------
class _JsonError(Exception):
    def __init__(self, message: str, index: int):
        self.message, self.index = message, index


def json_error(text: str) -> str | None:
    """None for valid JSON, else serde_json's reason: ``expected value at line 1 column 1``."""
    try:
        _Json(text).document()
    except _JsonError as e:
        line = text.count("\n", 0, e.index) + 1
        start = text.rfind("\n", 0, e.index) + 1
        return f"{e.message} at line {line} column {e.index - start}"
    return None


class _Json:
    def __init__(self, text: str):
        self.text = text
        self.i = 0

    def fail(self, message: str, at_current: bool = True):
        # serde reports the position of the last character read: the offending one, or the end.
        raise _JsonError(message, self.i + 1 if at_current else self.i)

    def eof(self, what: str):
        raise _JsonError(f"EOF while parsing {what}", len(self.text))

    def peek(self):
        return self.text[self.i] if self.i < len(self.text) else None

    def blanks(self):
        while self.i < len(self.text) and self.text[self.i] in " \n\t\r":
            self.i += 1

    def document(self):
        self.value()
        self.blanks()
        if self.i < len(self.text):
            self.fail("trailing characters")

    def value(self):
        self.blanks()
        c = self.peek()
        if c is None:
            self.eof("a value")
        if c in "ntf":
            word = {"n": "null", "t": "true", "f": "false"}[c]
            for expected in word:
                got = self.peek()
                if got is None:
                    self.eof("a value")
                if got != expected:
                    self.fail("expected ident")
                self.i += 1
        elif c == "-" or c.isdigit():
            self.number()
        elif c == '"':
            self.i += 1
            self.string()
        elif c == "[":
            self.i += 1
            self.sequence("]", "a list", self.value)
        elif c == "{":
            self.i += 1
            self.sequence("}", "an object", self.member)
        else:
            self.fail("expected value")

    def digits(self) -> int:
        start = self.i
        while self.peek() is not None and self.peek() in "0123456789":
            self.i += 1
        return self.i - start

    def number(self):
        if self.peek() == "-":
            self.i += 1
        c = self.peek()
        if c is None:
            self.eof("a value")
        if c not in "0123456789":
            self.fail("invalid number")
        if c == "0":
            self.i += 1
            if self.peek() is not None and self.peek() in "0123456789":
                self.fail("invalid number")
        else:
            self.digits()
        if self.peek() == ".":
            self.i += 1
            if self.peek() is None:
                self.eof("a value")
            if not self.digits():
                self.fail("invalid number")
        if self.peek() in ("e", "E"):
            self.i += 1
            if self.peek() in ("+", "-"):
                self.i += 1
            if self.peek() is None:
                self.eof("a value")
            if not self.digits():
                self.fail("invalid number")

    def string(self):
        while True:
            c = self.peek()
            if c is None:
                self.eof("a string")
            if c == '"':
                self.i += 1
                return
            if ord(c) < 0x20:
                self.fail("control character (\\u0000-\\u001F) found while parsing a string")
            self.i += 1
            if c == "\\":
                e = self.peek()
                if e is None:
                    self.eof("a string")
                if e == "u":
                    for _ in range(4):
                        self.i += 1
                        h = self.peek()
                        if h is None:
                            self.eof("a string")
                        if h not in "0123456789abcdefABCDEF":
                            self.fail("invalid escape")
                elif e not in '"\\/bfnrt':
                    self.fail("invalid escape")
                self.i += 1

    def member(self):
        self.blanks()
        c = self.peek()
        if c is None:
            self.eof("an object")
        if c != '"':
            self.fail("key must be a string")
        self.i += 1
        self.string()
        self.blanks()
        c = self.peek()
        if c is None:
            self.eof("an object")
        if c != ":":
            self.fail("expected `:`")
        self.i += 1
        self.value()

    def sequence(self, close: str, what: str, item):
        self.blanks()
        if self.peek() is None:
            self.eof(what)
        if self.peek() == close:
            self.i += 1
            return
        while True:
            item()
            self.blanks()
            c = self.peek()
            if c is None:
                self.eof(what)
            if c == ",":
                self.i += 1
                self.blanks()
                if self.peek() == close:
                    self.fail("trailing comma")
                continue
            if c == close:
                self.i += 1
                return
            self.fail(f"expected `,` or `{close}`")


# -- RFC 3339, with chrono's messages -----------------------------------------------------------
_TOO_SHORT, _INVALID, _OUT_OF_RANGE, _TOO_LONG = (
    "premature end of input", "input contains invalid characters", "input is out of range", "trailing input",
)


class _DateError(Exception):
    pass


def rfc3339_error(text: str) -> str | None:
    """None for a valid RFC 3339 date-time, else chrono's reason."""
    try:
        _rfc3339(text)
    except _DateError as e:
        return str(e)
    return None


def _rfc3339(s: str) -> None:
    pos = 0

    def number(n: int, low: int, high: int) -> int:
        nonlocal pos
        part = s[pos: pos + n]
        if len(part) < n:  # (chrono looks at the length before the characters)
            raise _DateError(_TOO_SHORT)
        if not (part.isascii() and part.isdigit()):
            raise _DateError(_INVALID)
        pos += n
        value = int(part)
        if not low <= value <= high:
            raise _DateError(_OUT_OF_RANGE)
        return value

    def char(allowed: str) -> None:
        nonlocal pos
        if pos >= len(s):
            raise _DateError(_TOO_SHORT)
        if s[pos] not in allowed:
            raise _DateError(_INVALID)
        pos += 1

    year = number(4, 0, 9999)
    char("-")
    month = number(2, 1, 12)
    char("-")
    day = number(2, 1, 31)
    char("Tt ")
    number(2, 0, 23)
    char(":")
    number(2, 0, 59)
    char(":")
    number(2, 0, 60)
    if pos < len(s) and s[pos] == ".":
        pos += 1
        start = pos
        while pos < len(s) and s[pos].isascii() and s[pos].isdigit():
            pos += 1
        if pos == start:
            raise _DateError(_INVALID if pos < len(s) else _TOO_SHORT)
    if pos >= len(s):
        raise _DateError(_TOO_SHORT)
    if s[pos] in "Zz":
        pos += 1
    elif s[pos] in "+-":
        pos += 1
        number(2, 0, 23)
        char(":")
        number(2, 0, 59)
    else:
        raise _DateError(_INVALID)
    if pos < len(s):
        raise _DateError(_TOO_LONG)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    if day > days:
        raise _DateError(_OUT_OF_RANGE)
