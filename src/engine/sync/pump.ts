// The event pump shared by container sync and host-process watch: watcher → quiet-period
// batcher → one batch at a time, observed (lstat) just before it is handed on. Batches that
// arrive while one is being applied merge, so a slow container never builds a backlog.
// Anything else that must not overlap a batch (catch-up) runs through `exclusive`.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createBatcher, DEFAULT_MAX_WAIT_MS, DEFAULT_QUIET_MS, type BatchEntry } from '../../watch/batcher.js';
import { systemClock, type Clock } from '../../watch/clock.js';
import { watchRoots, type FileWatcher, type WatchRoot } from '../../watch/watcher.js';
import { FoxdevError } from '../../errors.js';
import type { ObservedChange } from '../../plan/sync.js';
import { observe } from './host-tree.js';
import { walkWanted } from './sweep.js';

/** How long after the last applied batch the settle sweep runs. */
export const SWEEP_MS = 300;

export interface PumpOptions {
  roots: WatchRoot[];
  onBatch: (changes: ObservedChange[]) => Promise<void>;
  onError: (err: FoxdevError) => void;
  /** The pending count changed: a batch was queued or finished. */
  onPending?: () => void;
  quietMs?: number;
  maxWaitMs?: number;
  clock?: Clock;
}

export interface Pump {
  /** Paths seen but not yet applied (waiting in the batcher, queued, or being applied). */
  pending(): number;
  /** Put paths back for the next batch (after a failed transfer); call it from onBatch. */
  requeue(paths: Iterable<string>): void;
  /** Forget queued paths (a catch-up just made everything level). */
  clearQueued(): void;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Apply everything seen so far, now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** A directory came back as a file or link, or a file came back as a directory. */
function kindChanged(gone: 'file' | 'dir' | undefined, now: ObservedChange['kind']): boolean {
  return (gone === 'dir' && (now === 'file' || now === 'symlink')) || (gone === 'file' && now === 'dir');
}

export async function startPump(opts: PumpOptions): Promise<Pump> {
  const clock = opts.clock ?? systemClock;
  const quietMs = opts.quietMs ?? DEFAULT_QUIET_MS;
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

  // Paths seen on the host since the start, to tell a deletion from a temp file that came and
  // went before anything reached the container (an editor's atomic save): that one is one
  // change, not a delete plus a copy.
  const known = new Map<string, ObservedChange['kind']>();
  /** Signature of each path's state when it was last handed on (see observe). */
  const applied = new Map<string, string>();
  // Known present before (so the container may have it), or chokidar reported a path that
  // existed before the batch: then its absence is a deletion.
  const wasThere = (p: string, born: boolean | undefined): boolean => known.has(p) || born === false;

  const runQueued = async (): Promise<void> => {
    scheduled = false;
    if (closed || queued.size === 0) return;
    const batch = queued;
    queued = new Map();
    inFlight = batch.size;
    try {
      const observed = await observe(batch.keys());
      const changes = observed
        // The same state as last applied: a late event for a change already sent.
        .filter(({ change: c, sig }) => applied.get(c.path) !== sig)
        .filter(({ change: c }) => c.kind !== 'absent' || wasThere(c.path, batch.get(c.path)?.born))
        .map(({ change: c }) => (kindChanged(batch.get(c.path)?.gone, c.kind) ? { ...c, replaced: true } : c));
      const newDirs: string[] = [];
      const retyped: string[] = [];
      for (const { change: c, sig } of observed) {
        const before = known.get(c.path);
        if (c.kind === 'dir' && before !== 'dir') newDirs.push(c.path);
        if (c.kind !== 'absent' && before !== undefined && (before === 'dir') !== (c.kind === 'dir')) retyped.push(c.path);
        if (c.kind === 'absent') known.delete(c.path);
        else known.set(c.path, c.kind);
        applied.set(c.path, sig);
      }
      if (retyped.length) watcher?.rewatch(retyped);
      if (changes.length) await opts.onBatch(changes);
      // A file written into a brand-new directory before chokidar's watch on it is in place
      // gets an 'add' (maybe while still empty) and then no event for the rest of its content.
      // Look at new directories once more after a quiet period: by then the watch exists, and
      // anything that changed since we read it differs in signature and is sent again.
      if (newDirs.length) clock.setTimeout(() => void rescan(newDirs), quietMs);
      if (changes.length) armSweep();
    } finally {
      inFlight = 0;
      opts.onPending?.();
    }
  };

  let watcher: FileWatcher | undefined;
  const rescan = async (dirs: string[]): Promise<void> => {
    for (const dir of dirs) {
      for (const entry of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
        const abs = path.join(dir, entry);
        if (wanted(abs)) batcher.add(abs, 'hint');
      }
    }
  };
  const wanted = (abs: string): boolean => opts.roots.some((r) => r.watched(abs));

  // The settle sweep: once activity has settled, walk the roots and hint every path whose state
  // differs from what was last sent, or that was known and is gone, and make chokidar watch
  // any directory it lost track of. chokidar misses changes under load (a directory replaced
  // by a file of the same name, a tree moved into a directory it has not watched yet); the
  // sweep bounds how long such a miss can last to about SWEEP_MS after the last change.
  let sweepTimer: unknown;
  const armSweep = (): void => {
    if (sweepTimer !== undefined) clock.clearTimeout(sweepTimer);
    sweepTimer = clock.setTimeout(() => {
      sweepTimer = undefined;
      void exclusive(sweep).catch((err: unknown) => opts.onError(err instanceof FoxdevError ? err : new FoxdevError('sync', String(err))));
    }, SWEEP_MS);
  };
  const sweep = async (): Promise<void> => {
    if (closed) return;
    const onDisk = await walkWanted(
      opts.roots.map((r) => r.path),
      wanted,
    );
    const seen = new Set(onDisk.map((e) => e.path));
    const stale = (await observe(seen)).filter((o) => applied.get(o.change.path) !== o.sig).map((o) => o.change.path);
    const vanished = [...known.keys()].filter((p) => !seen.has(p) && wanted(p));
    watcher?.ensureWatched(onDisk.filter((e) => e.dir).map((e) => e.path));
    for (const p of [...stale, ...vanished]) batcher.add(p, 'hint');
  };

  const kick = (): void => {
    if (scheduled || closed) return;
    scheduled = true;
    void exclusive(runQueued);
  };

  const batcher = createBatcher({
    quietMs,
    maxWaitMs: opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    clock,
    onFlush: (batch) => {
      for (const [p, e] of batch) {
        const prev = queued.get(p);
        queued.set(p, { born: prev?.born ?? e.born, gone: e.gone ?? prev?.gone });
      }
      kick();
      opts.onPending?.();
    },
  });

  watcher = await watchRoots({ roots: opts.roots, onEvent: (p, ev) => batcher.add(p, ev), onError: opts.onError });
  await watcher.ready;
  const scanned = watcher.scanned();
  for (const s of scanned) known.set(s.path, s.dir ? 'dir' : 'file');
  // Baseline: the container is assumed to hold what the host holds now (or a catch-up makes
  // it so), so the sweep only sends what changes from here on.
  for (const o of await observe(scanned.map((s) => s.path))) applied.set(o.change.path, o.sig);

  return {
    pending: () => batcher.size + queued.size + inFlight,
    requeue(paths) {
      for (const p of paths) {
        applied.delete(p);
        if (!queued.has(p)) queued.set(p, { born: false });
      }
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
      if (sweepTimer !== undefined) clock.clearTimeout(sweepTimer);
      batcher.close();
      await watcher.close();
      await lock;
    },
  };
}
