// Times Prisma's own WASM validator (prisma-schema-wasm) on one schema file.
// usage: node prisma_validate.mjs SCHEMA ROUNDS  -> one JSON line: {"times_ms": [...]}
//        node prisma_validate.mjs SCHEMA serve   -> for each line N read, such a line for N rounds
//        (one warm process that bench_parse.py asks round by round, between its own rounds)
// The engines come from the oracle install (PRISMA_ORACLE_HOME, default ~/.cache/prisma-oracle).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const home = process.env.PRISMA_ORACLE_HOME || path.join(os.homedir(), '.cache', 'prisma-oracle');
const require = createRequire(path.join(home, 'package.json'));
const wasm = require('@prisma/prisma-schema-wasm');
const [file, rounds = '20'] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8').replace(/^\s*(url|directUrl|shadowDatabaseUrl)\s*=.*$/gm, '');
const arg = JSON.stringify({ prismaSchema: [[path.basename(file), text]], noColor: true });
for (let i = 0; i < 10; i++) wasm.validate(arg); // warm up: let the WASM compiler settle
function timed(n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    wasm.validate(arg);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return JSON.stringify({ times_ms: times });
}
if (rounds === 'serve') {
  const readline = await import('node:readline');
  for await (const line of readline.createInterface({ input: process.stdin })) console.log(timed(Number(line)));
} else {
  console.log(timed(Number(rounds)));
}
