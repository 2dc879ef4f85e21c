// The session's reseed actions with fake instances and the real supervisor: migrate runs again,
// api and worker are started once each after it, and worker's `restart: always` does not start
// it early when it is stopped for the reset. A failing job keeps its dependents stopped.
import { describe, expect, it } from 'vitest';
import type { ResolvedSeed } from '../../src/config/project.js';
import type { SessionContext } from '../../src/engine/context.js';
import { ServiceRun } from '../../src/engine/service-run.js';
import { sessionReseedActions, sessionReseedState } from '../../src/engine/seed/reseed-session.js';
import { walkReseed } from '../../src/engine/seed/reseed-walk.js';
import { supervise } from '../../src/engine/supervise.js';
import { planReseed } from '../../src/plan/reseed.js';
import type { Action } from '../../src/store/actions.js';
import { project } from '../helpers/project.js';
import { FakeInstance } from './fake-instance.js';

const seed: ResolvedSeed = { kind: 'postgres', database: 'shop', user: 'shop', files: ['/work/demo/a.sql'], reset: 'recreate', dependents: 'restart' };
const example = () =>
  project({
    db: { seed },
    migrate: { kind: 'job', depends_on: { db: 'service_seeded' } },
    api: { depends_on: { db: 'service_healthy', migrate: 'service_completed_successfully' } },
    worker: { depends_on: { db: 'service_healthy', migrate: 'service_completed_successfully' }, restart: 'always' },
  });

/** A job: every start ends by itself with the next code given. */
class JobInstance extends FakeInstance {
  constructor(private readonly codes: number[]) {
    super();
  }
  override async start(): Promise<void> {
    await super.start();
    const code = this.codes.shift() ?? 0;
    setTimeout(() => this.exit(code), 5);
  }
}

async function setup(jobCodes: number[]) {
  const p = example();
  const events: string[] = [];
  const actions: Action[] = [];
  const runs = new Map<string, ServiceRun>();
  for (const svc of Object.values(p.services)) {
    const gates = Object.entries(svc.depends_on).map(([service, d]) => ({ service, ...d }));
    runs.set(svc.name, new ServiceRun(svc, { service: svc.name, unit: svc.name, replica: 1, kind: svc.kind, build: 'none', step: { action: 'create' }, gates, seed: false }));
  }
  const ctx: SessionContext = { dispatch: (a) => actions.push(a), runs, signal: new AbortController().signal, now: () => Date.now(), say: () => {} };
  const job = new JobInstance(jobCodes);
  const instances = new Map([
    ['db', new FakeInstance()],
    ['migrate', job],
    ['api', new FakeInstance()],
    ['worker', new FakeInstance()],
  ]);
  for (const [name, inst] of instances) {
    const orig = inst.start.bind(inst);
    inst.start = async () => (events.push(`start ${name}`), orig());
    const stop = inst.stop.bind(inst);
    inst.stop = async () => (events.push(`stop ${name}`), stop());
  }
  const sup = { instances };
  // As after `up`: db seeded, migrate completed, api and worker running under their supervisors.
  for (const l of ['started', 'healthy', 'ready', 'seeded'] as const) runs.get('db')![l].resolve();
  for (const l of ['started', 'healthy', 'ready', 'seeded', 'completed'] as const) runs.get('migrate')![l].resolve();
  for (const name of ['api', 'worker']) {
    await instances.get(name)!.start();
    void supervise(ctx, runs.get(name)!, instances.get(name)!, sup);
  }
  await new Promise((r) => setTimeout(r, 10));
  events.length = 0;
  const plan = planReseed(p, ['db'], sessionReseedState(runs, instances), 'dashboard s');
  const reseedActions = sessionReseedActions({
    ctx,
    instances,
    runtime: undefined as never, // pause/resume only; not in this plan
    services: p.services,
    reseedOne: async () => void events.push('reseed db'),
    supervise: (run, inst) => supervise(ctx, run, inst, sup),
  });
  return { plan, actions, events, runs, instances, job, walk: () => walkReseed(plan, reseedActions) };
}

describe('session reseed actions', () => {
  it('stops api and worker, resets, re-runs migrate, starts api and worker once each after it', async () => {
    const t = await setup([0]);
    const out = await t.walk();
    expect(out.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 1200)); // longer than worker's first backoff (1 s)
    expect(t.events).toEqual(['stop worker', 'stop api', 'reseed db', 'start migrate', 'start api', 'start worker']);
    expect(t.runs.get('migrate')!.completed.state).toBe('ok');
    const phases = (s: string) => t.actions.flatMap((a) => (a.type === 'service/phase' && a.service === s ? [a.phase] : []));
    expect(phases('worker').slice(-4)).toEqual(['stopped', 'starting', 'running', 'ready']);
    expect(phases('worker')).not.toContain('crash-loop');
  });

  it('a failing re-run job: api and worker stay stopped, with the reason', async () => {
    const t = await setup([1]);
    const out = await t.walk();
    expect(out.ok).toBe(false);
    expect(out.failed?.op.service).toBe('migrate');
    await new Promise((r) => setTimeout(r, 1200));
    expect(t.events).toEqual(['stop worker', 'stop api', 'reseed db', 'start migrate']);
    const last = (s: string) => t.actions.filter((a) => a.type === 'service/phase' && a.service === s).at(-1);
    expect(last('api')).toMatchObject({ phase: 'stopped', reason: 'not done: migrate failed' });
    expect(last('migrate')).toMatchObject({ phase: 'failed' });
  });
});
