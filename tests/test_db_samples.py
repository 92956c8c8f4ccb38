"""relviz.load_sample: the course schemas with their hand-made CSV rows, in DuckDB."""

from pathlib import Path

import pytest

import relviz
from relviz.db import data_dir, integrity_problems, load_sample, sample_names

DATA = Path(__file__).resolve().parent.parent / "data"

# the table in data/README.md
ROWS = {
    "course": {"User": 20, "Profile": 12, "Post": 40, "Session": 18, "Account": 6, "_AccountToUser": 20},
    "course-explicit": {"User": 20, "Profile": 12, "Post": 40, "Session": 18, "Account": 6, "UserAccount": 20},
    "social": {"User": 16, "Post": 20, "_Follows": 27},
    "actions": {"Author": 6, "Category": 4, "Book": 14, "Customer": 6, "Store": 3, "Order": 8, "OrderItem": 15, "Review": 8},
}


@pytest.mark.parametrize("name", sorted(ROWS))
def test_each_sample_loads_every_csv_row_and_keeps_its_relations(name):
    schema, con = load_sample(name)
    counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ROWS[name]}
    assert counts == ROWS[name]
    assert integrity_problems(con, schema) == []


def test_the_samples_are_the_schemas_in_the_data_folder():
    assert data_dir() == DATA
    assert sample_names() == ["actions", "course", "course-explicit", "social"]


def test_a_sample_unpacks_to_schema_and_connection_and_has_names_too():
    sample = load_sample("course")
    schema, con = sample
    assert schema is sample.schema and con is sample.con
    assert isinstance(schema, relviz.Schema)


def test_csv_values_keep_their_types():
    _, con = load_sample("course")
    row = con.execute('SELECT title, published, "createdAt"::VARCHAR, "authorId" FROM "Post" WHERE id = 1').fetchone()
    assert row == ("Hello from Lagos", True, "2024-01-10 08:00:00", 1)


def test_an_empty_csv_cell_is_null():
    _, con = load_sample("social")
    assert con.execute('SELECT "editorId" FROM "Post" WHERE id = 4').fetchone() == (None,)


def test_the_explicit_variant_reads_its_join_model_and_borrows_the_rest_from_course():
    _, con = load_sample("course-explicit")
    roles = dict(con.execute('SELECT role::VARCHAR, count(*) FROM "UserAccount" GROUP BY ALL').fetchall())
    assert roles == {"OWNER": 6, "MEMBER": 10, "VIEWER": 4}


def test_new_rows_get_ids_after_the_loaded_ones():
    _, con = load_sample("actions")
    con.execute("""INSERT INTO "Author" (name) VALUES ('Wisława Szymborska')""")
    assert con.execute("""SELECT id FROM "Author" WHERE name LIKE 'Wis%'""").fetchone() == (7,)


def test_a_sample_can_be_saved_to_a_file_but_never_over_one(tmp_path):
    path = tmp_path / "social.duckdb"
    load_sample("social", path).con.close()
    with pytest.raises(relviz.UsageError, match="overwrite=True"):
        load_sample("social", path)
    assert load_sample("social", path, overwrite=True).con.execute('SELECT count(*) FROM "User"').fetchone() == (16,)


def test_an_unknown_sample_names_the_known_ones():
    with pytest.raises(relviz.UsageError, match=r"unknown sample: 'blog' \(must be one of \['actions', 'course'"):
        load_sample("blog")


def test_relviz_data_points_at_another_data_folder(tmp_path, monkeypatch):
    (tmp_path / "course.prisma").write_text((DATA / "course.prisma").read_text())
    monkeypatch.setenv("RELVIZ_DATA", str(tmp_path))
    schema, con = load_sample("course")
    assert con.execute('SELECT count(*) FROM "User"').fetchone() == (0,)  # a schema without CSVs: empty tables


def test_a_sample_shows_its_tables():
    sample = load_sample("social")
    assert repr(sample) == "<Sample 2 models: User 16, Post 20, _Follows 27>"
    assert list(sample.table("User", limit=2)["name"]) == ["Nadia Haddad", "Tomás Ortega"]
    with pytest.raises(relviz.UsageError, match="no table or model named 'Users'"):
        sample.table("Users")


def test_relviz_leaves_no_unfinished_result_so_the_reader_can_query_next():
    """DuckDB 2 refuses a new query while an execute() result is half read."""
    sample = relviz.load_sample("course")
    sample.row_counts()
    assert sample.con.sql('SELECT count(*) FROM "Post"').fetchall() == [(40,)]
