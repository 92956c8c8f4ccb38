"""relviz.connect: a DuckDB database with the schema's tables, for every relational schema of the corpus."""

import sys
from pathlib import Path

import pytest

import relviz
from relviz.db import connect

DATA = Path(__file__).resolve().parent.parent / "data"
REAL = Path(__file__).resolve().parent / "fixtures" / "real"


def _is_valid_relational(path):
    verdict = path.with_suffix(".validate.txt").read_text().strip()
    return verdict == "valid" and 'provider = "mongodb"' not in path.read_text()


def _tables(con):
    return {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def test_the_duckdb_tables_are_created_for_every_valid_relational_corpus_schema(real_schema):
    if not _is_valid_relational(real_schema):
        pytest.skip("not a valid relational schema")
    schema = relviz.load(real_schema)
    con = connect(schema)
    tables = _tables(con)
    assert {m.table_name for m in schema.models} <= tables
    for relation in schema.relations:
        jt = relation.join_table
        if jt is not None and not (jt.a_model.is_ignored or jt.b_model.is_ignored):
            assert f"_{relation.name}"[:63] in tables


def test_connect_creates_the_implicit_join_table_of_the_course_schema():
    con = connect(relviz.load(DATA / "course.prisma"))
    assert _tables(con) == {"User", "Profile", "Post", "Session", "Account", "_AccountToUser"}
    assert [c[0] for c in con.execute('DESCRIBE "_AccountToUser"').fetchall()] == ["A", "B"]


def test_connect_accepts_the_path_of_a_schema_file():
    con = connect(DATA / "social.prisma")
    assert _tables(con) == {"User", "Post", "_Follows"}


def test_connect_writes_a_database_file(tmp_path):
    path = tmp_path / "course.duckdb"
    con = connect(DATA / "course.prisma", path)
    con.close()
    assert path.is_file()


def test_an_existing_database_file_is_never_replaced_without_overwrite(tmp_path):
    path = tmp_path / "course.duckdb"
    path.write_bytes(b"precious")
    with pytest.raises(relviz.UsageError, match="already exists.*overwrite=True"):
        connect(DATA / "course.prisma", path)
    assert path.read_bytes() == b"precious"


def test_overwrite_true_starts_the_database_file_afresh(tmp_path):
    path = tmp_path / "course.duckdb"
    connect(DATA / "course.prisma", path).close()
    con = connect(DATA / "course.prisma", path, overwrite=True)
    assert con.execute('SELECT count(*) FROM "User"').fetchone()[0] == 0


def test_a_mongodb_schema_has_no_tables_to_make():
    with pytest.raises(relviz.UsageError, match="MongoDB"):
        connect(REAL / "pe-mongodb.prisma")


def test_importing_relviz_db_imports_neither_duckdb_nor_pandas():
    import subprocess

    code = "import sys, relviz, relviz.db; print('duckdb' in sys.modules or 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_database_file_in_a_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(relviz.UsageError, match="does not exist; create it first"):
        connect(DATA / "course.prisma", tmp_path / "nowhere" / "course.duckdb")
