"""relviz.db.parallel.run_tasks: SQL for different tables side by side, each thread on its own cursor."""

import threading

import duckdb
import pytest

from relviz.db.parallel import Task, run_tasks


def test_tasks_run_after_the_tasks_they_wait_for_and_see_their_committed_rows():
    con = duckdb.connect()
    con.execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER)")
    fill_a = Task("a", lambda cur: cur.execute("INSERT INTO a SELECT range FROM range(1000)").fetchall())
    fill_b = Task("b", lambda cur: cur.execute("INSERT INTO b SELECT x * 2 FROM a").fetchall(), [fill_a])
    count = Task("count", lambda cur: cur.execute("SELECT count(*) FROM b").fetchall()[0][0], [fill_b])
    finished = list(run_tasks(con, [count, fill_b, fill_a], workers=2))
    assert [t.name for t, _ in finished] == ["a", "b", "count"]
    assert finished[-1][1] == 1000


def test_independent_tasks_run_at_the_same_time_on_different_cursors():
    started = threading.Barrier(2, timeout=10)
    cursors = []

    def meet(cur):
        cursors.append(cur)
        started.wait()  # both tasks must be running for either to pass

    list(run_tasks(duckdb.connect(), [Task("one", meet), Task("two", meet)], workers=2))
    assert cursors[0] is not cursors[1]


def test_the_first_failure_stops_the_run_and_is_raised():
    ran = []

    def fail(cur):
        cur.execute("SELECT * FROM missing")

    first = Task("fail", fail)
    later = Task("later", lambda cur: ran.append(1), [first])
    with pytest.raises(duckdb.CatalogException, match="missing"):
        list(run_tasks(duckdb.connect(), [first, later], workers=2))
    assert ran == []


def test_tasks_waiting_for_each_other_are_refused():
    a = Task("a", lambda cur: None)
    b = Task("b", lambda cur: None, [a])
    a.after.append(b)
    with pytest.raises(ValueError, match="wait for each other"):
        list(run_tasks(duckdb.connect(), [a, b], workers=2))
