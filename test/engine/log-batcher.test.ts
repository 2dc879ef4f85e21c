// Log lines reach the store in batches: one action per window, or at once when a batch is full;
// flush() delivers what waits (on stop) and never dispatches an empty batch.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LogBatcher } from '../../src/engine/log-batcher.js';
import type { Action } from '../../src/store/actions.js';
import type { LogEntry } from '../../src/store/types.js';

const entry = (line: string): LogEntry => ({ service: 'api', stream: 'stdout', line, at: 0 });
const lines = (a: Action) => (a.type === 'logs' ? a.entries.map((e) => e.line) : []);

describe('LogBatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds lines for the window, then dispatches them as one action', () => {
    const seen: Action[] = [];
    const b = new LogBatcher((a) => seen.push(a), 30);
    b.push(entry('one'));
    vi.advanceTimersByTime(10);
    b.push(entry('two'));
    vi.advanceTimersByTime(19);
    expect(seen).toHaveLength(0);
    vi.advanceTimersByTime(1); // 30 ms after the first line, not after the last
    expect(seen.map(lines)).toEqual([['one', 'two']]);
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(1);
  });

  it('starts a new window for lines after a dispatch', () => {
    const seen: Action[] = [];
    const b = new LogBatcher((a) => seen.push(a), 30);
    b.push(entry('a'));
    vi.advanceTimersByTime(30);
    b.push(entry('b'));
    vi.advanceTimersByTime(29);
    expect(seen.map(lines)).toEqual([['a']]);
    vi.advanceTimersByTime(1);
    expect(seen.map(lines)).toEqual([['a'], ['b']]);
  });

  it('dispatches at once when a batch is full, without waiting for the window', () => {
    const seen: Action[] = [];
    const b = new LogBatcher((a) => seen.push(a), 30, 3);
    for (const l of ['1', '2', '3', '4']) b.push(entry(l));
    expect(seen.map(lines)).toEqual([['1', '2', '3']]);
    vi.advanceTimersByTime(30);
    expect(seen.map(lines)).toEqual([['1', '2', '3'], ['4']]);
  });

  it('flush delivers pending lines now, cancels the timer, and sends nothing when empty', () => {
    const seen: Action[] = [];
    const b = new LogBatcher((a) => seen.push(a), 30);
    b.flush();
    expect(seen).toHaveLength(0);
    b.push(entry('x'));
    b.flush();
    expect(seen.map(lines)).toEqual([['x']]);
    vi.advanceTimersByTime(100);
    expect(seen).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
