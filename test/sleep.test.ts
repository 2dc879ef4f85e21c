import { getEventListeners, setMaxListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sleep } from '../src/sleep.js';

describe('sleep', () => {
  afterEach(() => vi.useRealTimers());

  it('leaves no abort listener behind after 1000 sleeps on one signal', async () => {
    const ac = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 1000; i++) await sleep(0, ac.signal);
      await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('1000 sleeps at once each remove their own listener when their timer fires', async () => {
    const ac = new AbortController();
    setMaxListeners(1000, ac.signal); // a thousand at once is a real crowd; only the leftovers matter here
    await Promise.all(Array.from({ length: 1000 }, () => sleep(1, ac.signal)));
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('resolves at once when the signal aborts, and removes its listener', async () => {
    vi.useFakeTimers();
    const ac = new AbortController();
    let settled: string | undefined;
    const p = sleep(60_000, ac.signal).then(
      () => (settled = 'resolved'),
      () => (settled = 'rejected'),
    );
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(settled).toBeUndefined();
    ac.abort();
    await p;
    expect(settled).toBe('resolved');
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0); // the timer is cleared, not left to fire later
  });

  it('resolves at once on an already aborted signal without listening', async () => {
    const ac = new AbortController();
    ac.abort();
    const t0 = performance.now();
    await sleep(60_000, ac.signal);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('waits the full time when nothing aborts, with or without a signal', async () => {
    vi.useFakeTimers();
    let a = false;
    let b = false;
    void sleep(500).then(() => (a = true));
    void sleep(500, new AbortController().signal).then(() => (b = true));
    await vi.advanceTimersByTimeAsync(499);
    expect([a, b]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect([a, b]).toEqual([true, true]);
  });
});
