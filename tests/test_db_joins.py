"""relviz.join / join_sql: following each relation of the course schemas gives exactly the rows the CSVs say.

The expected rows are computed here with pandas merges on the CSV files, not with relviz.
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import relviz
from relviz.db import join, join_sql, load_sample

DATA = Path(__file__).resolve().parent.parent / "data"

# (sample, relation field, near table, near label, far table, far label, link, near key, far key)
# link: ("fk", near column, far column)  or  ("through", join table CSV, near's column there, far's column there)
CASES = [
    ("course", "Post.author", "Post", "Post", "User", "User", ("fk", "authorId", "id")),
    ("course", "User.posts", "User", "User", "Post", "Post", ("fk", "id", "authorId")),
    ("course", "Profile.user", "Profile", "Profile", "User", "User", ("fk", "userId", "id")),
    ("course", "User.profile", "User", "User", "Profile", "Profile", ("fk", "id", "userId")),
    ("course", "Session.user", "Session", "Session", "User", "User", ("fk", "userId", "id")),
    ("course", "User.sessions", "User", "User", "Session", "Session", ("fk", "id", "userId")),
    ("course", "Account.users", "Account", "Account", "User", "User", ("through", "_AccountToUser", "A", "B")),
    ("course", "User.accounts", "User", "User", "Account", "Account", ("through", "_AccountToUser", "B", "A")),
    ("course-explicit", "UserAccount.user", "UserAccount", "UserAccount", "User", "User", ("fk", "userId", "id")),
    ("course-explicit", "User.accounts", "User", "User", "UserAccount", "UserAccount", ("fk", "id", "userId")),
    ("course-explicit", "UserAccount.account", "UserAccount", "UserAccount", "Account", "Account", ("fk", "accountId", "id")),
    ("course-explicit", "Account.members", "Account", "Account", "UserAccount", "UserAccount", ("fk", "id", "accountId")),
    ("social", "User.manager", "User", "User", "User", "manager", ("fk", "managerId", "id")),
    ("social", "User.reports", "User", "User", "User", "reports", ("fk", "id", "managerId")),
    ("social", "User.mentor", "User", "User", "User", "mentor", ("fk", "mentorId", "id")),
    ("social", "User.mentee", "User", "User", "User", "mentee", ("fk", "id", "mentorId")),
    # a row (A, B) of _Follows: B is in A.followers (followers sorts before following, so it is model A's field)
    ("social", "User.followers", "User", "User", "User", "followers", ("through", "_Follows", "A", "B")),
    ("social", "User.following", "User", "User", "User", "following", ("through", "_Follows", "B", "A")),
    ("social", "Post.author", "Post", "Post", "User", "User", ("fk", "authorId", "id")),
    ("social", "User.writtenPosts", "User", "User", "Post", "Post", ("fk", "id", "authorId")),
    ("social", "Post.editor", "Post", "Post", "User", "User", ("fk", "editorId", "id")),
    ("social", "User.editedPosts", "User", "User", "Post", "Post", ("fk", "id", "editorId")),
]

# course-explicit shares every relation of course but the many-to-many one
CASES += [("course-explicit", *c[1:]) for c in CASES[:6]]

KEYS = {"UserAccount": ["userId", "accountId"]}


def _csv(sample, table):
    for folder in (sample, sample.split("-")[0]):
        path = DATA / folder / f"{table}.csv"
        if path.is_file():
            return pd.read_csv(path, dtype=str, keep_default_na=False)
    raise FileNotFoundError(table)


def _sort_value(text):
    return (0, int(text), "") if text.isdigit() else (1, 0, text)


def expected_rows(sample, near_table, near_label, far_table, far_label, link, how):
    near = _csv(sample, near_table).add_prefix(near_label + ".")
    far = _csv(sample, far_table).add_prefix(far_label + ".")
    if link[0] == "fk":
        near = near[near[f"{near_label}.{link[1]}"] != ""] if how == "inner" else near
        merged = near.merge(far, how=how, left_on=f"{near_label}.{link[1]}", right_on=f"{far_label}.{link[2]}")
    else:
        pairs = _csv(sample, link[1]).rename(columns={link[2]: "_near", link[3]: "_far"})
        merged = near.merge(pairs, how=how, left_on=f"{near_label}.id", right_on="_near")
        merged = merged.merge(far, how=how, left_on="_far", right_on=f"{far_label}.id").drop(columns=["_near", "_far"])
    merged = merged.fillna("")
    order = [f"{near_label}.{k}" for k in KEYS.get(near_table, ["id"])] + [f"{far_label}.{k}" for k in KEYS.get(far_table, ["id"])]
    rows = [tuple(r) for r in merged[list(near.columns) + list(far.columns)].itertuples(index=False)]
    positions = [list(near.columns) + list(far.columns)].pop()
    key = lambda row: tuple(_sort_value(row[positions.index(c)]) if row[positions.index(c)] else (2, 0, "") for c in order)  # noqa: E731
    return list(near.columns) + list(far.columns), sorted(rows, key=key)


def as_text(value):
    """A DuckDB value written the way the CSV files write it."""
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"
    if type(value).__name__ in ("bool", "bool_"):  # Python or NumPy booleans
        return "true" if value else "false"
    return str(value)


_SAMPLES = {}


def _sample(name):
    if name not in _SAMPLES:
        _SAMPLES[name] = load_sample(name)
    return _SAMPLES[name]


@pytest.mark.parametrize("how", ["inner", "left"])
@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_following_a_relation_gives_the_rows_the_csv_files_say(case, how):
    sample, key, near_table, near_label, far_table, far_label, link = case
    columns, rows = expected_rows(sample, near_table, near_label, far_table, far_label, link, how)
    frame = join(_sample(sample).con, key, how=how)
    assert list(frame.columns) == columns
    assert [tuple(as_text(v) for v in r) for r in frame.itertuples(index=False)] == rows


def test_every_relation_of_the_course_schemas_is_covered_both_ways():
    for name in ("course", "course-explicit", "social"):
        schema = _sample(name).schema
        fields = {f"{f.model.name}.{f.name}" for r in schema.relations for f in r.relation_fields}
        assert fields == {c[1] for c in CASES if c[0] == name}


def test_a_left_join_keeps_users_without_posts():
    frame = join(_sample("course").con, "User.posts", how="left")
    users, posts = _csv("course", "User"), _csv("course", "Post")
    without = sorted(int(i) for i in set(users["id"]) - set(posts["authorId"]))
    assert without  # the CSVs do have such users
    assert frame[frame["Post.id"].isna()]["User.id"].tolist() == without


def test_join_sql_goes_through_the_join_table_of_an_implicit_many_to_many():
    schema = _sample("course").schema
    sql = join_sql(schema.relation("AccountToUser"), "backward", "inner")
    assert 'FROM "User"' in sql
    assert 'JOIN "_AccountToUser" ON "_AccountToUser"."B" = "User"."id"' in sql
    assert 'JOIN "Account" ON "Account"."id" = "_AccountToUser"."A"' in sql


def test_join_sql_of_a_self_relation_names_the_far_side_after_the_relation_field():
    schema = _sample("social").schema
    sql = join_sql(schema.relation("Management"), "forward", "left")
    assert 'LEFT JOIN "User" AS "manager" ON "manager"."id" = "User"."managerId"' in sql
    assert '"manager"."name" AS "manager.name"' in sql


def test_a_relation_name_is_followed_forward_unless_told_otherwise():
    con = _sample("course").con
    assert list(join(con, "PostToUser").columns)[0] == "Post.id"
    assert list(join(con, "PostToUser", direction="backward").columns)[0] == "User.id"


def test_unknown_choices_are_named_with_the_valid_ones():
    schema = _sample("course").schema
    with pytest.raises(relviz.UsageError, match=r"unknown join kind: 'outer' \(must be one of \['inner', 'left'\]\)"):
        join_sql(schema.relation("PostToUser"), how="outer")
    with pytest.raises(relviz.UsageError, match="unknown direction"):
        join_sql(schema.relation("PostToUser"), direction="up")
    with pytest.raises(relviz.UsageError, match="no relation named 'Nope'"):
        join(_sample("course").con, "Nope")


def test_a_sample_joins_its_own_relations():
    frame = _sample("social").join("User.reports")
    assert frame[frame["User.id"] == 1]["reports.id"].tolist() == [2, 3, 4]


def _is_valid_relational(path):
    verdict = path.with_suffix(".validate.txt").read_text().strip()
    return verdict == "valid" and 'provider = "mongodb"' not in path.read_text()


@pytest.mark.slow
def test_every_relation_of_every_valid_corpus_schema_can_be_followed_both_ways(real_schema):
    if not _is_valid_relational(real_schema):
        pytest.skip("not a valid relational schema")
    from relviz.db import connect

    schema = relviz.load(real_schema)
    con = connect(schema)
    for relation in schema.relations:
        if relation.referencing_model.is_ignored or relation.referenced_model.is_ignored:
            continue
        for direction in ("forward", "backward"):
            sql = join_sql(relation, direction, "left")
            con.execute(f"EXPLAIN {sql}")  # DuckDB binds every table and column without running it
