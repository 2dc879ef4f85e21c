// The only chokidar import. Watches the sync roots (never the whole project), skips what every
// rule ignores without descending into it, and reports raw events; batching is the caller's.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { FoxdevError } from '../errors.js';
import type { FileEvent } from './batcher.js';

export interface WatchRoot {
  /** Absolute directory or file. */
  path: string;
  /** False for paths the rule ignores (they are not watched at all). */
  watched: (abs: string) => boolean;
}

export interface FileWatcher {
  /** Resolves once the initial scan is done: events after this are real changes. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  roots: WatchRoot[];
  onEvent: (path: string, event: FileEvent) => void;
  onError: (err: FoxdevError) => void;
}

export async function watchRoots(opts: WatchOptions): Promise<FileWatcher> {
  // A single-file root is watched through its directory: editors replace files by rename, and a
  // watch on the old inode would go quiet after the first save.
  const dirs = new Set<string>();
  for (const r of opts.roots) {
    const isDir = await stat(r.path).then((s) => s.isDirectory(), () => true);
    dirs.add(isDir ? r.path : path.dirname(r.path));
  }
  const wanted = (abs: string): boolean =>
    opts.roots.some((r) => r.watched(abs) || (abs !== r.path && r.path.startsWith(`${abs}/`)));
  const w: FSWatcher = watch([...dirs], {
    ignoreInitial: true,
    // Our batcher already folds unlink+add into one change; chokidar's own `atomic` would hold
    // every deletion back 100 ms.
    atomic: false,
    followSymlinks: false,
    persistent: true,
    ignored: (abs: string) => !wanted(abs),
  });
  const ready = new Promise<void>((resolve) => w.once('ready', () => resolve()));
  w.on('all', (event, p) => {
    if (event === 'add' || event === 'addDir' || event === 'change' || event === 'unlink' || event === 'unlinkDir') opts.onEvent(p, event);
  });
  w.on('error', (err) => opts.onError(new FoxdevError('sync', `watching ${[...dirs].join(', ')} failed: ${String((err as Error)?.message ?? err)}`, { cause: err })));
  return { ready, close: () => w.close() };
}
