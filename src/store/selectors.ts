// Derived views of State. Selectors that build new arrays memoise on the inputs' identity so
// useSyncExternalStore sees a stable value between frames.

import type { State } from './state.js';
import type { Phase, ServiceState } from './types.js';

let listCache: { order: State['order']; services: State['services']; list: ServiceState[] } | null = null;

/** Services in dependency order. Same array back while order and services are unchanged. */
export function selectServiceList(state: State): ServiceState[] {
  if (listCache && listCache.order === state.order && listCache.services === state.services) return listCache.list;
  const list: ServiceState[] = [];
  for (const name of state.order) {
    const s = state.services[name];
    if (s) list.push(s);
  }
  listCache = { order: state.order, services: state.services, list };
  return list;
}

export function selectService(state: State, name: string): ServiceState | undefined {
  return state.services[name];
}

/** Every name that has logs or is a service: services in order first, then the rest by name. */
export function selectLogSources(state: State): string[] {
  const extra = Object.keys(state.logs)
    .filter((n) => !state.services[n])
    .sort();
  return [...state.order, ...extra];
}

export function selectLogCount(state: State, service: string): number {
  const b = state.logs[service];
  return b ? b.end - b.start : 0;
}

const OK: ReadonlySet<Phase> = new Set(['ready', 'completed']);
const BAD: ReadonlySet<Phase> = new Set(['unhealthy', 'crash-loop', 'failed']);

export interface Summary {
  total: number;
  /** Ready services and completed jobs. */
  ok: number;
  /** Unhealthy, crash-looping, failed, or exited with a non-zero code. */
  bad: number;
}

export function isProblem(s: ServiceState): boolean {
  return BAD.has(s.phase) || (s.phase === 'exited' && s.exitCode !== undefined && s.exitCode !== 0);
}

export function selectSummary(state: State): Summary {
  const list = selectServiceList(state);
  let ok = 0;
  let bad = 0;
  for (const s of list) {
    if (OK.has(s.phase)) ok++;
    else if (isProblem(s)) bad++;
  }
  return { total: list.length, ok, bad };
}

export function selectSeedable(state: State): string[] {
  return selectServiceList(state)
    .filter((s) => s.hasSeed)
    .map((s) => s.name);
}
