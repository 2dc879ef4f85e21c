import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBatcher, type Batch } from '../../src/watch/batcher.js';
import { systemClock } from '../../src/watch/clock.js';

describe('batcher (fake timers)', () => {
  let flushed: Batch[];
  const make = (quietMs = 20, maxWaitMs = 200) => createBatcher({ quietMs, maxWaitMs, clock: systemClock, onFlush: (b) => flushed.push(b) });
  beforeEach(() => {
    vi.useFakeTimers();
    flushed = [];
  });
  afterEach(() => vi.useRealTimers());

  it('flushes once after the quiet period, with every path once', () => {
    const b = make();
    b.add('/a', 'change');
    vi.advanceTimersByTime(10);
    b.add('/b', 'add');
    b.add('/a', 'change');
    vi.advanceTimersByTime(19);
    expect(flushed).toHaveLength(0);
    expect(b.size).toBe(2);
    vi.advanceTimersByTime(1);
    expect(flushed).toHaveLength(1);
    expect([...flushed[0].keys()]).toEqual(['/a', '/b']);
    expect(b.size).toBe(0);
  });

  it('a steady stream still flushes at the max-wait cap', () => {
    const b = make(20, 100);
    for (let t = 0; t < 250; t += 10) {
      b.add(`/f${t}`, 'add');
      vi.advanceTimersByTime(10);
    }
    // events every 10 ms never leave a 20 ms gap, yet batches went out at 100 and 200 ms
    expect(flushed.map((f) => f.size)).toEqual([10, 10]);
    vi.advanceTimersByTime(20);
    expect(flushed.map((f) => f.size)).toEqual([10, 10, 5]);
  });

  it('remembers that a path was born in the batch and what kind was deleted', () => {
    const b = make();
    b.add('/tmp.swx', 'add');
    b.add('/tmp.swx', 'unlink');
    b.add('/old', 'change');
    b.add('/d', 'unlinkDir');
    b.add('/d', 'add');
    vi.advanceTimersByTime(20);
    expect(Object.fromEntries(flushed[0])).toEqual({ '/tmp.swx': { born: true, gone: 'file' }, '/old': { born: false }, '/d': { born: false, gone: 'dir' } });
  });

  it('flushNow sends at once; close drops what waits and ignores later events', () => {
    const b = make();
    b.add('/a', 'change');
    b.flushNow();
    expect(flushed).toHaveLength(1);
    b.flushNow();
    expect(flushed).toHaveLength(1);
    b.add('/b', 'change');
    b.close();
    b.add('/c', 'change');
    vi.advanceTimersByTime(1000);
    expect(flushed).toHaveLength(1);
  });
});
