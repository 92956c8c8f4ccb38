"""relviz.sample_data: made-up rows that keep every relation and every unique key of a schema."""

from pathlib import Path

import pytest

import relviz
from relviz.db import connect, integrity_problems, sample_data

DATA = Path(__file__).resolve().parent.parent / "data"


def _is_valid_relational(path):
    verdict = path.with_suffix(".validate.txt").read_text().strip()
    return verdict == "valid" and 'provider = "mongodb"' not in path.read_text()


def _rows(con, sql):
    return con.execute(sql).fetchall()


@pytest.fixture(scope="module")
def course():
    return relviz.load(DATA / "course.prisma")


@pytest.fixture(scope="module")
def social():
    return relviz.load(DATA / "social.prisma")


@pytest.mark.slow
def test_every_table_of_every_valid_corpus_schema_is_filled_without_orphans_or_repeated_keys(real_schema):
    if not _is_valid_relational(real_schema):
        pytest.skip("not a valid relational schema")
    schema = relviz.load(real_schema)
    sample = sample_data(schema, rows=4, seed=1)
    counts = sample.row_counts()
    assert counts and all(n > 0 for n in counts.values()), counts
    assert integrity_problems(sample.con, schema) == []


def test_the_integrity_check_finds_orphans(course):
    con = sample_data(course, rows=5).con
    con.execute('UPDATE "Post" SET "authorId" = 999 WHERE id = 1')
    con.execute('DELETE FROM "Account" WHERE id IN (SELECT "A" FROM "_AccountToUser" LIMIT 1)')
    problems = integrity_problems(con, course)
    assert problems[0] == "1 orphan row(s): Post.authorId -> User (PostToUser)"
    assert problems[1].endswith("orphan row(s): _AccountToUser.A -> Account")


def test_the_same_seed_gives_the_same_rows(course):
    first = sample_data(course, rows=50, seed=7).con
    second = sample_data(course, rows=50, seed=7).con
    third = sample_data(course, rows=50, seed=8).con
    query = 'SELECT * FROM "Post" ORDER BY id'
    assert _rows(first, query) == _rows(second, query)
    assert _rows(first, query) != _rows(third, query)


def test_rows_can_be_given_per_model(course):
    sample = sample_data(course, rows={"User": 30, "Post": 100, "_AccountToUser": 12})
    counts = sample.row_counts()
    assert counts["User"] == 30 and counts["Post"] == 100 and counts["_AccountToUser"] == 12
    assert counts["Account"] == 10  # the default


def test_a_one_to_one_relation_gets_at_most_one_row_per_referenced_row(course):
    con = sample_data(course, rows={"User": 20, "Profile": 50}).con
    assert _rows(con, 'SELECT count(*), count(DISTINCT "userId") FROM "Profile"') == [(20, 20)]


def test_implicit_many_to_many_pairs_are_distinct(course):
    con = sample_data(course, rows={"User": 5, "Account": 4, "_AccountToUser": 20}).con
    assert _rows(con, 'SELECT count(*), count(DISTINCT ("A", "B")) FROM "_AccountToUser"') == [(20, 20)]


def test_nobody_follows_themselves_in_a_self_many_to_many(social):
    con = sample_data(social, rows={"User": 6, "_Follows": 30}).con
    assert _rows(con, 'SELECT count(*) FROM "_Follows"') == [(30,)]  # 6 * 5 ordered pairs
    assert _rows(con, 'SELECT count(*) FROM "_Follows" WHERE "A" = "B"') == [(0,)]


def test_a_self_relation_points_at_earlier_rows_so_managers_form_a_tree(social):
    con = sample_data(social, rows=200).con
    assert _rows(con, 'SELECT count(*) FROM "User" WHERE "managerId" >= id') == [(0,)]
    assert _rows(con, 'SELECT count(*) FROM "User" WHERE "mentorId" >= id') == [(0,)]
    assert _rows(con, 'SELECT "managerId" FROM "User" WHERE id = 1') == [(None,)]


