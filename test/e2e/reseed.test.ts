// A reseed re-runs what depends on the data, end to end (real engine, real PostgreSQL):
// fixtures/reseed-pg is the example's shape (db with a seed → migrate job → app). After
// `foxdev seed --yes`, and after the session's own reseed (the dashboard's `s`), the `orders`
// table that `migrate` creates exists again, `migrate` ran again, and `app` was started once.
import type Docker from 'dockerode';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/config/project.js';
import { loadProject } from '../../src/config/load.js';
import { Session } from '../../src/engine/session.js';
import { dockerReseed, dockerSeeder } from '../../src/engine/seeder.js';
import { waitSettled } from '../../src/engine/up.js';
import { dockerClient } from '../../src/runtime/docker-client.js';
import type { Action } from '../../src/store/actions.js';
import { foxdev } from '../helpers/cli.js';
import { requireEngine } from '../helpers/engine.js';
import { projectContainers, purgeProject } from '../helpers/project-state.js';
import { copyFixture, sql } from './seed-support.js';
import { dockerRuntime } from '../../src/runtime/docker/runtime.js';

const hasEngine = await requireEngine();
const docker = dockerClient();

async function containerOf(project: string, service: string): Promise<Docker.Container> {
  const c = (await projectContainers(project)).find((x) => x.service === service);
  if (!c) throw new Error(`${project} has no ${service} container`);
  return docker.getContainer(c.id);
}

const ordersExists = async (project: string) => (await sql(await containerOf(project, 'db'), 'shop', `SELECT to_regclass('public.orders') IS NOT NULL`)) === 't';

/** How many times the engine started this container between two instants (its `start` events). */
async function starts(container: Docker.Container, sinceMs: number, untilMs: number): Promise<number> {
  const stream = (await docker.getEvents({
    since: Math.floor(sinceMs / 1000),
    until: Math.ceil(untilMs / 1000) + 1,
    filters: { container: [container.id], event: ['start'] },
  })) as unknown as NodeJS.ReadableStream;
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  // `since` is in whole seconds: drop the events of that second that came before `sinceMs`.
  const events = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { timeNano: number });
  return events.filter((e) => e.timeNano / 1e6 >= sinceMs).length;
}

describe.runIf(hasEngine)('foxdev seed --yes re-runs the job that depends on the data (CLI, no session)', () => {
  const project = `reseedcli${process.pid}`;
  let dir: string;
  const cli = (...args: string[]) => foxdev(['-C', dir, '-p', project, ...args], { cwd: dir });

  beforeAll(async () => {
    dir = await copyFixture('reseed-pg');
    await purgeProject(project);
    const up = await cli('up', '-d');
    expect(up.exitCode, up.all).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await purgeProject(project);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const app = await containerOf(project, 'app');
    const t0 = Date.now();
    const r = await cli('seed', '--dry-run');
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toBe(
      ['stop app (db dependents: restart)', 'reseed db (foxdev seed)', 'run-job migrate (depends on db: service_seeded)', 'restart app (depends on migrate)'].join('\n'),
    );
    expect(await starts(app, t0, Date.now())).toBe(0);
  }, 60_000);

  it('orders exists again, migrate ran again, app was started once', async () => {
    expect(await ordersExists(project)).toBe(true);
    const migrate = await containerOf(project, 'migrate');
    const app = await containerOf(project, 'app');
    const finishedBefore = Date.parse((await migrate.inspect()).State.FinishedAt);
    const t0 = Date.now();
    const r = await cli('seed', '--yes');
    const t1 = Date.now();
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toMatch(/^db: reset and seeded in \d+\.\d\d s$/); // the helper strips the final newline
    expect(r.stderr).toContain('db: stopping app (db dependents: restart)');
    expect(r.stderr).toContain('db: running again migrate (depends on db: service_seeded)');
    expect(r.stderr).toContain('db: starting again app (depends on migrate)');
    expect(await ordersExists(project)).toBe(true);
    const m = (await migrate.inspect()).State;
    expect(m.ExitCode).toBe(0);
    expect(Date.parse(m.FinishedAt)).toBeGreaterThan(finishedBefore);
    expect((await app.inspect()).State.Running).toBe(true);
    expect(await starts(app, t0, t1)).toBe(1);
    console.log(`foxdev seed --yes with a re-run job: ${t1 - t0} ms`);
  }, 120_000);

  it('a failing re-run job: exit 1, its last lines, app stays stopped; the seed itself is done', async () => {
    await writeFile(path.join(dir, 'migrations/001-orders.sql'), 'CREATE TABLE orders (id serial PRIMARY KEY, product_id integer REFERENCES nowhere(id));\n');
    const r = await cli('seed', '--yes');
    expect(r.exitCode, r.all).toBe(1);
    expect(r.stdout).toMatch(/^db: reset and seeded in/);
    expect(r.stderr).toContain('foxdev: run-job migrate failed:');
    expect(r.stderr).toContain('--- last lines of migrate ---');
    expect(r.stderr).toMatch(/relation "nowhere" does not exist/);
    expect(r.stderr).toContain('foxdev: app stays stopped (not done: migrate failed)');
    expect((await (await containerOf(project, 'app')).inspect()).State.Running).toBe(false);
    expect(await ordersExists(project)).toBe(false);
  }, 120_000);

  it('a failing reset keeps the old data, runs no job and brings app back', async () => {
    await writeFile(path.join(dir, 'migrations/001-orders.sql'), 'CREATE TABLE IF NOT EXISTS orders (id serial PRIMARY KEY);\n');
    // app stayed stopped after the failed job; an up (which also runs migrate) brings it back.
    const up = await cli('up', '-d');
    expect(up.exitCode, up.all).toBe(0);
    expect(await ordersExists(project)).toBe(true);
    const db = await containerOf(project, 'db');
    await sql(db, 'shop', `INSERT INTO products (sku) VALUES ('KEEP-ME')`);
    await writeFile(path.join(dir, 'db/02-bad.sql'), 'INSERT INTO nowhere VALUES (1);\n');
    const migrate = await containerOf(project, 'migrate');
    const finishedBefore = (await migrate.inspect()).State.FinishedAt;
    const r = await cli('seed', '--yes');
    expect(r.exitCode, r.all).toBe(1);
    expect(r.stderr).toMatch(/02-bad\.sql/);
    expect(r.stderr).toContain('foxdev: db: the reset failed; the old data stays and what was stopped for it runs again');
    expect(r.stderr).not.toContain('running again migrate');
    expect(await sql(db, 'shop', `SELECT count(*) FROM products WHERE sku = 'KEEP-ME'`)).toBe('1');
    expect(await ordersExists(project)).toBe(true);
    expect((await migrate.inspect()).State.FinishedAt).toBe(finishedBefore);
    expect((await (await containerOf(project, 'app')).inspect()).State.Running).toBe(true);
  }, 120_000);

  it('dependents: pause pauses app around the reset and resumes it after migrate; no restart', async () => {
    await rm(path.join(dir, 'db/02-bad.sql'));
    const config = path.join(dir, 'foxdev.config.ts');
    await writeFile(config, (await readFile(config, 'utf8')).replace("dependents: 'restart'", "dependents: 'pause'"));
    const app = await containerOf(project, 'app');
    const t0 = Date.now();
    const r = await cli('seed', '--yes');
    const t1 = Date.now();
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stderr).toContain('db: pausing app (db dependents: pause)');
    expect(r.stderr).toContain('db: running again migrate (depends on db: service_seeded)');
    expect(r.stderr).toContain('db: resuming app (depends on migrate)');
    expect(await ordersExists(project)).toBe(true);
    const s = (await app.inspect()).State;
    expect(s.Running && !s.Paused).toBe(true);
    expect(await starts(app, t0, t1)).toBe(0);
  }, 120_000);
});

