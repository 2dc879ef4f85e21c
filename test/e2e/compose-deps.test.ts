// compose's dependency semantics through the real CLI and engine: a dependency that dies keeps
// its dependents from starting (compose's message; their containers are created, never started), an optional one
// does not, deploy.restart_policy max_attempts restarts exactly that often, service_healthy on a
// service without a healthcheck is a config error at its line, and `up <profiled service>` runs it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerClient } from '../../src/runtime/docker-client.js';
import { requireEngine } from '../helpers/engine.js';
import { foxdev, foxdevBackground } from '../helpers/cli.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';

const hasEngine = await requireEngine();
const projects: string[] = [];
const dirs: string[] = [];
const uniq = (name: string) => {
  const p = `deps-${name}-${process.pid}`;
  projects.push(p);
  return p;
};
function compose(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxdev-deps-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'compose.yaml'), text);
  return dir;
}
const idOf = async (p: string, service: string) => (await projectContainers(p)).find((c) => c.service === service)!.id;
const states = async (p: string) => Object.fromEntries((await projectContainers(p)).map((c) => [c.service, c.state]));

describe.runIf(hasEngine)('compose dependency semantics against the engine', () => {
  afterAll(async () => {
    for (const p of projects) await purgeProject(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('creates every container before it starts what waits: app exists while db is still getting healthy', async () => {
    const p = uniq('order');
    const dir = compose(`services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "sleep 2; touch /tmp/ok; exec sleep 3600"]
    healthcheck: { test: ["CMD", "test", "-f", "/tmp/ok"], interval: 500ms, retries: 30 }
  app:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    depends_on:
      db: { condition: service_healthy }
  web:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    depends_on: [app]
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(r.exitCode, r.all).toBe(0);
    const lines = r.stderr.split('\n').map((l) => l.trim());
    const at = (what: string) => {
      const i = lines.indexOf(what);
      expect(i, `${what} in\n${r.stderr}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const c = (s: string) => `Container ${p}-${s}-1`;
    // compose's order: created in dependency order, then each started once what it needs is met.
    expect(at(`${c('db')} Created`)).toBeLessThan(at(`${c('app')} Created`));
    expect(at(`${c('app')} Created`)).toBeLessThan(at(`${c('web')} Created`));
    expect(at(`${c('web')} Created`)).toBeLessThan(at(`${c('db')} Healthy`));
    expect(at(`${c('db')} Healthy`)).toBeLessThan(at(`${c('app')} Starting`));
    expect(at(`${c('app')} Started`)).toBeLessThan(at(`${c('web')} Starting`));
    expect(await states(p)).toEqual({ db: 'running', app: 'running', web: 'running' });
  });

  it('a dependency that exits after it was healthy, and a failed job, fail up -d; their dependents never start', async () => {
    const p = uniq('fail');
    const dir = compose(`services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "sleep 1; exit 3"]
    healthcheck: { test: ["CMD", "true"], interval: 1s }
  slow:
    image: foxdev/busybox:1
    command: ["sh", "-c", "sleep 2.5; touch /tmp/ok; exec sleep 3600"]
    healthcheck: { test: ["CMD", "test", "-f", "/tmp/ok"], interval: 1s, retries: 30 }
  app:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    depends_on:
      db: { condition: service_healthy }
      slow: { condition: service_healthy }
  job:
    image: foxdev/busybox:1
    command: ["sh", "-c", "exit 5"]
  after:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    depends_on:
      job: { condition: service_completed_successfully }
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d', '--wait-timeout', '60']);
    expect(r.exitCode, r.all).toBe(1);
    expect(r.all).toMatch(new RegExp(`app(?:-\\d+)? +\\| ◆ failed: dependency failed to start: container ${p}-db(-1)? exited \\(3\\)`));
    expect(r.all).toMatch(/after(?:-\d+)? +\| ◆ failed: service "job" didn't complete successfully: exit 5/);
    expect(r.stderr).toMatch(/^foxdev: db: exited with code 3 \(and app, job, after\)$/m);
    // Both dependents were created with the rest (compose creates every container first) and never
    // started; what they depend on is as it ended.
    expect(await states(p)).toEqual({ db: 'exited', slow: 'running', job: 'exited', app: 'created', after: 'created' });
  });

  it('required: false — a failed optional dependency is reported once and the dependent starts anyway', async () => {
    const p = uniq('optional');
    const dir = compose(`services:
  opt:
    image: foxdev/busybox:1
    command: ["sh", "-c", "exit 3"]
    healthcheck: { test: ["CMD", "true"], interval: 1s }
  app:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo app running; exec sleep 3600"]
    depends_on:
      opt: { condition: service_healthy, required: false }
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d', '--wait-timeout', '60']);
    // The optional service itself failed, so up -d says so; the dependent did not wait on it.
    expect(r.exitCode, r.all).toBe(1);
    const notes = r.all.split('\n').filter((l) => l.includes('optional dependency'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`app(?:-\\d+)? +\\| optional dependency "opt" failed to start: container ${p}-opt(-1)? exited \\(3\\); starting anyway`));
    expect(r.stderr).toMatch(/^foxdev: opt: exited with code 3$/m);
    expect(await states(p)).toEqual({ opt: 'exited', app: 'running' });
    const logs = await dockerClient().getContainer(await idOf(p, 'app')).logs({ stdout: true, stderr: true });
    expect(logs.toString('utf8')).toContain('app running');
  });

  it('deploy.restart_policy max_attempts: 2 restarts the container exactly twice', async () => {
    const p = uniq('attempts');
    const dir = compose(`services:
  flaky:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo run; exit 4"]
    deploy:
      restart_policy: { condition: on-failure, max_attempts: 2, delay: 200ms }
  steady:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    stop_grace_period: 1s
`);
    const up = foxdevBackground(['-C', dir, '-p', p, 'up', '--no-tui']);
    try {
      await up.waitFor(/flaky(?:-\d+)? +\| exited with code 4; not restarting again after 2 restart\(s\)/, 60_000);
      await new Promise((r) => setTimeout(r, 1000)); // nothing more comes
      const out = up.output();
      expect(out.match(/flaky(?:-\d+)? +\| exited with code 4; restarting in 200ms \(restart_policy: on-failure, max_attempts 2\)/g)).toHaveLength(2);
      // The engine saw three runs of the same container: the first and two restarts.
      const logs = (await dockerClient().getContainer(await idOf(p, 'flaky')).logs({ stdout: true })).toString('utf8');
      expect(logs.match(/run/g)).toHaveLength(3);
      expect(await states(p)).toEqual({ flaky: 'exited', steady: 'running' });
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
  });

  it('depends_on restart: true — when foxdev restarts the dependency, the dependent is restarted too', async () => {
    const p = uniq('restart');
    const dir = compose(`services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo db run; sleep 1; exit 1"]
    restart: on-failure:1
    stop_grace_period: 1s
  app:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo app run; exec sleep 3600"]
    stop_grace_period: 1s
    depends_on:
      db: { condition: service_started, restart: true }
  other:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo other run; exec sleep 3600"]
    stop_grace_period: 1s
    depends_on: [db]
`);
    const up = foxdevBackground(['-C', dir, '-p', p, 'up', '--no-tui']);
    try {
      await up.waitFor(/app(?:-\d+)? +\| restarting because db restarted/, 30_000);
      await up.waitFor(/(app(?:-\d+)? +\| app run[\s\S]*){2}/, 10_000);
      const runs = async (svc: string) => ((await dockerClient().getContainer(await idOf(p, svc)).logs({ stdout: true })).toString('utf8').match(/ run/g) ?? []).length;
      expect(await runs('app')).toBe(2);
      expect(await runs('other')).toBe(1); // no restart: true on its edge
    } finally {
      up.child.kill('SIGINT');
      await up.child;
    }
  });

  it('foxdev restart <dependency> outside a session also restarts the restart: true dependents', async () => {
    const p = uniq('verb');
    const dir = compose(`services:
  db:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo db run; exec sleep 3600"]
    stop_grace_period: 1s
  app:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo app run; exec sleep 3600"]
    stop_grace_period: 1s
    depends_on:
      db: { condition: service_started, restart: true }
  other:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo other run; exec sleep 3600"]
    stop_grace_period: 1s
    depends_on: [db]
`);
    expect((await foxdev(['-C', dir, '-p', p, 'up', '-d'])).exitCode).toBe(0);
    const r = await foxdev(['-C', dir, '-p', p, 'restart', 'db']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stderr.trim().split('\n').map((l) => l.replace(/-1 /, ' '))).toEqual([`Container ${p}-db Restarting`, `Container ${p}-db Started`, `Container ${p}-app Restarting`, `Container ${p}-app Started`]);
    const runs = async (svc: string) => ((await dockerClient().getContainer(await idOf(p, svc)).logs({ stdout: true })).toString('utf8').match(/ run/g) ?? []).length;
    expect([await runs('db'), await runs('app'), await runs('other')]).toEqual([2, 2, 1]);
  });

  it('service_healthy on a dependency without a healthcheck: compose fails the wait at start, exit 1, app never starts', async () => {
    const p = uniq('nohc');
    const dir = compose(`services:
  db:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
  app:
    image: foxdev/busybox:1
    depends_on:
      db:
        condition: service_healthy
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(r.exitCode, r.all).toBe(1);
    expect(r.all).toContain(`dependency failed to start: container ${p}-db-1 has no healthcheck configured`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect((await projectContainers(p)).filter((c) => c.service === 'app' && c.state === 'running')).toEqual([]);
  });

  it("service_healthy on a dependency whose image has a HEALTHCHECK (none in the file): the image's check gates the dependent, as compose's wait on the engine's health", async () => {
    const p = uniq('imghc');
    const dir = compose(`services:
  db:
    build: ./db
    command: ["sh", "-c", "sleep 1; touch /tmp/ok; exec sleep 3600"]
    init: true
  app:
    image: foxdev/busybox:1
    command: ["sh", "-c", "echo app-started; exec sleep 3600"]
    init: true
    depends_on:
      db:
        condition: service_healthy
`);
    mkdirSync(path.join(dir, 'db'));
    // The engine's own probe would first run after 30 s; foxdev runs the image's check itself, faster.
    writeFileSync(path.join(dir, 'db/Dockerfile'), 'FROM foxdev/busybox:1\nHEALTHCHECK --interval=1s --retries=30 CMD test -f /tmp/ok\n');
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d']);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.all).not.toContain('has no healthcheck configured');
    expect(r.stderr).toContain(`Container ${p}-db-1 Healthy`);
    const db = await dockerClient().getContainer(await idOf(p, 'db')).inspect();
    const app = await dockerClient().getContainer(await idOf(p, 'app')).inspect();
    // app started after db's check passed: db had been up at least the second it takes to pass.
    expect(Date.parse(app.State.StartedAt) - Date.parse(db.State.StartedAt)).toBeGreaterThanOrEqual(900);
    expect(db.Config.Healthcheck?.Test).toEqual(['CMD-SHELL', 'test -f /tmp/ok']);
  });

  it('up <profiled service> enables its profile and runs it', async () => {
    const p = uniq('profile');
    const dir = compose(`services:
  web:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
  tool:
    image: foxdev/busybox:1
    command: ["sleep", "3600"]
    profiles: [debug]
`);
    const r = await foxdev(['-C', dir, '-p', p, 'up', '-d', 'tool']);
    expect(r.exitCode, r.all).toBe(0);
    expect(await states(p)).toEqual({ tool: 'running' });
  });
});
