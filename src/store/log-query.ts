// Walking the logs without copying them. Views need a window (the last N lines that pass a
// filter), never the whole history, so these are lazy iterators that merge the per-service
// buffers by seq, newest first or oldest first, and stop as soon as the caller stops.

import { indexAfterSeq, logLineAt, type LogBuffer } from './log-buffer.js';
import type { State } from './state.js';
import type { LogLine } from './types.js';

export interface LogScope {
  /** Services to read; undefined means every buffer. */
  services?: readonly string[];
}

function buffersOf(state: State, scope: LogScope): LogBuffer[] {
  const names = scope.services ?? Object.keys(state.logs);
  const out: LogBuffer[] = [];
  for (const n of names) {
    const b = state.logs[n];
    if (b && b.end > b.start) out.push(b);
  }
  return out;
}

/** Lines with seq < beforeSeq, newest first, across the scope's buffers. */
export function* logsBackward(state: State, scope: LogScope = {}, beforeSeq = Number.POSITIVE_INFINITY): Generator<LogLine> {
  const bufs = buffersOf(state, scope);
  // cursor[i]: index (in live lines) of the next line to yield from bufs[i], going down.
  const cursor = bufs.map((b) => (beforeSeq === Number.POSITIVE_INFINITY ? b.end - b.start : indexAfterSeq(b, beforeSeq - 1)) - 1);
  for (;;) {
    let best = -1;
    let bestSeq = -1;
    for (let i = 0; i < bufs.length; i++) {
      const line = cursor[i] >= 0 ? logLineAt(bufs[i], cursor[i]) : undefined;
      if (line && line.seq > bestSeq) {
        best = i;
        bestSeq = line.seq;
      }
    }
    if (best < 0) return;
    const line = logLineAt(bufs[best], cursor[best]);
    cursor[best]--;
    if (line) yield line;
  }
}

/** Lines with seq > afterSeq, oldest first, across the scope's buffers. */
export function* logsForward(state: State, scope: LogScope = {}, afterSeq = 0): Generator<LogLine> {
  const bufs = buffersOf(state, scope);
  const cursor = bufs.map((b) => indexAfterSeq(b, afterSeq));
  for (;;) {
    let best = -1;
    let bestSeq = Number.POSITIVE_INFINITY;
    for (let i = 0; i < bufs.length; i++) {
      const line = logLineAt(bufs[i], cursor[i]);
      if (line && line.seq < bestSeq) {
        best = i;
        bestSeq = line.seq;
      }
    }
    if (best < 0) return;
    const line = logLineAt(bufs[best], cursor[best]);
    cursor[best]++;
    if (line) yield line;
  }
}