describe.runIf(hasEngine)("the session's reseed (dashboard s) walks the same plan", () => {
  const name = `reseedsess${process.pid}`;
  let dir: string;
  let project: Project;
  let session: Session | undefined;
  const phases: Array<{ service: string; phase: string; at: number }> = [];
  const lines: string[] = [];
  const dispatch = (a: Action) => {
    if (a.type === 'service/phase') phases.push({ service: a.service, phase: a.phase, at: a.at });
    if (a.type === 'logs') for (const e of a.entries) lines.push(`${e.service}: ${e.line}`);
  };

  beforeAll(async () => {
    dir = await copyFixture('reseed-pg');
    await purgeProject(name);
    project = await loadProject({ cwd: dir, projectName: name });
    session = new Session({ runtime: dockerRuntime(docker), project, dispatch, seeder: dockerSeeder(dockerRuntime(docker), project.dir), reseed: dockerReseed(dockerRuntime(docker), project.dir) });
    await session.start(await session.prepare([]));
    expect((await waitSettled(session, 150_000)).failures).toEqual([]);
  }, 180_000);
  afterAll(async () => {
    await session?.stop();
    await purgeProject(name);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('re-runs migrate, then starts app once, after migrate completed again', async () => {
    const migrate = await containerOf(name, 'migrate');
    const app = await containerOf(name, 'app');
    const finishedBefore = Date.parse((await migrate.inspect()).State.FinishedAt);
    const t0 = Date.now();
    const outcome = await session!.reseed(['db']);
    const t1 = Date.now();
    expect(outcome.ok).toBe(true);
    expect(outcome.results.map((r) => `${r.op.op} ${r.op.service} ${r.status}`)).toEqual(['stop app done', 'reseed db done', 'run-job migrate done', 'restart app done']);
    expect(await ordersExists(name)).toBe(true);
    expect(Date.parse((await migrate.inspect()).State.FinishedAt)).toBeGreaterThan(finishedBefore);
    expect(await starts(app, t0, t1)).toBe(1);
    // Re-gated: app started only after the re-run migrate completed.
    const after = phases.filter((p) => p.at >= t0);
    const completed = after.find((p) => p.service === 'migrate' && p.phase === 'completed')!.at;
    const appStarting = after.filter((p) => p.service === 'app' && p.phase === 'starting').map((p) => p.at);
    expect(appStarting).toHaveLength(1);
    expect(appStarting[0]).toBeGreaterThanOrEqual(completed);
    // Its supervisor runs again: app reaches running (not crash-loop) and the plan was shown in db's log.
    await new Promise((r) => setTimeout(r, 300));
    expect(phases.filter((p) => p.at >= t0 && p.service === 'app').map((p) => p.phase)).toEqual(['stopping', 'stopped', 'starting', 'running', 'ready']);
    expect(lines).toContain('db: reseed: run-job migrate (depends on db: service_seeded)');
    expect((await app.inspect()).State.Running).toBe(true);
  }, 120_000);
});
