// Waiting for a started session (up --detach, ci, run's dependencies): until everything is ready
// or something failed, or a deadline that names what is still not ready.
import { FoxdevError } from '../errors.js';
import type { Session, Settled } from './session.js';

/** Wait for `settled`, or time out naming the services that are not ready yet. */
export async function waitSettled(session: Session, timeoutMs: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => {
      const waiting = [...session.runs.values()].filter((r) => (r.svc.kind === 'job' ? r.completed : r.ready).state === 'pending');
      resolve({
        ok: false,
        timedOutS: Math.round(timeoutMs / 1000),
        failures: waiting.map((r) => ({ service: r.name, reason: `not ready after ${Math.round(timeoutMs / 1000)}s${r.lastProbe ? ` (last probe: ${r.lastProbe})` : ''}`, lastLines: [...r.lastLines] })),
      });
    }, timeoutMs);
  });
  try {
    return await Promise.race([session.settled(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function settledError(s: Settled): FoxdevError {
  const first = s.failures[0];
  const others = s.failures.length > 1 ? ` (and ${s.failures.slice(1).map((f) => f.service).join(', ')})` : '';
  // compose's words for a --wait-timeout that ran out, then which service and why.
  const lead = s.timedOutS !== undefined ? `application not healthy after ${s.timedOutS}s: ` : '';
  return new FoxdevError('dependency', `${lead}${first.service}: ${first.reason}${others}`);
}
