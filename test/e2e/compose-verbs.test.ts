// The compose verbs as a user types them, on one small busybox project in a temp dir: ps and its
// flags (a completed job shows no health), port, stop/start order, kill, rm, restart with no
// names, pause/unpause, run (one-off naming, labels, exit code, --rm), then down.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEngine } from '../helpers/engine.js';
import { foxdev } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { containerName } from '../../src/names/labels.js';

const hasEngine = await requireEngine();
const p = `verbs-${process.pid}`;
const port = 20000 + (process.pid % 20000);
const dir = mkdtempSync(join(tmpdir(), 'foxdev-verbs-'));
const cname = (svc: string) => containerName(p, svc);
const fx = (...args: string[]) => foxdev(['-C', dir, '-p', p, ...args], { timeoutMs: 60_000 });

const compose = `
services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "touch /tmp/ready; trap 'exit 0' TERM; while true; do sleep 0.2; done"]
    stop_grace_period: 2s
    healthcheck:
      test: ["CMD", "test", "-f", "/tmp/ready"]
      interval: 200ms
      retries: 20
  migrate:
    image: foxdev/busybox:1
    command: ["sh", "-c", "sleep 1.5; echo migrated"]
    # Fails while running, so the engine records it unhealthy before it completes.
    healthcheck:
      test: ["CMD", "false"]
      interval: 200ms
      retries: 1
    depends_on:
      db:
        condition: service_healthy
  app:
    image: foxdev/busybox:1
    command: ["sh", "-c", "mkdir -p /www && echo app-ok > /www/index.html && exec httpd -f -p 8080 -h /www"]
    stop_grace_period: 1s
    ports:
      - "${port}:8080"
    depends_on:
      migrate:
        condition: service_completed_successfully
`;

const states = async () => Object.fromEntries((await projectContainers(p)).map((c) => [c.service, c.state]));
const startedAt = async (service: string) => {
  const c = (await projectContainers(p)).find((x) => x.service === service)!;
  return (await dockerClient().getContainer(c.id).inspect()).State.StartedAt;
};