def test_optional_foreign_keys_are_sometimes_null_and_required_ones_never(social):
    con = sample_data(social, rows=200).con
    nulls, total = _rows(con, 'SELECT count(*) - count("editorId"), count(*) FROM "Post"')[0]
    assert 0 < nulls < total
    assert _rows(con, 'SELECT count(*) FROM "Post" WHERE "authorId" IS NULL') == [(0,)]


def test_enum_values_and_literal_defaults_are_used():
    schema = relviz.load(DATA / "course-explicit.prisma")
    con = sample_data(schema, rows=300).con
    roles = {r[0] for r in _rows(con, 'SELECT DISTINCT role FROM "UserAccount"')}
    assert roles == {"OWNER", "MEMBER", "VIEWER"}
    published = dict(_rows(con, 'SELECT published, count(*) FROM "Post" GROUP BY ALL'))
    assert published[False] > published[True]  # @default(false) in a third of the rows, a coin toss in the rest


def test_a_composite_key_of_two_foreign_keys_gets_distinct_pairs_and_caps_the_rows():
    schema = relviz.load(DATA / "course-explicit.prisma")
    sample = sample_data(schema, rows={"User": 3, "Account": 2, "UserAccount": 100})
    assert sample.row_counts()["UserAccount"] == 6  # 3 users x 2 accounts
    assert integrity_problems(sample.con, schema) == []


def test_autoincrement_continues_after_the_sample_rows(course):
    con = sample_data(course, rows=25).con
    con.execute("""INSERT INTO "User" (email) VALUES ('new@example.com')""")
    assert _rows(con, """SELECT id FROM "User" WHERE email = 'new@example.com'""") == [(26,)]


def test_sample_data_fills_a_connection_made_by_connect(course):
    con = connect(course)
    sample = sample_data(course, rows=3, con=con)
    assert sample.con is con and sample.row_counts()["User"] == 3


def test_tables_that_already_hold_rows_are_refused(course):
    con = sample_data(course, rows=3).con
    with pytest.raises(relviz.UsageError, match="already hold rows"):
        sample_data(course, rows=3, con=con)


def test_progress_is_reported_per_table(course):
    seen = []
    sample_data(course, rows=3, progress=lambda table, rows, done, total: seen.append((table, rows, done, total)))
    assert [s[0] for s in seen] == ["User", "Account", "Profile", "Post", "Session", "_AccountToUser"]
    assert seen[-1][2:] == (6, 6)


def test_a_large_run_prints_progress_on_stderr(course, capsys):
    sample_data(course, rows={"Post": 100_001, "User": 10})
    err = capsys.readouterr().err
    assert "sample_data: Post: 100,001 rows (4/6 tables" in err


CYCLE = """
datasource db {
  provider = "postgresql"
}

model Team {
  id        Int      @id
  captain   Player?  @relation("Captain", fields: [captainId], references: [id])
  captainId Int?     @unique
  players   Player[] @relation("Members")
}

model Player {
  id        Int   @id
  team      Team  @relation("Members", fields: [teamId], references: [id])
  teamId    Int
  captainOf Team? @relation("Captain")
}
"""


def test_a_cycle_between_tables_is_broken_by_an_optional_foreign_key_left_null():
    schema = relviz.parse(CYCLE)
    sample = sample_data(schema, rows=5)
    assert list(sample.row_counts()) == ["Team", "Player"]
    assert _rows(sample.con, 'SELECT count("captainId") FROM "Team"') == [(0,)]
    assert integrity_problems(sample.con, schema) == []


@pytest.mark.parametrize("rows", [0, 1, 2])
def test_tiny_row_counts_still_keep_every_relation(rows):
    for name in ("course", "course-explicit", "social", "actions"):
        schema = relviz.load(DATA / f"{name}.prisma")
        sample = sample_data(schema, rows=rows)
        assert integrity_problems(sample.con, schema) == []


