// Compose verbs, third batch, against the engine with the built CLI: version, events (--json while
// a service stops; --since/--until ending by itself), stats (CPU of a busy container, its
// mem_limit, json, --all, --no-trunc), create and up --no-start (containers made, nothing
// started), up --no-attach / --attach-dependencies, and watch (a file edited on the host shows up
// in the container; Ctrl-C leaves the service running and exits 130; --no-up; up --watch).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, foxdevBackground } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { imageName } from '../../src/names/labels.js';

const hasEngine = await requireEngine();
const tag = `${process.pid}`;
const projects: string[] = [];
const dirs: string[] = [];

/** A project in a temp dir with this compose file; returns the CLI bound to it. */
function project(name: string, compose: string) {
  const p = `verbs3-${name}-${tag}`;
  const dir = realpathSync(mkdtempSync(join(tmpdir(), `foxdev-verbs3-${name}-`)));
  writeFileSync(join(dir, 'compose.yaml'), compose);
  projects.push(p);
  dirs.push(dir);
  const args = (...a: string[]) => ['-C', dir, '-p', p, ...a];
  return { p, dir, args, fx: (...a: string[]) => foxdev(args(...a), { timeoutMs: 60_000 }) };
}

const sleeper = (extra = '') => `    image: foxdev/busybox:1
    init: true
    command: ["sleep", "600"]
${extra}`;

const states = async (p: string) => Object.fromEntries((await projectContainers(p)).map((c) => [c.service, c.state]));

describe('foxdev version', () => {
  it('prints foxdev’s version as compose prints its own: sentence, --short, --format json; a bad format exits 2', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default as { version: string };
    const plain = await foxdev(['version']);
    expect(plain.exitCode, plain.all).toBe(0);
    expect(plain.stdout).toBe(`foxdev version v${version}`);
    expect((await foxdev(['version', '--short'])).stdout).toBe(version);
    expect(JSON.parse((await foxdev(['version', '--format', 'json'])).stdout)).toEqual({ version: `v${version}` });
    expect(JSON.parse((await foxdev(['version', '-f', 'json'])).stdout)).toEqual({ version: `v${version}` });
    const bad = await foxdev(['version', '--format', 'xml']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/invalid format xml/);
  });
});

