// Dependency gates without Docker: the waiting reason names the dependency and its last probe,
// and a failure far up the graph is reported once, as the root cause.
import { describe, expect, it } from 'vitest';
import type { SessionContext } from '../../src/engine/context.js';
import { awaitGates, probeSeen } from '../../src/engine/gates.js';
import { ServiceRun } from '../../src/engine/service-run.js';
import { planUp } from '../../src/plan/up.js';
import type { Action } from '../../src/store/actions.js';
import { project, type ServiceInput } from '../helpers/project.js';

const HC = { test: ['CMD', 'true'], intervalMs: 1000, timeoutMs: 1000, retries: 3, startPeriodMs: 0 };

function session(services: Record<string, ServiceInput> = {
  db: { healthcheck: HC },
  migrate: { kind: 'job', depends_on: { db: 'service_healthy' } },
  api: { depends_on: { migrate: 'service_completed_successfully', db: 'service_healthy' } },
}) {
  const p = project(services);
  const plan = planUp(p, { containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] }, Object.keys(services));
  const runs = new Map(plan.services.map((sp) => [sp.unit, new ServiceRun(p.services[sp.service], sp)]));
  for (const r of runs.values()) r.containerName = `demo-${r.name}`;
  const actions: Action[] = [];
  const said: string[] = [];
  const ctx: SessionContext = { dispatch: (a) => actions.push(a), runs, signal: new AbortController().signal, now: () => 0, say: (s, l) => said.push(`${s}: ${l}`) };
  const reasons = (svc: string) => actions.flatMap((a) => (a.type === 'service/phase' && a.service === svc && a.reason ? [a.reason] : []));
  return { runs, ctx, reasons, said };
}

describe('dependency gates', () => {
  it('say what they wait for, with the latest probe result', async () => {
    const { runs, ctx, reasons } = session();
    const waiting = awaitGates(ctx, runs.get('migrate')!);
    expect(reasons('migrate')).toEqual(['waiting for db: healthy']);
    runs.get('db')!.lastProbe = 'exit 2: no response';
    probeSeen(ctx, runs.get('db')!);
    expect(reasons('migrate').at(-1)).toBe('waiting for db: healthy — last probe: exit 2: no response');
    runs.get('db')!.healthy.resolve();
    await waiting;
  });

  it('pass at once when the condition already holds', async () => {
    const { runs, ctx, reasons } = session();
    runs.get('db')!.healthy.resolve();
    runs.get('migrate')!.completed.resolve();
    await awaitGates(ctx, runs.get('api')!);
    expect(reasons('api')).toEqual([]);
  });

  it('name the root cause once when a failure comes through another service', async () => {
    const { runs, ctx } = session();
    const migrate = awaitGates(ctx, runs.get('migrate')!).catch((e: Error) => e.message);
    const api = awaitGates(ctx, runs.get('api')!).catch((e: Error) => e.message);
    runs.get('db')!.failAll('unhealthy: healthcheck failed exit 1');
    expect(await migrate).toBe('dependency failed to start: container demo-db is unhealthy (healthcheck failed exit 1)');
    // api waits on migrate first; migrate never ran because of db.
    runs.get('migrate')!.failAll('not started');
    expect(await api).toBe('dependency failed to start: container demo-db is unhealthy (healthcheck failed exit 1) (via migrate)');
  });

  it("use compose's words for a dependency that exited and a job that failed", async () => {
    const { runs, ctx } = session();
    const migrate = awaitGates(ctx, runs.get('migrate')!).catch((e: Error) => e.message);
    runs.get('db')!.exit = { code: 3 };
    runs.get('db')!.failAll('exited with code 3');
    expect(await migrate).toBe('dependency failed to start: container demo-db exited (3)');

    const t = session();
    t.runs.get('db')!.healthy.resolve();
    const api = awaitGates(t.ctx, t.runs.get('api')!).catch((e: Error) => e.message);
    t.runs.get('migrate')!.exit = { code: 1 };
    t.runs.get('migrate')!.failAll('exited with code 1');
    expect(await api).toBe('service "migrate" didn\'t complete successfully: exit 1');
  });

  it('keep a dependent from starting when a dependency it already passed has since exited for good', async () => {
    const { runs, ctx } = session({
      db: { healthcheck: HC },
      slow: { healthcheck: HC },
      app: { depends_on: { db: 'service_healthy', slow: 'service_healthy' } },
    });
    runs.get('db')!.healthy.resolve();
    const app = awaitGates(ctx, runs.get('app')!).then(() => 'started', (e: Error) => e.message);
    // db was healthy, then died while app still waited for slow.
    runs.get('db')!.exit = { code: 3 };
    runs.get('slow')!.healthy.resolve();
    expect(await app).toBe('dependency failed to start: container demo-db exited (3)');
  });

  it('start anyway when an optional dependency fails, saying so once', async () => {
    const { runs, ctx, said } = session({
      opt: { healthcheck: HC },
      app: { depends_on: { opt: { condition: 'service_healthy', required: false } } },
    });
    const app = awaitGates(ctx, runs.get('app')!).then(() => 'started', (e: Error) => e.message);
    runs.get('opt')!.exit = { code: 3 };
    runs.get('opt')!.failAll('exited with code 3');
    expect(await app).toBe('started');
    expect(said).toEqual(['app: optional dependency "opt" failed to start: container demo-opt exited (3); starting anyway']);
  });

  it('start anyway when an optional dependency is not part of the session', async () => {
    const { runs, ctx, said } = session({ app: {} });
    const run = runs.get('app')!;
    run.plan.gates.push({ service: 'gone', condition: 'service_started', required: false, restart: false });
    await awaitGates(ctx, run);
    expect(said).toEqual(['app: optional dependency "gone" is missing; starting without it']);
  });
});

describe('gates on a scaled dependency', () => {
  it('wait for every replica, naming the one still pending, and fail on the one that failed', async () => {
    const { runs, ctx, reasons } = session({
      db: { healthcheck: HC, extra: { scale: 2 } },
      api: { depends_on: { db: 'service_healthy' } },
    });
    expect([...runs.keys()]).toEqual(['db-1', 'db-2', 'api']);
    const waiting = awaitGates(ctx, runs.get('api')!);
    runs.get('db-1')!.healthy.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(reasons('api')).toEqual(['waiting for db-1: healthy', 'waiting for db-2: healthy']);
    runs.get('db-2')!.healthy.fail('unhealthy: exit 1');
    await expect(waiting).rejects.toThrow('dependency failed to start: container demo-db-2 is unhealthy (exit 1)');
  });
});