@pytest.mark.parametrize("name", ["course", "course-explicit", "social", "actions"])
def test_a_large_run_builds_its_keys_after_the_rows_and_gives_the_same_rows(name, monkeypatch):
    from relviz.db import fill

    schema = relviz.load(DATA / f"{name}.prisma")
    normal = sample_data(schema, rows=40, seed=5)
    monkeypatch.setattr(fill, "BULK_THRESHOLD", 0)
    bulk = sample_data(schema, rows=40, seed=5)
    assert integrity_problems(bulk.con, schema) == []
    for table in normal.row_counts():
        query = f'SELECT * FROM "{table}" ORDER BY ALL'
        assert _rows(bulk.con, query) == _rows(normal.con, query)


@pytest.mark.slow
def test_a_large_run_of_every_valid_corpus_schema_gives_the_same_rows_keys_and_sequences(real_schema, monkeypatch):
    """Large runs fill several tables at a time, each in its own transaction: the rows (repairs of shared
    foreign key columns included), keys, indexes and sequences are those of a run in one transaction."""
    from relviz.db import fill

    if not _is_valid_relational(real_schema):
        pytest.skip("not a valid relational schema")
    schema = relviz.load(real_schema)
    normal = sample_data(schema, rows=6, seed=2)
    monkeypatch.setattr(fill, "BULK_THRESHOLD", 0)
    seen = []
    bulk = sample_data(schema, rows=6, seed=2, progress=lambda *args: seen.append(args))
    assert integrity_problems(bulk.con, schema) == []
    assert seen == [(t, n, k, len(seen)) for k, (t, n) in enumerate(normal.row_counts().items(), 1)]
    def keys(con):  # a unique constraint comes back as a unique index of the same columns
        constraints = _rows(con, "SELECT schema_name, table_name, constraint_type, constraint_column_names "
                                 "FROM duckdb_constraints() WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')")
        indexes = _rows(con, "SELECT schema_name, table_name, is_unique, expressions FROM duckdb_indexes()")
        return sorted({(s, t, kind, tuple(cols)) for s, t, kind, cols in constraints} | {
            (s, t, "UNIQUE" if unique else "INDEX", tuple(c.strip("'\"") for c in cols.strip("[]").split(", ")))
            for s, t, unique, cols in indexes
        })

    sequences = "SELECT schema_name, sequence_name, last_value FROM duckdb_sequences() ORDER BY ALL"
    assert keys(bulk.con) == keys(normal.con)
    assert _rows(bulk.con, sequences) == _rows(normal.con, sequences)
    for schema_name, table in _rows(normal.con, "SELECT schema_name, table_name FROM duckdb_tables() ORDER BY ALL"):
        query = f'SELECT * FROM "{schema_name}"."{table}" ORDER BY ALL'
        assert _rows(bulk.con, query) == _rows(normal.con, query), table


def test_keys_built_after_a_large_run_are_enforced(course, monkeypatch):
    import duckdb

    from relviz.db import fill

    monkeypatch.setattr(fill, "BULK_THRESHOLD", 0)
    con = sample_data(course, rows=20).con
    with pytest.raises(duckdb.ConstraintException):
        con.execute("""INSERT INTO "User" (id, email) VALUES (1, 'again@example.com')""")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("""INSERT INTO "User" (email) SELECT email FROM "User" LIMIT 1""")


def test_a_large_run_gives_back_duckdbs_settings(course, monkeypatch):
    from relviz.db import fill

    monkeypatch.setattr(fill, "BULK_THRESHOLD", 0)
    monkeypatch.setattr(fill, "PROGRESS_THRESHOLD", 0)
    con = sample_data(course, rows=20, progress=False).con
    fresh = connect(course)
    query = "SELECT current_setting('threads'), current_setting('preserve_insertion_order')"
    assert _rows(con, query) == _rows(fresh, query)


def test_rows_for_an_unknown_model_are_refused_with_the_known_names(course):
    with pytest.raises(relviz.UsageError, match=r"rows names no model or table 'Users' \(must be one of \['User'"):
        sample_data(course, rows={"Users": 5})
    with pytest.raises(relviz.UsageError, match="rows must be whole numbers, 0 or more"):
        sample_data(course, rows=-1)
