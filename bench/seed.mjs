#!/usr/bin/env node
// Seeding benchmark against a real foxdev/postgres:15 container (started here on a fresh volume,
// removed at the end). Prints a table of medians.
//
//   npm run build && flock /tmp/foxdev-docker.lock node bench/seed.mjs [--runs 5] [--mb 100] [--big-runs 3]
//
// 1. The example (fixtures/seed-pg: a schema + 200 rows): reset + seed, `recreate` (the default)
//    and `truncate`, through the library; and the whole `foxdev seed --yes` command (a fresh node
//    process: start-up, config loading, container lookup, reset + seed). Target: under 2 s.
// 2. A ~100 MB database made by a generated SQL file of multi-row INSERTs (how seed files look):
//    re-running that SQL (reset + seed) against restoring a `pg_dump -Fc` snapshot of the result
//    (`foxdev seed --restore`). Target: restore faster than reseed.
// Wall times on a shared 2-core machine; the load average is printed with them.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { loadLine } from './load-average.mjs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 5);
const MB = arg('--mb', 100);
const BIG_RUNS = arg('--big-runs', 3);
if (!existsSync(path.join(root, 'dist/engine/seed/index.js'))) {
  console.error('bench/seed.mjs: run `npm run build` first');
  process.exit(1);
}
const { applySeed, resetAndSeed, saveSnapshot, restoreSnapshot, snapshotDir } = await import(path.join(root, 'dist/engine/seed/index.js'));
const { dockerClient } = await import(path.join(root, 'dist/runtime/docker-client.js'));
const { execIn } = await import(path.join(root, 'dist/runtime/docker/exec.js'));

const docker = dockerClient();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg()[0].toFixed(1);

const id = randomBytes(4).toString('hex');
const project = `seedbench${id}`;
const labels = { 'dev.foxdev.test': 'seed-bench', 'dev.foxdev.project': project, 'dev.foxdev.service': 'db' };
const work = mkdtempSync(path.join(os.tmpdir(), 'foxdev-seed-bench-'));
const example = path.join(work, 'example');
cpSync(path.join(root, 'fixtures/seed-pg'), example, { recursive: true });

const volume = await docker.createVolume({ Name: `foxdev-seed-bench-${id}`, Labels: labels });
const container = await docker.createContainer({
  name: `foxdev-seed-bench-${id}`,
  Image: 'foxdev/postgres:15',
  Env: ['POSTGRES_USER=shop', 'POSTGRES_PASSWORD=shop', 'POSTGRES_DB=shop'],
  Labels: labels,
  HostConfig: { Mounts: [{ Type: 'volume', Source: volume.name, Target: '/var/lib/postgresql/data' }] },
});
const cleanup = async () => {
  await container.remove({ force: true, v: true }).catch(() => {});
  await docker.getVolume(volume.name).remove().catch(() => {});
  rmSync(work, { recursive: true, force: true });
};
process.on('SIGINT', () => cleanup().then(() => process.exit(130)));

