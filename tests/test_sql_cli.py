"""`relviz sql`: prints the SQL, picks the dialect from the provider, reports mistakes in one line."""

from pathlib import Path

import pytest

from relviz.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = FIXTURES / "real" / "pe-graphql.prisma"  # provider sqlite


def test_sql_prints_prismas_migration(capsys):
    assert main(["sql", "--dialect", "postgresql", str(SCHEMA)]) == 0
    assert capsys.readouterr().out == SCHEMA.with_suffix(".postgresql.sql").read_text()


def test_sql_defaults_to_the_schemas_provider(capsys):
    assert main(["sql", str(SCHEMA)]) == 0
    assert capsys.readouterr().out == SCHEMA.with_suffix(".sqlite.sql").read_text()


def test_sql_writes_duckdb_sql_to_a_file(tmp_path):
    out = tmp_path / "tables.sql"
    assert main(["sql", "--dialect", "duckdb", "-o", str(out), str(SCHEMA)]) == 0
    assert 'CREATE SEQUENCE "User_id_seq";' in out.read_text()


def test_sql_rejects_an_unknown_dialect(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["sql", "--dialect", "oracle", str(SCHEMA)])
    assert exit_.value.code == 2
    assert "invalid choice: 'oracle'" in capsys.readouterr().err


def test_sql_of_a_mongodb_schema_for_duckdb_is_a_one_line_error(capsys):
    assert main(["sql", "--dialect", "duckdb", str(FIXTURES / "real" / "pe-mongodb.prisma")]) == 2
    assert capsys.readouterr().err.startswith("relviz: error: DuckDB tables cannot be made from a MongoDB schema")
