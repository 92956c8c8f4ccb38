"""The datasource and generator blocks, as Prisma checks them.

Each message is Prisma 7.10's own, word for word (asked of its validator).
"""

from schema_messages import errors_of, warnings_of



def test_unknown_provider_is_rejected():
    schema = """datasource db {
  provider = "oracle"
}
"""
    assert errors_of(schema) == [
        "Datasource provider not known: \"oracle\"."
    ]
    assert warnings_of(schema) == []


def test_missing_provider_is_rejected():
    schema = """datasource db {
  relationMode = "prisma"
}
"""
    assert errors_of(schema) == [
        "Argument \"provider\" is missing in data source block \"db\"."
    ]
    assert warnings_of(schema) == []


def test_unknown_relation_mode_is_rejected():
    schema = """datasource db {
  provider = "postgresql"
  relationMode = "emulated"
}
"""
    assert errors_of(schema) == [
        "Error validating datasource `relationMode`: Invalid relation mode setting: \"emulated\". Supported values: \"prisma\", \"foreignKeys\""
    ]
    assert warnings_of(schema) == []


def test_mongodb_allows_only_prisma_relation_mode():
    schema = """datasource db {
  provider = "mongodb"
  relationMode = "foreignKeys"
}
"""
    assert errors_of(schema) == [
        "Error validating datasource `relationMode`: Invalid relation mode setting: \"foreignKeys\". Supported values: \"prisma\""
    ]
    assert warnings_of(schema) == []


def test_two_datasources_are_rejected():
    schema = """datasource a {
  provider = "postgresql"
}
datasource b {
  provider = "mysql"
}
"""
    assert errors_of(schema) == [
        "Error validating datasource `a`: You defined more than one datasource. This is not allowed yet because support for multiple databases has not been implemented yet.",
        "Error validating datasource `b`: You defined more than one datasource. This is not allowed yet because support for multiple databases has not been implemented yet."
    ]
    assert warnings_of(schema) == []


def test_unknown_datasource_property_is_rejected():
    schema = """datasource db {
  provider = "postgresql"
  host = "x"
}
"""
    assert errors_of(schema) == [
        "Property not known: \"host\"."
    ]
    assert warnings_of(schema) == []


def test_unknown_preview_feature_is_rejected():
    schema = """generator g {
  provider = "prisma-client-js"
  previewFeatures = ["wings"]
}
"""
    assert errors_of(schema) == [
        "The preview feature \"wings\" is not known. Expected one of: nativeDistinct, partialIndexes, postgresqlExtensions, relationJoins, schemaEngineDriverAdapters, shardKeys, strictUndefinedChecks, typedSql, views"
    ]
    assert warnings_of(schema) == []


def test_deprecated_preview_feature_warns():
    schema = """generator g {
  provider = "prisma-client-js"
  previewFeatures = ["fullTextIndex"]
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == [
        "Preview feature \"fullTextIndex\" is deprecated. The functionality can be used without specifying it as a preview feature."
    ]


def test_generator_without_provider_is_rejected():
    schema = """generator g {
  output = "x"
}
"""
    assert errors_of(schema) == [
        "Argument \"provider\" is missing in generator block \"g\"."
    ]
    assert warnings_of(schema) == []


def test_connection_urls_are_accepted():
    schema = """datasource db {
  provider = "postgresql"
  url = env("DATABASE_URL")
  shadowDatabaseUrl = env("SHADOW")
}
"""
    assert errors_of(schema) == []
    assert warnings_of(schema) == []
