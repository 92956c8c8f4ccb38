"""PostgreSQL's index rules, as its connector checks each index of a model: no ``Xml`` columns in
keys, one column in an SP-GiST index, and the operator classes (``ops:``) each index type
(``type: Gist | Gin | SpGist | Brin``) takes for each column type.

Terms: an *operator class* tells PostgreSQL how to compare a column's values in an index;
``raw("...")`` names one Prisma does not know, and is never checked. A column's *native type*
is its ``@db.X`` attribute, when it has one.
"""

from __future__ import annotations


from typing import TYPE_CHECKING, Any, Final

from relviz.syntax.nodes import ConstantValue

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field, Index, IndexField, Model
    from relviz.schema.resolve import Context

__all__ = ["postgres_indexes"]

def _family(prefix: str, *kinds: str) -> tuple[str, ...]:
    return tuple(f"{prefix}{kind}Ops" for kind in kinds)


_ALL_THREE = ("Bloom", "MinMax", "MinMaxMulti")
# BRIN: native type -> the operator classes it takes (besides none at all).
_BRIN_NATIVE = {
    "Bit": ("BitMinMaxOps",), "VarBit": ("VarBitMinMaxOps",), "Char": _family("Bpchar", "Bloom", "MinMax"),
    "Date": _family("Date", *_ALL_THREE), "Real": _family("Float4", *_ALL_THREE),
    "DoublePrecision": _family("Float8", *_ALL_THREE), "Inet": _family("Inet", "Inclusion", *_ALL_THREE),
    "SmallInt": _family("Int2", *_ALL_THREE), "Integer": _family("Int4", *_ALL_THREE),
    "BigInt": _family("Int8", *_ALL_THREE), "Decimal": _family("Numeric", *_ALL_THREE),
    "Oid": _family("Oid", *_ALL_THREE), "ByteA": _family("Bytea", "Bloom", "MinMax"),
    "Text": _family("Text", "Bloom", "MinMax"), "VarChar": _family("Text", "Bloom", "MinMax"),
    "Timestamp": _family("Timestamp", *_ALL_THREE), "Timestamptz": _family("TimestampTz", *_ALL_THREE),
    "Time": _family("Time", *_ALL_THREE), "Timetz": _family("TimeTz", *_ALL_THREE), "Uuid": _family("Uuid", *_ALL_THREE),
}
# BRIN without a native type: scalar type -> its operator classes.
_BRIN_SCALAR = {
    "Float": _BRIN_NATIVE["DoublePrecision"], "Int": _BRIN_NATIVE["Integer"], "BigInt": _BRIN_NATIVE["BigInt"],
    "Decimal": _BRIN_NATIVE["Decimal"], "Bytes": _BRIN_NATIVE["ByteA"], "String": _BRIN_NATIVE["Text"],
    "DateTime": _BRIN_NATIVE["Timestamp"],
}
# Index type -> the operator classes made for it (every other class belongs to BRIN).
_CLASSES_OF = {
    "Gist": ("InetOps",), "SpGist": ("InetOps", "TextOps"), "Gin": ("JsonbOps", "JsonbPathOps", "ArrayOps"),
}
# Index type -> the scalar types it indexes without an operator class.
_FIELD_TYPES = {
    "Gist": ("String",), "SpGist": ("String",), "Gin": ("Json",),
    "Brin": ("String", "Bytes", "DateTime", "Float", "Int", "BigInt", "Decimal"),
}


def postgres_indexes(ctx: Context, model: Model) -> None:
    """Every index of ``model`` on PostgreSQL, in Prisma's order of indexes."""
    if ctx.connector.provider != "postgresql":
        return
    for index in model._prisma_indexes:
        _no_xml_keys(ctx, index)
        algorithm = index.index_type or "BTree"
        for index_field in index.fields:
            if index_field.field is not None and not _raw(index_field.ops):
                _operator_class(ctx, index, algorithm, index_field)
        if algorithm == "SpGist" and len(index.fields) != 1:
            ctx.error(f'Error parsing attribute "{index.attribute_name}": SpGist does not support multi-column indices.', index.span)


def _raw(ops) -> bool:
    return ops is not None and not isinstance(ops, ConstantValue)


