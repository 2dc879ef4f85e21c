// A bounded, persistent log buffer. Reducers must not change a state others may still read, yet
// copying 5,000 lines per appended line would cost more than the rest of foxdev under a flood.
// So a buffer is a window [start, end) over a shared backing array that only ever grows at its
// tail: an older buffer never sees the lines appended after it, because it reads up to its own
// `end`. Only the newest buffer (end === backing.length) may push in place; any other append
// copies. When the dropped prefix grows past a quarter of the capacity the live window is copied
// into a fresh array (dropped lines would otherwise stay reachable), so at most 1.25 × capacity
// lines are held and each append costs O(1) amortised (about four pointer copies).

import type { LogLine } from './types.js';

export interface LogBuffer {
  readonly backing: LogLine[];
  readonly start: number;
  readonly end: number;
  readonly capacity: number;
  /** Lines dropped from the front since the buffer was created. */
  readonly dropped: number;
}

export function emptyLogBuffer(capacity: number): LogBuffer {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`log buffer capacity must be a positive integer, got ${capacity}`);
  return { backing: [], start: 0, end: 0, capacity, dropped: 0 };
}

export function logBufferSize(buf: LogBuffer): number {
  return buf.end - buf.start;
}

/** Returns a new buffer with `lines` appended; `buf` still reads exactly as before. */
export function appendLogLines(buf: LogBuffer, lines: readonly LogLine[]): LogBuffer {
  if (lines.length === 0) return buf;
  let backing = buf.backing;
  let start = buf.start;
  let end = buf.end;
  if (end !== backing.length) {
    // Someone already appended to this backing array after `buf`: branch off with a copy.
    backing = backing.slice(start, end);
    end -= start;
    start = 0;
  }
  for (const l of lines) backing.push(l);
  end += lines.length;
  const overflow = Math.max(0, end - start - buf.capacity);
  start += overflow;
  if (start > Math.max(64, buf.capacity >> 2)) {
    backing = backing.slice(start, end);
    end -= start;
    start = 0;
  }
  return { backing, start, end, capacity: buf.capacity, dropped: buf.dropped + overflow };
}

/** The i-th live line, oldest first; undefined out of range. */
export function logLineAt(buf: LogBuffer, i: number): LogLine | undefined {
  if (i < 0 || i >= buf.end - buf.start) return undefined;
  return buf.backing[buf.start + i];
}

/** Index of the first live line with seq > `seq` (binary search: seqs increase along a buffer). */
export function indexAfterSeq(buf: LogBuffer, seq: number): number {
  let lo = buf.start;
  let hi = buf.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (buf.backing[mid].seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo - buf.start;
}

export function logBufferLines(buf: LogBuffer): LogLine[] {
  return buf.backing.slice(buf.start, buf.end);
}
