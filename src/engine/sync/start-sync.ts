// Live sync for one running container service: host edits under the sync rules reach the
// container within one quiet period plus one transfer, and catch-up makes the container equal
// the host after it (re)starts. This is the library the engine calls; it owns no lifecycle
// beyond its watcher — restarts and rebuilds are asked of the engine through `onAction`.
import path from 'node:path';
import type { ContainerHandle } from '../../runtime/container-handle.js';
import type { ResolvedSyncRule } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { planCatchUp } from '../../plan/sync-catchup.js';
import { planSync, ruleCopies, type ObservedChange, type Refusal } from '../../plan/sync.js';
import { openWriter, type Transport } from '../../runtime/archive.js';
import { readContainerTree } from '../../runtime/container-tree.js';
import { execIn } from '../../runtime/sync-exec.js';
import { systemClock, type Clock } from '../../watch/clock.js';
import { applyCopyRemove } from './apply.js';
import { readHostTree } from './host-tree.js';
import { startPump, type Pump } from './pump.js';
import { prepareRules, PRUNE_IN_CONTAINER, type PreparedRule } from './rules.js';

export interface SyncStatus {
  /** Entries copied or deleted since the sync started. */
  files: number;
  /** Changed paths not yet in the container. */
  pending: number;
  /** The last problem; cleared by the next batch that applies cleanly. */
  error?: string;
  /** When the status last changed (clock ms). */
  at: number;
}

export interface SyncActionRequest {
  kind: 'restart' | 'rebuild';
  /** The host file whose change asked for it (shown to the person: "rebuild because …"). */
  file: string;
}

export interface StartSyncOptions {
  container: ContainerHandle;
  serviceName: string;
  rules: ResolvedSyncRule[];
  projectDir: string;
  /** The service's build context: its .dockerignore applies to the sync too. */
  buildContext?: string;
  onStatus?: (status: SyncStatus) => void;
  /**
   * Restart or rebuild the service; resolve when done. After a restart, sync catches the
   * container up by itself. After a rebuild the container is new: close this sync and start
   * another for the new container (its catch-up runs when `catchUpOnStart` is true).
   */
  onAction?: (a: SyncActionRequest) => Promise<void>;
  onLog?: (line: string) => void;
  signal?: AbortSignal;
  /** Catch up every copying rule at start, not only `initial_sync` ones (after a recreate). */
  catchUpOnStart?: boolean;
  transport?: Transport;
  quietMs?: number;
  maxWaitMs?: number;
  clock?: Clock;
}

export interface SyncSession {
  /** Make the container equal the host under every copying rule (call after it (re)starts). */
  catchUp(): Promise<void>;
  /** Apply every change seen so far, now (tests, `foxdev sync --now`). */
  flush(): Promise<void>;
  /** Stop watching; waits for a transfer in progress. Idempotent. */
  close(): Promise<void>;
  status(): SyncStatus;
}

const rel = (root: string, p: string): string => path.relative(root, p) || path.basename(p);

