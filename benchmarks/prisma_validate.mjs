// Times Prisma's own WASM validator (prisma-schema-wasm) on one schema file.
// usage: node prisma_validate.mjs SCHEMA ROUNDS  -> one JSON line: {"times_ms": [...]}
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
const times = [];
for (let i = 0; i < Number(rounds); i++) {
  const t = process.hrtime.bigint();
  wasm.validate(arg);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
console.log(JSON.stringify({ times_ms: times }));
