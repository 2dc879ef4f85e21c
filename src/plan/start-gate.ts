// Whether a dependency's container, as the engine reports it, meets a depends_on condition for
// `foxdev start` (no session: the engine's own state is all there is). Pure, so the verb only
// polls and the rules are tested as data. The wording is compose's (plan/dependency-words.ts).
import { failedToStart, NO_HEALTHCHECK, notCompleted } from './dependency-words.js';

export interface ContainerNow {
  /** The service it belongs to: compose names the service when a job did not complete. */
  service: string;
  name: string;
  status: string; // created | running | exited | paused | restarting | dead
  exitCode: number;
  /** The engine's health status, '' when the container has no healthcheck. */
  health: string;
}

export type GateVerdict = { kind: 'met' } | { kind: 'wait' } | { kind: 'failed'; message: string };

export function startGate(condition: string, c: ContainerNow): GateVerdict {
  const gone = c.status === 'exited' || c.status === 'dead';
  if (condition === 'service_completed_successfully') {
    if (!gone) return { kind: 'wait' };
    return c.exitCode === 0 ? { kind: 'met' } : { kind: 'failed', message: notCompleted(c.service, c.exitCode) };
  }
  if (condition === 'service_healthy') {
    if (gone) return { kind: 'failed', message: failedToStart(`container ${c.name}`, `exited (${c.exitCode})`) };
    if (c.health === '') return { kind: 'failed', message: failedToStart(`container ${c.name}`, NO_HEALTHCHECK) };
    if (c.health === 'healthy') return { kind: 'met' };
    if (c.health === 'unhealthy') return { kind: 'failed', message: failedToStart(`container ${c.name}`, 'is unhealthy') };
    return { kind: 'wait' };
  }
  // service_started (compose's start already started it, whatever it did next), and foxdev's
  // service_seeded / service_ready, which only a session can measure.
  return { kind: 'met' };
}