const rows = [];
try {
  await container.start();
  for (;;) {
    const s = (await container.inspect()).State;
    if (s.Health?.Status === 'healthy') break;
    if (!s.Running) throw new Error('postgres exited');
    await new Promise((r) => setTimeout(r, 200));
  }
  const q = async (sql) => (await execIn(container, ['psql', '-X', '-At', '-U', 'shop', '-d', 'shop', '-c', sql])).stdout.trim();

  // 1. The example.
  const files = ['db/01-schema.sql', 'db/02-rows.sql'].map((f) => path.join(example, f));
  const seed = { kind: 'postgres', database: 'shop', user: 'shop', password: 'shop', files, reset: 'recreate', dependents: 'none' };
  const opts = { projectDir: example, service: 'db' };
  await applySeed(container, seed, opts);
  const recreate = [];
  for (let i = 0; i < RUNS; i++) {
    await q('DELETE FROM orders');
    recreate.push(await time(() => resetAndSeed(container, seed, opts)));
    if ((await q('SELECT count(*) FROM orders')) !== '100') throw new Error('reset did not restore the rows');
  }
  rows.push(['example: reset + seed (recreate)', fmt(median(recreate)), `${RUNS} runs, min ${fmt(Math.min(...recreate))}`, 'target < 2 s']);
  const truncateSeed = { ...seed, reset: 'truncate', files: [files[1]] }; // data-only file, as truncate expects
  const truncate = [];
  for (let i = 0; i < RUNS; i++) truncate.push(await time(() => resetAndSeed(container, truncateSeed, opts)));
  rows.push(['example: reset + seed (truncate)', fmt(median(truncate)), `${RUNS} runs, min ${fmt(Math.min(...truncate))}`, '']);
  const cli = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync('node', [path.join(root, 'dist/cli/main.js'), '-C', example, '-p', project, 'seed', 'db', '--yes'], { encoding: 'utf8' });
    cli.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`foxdev seed failed: ${r.stderr}`);
  }
  rows.push(['example: `foxdev seed --yes` (whole command)', fmt(median(cli)), `${RUNS} runs, min ${fmt(Math.min(...cli))}`, 'target < 2 s']);

  // 2. ~MB of data from SQL vs a snapshot of it.
  const big = path.join(work, 'big');
  const bigFile = path.join(big, 'db/big.sql');
  const bytes = await writeBigSql(bigFile, MB * 1e6);
  const bigSeed = { ...seed, files: [bigFile] };
  const bigOpts = { projectDir: big, service: 'db' };
  const reseeds = [];
  for (let i = 0; i < BIG_RUNS; i++) reseeds.push(await time(() => resetAndSeed(container, bigSeed, bigOpts)));
  const dbSize = await q(`SELECT pg_size_pretty(pg_database_size('shop'))`);
  const count = await q('SELECT count(*) FROM events');
  const dir = snapshotDir(big, 'db');
  let meta;
  const save = await time(async () => (meta = await saveSnapshot(container, bigSeed, 'big', dir, bigOpts)));
  const restores = [];
  for (let i = 0; i < BIG_RUNS; i++) {
    await q('DELETE FROM events WHERE id % 2 = 0');
    restores.push(await time(() => restoreSnapshot(container, bigSeed, 'big', dir, bigOpts)));
    if ((await q('SELECT count(*) FROM events')) !== count) throw new Error('restore did not bring the rows back');
  }
  const [reseed, restore] = [median(reseeds), median(restores)];
  const runs = (xs) => `${xs.length} runs, min ${fmt(Math.min(...xs))}`;
  rows.push([`big: reseed from SQL (${(bytes / 1e6).toFixed(0)} MB of INSERTs, ${count} rows, db ${dbSize})`, fmt(reseed), runs(reseeds), '']);
  rows.push([`big: save snapshot (pg_dump -Fc, ${(meta.bytes / 1e6).toFixed(0)} MB file)`, fmt(save), '1 run', '']);
  rows.push(['big: restore snapshot (pg_restore into side db + swap)', fmt(restore), runs(restores), `${(reseed / restore).toFixed(1)}x faster than reseed (target > 1x)`]);
} finally {
  await cleanup();
}

const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['case', 'median', 'runs'][i].length));
console.log(`seed benchmark (load average ${load()}, ${os.cpus().length} cpus)`);
console.log(`${'case'.padEnd(w[0])}  ${'median'.padStart(w[1])}  ${'runs'.padEnd(w[2])}  note`);
for (const r of rows) console.log(`${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`);
console.log(loadLine());

// One table, multi-row INSERTs of 500 rows each (what a seed file or `pg_dump --inserts
// --rows-per-insert` looks like), with an index built after the data like a dump does.
async function writeBigSql(file, target) {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path.dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL, payload text NOT NULL, at timestamptz NOT NULL);\n');
  let written = 0;
  let id = 0;
  while (written < target) {
    const vals = [];
    for (let i = 0; i < 500; i++) {
      id++;
      vals.push(`(${id},'kind${id % 17}','${randomBytes(48).toString('base64')}','2026-01-01T00:00:00Z'::timestamptz + interval '${id} seconds')`);
    }
    const stmt = `INSERT INTO events VALUES\n${vals.join(',\n')};\n`;
    written += stmt.length;
    await write(stmt);
  }
  await write('CREATE INDEX events_kind ON events (kind);\n');
  await new Promise((r) => out.end(r));
  return statSync(file).size;
}
