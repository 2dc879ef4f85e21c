// The event pump shared by container sync and host-process watch: watcher → quiet-period
// batcher → one batch at a time, observed (lstat) just before it is handed on. Batches that
// arrive while one is being applied merge, so a slow container never builds a backlog.
// Anything else that must not overlap a batch (catch-up) runs through `exclusive`.
import { createBatcher, DEFAULT_MAX_WAIT_MS, DEFAULT_QUIET_MS, type BatchEntry } from '../../watch/batcher.js';
import { systemClock, type Clock } from '../../watch/clock.js';
import { watchRoots, type WatchRoot } from '../../watch/watcher.js';
import type { FoxdevError } from '../../errors.js';
import type { ObservedChange } from '../../plan/sync.js';
import { observe } from './host-tree.js';

export interface PumpOptions {
  roots: WatchRoot[];
  onBatch: (changes: ObservedChange[]) => Promise<void>;
  onError: (err: FoxdevError) => void;
  quietMs?: number;
  maxWaitMs?: number;
  clock?: Clock;
}

export interface Pump {
  /** Paths seen but not yet applied (waiting in the batcher, queued, or being applied). */
  pending(): number;
  /** Put paths back for the next batch (after a failed transfer). */
  requeue(paths: Iterable<string>): void;
  /** Forget queued paths (a catch-up just made everything level). */
  clearQueued(): void;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Apply everything seen so far, now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startPump(opts: PumpOptions): Promise<Pump> {
  const clock = opts.clock ?? systemClock;
  let queued = new Map<string, BatchEntry>();
  let inFlight = 0;
  let lock: Promise<unknown> = Promise.resolve();
  let scheduled = false;
  let closed = false;

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = lock.then(fn);
    lock = next.catch(() => undefined);
    return next;
  };

  const runQueued = async (): Promise<void> => {
    scheduled = false;
    if (closed || queued.size === 0) return;
    const batch = queued;
    queued = new Map();
    inFlight = batch.size;
    try {
      const observed = await observe(batch.keys());
      // Born and gone within the batch: it never reached the container, nothing to delete.
      const changes = observed.filter((c) => !(c.kind === 'absent' && batch.get(c.path)?.born));
      if (changes.length) await opts.onBatch(changes);
    } finally {
      inFlight = 0;
    }
  };

  const kick = (): void => {
    if (scheduled || closed) return;
    scheduled = true;
    void exclusive(runQueued);
  };

  const batcher = createBatcher({
    quietMs: opts.quietMs ?? DEFAULT_QUIET_MS,
    maxWaitMs: opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    clock,
    onFlush: (batch) => {
      for (const [p, e] of batch) {
        const prev = queued.get(p);
        queued.set(p, prev ?? e);
      }
      kick();
    },
  });

  const watcher = await watchRoots({ roots: opts.roots, onEvent: (p, ev) => batcher.add(p, ev), onError: opts.onError });
  await watcher.ready;

  return {
    pending: () => batcher.size + queued.size + inFlight,
    requeue(paths) {
      for (const p of paths) if (!queued.has(p)) queued.set(p, { born: false });
    },
    clearQueued() {
      queued = new Map();
    },
    exclusive,
    async flush() {
      batcher.flushNow();
      if (queued.size) kick();
      await lock;
    },
    async close() {
      if (closed) return;
      closed = true;
      batcher.close();
      await watcher.close();
      await lock;
    },
  };
}
