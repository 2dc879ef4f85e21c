// PURE: restart decisions. 1 s doubling, capped at 30 s; a service that stayed up for a while
// starts again from 1 s, so one crash a day is never treated as a crash loop.
import type { RestartPolicy } from '../config/project.js';

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_CAP_MS = 30_000;
/** Up this long and the next crash counts as the first again. */
export const BACKOFF_RESET_AFTER_MS = 30_000;

export function backoffDelay(consecutiveCrashes: number): number {
  const n = Math.max(1, consecutiveCrashes);
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (n - 1));
}

/** Whether a container that exited with `exitCode` should be started again. */
export function shouldRestart(policy: RestartPolicy, exitCode: number, restarts: number, maxRetries?: number): boolean {
  switch (policy) {
    case 'always':
    case 'unless-stopped':
      return true;
    case 'on-failure':
      return exitCode !== 0 && (maxRetries === undefined || restarts < maxRetries);
    default:
      return false;
  }
}
