// Restart-on-change for host-process services (`run:`): the same rules, roots and ignores as
// container sync, but the files are already where the process reads them, so every rule's
// action becomes "restart the process" (naming the file). Changes during a restart coalesce
// into at most one more restart.
import path from 'node:path';
import type { ResolvedSyncRule } from '../../config/project.js';
import { matchChanges } from '../../plan/sync.js';
import type { Clock } from '../../watch/clock.js';
import { startPump } from './pump.js';
import { prepareRules } from './rules.js';
import type { SyncActionRequest } from './start-sync.js';

export interface ProcessWatchOptions {
  rules: ResolvedSyncRule[];
  /** Rules must stay inside it; defaults to the filesystem root (no check). */
  projectDir?: string;
  serviceName?: string;
  onAction: (a: SyncActionRequest) => Promise<void>;
  onError?: (err: Error) => void;
  signal?: AbortSignal;
  quietMs?: number;
  maxWaitMs?: number;
  clock?: Clock;
}

export interface ProcessWatch {
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function startProcessWatch(opts: ProcessWatchOptions): Promise<ProcessWatch> {
  const rules = await prepareRules(opts.rules, { projectDir: opts.projectDir ?? path.parse(process.cwd()).root, serviceName: opts.serviceName ?? 'process' });
  const onError = opts.onError ?? (() => undefined);
  const pump = await startPump({
    roots: rules.map((r) => ({ path: r.rule.path, watched: r.matcher.watched })),
    onBatch: async (changes) => {
      const first = matchChanges(changes, rules).find((m) => m.length > 0)?.[0];
      if (!first) return;
      try {
        await opts.onAction({ kind: 'restart', file: first.path });
      } catch (err) {
        onError(err as Error);
      }
    },
    onError,
    quietMs: opts.quietMs,
    maxWaitMs: opts.maxWaitMs,
    clock: opts.clock,
  });
  const close = (): Promise<void> => pump.close();
  opts.signal?.addEventListener('abort', () => void close(), { once: true });
  if (opts.signal?.aborted) await close();
  return { flush: () => pump.flush(), close };
}
