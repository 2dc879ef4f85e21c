// PURE: compose's words for a dependency that did not meet its depends_on condition, in one
// place for the session's gates (engine/gates.ts) and for `start`/`restart` outside a session
// (plan/start-gate.ts), so both say the same thing.

/** Why a service_healthy wait on a dependency nothing measures fails. */
export const NO_HEALTHCHECK = 'has no healthcheck configured';

export const FAILED_TO_START = 'dependency failed to start: ';

/** `dependency failed to start: container x exited (3)`; `what` names it ("container x", "process y"). */
export const failedToStart = (what: string, why: string): string => `${FAILED_TO_START}${what} ${why}`;

/** `service "x" didn't complete successfully: exit 3`. */
export const notCompleted = (service: string, code: number): string => `${notCompletedPrefix(service)}: exit ${code}`;

export const notCompletedPrefix = (service: string): string => `service "${service}" didn't complete successfully`;

/** compose's warning for an optional dependency that failed: `optional dependency "x" failed to start: …`. */
export function optionalFailure(dep: string, message: string): string {
  if (message.startsWith(FAILED_TO_START)) return `optional dependency "${dep}" failed to start: ${message.slice(FAILED_TO_START.length)}`;
  const notDone = notCompletedPrefix(dep);
  if (message.startsWith(notDone)) return `optional dependency "${dep}" didn't complete successfully${message.slice(notDone.length)}`;
  return `optional dependency "${dep}" failed to start: ${message}`;
}
