import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, DEFAULT_FRAME_MS, initialState, type Scheduler } from '../../src/store/index.js';
import { log, project } from './fixtures.js';

describe('createStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies actions at once but notifies at most once per frame (~15 fps)', () => {
    const store = createStore();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().nextSeq));
    store.dispatch(project());
    for (let i = 0; i < 1000; i++) store.dispatch(log('api', `l${i}`));
    expect(store.getState().nextSeq).toBe(1001);
    expect(seen).toEqual([]);
    expect(store.getSnapshot().nextSeq).toBe(1); // views still see the last frame
    vi.advanceTimersByTime(DEFAULT_FRAME_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1001]);
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(1); // nothing new, no frame
    expect(DEFAULT_FRAME_MS).toBeGreaterThanOrEqual(1000 / 15 - 1);
  });

  it('uses an injected scheduler', () => {
    const pending: Array<() => void> = [];
    const schedule: Scheduler = (fn) => {
      pending.push(fn);
      return () => pending.splice(pending.indexOf(fn), 1);
    };
    const store = createStore(initialState(), { schedule });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch(project());
    store.dispatch(log('db', 'x'));
    expect(pending).toHaveLength(1);
    pending.shift()!();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('unsubscribe stops notifications; flush announces early', () => {
    const store = createStore();
    const a = vi.fn();
    const b = vi.fn();
    const offA = store.subscribe(a);
    store.subscribe(b);
    store.dispatch(project());
    store.flush();
    expect(a).toHaveBeenCalledTimes(1);
    offA();
    store.dispatch(log('db', 'x'));
    vi.runAllTimers();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
  });

  it('does not notify for actions that change nothing', () => {
    const store = createStore();
    const l = vi.fn();
    store.subscribe(l);
    store.dispatch({ type: 'service/phase', service: 'ghost', phase: 'ready', at: 1 });
    vi.runAllTimers();
    expect(l).not.toHaveBeenCalled();
  });

  it('onAction sees every action synchronously with the state after it', () => {
    const store = createStore();
    const seen: string[] = [];
    store.onAction((a, s) => seen.push(`${a.type}:${s.nextSeq}`));
    store.dispatch(project());
    store.dispatch(log('db', 'x'));
    expect(seen).toEqual(['project/loaded:1', 'log:2']);
  });

  it('starts from a given initial state', () => {
    const store = createStore(initialState({ logBufferLines: 7 }));
    expect(store.getState().config.logBufferLines).toBe(7);
  });
});
