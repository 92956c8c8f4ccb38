"""How fast ``findMany({include: {posts: true}})`` is: relviz's client, hand-written DuckDB, Prisma Client.

    python benchmarks/bench_client.py [--users 100000] [--posts 1000000] [--runs 5] [--prisma-runs N] [--no-prisma]

The same data (users, and posts spread over them) is read three ways, each returning every user
with its posts as a list of dicts (datetimes as aware UTC ``datetime``), ordered by id:

- relviz: ``db.user.findMany({"orderBy": {"id": "asc"}, "include": {"posts": True}})`` on DuckDB
  (two queries: the users, then their posts ``WHERE authorId IN (...)``, in id order);
- hand-written DuckDB, two ways: two plain queries grouped in Python, and one query that
  aggregates each user's posts into a list of structs (``list({...} ORDER BY id)``);
- Prisma Client 7 on SQLite (better-sqlite3 adapter), generated from the same schema by
  ``prisma_findmany.mjs`` from the Prisma oracle install (skipped with a message when missing).
  (The nested posts carry no ``orderBy``: with one, Prisma cannot split the 100,000 parent ids
  into SQLite's 999-parameter chunks and fails with P2029. SQLite returns them in id order.)

The Python timings are interleaved run by run, so machine noise hits them alike. Prints medians
and the ratios relviz / Prisma Client and relviz / hand-written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import relviz
from relviz.client import Client
from relviz.db import connect

HERE = Path(__file__).resolve().parent
UTC = dt.timezone.utc

SCHEMA = """
datasource db {
  provider = "sqlite"
}

generator client {
  provider = "prisma-client"
  output   = "./client"
}

model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?
  createdAt DateTime @default(now())
  posts     Post[]
}

model Post {
  id        Int      @id @default(autoincrement())
  title     String
  published Boolean  @default(false)
  createdAt DateTime @default(now())
  author    User     @relation(fields: [authorId], references: [id])
  authorId  Int
}
"""

ARGS = {"orderBy": {"id": "asc"}, "include": {"posts": True}}


def fill(con, users: int, posts: int) -> None:
    """User i and post j (1-based), as prisma_findmany.mjs writes them into SQLite."""
    con.execute(f"""INSERT INTO "User" (id, email, name, "createdAt")
        SELECT i, 'user' || i || '@example.com', 'User ' || i, TIMESTAMP '2024-01-01' + to_seconds(i)
        FROM range(1, {users + 1}) AS r(i)""")
    con.execute(f"""INSERT INTO "Post" (id, title, published, "createdAt", "authorId")
        SELECT j, 'Post ' || j, j % 3 = 0, TIMESTAMP '2024-01-01' + to_seconds(j), ((j * 7919) % {users}) + 1
        FROM range(1, {posts + 1}) AS r(j)""")


def aware(t):
    """A naive UTC datetime made aware (the constructor is about twice as fast as ``t.replace(tzinfo=UTC)``)."""
    return dt.datetime(t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond, UTC)


def hand_two_queries(con):
    """Two queries, grouped in Python: the straightforward hand-written way."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        users = con.execute('SELECT id, email, name, "createdAt" FROM "User" ORDER BY id').fetchall()
        posts = con.execute('SELECT id, title, published, "createdAt", "authorId" FROM "Post" ORDER BY id').fetchall()
        by_user = {}
        out = []
        datetime = dt.datetime
        for i, email, name, t in users:
            mine = by_user[i] = []
            out.append({"id": i, "email": email, "name": name,
                        "createdAt": datetime(t.year, t.month, t.day, t.hour, t.minute, t.second, t.microsecond, UTC),
                        "posts": mine})
        for i, title, published, t, author in posts:
            by_user[author].append({"id": i, "title": title, "published": published,
                                    "createdAt": datetime(t.year, t.month, t.day, t.hour, t.minute, t.second,
                                                          t.microsecond, UTC),
                                    "authorId": author})
        return out
    finally:
        if enabled:
            gc.enable()


LIST_SQL = """
SELECT u.id, u.email, u.name, u."createdAt",
       coalesce(p.posts, []) AS posts
FROM "User" AS u
LEFT JOIN (SELECT "authorId", list({'id': id, 'title': title, 'published': published,
                                   'createdAt': "createdAt", 'authorId': "authorId"} ORDER BY id) AS posts
           FROM "Post" GROUP BY "authorId") AS p ON p."authorId" = u.id
ORDER BY u.id
"""


