#!/usr/bin/env node
// `foxdev up` benchmark: time to all-ready for a chain of healthchecked services with a one-shot
// job in the middle (bench/fixtures/up-chain: db → migrate → api → web, plus a worker), against
// Debian's docker-compose 1.29 on the same compose file and the same engine, alternately.
//
//   npm run build && flock /tmp/foxdev-docker.lock node bench/up.mjs [--runs 5] [--ps-runs 3]
//
// foxdev:  wall time of `foxdev up -d` (a fresh node process, as a person types it); it returns
//          once every service is ready by its own probes and the job has completed.
// compose: wall time of `docker-compose up -d` plus polling the engine (container inspect, every
//          50 ms) until every healthchecked container is healthy and the job exited 0. compose
//          itself waits for service_healthy / service_completed_successfully between steps.
// `down -v` between runs (not timed). After each up, `foxdev ps` and `docker-compose ps` run
// --ps-runs times each; their medians are printed too.
//
// Critical-path bound: the longest dependency chain of (per-container start cost + the time the
// service needs to become ready). The ready times are the fixture's own `sleep N` delays (1 s for
// servers, 0.5 s for the job), read from compose.yaml; the start cost is measured here, on the
// same engine, as the median of create + start of a busybox container on a user network (what
// any orchestrator pays per service). No tool can be faster than this chain, whatever it does
// in parallel; the bench prints how far above it each tool is.
//
// Wall times on a shared 2-core machine; other engineers' work may load it. The load average is
// printed before and after.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('--runs', 5);
const PS_RUNS = arg('--ps-runs', 3);
const main = path.join(root, 'dist/cli/main.js');
if (!existsSync(main)) {
  console.error('bench/up.mjs: run `npm run build` first');
  process.exit(1);
}
const fixture = path.join(root, 'bench/fixtures/up-chain');
const composeFile = path.join(fixture, 'compose.yaml');
const FX = 'upbench-fx';
const DC = 'upbench-dc';

