// Dependency gates without Docker: the waiting reason names the dependency and its last probe,
// and a failure far up the graph is reported once, as the root cause.
import { describe, expect, it } from 'vitest';
import type { SessionContext } from '../../src/engine/context.js';
import { awaitGates, probeSeen } from '../../src/engine/gates.js';
import { ServiceRun } from '../../src/engine/service-run.js';
import { planUp } from '../../src/plan/up.js';
import type { Action } from '../../src/store/actions.js';
import { project } from '../helpers/project.js';

function session() {
  const p = project({
    db: { healthcheck: { test: ['CMD', 'true'], intervalMs: 1000, timeoutMs: 1000, retries: 3, startPeriodMs: 0 } },
    migrate: { kind: 'job', depends_on: { db: 'service_healthy' } },
    api: { depends_on: { migrate: 'service_completed_successfully', db: 'service_healthy' } },
  });
  const plan = planUp(p, { containers: {}, imageBuildHashes: {}, desiredBuildHashes: {}, missingVolumes: [] }, ['db', 'migrate', 'api']);
  const runs = new Map(plan.services.map((sp) => [sp.service, new ServiceRun(p.services[sp.service], sp)]));
  const actions: Action[] = [];
  const ctx: SessionContext = { dispatch: (a) => actions.push(a), runs, signal: new AbortController().signal, now: () => 0, say: () => {} };
  const reasons = (svc: string) => actions.flatMap((a) => (a.type === 'service/phase' && a.service === svc && a.reason ? [a.reason] : []));
  return { runs, ctx, reasons };
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
    expect(await migrate).toBe('not started: db failed: unhealthy: healthcheck failed exit 1');
    // api waits on migrate first; migrate never ran because of db.
    runs.get('migrate')!.failAll('not started');
    expect(await api).toBe('not started: db failed (via migrate): unhealthy: healthcheck failed exit 1');
  });
});
