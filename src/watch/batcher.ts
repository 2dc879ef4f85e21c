// Quiet-period batching of file events. A batch flushes when no event has arrived for `quietMs`,
// or `maxWaitMs` after its first event even if events keep coming (a steady stream — a build
// writing files, `git checkout` — must not starve the container).
//
// The batch is a set of paths, not a list of events: the flush re-reads each path, so what
// matters is only which paths may have changed. One thing events do tell us is worth keeping: a
// path whose first event in the batch was a creation did not exist before the batch, so if it
// is gone again at flush time (an editor's temp file renamed over the real one) there is nothing
// to delete in the container — the atomic save is one change, not a delete plus a copy.
import type { Clock } from './clock.js';

/** chokidar's events, plus 'hint': a raw fs.watch notice that something at the path moved. */
export type FileEvent = 'add' | 'addDir' | 'change' | 'unlink' | 'unlinkDir' | 'hint';

export interface BatchEntry {
  /** The first event of the batch created the path (hints do not count: they cannot tell). */
  born?: boolean;
  /** The last deletion seen for the path in the batch: a file, or a directory. If the path
   * is back as the other kind, the container's old entry must go before the new one lands. */
  gone?: 'file' | 'dir';
}

export type Batch = Map<string, BatchEntry>;

export interface BatcherOptions {
  quietMs: number;
  maxWaitMs: number;
  clock: Clock;
  onFlush: (batch: Batch) => void;
}

export interface Batcher {
  add(path: string, event: FileEvent): void;
  /** Number of paths waiting. */
  readonly size: number;
  /** Flush now if anything waits (used by `flush()` and on close). */
  flushNow(): void;
  /** Drop the timers; further adds are ignored. */
  close(): void;
}

export const DEFAULT_QUIET_MS = 20;
export const DEFAULT_MAX_WAIT_MS = 200;

export function createBatcher(opts: BatcherOptions): Batcher {
  let batch: Batch = new Map();
  let firstAt = 0;
  let timer: unknown;
  let closed = false;

  const flushNow = (): void => {
    if (timer !== undefined) opts.clock.clearTimeout(timer);
    timer = undefined;
    if (batch.size === 0) return;
    const out = batch;
    batch = new Map();
    opts.onFlush(out);
  };

  const arm = (): void => {
    if (timer !== undefined) opts.clock.clearTimeout(timer);
    const untilCap = firstAt + opts.maxWaitMs - opts.clock.now();
    timer = opts.clock.setTimeout(flushNow, Math.max(0, Math.min(opts.quietMs, untilCap)));
  };

  return {
    add(path, event) {
      if (closed) return;
      if (batch.size === 0) firstAt = opts.clock.now();
      const e: BatchEntry = batch.get(path) ?? {};
      if (e.born === undefined && event !== 'hint') e.born = event === 'add' || event === 'addDir';
      if (event === 'unlink') e.gone = 'file';
      if (event === 'unlinkDir') e.gone = 'dir';
      batch.set(path, e);
      arm();
    },
    get size() {
      return batch.size;
    },
    flushNow,
    close() {
      closed = true;
      if (timer !== undefined) opts.clock.clearTimeout(timer);
      timer = undefined;
      batch = new Map();
    },
  };
}