export async function startSync(opts: StartSyncOptions): Promise<SyncSession> {
  const clock = opts.clock ?? systemClock;
  const log = opts.onLog ?? (() => undefined);
  const rules = await prepareRules(opts.rules, { projectDir: opts.projectDir, buildContext: opts.buildContext, serviceName: opts.serviceName });
  const writer = openWriter(opts.container, opts.transport);
  let status: SyncStatus = { files: 0, pending: 0, at: clock.now() };
  let pendingOf = (): number => 0;

  const report = (patch: Partial<SyncStatus> & { clearError?: boolean }): void => {
    const { clearError, ...rest } = patch;
    status = { ...status, ...rest, pending: pendingOf(), at: clock.now() };
    if (clearError) delete status.error;
    opts.onStatus?.(status);
  };
  const fail = (err: unknown): void => {
    const msg = err instanceof Error ? err.message : String(err);
    log(`sync error: ${msg}`);
    report({ error: msg });
  };
  const refuse = (refused: Refusal[]): void => {
    for (const r of refused) fail(new FoxdevError('sync', r.reason));
  };

  const catchUpRules = async (which: PreparedRule[]): Promise<void> => {
    const t0 = clock.now();
    let count = 0;
    let refusedAny = false;
    for (const view of which) {
      const target = view.rule.target!;
      const prune = PRUNE_IN_CONTAINER.filter((n) => !view.matcher.watched(path.posix.join(view.rule.path, n)));
      const inContainer = await readContainerTree(opts.container, target, { prune });
      const sizes = new Map(inContainer.filter((e) => e.kind === 'file').map((e) => [e.rel, e.size]));
      const onHost = await readHostTree(view.rule.path, view.matcher, (r, size) => sizes.get(r) === size);
      const plan = planCatchUp(view, onHost, inContainer);
      refuse(plan.refused);
      refusedAny ||= plan.refused.length > 0;
      count += (await applyCopyRemove(writer, plan)).count;
    }
    log(`caught up ${opts.serviceName}: ${count} change(s) in ${clock.now() - t0} ms`);
    report({ files: status.files + count, ...(refusedAny ? {} : { clearError: true }) });
  };

  const onBatch = async (changes: ObservedChange[]): Promise<void> => {
    const t0 = clock.now();
    const plan = planSync(changes, rules);
    refuse(plan.refused);
    let applied;
    try {
      applied = await applyCopyRemove(writer, plan);
    } catch (err) {
      pump?.requeue(changes.map((c) => c.path)); // retried with the next batch or caught up
      fail(err);
      return;
    }
    if (applied.count) log(`synced ${applied.count} change(s) to ${opts.serviceName} in ${clock.now() - t0} ms`);
    report({ files: status.files + applied.count, ...(plan.refused.length ? {} : { clearError: true }) });
    for (const f of plan.followUps) {
      const root = rules[f.rule].rule.path;
      if (f.kind === 'exec') {
        log(`running \`${f.command.join(' ')}\` in ${opts.serviceName} because ${rel(root, f.file)} changed`);
        try {
          // Like compose's sync+exec: the container's own working directory and user.
          const r = await execIn(opts.container, f.command, { onLine: log });
          if (r.exitCode !== 0) fail(new FoxdevError('sync', `\`${f.command.join(' ')}\` exited ${r.exitCode} after ${rel(root, f.file)} changed`));
        } catch (err) {
          fail(err);
        }
        continue;
      }
      log(`${f.kind} ${opts.serviceName} because ${rel(root, f.file)} changed`);
      try {
        await opts.onAction?.({ kind: f.kind, file: f.file });
        if (f.kind === 'restart') await catchUpRules(rules.filter((r) => ruleCopies(r.rule)));
      } catch (err) {
        fail(err);
      }
    }
  };

  // Assigned before any batch can run: batches start only after the first quiet period.
  let pump: Pump | undefined;
  pump = await startPump({
    roots: rules.map((r) => ({ path: r.rule.path, watched: r.matcher.watched })),
    onBatch,
    onError: fail,
    onPending: () => report({}),
    quietMs: opts.quietMs,
    maxWaitMs: opts.maxWaitMs,
    clock,
  });
  const p = pump;
  pendingOf = p.pending;

  const catchUp = (): Promise<void> =>
    p.exclusive(async () => {
      p.clearQueued(); // the catch-up reads the host fresh; queued paths add nothing
      await catchUpRules(rules.filter((r) => ruleCopies(r.rule)));
    });

  const close = async (): Promise<void> => {
    opts.signal?.removeEventListener('abort', onAbort);
    await p.close();
    writer.close();
  };
  const onAbort = (): void => void close();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const initial = rules.filter((r) => ruleCopies(r.rule) && (opts.catchUpOnStart || r.rule.initialSync));
  if (initial.length) {
    try {
      await p.exclusive(() => catchUpRules(initial));
    } catch (err) {
      fail(err);
    }
  }
  if (opts.signal?.aborted) await close();

  return { catchUp, flush: () => p.flush(), close, status: () => ({ ...status, pending: p.pending() }) };
}
