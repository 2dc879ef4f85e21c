import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { statsLoop } from '../../src/web/stats-loop.js';
import type { StatsSample } from '../../src/web/wire.js';

describe('resource sampling for the web page', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('samples only while a page is open, at most once a second, one sample at a time', async () => {
    let calls = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const published: StatsSample[] = [];
    const loop = statsLoop(
      async () => {
        calls++;
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 300));
        inFlight--;
        return { api: { cpuPercent: calls, memory: 1, memoryLimit: 2 } };
      },
      (s) => published.push(s),
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(0);
    expect(loop.join()).toBeUndefined();
    loop.join();
    await vi.advanceTimersByTimeAsync(5050);
    // Rounds start 1 s apart (a 300 ms sample inside each): 0, 1, 2, 3, 4, 5 s.
    expect(calls).toBe(6);
    expect(maxInFlight).toBe(1);
    expect(published.map((p) => p.units.api.cpuPercent)).toEqual([1, 2, 3, 4, 5]);
    // A page that joins later gets the latest sample at once.
    expect(loop.join()?.units.api.cpuPercent).toBe(5);
    loop.leave();
    loop.leave();
    loop.leave();
    await vi.advanceTimersByTimeAsync(3000);
    const stopped = calls;
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(stopped);
    // Open again: sampling resumes; stop() ends it for good.
    loop.join();
    await vi.advanceTimersByTimeAsync(2500);
    expect(calls).toBeGreaterThan(stopped);
    loop.stop();
    const final = calls;
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(final);
  });

  it('keeps going after a failed sample', async () => {
    let calls = 0;
    const published: StatsSample[] = [];
    const loop = statsLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('engine busy');
        return {};
      },
      (s) => published.push(s),
    );
    loop.join();
    await vi.advanceTimersByTimeAsync(2100);
    expect(calls).toBe(3);
    expect(published).toHaveLength(2);
    loop.stop();
  });
});
