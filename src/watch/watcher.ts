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
  /** Every path the initial scan found (absolute) and whether it is a directory; after `ready`. */
  scanned(): Array<{ path: string; dir: boolean }>;
  /**
   * Watch these paths afresh. chokidar keeps its own idea of what each path is; when a file is
   * replaced by a directory of the same name (or back) quickly, it can keep watching the old
   * kind and miss everything that follows inside.
   */
  rewatch(paths: string[]): void;
  /** Re-watch those of these directories chokidar is not watching (any more). */
  ensureWatched(dirs: string[]): void;
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
  // chokidar drops some changes on the floor: a dangling symlink never gets an 'add' (it
  // realpath()s the link), and a path re-created quickly under a throttled directory read can
  // be missed. The raw fs.watch notices name the path anyway; since every batch re-reads each
  // path, passing them on as hints makes such changes land without trusting chokidar's verdict.
  w.on('raw', (_ev, filename, details) => {
    const watchedPath = (details as { watchedPath?: string } | undefined)?.watchedPath;
    // A watch on a file reports its own basename; only directory watches name a child.
    if (!watchedPath || !filename || path.basename(watchedPath) === filename) return;
    const abs = path.join(watchedPath, filename);
    if (wanted(abs)) opts.onEvent(abs, 'hint');
  });
  w.on('error', (err) => opts.onError(new FoxdevError('sync', `watching ${[...dirs].join(', ')} failed: ${String((err as Error)?.message ?? err)}`, { cause: err })));
  const scanned = (): Array<{ path: string; dir: boolean }> => {
    const watched = w.getWatched();
    return Object.entries(watched).flatMap(([dir, names]) => names.map((n) => path.join(dir, n)).map((p) => ({ path: p, dir: p in watched })));
  };
  const rewatch = (paths: string[]): void => {
    const fresh = paths.filter(wanted);
    if (fresh.length) w.add(fresh);
  };
  const ensureWatched = (dirs: string[]): void => {
    const watched = w.getWatched();
    rewatch(dirs.filter((d) => !(d in watched)));
  };
  return { ready, scanned, rewatch, ensureWatched, close: () => w.close() };
}
