// The whole Session (plan → gates → create → start → probe → supervise → stop) against the
// in-memory FakeRuntime: the happy path's order, and each failure path a user meets — a create
// the engine refuses, a job that exits 1, a healthcheck that never passes, a stop that times out
// — with what the dashboard is told. The same paths run on Docker in test/e2e.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project, ResolvedHealthcheck } from '../../src/config/project.js';
import { Session } from '../../src/engine/session.js';
import type { Action } from '../../src/store/actions.js';
import { FakeRuntime, type Script } from '../helpers/fake-runtime.js';
import { project as makeProject, type ServiceInput } from '../helpers/project.js';

const hc = (over: Partial<ResolvedHealthcheck> = {}): ResolvedHealthcheck => ({ test: ['CMD', 'true'], intervalMs: 100, timeoutMs: 1000, retries: 2, startPeriodMs: 0, ...over });

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.stop({ force: true });
});

function setup(services: Record<string, ServiceInput>, scripts: Record<string, Script> = {}) {
  const p: Project = { ...makeProject(services), dir: mkdtempSync(path.join(tmpdir(), 'foxdev-session-')) };
  const runtime = new FakeRuntime(scripts);
  const actions: Action[] = [];
  const session = new Session({ runtime, project: p, dispatch: (a) => actions.push(a) });
  sessions.push(session);
  const phases = (unit: string) => actions.flatMap((a) => (a.type === 'service/phase' && a.service === unit ? [a.phase] : []));
  const reasonOf = (unit: string) => actions.flatMap((a) => (a.type === 'service/phase' && a.service === unit && a.reason ? [a.reason] : [])).at(-1);
  const logs = (unit: string) => actions.flatMap((a) => (a.type === 'logs' ? a.entries.filter((e) => e.service === unit).map((e) => e.line) : []));
  const up = async (targets: string[] = []) => {
    await session.start(await session.prepare(targets));
    return session.settled();
  };
  return { p, runtime, session, actions, phases, reasonOf, logs, up };
}

