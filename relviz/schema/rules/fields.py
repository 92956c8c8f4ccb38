"""Scalar field rules that depend on the database: lists, Json, native types, default functions,
``autoincrement()``, composite types and MongoDB's ``_id``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.attributes import render

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.model import Field, Model
    from relviz.schema.resolve import Context

__all__ = [
    "NATIVE_TYPES", "autoincrement", "composite_types_supported", "mongodb_ids", "native_type_arguments",
    "scalar_field_supported", "unknown_default_functions",
]

VALIDATING = "Error validating: "

_U32 = ("a nonnegative integer", 1, "u32")
_OPT_U32 = ("a nonnegative integer", 0, "u32?")
_OPT_U32_PAIR = ("two nonnegative integers", 0, "u32,u32?")
_OPT_MSSQL = ("an integer or `Max`", 0, "max?")


def _table(*rows):
    """name -> (compatible scalar types, argument kind or None)."""
    return {name: (types, args) for name, types, args in rows}


NATIVE_TYPES = {
    "postgresql": _table(
        ("SmallInt", ("Int",), None), ("Integer", ("Int",), None), ("BigInt", ("BigInt",), None),
        ("Decimal", ("Decimal",), _OPT_U32_PAIR), ("Money", ("Decimal",), None), ("Inet", ("String",), None),
        ("Oid", ("Int",), None), ("Citext", ("String",), None), ("Real", ("Float",), None),
        ("DoublePrecision", ("Float",), None), ("VarChar", ("String",), _OPT_U32), ("Char", ("String",), _OPT_U32),
        ("Text", ("String",), None), ("ByteA", ("Bytes",), None), ("Timestamp", ("DateTime",), _OPT_U32),
        ("Timestamptz", ("DateTime",), _OPT_U32), ("Date", ("DateTime",), None), ("Time", ("DateTime",), _OPT_U32),
        ("Timetz", ("DateTime",), _OPT_U32), ("Boolean", ("Boolean",), None), ("Bit", ("String",), _OPT_U32),
        ("VarBit", ("String",), _OPT_U32), ("Uuid", ("String",), None), ("Xml", ("String",), None),
        ("Json", ("Json",), None), ("JsonB", ("Json",), None),
    ),
    "cockroachdb": _table(
        ("Bit", ("String",), _OPT_U32), ("Bool", ("Boolean",), None), ("Bytes", ("Bytes",), None),
        ("Char", ("String",), _OPT_U32), ("Date", ("DateTime",), None), ("Decimal", ("Decimal",), _OPT_U32_PAIR),
        ("Float4", ("Float",), None), ("Float8", ("Float",), None), ("Inet", ("String",), None),
        ("Int2", ("Int",), None), ("Int4", ("Int",), None), ("Int8", ("BigInt",), None), ("JsonB", ("Json",), None),
        ("Oid", ("Int",), None), ("CatalogSingleChar", ("String",), None), ("String", ("String",), _OPT_U32),
        ("Time", ("DateTime",), _OPT_U32), ("Timestamp", ("DateTime",), _OPT_U32),
        ("Timestamptz", ("DateTime",), _OPT_U32), ("Timetz", ("DateTime",), _OPT_U32), ("Uuid", ("String",), None),
        ("VarBit", ("String",), _OPT_U32),
    ),
    "mysql": _table(
        ("Int", ("Int",), None), ("UnsignedInt", ("Int",), None), ("SmallInt", ("Int",), None),
        ("UnsignedSmallInt", ("Int",), None), ("TinyInt", ("Boolean", "Int"), None),
        ("UnsignedTinyInt", ("Boolean", "Int"), None), ("MediumInt", ("Int",), None),
        ("UnsignedMediumInt", ("Int",), None), ("BigInt", ("BigInt",), None), ("Decimal", ("Decimal",), _OPT_U32_PAIR),
        ("UnsignedBigInt", ("BigInt",), None), ("Float", ("Float",), None), ("Double", ("Float",), None),
        ("Bit", ("Boolean", "Bytes"), _U32), ("Char", ("String",), _U32), ("VarChar", ("String",), _U32),
        ("Binary", ("Bytes",), _U32), ("VarBinary", ("Bytes",), _U32), ("TinyBlob", ("Bytes",), None),
        ("Blob", ("Bytes",), None), ("MediumBlob", ("Bytes",), None), ("LongBlob", ("Bytes",), None),
        ("TinyText", ("String",), None), ("Text", ("String",), None), ("MediumText", ("String",), None),
        ("LongText", ("String",), None), ("Date", ("DateTime",), None), ("Time", ("DateTime",), _OPT_U32),
        ("DateTime", ("DateTime",), _OPT_U32), ("Timestamp", ("DateTime",), _OPT_U32), ("Year", ("Int",), None),
        ("Json", ("Json",), None),
    ),
    "sqlserver": _table(
        ("TinyInt", ("Int",), None), ("SmallInt", ("Int",), None), ("Int", ("Int",), None),
        ("BigInt", ("BigInt",), None), ("Decimal", ("Decimal",), _OPT_U32_PAIR), ("Money", ("Float",), None),
        ("SmallMoney", ("Float",), None), ("Bit", ("Boolean", "Int"), None), ("Float", ("Float",), _OPT_U32),
        ("Real", ("Float",), None), ("Date", ("DateTime",), None), ("Time", ("DateTime",), None),
        ("DateTime", ("DateTime",), None), ("DateTime2", ("DateTime",), None), ("DateTimeOffset", ("DateTime",), None),
        ("SmallDateTime", ("DateTime",), None), ("Char", ("String",), _OPT_U32), ("NChar", ("String",), _OPT_U32),
        ("VarChar", ("String",), _OPT_MSSQL), ("Text", ("String",), None), ("NVarChar", ("String",), _OPT_MSSQL),
        ("NText", ("String",), None), ("Binary", ("Bytes",), _OPT_U32), ("VarBinary", ("Bytes",), _OPT_MSSQL),
        ("Image", ("Bytes",), None), ("Xml", ("String",), None), ("UniqueIdentifier", ("String",), None),
    ),
    "mongodb": _table(
        ("String", ("String",), None), ("Double", ("Float",), None), ("BinData", ("Bytes",), None),
        ("ObjectId", ("String", "Bytes"), None), ("Bool", ("Boolean",), None), ("Date", ("DateTime",), None),
        ("Int", ("Int",), None), ("Timestamp", ("DateTime",), None), ("Long", ("Int", "BigInt"), None),
        ("Json", ("Json",), None),
    ),
    "sqlite": {},
}


def _parses(kind: str, args: list) -> bool:
    def u32(text: str) -> bool:
        return text.isdigit() and text.isascii() and int(text) < 2**32

    if kind == "u32":
        return len(args) == 1 and u32(args[0])
    if kind == "u32?":
        return len(args) == 0 or (len(args) == 1 and u32(args[0]))
    if kind == "u32,u32?":
        return len(args) == 0 or (len(args) == 2 and all(u32(a) for a in args))
    if kind == "max?":
        return len(args) == 0 or (len(args) == 1 and (args[0].lower() == "max" or (args[0].isdigit() and int(args[0]) < 65536)))
    return True


def native_type_arguments(ctx: Context, field: Field) -> None:
    """The ``@db.X(...)`` attribute names a type of this database, fit for the field's type, with fitting arguments."""
    native = field.native_type
    if native is None:
        return
    datasource = ctx.schema.datasource
    attribute = field._native_attribute
    if datasource is not None and native.datasource != datasource.name:  # reported, and the type still checked
        ctx.error(
            f"The prefix {native.datasource} is invalid. It must be equal to the name of an existing datasource e.g. "
            f"{datasource.name}. Did you mean to use {datasource.name}.{native.name}?",
            attribute.span,
        )
    provider = ctx.connector.provider
    table = NATIVE_TYPES.get(provider or "", {})
    if native.name not in table:
        label = provider if provider is not None else "Default"
        ctx.error(f"Native type {native.name} is not supported for {label} connector.", attribute.span)
        return
    scalars, kind = table[native.name]
    args = [render(a.value) if a.value is not None else "" for a in attribute.arguments]
    required = kind[1] if kind is not None else 0
    optional = (2 if kind[2] == "u32,u32?" else 1) - required if kind is not None else 0
    n = len(args)
    if n < required or (optional == 0 and n > required):
        ctx.error(f'Function "{native.name}" takes {required} arguments, but received {n}.', attribute.span)
        return
    if n > required + optional:
        ctx.error(f"Native type {native.name} takes {optional} optional arguments, but received {n}.", attribute.span)
        return
    if field.scalar_type not in scalars:
        ctx.error(
            f"Native type {native.name} is not compatible with declared field type {field.scalar_type}, expected field "
            f"type {' or '.join(scalars)}.",
            attribute.span,
        )
        return
    if kind is not None and not _parses(kind[2], args):
        ctx.error(f"Expected {kind[0]}, but found ({', '.join(args)}).", attribute.span)
        return
    message = _arguments_in_range(ctx.connector, native.name, args, field.scalar_type)
    if message is not None:
        ctx.error(message, attribute.span)


