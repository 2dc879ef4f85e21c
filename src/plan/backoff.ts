// PURE: restart decisions. 1 s doubling, capped at 30 s; a service that stayed up for a while
// starts again from 1 s, so one crash a day is never treated as a crash loop.
import { parseDuration } from '../config/duration.js';
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

/**
 * The restart rule foxdev's supervisor applies: `restart:` (no|always|on-failure[:N]|unless-stopped)
 * or, when given, `deploy.restart_policy` over it, as compose does. While a session supervises,
 * containers carry the engine policy "no", so max_attempts, delay and window work for every
 * condition, with swarm's meaning; a detached `up` hands the policy to the engine (engine-restart.ts).
 */
export interface RestartRule {
  condition: 'none' | 'on-failure' | 'any';
  /** Restarts allowed (counted inside `windowMs` when that is set). */
  maxAttempts?: number;
  /** A fixed wait between attempts; without it the wait doubles from 1 s. */
  delayMs?: number;
  /** Only restarts within this long count against maxAttempts. */
  windowMs?: number;
  /** As written, for log lines. */
  label: string;
}

type Dict = Record<string, unknown>;

export function restartRule(svc: { restart: RestartPolicy; restartMaxRetries?: number; extra: Dict }): RestartRule {
  const deploy = svc.extra.deploy as Dict | undefined;
  const policy = deploy && typeof deploy === 'object' ? (deploy.restart_policy as Dict | undefined) : undefined;
  if (policy && typeof policy === 'object') {
    const written = typeof policy.condition === 'string' ? policy.condition : 'any'; // swarm's default
    const rule: RestartRule = { condition: conditionOf(written), label: `restart_policy: ${written}` };
    const attempts = Number(policy.max_attempts);
    if (policy.max_attempts !== undefined && Number.isInteger(attempts) && attempts >= 0) rule.maxAttempts = attempts;
    const delay = policy.delay !== undefined ? parseDuration(policy.delay as string | number) : undefined;
    if (delay !== undefined) rule.delayMs = delay;
    const window = policy.window !== undefined ? parseDuration(policy.window as string | number) : undefined;
    if (window) rule.windowMs = window;
    if (rule.maxAttempts !== undefined) rule.label += `, max_attempts ${rule.maxAttempts}`;
    return rule;
  }
  const rule: RestartRule = { condition: conditionOf(svc.restart), label: `restart: ${svc.restart}` };
  if (svc.restart === 'on-failure' && svc.restartMaxRetries !== undefined) {
    rule.maxAttempts = svc.restartMaxRetries;
    rule.label = `restart: on-failure:${svc.restartMaxRetries}`;
  }
  return rule;
}

/** compose maps the deploy conditions and the `restart` values onto the same three. */
export function conditionOf(written: string): RestartRule['condition'] {
  if (written === 'none' || written === 'no') return 'none';
  if (written === 'on-failure') return 'on-failure';
  return 'any';
}

/** Whether to start again after exiting with `exitCode`, given when the earlier restarts happened. */
export function shouldRestartBy(rule: RestartRule, exitCode: number, restartTimes: number[], now: number): boolean {
  if (rule.condition === 'none' || (rule.condition === 'on-failure' && exitCode === 0)) return false;
  if (rule.maxAttempts === undefined) return true;
  const counted = rule.windowMs ? restartTimes.filter((t) => now - t < rule.windowMs!) : restartTimes;
  return counted.length < rule.maxAttempts;
}

/** The wait before the next attempt. */
export function restartDelay(rule: RestartRule, consecutiveCrashes: number): number {
  return rule.delayMs ?? backoffDelay(consecutiveCrashes);
}