def hand_list_aggregate(con):
    """One query: DuckDB builds each user's posts as a list of structs (Python dicts)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        out = []
        for i, email, name, created, posts in con.execute(LIST_SQL).fetchall():
            for p in posts:
                p["createdAt"] = aware(p["createdAt"])
            out.append({"id": i, "email": email, "name": name, "createdAt": aware(created), "posts": posts})
        return out
    finally:
        if enabled:
            gc.enable()


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return (time.perf_counter() - start) * 1000, result


def prisma_times(schema, users: int, posts: int, runs: int):
    if shutil.which("node") is None:
        print("(Prisma Client skipped: `node` is not on PATH)")
        return None
    from relviz.sql import create_sql

    with tempfile.TemporaryDirectory(prefix="relviz-bench-") as work:
        Path(work, "schema.prisma").write_text(SCHEMA)
        Path(work, "prisma.config.ts").write_text('export default { schema: "schema.prisma" };\n')
        Path(work, "ddl.sql").write_text(create_sql(schema, "sqlite"))
        proc = subprocess.run(["node", str(HERE / "prisma_findmany.mjs"), work, str(users), str(posts), str(runs)],
                              capture_output=True, text=True)
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit {proc.returncode}"
        print(f"(Prisma Client skipped: {last})")
        return None
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    if (found["users"], found["posts"]) != (users, posts):
        raise SystemExit(f"Prisma Client read {found['users']} users and {found['posts']} posts, expected {users} and {posts}")
    return found["times_ms"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=100_000)
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--prisma-runs", type=int, default=None, help="runs for Prisma Client (default: --runs)")
    ap.add_argument("--no-prisma", action="store_true", help="skip Prisma Client")
    args = ap.parse_args()

    schema = relviz.parse(SCHEMA, filename="bench.prisma")
    con = connect(schema)
    fill(con, args.users, args.posts)
    db = Client(schema, con)
    cases = {
        "relviz findMany": lambda: db.user.findMany(ARGS),
        "hand-written, two queries": lambda: hand_two_queries(con),
        "hand-written, list aggregate": lambda: hand_list_aggregate(con),
    }
    results = {name: fn() for name, fn in cases.items()}  # warm up, and check they agree
    reference = results["hand-written, two queries"]
    for name, got in results.items():
        user = next(u for u in got if u["posts"])
        same_keys = list(user) == list(reference[0]) and list(user["posts"][0]) == list(reference[0]["posts"][0] if reference[0]["posts"] else user["posts"][0])
        if got != reference or not same_keys:
            raise SystemExit(f"{name} returned something else than the hand-written queries")
    del results, reference, got
    times = {name: [] for name in cases}
    for _ in range(args.runs):
        for name, fn in cases.items():
            ms, result = timed(fn)
            times[name].append(ms)
            del result
    print(f"findMany users with posts: {args.users:,} users, {args.posts:,} posts (medians)")
    medians = {name: statistics.median(ts) for name, ts in times.items()}
    runs = {name: len(ts) for name, ts in times.items()}
    if not args.no_prisma:
        prisma = prisma_times(schema, args.users, args.posts, args.prisma_runs or args.runs)
        if prisma:
            medians["Prisma Client 7 (SQLite)"] = statistics.median(prisma)
            runs["Prisma Client 7 (SQLite)"] = len(prisma)
    for name, ms in medians.items():
        print(f"  {name:32s} {ms:9.0f} ms   ({runs[name]} runs)")
    relviz_ms = medians["relviz findMany"]
    hand = min(medians["hand-written, two queries"], medians["hand-written, list aggregate"])
    print(f"  relviz / fastest hand-written    {relviz_ms / hand:9.2f}x   (target <= 1.5)")
    if "Prisma Client 7 (SQLite)" in medians:
        print(f"  relviz / Prisma Client           {relviz_ms / medians['Prisma Client 7 (SQLite)']:9.2f}x   (target <= 0.2)")
    print("  relviz's SQL:")
    for statement in list(db.log)[-2:]:
        print("   ", str(statement)[:200])


if __name__ == "__main__":
    main()
