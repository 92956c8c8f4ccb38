"""Prisma's DMMF datamodel (``enums``, ``models``, ``types``, ``indexes``) for a schema, key for key.

``to_dmmf(schema)`` returns plain dicts and lists in Prisma's key order, so that
``json.dumps(to_dmmf(schema), indent=2, ensure_ascii=False)`` prints what Prisma's
``getDMMF()`` prints for ``datamodel``; ``dumps()`` also writes numbers as JavaScript does
(``1e-7``, ``0.00001``), which ``json.dumps`` cannot.

The rules, learned from Prisma 7.10 (``prisma-engines``' ``dmmf`` crate) and its answers:

* ``enums`` in declaration order; ``models`` are the models not ``@@ignore``-d, then the views;
  ``types`` are the composite types; ``indexes`` lists, model by model, the primary key, then
  the field-level ``@unique``\\s in field order, then every ``@@index``, every ``@@unique``,
  every ``@@fulltext`` (each group in declaration order).
* Fields marked ``@ignore`` and ``Unsupported(...)`` fields are left out.
* ``isId`` is a one-field primary key (``@id`` or ``@@id([x])``); ``isUnique`` a one-field unique
  constraint (``@unique`` or ``@@unique([x])``) on a field that is not the id; ``isReadOnly`` a
  scalar field named in some ``@relation(fields: [...])`` of its model.
* ``relationFromFields``/``relationToFields`` are the field's own ``fields:``/``references:``
  (``[]`` on the back-relation side); ``relationOnDelete``/``relationOnUpdate`` only when written.
* ``primaryKey`` only for ``@@id``; ``uniqueFields``/``uniqueIndexes`` only for ``@@unique``.
* Defaults: ``{"name": fn, "args": [...]}`` for functions (``cuid()`` is ``cuid(1)``, ``uuid()`` is
  ``uuid(4)``, ``sequence(...)`` keeps no arguments), else the literal: BigInt as a string, DateTime
  in RFC 3339 (``+00:00``, fraction in 3, 6 or 9 digits), Bytes re-encoded, Json as its text,
  enum values by name.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from dataclasses import dataclass

from relviz.syntax.nodes import ArrayValue, ConstantValue, FunctionCall, NumericValue, StringValue

__all__ = ["to_dmmf", "dumps", "js_number"]


# -- the datamodel ------------------------------------------------------------------------------


def to_dmmf(schema) -> dict:
    """The ``datamodel`` part of Prisma's DMMF for ``schema``, as Prisma orders its keys."""
    models = [m for m in (*schema.models, *schema.views) if not _is_ignored_model(m)]
    indexes = []
    for model in models:
        indexes.extend(_model_indexes(model))
    return {
        "enums": [_enum(e) for e in schema.enums],
        "models": [_model(m) for m in models],
        "types": [_composite_type(t) for t in schema.composite_types],
        "indexes": indexes,
    }


def _enum(enum) -> dict:
    out = {
        "name": enum.name,
        "values": [_enum_value(v) for v in enum.values],
        "dbName": enum.db_name,
    }
    _put_doc(out, enum.documentation)
    return out


def _enum_value(value) -> dict:
    out = {"name": value.name, "dbName": value.db_name}
    _put_doc(out, value.documentation)
    return out


def _model(model) -> dict:
    attrs = _model_attributes(model)
    pk = _first(attrs, "id")
    uniques = [a for a in attrs if a.name == "unique"]
    facts = _FieldFacts(
        single_id=_path_names(pk)[0] if pk is not None and len(_field_list(pk)) == 1 else None,
        single_uniques={_path_names(u)[0] for u in uniques if len(_field_list(u)) == 1},
        referencing=_referencing_names(model),
    )
    out = {
        "name": model.name,
        "dbName": model.db_name,
        "schema": _string_arg(_first(attrs, "schema")),
        "fields": [_field(f, facts) for f in model.fields if not _is_skipped(f)],
        "primaryKey": None if pk is None else {"name": _named_string(pk, "name"), "fields": _leaf_names(pk)},
        "uniqueFields": [_leaf_names(u) for u in uniques],
        "uniqueIndexes": [{"name": _named_string(u, "name"), "fields": _leaf_names(u)} for u in uniques],
        "isGenerated": False,
    }
    _put_doc(out, model.documentation)
    return out


def _composite_type(ctype) -> dict:
    out = {
        "name": ctype.name,
        "dbName": None,
        "schema": None,
        "fields": [_type_field(f) for f in ctype.fields if not _is_unsupported(f)],
        "primaryKey": None,
        "uniqueFields": [],
        "uniqueIndexes": [],
    }
    _put_doc(out, ctype.documentation)
    return out


