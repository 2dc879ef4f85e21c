// How lifecycle actions change one service. Actions for a service the project does not know are
// ignored: a late event from a removed service must not resurrect it in the list.

import type { Action } from './actions.js';
import type { State } from './state.js';
import type { Phase, ServiceState } from './types.js';

/** Phases in which the service's process is gone: uptime stops and health no longer applies. */
const DOWN_PHASES: ReadonlySet<Phase> = new Set(['exited', 'completed', 'failed', 'crash-loop', 'stopped']);

function update(state: State, name: string, fn: (s: ServiceState) => ServiceState): State {
  const current = state.services[name];
  if (!current) return state;
  return { ...state, services: { ...state.services, [name]: fn(current) } };
}

export function reduceProjectLoaded(state: State, action: Extract<Action, { type: 'project/loaded' }>): State {
  const services: Record<string, ServiceState> = {};
  for (const info of action.project.services) {
    const previous = state.services[info.name];
    // A reload keeps what is already known about a running service; only its description changes.
    services[info.name] = previous
      ? { ...previous, ...info }
      : { ...info, phase: 'pending', health: 'none', restarts: 0 };
  }
  return {
    ...state,
    project: { name: action.project.name },
    order: action.project.services.map((s) => s.name),
    services,
  };
}

export function reduceService(state: State, action: Action): State {
  switch (action.type) {
    case 'service/phase':
      return update(state, action.service, (s) => {
        const down = DOWN_PHASES.has(action.phase);
        return {
          ...s,
          phase: action.phase,
          phaseAt: action.at,
          reason: action.reason,
          exitCode: action.exitCode,
          nextRetryAt: action.phase === 'crash-loop' ? action.nextRetryAt : undefined,
          startedAt: down ? undefined : s.startedAt,
          health: down ? 'none' : s.health,
        };
      });
    case 'service/health':
      return update(state, action.service, (s) => ({
        ...s,
        health: action.health,
        healthAt: action.at,
        // Keep the previous probe text when a health event carries none: it still explains.
        lastProbe: action.lastProbe ?? s.lastProbe,
      }));
    case 'service/started':
      return update(state, action.service, (s) => ({ ...s, startedAt: action.at }));
    case 'service/restarted':
      return update(state, action.service, (s) => ({ ...s, restarts: action.restarts, startedAt: action.at }));
    case 'sync/status':
      return update(state, action.service, (s) => ({
        ...s,
        sync: { at: action.at, files: action.files, pending: action.pending, error: action.error },
      }));
    case 'seed/status':
      return update(state, action.service, (s) => ({
        ...s,
        seed: { at: action.at, state: action.state, message: action.message },
      }));
    default:
      return state;
  }
}
