import { describe, expect, it } from 'vitest';
import { appendLogLines, emptyLogBuffer, indexAfterSeq, logBufferLines, logBufferSize } from '../../src/store/log-buffer.js';
import type { LogLine } from '../../src/store/index.js';

const lines = (from: number, n: number): LogLine[] =>
  Array.from({ length: n }, (_, i) => ({ seq: from + i, service: 's', stream: 'stdout', line: `l${from + i}`, at: 0 }));

describe('log buffer', () => {
  it('keeps only the newest `capacity` lines and counts what it dropped', () => {
    let b = emptyLogBuffer(3);
    b = appendLogLines(b, lines(1, 2));
    b = appendLogLines(b, lines(3, 3));
    expect(logBufferLines(b).map((l) => l.seq)).toEqual([3, 4, 5]);
    expect(b.dropped).toBe(2);
    expect(logBufferSize(b)).toBe(3);
  });

  it('never changes what an older buffer reads (persistence)', () => {
    const a = appendLogLines(emptyLogBuffer(4), lines(1, 2));
    const b = appendLogLines(a, lines(3, 1));
    // Appending to the older buffer again must branch, not overwrite b's line 3.
    const c = appendLogLines(a, lines(10, 1));
    expect(logBufferLines(a).map((l) => l.seq)).toEqual([1, 2]);
    expect(logBufferLines(b).map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(logBufferLines(c).map((l) => l.seq)).toEqual([1, 2, 10]);
  });

  it('compacts so memory stays bounded under a long flood', () => {
    let b = emptyLogBuffer(100);
    for (let i = 0; i < 10_000; i++) b = appendLogLines(b, lines(i + 1, 1));
    expect(logBufferSize(b)).toBe(100);
    // Dropped lines must become unreachable: the backing array holds at most capacity + 64 here.
    expect(b.backing.length).toBeLessThanOrEqual(100 + 65);
    expect(logBufferLines(b)[0].seq).toBe(9901);
  });

  it('finds the first line after a seq by binary search', () => {
    const b = appendLogLines(emptyLogBuffer(10), [lines(2, 1)[0], lines(5, 1)[0], lines(9, 1)[0]]);
    expect(indexAfterSeq(b, 0)).toBe(0);
    expect(indexAfterSeq(b, 5)).toBe(2);
    expect(indexAfterSeq(b, 9)).toBe(3);
  });

  it('rejects a capacity below one', () => {
    expect(() => emptyLogBuffer(0)).toThrow(RangeError);
  });
});

describe('log buffer at the default size', () => {
  it('holds at most 1.25 × capacity lines in its backing array', () => {
    let b = emptyLogBuffer(5000);
    let max = 0;
    for (let i = 0; i < 40_000; i += 20) {
      b = appendLogLines(b, lines(i + 1, 20));
      max = Math.max(max, b.backing.length);
    }
    expect(max).toBeLessThanOrEqual(5000 * 1.25 + 20);
    expect(logBufferSize(b)).toBe(5000);
  });
});
