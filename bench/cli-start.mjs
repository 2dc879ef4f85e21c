#!/usr/bin/env node
// CLI start-up benchmark: wall time of a fresh `node <bin> …` process for the commands people and
// scripts type most, against Debian's docker-compose 1.29 (the peer) on the same compose file in
// the same run, the two alternating so that a load spike hits both.
//
//   npm run build && node bench/cli-start.mjs [--runs 15]
//
// Cases (targets from issue 15):
//   --version                       ≤ 60 ms   (peer: docker-compose version --short)
//   config on the example           ≤ 150 ms  (foxdev.config.ts at the repository root, loaded by jiti)
//   config -f up-chain compose.yaml           (peer: docker-compose -f … config)
//   ps on the example               ≤ 150 ms  (asks the engine; nothing of the project runs)
//   ps -f up-chain compose.yaml                (peer: docker-compose -f … ps)
// Median, min and max wall ms, median CPU ms (user + system, from GNU time when installed: on a
// busy machine wall time is partly waiting for a core) and foxdev's median over the peer's.
// The first row is the floor: node running an empty module, which no CLI can beat. On machines
// that set NODE_EXTRA_CA_CERTS, node parses that bundle at every start (~50–70 ms of CPU here):
// the bench says so, and `env -u NODE_EXTRA_CA_CERTS node bench/cli-start.mjs` shows the rest.
// Load average before and after. A failed command or a wrong answer exits 1; a missed target is
// printed, not a failure (the machines are shared and noisy).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const bin = path.join(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).bin.foxdev);
if (!existsSync(bin)) {
  console.error(`bench/cli-start.mjs: ${path.relative(root, bin)} is missing: run \`npm run build\` first`);
  process.exit(1);
}
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const composeFile = path.join(root, 'bench/fixtures/up-chain/compose.yaml');
const project = 'clibench';
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const loadBefore = load();

const hasPeer = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' }).status === 0;
if (!hasPeer) console.log('docker-compose is not on PATH (apt-get install -y docker-compose): no peer column');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One timed run; throws on a non-zero exit or when `check(stdout)` is false. */
function once(cmd, args, check, into) {
  const [file, argv] = gnuTime ? [gnuTime, ['-f', '\ncpu %U %S', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  into.wall.push(performance.now() - t0);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  if (m) into.cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  const err = (r.stderr ?? '').replace(/\n?cpu [\d.]+ [\d.]+\s*$/, '');
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${r.status ?? r.signal}: ${err.trim().split('\n').slice(-5).join('\n')}`);
  if (!check(r.stdout)) throw new Error(`${path.basename(cmd)} ${args.join(' ')}: unexpected output:\n${r.stdout.slice(0, 400)}`);
}

const node = process.execPath;
const fx = (...args) => [node, [bin, ...args]];
const dc = (...args) => ['docker-compose', args];
const hasServices = (names) => (out) => names.every((n) => out.includes(n));
// [name, target ms, foxdev command, peer command (or undefined), output check for foxdev, for the peer]
const empty = path.join(os.tmpdir(), 'foxdev-bench-empty.mjs');
writeFileSync(empty, '');
const cases = [
  ['node floor (empty module)', undefined, [node, [empty]], undefined, () => true, undefined],
  ['--version', 60, fx('--version'), dc('version', '--short'), (o) => o.trim() === version, (o) => /^\d+\.\d+/.test(o.trim())],
  ['config (example foxdev.config.ts)', 150, fx('config'), undefined, hasServices(['db:', 'api:']), undefined],
  ['config -f up-chain/compose.yaml', 150, fx('-f', composeFile, 'config'), dc('-f', composeFile, 'config'), hasServices(['db:', 'worker:']), hasServices(['db:', 'worker:'])],
  ['ps (example)', 150, fx('ps'), undefined, (o) => /^(SERVICE|NAME)\b/.test(o), undefined],
  ['ps -f up-chain/compose.yaml', 150, fx('-p', project, '-f', composeFile, 'ps'), dc('-p', project, '-f', composeFile, 'ps'), (o) => /^(SERVICE|NAME)\b/.test(o), (o) => /Name/.test(o)],
];

const rows = [];
for (const [name, target, [fxCmd, fxArgs], peer, fxCheck, peerCheck] of cases) {
  const mine = { wall: [], cpu: [] };
  const theirs = { wall: [], cpu: [] };
  // One untimed run each first: the page cache, not the command, is what a first run measures.
  once(fxCmd, fxArgs, fxCheck, { wall: [], cpu: [] });
  if (peer && hasPeer) once(peer[0], peer[1], peerCheck, { wall: [], cpu: [] });
  for (let i = 0; i < RUNS; i++) {
    once(fxCmd, fxArgs, fxCheck, mine);
    if (peer && hasPeer) once(peer[0], peer[1], peerCheck, theirs);
  }
  rows.push({ name, target, mine, theirs: theirs.wall.length ? theirs : undefined });
}

const f = (x) => (x === undefined ? '' : x.toFixed(0));
console.log(`bench:cli · runs: ${RUNS} each · node ${process.version} · ${os.cpus().length} cpus · bin ${path.relative(root, bin)}`);
if (process.env.NODE_EXTRA_CA_CERTS) console.log('NODE_EXTRA_CA_CERTS is set: every node start parses it (see the floor row)');
console.log(`load average before: ${loadBefore}`);
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'case'.padEnd(width)}  median ms  min ms  max ms  cpu ms  target  met  peer ms  peer cpu  × peer`);
for (const { name, target, mine, theirs } of rows) {
  const m = median(mine.wall);
  const p = theirs ? median(theirs.wall) : undefined;
  console.log(
    [
      name.padEnd(width),
      f(m).padStart(9),
      f(Math.min(...mine.wall)).padStart(6),
      f(Math.max(...mine.wall)).padStart(6),
      f(mine.cpu.length ? median(mine.cpu) : undefined).padStart(6),
      (target ? `≤${target}` : '').padStart(6),
      (target ? (m <= target ? 'yes' : 'NO') : '').padStart(3),
      f(p).padStart(7),
      f(theirs?.cpu.length ? median(theirs.cpu) : undefined).padStart(8),
      (p ? (m / p).toFixed(2) : '').padStart(6),
    ].join('  '),
  );
}
console.log(`load average after: ${load()}`);