# Prisma's connectors' ranges for native type arguments, in the order they are tried (the first
# that applies is reported): (types, which argument, lowest, highest, message).
_BEYOND = float("inf")
_POSTGRES_RANGES = (
    (("Decimal",), 0, 1, 1000, "Precision must be positive with a maximum value of 1000."),
    (("Bit", "VarBit"), 0, 1, _BEYOND, "M must be a positive integer."),
    (("Timestamp", "Timestamptz", "Time", "Timetz"), 0, 0, 6, "M can range from 0 to 6."),
)
_ARGUMENT_RANGES = {
    "postgresql": _POSTGRES_RANGES,
    "cockroachdb": _POSTGRES_RANGES,
    "mysql": (
        (("Decimal",), 0, 0, 65, "Precision can range from 1 to 65."),
        (("Decimal",), 1, 0, 30, "Scale can range from 0 to 30."),
        (("Bit",), 0, 1, 64, "M can range from 1 to 64."),
        (("Char",), 0, 0, 255, "M can range from 0 to 255."),
        (("VarChar",), 0, 0, 65535, "M can range from 0 to 65,535."),
    ),
    "sqlserver": (
        (("Decimal",), 0, 1, 38, "Precision can range from 1 to 38."),
        (("Decimal",), 1, 0, 38, "Scale can range from 0 to 38."),
        (("Float",), 0, 1, 53, "Bits can range from 1 to 53."),
        (("NVarChar",), 0, 0, 4000, "Length can range from 1 to 4000. For larger sizes, use the `Max` variant."),
        (("VarChar", "VarBinary"), 0, 0, 8000, "Length can range from 1 to 8000. For larger sizes, use the `Max` variant."),
        (("NChar",), 0, 0, 4000, "Length can range from 1 to 4000."),
        (("Char", "Binary"), 0, 0, 8000, "Length can range from 1 to 8000."),
    ),
}


