// Walks a reseed plan (plan/reseed.ts) over a set of actions: the session's (dashboard `s`) or
// the engine's by label (`foxdev seed` with no session). It decides nothing of its own; the rules
// are mechanical: an operation whose `after` services did not succeed is skipped (a dependent of a
// failed job stays stopped, with the reason), and a failed reset undoes what was brought down, newest
// first (the library kept the old data), and ends the walk.
import type { ReseedOp, ReseedPlan } from '../../plan/reseed.js';

export interface ReseedActions {
  stop(service: string): Promise<void>;
  pause(service: string): Promise<void>;
  reseed(service: string): Promise<void>;
  /** Resolves once the job completed successfully; throws a ReseedJobFailed otherwise. */
  runJob(service: string): Promise<void>;
  restart(service: string): Promise<void>;
  resume(service: string): Promise<void>;
  /** Before each operation (and each undo). */
  starting?(op: ReseedOp): void;
  /** An operation left out because one it waits for did not succeed. */
  skipped?(op: ReseedOp, reason: string): void;
}

/** A re-run job that did not complete, with what it printed last. */
export class ReseedJobFailed extends Error {
  constructor(
    message: string,
    readonly lastLines: string[],
  ) {
    super(message);
    this.name = 'ReseedJobFailed';
  }
}

export interface ReseedStepResult {
  op: ReseedOp;
  status: 'done' | 'failed' | 'skipped';
  reason?: string;
  lastLines?: string[];
  error?: unknown;
}

export interface ReseedOutcome {
  ok: boolean;
  results: ReseedStepResult[];
  /** The first failure, if any. */
  failed?: ReseedStepResult;
}

export async function walkReseed(plan: ReseedPlan, actions: ReseedActions): Promise<ReseedOutcome> {
  const results: ReseedStepResult[] = [];
  const notOk = new Map<string, string>(); // service → why its operation did not succeed
  const broughtDown: ReseedOp[] = [];
  for (let i = 0; i < plan.ops.length; i++) {
    const op = plan.ops[i];
    const blocker = op.after.find((s) => notOk.has(s));
    if (blocker !== undefined) {
      const reason = `not done: ${blocker} ${notOk.get(blocker)}`;
      notOk.set(op.service, `was not brought back (${blocker} ${notOk.get(blocker)})`);
      actions.skipped?.(op, reason);
      results.push({ op, status: 'skipped', reason });
      continue;
    }
    actions.starting?.(op);
    try {
      await act(actions, op);
      results.push({ op, status: 'done' });
      if (op.undo) broughtDown.push(op.undo);
    } catch (err) {
      const reason = (err as Error).message;
      const failed: ReseedStepResult = { op, status: 'failed', reason, lastLines: err instanceof ReseedJobFailed ? err.lastLines : undefined, error: err };
      results.push(failed);
      notOk.set(op.service, op.op === 'run-job' ? 'failed' : `failed to ${op.op}`);
      if (op.op !== 'reseed') continue;
      // The reset failed and kept the old data: bring back what was brought down for it.
      for (const undo of broughtDown.reverse()) {
        actions.starting?.(undo);
        try {
          await act(actions, undo);
          results.push({ op: undo, status: 'done' });
        } catch (undoErr) {
          results.push({ op: undo, status: 'failed', reason: (undoErr as Error).message, error: undoErr });
        }
      }
      const undone = new Set(broughtDown.map((u) => u.service));
      for (const rest of plan.ops.slice(i + 1)) {
        if ((rest.op === 'restart' || rest.op === 'resume') && undone.has(rest.service)) continue; // the undo did it
        const why = `not done: the reset of ${op.service} failed`;
        actions.skipped?.(rest, why);
        results.push({ op: rest, status: 'skipped', reason: why });
      }
      return { ok: false, results, failed };
    }
  }
  const failed = results.find((r) => r.status === 'failed');
  return { ok: !failed, results, failed };
}

function act(a: ReseedActions, op: ReseedOp): Promise<void> {
  switch (op.op) {
    case 'stop':
      return a.stop(op.service);
    case 'pause':
      return a.pause(op.service);
    case 'reseed':
      return a.reseed(op.service);
    case 'run-job':
      return a.runJob(op.service);
    case 'restart':
      return a.restart(op.service);
    case 'resume':
      return a.resume(op.service);
  }
}

/** One line per thing that went wrong, and the last lines of a failed job (for the CLI and the log pane). */
export function describeOutcome(outcome: ReseedOutcome): string[] {
  const lines: string[] = [];
  for (const r of outcome.results) {
    if (r.status === 'failed') {
      lines.push(`${r.op.op} ${r.op.service} failed: ${r.reason}`);
      if (r.lastLines?.length) lines.push(`--- last lines of ${r.op.service} ---`, ...r.lastLines);
    }
    if (r.status === 'skipped' && (r.op.op === 'restart' || r.op.op === 'resume')) lines.push(`${r.op.service} stays ${r.op.op === 'restart' ? 'stopped' : 'paused'} (${r.reason})`);
    else if (r.status === 'skipped') lines.push(`${r.op.op} ${r.op.service}: ${r.reason}`);
  }
  return lines;
}
