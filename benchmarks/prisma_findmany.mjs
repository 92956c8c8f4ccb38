// Times Prisma Client 7 (better-sqlite3 adapter) on findMany({include: {posts: true}}) for bench_client.py.
// usage: node prisma_findmany.mjs WORKDIR USERS POSTS RUNS  -> one JSON line: {"times_ms": [...], "users": n, "posts": n}
// WORKDIR holds schema.prisma (generator output ./client), prisma.config.ts and ddl.sql (written by bench_client.py).
// Prisma comes from the oracle install (PRISMA_ORACLE_HOME, default ~/.cache/prisma-oracle); the client is
// generated in WORKDIR with `prisma generate`, as the oracle's `query` command does, and the data is the
// same as bench_client.py puts in DuckDB, written with better-sqlite3 in one transaction.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const home = process.env.PRISMA_ORACLE_HOME || path.join(os.homedir(), '.cache', 'prisma-oracle');
if (!fs.existsSync(path.join(home, 'node_modules', 'prisma')) || !fs.existsSync(path.join(home, 'node_modules', 'better-sqlite3'))) {
  console.error(`Prisma is not installed in ${home} (set PRISMA_ORACLE_HOME)`);
  process.exit(3);
}
const [work, users, posts, runs] = process.argv.slice(2);
const modules = path.join(work, 'node_modules');
if (!fs.existsSync(modules)) fs.symlinkSync(path.join(home, 'node_modules'), modules);
execFileSync(path.join(home, 'node_modules', '.bin', 'prisma'), ['generate'], {
  cwd: work, stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
});

// The data, as bench_client.py makes it: user i, post j (1-based), dates 2024-01-01 plus i (or j) seconds.
const require = createRequire(path.join(home, 'package.json'));
const Database = require('better-sqlite3');
const file = path.join(work, 'bench.db');
fs.rmSync(file, { force: true });
const db = new Database(file);
db.pragma('journal_mode = OFF');
db.pragma('synchronous = OFF');
db.exec(fs.readFileSync(path.join(work, 'ddl.sql'), 'utf8'));
const base = Date.UTC(2024, 0, 1);
const iso = (s) => new Date(base + s * 1000).toISOString().replace('Z', '+00:00');
const U = Number(users), P = Number(posts);
db.transaction(() => {
  const u = db.prepare('INSERT INTO "User" (id, email, name, createdAt) VALUES (?, ?, ?, ?)');
  for (let i = 1; i <= U; i++) u.run(i, `user${i}@example.com`, `User ${i}`, iso(i));
  const p = db.prepare('INSERT INTO "Post" (id, title, published, createdAt, authorId) VALUES (?, ?, ?, ?, ?)');
  for (let j = 1; j <= P; j++) p.run(j, `Post ${j}`, j % 3 === 0 ? 1 : 0, iso(j), ((j * 7919) % U) + 1);
})();
db.close();

fs.writeFileSync(path.join(work, 'run.ts'), `
import { PrismaClient } from './client/client';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
async function main() {
  const prisma: any = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: 'file:bench.db' }) });
  const args = { orderBy: { id: 'asc' }, include: { posts: true } };
  await prisma.user.findMany({ take: 10, ...args });  // warm up: connect, load the query compiler
  const times: number[] = [];
  let users = 0, posts = 0;
  for (let i = 0; i < ${Number(runs)}; i++) {
    const t = performance.now();
    const rows = await prisma.user.findMany(args);
    times.push(performance.now() - t);
    users = rows.length; posts = rows.reduce((n: number, u: any) => n + u.posts.length, 0);
  }
  console.log(JSON.stringify({ times_ms: times, users, posts }));
  await prisma.$disconnect();
}
main();
`);
const out = execFileSync(path.join(home, 'node_modules', '.bin', 'tsx'), ['run.ts'], {
  cwd: work, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26,
  env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=8192' },
});
process.stdout.write(out);