def _arguments_in_range(connector, name: str, args: list, scalar_type: str | None) -> str | None:
    """What the database's connector says of arguments out of its range (the first rule that
    applies, in Prisma's order), or None. ``args`` have parsed as numbers (or SQL Server's ``Max``)."""
    n = [int(a) for a in args if a.isdigit()]
    described = f"{name}({','.join(args)})"
    if name == "Decimal" and len(n) == 2 and n[1] > n[0]:
        return f"The scale must not be larger than the precision for the {described} native type in {connector.name}."
    reason = next(
        (message for names, i, low, high, message in _ARGUMENT_RANGES.get(connector.provider, ())
         if name in names and len(n) > i and not low <= n[i] <= high),
        None,
    )
    if reason is None and connector.provider == "mysql" and name == "Bit" and n and n[0] > 1 and scalar_type == "Boolean":
        reason = "only Bit(1) can be used as Boolean."
    if reason is None:
        return None
    return f"Argument M is out of range for native type `{described}` of {connector.name}: {reason}"


_SCALAR_LISTS = ("postgresql", "cockroachdb", "mongodb", None)
_JSON = ("postgresql", "cockroachdb", "mongodb", "mysql", "sqlite", None)
_JSON_LISTS = ("postgresql", "mongodb", None)


def scalar_field_supported(ctx: Context, field: Field) -> None:
    """``Json``, lists of ``Json``, ``Decimal`` and lists of scalars only where the database has them."""
    provider = ctx.connector.provider
    model = field.model
    container = "view" if model.is_view else "model"
    unsupported = f"Error validating field `{field.name}` in {container} `{model.name}`: Field `{field.name}` in {container} `{model.name}`"
    if field.scalar_type == "Json":
        if provider not in _JSON:
            ctx.error(f"{unsupported} can't be of type Json. The current connector does not support the Json type.", field.span)
        if field.is_list and provider not in _JSON_LISTS:
            ctx.error(
                f"{unsupported} can't be of type Json[]. The current connector does not support the Json List type.",
                field.span,
            )
    elif field.scalar_type == "Decimal" and provider == "mongodb":
        ctx.error(f"{unsupported} can't be of type Decimal. The current connector does not support the Decimal type.", field.span)
    if field.is_list and field.kind in ("scalar", "enum") and provider not in _SCALAR_LISTS:
        ctx.error(
            f'Field "{field.name}" in {container} "{model.name}" can\'t be a list. The current connector does not support '
            "lists of primitive types.",
            field.span,
        )


