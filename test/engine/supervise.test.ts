// The supervisor's decisions with a fake instance and fake timers: restart policies, the
// doubling backoff with its crash-loop state, jobs completing, requested restarts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionContext } from '../../src/engine/context.js';
import { ServiceRun } from '../../src/engine/service-run.js';
import { requestRestart, supervise } from '../../src/engine/supervise.js';
import type { ServicePlan } from '../../src/plan/up.js';
import type { Action } from '../../src/store/actions.js';
import { service, type ServiceInput } from '../helpers/project.js';
import { FakeInstance } from './fake-instance.js';

function setup(input: ServiceInput) {
  const actions: Action[] = [];
  const lines: string[] = [];
  const abort = new AbortController();
  const svc = service('svc', input);
  const plan: ServicePlan = { service: 'svc', unit: 'svc', replica: 1, kind: svc.kind, build: 'none', step: { action: 'create' }, gates: [], seed: false };
  const run = new ServiceRun(svc, plan);
  const ctx: SessionContext = {
    dispatch: (a) => actions.push(a),
    runs: new Map([['svc', run]]),
    signal: abort.signal,
    now: () => Date.now(),
    say: (_s, l) => lines.push(l),
  };
  const inst = new FakeInstance();
  return { actions, lines, abort, run, ctx, inst, phases: () => actions.flatMap((a) => (a.type === 'service/phase' ? [a.phase] : [])) };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('supervise', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restart: always backs off 1 s, 2 s, 4 s with a crash-loop state and counts restarts', async () => {
    const t = setup({ restart: 'always' });
    await t.inst.start();
    void supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      t.inst.exit(3);
      await settle();
      const loop = t.actions.filter((a) => a.type === 'service/phase' && a.phase === 'crash-loop').at(-1) as Extract<Action, { type: 'service/phase' }>;
      delays.push(loop.nextRetryAt! - loop.at);
      expect(t.inst.starts).toBe(1 + i); // not restarted before the delay
      await vi.advanceTimersByTimeAsync(delays[i]);
      expect(t.inst.starts).toBe(2 + i);
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(t.run.restarts).toBe(3);
    expect(t.lines).toContain('exited with code 3; restarting in 4s (restart: always)');
    t.abort.abort();
  });

  it('the backoff starts over after a run that stayed up', async () => {
    const t = setup({ restart: 'on-failure' });
    await t.inst.start();
    void supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    t.inst.exit(1);
    await vi.advanceTimersByTimeAsync(1000);
    t.inst.exit(1);
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(60_000); // up for a minute
    t.inst.exit(1);
    await settle();
    expect(t.lines.at(-1)).toBe('exited with code 1; restarting in 1s (restart: on-failure)');
    t.abort.abort();
  });

  it('restart: no — an exit before ready fails the service and releases its dependents with the reason', async () => {
    const t = setup({ ready: [{ kind: 'log', pattern: 'listening', intervalMs: 100, timeoutMs: 1000, retries: 3, startPeriodMs: 0 }] });
    await t.inst.start();
    const done = supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    t.inst.exit(2);
    await done;
    expect(t.phases().at(-1)).toBe('failed');
    expect(t.run.ready.state).toBe('failed');
    expect(t.run.ready.reason).toBe('exited with code 2');
    expect(t.inst.starts).toBe(1);
  });

  it('on-failure does not restart a clean exit', async () => {
    const t = setup({ restart: 'on-failure' });
    await t.inst.start();
    const done = supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    t.inst.exit(0);
    await done;
    expect(t.phases().at(-1)).toBe('exited');
    expect(t.inst.starts).toBe(1);
  });

  it('a job that exits 0 completes and meets every condition', async () => {
    const t = setup({ kind: 'job' });
    await t.inst.start();
    const done = supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    expect(t.run.started.state).toBe('ok');
    expect(t.run.completed.state).toBe('pending');
    t.inst.exit(0);
    await done;
    expect(t.phases().at(-1)).toBe('completed');
    for (const l of [t.run.completed, t.run.healthy, t.run.ready, t.run.seeded]) expect(l.state).toBe('ok');
  });

  it('a requested restart starts again at once, whatever the policy, and is not a crash', async () => {
    const t = setup({ restart: 'no' });
    await t.inst.start();
    const onRestarted = vi.fn();
    void supervise(t.ctx, t.run, t.inst, { instances: new Map(), onRestarted });
    await settle();
    await requestRestart(t.run, t.inst);
    await settle();
    expect(t.inst.starts).toBe(2);
    expect(t.run.consecutiveCrashes).toBe(0);
    expect(onRestarted).toHaveBeenCalledOnce();
    expect(t.phases()).not.toContain('crash-loop');
    t.abort.abort();
  });

  it('a replaced instance (rebuild) ends its supervisor quietly', async () => {
    const t = setup({ restart: 'always' });
    await t.inst.start();
    const done = supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    t.run.generation++;
    t.inst.exit(143);
    await done;
    expect(t.phases()).not.toContain('crash-loop');
    expect(t.phases()).not.toContain('failed');
    expect(t.inst.starts).toBe(1);
  });
  it('deploy.restart_policy max_attempts: 2 restarts exactly twice, then the service has failed for good', async () => {
    const t = setup({ extra: { deploy: { restart_policy: { condition: 'on-failure', max_attempts: 2, delay: '500ms' } } } });
    await t.inst.start();
    const done = supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    for (let i = 0; i < 3; i++) {
      t.inst.exit(4);
      await vi.advanceTimersByTimeAsync(500); // the fixed delay, not the doubling backoff
    }
    await done;
    expect(t.inst.starts).toBe(3);
    expect(t.run.restarts).toBe(2);
    expect(t.run.exit).toEqual({ code: 4 });
    expect(t.lines).toContain('exited with code 4; restarting in 500ms (restart_policy: on-failure, max_attempts 2)');
    expect(t.lines.at(-1)).toBe('exited with code 4; not restarting again after 2 restart(s) (restart_policy: on-failure, max_attempts 2)');
    expect(t.phases().at(-1)).toBe('failed');
  });

  it('restart_policy condition none overrides restart: always; any restarts a clean exit', async () => {
    const none = setup({ restart: 'always', extra: { deploy: { restart_policy: { condition: 'none' } } } });
    await none.inst.start();
    const done = supervise(none.ctx, none.run, none.inst, { instances: new Map() });
    await settle();
    none.inst.exit(1);
    await done;
    expect(none.inst.starts).toBe(1);

    const any = setup({ extra: { deploy: { restart_policy: { condition: 'any', delay: '1s' } } } });
    await any.inst.start();
    void supervise(any.ctx, any.run, any.inst, { instances: new Map() });
    await settle();
    any.inst.exit(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(any.inst.starts).toBe(2);
    any.abort.abort();
  });

  it('restart_policy window: only restarts inside the window count against max_attempts', async () => {
    const t = setup({ extra: { deploy: { restart_policy: { condition: 'on-failure', max_attempts: 1, delay: '1s', window: '10s' } } } });
    await t.inst.start();
    void supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    t.inst.exit(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.inst.starts).toBe(2);
    await vi.advanceTimersByTimeAsync(20_000); // the first restart leaves the window
    t.inst.exit(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.inst.starts).toBe(3);
    t.inst.exit(1); // a second crash inside the window: the limit holds
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.inst.starts).toBe(3);
    expect(t.run.exit).toEqual({ code: 1 });
  });

  it('restart: on-failure:1 retries once; a requested restart starts the count over', async () => {
    const t = setup({ restart: 'on-failure', restartMaxRetries: 1 });
    await t.inst.start();
    const done = supervise(t.ctx, t.run, t.inst, { instances: new Map() });
    await settle();
    t.inst.exit(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.inst.starts).toBe(2);
    await requestRestart(t.run, t.inst);
    await settle();
    expect(t.inst.starts).toBe(3);
    t.inst.exit(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.inst.starts).toBe(4);
    t.inst.exit(2);
    await done;
    expect(t.inst.starts).toBe(4);
    expect(t.lines.at(-1)).toBe('exited with code 2; not restarting again after 1 restart(s) (restart: on-failure:1)');
  });

  it('depends_on restart: true — a requested restart of the dependency restarts the dependent once it is ready again', async () => {
    const db = setup({});
    const appSvc = service('app', { depends_on: { db: { condition: 'service_started', restart: true } } });
    const app = new ServiceRun(appSvc, { service: 'app', unit: 'app', replica: 1, kind: 'container', build: 'none', step: { action: 'create' }, gates: [], seed: false });
    const other = new ServiceRun(service('other', { depends_on: { db: 'service_started' } }), { service: 'other', unit: 'other', replica: 1, kind: 'container', build: 'none', step: { action: 'create' }, gates: [], seed: false });
    const appInst = new FakeInstance();
    const otherInst = new FakeInstance();
    db.ctx.runs.set('app', app);
    db.ctx.runs.set('other', other);
    const instances = new Map([['svc', db.inst as FakeInstance], ['app', appInst], ['other', otherInst]]);
    // The dependency is "svc" in this setup; point app and other at it.
    app.svc.depends_on = { svc: app.svc.depends_on.db };
    other.svc.depends_on = { svc: other.svc.depends_on.db };
    for (const [run, inst] of [[db.run, db.inst], [app, appInst], [other, otherInst]] as const) {
      await inst.start();
      void supervise(db.ctx, run, inst, { instances });
    }
    await settle();
    await requestRestart(db.run, db.inst);
    await settle();
    expect(db.inst.starts).toBe(2);
    db.run.ready.resolve(); // ready again
    await settle();
    expect(appInst.starts).toBe(2);
    expect(otherInst.starts).toBe(1);
    expect(db.lines).toContain('restarting because svc restarted');
    db.abort.abort();
  });
});
