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
  const plan: ServicePlan = { service: 'svc', kind: svc.kind, build: 'none', step: { action: 'create' }, gates: [], seed: false };
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
});