# -- fields -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _FieldFacts:
    """What a model's ``@@`` attributes and relation fields say about its scalar fields."""

    single_id: str | None  # the field of a one-field @@id
    single_uniques: set  # fields of one-field @@unique
    referencing: set  # fields named in some @relation(fields: [...])


def _field(field, facts: _FieldFacts) -> dict:
    if field.kind == "relation":
        return _relation_field(field)
    attrs = _attributes(field)
    is_id = _has(attrs, "id") or facts.single_id == field.name
    out = _field_head(field, attrs)
    out.update(
        isUnique=not is_id and (_has(attrs, "unique") or field.name in facts.single_uniques),
        isId=is_id,
        isReadOnly=field.name in facts.referencing,
    )
    _field_tail(out, field, attrs)
    out["isGenerated"] = False
    out["isUpdatedAt"] = _has(attrs, "updatedAt")
    _put_doc(out, field.documentation)
    return out


def _type_field(field) -> dict:
    attrs = _attributes(field)
    out = _field_head(field, attrs)
    out.update(isUnique=False, isId=False, isReadOnly=False)
    _field_tail(out, field, attrs)
    _put_doc(out, field.documentation)
    return out


def _field_head(field, attrs) -> dict:
    out = {"name": field.name}
    db_name = _string_arg(_first(attrs, "map"))
    if db_name is not None:
        out["dbName"] = db_name
    out["kind"] = {"enum": "enum", "composite": "object"}.get(field.kind, "scalar")
    out["isList"] = field.arity == "list"
    out["isRequired"] = field.arity != "optional"
    return out


def _field_tail(out: dict, field, attrs) -> None:
    default = _first(attrs, "default")
    out["hasDefaultValue"] = default is not None
    out["type"] = field.type_name
    out["nativeType"] = _native_type(field)
    if default is not None:
        out["default"] = _default(default, field)


def _relation_field(field) -> dict:
    rel = _first(_attributes(field), "relation")
    out = {
        "name": field.name,
        "kind": "object",
        "isList": field.arity == "list",
        "isRequired": field.arity != "optional",
        "isUnique": False,
        "isId": False,
        "isReadOnly": False,
        "hasDefaultValue": False,
        "type": field.type_name,
        "nativeType": None,
        "relationName": field.relation.name,
        "relationFromFields": _names(_arg(rel, "fields")),
        "relationToFields": _names(_arg(rel, "references")),
    }
    for key, arg in (("relationOnDelete", "onDelete"), ("relationOnUpdate", "onUpdate")):
        action = _arg(rel, arg)
        if isinstance(action, ConstantValue):
            out[key] = action.name
    out["isGenerated"] = False
    out["isUpdatedAt"] = False
    _put_doc(out, field.documentation)
    return out


def _native_type(field):
    native = field.native_type
    return None if native is None else [native.name, [str(a) for a in native.args]]


# -- defaults -----------------------------------------------------------------------------------

_VERSIONED = {"cuid": 1, "uuid": 4}  # cuid() is cuid(1), uuid() is uuid(4)


def _default(attr, field):
    return _default_value(_arg(attr, "value", positional=0), field)


def _default_value(expr, field):
    if isinstance(expr, FunctionCall):
        return {"name": expr.name, "args": _function_args(expr, field)}
    if isinstance(expr, ArrayValue):
        return [_default_value(item, field) for item in expr.items]
    scalar = field.scalar_type
    if isinstance(expr, NumericValue):
        return _number_default(expr.text, scalar)
    if isinstance(expr, StringValue):
        return _string_default(expr.value, scalar)
    if isinstance(expr, ConstantValue):
        if expr.name in ("true", "false") and scalar == "Boolean":
            return expr.name == "true"
        return expr.name
    return None


def _function_args(call, field) -> list:
    """Arguments as Prisma keeps them: versions filled in, ``sequence``'s options dropped."""
    if call.name == "sequence":
        return []
    values = [a.value for a in call.arguments if a.value is not None]
    if call.name in ("cuid", "uuid", "nanoid"):
        numbers = [int(v.text) for v in values if isinstance(v, NumericValue)]
        return numbers or ([_VERSIONED[call.name]] if call.name in _VERSIONED else [])
    return [v.value if isinstance(v, StringValue) else _default_value(v, field) for v in values]


def _number_default(text: str, scalar):
    if scalar == "BigInt":
        return str(int(text))
    if scalar in ("Float", "Decimal") or "." in text:
        return _json_number(float(text))
    value = int(text)
    return value if abs(value) <= 2**53 else _json_number(float(value))


