#!/usr/bin/env node
// Live-sync benchmark against the real engine. Prints one table.
//
//   npx tsc -p . && flock /tmp/foxdev-docker.lock node bench/sync.mjs [--edits 200] [--burst 1000]
//
// 1. Edit latency: N single-file edits (a person saving, 20–60 ms apart); each is timed from the
//    host write to the moment a watcher INSIDE the container (node fs.watch in foxdev/node:20,
//    same kernel clock) reads the new content. p50/p95. Targets: p50 ≤ 60 ms, p95 ≤ 150 ms.
// 2. The floor, measured in the same run: one small file sent alone by each transport —
//    the persistent exec receiver ('stream', the default), the Engine API archive endpoint
//    ('archive', PUT /containers/{id}/archive) and a fresh `tar -x` exec ('exec-tar').
// 3. A 1,000-file burst (as after `git checkout`: 100 dirs × 10 files): time from the first write
//    until the sync has applied everything, then verified by comparing both trees with md5s.
//    Target ≤ 2 s. The same 1,000-file tar is also sent once by each transport.
// Peers' batching windows, before any transfer starts: Tilt 200 ms, docker compose watch 500 ms.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { loadLine } from './load-average.mjs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const EDITS = arg('--edits', 200);
const BURST = arg('--burst', 1000);
if (!existsSync(path.join(root, 'dist/engine/sync/index.js'))) {
  console.error('bench/sync.mjs: run `npx tsc -p .` first');
  process.exit(1);
}
const { startSync } = await import(path.join(root, 'dist/engine/sync/index.js'));
const { packCopyOps, openWriter } = await import(path.join(root, 'dist/runtime/archive.js'));
const { readContainerTree } = await import(path.join(root, 'dist/runtime/container-tree.js'));
const { readHostTree } = await import(path.join(root, 'dist/engine/sync/host-tree.js'));
const { compileRuleMatcher } = await import(path.join(root, 'dist/plan/sync-match.js'));
const { dockerClient } = await import(path.join(root, 'dist/runtime/docker-client.js'));
const { execOk } = await import(path.join(root, 'dist/runtime/sync-exec.js'));

const docker = dockerClient();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

const project = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'foxdev-bench-sync-')));
const container = await docker.createContainer({
  Image: 'foxdev/node:20',
  Cmd: ['sleep', 'infinity'],
  Labels: { 'dev.foxdev.test': 'sync-bench' },
  HostConfig: { Init: true },
});
await container.start();

// In-container observer: prints "<epoch ms> <content>" whenever a watched file shows new content.
const OBSERVER = `
const fs = require('fs');
fs.mkdirSync('/bench/lat', { recursive: true });
const seen = new Set();
const look = (name) => {
  if (!name) return;
  let c; try { c = fs.readFileSync('/bench/lat/' + name, 'utf8'); } catch { return; }
  if (c.startsWith('edit-') && !seen.has(c)) { seen.add(c); process.stdout.write(Date.now() + ' ' + c + '\\n'); }
};
fs.watch('/bench/lat', (ev, name) => look(name));
process.stdout.write('ready\\n');
`;

async function startObserver() {
  const exec = await container.exec({ Cmd: ['node', '-e', OBSERVER], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  const out = new PassThrough();
  container.modem.demuxStream(stream, out, process.stderr);
  const waiting = new Map();
  const early = new Map();
  let buf = '';
  let ready;
  const isReady = new Promise((r) => (ready = r));
  out.on('data', (b) => {
    buf += b.toString();
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line === 'ready') ready();
      const [t, content] = line.split(' ');
      if (!content) continue;
      const w = waiting.get(content);
      if (w) w(Number(t));
      else early.set(content, Number(t));
    }
  });
  await isReady;
  return {
    seen: (content, timeoutMs = 3000) =>
      early.has(content)
        ? Promise.resolve(early.get(content))
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(undefined), timeoutMs);
            waiting.set(content, (t) => (clearTimeout(timer), resolve(t)));
          }),
    stop: () => stream.destroy(),
  };
}

