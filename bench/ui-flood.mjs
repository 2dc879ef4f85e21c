#!/usr/bin/env node
// Log-flood benchmark for the store + Ink dashboard, in process, no Docker.
//
//   node bench/ui-flood.mjs [--seconds 20] [--services 10] [--rate 2000] [--batch-ms 10]
//                           [--unbatched] [--columns 120] [--rows 40] [--idle-seconds 5]
//   node bench/ui-flood.mjs --printer [--seconds 20]     (the --no-tui printer instead)
//
// Fake services print `rate` lines a second each; the lines reach the store the way the engine
// sends them (one `logs` action per batch window, or one `log` action per line with --unbatched).
// The dashboard renders into a fake 120×40 terminal. A key ('j'/'k') is pressed every 500 ms and
// the time until a written frame shows the new selection is measured. Reported: CPU as a share of
// one core (process.cpuUsage over wall time), peak RSS, frames per second (Ink renders; each is
// written as a few chunks), key → frame latency; and, before the flood, idle CPU with the
// dashboard open on a settled project and no output. A store-only run (no view, child process)
// gives the cost of generating and reducing the lines, for comparison.
//
// src/ui, src/store and src/logfmt are compiled with tsc into node_modules/.cache first, so the
// bench measures the same JavaScript the CLI runs and does not depend on the rest of the tree.

import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadLine } from './load-average.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : Number(v);
}
const SECONDS = arg('seconds', 20);
const SERVICES = arg('services', 10);
const RATE = arg('rate', 2000);
const BATCH_MS = arg('batch-ms', 10);
const UNBATCHED = arg('unbatched', false) === true;
const COLUMNS = arg('columns', 120);
const ROWS = arg('rows', 40);
const IDLE_SECONDS = arg('idle-seconds', 5);
const BASELINE_SECONDS = Math.min(5, SECONDS);

// ---- compile the three folders ------------------------------------------------------------
const out = join(root, 'node_modules/.cache/foxdev-ui-bench');
mkdirSync(out, { recursive: true });
if (!process.argv.includes('--no-compile')) execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/typescript/bin/tsc'),
    ...['--outDir', out, '--rootDir', join(root, 'src'), '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'],
    ...['--jsx', 'react-jsx', '--strict', '--skipLibCheck', '--declaration', 'false', '--sourceMap', 'false'],
    join(root, 'src/ui/index.ts'),
    join(root, 'src/store/index.ts'),
    join(root, 'src/logfmt/index.ts'),
  ],
  { stdio: 'inherit' },
);
// React's development build does several times the work per render; the CLI runs production.
process.env.NODE_ENV ??= 'production';
const { createStore, initialState } = await import(pathToFileURL(join(out, 'store/index.js')).href);
const { renderDashboard } = await import(pathToFileURL(join(out, 'ui/index.js')).href);
const { createLinePrinter } = await import(pathToFileURL(join(out, 'logfmt/index.js')).href);

