// Walks a seed plan. Each step's rollback is registered before the step runs; when a step fails,
// the rollbacks of it and of every earlier step run newest first, and the original error is
// rethrown. A failing rollback is logged and does not hide the error that caused it. Cleanup
// steps (after the data is in place) start when reached, run alongside the rest, and only warn.
import type { PlannedStep, SeedPlan, SeedStep } from '../../plan/seed.js';
import { formatSeedStep } from '../../plan/seed-format.js';

export type StepRunner = (step: SeedStep) => Promise<void>;

export async function runSeedPlan(plan: SeedPlan, run: StepRunner, onLog: (line: string) => void = () => {}): Promise<void> {
  const cleanups: Promise<void>[] = [];
  try {
    await walk(plan.steps, run, onLog, cleanups);
  } finally {
    await Promise.all(cleanups);
  }
}

async function walk(steps: PlannedStep[], run: StepRunner, onLog: (line: string) => void, cleanups: Promise<void>[]): Promise<void> {
  const started: PlannedStep[] = [];
  for (const planned of steps) {
    if (planned.cleanup) {
      const warn = (err: unknown) => onLog(`warning: ${formatSeedStep(planned.step)} failed: ${(err as Error).message}`);
      cleanups.push(run(planned.step).catch(warn));
      continue;
    }
    started.push(planned);
    try {
      await run(planned.step);
    } catch (err) {
      for (const done of started.reverse()) {
        for (const undo of done.rollback) {
          try {
            onLog(`rolling back: ${formatSeedStep(undo)}`);
            await run(undo);
          } catch (rollbackErr) {
            onLog(`rollback step failed (${formatSeedStep(undo)}): ${(rollbackErr as Error).message}`);
          }
        }
      }
      throw err;
    }
  }
}