def unknown_default_functions(ctx: Context) -> None:
    """``@default(f())`` with a function Prisma does not know."""
    known = {"autoincrement", "now", "uuid", "cuid", "nanoid", "ulid", "dbgenerated", "auto"}
    if ctx.connector.provider == "cockroachdb":
        known.add("sequence")  # (on any other database, Prisma does not know it)
    for model in ctx.models_in_order:
        for field in model.fields:
            default = field.default
            if default is None or default.function is None or default.function in known:
                continue
            ctx.error(
                f"Unknown function in @default(): `{default.function}` is not known. You can read about the available "
                "functions here: https://pris.ly/d/attribute-functions",
                default.expression.span,
            )


_CONNECTOR_FUNCTIONS = {"auto": "mongodb"}


def default_function_supported(ctx: Context, field: Field) -> None:
    """``auto()`` is MongoDB's (``sequence()``, CockroachDB's, is unknown elsewhere)."""
    function = field.default.function or ""
    provider = _CONNECTOR_FUNCTIONS.get(function)
    if provider is not None and ctx.connector.provider != provider:
        ctx.error(
            f'Error parsing attribute "@default": The current connector does not support the `{function}()` function.',
            field.default.expression.span,
        )


def cockroach_autoincrement(ctx: Context, field: Field) -> None:
    if (
        ctx.connector.provider == "cockroachdb" and field.default is not None
        and field.default.function == "autoincrement" and field.scalar_type != "BigInt"
    ):
        attribute = next(a for a in field.attributes if a.name == "default")
        ctx.error(
            'Error parsing attribute "default": The `autoincrement()` default function is defined only on BigInt fields '
            "on CockroachDB. Use sequence() if you want an autoincrementing Int field.",
            attribute.span,
        )


def composite_types_supported(ctx: Context) -> None:
    """Composite types exist on MongoDB only, and need a field."""
    for ct in ctx.schema.composite_types:
        if ctx.connector.provider != "mongodb":
            ctx.error(f"{VALIDATING}Composite types are not supported on {ctx.connector.name}.", ct.span)
        elif not ctx.has_errors and not ct.fields:
            ctx.error(f"{VALIDATING}A type must have at least one field defined.", ct.span)


def composite_cycles(ctx: Context) -> None:
    """Required composite fields that lead back to their own type: a document without end."""
    types = ctx.schema.composite_types
    order = {ct: i for i, ct in enumerate(types)}

    def required(ct):
        return [f for f in ct.fields if f.is_required]

    def describe(path):
        return " → ".join(f"`{ct.name}`" for ct in reversed(path))

    errors = []
    pending: list[tuple] = [(f, None) for ct in types for f in required(ct)]
    visited: list = []
    while pending:
        field, path = pending.pop()
        if path is None:
            visited = []
            path = (field.model,)
        target = field.composite_type
        if target is None:
            continue
        prefix = f"Error validating field `{field.name}` in composite type `{field.model.name}`: "
        if target is field.model:
            errors.append((order[target], prefix + "The type is the same as the parent and causes an endless cycle. "
                           "Please change the field to be either optional or a list.", field.span))
        elif visited and visited[0] is target:
            errors.append((order[target], prefix + f"The types cause an endless cycle in the path {describe(path)}. "
                           "Please change one of the fields to be either optional or a list to break the cycle.", field.span))
        elif target not in visited:  # (Prisma would walk such a loop forever)
            visited.append(target)
            for f in required(target):
                pending.append((f, path + (target,)))
    errors.sort(key=lambda e: e[0])
    for _, message, span in errors:
        ctx.error(message, span)


def autoincrement(ctx: Context, model: Model) -> None:
    """Where ``autoincrement()`` may stand: SQLite only on the id, MySQL once and on an indexed field."""
    provider = ctx.connector.provider
    if provider not in ("sqlite", "mysql", "mongodb"):
        return
    fields = [f for f in model.fields if f.default is not None and f.default.function == "autoincrement"]
    if not fields:
        return
    if provider == "mongodb":
        for field in fields:
            attribute = next(a for a in field.attributes if a.name == "default")
            ctx.error(
                'Error parsing attribute "@default": The `autoincrement()` default value is used with a datasource '
                "that does not support it.",
                attribute.span,
            )
        return
    if len(fields) > 1:  # (SQLite and MySQL allow one per table)
        ctx.error(
            'Error parsing attribute "@default": The `autoincrement()` default value is used multiple times on this '
            "model even though the underlying datasource only supports one instance per table.",
            model.span,
        )
    pk = model.primary_key
    for field in fields:
        is_id = pk is not None and pk.fields and pk.fields[0] is field and len(pk.fields) == 1
        if provider == "sqlite" and not is_id:
            ctx.error(
                'Error parsing attribute "@default": The `autoincrement()` default value is used on a non-id field even '
                "though the datasource does not support this.",
                field.span,
            )
        indexed = (pk is not None and pk.fields and pk.fields[0] is field) or any(
            index.fields and index.fields[0].field is field for index in model._prisma_indexes
        )
        if provider in ("sqlite", "mysql") and not indexed:
            ctx.error(
                'Error parsing attribute "@default": The `autoincrement()` default value is used on a non-indexed field '
                "even though the datasource does not support this.",
                field.span,
            )