describe.runIf(hasEngine)('compose verbs against the engine', () => {
  beforeAll(async () => {
    writeFileSync(join(dir, 'compose.yaml'), compose);
    const r = await fx('up', '-d', '--wait-timeout', '60');
    expect(r.exitCode, r.all).toBe(0);
    // compose's progress lines, on stderr, in the order things happened (compose's TestPs reads "Container … Started").
    const events = r.stderr.split('\n').filter((l) => l.startsWith('Container '));
    const at = (l: string) => events.indexOf(l);
    for (const l of [`Container ${cname('db')} Created`, `Container ${cname('db')} Started`, `Container ${cname('db')} Healthy`, `Container ${cname('migrate')} Exited`, `Container ${cname('app')} Started`]) expect(events, r.stderr).toContain(l);
    expect(at(`Container ${cname('db')} Healthy`)).toBeLessThan(at(`Container ${cname('migrate')} Starting`));
    expect(at(`Container ${cname('migrate')} Exited`)).toBeLessThan(at(`Container ${cname('app')} Starting`));
  }, 90_000);
  afterAll(async () => {
    await purgeProject(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('ps: running only by default; -a shows the completed job with no health; json, -q, --services, --status', async () => {
    // compose's table (TestPs): header, one row per running container, docker's words.
    const plain = await fx('ps');
    expect(plain.exitCode, plain.all).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +IMAGE +COMMAND +SERVICE +CREATED +STATUS +PORTS$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0]).sort()).toEqual([cname('app'), cname('db')]);
    expect(plain.stdout).toMatch(new RegExp(`^${cname('db')} +foxdev/busybox:1 +"sh -c touch /tmp/re…" +db +.* ago +Up .*\\(healthy\\)`, 'm'));
    expect(plain.stdout).toMatch(new RegExp(`^${cname('app')} .*0\\.0\\.0\\.0:${port}->8080/tcp`, 'm'));
    expect(plain.stdout).not.toMatch(/migrate/);
    expect((await fx('ps', '-a')).stdout).toMatch(new RegExp(`^${cname('migrate')} .* migrate +.* Exited \\(0\\)`, 'm'));
    // foxdev's own view.
    const own = await fx('ps', '--format', 'foxdev');
    expect(own.stdout).toMatch(/^db +container +running +healthy/m);
    const all = await fx('ps', '-a', '--format', 'foxdev');
    expect(all.stdout).toMatch(/^migrate +job +exited \(0\) +none /m);
    const json = (await fx('ps', '-a', '--format', 'json')).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const by = Object.fromEntries(json.map((j) => [j.Service, j]));
    expect(by.migrate).toMatchObject({ Name: cname('migrate'), State: 'exited', Health: '', ExitCode: 0 });
    expect(by.db).toMatchObject({ State: 'running', Health: 'healthy' });
    expect(by.app.Publishers).toContainEqual({ URL: '0.0.0.0', TargetPort: 8080, PublishedPort: port, Protocol: 'tcp' });
    const ids = (await fx('ps', '-q')).stdout.trim().split('\n');
    expect(ids.sort()).toEqual((await projectContainers(p)).filter((c) => c.state === 'running').map((c) => c.id).sort());
    expect((await fx('ps', '--services')).stdout.trim().split('\n')).toEqual(['db', 'app']);
    expect((await fx('ps', '--status', 'exited', '--services')).stdout.trim()).toBe('migrate');
    expect((await fx('ps', '--filter', 'status=exited', '--services')).stdout.trim()).toBe('migrate');
    const bad = await fx('ps', '--filter', 'name=x');
    expect(bad.exitCode).toBe(2);
  });

  it('port prints host:port, and it answers', async () => {
    const r = await fx('port', 'app', '8080');
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout.trim()).toBe(`0.0.0.0:${port}`);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('app-ok\n');
    const missing = await fx('port', 'app', '9999');
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stderr).toMatch(/no port 9999\/tcp/);
  });

  it('stop stops dependents first; start brings them back dependencies first', async () => {
    const stop = await fx('stop', '-t', '1');
    expect(stop.exitCode, stop.all).toBe(0);
    expect(stop.stderr.indexOf(`Container ${cname('app')} Stopped`)).toBeGreaterThan(-1);
    expect(stop.stderr.indexOf(`Container ${cname('app')} Stopped`)).toBeLessThan(stop.stderr.indexOf(`Container ${cname('db')} Stopping`));
    expect(await states()).toEqual({ db: 'exited', migrate: 'exited', app: 'exited' });
    const start = await fx('start', 'db', 'app');
    expect(start.exitCode, start.all).toBe(0);
    expect(start.stderr.indexOf(`Container ${cname('db')} Started`)).toBeLessThan(start.stderr.indexOf(`Container ${cname('app')} Starting`));
    // compose's start waits for app's dependency: migrate (service_completed_successfully) ran again and completed first.
    expect(start.stderr.indexOf(`Container ${cname('migrate')} Starting`)).toBeLessThan(start.stderr.indexOf(`Container ${cname('app')} Starting`));
    expect(start.stdout).toBe('');
    expect(await states()).toEqual({ db: 'running', migrate: 'exited', app: 'running' });
    const none = await fx('start', 'nope');
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toMatch(/no such service: nope/);
  });

  it('kill sends the signal; rm removes only stopped containers; restart with no names restarts all', async () => {
    const kill = await fx('kill', '-s', 'KILL', 'app');
    expect(kill.exitCode, kill.all).toBe(0);
    expect(kill.stderr).toContain(`Container ${cname('app')} Killed (SIGKILL)`);
    expect(await states()).toMatchObject({ db: 'running', app: 'exited' });
    // Long form: the global -f (file) takes the short one until the global option parser changes.
    const rm = await fx('rm', '--force');
    expect(rm.exitCode, rm.all).toBe(0);
    expect(await states()).toEqual({ db: 'running' });
    expect(rm.stdout).toMatch(/running; not removed/);
    const before = await startedAt('db');
    const restart = await fx('restart', '-t', '1');
    expect(restart.exitCode, restart.all).toBe(0);
    expect(await startedAt('db')).not.toBe(before);
  });

  it('pause and unpause', async () => {
    expect((await fx('pause', 'db')).exitCode).toBe(0);
    expect(await states()).toEqual({ db: 'paused' });
    expect((await fx('unpause')).exitCode).toBe(0);
    expect(await states()).toEqual({ db: 'running' });
  });

  it('run: one-off container named and labelled as compose, exit code passed through, --rm removes it', async () => {
    const r = await fx('run', '--no-deps', '-e', 'X=42', 'db', 'sh', '-c', 'echo "x=$X"; exit 7');
    expect(r.exitCode, r.all).toBe(7);
    expect(r.stdout).toContain('x=42');
    const docker = dockerClient();
    const oneoffs = await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${p}`, 'com.docker.compose.oneoff=True'] } });
    expect(oneoffs.length).toBe(1);
    expect(oneoffs[0].Names[0]).toMatch(new RegExp(`^/${p}-db-run-[0-9a-f]{12}$`));
    expect(oneoffs[0].Labels['com.docker.compose.service']).toBe('db');
    // It is no service container: ps leaves it out.
    expect((await fx('ps', '-a', '--services')).stdout.trim()).toBe('db');
    await docker.getContainer(oneoffs[0].Id).remove({ force: true });
    // --rm, with dependencies: app's chain (db, migrate) comes up first.
    const rm = await fx('run', '--rm', 'app', 'sh', '-c', 'wget -qO- http://db:1 >/dev/null 2>&1; echo done');
    expect(rm.exitCode, rm.all).toBe(0);
    expect(rm.stdout).toContain('done');
    expect(await docker.listContainers({ all: true, filters: { label: [`com.docker.compose.project=${p}`, 'com.docker.compose.oneoff=True'] } })).toEqual([]);
    expect(await states()).toMatchObject({ db: 'running', migrate: 'exited' });
    const waited = await fx('wait', 'migrate');
    expect(waited.exitCode, waited.all).toBe(0);
    // migrate already exited: foxdev answers with its code (compose would find nothing running).
    expect(waited.stdout.trim()).toMatch(/^container "[0-9a-f]{64}" exited with status code 0$/);
    // logs --no-log-prefix: the job's line as it printed it.
    expect((await fx('logs', '--no-log-prefix', 'migrate')).stdout).toMatch(/^migrated$/m);
  }, 60_000);

  it('up flags: --force-recreate and --no-deps are plan decisions; a bad --scale is refused; --exit-code-from stops all and passes the code', async () => {
    const forced = await fx('up', '--dry-run', '--force-recreate', 'db');
    expect(forced.stdout).toMatch(/^db +container +recreate \(forced\)$/m);
    const noDeps = await fx('up', '--dry-run', '--no-deps', 'app');
    expect(noDeps.stdout.trim().split('\n').slice(1)).toEqual([expect.stringMatching(/^app +container +create$/)]);
    // --scale is applied (test/e2e/compose-scale.test.ts); a bad value is refused.
    const scale = await fx('up', '--dry-run', '--scale', 'app=x');
    expect(scale.exitCode).toBe(2);
    expect(scale.stderr).toContain('--scale app=x: expected SERVICE=NUMBER');
    const d2 = mkdtempSync(join(tmpdir(), 'foxdev-verbs-abort-'));
    const p2 = `${p}-abort`;
    try {
      writeFileSync(join(d2, 'compose.yaml'), 'services:\n  steady:\n    image: foxdev/busybox:1\n    command: ["sleep", "3600"]\n    stop_grace_period: 1s\n  quits:\n    image: foxdev/busybox:1\n    command: ["sh", "-c", "sleep 1; exit 3"]\n');
      const r = await foxdev(['-C', d2, '-p', p2, 'up', '--no-tui', '--exit-code-from', 'quits'], { timeoutMs: 60_000 });
      expect(r.exitCode, r.all).toBe(3);
      const left = await projectContainers(p2);
      expect(left.map((c) => c.state)).toEqual(['exited', 'exited']);
    } finally {
      await purgeProject(p2);
      rmSync(d2, { recursive: true, force: true });
    }
  }, 60_000);
});