def _no_xml_keys(ctx: Context, index: Index) -> None:
    for index_field in index.fields:
        field = index_field.field
        if field is not None and field.native_type is not None and field.native_type.name == "Xml":
            if index.kind == "unique":
                ctx.error("Native type `Xml` cannot be unique in Postgres.", field.span)
            else:
                ctx.error("You cannot define an index on fields with native type `Xml` of Postgres.", field.span)
            return


def _operator_class(ctx: Context, index: Index, algorithm: str, index_field: IndexField) -> None:
    """Prisma's ``generalized_index_validations`` for one column of ``index``."""
    field = index_field.field
    assert field is not None  # (the caller skips paths into composite types)
    opclass = index_field.ops.name if index_field.ops is not None else None
    native = field.native_type.name if field.native_type is not None else None
    if opclass is not None and algorithm not in _index_types_of(opclass):
        message: Any = f"The given operator class `{opclass}` is not supported with the `{algorithm}` index type."
    else:
        check = _CHECKS.get(algorithm)
        if check is None:  # BTree and Hash take any column, and no operator class
            return
        message = check(field, native, opclass)
        if message is _UNFIT:
            message = _unfit(algorithm, field, native, opclass)
    if message is not None:
        ctx.error(f'Error parsing attribute "{index.attribute_name}": {message}', index.span)


def _index_types_of(opclass: str) -> tuple[str, ...]:
    return tuple(algorithm for algorithm, classes in _CLASSES_OF.items() if opclass in classes) or ("Brin",)


_UNFIT = object()  # "this combination is not one the index type knows": see `_unfit`


def _unfit(algorithm: str, field: Field, native: str | None, opclass: str | None) -> str | None:
    if native is not None and opclass is not None:
        return f"The given operator class `{opclass}` does not support native type `{native}` of field `{field.name}`."
    if native is not None:
        return f"The {algorithm} index field type `{native}` has no default operator class."
    if opclass is not None:
        return f"The given operator class `{opclass}` expects the field `{field.name}` to define a valid native type."
    if field.kind == "unsupported" or field.scalar_type in _FIELD_TYPES[algorithm] or (algorithm == "Gin" and field.is_list):
        return None
    return f"The {algorithm} index type does not support the type of the field `{field.name}`."


def _not_of(opclass: str, field: Field, type_name: str) -> str | None:
    if field.scalar_type == type_name:
        return None
    return f"The given operator class `{opclass}` points to the field `{field.name}` that is not of {type_name} type."


def _gist(field: Field, native, opclass):
    return None if (native, opclass) == ("Inet", "InetOps") else _UNFIT


def _gin(field: Field, native, opclass):
    if opclass is None and (field.is_list or (native is None and field.scalar_type == "Json")):
        return None
    if native == "JsonB" and opclass in (None, "JsonbOps", "JsonbPathOps"):
        return None
    if native is None and opclass in ("JsonbOps", "JsonbPathOps"):
        return _not_of(opclass, field, "Json")
    if opclass == "ArrayOps":
        return None if field.is_list else f"The given operator class `ArrayOps` expects the type of field `{field.name}` to be an array."
    return _UNFIT


def _spgist(field: Field, native, opclass):
    if native == "Inet" and opclass in (None, "InetOps"):
        return None
    if native is None and opclass is None and field.scalar_type == "String":
        return None
    if native is None and opclass == "TextOps":
        return _not_of(opclass, field, "String")
    if native in ("Text", "VarChar", "Char") and opclass in (None, "TextOps"):
        return None
    return _UNFIT


def _brin(field: Field, native, opclass):
    if native is not None:
        return None if native in _BRIN_NATIVE and (opclass is None or opclass in _BRIN_NATIVE[native]) else _UNFIT
    if opclass is None:
        return None if field.scalar_type in _BRIN_SCALAR else _UNFIT
    for type_name, classes in _BRIN_SCALAR.items():
        if opclass in classes:
            return _not_of(opclass, field, type_name)
    return _UNFIT


_CHECKS: Final = {"Gist": _gist, "Gin": _gin, "SpGist": _spgist, "Brin": _brin}