describe('Session over a Runtime', () => {
  it('creates every container in dependency order first, then starts each once its dependency meets its condition (compose\'s order)', async () => {
    const t = setup({ db: { healthcheck: hc() }, api: { depends_on: { db: 'service_healthy' } }, web: { depends_on: { api: 'service_started' } } });
    const r = await t.up();
    expect(r).toEqual({ ok: true, failures: [] });
    const order = t.runtime.calls.filter((c) => /^(create|start) /.test(c));
    // Creation only waits for the dependency's container to exist; starting waits for the condition.
    expect(order.indexOf('create api')).toBeGreaterThan(order.indexOf('create db'));
    expect(order.indexOf('create web')).toBeGreaterThan(order.indexOf('create api'));
    expect(order.indexOf('create web')).toBeLessThan(order.indexOf('start api')); // made while db was still getting healthy
    expect(order.filter((c) => c.startsWith('start '))).toEqual(['start db', 'start api', 'start web']);
    expect(t.phases('api').filter((p) => p !== 'waiting')).toEqual(['pending', 'creating', 'starting', 'running', 'ready']);
    // api waited for db's health after its container was made: created, then waiting.
    expect(t.phases('api').indexOf('waiting')).toBeGreaterThan(t.phases('api').indexOf('creating'));
    expect(t.actions.some((a) => a.type === 'service/phase' && a.service === 'api' && a.phase === 'waiting' && /db/.test(a.reason ?? ''))).toBe(true);
    expect(t.runtime.calls).toContain('network demo_default');
  });

  it('a create the engine refuses: that service fails with the engine\'s words; what depends on it is created but never started', async () => {
    const t = setup({ db: {}, api: { depends_on: { db: 'service_started' } } }, { db: { createFails: { message: 'invalid mount config for type "bind"', statusCode: 400 } } });
    const r = await t.up();
    expect(r.ok).toBe(false);
    const db = r.failures.find((f) => f.service === 'db');
    expect(db?.reason).toContain('invalid mount config');
    expect(t.phases('db').at(-1)).toBe('failed');
    expect(t.runtime.calls).not.toContain('start api');
    expect(r.failures.map((f) => f.service)).toContain('api');
  });

  it('an image that is not there: pulled once, then created', async () => {
    const t = setup({ db: {} }, { db: { createFails: { message: 'No such image: foxdev/busybox:1', statusCode: 404, times: 1 } } });
    const r = await t.up();
    expect(r.ok).toBe(true);
    expect(t.runtime.calls.filter((c) => /^(create|pull) /.test(c))).toEqual(['create db', 'pull foxdev/busybox:1', 'create db']);
  });

  it('a job that exits 1: the up fails with its last lines, and what needs it completed never starts', async () => {
    const t = setup(
      { db: {}, migrate: { kind: 'job', depends_on: { db: 'service_started' } }, api: { depends_on: { migrate: 'service_completed_successfully' } } },
      { migrate: { exits: { afterMs: 20, code: 1 }, logs: ['relation "orders" already exists'] } },
    );
    const r = await t.up();
    expect(r.ok).toBe(false);
    const migrate = r.failures.find((f) => f.service === 'migrate')!;
    expect(migrate.reason).toMatch(/exited with code 1/);
    expect(migrate.lastLines.join('\n')).toContain('relation "orders" already exists');
    expect(t.runtime.calls).toContain('create api'); // created with the rest, as compose does
    expect(t.runtime.calls).not.toContain('start api');
    expect(r.failures.find((f) => f.service === 'api')?.reason).toMatch(/migrate/);
  });

  it('a job that completes: its dependent starts after it exits 0', async () => {
    const t = setup({ migrate: { kind: 'job' }, api: { depends_on: { migrate: 'service_completed_successfully' } } }, { migrate: { exits: { afterMs: 20, code: 0 } } });
    const r = await t.up();
    expect(r.ok).toBe(true);
    const calls = t.runtime.calls;
    expect(calls.indexOf('start api')).toBeGreaterThan(calls.indexOf('start migrate'));
    expect(t.phases('migrate')).toContain('completed');
  });

  it('a healthcheck that never passes: unhealthy with the probe\'s output, dependents never started', async () => {
    const t = setup({ db: { healthcheck: hc({ retries: 1, intervalMs: 100 }) }, api: { depends_on: { db: 'service_healthy' } } }, { db: { probeExit: 1 } });
    const r = await t.up();
    expect(r.ok).toBe(false);
    expect(r.failures.find((f) => f.service === 'db')?.reason).toMatch(/unhealthy: healthcheck failed exit 1: not yet/);
    expect(t.phases('db')).toContain('unhealthy');
    expect(t.runtime.calls).not.toContain('start api');
  });

  it('a service that crashes after it was ready: settled reports it as failed', async () => {
    const t = setup({ api: {} }, { api: { exits: { afterMs: 30, code: 3 } } });
    await t.session.start(await t.session.prepare([]));
    await new Promise((r) => setTimeout(r, 80));
    const r = await t.session.settled();
    expect(r.ok).toBe(false);
    expect(r.failures[0]).toMatchObject({ service: 'api', reason: 'exited with code 3' });
  });

  it('restart: stops and starts the container once, under the same supervisor', async () => {
    const t = setup({ api: {} });
    expect((await t.up()).ok).toBe(true);
    t.runtime.calls.length = 0;
    await t.session.restart('api');
    await new Promise((r) => setTimeout(r, 30));
    expect(t.runtime.calls.filter((c) => /^(stop|start|create) /.test(c))).toEqual(['stop api', 'start api']);
    expect(t.actions.some((a) => a.type === 'service/restarted' && a.service === 'api')).toBe(true);
    await expect(t.session.restart('nope')).rejects.toThrow(/nope is not running in this session/);
  });

  it('restart of a service restarts its restart: true dependents once it is ready again', async () => {
    const t = setup({ api: {}, worker: { depends_on: { api: { condition: 'service_started', restart: true } } }, web: { depends_on: { api: 'service_started' } } });
    expect((await t.up()).ok).toBe(true);
    t.runtime.calls.length = 0;
    await t.session.restart('api');
    await new Promise((r) => setTimeout(r, 60));
    expect(t.runtime.calls.filter((c) => /^(stop|start) /.test(c))).toEqual(['stop api', 'start api', 'stop worker', 'start worker']);
    expect(t.logs('api')).toContain('restart: restart worker (depends on api with restart: true; after api is ready)');
  });

  it('rebuild: builds once, recreates the container on the new image, says why', async () => {
    const ctx = mkdtempSync(path.join(tmpdir(), 'foxdev-ctx-'));
    writeFileSync(path.join(ctx, 'Dockerfile'), 'FROM foxdev/busybox:1\n');
    const t = setup({ api: { build: { context: ctx, dockerfile: 'Dockerfile', args: {} } } });
    expect((await t.up()).ok).toBe(true);
    const first = t.runtime.of('api')[0].id;
    t.runtime.calls.length = 0;
    await t.session.rebuild('api', 'src/app.ts changed');
    expect(t.runtime.calls.filter((c) => /^(build|stop|remove|create|start)/.test(c))).toEqual(['build', 'stop api', 'remove api', 'create api', 'start api']);
    expect(t.runtime.of('api').map((c) => c.id)).not.toContain(first);
    await new Promise((r) => setTimeout(r, 60)); // log lines reach the store in batches
    expect(t.logs('api')).toEqual(expect.arrayContaining(['rebuilding: src/app.ts changed', 'rebuild: recreate api (its image was rebuilt)']));
    await expect(t.session.rebuild('nope')).rejects.toThrow(/nope is not part of this session/);
  });

  it('stop: dependents before their dependencies, one level at a time, each level side by side', async () => {
    const t = setup(
      { db: { stopGracePeriodMs: 300 }, api: { depends_on: { db: 'service_started' }, stopGracePeriodMs: 300 }, worker: { depends_on: { db: 'service_started' }, stopGracePeriodMs: 300 } },
      { db: { ignoresStop: true }, api: { ignoresStop: true }, worker: { ignoresStop: true } },
    );
    expect((await t.up()).ok).toBe(true);
    t.runtime.calls.length = 0;
    const t0 = Date.now();
    await t.session.stop();
    const took = Date.now() - t0;
    const stops = t.runtime.calls.filter((c) => c.startsWith('stop '));
    expect(stops.at(-1)).toBe('stop db');
    expect(new Set(stops.slice(0, 2))).toEqual(new Set(['stop api', 'stop worker']));
    // Two levels, each waiting out its 300 ms grace once: ~600 ms, not the 900 ms of one at a time.
    expect(took).toBeGreaterThanOrEqual(580);
    expect(took).toBeLessThan(880);
    for (const s of ['db', 'api', 'worker']) expect(t.phases(s).at(-1)).toBe('stopped');
  });

  it('a stop that times out: the container is killed after its grace period and shows stopped', async () => {
    const t = setup({ api: { stopGracePeriodMs: 150 } }, { api: { ignoresStop: true } });
    expect((await t.up()).ok).toBe(true);
    const t0 = Date.now();
    await t.session.stop();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(t.runtime.of('api')[0].exitCode).toBe(137);
    expect(t.phases('api').slice(-2)).toEqual(['stopping', 'stopped']);
  });

  it('reseed: the database is reset, the job that depends on it runs again, then its dependents start once each', async () => {
    const reseeded: string[] = [];
    const p = makeProject({
      db: { seed: { kind: 'postgres', database: 'shop', user: 'shop', files: ['/x/a.sql'], reset: 'recreate', dependents: 'restart' } },
      migrate: { kind: 'job', depends_on: { db: 'service_started' } },
      api: { depends_on: { migrate: 'service_completed_successfully' } },
    });
    p.dir = mkdtempSync(path.join(tmpdir(), 'foxdev-session-'));
    const runtime = new FakeRuntime({ migrate: { exits: { afterMs: 10, code: 0 } } });
    const session = new Session({
      runtime,
      project: p,
      dispatch: () => {},
      seeder: { seed: async () => {} },
      reseed: async (svc) => void (reseeded.push(svc.name), runtime.calls.push(`reseed ${svc.name}`)),
    });
    sessions.push(session);
    await session.start(await session.prepare([]));
    expect((await session.settled()).ok).toBe(true);
    runtime.calls.length = 0;
    const out = await session.reseed(['db']);
    expect(out.ok).toBe(true);
    expect(reseeded).toEqual(['db']);
    expect(runtime.calls.filter((c) => /^(stop|start|reseed) /.test(c))).toEqual(['stop api', 'reseed db', 'start migrate', 'start api']);
  });

  it('a network whose definition changed: containers on it stop, the network is made again, they are reconnected and started (same ids)', async () => {
    const t = setup({ db: {}, api: { depends_on: { db: 'service_started' } } });
    expect((await t.up()).ok).toBe(true);
    const ids = t.runtime.of('api').map((c) => c.id);
    await t.session.stop();
    // The next up finds demo_default made from an older definition; both containers are on it, stopped.
    t.runtime.networkHashes.set('demo_default', 'older');
    const again = new Session({ runtime: t.runtime, project: t.p, dispatch: () => {} });
    sessions.push(again);
    t.runtime.calls.length = 0;
    await again.start(await again.prepare([]));
    expect((await again.settled()).ok).toBe(true);
    const net = t.runtime.calls.filter((c) => /network|connect|^(create|start) /.test(c));
    expect(net.slice(0, 6)).toEqual(['disconnect db demo_default', 'disconnect api demo_default', 'rm network demo_default', 'network demo_default', 'connect db demo_default', 'connect api demo_default']);
    expect(net.filter((c) => c.startsWith('create '))).toEqual([]);
    expect(t.runtime.of('api').map((c) => c.id)).toEqual(ids);
  });

  it('a changed config: only the changed service is recreated, a new one starts, a removed one goes', async () => {
    const t = setup({ db: {}, api: { depends_on: { db: 'service_started' }, environment: { MODE: 'a' } }, old: {} });
    expect((await t.up()).ok).toBe(true);
    const dbId = t.runtime.of('db')[0].id;
    t.runtime.calls.length = 0;
    const next = { ...makeProject({ db: {}, api: { depends_on: { db: 'service_started' }, environment: { MODE: 'b' } }, cache: {} }), dir: t.p.dir };
    const change = await t.session.applyConfig(next);
    expect(change.ops.map((o) => `${o.op} ${o.unit} (${o.cause})`)).toEqual(['remove old (no longer in the config)', 'recreate api (environment changed)', 'create cache (new in the config)']);
    expect((await t.session.settled()).ok).toBe(true);
    const acted = t.runtime.calls.filter((c) => /^(stop|remove|create|start) /.test(c));
    const of = (svc: string) => acted.filter((c) => c.endsWith(` ${svc}`));
    expect(acted.slice(0, 2)).toEqual(['stop old', 'remove old']); // removals first
    expect(of('api')).toEqual(['stop api', 'remove api', 'create api', 'start api']);
    expect(of('cache')).toEqual(['create cache', 'start cache']);
    expect(of('db')).toEqual([]);
    expect(t.runtime.of('db')[0].id).toBe(dbId);
    expect(t.runtime.of('old')).toEqual([]);
    expect([...t.session.runs.keys()].sort()).toEqual(['api', 'cache', 'db']);
    await new Promise((r) => setTimeout(r, 60));
    expect(t.logs('demo')).toContain('config changed: keep db (unchanged)');
    // The old api container's supervisor ended quietly: no crash-loop, no restart.
    expect(t.phases('api')).not.toContain('crash-loop');
  });

  it('an unchanged config changes nothing', async () => {
    const t = setup({ db: {}, api: { depends_on: { db: 'service_started' } } });
    expect((await t.up()).ok).toBe(true);
    t.runtime.calls.length = 0;
    const change = await t.session.applyConfig({ ...t.p });
    expect(change.ops).toEqual([]);
    expect(t.runtime.calls.filter((c) => /^(stop|remove|create|start) /.test(c))).toEqual([]);
  });

  it('naming a service that does not exist is one clear line', async () => {
    const t = setup({ api: {} });
    await expect(t.session.prepare(['apj'])).rejects.toThrow(/no such service: apj \(have: api\)/);
  });
});