def _json_number(value: float):
    """A float as JSON.parse would give it back: integral values below 1e21 become ints."""
    if math.isfinite(value) and value == int(value) and abs(value) < 1e21:
        return int(value)
    return value


def _string_default(value: str, scalar):
    if scalar == "Decimal":  # @default("2.00"): Prisma reads the string as a number
        try:
            return _json_number(float(value))
        except ValueError:
            return value
    if scalar == "DateTime":
        return _rfc3339(value)
    if scalar == "Bytes":
        try:
            return base64.b64encode(base64.b64decode(value, validate=True)).decode("ascii")
        except (binascii.Error, ValueError):
            return value
    return value


_RFC3339 = re.compile(
    r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(?:([Zz])|([+-]\d{2}:\d{2}))"
)


def _rfc3339(value: str) -> str:
    """A DateTime as chrono's ``to_rfc3339`` writes it back (``Z`` as ``+00:00``)."""
    m = _RFC3339.fullmatch(value)
    if not m:
        return value
    date, time, fraction, zulu, offset = m.groups()
    nanos = int((fraction or "0")[:9].ljust(9, "0"))
    if nanos == 0:
        frac = ""
    elif nanos % 1_000_000 == 0:
        frac = f".{nanos // 1_000_000:03d}"
    elif nanos % 1_000 == 0:
        frac = f".{nanos // 1_000:06d}"
    else:
        frac = f".{nanos:09d}"
    if zulu or offset == "-00:00":
        offset = "+00:00"
    return f"{date}T{time}{frac}{offset}"


# -- indexes ------------------------------------------------------------------------------------

_INDEX_TYPES = {"index": "normal", "unique": "unique", "fulltext": "fulltext"}


def _model_indexes(model) -> list[dict]:
    """Primary key, field-level @unique (field order), then @@index, @@unique, @@fulltext."""
    out = []
    attrs = _model_attributes(model)
    block_pk = _first(attrs, "id")
    if block_pk is not None:
        out.append(_index(model, "id", block_pk, on_field=None))
    else:
        for field in model.fields:
            attr = _first(_attributes(field), "id")
            if attr is not None:
                out.append(_index(model, "id", attr, on_field=field))
    for field in model.fields:
        attr = _first(_attributes(field), "unique")
        if attr is not None:  # even on ignored and Unsupported fields
            out.append(_index(model, "unique", attr, on_field=field))
    for name in ("index", "unique", "fulltext"):
        out.extend(_index(model, _INDEX_TYPES[name], a, on_field=None) for a in attrs if a.name == name)
    return out


def _index(model, kind: str, attr, on_field) -> dict:
    out = {"model": model.name, "type": kind, "isDefinedOnField": on_field is not None}
    name = None if on_field is not None or kind == "normal" else _named_string(attr, "name")
    db_name = _named_string(attr, "map")
    if kind == "normal" and db_name is None:
        db_name = _named_string(attr, "name")
    algorithm = _arg(attr, "type") if kind == "normal" else None
    clustered = _arg(attr, "clustered")
    if name is not None:
        out["name"] = name
    if db_name is not None:
        out["dbName"] = db_name
    if isinstance(algorithm, ConstantValue):
        out["algorithm"] = algorithm.name
    if isinstance(clustered, ConstantValue):
        out["clustered"] = clustered.name == "true"
    if on_field is not None:
        out["fields"] = [_index_field(on_field.name, attr.arguments)]
    else:
        out["fields"] = [_index_field_expr(e) for e in _field_list(attr)]
    return out


def _index_field_expr(expr) -> dict:
    if isinstance(expr, FunctionCall):
        return _index_field(expr.name, expr.arguments)
    return _index_field(_expr_name(expr), [])


def _index_field(name: str, arguments) -> dict:
    out = {"name": name}
    args = {a.name: a.value for a in arguments if a.name}
    sort = args.get("sort")
    if isinstance(sort, ConstantValue):
        out["sortOrder"] = sort.name.lower()
    length = args.get("length")
    if isinstance(length, NumericValue):
        out["length"] = int(length.text)
    ops = args.get("ops")
    if isinstance(ops, ConstantValue):
        out["operatorClass"] = ops.name
    elif isinstance(ops, FunctionCall) and ops.arguments and isinstance(ops.arguments[0].value, StringValue):
        out["operatorClass"] = ops.arguments[0].value.value
    return out


# -- field facts --------------------------------------------------------------------------------


def _referencing_names(model) -> set[str]:
    """Names of the scalar fields in some ``@relation(fields: [...])`` of the model (ignored ones too)."""
    names = set()
    for field in model.fields:
        rel = _first(_attributes(field), "relation")
        if rel is not None:
            names.update(_names(_arg(rel, "fields")))
    return names