const rows = [];
try {
  // --- 1. edit latency -------------------------------------------------------------------
  const latDir = path.join(project, 'lat');
  mkdirSync(latDir);
  for (let i = 0; i < 10; i++) writeFileSync(path.join(latDir, `file${i}.txt`), 'initial');
  const rule = { path: latDir, target: '/bench/lat', action: 'sync', ignore: [], include: [], initialSync: true };
  const observer = await startObserver();
  const session = await startSync({ container, serviceName: 'bench', rules: [rule], projectDir: project });
  const lat = [];
  let missed = 0;
  for (let i = 0; i < EDITS; i++) {
    const content = `edit-${i}`;
    const t0 = Date.now();
    writeFileSync(path.join(latDir, `file${i % 10}.txt`), content);
    const seenAt = await observer.seen(content);
    if (seenAt === undefined) missed++;
    else lat.push(seenAt - t0);
    await sleep(20 + Math.random() * 40);
  }
  await session.close();
  observer.stop();

  // --- 2. floor and transports ------------------------------------------------------------
  const one = path.join(project, 'one.txt');
  writeFileSync(one, 'a small file\n');
  const small = await packCopyOps([{ host: one, container: '/bench/floor/one.txt', kind: 'file', mode: 0o644 }]);
  const burstSrc = path.join(project, 'tarsrc');
  const ops = [];
  for (let d = 0; d < BURST / 10; d++) {
    mkdirSync(path.join(burstSrc, `d${d}`), { recursive: true });
    ops.push({ host: path.join(burstSrc, `d${d}`), container: `/bench/tar/d${d}`, kind: 'dir', mode: 0o755 });
    for (let f = 0; f < 10; f++) {
      const p = path.join(burstSrc, `d${d}`, `f${f}.js`);
      writeFileSync(p, `// ${d}/${f}\n${'x'.repeat(500 + ((d * 10 + f) % 3000))}\n`);
      ops.push({ host: p, container: `/bench/tar/d${d}/f${f}.js`, kind: 'file', mode: 0o644 });
    }
  }
  const big = await packCopyOps(ops);
  const transports = {};
  for (const t of ['stream', 'archive', 'exec-tar']) {
    const w = openWriter(container, t);
    await w.put(small); // warm-up (starts the receiver for 'stream')
    const oneT = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await w.put(small);
      oneT.push(performance.now() - t0);
    }
    const bigT = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await w.put(big);
      bigT.push(performance.now() - t0);
    }
    w.close();
    transports[t] = { one50: pct(oneT, 50), one95: pct(oneT, 95), big50: pct(bigT, 50) };
  }
  // The disk's own cost: the same tar extracted inside the container from a local file.
  await execOk(container, ['sh', '-c', 'cat > /tmp/big.tar'], { stdin: big.tar });
  const localNs = [];
  for (let i = 0; i < 3; i++) {
    const r = await execOk(container, ['sh', '-c', `mkdir -p /tmp/x${i} && s=$(date +%s%N) && tar -xf /tmp/big.tar -C /tmp/x${i} && e=$(date +%s%N) && echo $((e-s))`]);
    localNs.push(Number(r.stdout.toString().trim()) / 1e6);
  }
  const localTar = pct(localNs, 50);

  // --- 3. 1,000-file burst through the whole pipeline --------------------------------------
  const burstDir = path.join(project, 'burst');
  mkdirSync(burstDir);
  const brule = { path: burstDir, target: '/bench/burst', action: 'sync', ignore: [], include: [], initialSync: false };
  let lastApplied = 0;
  let lastFiles = 0;
  const bsession = await startSync({
    container,
    serviceName: 'bench',
    rules: [brule],
    projectDir: project,
    onStatus: (st) => {
      if (st.files !== lastFiles) (lastFiles = st.files), (lastApplied = performance.now());
    },
  });
  // Another process writes the files, as `git checkout` would; this one only watches and syncs.
  const writer = `const fs=require('fs'),p=require('path');for(let d=0;d<${BURST / 10};d++){fs.mkdirSync(p.join(${JSON.stringify(burstDir)},'d'+d));for(let f=0;f<10;f++)fs.writeFileSync(p.join(${JSON.stringify(burstDir)},'d'+d,'f'+f+'.js'),'// '+d+'/'+f+' '+'y'.repeat((d*10+f)%2000)+'\\n')}`;
  const t0 = performance.now();
  let tWritten = NaN;
  const child = spawn(process.execPath, ['-e', writer], { stdio: 'inherit' });
  await new Promise((r) => child.on('exit', () => r((tWritten = performance.now() - t0))));
  // Equal = both trees (paths, kinds, modes, sizes, md5s) match. The moment it became true is
  // the end of the last transfer before a successful comparison (nothing changed after it).
  const m = compileRuleMatcher({ root: burstDir, ignore: [], include: [] });
  const show = (e) => `${e.kind} ${e.rel} ${e.mode}${e.kind === 'file' ? ` ${e.size} ${e.md5}` : ''}${e.kind === 'symlink' ? ` -> ${e.linkTarget}` : ''}`;
  const expected = BURST + BURST / 10;
  let equal = false;
  let tEqual = NaN;
  while (!equal && performance.now() - t0 < 30_000) {
    if (bsession.status().pending > 0) {
      await sleep(5);
      continue;
    }
    const appliedAt = lastApplied;
    const host = (await readHostTree(burstDir, m)).filter((e) => e.rel).map(show);
    const inCtr = (await readContainerTree(container, '/bench/burst')).filter((e) => e.rel).map(show);
    equal = host.length === expected && JSON.stringify(host) === JSON.stringify(inCtr) && lastApplied === appliedAt;
    if (equal) tEqual = appliedAt - t0;
  }
  await bsession.close();

  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const version = (await docker.version()).Version;
  const T = transports;
  rows.push(
    ['edit → visible in container (p50 / p95)', `${ms(pct(lat, 50))} / ${ms(pct(lat, 95))}`, `${lat.length} edits${missed ? `, ${missed} MISSED` : ''}; target ≤ 60 / ≤ 150 ms`],
    ['floor: 1 small file, stream (p50 / p95)', `${ms(T.stream.one50)} / ${ms(T.stream.one95)}`, 'persistent exec receiver (default)'],
    ['floor: 1 small file, putArchive', `${ms(T.archive.one50)} / ${ms(T.archive.one95)}`, 'Engine API archive endpoint'],
    ['floor: 1 small file, exec tar -x', `${ms(T['exec-tar'].one50)} / ${ms(T['exec-tar'].one95)}`, 'fresh exec per batch'],
    [`${BURST}-file tar: stream / archive / exec-tar`, `${ms(T.stream.big50)} / ${ms(T.archive.big50)} / ${ms(T['exec-tar'].big50)}`, `one tar of ${(big.tar.length / 1024).toFixed(0)} KiB, median of 3`],
    [`${BURST}-file tar extracted in-container (disk floor)`, ms(localTar), 'tar -x from a file already in the container: no transfer at all'],
    [`${BURST}-file burst → container equal`, ms(tEqual), `from the first write; ${ms(tEqual - tWritten)} after the writer (another process) finished in ${ms(tWritten)}; trees ${equal ? 'verified equal (md5)' : 'NOT EQUAL'}; target ≤ 2000 ms`],
    ['edit p50 / floor (stream)', `${(pct(lat, 50) / T.stream.one50).toFixed(1)}×`, 'quiet period 20 ms + watcher + transfer'],
    ['peers: batching window alone', '200 ms / 500 ms', 'Tilt / docker compose watch, before any transfer'],
  );
  console.log(`\nfoxdev live sync — docker ${version}, ${os.cpus().length} cores (shared), load ${load}\n`);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  console.log(loadLine());
  if (!equal || missed) process.exitCode = 1;
} finally {
  await container.remove({ force: true }).catch(() => undefined);
  rmSync(project, { recursive: true, force: true });
}
