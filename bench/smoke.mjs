#!/usr/bin/env node
// Runs every benchmark once at its smallest size and fails when any of them errors. It checks
// that the benches still work against today's code (they import dist/ internals, which move),
// not their numbers: the machines that run it are noisy and shared.
//
//   npm run build && node bench/smoke.mjs [--only name,name]
//
// Docker benches take /tmp/foxdev-docker.lock (one engine user at a time). A bench whose peer is
// not installed (docker-compose for bench:up) fails here too: .ci/run installs it first.
// FOXDEV_BENCH_SMOKE=1 tells a bench that a missed target is not a failure here; a wrong answer is.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;

// name, script, smallest arguments, needs the engine
const benches = [
  ['config', 'config.mjs', ['--runs', '2', '--services', '200'], false],
  ['cli', 'cli-start.mjs', ['--runs', '1'], true],
  ['ui', 'ui-flood.mjs', ['--seconds', '2', '--services', '2', '--rate', '200', '--idle-seconds', '1'], false],
  ['up', 'up.mjs', ['--runs', '1', '--ps-runs', '1'], true],
  ['sync', 'sync.mjs', ['--edits', '5', '--burst', '50'], true],
  ['seed', 'seed.mjs', ['--runs', '1', '--mb', '1', '--big-runs', '1'], true],
  ['web', 'web.mjs', ['--project', 'small', '--loads', '2', '--services', '2', '--rate', '200', '--seconds', '3', '--marks', '1'], true],
  ['dashboard', 'dashboard-flood.mjs', ['--services', '2', '--rate', '100', '--seconds', '2', '--keys', '2', '--idle-seconds', '2'], true],
];

if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  console.error('bench/smoke.mjs: run `npm run build` first');
  process.exit(1);
}

const results = [];
for (const [name, script, args, docker] of benches) {
  if (only && !only.has(name)) continue;
  const argv = [path.join(root, 'bench', script), ...args];
  const [cmd, cmdArgs] = docker ? ['flock', ['/tmp/foxdev-docker.lock', process.execPath, ...argv]] : [process.execPath, argv];
  const t0 = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, env: { ...process.env, FOXDEV_BENCH_SMOKE: '1' }, encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = r.status === 0;
  results.push({ name, ok, secs });
  console.log(`bench:${name} ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${secs} s`);
  if (!ok) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    console.log(tail.replace(/^/gm, `  ${name} | `));
  }
}
const failed = results.filter((r) => !r.ok);
console.log(`bench smoke: ${results.length - failed.length} ok, ${failed.length} failed (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`);
process.exit(failed.length ? 1 : 0);