def _is_unsupported(field) -> bool:
    return field.kind == "unsupported"


def _is_skipped(field) -> bool:
    return _is_unsupported(field) or field.is_ignored


def _is_ignored_model(model) -> bool:
    return model.is_ignored


# -- syntax helpers -----------------------------------------------------------------------------


def _attributes(field) -> tuple:
    """The syntax nodes of a field's ``@`` attributes."""
    return tuple(field.attributes)


def _model_attributes(model) -> tuple:
    """The syntax nodes of a model's ``@@`` attributes."""
    return tuple(model.attributes)


def _first(attrs, name: str):
    return next((a for a in attrs if a.name == name), None)


def _has(attrs, name: str) -> bool:
    return any(a.name == name for a in attrs)


def _arg(attr, name: str, positional: int | None = None):
    """The value of argument ``name`` (or the ``positional``-th unnamed one) of ``attr``."""
    if attr is None:
        return None
    for a in attr.arguments:
        if a.name == name:
            return a.value
    if positional is not None:
        unnamed = [a for a in attr.arguments if a.name is None]
        if len(unnamed) > positional:
            return unnamed[positional].value
    return None


def _string_arg(attr):
    """The first positional string argument (``@map("x")``, ``@@schema("s")``), else None."""
    if attr is None:
        return None
    value = _arg(attr, "name", positional=0)
    return value.value if isinstance(value, StringValue) else None


def _named_string(attr, name: str):
    value = _arg(attr, name)
    return value.value if isinstance(value, StringValue) else None


def _field_list(attr) -> list:
    """The fields of ``@@id``/``@@unique``/``@@index``: ``[a, b(sort: Desc)]``, or one bare name."""
    value = _arg(attr, "fields", positional=0)
    if isinstance(value, ArrayValue):
        return list(value.items)
    return [value] if isinstance(value, (ConstantValue, FunctionCall)) else []


def _expr_name(expr) -> str:
    if isinstance(expr, (ConstantValue, FunctionCall)):
        return expr.name
    if isinstance(expr, StringValue):
        return expr.value
    return repr(expr)


def _path_names(attr) -> list[str]:
    return [_expr_name(e) for e in _field_list(attr)]


def _leaf_names(attr) -> list[str]:
    return [name.rsplit(".", 1)[-1] for name in _path_names(attr)]


def _names(value) -> list[str]:
    if isinstance(value, ArrayValue):
        return [_expr_name(e) for e in value.items]
    if isinstance(value, ConstantValue):
        return [value.name]
    return []


def _put_doc(out: dict, documentation) -> None:
    if documentation is not None:
        out["documentation"] = documentation


# -- JSON as JavaScript writes it -----------------------------------------------------------------


def js_number(value) -> str:
    """A number as JavaScript's ``String(n)`` writes it (``1e+21``, ``1e-7``, ``0.00001``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        return "null"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    mantissa, _, exp = repr(abs(value)).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = (whole + frac.rstrip("0")).lstrip("0") or "0"
    # n: position of the decimal point relative to the digit string (JS's ToString notation)
    lead_zeros = len(whole + frac) - len((whole + frac).lstrip("0"))
    n = len(whole) - lead_zeros + (int(exp) if exp else 0)
    k = len(digits)
    if k <= n <= 21:
        body = digits + "0" * (n - k)
    elif 0 < n <= 21:
        body = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        body = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + body


def dumps(data, indent: int = 2) -> str:
    """``JSON.stringify(data, null, indent)`` in Python: the text Prisma's tools print.

    ``json.dumps`` writes the layout; the few floats that Python writes unlike JavaScript go
    through as placeholders and come back as :func:`js_number` text.
    """
    numbers: list[str] = []
    text = json.dumps(_mark_floats(data, numbers), indent=indent, ensure_ascii=False)
    for i, number in enumerate(numbers):
        text = text.replace(json.dumps(_PLACEHOLDER.format(i)), number, 1)
    return text


_PLACEHOLDER = "\x00relviz-number-{}\x00"


def _mark_floats(data, numbers: list):
    """``data`` with each float that Python would print unlike JavaScript replaced by a placeholder."""
    if isinstance(data, float):
        text = js_number(data)
        if text == json.dumps(data):
            return data
        numbers.append(text)
        return _PLACEHOLDER.format(len(numbers) - 1)
    if isinstance(data, dict):
        return {k: _mark_floats(v, numbers) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [_mark_floats(v, numbers) for v in data]
    return data
