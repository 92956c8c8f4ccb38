"""The ``datasource`` and ``generator`` blocks: providers, relationMode, preview features.

Prisma checks these after the models (so their errors come after the models' errors), and
always, even when the models have errors. ``url``, ``directUrl`` and ``shadowDatabaseUrl``
are accepted silently: relviz never connects to a database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relviz.schema.attributes import render
from relviz.schema.resolve import PROVIDER_ALIASES
from relviz.syntax.nodes import ArrayValue, StringValue

if TYPE_CHECKING:  # pragma: no cover
    from relviz.schema.resolve import Context

__all__ = ["validate_configuration", "PREVIEW_FEATURES", "DEPRECATED_PREVIEW_FEATURES"]

PROVIDERS = ("postgresql", "postgres", "mysql", "sqlite", "sqlserver", "mongodb", "cockroachdb")
DATASOURCE_PROPERTIES = frozenset((
    "provider", "url", "directUrl", "shadowDatabaseUrl", "relationMode", "referentialIntegrity", "schemas", "extensions",
))
PREVIEW_FEATURES = (
    "nativeDistinct", "partialIndexes", "postgresqlExtensions", "relationJoins", "schemaEngineDriverAdapters",
    "shardKeys", "strictUndefinedChecks", "typedSql", "views",
)
_HIDDEN_PREVIEW_FEATURES = ("reactNative",)
_POSTGRESQL_PREVIEW_FEATURES = ("fullTextSearchPostgres",)  # known only where the provider is postgresql
DEPRECATED_PREVIEW_FEATURES = (
    "aggregateApi", "atomicNumberOperations", "clientExtensions", "cockroachdb", "connectOrCreate", "createMany",
    "dataProxy", "deno", "distinct", "driverAdapters", "extendedIndexes", "extendedWhereUnique", "fieldReference",
    "filteredRelationCount", "filterJson", "fullTextIndex", "fullTextSearch", "groupBy", "improvedQueryRaw",
    "interactiveTransactions", "jsonProtocol", "microsoftSqlServer", "middlewares", "mongoDb", "multiSchema",
    "namedConstraints", "nApi", "nativeTypes", "omitApi", "orderByAggregateGroup", "orderByNulls", "orderByRelation",
    "prismaSchemaFolder", "queryCompiler", "referentialActions", "referentialIntegrity", "selectRelationCount",
    "tracing", "transactionApi", "uncheckedScalarInputs",
)
_KNOWN = {f.lower(): f for f in (*PREVIEW_FEATURES, *_HIDDEN_PREVIEW_FEATURES)}
_DEPRECATED = {f.lower() for f in DEPRECATED_PREVIEW_FEATURES}
_CONNECTORS_WITH_SCHEMAS = ("postgresql", "cockroachdb", "sqlserver")


def validate_configuration(ctx: Context) -> None:
    blocks = ctx.datasource_blocks
    if len(blocks) > 1:
        for block in blocks:
            ctx.error(
                f"Error validating datasource `{block.name}`: You defined more than one datasource. This is not allowed "
                "yet because support for multiple databases has not been implemented yet.",
                block.span,
            )
    elif blocks:
        _datasource(ctx, blocks[0])
    for block in ctx.generator_blocks:
        _generator(ctx, block)


def _string(ctx: Context, expr):
    if isinstance(expr, StringValue):
        return expr.value
    if expr is not None:
        ctx.error(f"Expected a string value, but received {_describe(expr)} value `{render(expr)}`.", expr.span)
    return None


def _describe(expr) -> str:
    from relviz.schema.attributes import describe

    return describe(expr)


def _unassigned(ctx: Context, block, kind: str) -> bool:
    """Whether a property of ``block`` has no value (``output =``); the first is reported."""
    for prop in block.properties:
        if prop.value is None:
            ctx.error(f"Property {prop.name} in {kind} {block.name} needs to be assigned a value", block.span)
            return True
    return False


def _datasource(ctx: Context, block) -> None:
    if _unassigned(ctx, block, "datasource"):
        return
    props = {}
    for prop in block.properties:
        props[prop.name] = prop  # the last one counts, as in Prisma
    provider_prop = props.get("provider")
    if provider_prop is None:
        ctx.error(f'Argument "provider" is missing in data source block "{block.name}".', block.span)
        return
    if not isinstance(provider_prop.value, StringValue):
        span = provider_prop.value.span if provider_prop.value is not None else provider_prop.span
        ctx.error(
            f"Error validating datasource `{block.name}`: The provider argument in a datasource must be a string literal",
            span,
        )
        return
    provider = provider_prop.value.value
    if provider not in PROVIDERS:
        ctx.error(f'Datasource provider not known: "{provider}".', provider_prop.value.span)
        return
    mode_prop, integrity_prop = props.get("relationMode"), props.get("referentialIntegrity")
    if integrity_prop is not None:
        ctx.warning(
            "The `referentialIntegrity` attribute is deprecated. Please use `relationMode` instead. "
            "Learn more at https://pris.ly/d/relation-mode",
            integrity_prop.span,
        )
    if mode_prop is not None and integrity_prop is not None:
        ctx.error(
            "The `referentialIntegrity` and `relationMode` attributes cannot be used together. "
            "Please use only `relationMode` instead.",
            integrity_prop.span,
        )
    else:
        prop = mode_prop or integrity_prop
        if prop is not None:
            mode = _string(ctx, prop.value)
            if mode is not None:
                if mode not in ("prisma", "foreignKeys"):
                    ctx.error(
                        f"Error validating datasource `{prop.name}`: Invalid relation mode setting: \"{mode}\". "
                        'Supported values: "prisma", "foreignKeys"',
                        block.span,
                    )
                elif provider == "mongodb" and mode != "prisma":
                    ctx.error(
                        f"Error validating datasource `{prop.name}`: Invalid relation mode setting: \"{mode}\". "
                        'Supported values: "prisma"',
                        prop.value.span,
                    )
    schemas = props.get("schemas")
    normalized = "postgresql" if provider == "postgres" else provider
    if schemas is not None and normalized not in _CONNECTORS_WITH_SCHEMAS:
        span = schemas.value.span if schemas.value is not None else schemas.span
        ctx.error("The `schemas` property is not supported on the current connector.", span)
    for prop in block.properties:
        if prop.name not in DATASOURCE_PROPERTIES or (prop.name == "extensions" and normalized != "postgresql"):
            if prop.name == "previewFeatures":
                ctx.error(
                    "Preview features are only supported in the generator block. Please move this field to the "
                    "generator block.",
                    prop.span,
                )
            else:
                ctx.error(f'Property not known: "{prop.name}".', prop.span)


def _provider_in_file(ctx: Context, block) -> str | None:
    """The provider of the first datasource in ``block``'s own file: Prisma reads a generator's
    preview features against that one only (in a multi-file schema too)."""
    for datasource in ctx.datasource_blocks:
        if datasource.span.file is block.span.file:
            for prop in datasource.properties:
                if prop.name == "provider" and isinstance(prop.value, StringValue):
                    return PROVIDER_ALIASES.get(prop.value.value, prop.value.value)
            return None
    return None


def _generator(ctx: Context, block) -> None:
    if _unassigned(ctx, block, "generator"):
        return
    props = {}
    for prop in block.properties:
        props[prop.name] = prop  # the last one counts, as in Prisma
    if "provider" not in props:
        ctx.error(f'Argument "provider" is missing in generator block "{block.name}".', block.span)
        return
    features = props.get("previewFeatures")
    if features is None or features.value is None:
        return
    items = features.value.items if isinstance(features.value, ArrayValue) else [features.value]
    expected: tuple[str, ...] = PREVIEW_FEATURES
    if _provider_in_file(ctx, block) == "postgresql":
        expected = tuple(sorted((*PREVIEW_FEATURES, *_POSTGRESQL_PREVIEW_FEATURES), key=str.lower))
    known = {f.lower() for f in (*expected, *_HIDDEN_PREVIEW_FEATURES)}
    for item in items:
        if not isinstance(item, StringValue):
            continue
        name = item.value
        key = name.lower()
        if key in _DEPRECATED:
            ctx.warning(
                f'Preview feature "{name}" is deprecated. The functionality can be used without specifying it as a '
                "preview feature.",
                features.value.span,
            )
        elif key not in known:
            ctx.error(
                f'The preview feature "{name}" is not known. Expected one of: {", ".join(expected)}',
                features.value.span,
            )


def preview_features(ctx: Context) -> set:
    """The preview features every generator asks for (as Prisma spells them)."""
    found = set()
    for generator in ctx.schema.generators:
        for name in generator.preview_features:
            if isinstance(name, str) and name.lower() in _KNOWN:
                found.add(_KNOWN[name.lower()])
    return found