// ---- fake terminal ------------------------------------------------------------------------
class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = COLUMNS;
  rows = ROWS;
  writes = 0;
  bytes = 0;
  onWrite = null;
  write(chunk) {
    this.writes++;
    this.bytes += chunk.length;
    this.onWrite?.(chunk);
    return true;
  }
}
class FakeStdin extends EventEmitter {
  isTTY = true;
  queue = [];
  press(data) {
    this.queue.push(data);
    this.emit('readable');
  }
  read() {
    return this.queue.shift() ?? null;
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

// ---- fake services ------------------------------------------------------------------------
const names = Array.from({ length: SERVICES }, (_, i) => `svc${String(i).padStart(2, '0')}`);
const projectAction = {
  type: 'project/loaded',
  project: {
    name: 'flood',
    services: names.map((name, i) => ({ name, kind: 'container', ports: [{ published: 8000 + i, target: 80, protocol: 'tcp' }], dependsOn: i ? [names[0]] : [], hasSync: false, hasSeed: false })),
  },
};
let counter = 0;
function makeLine() {
  const n = counter++;
  // ~110 columns, one in eight coloured like a typical logger, some long enough to wrap.
  const level = n % 8 === 0 ? '\x1b[33mWARN\x1b[39m' : 'INFO';
  return `${level} GET /api/items/${n % 9973} 200 ${n % 97}ms trace=${(n * 2654435761) % 4294967296} user=u${n % 311}${n % 5 === 0 ? ' payload=' + 'x'.repeat(80) : ''}`;
}
// Lines are owed by elapsed time, not by timer ticks: when rendering delays a tick, the next one
// carries the backlog, as a pipe from a container would.
function startFlood(store) {
  const t0 = performance.now();
  let produced = 0;
  const t = setInterval(() => {
    const at = Date.now();
    const owed = Math.floor(((performance.now() - t0) / 1000) * RATE) - produced;
    if (owed <= 0) return;
    produced += owed;
    // Like the engine: a chunk of output per service, decoded once and split into lines (so the
    // lines are slices of one flat string, not ropes of template pieces).
    const perService = names.map((service) => {
      const text = Array.from({ length: owed }, makeLine).join('\n');
      return { service, lines: Buffer.from(text).toString('utf8').split('\n') };
    });
    if (UNBATCHED) {
      for (const { service, lines } of perService) for (const line of lines) store.dispatch({ type: 'log', service, stream: 'stdout', line, at });
    } else {
      const entries = [];
      for (const { service, lines } of perService) for (const line of lines) entries.push({ service, stream: 'stdout', line, at });
      store.dispatch({ type: 'logs', entries });
    }
  }, BATCH_MS);
  return () => clearInterval(t);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function measure() {
  const cpu = process.cpuUsage();
  const t = performance.now();
  return () => {
    const d = process.cpuUsage(cpu);
    const wall = performance.now() - t;
    return { cpu: (d.user + d.system) / 1000 / wall, wallMs: wall };
  };
}
const pct = (x) => `${(x * 100).toFixed(1)}%`;
const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

// ---- 1. store only (generation + reducer), no view: in a child process, so its heap and
// timers do not weigh on the dashboard's numbers --------------------------------------------
if (process.argv.includes('--store-only')) {
  const store = createStore(initialState());
  store.dispatch(projectAction);
  const stop = startFlood(store);
  const done = measure();
  await sleep(BASELINE_SECONDS * 1000);
  stop();
  const r = done();
  console.log(`store only      ${BASELINE_SECONDS}s: CPU ${pct(r.cpu)} of one core generating + reducing ${((store.getState().nextSeq - 1) / BASELINE_SECONDS).toFixed(0)} lines/s, no view; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  process.exit(0);
}
execFileSync(process.execPath, [fileURLToPath(import.meta.url), ...process.argv.slice(2), '--store-only', '--no-compile'], { stdio: 'inherit' });

// ---- --printer: the --no-tui view under the same flood; every line must come out ----------
if (process.argv.includes('--printer')) {
  const store = createStore(initialState());
  let lines = 0;
  let bytes = 0;
  let writes = 0;
  const printer = createLinePrinter(store, (chunk) => {
    writes++;
    bytes += chunk.length;
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines++;
  }, { color: true });
  store.dispatch(projectAction);
  const stop = startFlood(store);
  const done = measure();
  await sleep(SECONDS * 1000);
  stop();
  const r = done();
  printer.close();
  const sent = store.getState().nextSeq - 1;
  console.log(`printer flood ${SECONDS}s: CPU ${pct(r.cpu)} of one core, ${sent} lines dispatched, ${lines} printed${lines === sent ? ' (none lost)' : ' — LINES LOST'}, ${(writes / (r.wallMs / 1000)).toFixed(0)} writes/s, ${(bytes / 1048576).toFixed(0)} MB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  process.exit(lines === sent ? 0 : 1);
}

// ---- 2. dashboard under the flood ---------------------------------------------------------
const startRss = process.memoryUsage().rss;
const store = createStore(initialState());
store.dispatch(projectAction);
const stdout = new FakeStdout();
const stdin = new FakeStdin();
const stderr = new FakeStdout();
let renders = 0;
const dash = renderDashboard(store, () => {}, { stdout, stdin, stderr, altScreen: true, onRender: () => renders++ });
await sleep(200);

// ---- idle: dashboard open on a settled project (up for 5 minutes), nothing printing ----------
for (const n of names) {
  store.dispatch({ type: 'service/started', service: n, at: Date.now() - 300_000 });
  store.dispatch({ type: 'service/phase', service: n, phase: 'ready', at: Date.now() });
}
store.dispatch({ type: 'logs', entries: names.map((service) => ({ service, stream: 'stdout', line: 'listening on :80', at: Date.now() })) });
await sleep(1000);
const idleDone = measure();
const idleRenders0 = renders;
await sleep(IDLE_SECONDS * 1000);
const idle = idleDone();
const idleFrames = renders - idleRenders0;

let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const latencies = [];
let waiting = null; // { want, t0 }
stdout.onWrite = (chunk) => {
  if (waiting && chunk.includes(`▸ ${waiting.want}`)) {
    latencies.push(performance.now() - waiting.t0);
    waiting = null;
  }
};
let sel = 0;
const keyTimer = setInterval(() => {
  if (waiting) return; // previous key not yet on screen: counted when it is
  const down = sel === 0 || (sel < SERVICES - 1 && Math.random() < 0.5);
  sel += down ? 1 : -1;
  waiting = { want: names[sel], t0: performance.now() };
  stdin.press(down ? 'j' : 'k');
}, 500);

const writes0 = stdout.writes;
const renders0 = renders;
const stop = startFlood(store);
const done = measure();
await sleep(SECONDS * 1000);
stop();
const flood = done();
clearInterval(keyTimer);
const heapBefore = process.memoryUsage().heapUsed;
let liveHeap = null;
if (globalThis.gc) {
  globalThis.gc();
  liveHeap = process.memoryUsage().heapUsed;
}
const frames = stdout.writes - writes0;
const totalLines = store.getState().nextSeq - 1;

clearInterval(rssTimer);
dash.unmount();

const maxRssKb = process.resourceUsage().maxRSS;
console.log(`dashboard flood ${SECONDS}s: ${SERVICES} services × ${RATE} lines/s (${UNBATCHED ? 'one action per line' : `batched every ${BATCH_MS} ms`}), ${COLUMNS}×${ROWS}`);
console.log(`  lines dispatched     ${totalLines} (${(totalLines / (flood.wallMs / 1000)).toFixed(0)} /s)`);
console.log(`  CPU                  ${pct(flood.cpu)} of one core   (target < 50%)`);
console.log(`  peak RSS             ${(Math.max(peakRss, maxRssKb * 1024) / 1048576).toFixed(0)} MB   (target < 250 MB; sampled ${(peakRss / 1048576).toFixed(0)} MB, started at ${(startRss / 1048576).toFixed(0)} MB)`);
if (liveHeap !== null) console.log(`  JS heap at the end   ${(heapBefore / 1048576).toFixed(0)} MB, live after a full GC ${(liveHeap / 1048576).toFixed(0)} MB`);
console.log(`  frames               ${((renders - renders0) / (flood.wallMs / 1000)).toFixed(1)} /s  (${(frames / (flood.wallMs / 1000)).toFixed(1)} stdout writes/s, ${(stdout.bytes / 1048576).toFixed(1)} MB written)`);
console.log(`  key → frame          median ${q(latencies, 0.5)?.toFixed(0)} ms, p95 ${q(latencies, 0.95)?.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} keys   (target < 200 ms)`);
console.log(`idle ${IDLE_SECONDS}s: CPU ${pct(idle.cpu)} of one core, ${(idleFrames / IDLE_SECONDS).toFixed(1)} frames/s   (target < 2%)`);
console.log(loadLine());
process.exit(0);
