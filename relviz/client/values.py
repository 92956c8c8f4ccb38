"""Values in and out: Prisma's input values to DuckDB's, DuckDB's to what Prisma Client returns.

In: a DateTime is a ``datetime`` (a naive one is read as UTC) or an ISO string, a Decimal a string or a number, a BigInt an
int or a string, Bytes ``bytes`` or base64, Json any JSON value, an enum its Prisma name.
Out: ``datetime`` (UTC, aware), ``decimal.Decimal``, :class:`BigInt` (an ``int``), ``bytes``,
parsed Json, enum names, lists. :func:`plain` turns a result into the JSON Prisma's own
``JSON.stringify`` would give (dates as ISO strings with milliseconds, BigInt/Decimal as strings,
Bytes as base64).
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import json

from relviz.client.errors import PrismaClientKnownRequestError, PrismaClientValidationError, validation

__all__ = ["UTC", "BigInt", "WrongType", "provided", "decimal_string", "input_value", "jsonb_order", "output_converter", "plain", "now"]

UTC = dt.timezone.utc


class BigInt(int):
    """An ``int`` that came from a ``BigInt`` field (so JSON output can write it as a string, as Prisma does)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return int.__repr__(self)


def now() -> dt.datetime:
    """The current time in UTC, cut to milliseconds (Postgres ``timestamp(3)``)."""
    t = dt.datetime.now(UTC)
    return t.replace(microsecond=t.microsecond // 1000 * 1000)


# -- in -------------------------------------------------------------------------------------------

def _bad(field, expected: str, detail: str = ""):
    return validation(f"Invalid value for argument `{field.name}`{detail}. Expected {expected}.")


def provided(value) -> str:
    """The kind of a value as Prisma's messages name it: ``String``, ``Int``, ``Object``..."""
    if value is None:
        return "Null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, (list, tuple)):  # Prisma writes a list as the kind of its items in brackets
        return f"({provided(value[0]) if value else ''})"
    for kind, name in ((int, "Int"), (float, "Float"), (str, "String"), (dict, "Object"), ((list, tuple), "List")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


class WrongType(PrismaClientValidationError):
    """A value of the wrong kind: ``Argument `title`: Invalid value provided. Expected String, provided Int.``"""

    def __init__(self, argument: str, expected: str, value):
        super().__init__(f"Argument `{argument}`: Invalid value provided. Expected {expected}, provided {provided(value)}.")
        self.argument, self.expected, self.value = argument, expected, value


def _datetime(field, v):
    if isinstance(v, dt.datetime):
        t = v
    elif isinstance(v, dt.date):
        t = dt.datetime(v.year, v.month, v.day)
    elif isinstance(v, str):
        if len(v) < 19 and v[:1].isdigit():  # a date alone, or a time cut short
            raise _bad(field, "ISO-8601 DateTime", ": premature end of input")
        try:
            t = dt.datetime.fromisoformat(v.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            raise _bad(field, "ISO-8601 DateTime", ": input contains invalid characters") from None
    else:
        raise _bad(field, "DateTime")
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return t.replace(microsecond=t.microsecond // 1000 * 1000)


def _decimal(field, v):
    if isinstance(v, bool):
        raise _bad(field, "Decimal")
    if isinstance(v, (int, float, decimal.Decimal)):
        return decimal.Decimal(str(v)) if isinstance(v, float) else decimal.Decimal(v)
    if isinstance(v, str):
        try:
            d = decimal.Decimal(v.strip())
        except decimal.InvalidOperation:
            raise _bad(field, "decimal String", ": invalid digit found in string") from None
        if not d.is_finite():
            raise _bad(field, "decimal String", ": invalid digit found in string")
        return d
    raise _bad(field, "Decimal")


def _bigint(field, v):
    if isinstance(v, bool):
        raise WrongType(field.name, "BigInt", v)
    if isinstance(v, str):
        try:
            v = int(v.strip())
        except ValueError:
            raise _bad(field, "big integer String", ": invalid digit found in string") from None
    elif isinstance(v, float) and v.is_integer():
        v = int(v)
    if not isinstance(v, int):
        raise WrongType(field.name, "BigInt", v)
    if not -2**63 <= v < 2**63:
        raise validation(f"Unable to fit integer value '{v}' into an INT8 (64-bit signed integer) for argument `{field.name}`.")
    return int(v)


def _int(field, v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or (isinstance(v, float) and not v.is_integer()):
        raise WrongType(field.name, "Int", v)
    if not -2**31 <= v < 2**31:  # Prisma passes it on, and the database refuses it
        raise PrismaClientKnownRequestError(
            f'Value out of range for the type: value "{int(v)}" is out of range for type integer', code="P2020")
    return int(v)


def _float(field, v):
    if isinstance(v, bool) or not isinstance(v, (int, float, decimal.Decimal)):
        raise WrongType(field.name, "Float", v)
    return float(v)


def _bool(field, v):
    if not isinstance(v, bool):
        raise WrongType(field.name, "Boolean", v)
    return v


def _string(field, v):
    if not isinstance(v, str):
        raise WrongType(field.name, "String", v)
    return v


def _bytes(field, v):
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v)
    if isinstance(v, str):
        try:
            return base64.b64decode(v, validate=True)
        except ValueError:
            raise _bad(field, "base64 String",
                       ": Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`") from None
    raise _bad(field, "Bytes")


def _json(field, v):
    try:
        return json.dumps(v, ensure_ascii=False, default=_json_default)
    except TypeError:
        raise _bad(field, "Json") from None


def _json_default(v):
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, dt.datetime):
        return _iso(v)
    raise TypeError


_SCALAR_IN = {
    "String": _string, "Int": _int, "Float": _float, "Boolean": _bool, "BigInt": _bigint,
    "Decimal": _decimal, "DateTime": _datetime, "Bytes": _bytes, "Json": _json,
}


def _enum(field, v):
    if isinstance(v, str):
        for value in field.enum.values:
            if value.name == v:
                return value.db_name or value.name
    raise _bad(field, field.enum.name)


def input_value(field, value, *, element: bool = False):
    """``value`` as DuckDB should store it in ``field`` (a list for list fields unless ``element``)."""
    if value is None:
        return None
    if field.is_list and not element:
        if not isinstance(value, (list, tuple)):
            value = [value]
        return [input_value(field, v, element=True) for v in value]
    if field.kind == "enum":
        return _enum(field, value)
    convert = _SCALAR_IN.get(field.scalar_type)
    return convert(field, value) if convert else value


# -- out ------------------------------------------------------------------------------------------

def decimal_value(d):
    """A Decimal without trailing zeros (``4.5000000000`` -> ``4.5``), never in exponent form."""
    if d is None:
        return None
    d = decimal.Decimal(d)
    if d == d.to_integral_value():
        return d.quantize(decimal.Decimal(1))
    return d.normalize()


def decimal_string(d) -> str:
    """Decimal.js's ``toString()``: plain digits unless the exponent is below -7 or at least 21."""
    d = decimal.Decimal(d).normalize()
    if d.is_zero():
        return "0"
    exponent = d.adjusted()
    if exponent < -7 or exponent >= 21:
        sign, digits, _ = d.as_tuple()
        mantissa = "".join(map(str, digits))
        mantissa = mantissa[0] + ("." + mantissa[1:] if len(mantissa) > 1 else "")
        return ("-" if sign else "") + mantissa + "e" + ("+" if exponent > 0 else "") + str(exponent)
    return format(d, "f")


def jsonb_order(value):
    """Json as Postgres ``jsonb`` gives it back: object keys shorter first, then bytewise."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: (len(k.encode()), k.encode()))
        return {k: jsonb_order(value[k]) for k in keys}
    if isinstance(value, list):
        return [jsonb_order(v) for v in value]
    return value


def _aware(t):
    return None if t is None else t.replace(tzinfo=UTC)


def output_converter(field, *, jsonb: bool = True):
    """A function turning DuckDB's value of ``field`` into Prisma Client's, or None when it is the same."""
    one = _element_converter(field, jsonb)
    if field.is_list:
        if one is None:
            return _empty_list
        return lambda vs: [] if vs is None else [one(v) for v in vs]
    return one


def _empty_list(v):
    return [] if v is None else v


def _element_converter(field, jsonb):
    if field.kind == "enum":
        names = {(v.db_name or v.name): v.name for v in field.enum.values}
        return lambda v: None if v is None else names.get(v, v)
    t = field.scalar_type
    if t == "DateTime":
        return _aware
    if t == "Decimal":
        return decimal_value
    if t == "BigInt":
        return lambda v: None if v is None else BigInt(v)
    if t == "Json":
        if jsonb:
            return lambda v: None if v is None else jsonb_order(json.loads(v))
        return lambda v: None if v is None else json.loads(v)
    if t == "Bytes":
        return lambda v: None if v is None else bytes(v)
    return None


# -- JSON, as the oracle prints it -------------------------------------------------------------------

def _iso(t: dt.datetime) -> str:
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def _number(x: float):
    if x != x or x in (float("inf"), float("-inf")):
        return None  # JSON.stringify writes null
    if x.is_integer() and abs(x) < 1e21:
        return int(x)
    return x


def plain(value):
    """A result as plain JSON values, the way Prisma's results print with ``JSON.stringify``."""
    if value is None or isinstance(value, (str, bool)):
        return value
    if isinstance(value, BigInt):
        return str(int(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, decimal.Decimal):
        return decimal_string(value)
    if isinstance(value, dt.datetime):
        return _iso(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