def primary_key_supported(ctx: Context, model: Model) -> None:
    """Named primary keys where the database names them; MongoDB's ``_id``."""
    pk = model.primary_key
    if pk is not None and pk.db_name is not None and ctx.connector.provider in ("mysql", "sqlite", "mongodb"):
        ctx.error(
            f'Error validating model "{model.name}": You defined a database name for the primary key on the model. '
            "This is not supported by the provider.",
            model.span,
        )
    mongodb_ids(ctx, model)


def mongodb_ids(ctx: Context, model: Model) -> None:
    if not ctx.connector.is_mongo or model.is_view:
        return
    pk = model.primary_key
    if pk is None:
        ctx.error("Invalid model: MongoDB models require exactly one identity field annotated with @id", model.span)
        return
    if len(pk.fields) > 1:
        ctx.error(f'Error validating model "{model.name}": The current connector does not support compound ids.', pk.span)
        return
    field = pk.fields[0]
    if field.db_name != "_id":
        found = f', found @map("{field.db_name}")' if field.db_name is not None else ""
        _field_error(ctx, model, field, f'MongoDB model IDs must have an @map("_id") annotation{found}.')


def _field_error(ctx: Context, model: Model, field: Field, message: str) -> None:
    ctx.error(f"Error validating field `{field.name}` in model `{model.name}`: {message}", field.span)


def mongodb_scalar_fields(ctx: Context, model: Model) -> None:
    """MongoDB's checks of each scalar field, in Prisma's order: ``auto()`` only on an ``@id``
    of native type ``ObjectId``; no ``dbgenerated()`` (it runs no SQL); no ``$`` to start, and
    no ``.`` in, a field's ``@map`` name (a view gets the last check only)."""
    if not ctx.connector.is_mongo:
        return
    key = model.primary_key.fields if model.primary_key is not None else ()
    for field in model.fields:
        if field.kind in ("relation", "composite", "unknown"):
            continue
        function = field.default.function if field.default is not None and not model.is_view else None
        if function == "auto":
            if field.native_type is None or field.native_type.name != "ObjectId":
                _field_error(ctx, model, field, "MongoDB `@default(auto())` fields must have `ObjectId` native type.")
            if field not in key:
                _field_error(ctx, model, field, "MongoDB `@default(auto())` fields must have the `@id` attribute.")
        elif function == "dbgenerated":
            _field_error(ctx, model, field, "The `dbgenerated()` function is not allowed with MongoDB. Please use `auto()` instead.")
        if field.db_name is not None:
            span = next(a.span for a in field.attributes if a.name == "map")
            if field.db_name.startswith("$"):
                ctx.error('Error parsing attribute "@map": The field name cannot start with a `$` character', span)
            if "." in field.db_name:
                ctx.error('Error parsing attribute "@map": The field name cannot contain a `.` character', span)


def mongodb_indexes(ctx: Context, model: Model) -> None:
    """On MongoDB, two indexes over the same fields are one too many, and so is a unique index
    on the id field alone (the id is unique already); index by index, as Prisma checks them."""
    if not ctx.connector.is_mongo:
        return
    pk = model.primary_key
    id_field = pk.fields[0] if pk is not None and len(pk.fields) == 1 else None
    # The same fields (or paths into a composite type) with the same sort order as written:
    # `x(sort: Asc)` and `x` are two indexes to Prisma; the kind of index does not count.
    keys = [tuple((tuple(f.path) if f.path else f.field, f.sort) for f in index.fields) for index in model._prisma_indexes]
    for index, key in zip(model._prisma_indexes, keys):
        if keys.count(key) > 1:
            # (not Index.attribute_name: Prisma names an `@unique` here `@@unique` too)
            label = {"unique": "@@unique", "normal": "@@index", "fulltext": "@@fulltext"}[index.kind]
            ctx.error(f'Error parsing attribute "{label}": Index already exists in the model.', index.span)
        if index.kind == "unique" and id_field is not None and len(key) == 1 and key[0][0] is id_field:
            ctx.error(
                f'Error parsing attribute "{index.attribute_name}": The same field cannot be an id and unique on MongoDB.',
                index.span,
            )
