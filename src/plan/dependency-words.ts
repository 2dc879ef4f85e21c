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