describe.runIf(hasEngine)('compose verbs, third batch, against the engine', () => {
  const a = project('ev', `services:
  busy:
    image: foxdev/busybox:1
    init: true
    mem_limit: 64m
    command: ["sh", "-c", "while true; do :; done"]
  idle:
${sleeper()}`);

  beforeAll(async () => {
    const r = await a.fx('up', '-d', '--wait-timeout', '60');
    expect(r.exitCode, r.all).toBe(0);
  }, 90_000);
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
    for (const p of projects) await dockerClient().getImage(imageName(p, { name: 'web' })).remove().catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('events --json: stopping a service streams its kill/die/stop events, one compose object a line, other services filtered out', async () => {
    const since = (Date.now() / 1000 - 1).toFixed(3); // events from now on, even if the stream connects late
    const ev = foxdevBackground(a.args('events', '--json', '--since', since, 'idle'));
    const stop = await a.fx('stop', 'idle');
    expect(stop.exitCode, stop.all).toBe(0);
    await ev.waitFor(/"action":"stop"/, 20_000);
    ev.child.kill('SIGINT');
    await ev.child;
    const events = ev
      .output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { time: string; type: string; action: string; id: string; service: string; attributes: Record<string, string> });
    const actions = events.map((e) => e.action);
    expect(actions).toContain('die');
    expect(actions).toContain('stop');
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(['action', 'attributes', 'id', 'service', 'time', 'type']);
      expect(e).toMatchObject({ type: 'container', service: 'idle' });
      expect(e.id).toMatch(/^[0-9a-f]{64}$/);
      expect(e.attributes.name).toBe(`${a.p}-idle-1`);
      expect(Object.keys(e.attributes).some((k) => k.startsWith('com.docker.compose.') || k.startsWith('dev.foxdev.'))).toBe(false);
      expect(Date.parse(e.time)).toBeGreaterThan(Number(since) * 1000 - 1);
    }
    expect(events.find((e) => e.action === 'die')!.attributes.exitCode).toBeDefined();
  });

  it('events --since/--until: the text form, and the stream ends by itself at --until', async () => {
    const t0 = Date.now() / 1000;
    expect((await a.fx('start', 'idle')).exitCode).toBe(0);
    expect((await a.fx('stop', 'idle')).exitCode).toBe(0);
    // As docker's, a duration counts back from now (`--until 2s` = two seconds ago): an instant ahead is a Unix time.
    const t1 = Date.now();
    const r = await a.fx('events', '--since', (t0 - 0.5).toFixed(3), '--until', (t1 / 1000 + 2).toFixed(3));
    expect(r.exitCode, r.all).toBe(0);
    expect(Date.now() - t1).toBeLessThan(10_000); // ended by itself, soon after --until
    const lines = r.stdout.split('\n').filter(Boolean);
    const idle = `${a.p}-idle-1`;
    const re = (action: string) => new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6} container ${action} [0-9a-f]{64} \\((.+, )?name=${idle}(, .+)?\\)$`);
    expect(lines.some((l) => re('start').test(l)), r.stdout).toBe(true);
    expect(lines.some((l) => re('stop').test(l)), r.stdout).toBe(true);
    // By project name alone, from a directory without a compose file, as compose's events works.
    const byName = await foxdev(['-p', a.p, 'events', '--json', '--since', (t0 - 0.5).toFixed(3), '--until', (t1 / 1000 + 1).toFixed(3)], { cwd: tmpdir() });
    expect(byName.exitCode, byName.all).toBe(0);
    expect(byName.stdout.split('\n').map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(expect.arrayContaining(['start', 'die', 'stop']));
    const bad = await a.fx('events', '--since', 'yesterday');
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/invalid --since yesterday/);
  });

  it('stats without --no-stream keeps sampling until interrupted', async () => {
    const st = foxdevBackground(a.args('stats', '--format', 'json', 'busy'));
    await st.waitFor(/Name[^\n]*\n[^\n]*Name/, 20_000); // two samples
    st.child.kill('SIGINT');
    await st.child;
    const names = st.output().trim().split('\n').map((l) => (JSON.parse(l) as { Name: string }).Name);
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(new Set(names)).toEqual(new Set([`${a.p}-busy-1`]));
  });

  it('stats --no-stream: a busy container shows CPU above 0 and its mem_limit; json, --all, --no-trunc', async () => {
    await a.fx('stop', 'idle');
    const r = await a.fx('stats', '--no-stream');
    expect(r.exitCode, r.all).toBe(0);
    const [head, ...rows] = r.stdout.split('\n');
    expect(head).toMatch(/^CONTAINER ID +NAME +CPU % +MEM USAGE \/ LIMIT +MEM % +NET I\/O +BLOCK I\/O +PIDS$/);
    expect(rows).toHaveLength(1); // idle is stopped
    const cells = rows[0].split(/ {3,}/);
    expect(cells[0]).toMatch(/^[0-9a-f]{12}$/);
    expect(cells[1]).toBe(`${a.p}-busy-1`);
    expect(parseFloat(cells[2])).toBeGreaterThan(5);
    expect(cells[3]).toMatch(/^[\d.]+(B|KiB|MiB) \/ 64MiB$/);
    const json = await a.fx('stats', '--no-stream', '--format', 'json', '--all', '--no-trunc');
    expect(json.exitCode, json.all).toBe(0);
    const objs = json.stdout.split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(objs.map((o) => o.Name)).toEqual([`${a.p}-busy-1`, `${a.p}-idle-1`]);
    expect(Object.keys(objs[0]).sort()).toEqual(['BlockIO', 'CPUPerc', 'Container', 'ID', 'MemPerc', 'MemUsage', 'Name', 'NetIO', 'PIDs']);
    expect(objs[0].ID).toMatch(/^[0-9a-f]{64}$/);
    expect(objs[0].Container).toBe(objs[0].ID.slice(0, 12));
    expect(objs[1]).toMatchObject({ CPUPerc: '0.00%', MemUsage: '0B / 0B', PIDs: '0' });
    const one = await a.fx('stats', '--no-stream', 'idle');
    expect(one.stdout.split('\n')).toHaveLength(1); // header only: idle is not running
    const bad = await a.fx('stats', '--no-stream', '--format', '{{.Name}}');
    expect(bad.exitCode).toBe(2);
    expect((await a.fx('stats', '--no-stream', 'nosuch')).exitCode).toBe(1);
  });

  it('create makes the named service and its dependencies, starts nothing; start runs them; up --no-start creates the rest', async () => {
    const b = project('create', `services:
  dep_1:
${sleeper()}  dep_2:
${sleeper()}  desired:
${sleeper('    depends_on: [dep_1, dep_2]\n')}  another:
${sleeper()}`);
    const c = await b.fx('create', 'desired');
    expect(c.exitCode, c.all).toBe(0);
    // compose's progress lines on stderr, the dependencies' containers first.
    const lines = c.stderr.split('\n');
    expect(lines).toContain(`Container ${b.p}-desired-1 Created`);
    expect(lines.indexOf(`Container ${b.p}-dep_1-1 Created`)).toBeLessThan(lines.indexOf(`Container ${b.p}-desired-1 Creating`));
    expect(await states(b.p)).toEqual({ dep_1: 'created', dep_2: 'created', desired: 'created' });
    const ps = await b.fx('ps', '-a', '--format', 'json');
    expect(ps.stdout.split('\n').map((l) => (JSON.parse(l) as { State: string }).State)).toEqual(['created', 'created', 'created']);
    expect((await b.fx('ps', '-q')).stdout).toBe(''); // nothing runs
    const idBefore = (await projectContainers(b.p)).find((x) => x.service === 'desired')!.id;
    const again = await b.fx('create', 'desired');
    expect(again.exitCode, again.all).toBe(0);
    expect((await projectContainers(b.p)).find((x) => x.service === 'desired')!.id).toBe(idBefore); // unchanged: kept
    const forced = await b.fx('create', '--force-recreate', 'desired');
    expect(forced.exitCode, forced.all).toBe(0);
    expect((await projectContainers(b.p)).find((x) => x.service === 'desired')!.id).not.toBe(idBefore);
    const start = await b.fx('start');
    expect(start.exitCode, start.all).toBe(0);
    expect(await states(b.p)).toEqual({ dep_1: 'running', dep_2: 'running', desired: 'running' });
    const noStart = await b.fx('up', '--no-start');
    expect(noStart.exitCode, noStart.all).toBe(0);
    expect(await states(b.p)).toEqual({ dep_1: 'running', dep_2: 'running', desired: 'running', another: 'created' });
    for (const [flags, msg] of [
      [['--build', '--no-build'], '--build and --no-build are incompatible'],
      [['--force-recreate', '--no-recreate'], '--force-recreate and --no-recreate are incompatible'],
    ] as const) {
      const r = await b.fx('create', ...flags);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(msg);
    }
    expect((await b.fx('create', 'nosuch')).exitCode).toBe(1);
    const scaled = await b.fx('create', '--scale', 'another=2', 'another');
    expect(scaled.exitCode, scaled.all).toBe(0);
    const another = (await projectContainers(b.p)).filter((x) => x.service === 'another');
    expect(another.map((x) => x.state)).toEqual(['created', 'created']);
  });

  it('up --no-attach hides a service’s lines; naming a service shows only it unless --attach-dependencies', async () => {
    const say = (word: string, deps = '') => `    image: foxdev/busybox:1
    init: true
    command: ["sh", "-c", "echo ${word}; sleep 600"]
${deps}`;
    const c = project('attach', `services:
  db:
${say('DB-LINE')}  web:
${say('WEB-LINE', '    depends_on: [db]\n')}`);
    const run = async (args: string[], until: RegExp) => {
      const up = foxdevBackground(c.args('up', '--no-tui', ...args));
      await up.waitFor(until, 30_000);
      up.child.kill('SIGINT');
      await up.child;
      return up.output();
    };
    const noDb = await run(['--no-attach', 'db'], /web(?:-\d+)? +\| WEB-LINE/);
    expect(noDb).not.toMatch(/^db(?:-\d+)? +\|/m);
    const named = await run(['web'], /web(?:-\d+)? +\| WEB-LINE/);
    expect(named).not.toMatch(/^db(?:-\d+)? +\|/m);
    const withDeps = await run(['--attach-dependencies', 'web'], /web(?:-\d+)? +\| WEB-LINE/);
    expect(withDeps).toMatch(/^db(?:-\d+)? +\| DB-LINE/m);
    const both = await c.fx('up', '--attach', 'web', '--attach-dependencies');
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('cannot combine --attach and --attach-dependencies');
  });

  it('watch syncs a host edit into the container, prints the sync, hides service output with --quiet; Ctrl-C exits 130 and leaves it running', async () => {
    const d = project('watch', `services:
  app:
    image: foxdev/busybox:1
    init: true
    command: ["sh", "-c", "echo APP-OUTPUT; sleep 600"]
    develop:
      watch:
        - action: sync
          path: ./src
          target: /app/src
  plain:
${sleeper()}`);
    mkdirSync(join(d.dir, 'src'));
    writeFileSync(join(d.dir, 'src', 'a.txt'), 'one\n');
    const none = await d.fx('watch', 'plain');
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("none of the selected services is configured for watch, consider setting a 'develop' section");

    const w = foxdevBackground(d.args('watch', '--quiet', 'app'));
    await w.waitFor(/Watch enabled/, 30_000);
    writeFileSync(join(d.dir, 'src', 'new.txt'), 'edited on the host\n');
    let seen = '';
    for (let i = 0; i < 60 && seen !== 'edited on the host'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      seen = (await d.fx('exec', '-T', 'app', 'cat', '/app/src/new.txt')).stdout.trim();
    }
    expect(seen).toBe('edited on the host');
    await w.waitFor(/app(?:-\d+)? +\| .*synced/, 10_000);
    await w.waitFor(/^Syncing service "app" after \d+ changes were detected$/m, 10_000);
    w.child.kill('SIGINT');
    const done = await w.child;
    expect(done.exitCode, w.output()).toBe(130);
    expect(w.output()).toMatch(/Watch disabled/);
    expect(w.output()).not.toContain('APP-OUTPUT');
    expect(await states(d.p)).toEqual({ app: 'running' }); // compose's watch leaves the services up

    // --no-up: sync into the container as it runs, nothing created or restarted.
    const id = (await projectContainers(d.p))[0].id;
    const n = foxdevBackground(d.args('watch', '--no-up'));
    await n.waitFor(/Watch enabled/, 20_000);
    writeFileSync(join(d.dir, 'src', 'second.txt'), 'no-up edit\n');
    seen = '';
    for (let i = 0; i < 60 && seen !== 'no-up edit'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      seen = (await d.fx('exec', '-T', 'app', 'cat', '/app/src/second.txt')).stdout.trim();
    }
    expect(seen).toBe('no-up edit');
    n.child.kill('SIGINT');
    expect((await n.child).exitCode, n.output()).toBe(130);
    expect((await projectContainers(d.p)).map((c) => c.id)).toEqual([id]);

    // up --watch: the foreground up (which always syncs) says "Watch enabled" as compose's does.
    for (const [args, msg] of [
      [['-d', '--watch'], '--detach cannot be combined with'],
      [['--watch', 'plain'], 'none of the selected services is configured for watch, see'],
    ] as const) {
      const r = await d.fx('up', ...args);
      expect(r.exitCode, r.all).toBe(2);
      expect(r.stderr).toContain(msg);
    }
    const up = foxdevBackground(d.args('up', '--watch', '--no-tui', 'app'));
    await up.waitFor(/Watch enabled/, 30_000);
    writeFileSync(join(d.dir, 'src', 'third.txt'), 'up --watch edit\n');
    seen = '';
    for (let i = 0; i < 60 && seen !== 'up --watch edit'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      seen = (await d.fx('exec', '-T', 'app', 'cat', '/app/src/third.txt')).stdout.trim();
    }
    expect(seen).toBe('up --watch edit');
    up.child.kill('SIGINT');
    expect((await up.child).exitCode, up.output()).toBe(0);
  });

  it('create builds the image; watch: a rebuild rule rebuilds it and replaces the container, in compose’s words', async () => {
    const e = project('rebuild', `services:
  web:
    build: .
    init: true
    command: ["sleep", "600"]
    develop:
      watch:
        - action: rebuild
          path: ./trigger
`);
    writeFileSync(join(e.dir, 'Dockerfile'), 'FROM foxdev/busybox:1\n');
    mkdirSync(join(e.dir, 'trigger'));
    const created = await e.fx('create');
    expect(created.exitCode, created.all).toBe(0);
    expect(created.stdout).toMatch(/building image/);
    expect(await states(e.p)).toEqual({ web: 'created' });
    const w = foxdevBackground(e.args('watch'));
    await w.waitFor(/Watch enabled/, 60_000);
    const before = (await projectContainers(e.p))[0].id;
    writeFileSync(join(e.dir, 'trigger', 'x'), 'x\n');
    await w.waitFor(/^Rebuilding service\(s\) \["web"\] after changes were detected\.\.\.$/m, 30_000);
    await w.waitFor(/^service\(s\) \["web"\] successfully built$/m, 60_000);
    let after = before;
    for (let i = 0; i < 60 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = (await projectContainers(e.p)).find((c) => c.state === 'running')?.id ?? before;
    }
    expect(after).not.toBe(before);
    w.child.kill('SIGINT');
    expect((await w.child).exitCode, w.output()).toBe(130);
  });
});