const { dockerClient } = await import(path.join(root, 'dist/runtime/docker-client.js'));
const docker = dockerClient();
await docker.ping().catch(() => {
  console.error('bench/up.mjs: no Docker engine answers');
  process.exit(1);
});
if (spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status !== 0) {
  console.error('bench/up.mjs: docker-compose is not installed (apt-get install -y docker-compose)');
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

function run(cmd, args, { check = true } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (check && r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return { ms, out: r.stdout, err: r.stderr, status: r.status };
}
const foxdev = (...args) => run(process.execPath, [main, '-C', fixture, '-p', FX, ...args]);
const compose = (...args) => run('docker-compose', ['-p', DC, '-f', composeFile, ...args]);

// ---- the fixture: dependencies and ready delays -------------------------------------------
const model = YAML.parse(readFileSync(composeFile, 'utf8'));
const services = Object.keys(model.services);
const delayOf = (name) => {
  const cmd = [].concat(model.services[name].command ?? []).join(' ');
  const m = /sleep ([\d.]+)/.exec(cmd);
  return m ? Number(m[1]) * 1000 : 0;
};
const depsOf = (name) => Object.keys(model.services[name].depends_on ?? {});
const isJob = (name) => !model.services[name].healthcheck;

// ---- per-container start cost --------------------------------------------------------------
async function startCost(samples = 5) {
  const n0 = performance.now();
  const net = await docker.createNetwork({ Name: 'upbench-cost', Labels: { 'dev.foxdev.bench': 'up' } });
  const network = performance.now() - n0;
  const create = [];
  const start = [];
  try {
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      const c = await docker.createContainer({
        name: `upbench-cost-${i}`,
        Image: 'foxdev/busybox:1',
        Cmd: ['sleep', '3600'],
        Labels: { 'dev.foxdev.bench': 'up' },
        HostConfig: { NetworkMode: 'upbench-cost' },
        NetworkingConfig: { EndpointsConfig: { 'upbench-cost': { Aliases: [`s${i}`] } } },
      });
      const t1 = performance.now();
      await c.start();
      const t2 = performance.now();
      create.push(t1 - t0);
      start.push(t2 - t1);
      await c.remove({ force: true });
    }
  } finally {
    await net.remove().catch(() => {});
  }
  return { create: median(create), start: median(start), network };
}

function criticalPath(costMs) {
  const finish = {};
  const via = {};
  const visit = (s) => {
    if (finish[s] !== undefined) return finish[s];
    let after = 0;
    for (const d of depsOf(s)) {
      if (visit(d) > after) {
        after = finish[d];
        via[s] = d;
      }
    }
    return (finish[s] = after + costMs + delayOf(s));
  };
  services.forEach(visit);
  const last = services.reduce((a, b) => (finish[b] > finish[a] ? b : a));
  const chain = [last];
  while (via[chain[0]]) chain.unshift(via[chain[0]]);
  return { ms: finish[last], chain };
}

// ---- one timed up per tool ------------------------------------------------------------------
async function containersOf(project, labelKey) {
  return docker.listContainers({ all: true, filters: { label: [`${labelKey}=${project}`] } });
}

/** Container start offsets (ms after t0) per service, read back from the engine. */
async function timeline(project, labelKey, serviceLabel, t0Epoch) {
  const out = {};
  for (const c of await containersOf(project, labelKey)) {
    const info = await docker.getContainer(c.Id).inspect();
    out[c.Labels[serviceLabel]] = Date.parse(info.State.StartedAt) - t0Epoch;
  }
  return out;
}

async function foxdevUp() {
  const t0Epoch = Date.now();
  const r = foxdev('up', '-d');
  if (!/services? ready/.test(r.err)) throw new Error(`foxdev up -d did not report ready:\n${r.out}\n${r.err}`);
  return { ms: r.ms, starts: await timeline(FX, 'dev.foxdev.project', 'dev.foxdev.service', t0Epoch) };
}

async function composeUp() {
  const t0Epoch = Date.now();
  const t0 = performance.now();
  compose('up', '-d');
  // Ready as compose users wait for it: every healthchecked container healthy, the job exited 0.
  for (;;) {
    const list = await containersOf(DC, 'com.docker.compose.project');
    const infos = await Promise.all(list.map((c) => docker.getContainer(c.Id).inspect()));
    const byService = Object.fromEntries(infos.map((i) => [i.Config.Labels['com.docker.compose.service'], i]));
    const ready = services.every((s) => {
      const i = byService[s];
      if (!i) return false;
      if (isJob(s)) return !i.State.Running && i.State.Status === 'exited' && i.State.ExitCode === 0;
      return i.State.Health?.Status === 'healthy';
    });
    if (ready) break;
    if (services.some((s) => isJob(s) && byService[s]?.State.Status === 'exited' && byService[s].State.ExitCode !== 0)) throw new Error('compose: the job failed');
    if (performance.now() - t0 > 120_000) throw new Error('compose: not ready after 120 s');
    await sleep(50);
  }
  const ms = performance.now() - t0;
  return { ms, starts: await timeline(DC, 'com.docker.compose.project', 'com.docker.compose.service', t0Epoch) };
}

function cleanup() {
  foxdev('down', '-v');
  compose('down', '-v', '--remove-orphans');
}

// ---- the run ----------------------------------------------------------------------------------
const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
cleanup();
const cost = await startCost();
const perContainer = cost.create + cost.start;
const bound = criticalPath(perContainer);

const fx = [];
const dc = [];
const fxPs = [];
const dcPs = [];
const fxDry = [];
for (let i = 0; i < RUNS; i++) {
  for (const [tool, up, into, psInto] of [
    ['foxdev', foxdevUp, fx, fxPs],
    ['compose', composeUp, dc, dcPs],
  ]) {
    const r = await up();
    into.push(r);
    for (let k = 0; k < PS_RUNS; k++) {
      // -a: foxdev's ps hides exited containers (the finished job) as compose v2 does; 1.29 lists all.
      const p = tool === 'foxdev' ? foxdev('ps', '-a') : compose('ps');
      const rows = p.out.trim().split('\n').length;
      if (rows < services.length + 1) throw new Error(`${tool} ps listed too little:\n${p.out}`);
      psInto.push(p.ms);
    }
    if (tool === 'foxdev') {
      foxdev('down', '-v');
      // The CLI's own start-up up to a plan (node, config, imports, engine ping, observe), with
      // nothing to start: what foxdev pays before its first container, outside the bound.
      for (let k = 0; k < 2; k++) {
        const d = foxdev('up', '--dry-run');
        if (!/^project /m.test(d.out)) throw new Error(`foxdev up --dry-run printed no plan:\n${d.out}`);
        fxDry.push(d.ms);
      }
    } else compose('down', '-v');
    process.stderr.write(`run ${i + 1}/${RUNS} ${tool}: ${secs(r.ms)}\n`);
  }
}
cleanup();

const fxMed = median(fx.map((r) => r.ms));
const dcMed = median(dc.map((r) => r.ms));
const startRow = (rs) => services.map((s) => `${s} +${(median(rs.map((r) => r.starts[s] ?? NaN)) / 1000).toFixed(2)}`).join('  ');

console.log(`bench/up.mjs · ${RUNS} runs each, alternating · node ${process.version} · ${os.cpus().length} cpus · load average before ${loadBefore}, after ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`fixture ${path.relative(root, composeFile)}: ${services.map((s) => `${s}${depsOf(s).length ? `(after ${depsOf(s).join(',')})` : ''} ${delayOf(s) / 1000}s`).join(', ')}`);
console.log(`per-container start cost (median of 5, create ${cost.create.toFixed(0)} ms + start ${cost.start.toFixed(0)} ms) = ${perContainer.toFixed(0)} ms; creating a network: ${cost.network.toFixed(0)} ms (not in the bound)`);
console.log(`critical-path bound: ${bound.chain.join(' → ')} = ${bound.chain.length} × ${perContainer.toFixed(0)} ms + ${bound.chain.map((s) => delayOf(s) / 1000).join(' + ')} s = ${secs(bound.ms)}`);
console.log('');
const rows = [
  ['foxdev up -d (until ready)', fx.map((r) => r.ms)],
  ['docker-compose up -d + wait healthy', dc.map((r) => r.ms)],
  ['foxdev up --dry-run (CLI start-up to a plan)', fxDry],
  ['foxdev ps', fxPs],
  ['docker-compose ps', dcPs],
];
const width = Math.max(...rows.map(([n]) => n.length));
console.log(`${'case'.padEnd(width)}  median ms    min ms    max ms  runs`);
for (const [name, xs] of rows) {
  console.log(`${name.padEnd(width)}  ${median(xs).toFixed(0).padStart(9)} ${Math.min(...xs).toFixed(0).padStart(9)} ${Math.max(...xs).toFixed(0).padStart(9)}  ${String(xs.length).padStart(4)}`);
}
console.log('');
console.log(`ratio foxdev / compose (all-ready):   ${(fxMed / dcMed).toFixed(2)}   (target ≤ 0.70)`);
console.log(`foxdev / critical-path bound:         ${(fxMed / bound.ms).toFixed(2)}   (target ≤ 1.15)`);
console.log(`compose / critical-path bound:        ${(dcMed / bound.ms).toFixed(2)}`);
console.log(`(foxdev − CLI start-up) / bound:       ${((fxMed - median(fxDry)) / bound.ms).toFixed(2)}   (up -d median minus up --dry-run median)`);
console.log(`foxdev ps median:                     ${median(fxPs).toFixed(0)} ms   (target < 400 ms)`);
console.log('');
console.log('container started at, seconds after the command began (median):');
console.log(`  foxdev   ${startRow(fx)}`);
console.log(`  compose  ${startRow(dc)}`);
